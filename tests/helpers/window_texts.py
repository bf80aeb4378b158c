"""Reading every text a person sees in a window (and its message boxes): for the Chinese-window tests.

`read_widgets` reads labels, buttons, tooltips, status tips, placeholders, window titles, table headers and
cells, combo items, group-box titles, tab titles, spinner prefixes and suffixes, the status bar, and the pyqtgraph
plots' titles, axis labels, legends and notes, into `Leftovers`, which keeps each text holding English.
"""

import re

from english_text import english_words
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)


class Leftovers:
    """Every text with English in it, with where it was found; each (where, text) once."""

    def __init__(self):
        self.found: dict[tuple[str, str], list[str]] = {}
        self.texts_read = 0
        #: the library's models' stored names: the user's data, shown as they are (the command line names its
        #: models in English; the window names those it trains in its language, tests/gui/i18n/test_core_texts.py).
        #: A text is read without them: the words around a name must still be Chinese
        self.stored_names: list[str] = []

    def check(self, where: str, text: object) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        self.texts_read += 1
        without = text
        for name in sorted(self.stored_names, key=len, reverse=True):
            without = without.replace(name, " ")
        words = english_words(without)
        if words:
            self.found.setdefault((where, text.strip()), words)

    def lines(self) -> list[str]:
        return [f"{where}: {text!r}   [{', '.join(words)}]" for (where, text), words in sorted(self.found.items())]


def path_of(widget, top=None) -> str:
    """The widget's object name (or class) after those of its named ancestors: mainWindow/loraTab/loraRank."""
    parts = [widget.objectName() or type(widget).__name__]
    while widget is not None and widget is not top:
        widget = widget.parentWidget()
        name = widget.objectName() if widget is not None else ""
        if name and not name.startswith("qt_"):
            parts.append(name)
    return "/".join(reversed(parts))


def can_be_seen(widget: QWidget, top: QWidget) -> bool:
    """Not hidden by the code: pages of tab and stacked widgets count (a click shows them), hidden widgets do not."""
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        widget = parent
    return True


def count(method) -> int:
    """rowCount / columnCount of any model: Python list models take the parent as optional, C++ ones need it,
    and a list model's columnCount is private (one column)."""
    for args in ((QModelIndex(),), ()):
        try:
            return int(method(*args))
        except TypeError:
            continue
    return 1


def read_model(where: str, model, leftovers: Leftovers, max_rows: int = 200) -> None:
    if model is None:
        return
    rows, columns = count(model.rowCount), count(model.columnCount)
    for orientation, sections in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, rows)):
        for section in range(min(sections, max_rows)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                leftovers.check(f"{where} header", model.headerData(section, orientation, role))
    for row in range(min(rows, max_rows)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                leftovers.check(f"{where}[{row},{column}]", model.data(index, role))


def read_actions(where: str, actions, leftovers: Leftovers) -> None:
    for action in actions:
        if action.isSeparator():
            continue
        name = f"{where}/{action.objectName() or action.text()}"
        leftovers.check(f"{name} text", action.text())
        leftovers.check(f"{name} toolTip", action.toolTip())
        leftovers.check(f"{name} statusTip", action.statusTip())
        if action.menu() is not None:
            menu = action.menu()
            leftovers.check(f"{name} title", menu.title())
            read_actions(name, menu.actions(), leftovers)


def read_scene(where: str, view: QGraphicsView, leftovers: Leftovers) -> None:
    """pyqtgraph draws titles, axis labels, legends and notes as text items in its scene."""
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, QGraphicsTextItem):
            leftovers.check(f"{where} plot text", item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            leftovers.check(f"{where} plot text", item.text())


def plain_text(widget: QPlainTextEdit) -> str:
    """What a plain text box shows; of a command box (shared/command_line.py's `commandText`), the notes under its
    first line only when that line is a `lora-studio …` command: a command is typed as it is, in any language."""
    text = widget.toPlainText()
    if widget.objectName() == "commandText" and text.startswith("lora-studio "):
        return text.partition("\n")[2]
    return text


def read_widgets(top: QWidget, leftovers: Leftovers, prefix: str = "") -> None:
    for widget in [top, *top.findChildren(QWidget)]:
        if not can_be_seen(widget, top) or isinstance(widget, QMenu):
            continue
        where = f"{prefix}: {path_of(widget, top)}" if prefix else path_of(widget, top)
        if widget.isWindow():
            leftovers.check(f"{where} windowTitle", widget.windowTitle())
        for prop in ("toolTip", "statusTip", "whatsThis"):
            leftovers.check(f"{where} {prop}", getattr(widget, prop)())
        if isinstance(widget, (QLabel, QAbstractButton)):
            leftovers.check(f"{where} text", widget.text())
        if isinstance(widget, QGroupBox):
            leftovers.check(f"{where} title", widget.title())
        if isinstance(widget, QLineEdit):
            leftovers.check(f"{where} text", widget.text())
            leftovers.check(f"{where} placeholder", widget.placeholderText())
        if isinstance(widget, QTextEdit):  # its HTML: a formula's m<sub>i</sub> is no word "mi"
            leftovers.check(f"{where} text", re.sub(r"<style.*?</style>", " ", widget.toHtml(), flags=re.S))
        if isinstance(widget, QPlainTextEdit):
            leftovers.check(f"{where} text", plain_text(widget))
            leftovers.check(f"{where} placeholder", widget.placeholderText())
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            for prop in ("prefix", "suffix", "specialValueText"):
                leftovers.check(f"{where} {prop}", getattr(widget, prop)())
        if isinstance(widget, QProgressBar) and widget.isTextVisible():
            leftovers.check(f"{where} text", widget.text())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                leftovers.check(f"{where} item {i}", widget.itemText(i))
                leftovers.check(f"{where} item {i} toolTip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                leftovers.check(f"{where} tab {i}", widget.tabText(i))
                leftovers.check(f"{where} tab {i} toolTip", widget.tabToolTip(i))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            read_model(where, widget.model(), leftovers)
        if isinstance(widget, QStatusBar):
            leftovers.check(f"{where} message", widget.currentMessage())
        if isinstance(widget, QGraphicsView):
            read_scene(where, widget, leftovers)
        read_actions(where, widget.actions(), leftovers)


def open_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def read_and_close_boxes(qtbot, what: str, leftovers: Leftovers) -> int:
    qtbot.waitUntil(lambda: bool(open_boxes()), timeout=30_000)
    boxes = open_boxes()
    for box in boxes:
        read_widgets(box, leftovers, what)
        box.close()
    return len(boxes)
