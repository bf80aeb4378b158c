"""What the bundled `LoRAStudio` executable runs: the `lora-studio` command (no arguments: the window)."""

import multiprocessing
import os
import sys


def give_a_windowed_exe_somewhere_to_print() -> None:
    """A windowed Windows executable has no console: sys.stdout and sys.stderr are None and a print fails.

    Started from a console (`LoRAStudio.exe self-test` in cmd or PowerShell), attach to it so the output
    shows there; double-clicked, discard it. `lora-studio.exe`, the console twin the Windows bundle also
    holds, is the better way to use the command line there (the console waits for it, and its exit code).
    Linux and macOS executables always have their terminal's streams.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32":
        try:
            import ctypes

            if ctypes.windll.kernel32.AttachConsole(-1):  # -1: the console of the parent process
                sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
                sys.stderr = sys.stdout
                return
        except (OSError, AttributeError):
            pass
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stdout or sink
    sys.stderr = sys.stderr or sink


if __name__ == "__main__":
    multiprocessing.freeze_support()
    give_a_windowed_exe_somewhere_to_print()
    from lora_studio.cli import main

    raise SystemExit(main())
