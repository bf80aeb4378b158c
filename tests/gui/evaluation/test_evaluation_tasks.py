"""The Evaluation tab on a target task (issue 12): target accuracy, source accuracy and forgetting in the table,
the base on the target as the reference row, means with 95 % intervals over seeds; the adapter-strength slider
(0: the base's answers bit for bit, 100: the trained model's) recomputed in the worker once it stands still,
and the accuracy-against-strength plot."""

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.config import TrainConfig
from lora_studio.core.data.tasks import make_task
from lora_studio.core.evaluation.scores import mean_interval, predict
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes, runs
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui.evaluation import strength_jobs
from lora_studio.gui.evaluation.strength_panel import SETTLE_MS

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)


@pytest.fixture(scope="module")
def task_library(tiny_dataset, tmp_path_factory):
    """A base; LoRA without features (plain LoRA, the control of nothing) on inverted digits, seeds 0 and 1; the
    head on them."""
    library = ModelLibrary(tmp_path_factory.mktemp("task-library"))
    base = recipes.train_base(tiny_dataset, QUICK)
    ids = {"base": library.save(base.model, base.record)}
    model, record = runs.load_base(library, ids["base"])
    for method, seeds in (("lora", (0, 1)), ("head", (0,))):
        plan = FinetunePlan(ids["base"], features=(), control=False, seeds=seeds, train=QUICK, task="inverted",
                            method=method)
        done = runs.finetune_runs(model, record, tiny_dataset, plan, library)
        for run in done.runs:
            ids[f"{run.phase}:{run.seed}"] = run.model_id
    return library.root, ids


@pytest.fixture
def evaluated(qtbot, task_library, app_home, window):
    root, ids = task_library
    shutil.copytree(root, paths.models_dir(app_home), dirs_exist_ok=True)
    window.state.refresh_models()
    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        tab.evaluate()
    assert ended.args[:2] == ["evaluate", "finished"], ended.args
    return window, ids


def scores(library, model_id, split) -> np.ndarray:
    model, record = library.load(model_id)
    return predict(model, split.images, split.labels, recipes.extra_features(record, split.images))


def test_the_table_gives_target_source_and_forgetting_with_the_base_as_reference(evaluated, tiny_dataset):
    window, ids = evaluated
    table = window.eval_tab.table
    library = ModelLibrary(window.state.models_root)
    inverted, source = make_task("inverted", tiny_dataset, None).test, tiny_dataset.test
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    column = {name: table.column(name) for name in ("Model", "Kind", "Task", "Target accuracy", "Δ vs base",
                                                    "Source accuracy", "Forgetting", "Seed")}
    assert [row[column["Kind"]] for row in cells] == [
        "base", "base, as it is", "LoRA", "LoRA", "LoRA", "head only"]
    # lesson 3's runs: no feature run beside them, so nothing here is anybody's control
    assert not [text for row in cells for text in row if "control" in text.lower()]
    assert not [text for text in window.eval_tab.labels().values() if "control" in text]
    base_target = scores(library, ids["base"], inverted).accuracy
    base_source = scores(library, ids["base"], source).accuracy

    base_row, reference = cells[0], cells[1]
    assert base_row[column["Task"]] == "Same task (unchanged)" and base_row[column["Forgetting"]] == ""
    assert base_row[column["Target accuracy"]] == base_row[column["Source accuracy"]] == f"{100 * base_source:.2f} %"
    assert reference[column["Model"]].endswith("(reference)") and reference[column["Task"]] == "Inverted colours"
    assert reference[column["Target accuracy"]] == f"{100 * base_target:.2f} %"
    assert reference[column["Source accuracy"]] == f"{100 * base_source:.2f} %"
    assert table.row_ids[:2] == [ids["base"], ids["base"]]

    by_id = dict(zip(table.row_ids, cells, strict=True))
    for key in ("lora:0", "lora:1", "head:0"):
        row = by_id[ids[key]]
        target, kept = scores(library, ids[key], inverted).accuracy, scores(library, ids[key], source).accuracy
        assert row[column["Task"]] == "Inverted colours"
        assert row[column["Target accuracy"]] == f"{100 * target:.2f} %"
        assert row[column["Δ vs base"]] == f"{100 * (target - base_target):+.2f}"
        assert row[column["Source accuracy"]] == f"{100 * kept:.2f} %"
        assert row[column["Forgetting"]] == f"{100 * (base_source - kept):+.2f}"

    mean_row = cells[4]
    assert table.row_ids[4] is None and mean_row[column["Model"]] == "mean of 2 seeds"
    assert mean_row[column["Seed"]] == "0, 1"
    members = [scores(library, ids[f"lora:{seed}"], split) for seed in (0, 1) for split in (inverted, source)]
    for name, values in (("Target accuracy", [members[0].accuracy, members[2].accuracy]),
                         ("Source accuracy", [members[1].accuracy, members[3].accuracy])):
        interval = mean_interval(values)
        half = 50 * (interval.ci95[1] - interval.ci95[0])
        assert mean_row[column[name]] == f"{100 * interval.mean:.2f} % ± {half:.2f}"
    lost = mean_interval([base_source - members[1].accuracy, base_source - members[3].accuracy])
    assert mean_row[column["Forgetting"]] == (
        f"{100 * lost.mean:+.2f} ± {50 * (lost.ci95[1] - lost.ci95[0]):.2f}")


