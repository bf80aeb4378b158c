"""The LoRA tab's target task and method (issue 12): the combos, the task's sample strip made in the worker, a
bad folder said in one line, the LoRA-only settings switched off for other methods, and the plan sent; the
Dataset tab's grid showing a target task."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from qt_timeouts import JOB_MS

from lora_studio.core import config
from lora_studio.core.data import datasets as data
from lora_studio.core.data.task_names import COMPOSITES, FOLDER_FORM, TASKS, folder_task_name
from lora_studio.core.data.tasks import make_task
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import FORGETTING_METRICS
from lora_studio.gui.background.worker import Job, JobResult
from lora_studio.gui.lora import jobs, task_strip
from lora_studio.gui.shared import task_jobs


def items(combo) -> list:
    """The item data of a combo's items, its separators left out."""
    return [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) is not None]


@pytest.fixture
def lora_tab(window):
    window.tabs.setCurrentWidget(window.lora_tab)  # the strip is made while it is on screen
    return window.lora_tab


def test_the_combos_hold_the_task_and_method_names(lora_tab):
    assert items(lora_tab.task_combo) == [*TASKS, *COMPOSITES, FOLDER_FORM]
    assert lora_tab.task_combo.objectName() == "targetTaskCombo" and lora_tab.task() == "same"
    assert items(lora_tab.method_combo) == list(config.METHODS) and lora_tab.method() == "lora"
    assert lora_tab.method_combo.objectName() == "methodCombo"
    for i in range(lora_tab.method_combo.count()):  # a learner can read what each does
        assert len(lora_tab.method_combo.itemData(i, Qt.ItemDataRole.ToolTipRole)) > 60
    for i in range(lora_tab.task_combo.count()):
        if lora_tab.task_combo.itemData(i) is not None:
            assert len(lora_tab.task_combo.itemData(i, Qt.ItemDataRole.ToolTipRole)) > 60


def test_a_composite_task_is_offered_and_previewed_as_its_parts_applied_in_turn(qtbot, window, lora_tab):
    """inverted+swap-labels: the images inverted and the labels swapped in pairs, as the core makes it."""
    strip = lora_tab.preview
    qtbot.waitUntil(lambda: strip.count > 0, timeout=JOB_MS)
    lora_tab.task_combo.select("inverted+swap-labels")
    assert lora_tab.task() == "inverted+swap-labels"
    qtbot.waitUntil(lambda: lora_tab.task_strip.shown == ("inverted+swap-labels", "mnist") and strip.count > 0,
                    timeout=JOB_MS)
    source = data.load_dataset(window.state.data_root, "mnist")
    shown = lora_tab.task_strip.result
    swapped = source.train.labels.numpy() ^ 1  # 0↔1, 2↔3, …
    chosen = task_jobs.alternate_classes(swapped, strip.count)
    assert np.array_equal(shown.images, 255 - source.train.images.numpy()[chosen])
    assert strip.captions == [str(label) for label in swapped[chosen]]


def test_choosing_a_task_fills_the_strip_from_the_worker(qtbot, window, lora_tab):
    strip = lora_tab.preview
    assert strip.objectName() == "taskPreview"
    qtbot.waitUntil(lambda: strip.count > 0, timeout=JOB_MS)  # "same": the data set's own images
    lora_tab.task_combo.select("inverted")
    qtbot.waitUntil(lambda: lora_tab.task_strip.shown == ("inverted", "mnist") and strip.count > 0
                    and "Inverted" in strip.toolTip(), timeout=JOB_MS)
    source = data.load_dataset(window.state.data_root, "mnist")
    chosen = task_jobs.alternate_classes(source.train.labels.numpy(), strip.count)
    assert strip.captions == [str(label) for label in source.train.labels.numpy()[chosen]]
    assert np.array_equal(lora_tab.task_strip.result.images, 255 - source.train.images.numpy()[chosen])
    assert strip.count == task_strip.COUNT and len(set(strip.captions[:10])) == 10  # each class in turn
    assert "pixel" in lora_tab.task_strip.note.text()  # the task's description beside it


def test_the_dataset_tab_shows_a_target_task(qtbot, window):
    window.tabs.setCurrentWidget(window.dataset_tab)
    tab = window.dataset_tab
    assert tab.task_combo.objectName() == "datasetTaskCombo" and tab.task_combo.isEnabled()
    before = tab.grid.captions
    tab.task_combo.select("rotate90")
    qtbot.waitUntil(lambda: tab._task_samples is not None, timeout=JOB_MS)
    shown = tab._task_samples
    source = window.state.cache.get(window.state.data_root, "mnist")
    made = make_task("rotate90", source, None, limit=task_jobs.POOL)
    chosen = task_jobs.alternate_classes(made.train.labels.numpy(), len(shown.labels))
    assert np.array_equal(shown.images, made.train.images.numpy()[chosen])
    assert tab.grid.count == min(200, len(shown.labels)) and tab.grid.captions != before
    tab.class_filter.setCurrentIndex(tab.class_filter.findData(3))  # the class filter applies to the task too
    assert tab.grid.captions and all(caption.startswith("3 ·") for caption in tab.grid.captions)
    tab.class_filter.setCurrentIndex(0)
    tab.task_combo.select("same")
    assert tab.grid.captions == before and tab._task_samples is None


