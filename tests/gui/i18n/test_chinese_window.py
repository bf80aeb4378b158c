"""The window in Chinese leaves no English behind (issue 15).

With the zh_CN translation loaded, this walks every tab, the model library, every menu and action, and the
message boxes the menus can raise, and reads each text a person sees: labels, buttons, tooltips, status
tips, placeholders, window titles, table headers and cells, combo items, group-box titles, tab titles,
spinner prefixes and suffixes, the status bar, and the pyqtgraph plots' titles, axis labels, legends and
notes. Any English word outside ALLOWED fails the test, and the failure lists every leftover (where,
which property, the text) so a translator can work from it.

    .venv/bin/python tests/gui/i18n/test_chinese_window.py     # writes the list to /tmp/untranslated.txt

(or set LORA_STUDIO_UNTRANSLATED=<path> when running pytest). Drawn-only text (painted with QPainter in
the heat maps and image grids) is not readable here: `make screenshots-zh` shows it.
"""

import html
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
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

DUMP_ENV = "LORA_STUDIO_UNTRANSLATED"

#: English kept on purpose: names of methods, data sets, software and formats, and the language's own name
ALLOWED = {
    "LoRA", "DoRA", "rsLoRA", "LoRA+", "MNIST", "Fashion-MNIST", "KMNIST", "PyTorch", "Qt", "PySide6",
    "pyqtgraph", "Python", "IDX", "CSV", "CNN", "PEFT", "Adam", "JSON", "safetensors",
    "Studio",  # the app's name, LoRA Studio
    "English",  # View → Language names each language in its own language
    # the data sets' licence credits (Help → About, the Dataset tab): people's and bodies' names, licence names
    "Yann", "LeCun", "Corinna", "Cortes", "Zalando", "Research", "ROIS", "DS", "CODH", "CC", "BY", "SA", "MIT",
    "PNG", "JPEG", "BMP",  # image formats (own images: a folder of them)
    "Ctrl", "Shift",  # key names, as the keyboard has them
}
#: units and abbreviations written the same in Chinese text
UNITS = {"ms", "MB", "GB", "KB", "px"}
RUN = re.compile(r"[A-Za-z0-9_.'’+\-]+")  # a run of Latin letters, digits and the marks inside words
PATHS = re.compile(r"\S*[/\\]\S*|\S+\.(?:safetensors|json|png|csv|gz|qm|ts|py|txt)\b")


def english_words(text: str) -> list[str]:
    """The English words of `text` not kept on purpose (numbers, ids, paths, single letters are not words)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"&(?=\w)", "", text.replace("&&", "&"))  # menu accelerators: &File
    text = PATHS.sub(" ", text)
    words = []
    for run in RUN.findall(text):
        run = run.strip(".-'’_")
        if not run or any(ch.isdigit() for ch in run) or run in ALLOWED or run in UNITS:
            continue  # a number, a version, an id (conv1, feature-lora-…), a name kept on purpose
        for word in re.split(r"[-_]", run):
            if len(word) > 1 and word not in ALLOWED and word not in UNITS:
                words.append(word)
    return words


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
            leftovers.check(f"{where} text", widget.toPlainText())
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


@pytest.fixture
def chinese(qapp):
    from lora_studio.gui.i18n import language as i18n

    installed = i18n.apply("zh_CN", qapp)
    assert not installed.missing, installed.missing
    yield installed
    i18n.apply("en", qapp)  # the tests after this one build English windows


@pytest.fixture
def models_ready(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("zh-library"))


def collect(window, qtbot, wait_idle, tmp_path, monkeypatch, library_root) -> Leftovers:
    leftovers = Leftovers()  # the menus are read with the window's widgets, at the end

    # the boxes the menus raise, on a library with no model yet
    boxes = [("Help/About", window.show_about),
             ("Run/Fine-tune with LoRA (no base model)", window.lora_tab.start),
             ("Run/Evaluate (nothing chosen)", window.eval_tab.evaluate),
             ("Run/Run the sweep (no base model)", window.compare_tab.start)]
    for what, trigger in boxes:
        trigger()
        read_and_close_boxes(qtbot, what, leftovers)

    def refuse(*_args, **_kwargs):  # the reason is the system's (strerror), in the system's language
        raise PermissionError(13, "权限不够")

    with monkeypatch.context() as patch:  # File → Open data folder, where the folder cannot be made
        patch.setattr(Path, "mkdir", refuse)
        window._open_data_folder()
    read_and_close_boxes(qtbot, "File/Open data folder (cannot create)", leftovers)

    empty = tmp_path / "no-idx-files-here"
    empty.mkdir()
    window.dataset_tab.choose_folder = lambda: str(empty)  # File → Import data…, a folder without IDX files
    window._import_data()
    read_and_close_boxes(qtbot, "File/Import data (no IDX files)", leftovers)
    wait_idle(window)

    asked = []  # File → Quit while a job runs: the question (static QMessageBox.question would block)
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a, **k: asked.append((title, text))
                        or QMessageBox.StandardButton.No)
    window._ask_close(window.tr("Base training"))
    for title, text in asked:
        leftovers.check("File/Quit while running: question title", title)
        leftovers.check("File/Quit while running: question", text)

    # View → Language → English: the box is said in the language in effect (the English line is on purpose)
    title, text = window.language_menu.texts("en")
    leftovers.check("View/Language box title", title)
    leftovers.check("View/Language box text", text.split("\n\n")[0])

    # with saved models: the tabs' model lists, the library's rows
    shutil.copytree(library_root, window.state.models_root, dirs_exist_ok=True)
    window.state.refresh_models()
    leftovers.stored_names = [model.name for model in window.state.models if model.name]
    qtbot.wait(50)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
    read_widgets(window, leftovers)
    dialog = window.show_library()
    dialog.table.selectRow(0)
    qtbot.wait(50)
    read_widgets(dialog, leftovers)
    dialog.close()
    return leftovers


def test_no_english_left_in_the_chinese_window(chinese, make_window, tiny_data, models_ready, qtbot, wait_idle,
                                               tmp_path, monkeypatch):
    window = make_window()
    library_root, _ids = models_ready
    leftovers = collect(window, qtbot, wait_idle, tmp_path, monkeypatch, library_root)
    assert leftovers.texts_read > 200, "the walk read too little: it is not reaching the window's texts"
    lines = leftovers.lines()
    dump = os.environ.get(DUMP_ENV)
    if dump:
        Path(dump).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    assert not lines, (f"{len(lines)} texts of the Chinese window still hold English "
                       f"(of {leftovers.texts_read} read):\n" + "\n".join(lines))


@pytest.mark.parametrize(("text", "words"), [
    ("训练 LoRA 适配器", []),
    ("&File", ["File"]),
    ("rank r = 8, α = 16, conv1 and fc2", ["rank", "and"]),
    ("<b>Fashion-MNIST</b> 数据集 · PyTorch 2.14.1", []),
    ("保存到 /home/me/models/feature-lora-20261127.safetensors", []),
    ("Train a base model", ["Train", "base", "model"]),
    ("每秒 1,234 张 · 12 ms · 3 MB", []),
])
def test_what_counts_as_english(text, words):
    assert english_words(text) == words


if __name__ == "__main__":
    os.environ.setdefault(DUMP_ENV, "/tmp/untranslated.txt")
    code = pytest.main([__file__, "-q", "-x", "-k", "no_english", "-p", "no:cacheprovider"])
    dump = Path(os.environ[DUMP_ENV])
    if dump.exists():
        print(f"{len(dump.read_text(encoding='utf-8').splitlines())} untranslated texts listed in {dump}")
    sys.exit(code)
