"""One title for a task as the window shows it (gui/i18n/core_texts.task_title): the task combo, the tables, the
lessons and the data titles all call it, so own images read "Your images: digits" everywhere."""

from lora_studio.core.data.task_names import folder_task_name, task_info
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.shared.task_combo import TaskCombo
from lora_studio.gui.shared.task_jobs import task_data_title


def test_a_folder_a_composite_a_single_task_and_an_unknown_name(qtbot, tmp_path):
    folder = folder_task_name(tmp_path / "digits")
    assert core_texts.task_title(folder) == "Your images: digits"
    assert core_texts.task_title("inverted") == task_info("inverted").title
    assert core_texts.task_title("no-such-task") == "no-such-task"
    combo = TaskCombo("taskCombo")
    qtbot.addWidget(combo)
    combo.choose_folder = lambda: str(tmp_path / "digits")
    combo.select(folder)
    assert combo.currentText() == core_texts.task_title(folder) and combo.currentData() == folder
    assert task_data_title(folder, "mnist", "english") == core_texts.task_title(folder)
