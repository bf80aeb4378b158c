"""Startup: seconds from process start to the main window shown (PRODUCT.md target: ≤ 1.5 s).

Runs `lora-studio gui --quit-after-shown` several times, each in a fresh process
with an empty LORA_STUDIO_HOME and settings folder. The app prints
`shown_after_s` (from /proc's process start time to the first frame drawn, before
PyTorch is imported) and `ready_after_s` (PyTorch and the core loaded in the
worker, controls enabled). Reports the median of each, and a TARGET line for
tests/benchmarks/run_all.py.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 7]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_S = 1.5
LAUNCHER = Path(sys.executable).with_name("lora-studio")


def one_run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="lora-studio-bench-") as tmp:
        env = dict(os.environ, LORA_STUDIO_HOME=str(Path(tmp) / "home"), XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [str(LAUNCHER)] if LAUNCHER.exists() else [sys.executable, "-m", "lora_studio"]
        done = subprocess.run([*command, "gui", "--quit-after-shown"], env=env, capture_output=True, text=True,
                              timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"lora-studio exited with {done.returncode}: {done.stderr[-2000:]}")
    values = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition("=")
        if key in ("shown_after_s", "ready_after_s"):
            values[key] = float(value)
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    one_run()  # warm the file cache: the first launch after a boot measures the disk, not the app
    runs = [one_run() for _ in range(args.runs)]
    shown = [r["shown_after_s"] for r in runs]
    ready = [r["ready_after_s"] for r in runs if "ready_after_s" in r]
    print(f"window shown after (s): {', '.join(f'{v:.2f}' for v in shown)}")
    print(f"PyTorch ready after (s): {', '.join(f'{v:.2f}' for v in ready)}")
    median = statistics.median(shown)
    print(f"median: shown {median:.2f} s, ready {statistics.median(ready):.2f} s over {len(runs)} runs "
          f"(os.cpu_count() = {os.cpu_count()}, load average {os.getloadavg()[0]:.2f})")
    verdict = "PASS" if median <= TARGET_S else "FAIL"
    print(f"TARGET: {verdict} startup: window shown after {median:.2f} s (median of {len(runs)}), "
          f"target ≤ {TARGET_S} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
