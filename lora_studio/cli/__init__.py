"""The `lora-studio` command line. Without a command it opens the app.

Nothing heavy is imported here: the GUI path must put its window up before
PyTorch loads, and `--help` should be instant.
"""

import sys

from lora_studio.cli.parser import build_parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        from lora_studio.gui.app import run

        return run(quit_after_shown=getattr(args, "quit_after_shown", False), language=getattr(args, "language", None))

    if args.command == "tasks":  # names only: no PyTorch to load
        from lora_studio.core.data.task_names import listed_tasks

        width = max(len(info.name) for info in listed_tasks())
        for info in listed_tasks():
            print(f"{info.name:<{width}}  {info.title}")
        return 0

    from lora_studio.cli.commands import COMMANDS
    from lora_studio.core.errors import USER_ERRORS, one_line

    try:
        if args.command != "self-test":  # the self-test checks the bundled data without installing it
            _install_bundled_data()
        return COMMANDS[args.command](args)
    except USER_ERRORS as exc:
        print(f"lora-studio: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lora-studio: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130


def _install_bundled_data() -> None:
    """In a bundle built with DATA: put its data sets into the data folder when they are missing there."""
    from lora_studio.core.data.bundled import install_missing

    for outcome in install_missing():
        if outcome.status != "present":
            print(f"lora-studio: {outcome.message}", file=sys.stderr)