def test_the_views_show_the_target_tasks_test_images(evaluated, tiny_dataset):
    window, ids = evaluated
    tab = window.eval_tab
    assert tab.inspected().id == ids["lora:0"] and tab.compared().id == ids["base"]
    inverted = make_task("inverted", tiny_dataset, None).test
    assert np.array_equal(tab.gallery._test.images, inverted.images.numpy())
    reference = next(r for r in tab.result.references if r.task == "inverted")
    # compared with the base on the same (inverted) images: the difference of confusion matrices is defined
    assert tab.gallery._reference[1] is reference.predictions


def slide_to(qtbot, tab, percent: int) -> None:
    tab.strength.slider.setValue(percent)
    if percent == 100:
        qtbot.waitUntil(lambda: tab.strength.at_strength is None, timeout=JOB_MS)
    else:
        qtbot.waitUntil(lambda: tab.strength.at_strength is not None
                        and tab.inspected().snapshot is not tab._row(tab.inspected().id).snapshot
                        and tab.strength.value_label.text() == f"{percent} %"
                        and tab.strength.scores.text().startswith(f"At {percent} %"), timeout=JOB_MS)


def test_strength_zero_is_the_base_bit_for_bit_and_a_hundred_the_trained_model(qtbot, evaluated):
    window, ids = evaluated
    tab = window.eval_tab
    slider = tab.strength.slider
    assert slider.objectName() == "adapterStrength" and (slider.minimum(), slider.maximum()) == (0, 200)
    assert slider.value() == 100 and slider.isEnabled() and slider.tickInterval() == 100
    trained = tab.inspected()
    assert tab.strength.plot.objectName() == "strengthPlot"
    qtbot.waitUntil(lambda: tab.strength.points() == 9, timeout=JOB_MS)  # made in the worker, once per model
    curve = tab.strength.curves[trained.id]
    assert curve.target_accuracy[4] == trained.target_accuracy and curve.source_accuracy[4] == trained.source_accuracy
    base = next(r for r in tab.result.references if r.task == "inverted")
    assert curve.target_accuracy[0] == base.target_accuracy and curve.source_accuracy[0] == base.source_accuracy

    slide_to(qtbot, tab, 0)
    at_zero = tab.inspected()
    base = base.predictions
    assert np.array_equal(at_zero.predictions.probabilities, base.probabilities)  # bit for bit
    assert np.array_equal(at_zero.predictions.predicted, base.predicted)
    assert all(not d.delta.any() for d in at_zero.deltas)  # ΔW is gone
    base_row = tab._row(ids["base"])
    assert all(np.array_equal(at_zero.snapshot.weights[k], w) for k, w in base_row.snapshot.weights.items())
    assert np.array_equal(tab.confusion.matrix(), base.confusion()) or tab.confusion.showing_difference()
    assert tab.delta.heading.text().startswith("<b>LoRA · seed 0 at 0 %</b>")
    assert tab.draw.labels[-1] == "LoRA · seed 0 at 0 %"

    slide_to(qtbot, tab, 100)
    assert tab.inspected() is trained and tab.strength.scores.text().startswith("At 100 %")
    slide_to(qtbot, tab, 150)  # beyond the trained update: other answers again
    assert tab.inspected().predictions is not trained.predictions


def test_a_drag_asks_the_worker_once_it_stands_still(qtbot, evaluated, monkeypatch):
    window, _ids = evaluated
    tab = window.eval_tab
    asked = []
    real = strength_jobs.make_strength

    def make_strength(*args, **kwargs):
        asked.append(args[5])
        return real(*args, **kwargs)

    monkeypatch.setattr(strength_jobs, "make_strength", make_strength)
    for percent in range(95, 35, -5):  # a drag: many values within the settling time
        tab.strength.slider.setValue(percent)
    assert asked == [] and tab.strength.value_label.text() == "40 %"
    qtbot.wait(SETTLE_MS * 2)
    slide_to(qtbot, tab, 40)
    assert asked == [0.4]
    assert window.state.runner.job is None or window.state.runner.job.kind == "strength"


def test_a_model_without_adapters_switches_the_slider_off(qtbot, evaluated):
    window, ids = evaluated
    tab = window.eval_tab
    qtbot.waitUntil(lambda: tab.strength.points() == 9, timeout=JOB_MS)
    tab.inspect(ids["head:0"])
    assert not tab.strength.slider.isEnabled() and "no adapters" in tab.strength.scores.text()
    assert tab.strength.points() == 0
    tab.inspect(ids["lora:1"])
    assert tab.strength.slider.isEnabled()
    qtbot.waitUntil(lambda: tab.strength.points() == 9, timeout=JOB_MS)
    assert set(tab.strength.curves) == {ids["lora:0"], ids["lora:1"]}
    tab.inspect(ids["lora:0"])  # known: drawn at once
    assert tab.strength.points() == 9


def test_a_strength_curve_that_failed_says_why_and_a_stopped_one_is_left_for_later(evaluated):
    window, _ = evaluated
    panel = window.eval_tab.strength
    before = panel.scores.text()
    curves = dict(panel.curves)
    panel._on_curve(strength_jobs.JobResult("stopped"))  # the window closing: nothing to say, nothing kept
    assert panel.scores.text() == before and panel.curves == curves  # no event ran in between: only this call
    panel._on_curve(strength_jobs.JobResult("failed", "not enough memory"))  # a job that raised
    assert panel.scores.text() == "The accuracy against strength could not be computed: not enough memory"