def test_a_bad_folder_says_why_in_one_line_without_a_box(qtbot, window, lora_tab, tmp_path):
    folder = tmp_path / "my-digits"
    (folder / "seven").mkdir(parents=True)  # class folders are named by their label
    lora_tab.task_combo.choose_folder = lambda: str(folder)
    lora_tab.task_combo.setCurrentIndex(lora_tab.task_combo.findData(FOLDER_FORM))
    assert lora_tab.task() == folder_task_name(folder)  # added and chosen
    assert lora_tab.task_combo.currentText() == "Your images: my-digits"
    qtbot.waitUntil(lambda: lora_tab.task_strip.error != "", timeout=JOB_MS)
    text = lora_tab.preview.empty_text
    assert text.startswith("This task cannot be made: ") and "'seven' is not one" in text
    assert "\n" not in text and "Traceback" not in text and lora_tab.preview.count == 0
    assert "seven" in window.statusBar().currentMessage()
    assert not window.messages  # no box, no traceback

    lora_tab.task_combo.choose_folder = lambda: ""  # choosing the folder item and cancelling keeps the choice
    lora_tab.task_combo.setCurrentIndex(lora_tab.task_combo.findData(FOLDER_FORM))
    assert lora_tab.task() == folder_task_name(folder)


def test_another_method_switches_the_lora_only_settings_off(lora_tab):
    lora_only = [*lora_tab.layer_checks.values(), lora_tab.rank, lora_tab.alpha, lora_tab.control_check,
                 *lora_tab.feature_checks.values()]
    assert all(widget.isEnabled() for widget in lora_only)
    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("head"))
    assert not any(widget.isEnabled() for widget in lora_only)
    assert "LoRA only" in lora_tab.method_note.text() and "LoRA" in lora_tab.control_check.toolTip()
    assert lora_tab.budget_label.text().startswith("Trainable 650 of ")
    assert lora_tab.epochs.isEnabled() and lora_tab.learning_rate.isEnabled() and lora_tab.seeds.isEnabled()
    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("full"))
    trainable, total = lora_tab.budget_label.text().split()[1:4:2]
    assert trainable == total
    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("lora"))
    assert all(widget.isEnabled() for widget in lora_only)
    assert lora_tab.budget_label.text() == "Trainable 7,448 of 59,586 parameters (12.5 %)"


def test_the_plan_sent_carries_the_task_and_the_method(qtbot, window, lora_tab, monkeypatch):
    sent = []

    def make_finetune(cache, root, models, plan, on_done=None):
        sent.append(plan)
        return Job("lora", lambda ctx: JobResult("finished", "done"), on_done=on_done)

    monkeypatch.setattr(jobs, "make_finetune", make_finetune)
    lora_tab.base_combo.addItem("a base", "base-x")
    lora_tab.base_combo.setCurrentIndex(0)
    lora_tab.task_combo.select("swap-labels")
    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("head"))
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS):
        lora_tab.start()
    (plan,) = sent
    assert (plan.task, plan.method, plan.base_id) == ("swap-labels", "head", "base-x")
    assert plan.features == () and not plan.control and lora_tab.panel.plan == ["head:0"]

    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("lora"))
    assert (lora_tab.plan().method, lora_tab.plan().features, lora_tab.plan().control) == (
        "lora", ("brightness",), True)


def test_a_short_real_run_on_a_target_task_saves_its_task_and_method(qtbot, window, lora_tab):
    base = window.base_tab
    base.epochs.setValue(1)
    base.learning_rate.setValue(0.003)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        base.start()
    assert ended.args[:2] == ["base", "finished"], ended.args
    lora_tab.task_combo.select("inverted")
    lora_tab.method_combo.setCurrentIndex(lora_tab.method_combo.findData("head"))
    lora_tab.epochs.setValue(1)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        lora_tab.start()
    assert ended.args[:2] == ["lora", "finished"], ended.args
    assert "target accuracy head only" in ended.args[2] and "forgetting" in ended.args[2]
    records = [e.record for e in ModelLibrary(window.state.models_root).list() if e.record.kind != "base"]
    assert [(r.kind, r.task, r.method) for r in records] == [("head", "inverted", "head")]
    assert set(FORGETTING_METRICS) <= set(records[0].metrics)
