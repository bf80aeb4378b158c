"""A combo box of target tasks (item data: the task name), its last item opening a folder of your own images.

The names, titles and descriptions come from `core.data.task_names` (no PyTorch, no NumPy: the box is
filled before they load): the single tasks, then the composites (two changes at once), then own images.
Choosing "Your own images…" asks for a folder (`choose_folder`, replaced in tests) and adds it as a
`folder:PATH` item just above, selected; cancelling goes back to the previous choice. Whether the folder
holds usable images is found out when the task is made (in the worker).
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog

from lora_studio.core.data.task_names import (
    COMPOSITES,
    FOLDER_FORM,
    FOLDER_PREFIX,
    TASKS,
    TaskInfo,
    folder_task_name,
    task_info,
)
from lora_studio.gui.i18n import core_texts


class TaskCombo(QComboBox):
    #: the chosen task's name: a fixed name or "folder:PATH" (not emitted for the "Your own images…" item)
    sigTaskChosen = Signal(str)

    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.choose_folder = self._ask_for_folder  # replaced in tests: a file dialog would block them
        add_tasks(self)
        self.insertSeparator(self.count())
        self.addItem(self.tr("Your own images…"), FOLDER_FORM)
        self.setItemData(self.count() - 1, self.tr(
            "Choose a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any size, "
            "colour or grey). The images are brought to MNIST's form: grey, 28×28, centred."),
            Qt.ItemDataRole.ToolTipRole)
        self.setToolTip(self.tr(
            "The target task: what the fine-tuning adapts the base model to. The base was trained on its "
            "own data set (the source task); each target changes something else about it, and which layer "
            "is worth adapting depends on what changed. Hover over an item to read what it changes."))
        self._last = 0
        self.currentIndexChanged.connect(self._on_index)

    def task(self) -> str:
        """The chosen task's name ("same" while the folder item is shown without a folder)."""
        name = self.currentData()
        return "same" if name in (None, FOLDER_FORM) else name

    def select(self, name: str) -> None:
        """Choose the task `name`; a `folder:PATH` not listed yet is added."""
        if name.startswith(FOLDER_PREFIX) and name != FOLDER_FORM and self.findData(name) < 0:
            self._add_folder(name)
        index = self.findData(name)
        if index >= 0:
            self.setCurrentIndex(index)

    def description(self) -> str:
        return self.itemData(self.currentIndex(), Qt.ItemDataRole.ToolTipRole) or ""

    def _add_folder(self, name: str) -> int:
        folder = Path(name[len(FOLDER_PREFIX):])
        index = self.count() - 1  # just above "Your own images…"
        self.blockSignals(True)
        self.insertItem(index, core_texts.task_title(name), name)
        self.setItemData(index, self.tr("Your own images in {0}").format(folder), Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        return index

    def _on_index(self, index: int) -> None:
        if self.itemData(index) == FOLDER_FORM:
            folder = self.choose_folder()
            self.blockSignals(True)
            if folder:
                name = folder_task_name(folder)
                existing = self.findData(name)
                self.setCurrentIndex(existing if existing >= 0 else self._add_folder(name))
            else:
                self.setCurrentIndex(min(self._last, self.count() - 2))
            self.blockSignals(False)
            if not folder:
                return
            index = self.currentIndex()
        self._last = index
        self.sigTaskChosen.emit(self.task())

    def _ask_for_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder with one subfolder of images per class (0–9)"), str(Path.home()))


def add_task(combo: QComboBox, name: str, title: str | None = None) -> None:
    """The task `name` as an item of `combo`: its title (or `title`) in the window's language, its description
    as the item's tooltip."""
    combo.addItem(title or core_texts.task_title(name), name)
    info = task_info(name)
    combo.setItemData(combo.count() - 1, describe(info) if info else "", Qt.ItemDataRole.ToolTipRole)


def add_tasks(combo: QComboBox, leave_out: str | None = None) -> None:
    """Every single task, then every composite of two (inverted+swap-labels, …), each group after a separator
    unless it opens the combo; all but `leave_out`."""
    for tasks in (TASKS, COMPOSITES):
        if combo.count():
            combo.insertSeparator(combo.count())
        for name in tasks:
            if name != leave_out:
                add_task(combo, name)


def describe(info: TaskInfo) -> str:
    """A task's tooltip: its description, and the data set it needs when it needs one."""
    text = core_texts.task_description(info.name)
    if info.needs_dataset:
        text += " " + QCoreApplication.translate("TaskCombo", "It needs that data set installed (the Dataset tab).")
    return text
