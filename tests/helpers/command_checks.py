"""What the window's "Copy as command" tests share (issue 21): a shown line read back by the command line's own
parser, as a shell splits it, and a click on a `copyCommandButton` with what it put on the clipboard."""

import shlex

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from lora_studio.cli.parser import build_parser
from lora_studio.core.workflows.run_command import PROGRAM

ELSEWHERE = "what was on the clipboard before"


def parsed(line: str):
    """The command line's reading of `line` (argparse's namespace)."""
    words = shlex.split(line)
    assert words[0] == PROGRAM, line
    return build_parser().parse_args(words[1:])


def copy_button(widget: QWidget) -> QPushButton:
    """The one `copyCommandButton` inside `widget`."""
    [button] = widget.findChildren(QPushButton, "copyCommandButton")
    return button


def click_copy(qtbot, state, widget: QWidget) -> tuple[str, str]:
    """Click `widget`'s copy button: (the clipboard's text after it, what the status bar was told)."""
    QGuiApplication.clipboard().setText(ELSEWHERE)
    with qtbot.waitSignal(state.sigStatus, timeout=1000) as said:
        qtbot.mouseClick(copy_button(widget), Qt.MouseButton.LeftButton)
    return QGuiApplication.clipboard().text(), said.args[0]


def clipboard() -> str:
    return QGuiApplication.clipboard().text()
