"""The Evaluation tab's task choices (item data: a task name as recorded): every single task and every composite
of two (`inverted+swap-labels`, …), titled and described in the window's language.

`evalTaskCombo` scores the ticked models on their own target task (its first item, data "") or all of them on one
chosen task; the adapter stack's `stackTaskCombo` offers the composite of its adapters' tasks first. The names come
from core/data/task_names.py (no PyTorch: the boxes are filled before it loads).
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from lora_studio.gui.i18n import core_texts
from lora_studio.gui.shared.task_combo import add_task, add_tasks

OWN_TASK = ""  # evalTaskCombo's first item: each model on the task it was trained for


def make_combo(object_name: str) -> QComboBox:
    """A combo box that keeps its width whatever the length of a composite's title (the window must fit 1280 px)."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def fill_evaluation_tasks(combo: QComboBox) -> None:
    """Each model's own task first, then every task."""
    combo.clear()
    combo.addItem(QCoreApplication.translate("EvaluationTab", "Each model's own task"), OWN_TASK)
    combo.setItemData(0, QCoreApplication.translate(
        "EvaluationTab", "Each model on the target task it was fine-tuned for (a base on its own data set), and on "
        "the source task"), Qt.ItemDataRole.ToolTipRole)
    add_tasks(combo)


def fill_stack_tasks(combo: QComboBox, together: str, tasks: list[str]) -> None:
    """`together` (the composite of the stacked adapters' tasks `tasks`: workflows/combine.py combined_task) first,
    saying so, then every other task; `together` chosen."""
    title = core_texts.task_title(together)
    if len(set(tasks)) > 1 and together != "same":
        title = QCoreApplication.translate("StackPanel", "{0} (the adapters' tasks together)").format(title)
    elif set(tasks) == {together}:
        title = QCoreApplication.translate("StackPanel", "{0} (the adapters' task)").format(title)
    combo.blockSignals(True)
    combo.clear()
    add_task(combo, together, title)
    add_tasks(combo, leave_out=together)
    combo.setCurrentIndex(0)
    combo.blockSignals(False)


def select_task(combo: QComboBox, name: str) -> bool:
    """Choose the item of task `name` (composites as parse_task writes them); False when there is none."""
    index = combo.findData(name)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
