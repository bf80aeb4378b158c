"""The `lora-studio` command of what a view shows, to read, select and copy (issue 21's "Copy as command").

`CommandLine` shows a command (core.workflows.run_command.Command) as monospace text that wraps and can be
selected, its notes under it as shell comments in grey (what the command cannot say, or which of its runs a
saved model is), and a `copyCommandButton` that puts the one line, without the notes, on the clipboard. The
text box has a fixed height and scrolls, so a long command (a folder path, many seeds) never makes a tab
taller. A view hands it a function that makes the command from its controls and the signals after which to
make it again; a setting the core refuses (ConfigError) shows its reason instead of a command. Collapsible
for a tab with no height to spare: the header then opens and closes the text, and copies while closed.

Torch-free, like run_command: the command is there before PyTorch has loaded.
"""

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core.config import ConfigError
from lora_studio.core.workflows.run_command import Command
from lora_studio.gui.i18n.core_texts import core_text, user_error
from lora_studio.gui.shared.state.app_state import AppState, sentence

NOTE_COLOUR = QColor("#666666")
REASON_COLOUR = QColor("#a01010")
#: what `make` may give: the command, a reason why there is none (shown instead), or None (nothing chosen)
Made = Command | str | None


def copy_command(state: AppState, command: Command) -> None:
    """Put the command's one line on the clipboard and say so in the status bar."""
    QGuiApplication.clipboard().setText(command.line())
    state.sigStatus.emit(QCoreApplication.translate("CommandLine", "Command copied to the clipboard"))


def command_tooltip(command: Command, heading: str = "") -> str:
    """A tooltip holding the command (rich text, so that Qt wraps it rather than running off the screen)."""
    parts = [f"<p>{html.escape(heading)}</p>"] if heading else []
    parts.append(f"<p><code>{html.escape(command.line())}</code></p>")
    parts += [f"<p><i>{html.escape(core_text(note))}</i></p>" for note in command.notes]
    return "".join(parts)


class CommandLine(QWidget):
    """A command and its notes as selectable text, with `copyCommandButton`; `make` gives what to show."""

    def __init__(self, state: AppState, make: Callable[[], Made], lines: int = 3, collapsible: bool = False,
                 title: str = "", empty_text: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("commandLine")
        self.state, self.make = state, make
        self.command: Command | None = None
        self.reason = ""  # why no command is shown ("" when one is)
        self.empty_text = empty_text or self.tr("Nothing to show.")
        self._shown: tuple | None = None  # what the text box holds: redrawn only when it changes (keeps a selection)
        title = title or self.tr("Command line")
        what = self.tr("The lora-studio command that makes the same run: run in a terminal with the same data, it "
                       "trains the same models (the same seeds give the same accuracy).")
        if collapsible:
            self.toggle: QToolButton | None = QToolButton()
            self.toggle.setObjectName("commandToggle")
            self.toggle.setText(title)
            self.toggle.setCheckable(True)
            self.toggle.setAutoRaise(True)
            self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.toggle.setArrowType(Qt.ArrowType.RightArrow)
            self.toggle.setToolTip(what)
            self.toggle.toggled.connect(self._on_toggled)
            heading: QWidget = self.toggle
        else:
            self.toggle = None
            heading = QLabel(f"<b>{html.escape(title)}</b>")
            heading.setToolTip(what)
        self.copy_button = QPushButton(self.tr("Copy command"))
        self.copy_button.setObjectName("copyCommandButton")
        self.copy_button.setToolTip(self.tr("Copy the command to the clipboard, to run it in a terminal"))
        self.copy_button.clicked.connect(self.copy)
        self.buttons = QHBoxLayout()  # where a view may add buttons of its own beside the copy button
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addWidget(heading)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.copy_button)

        self.text = QPlainTextEdit()
        self.text.setObjectName("commandText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long path breaks too
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setToolTip(what)
        margins = self.text.contentsMargins()
        self.text.setFixedHeight(lines * self.text.fontMetrics().lineSpacing() + 2 * self.text.frameWidth()
                                 + 2 * int(self.text.document().documentMargin()) + margins.top() + margins.bottom())
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.buttons)
        layout.addWidget(self.text)
        if self.toggle is not None:
            self.text.setVisible(False)
        self.refresh()

    def add_button(self, button: QPushButton) -> None:
        """Put `button` right of the copy button (another action on the same run, e.g. export as code)."""
        self.buttons.addWidget(button)

    def watch(self, *signals) -> None:
        """Make the command again whenever one of `signals` is emitted (whatever it carries)."""
        for signal in signals:
            signal.connect(lambda *_args: self.refresh())

    def line(self) -> str | None:
        """The line the copy button copies; None when there is no command."""
        return self.command.line() if self.command is not None else None

    def notes(self) -> list[str]:
        return [core_text(note) for note in self.command.notes] if self.command is not None else []

    # --- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            made = self.make()
        except ConfigError as exc:  # a setting the core refuses: the reason, in the window's language
            made = sentence(user_error(exc))
        self.command = made if isinstance(made, Command) else None
        self.reason = made if isinstance(made, str) else ""
        self.copy_button.setEnabled(self.command is not None)
        if self.command is not None:
            shown: tuple = (self.command.line(), *self.notes())
        else:
            shown = ("", self.reason or self.empty_text)
        if shown != self._shown:
            self._shown = shown
            self._draw(shown)

    def _draw(self, shown: tuple) -> None:
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        line, *notes = shown
        plain = QTextCharFormat()
        plain.setFont(self.text.font())
        grey = QTextCharFormat()
        grey.setFont(self.font())
        grey.setForeground(NOTE_COLOUR if line or not self.reason else REASON_COLOUR)
        if line:
            cursor.insertText(line, plain)
            for note in notes:  # as shell comments: pasting the whole text into a shell still runs the command
                cursor.insertBlock()
                cursor.insertText(f"# {note}", grey)
        else:
            cursor.insertText(notes[0], grey)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    # --- acting -------------------------------------------------------------------------
    def copy(self) -> None:
        if self.command is not None:
            copy_command(self.state, self.command)

    def is_open(self) -> bool:
        return self.toggle is None or self.toggle.isChecked()

    def set_open(self, open_: bool) -> None:
        if self.toggle is not None:
            self.toggle.setChecked(open_)

    def remember(self, settings, key: str) -> None:
        """Open or close as last time (a collapsible one), and remember each change under `key`."""
        if self.toggle is None:
            return
        stored = settings.value(key, None)
        if stored is not None:
            self.set_open(str(stored).lower() in ("true", "1"))
        self.toggle.toggled.connect(lambda checked: settings.setValue(key, bool(checked)))

    def _on_toggled(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.text.setVisible(open_)
        if open_:  # in a scrolling column (the Compare tab's), bring the opened text into view
            QTimer.singleShot(0, self._show_in_scroll_area)

    def _show_in_scroll_area(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(self.text)
