"""The Evaluation tab's adapter stack (issue 20): LoRA adapters of one base, each with a weight slider, scored live by
the core's AdapterStack in the worker, beside the base and each adapter alone, over seed siblings with a 95 %
interval; which layers they share shown before a slider moves; the combination saved in the library; and the
evaluation's task choice, which scores every model on one task."""

import shutil
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.config import COMBINATIONS, LoraConfig, TrainConfig
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import ConfigError
from lora_studio.core.evaluation import stack as core_stack
from lora_studio.core.evaluation.scores import mean_interval, predict
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes, runs
from lora_studio.core.workflows.adapter_stack import load_stack, task_splits
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui.evaluation.stack_table import ALONE, FIRST_LAYER, SHARED
from lora_studio.gui.i18n.core_texts import task_title, user_error
from lora_studio.gui.shared.setup import Setup, StackSetup

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
COMPOSITE = "inverted+swap-labels"
#: (key, layers, rank, variant, task, seeds, features, method) of the runs trained from the first base
RUNS = (
    ("conv1", ("conv1",), 4, "lora", "inverted", (0, 1), (), "lora"),
    ("fc2", ("fc2",), 4, "lora", "swap-labels", (0, 1), (), "lora"),
    ("fc12", ("fc1", "fc2"), 2, "lora", "rotate90", (0,), (), "lora"),
    ("dora", ("fc2",), 4, "dora", "swap-labels", (0,), (), "lora"),
    ("feature", ("fc1", "fc2"), 4, "lora", "inverted", (0,), ("brightness",), "lora"),
    ("head", ("fc2",), 4, "lora", "inverted", (0,), (), "head"),
)


@pytest.fixture(scope="module")
def stack_library(tiny_dataset, tmp_path_factory):
    """Two bases; from the first, the runs of RUNS (ids by "key:seed"); from the second, one fc2 adapter."""
    library = ModelLibrary(tmp_path_factory.mktemp("stack-library"))
    ids = {}
    for name, seed in (("base", 0), ("other", 7)):
        base = recipes.train_base(tiny_dataset, TrainConfig(epochs=1, batch_size=32, lr=3e-3, seed=seed))
        ids[name] = library.save(base.model, base.record)
    model, record = runs.load_base(library, ids["base"])
    for key, layers, rank, variant, task, seeds, features, method in RUNS:
        plan = FinetunePlan(ids["base"], LoraConfig(rank=rank, layers=layers, variant=variant, init="kaiming"),
                            features=features, control=False, seeds=seeds, train=QUICK, task=task, method=method)
        for run in runs.finetune_runs(model, record, tiny_dataset, plan, library).runs:
            ids[f"{key}:{run.seed}"] = run.model_id
    other, other_record = runs.load_base(library, ids["other"])
    plan = FinetunePlan(ids["other"], LoraConfig(rank=4, layers=("fc2",), init="kaiming"), features=(),
                        control=False, seeds=(0,), train=QUICK, task="swap-labels")
    ids["stranger:0"] = runs.finetune_runs(other, other_record, tiny_dataset, plan, library).runs[0].model_id
    return library.root, ids


@pytest.fixture
def panel(qtbot, stack_library, app_home, window):
    """The window on the tiny data with the library; the Evaluation tab's stack page shown, the first base chosen."""
    root, ids = stack_library
    shutil.copytree(root, paths.models_dir(app_home), dirs_exist_ok=True)
    window.state.refresh_models()
    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.page["stack"])
    stack = tab.stack
    stack.base_combo.setCurrentIndex(stack.base_combo.findData(ids["base"]))
    return window, stack, ids


def stacked(qtbot, stack, ids: list[str], weights: list[float], task: str | None = None) -> None:
    """Stack `ids` at `weights` and wait until the core has accepted them and scored them at those weights, with
    the base and each adapter alone."""
    stack.set_stack(ids, weights, task)
    qtbot.waitUntil(lambda: stack.ids == tuple(ids) and stack.scored is not None and stack.parts is not None
                    and stack.scored.weights == tuple(weights), timeout=JOB_MS)


def expected(window, ids, weights, task):
    """The core's own numbers: (on the task, on the source task) of the stack of `ids` at `weights`."""
    library = ModelLibrary(window.state.models_root)
    stack, records = load_stack(library, ids)
    dataset = window.state.cache.get(window.state.data_root, records[0].dataset)
    splits = task_splits(dataset, [task, "same"], window.state.data_root)
    scores = stack.accuracies(splits, weights)
    return scores[task], scores["same"]


def test_the_adapters_offered_are_the_chosen_bases_lora_models(panel):
    window, stack, ids = panel
    listed = [stack.adapter_combo.itemData(i) for i in range(stack.adapter_combo.count())]
    assert sorted(listed) == sorted(ids[key] for key in ("conv1:0", "conv1:1", "fc2:0", "fc2:1", "fc12:0", "dora:0",
                                                         "feature:0"))
    assert [stack.base_combo.itemData(i) for i in range(stack.base_combo.count())] == sorted(
        (ids["base"], ids["other"]), key=[info.id for info in window.state.models].index)
    stack.base_combo.setCurrentIndex(stack.base_combo.findData(ids["other"]))
    assert [stack.adapter_combo.itemData(i) for i in range(stack.adapter_combo.count())] == [ids["stranger:0"]]


def test_the_layers_each_adapter_changes_are_shown_and_shared_ones_marked_before_a_slider_moves(qtbot, panel):
    window, stack, ids = panel
    stacked(qtbot, stack, [ids["fc12:0"], ids["fc2:0"]], [1.0, 1.0])
    table = stack.table
    assert table.objectName() == "adapterStack" and table.rowCount() == 2
    assert stack.table.shared_layers() == ["fc2"]
    column = {table.horizontalHeaderItem(c).text(): c for c in range(FIRST_LAYER, FIRST_LAYER + 4)}
    colour = {(row, layer): table.item(row, column[layer]).background().color().name()
              for row in range(2) for layer in column}
    assert colour[(0, "fc1")] == ALONE and colour[(0, "fc2")] == colour[(1, "fc2")] == SHARED
    assert table.item(1, column["fc1"]).text() == "" and table.item(0, column["fc1"]).text() == "r=2"
    assert table.horizontalHeaderItem(column["fc2"]).font().bold()
    assert not table.horizontalHeaderItem(column["fc1"]).font().bold()
    assert "fc2" in stack.status.text() and "interfere" in stack.status.text()

    stacked(qtbot, stack, [ids["conv1:0"], ids["fc2:0"]], [1.0, 1.0])
    assert stack.table.shared_layers() == []
    assert table.item(0, column["conv1"]).background().color().name() == ALONE
    assert "No two adapters change the same layer" in stack.status.text()


def test_moving_a_weight_rescores_with_the_cores_numbers(qtbot, panel):
    window, stack, ids = panel
    pair = [ids["conv1:0"], ids["fc2:0"]]
    stacked(qtbot, stack, pair, [1.0, 1.0])
    assert stack.task() == COMPOSITE and stack.task_combo.objectName() == "stackTaskCombo"
    assert stack.task_combo.itemData(0) == COMPOSITE  # the adapters' tasks together come first
    assert stack.scored.scores == expected(window, pair, [1.0, 1.0], COMPOSITE)

    slider = stack.table.findChild(type(stack.table.sliders[0]), "adapterWeight_1")
    assert slider is stack.table.sliders[1] and (slider.minimum(), slider.maximum()) == (-100, 200)
    slider.setValue(-50)
    qtbot.waitUntil(lambda: stack.scored.weights == (1.0, -0.5), timeout=JOB_MS)
    task, source = expected(window, pair, [1.0, -0.5], COMPOSITE)
    assert stack.scored.scores == (task, source)
    assert stack.scores.heights()["stack"] == (100 * task, 100 * source)
    assert stack.scores.cells("stack")[1:3] == [f"{100 * task:.2f} %", f"{100 * source:.2f} %"]
    shown = {model.key: model for model in stack.scores.shown}
    assert stack.scores.cells("stack")[0] == "stack" and shown["stack"].title == "The stack at 100 %, -50 %"
    assert f"{100 * task:.2f} %" in stack.status.text()
    for i in range(len(pair)):  # each adapter alone, at weight 1
        alone = expected(window, pair, [1.0 if j == i else 0.0 for j in range(2)], COMPOSITE)
        assert stack.parts.alone[i] == alone
        assert stack.scores.heights()[f"alone:{i}"] == (100 * alone[0], 100 * alone[1])


def test_every_weight_at_zero_is_the_base(qtbot, panel):
    window, stack, ids = panel
    stacked(qtbot, stack, [ids["conv1:0"], ids["fc2:0"]], [0.0, 0.0], task="inverted")
    base, record = ModelLibrary(window.state.models_root).load(ids["base"])
    dataset = window.state.cache.get(window.state.data_root, record.dataset)
    on_task = make_task("inverted", dataset, None).test
    assert stack.scored.scores == (predict(base, on_task.images, on_task.labels).accuracy,
                                   predict(base, dataset.test.images, dataset.test.labels).accuracy)
    assert stack.parts.base == stack.scored.scores
    assert stack.scores.cells("stack")[1:3] == stack.scores.cells("base")[1:3]


def test_the_scoring_runs_in_the_worker_thread(qtbot, panel, monkeypatch):
    window, stack, ids = panel
    threads = []
    real = core_stack.AdapterStack.accuracies

    def accuracies(self, splits, weights):
        threads.append(threading.current_thread())
        return real(self, splits, weights)

    monkeypatch.setattr(core_stack.AdapterStack, "accuracies", accuracies)
    stacked(qtbot, stack, [ids["conv1:0"], ids["fc2:0"]], [1.0, 1.0])
    for value in (90, 80, 70, 60):  # a drag: each move replaces the job still waiting
        stack.table.sliders[0].setValue(value)
    qtbot.waitUntil(lambda: stack.scored.weights == (0.6, 1.0), timeout=JOB_MS)
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    assert threading.current_thread() is threading.main_thread()


def test_seed_siblings_give_a_95_percent_interval_over_seeds(qtbot, panel):
    window, stack, ids = panel
    stacked(qtbot, stack, [ids["conv1:1"], ids["fc2:1"]], [1.0, 0.5])
    assert stack.family == {0: (ids["conv1:0"], ids["fc2:0"]), 1: (ids["conv1:1"], ids["fc2:1"])}
    qtbot.waitUntil(lambda: stack.seeds is not None, timeout=JOB_MS)
    per_seed = [expected(window, list(stack.family[seed]), [1.0, 0.5], COMPOSITE) for seed in (0, 1)]
    assert stack.seeds.stack == tuple(per_seed)
    for side, column in ((0, 3), (1, 4)):
        interval = mean_interval([scores[side] for scores in per_seed])
        half = 50 * (interval.ci95[1] - interval.ci95[0])
        assert stack.scores.cells("stack")[column] == f"{100 * interval.mean:.2f} ± {half:.2f}"
        assert not stack.scores.table.isColumnHidden(column)
    assert stack.scores.table.horizontalHeaderItem(3).text() == "Task,\n2 seeds"
    stack.table.sliders[0].setValue(150)  # the stack's interval goes, and comes back at the new weights
    qtbot.waitUntil(lambda: stack.scored.weights == (1.5, 0.5), timeout=JOB_MS)
    if stack.seeds is None or stack.seeds.weights != (1.5, 0.5):
        assert stack.scores.cells("stack")[3] == ""  # no interval of other weights beside the stack's numbers
    qtbot.waitUntil(lambda: stack.seeds is not None and stack.seeds.weights == (1.5, 0.5), timeout=JOB_MS)
    per_seed = [expected(window, list(stack.family[seed]), [1.5, 0.5], COMPOSITE) for seed in (0, 1)]
    interval = mean_interval([scores[0] for scores in per_seed])
    half = 50 * (interval.ci95[1] - interval.ci95[0])
    assert stack.scores.cells("stack")[3] == f"{100 * interval.mean:.2f} ± {half:.2f}"
    # an adapter and its own seed sibling: no seed's stack can be made of other runs
    stacked(qtbot, stack, [ids["conv1:0"], ids["conv1:1"]], [1.0, 1.0])
    assert stack.family == {} and stack.scores.table.isColumnHidden(3)


def boxed(qtbot, window, act):
    """The message box `act` makes: (level, title, text)."""
    with qtbot.waitSignal(window.state.sigMessage, timeout=JOB_MS) as message:
        act()
    return message.args[:3]


@pytest.mark.parametrize("key", ["feature:0", "stranger:0", "head:0"])
def test_what_the_core_refuses_is_boxed_with_its_reason_and_the_stack_stays(qtbot, panel, key):
    window, stack, ids = panel
    stacked(qtbot, stack, [ids["conv1:0"]], [1.0])
    with pytest.raises(ConfigError) as refused:
        load_stack(ModelLibrary(window.state.models_root), [ids["conv1:0"], ids[key]])
    level, _title, text = boxed(qtbot, window, lambda: stack.add(ids[key]))
    assert level == "warning" and text.lower() == (user_error(refused.value) + ".").lower()
    assert stack.ids == (ids["conv1:0"],) and stack.table.rowCount() == 1


def test_the_task_choice_comes_with_the_composite_first_and_rescores(qtbot, panel):
    window, stack, ids = panel
    pair = [ids["conv1:0"], ids["fc2:0"]]
    stacked(qtbot, stack, pair, [1.0, 1.0])
    stack.task_combo.setCurrentIndex(stack.task_combo.findData("rotate90"))
    qtbot.waitUntil(lambda: stack.scored is not None and stack.scored.task == "rotate90" and stack.parts is not None
                    and stack.parts.task == "rotate90", timeout=JOB_MS)
    assert stack.scored.scores == expected(window, pair, [1.0, 1.0], "rotate90")
    assert stack.parts.alone[0] == expected(window, pair, [1.0, 0.0], "rotate90")
    assert task_title("rotate90") in stack.scores.legend.text()



def library_ids(window) -> list[str]:
    return sorted(entry.id for entry in ModelLibrary(window.state.models_root).list())


def saved(qtbot, window, stack, how, rank=None):
    """Save the stack's combination `how`; wait for the job's end: (status, message)."""
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        assert stack.save_combination(how, rank)
    assert ended.args[0] == "combine"
    return ended.args[1], ended.args[2]


@pytest.mark.parametrize("how", list(COMBINATIONS))
def test_a_combination_is_saved_with_its_parents_and_weights_and_shown_beside_its_parts(qtbot, panel, how):
    window, stack, ids = panel
    pair = [ids["conv1:0"], ids["fc2:0"]]
    stacked(qtbot, stack, pair, [1.0, -0.5])
    assert [stack.how_combo.itemData(i) for i in range(stack.how_combo.count())] == list(COMBINATIONS)
    assert [stack.how_combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(stack.how_combo.count())] == \
        list(COMBINATIONS.values())  # what each way does, as the core says it
    stack.how_combo.setCurrentIndex(stack.how_combo.findData(how))
    assert stack.rank.isEnabled() == (how == "svd") and stack.rank.maximum() == 8  # conv1's ΔW is 8 × 9
    before = library_ids(window)
    status, message = saved(qtbot, window, stack, None, 3 if how == "svd" else None)
    assert status == "finished", message
    [new] = sorted(set(library_ids(window)) - set(before))
    record = ModelLibrary(window.state.models_root).record(new)
    assert record.combination.how == how and record.parent == ids["base"]
    assert [(p.id, p.weight) for p in record.combination.parents] == [(pair[0], 1.0), (pair[1], -0.5)]
    assert record.combination.rank == {"cat": 8, "svd": 3}.get(how, 4) and record.task == COMPOSITE
    tab = window.eval_tab
    assert new in [tab.selector.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.selector.count())]
    assert new in [stack.adapter_combo.itemData(i) for i in range(stack.adapter_combo.count())]
    qtbot.waitUntil(lambda: f"saved:{new}" in stack.scores.heights(), timeout=JOB_MS)
    scores = expected(window, [new], [1.0], COMPOSITE)
    assert stack.scores.heights()[f"saved:{new}"] == (100 * scores[0], 100 * scores[1])
    assert list(stack.scores.heights()) == ["base", "alone:0", "alone:1", "stack", f"saved:{new}"]


def test_what_cannot_be_combined_is_boxed_and_nothing_is_saved(qtbot, panel):
    window, stack, ids = panel
    stacked(qtbot, stack, [ids["conv1:0"], ids["dora:0"]], [1.0, 1.0])  # stacked: yes; combined: no
    before = library_ids(window)
    level, _title, text = boxed(qtbot, window, lambda: stack.save_combination("cat"))
    assert level == "error" and "DoRA" in text and library_ids(window) == before

    stacked(qtbot, stack, [ids["conv1:0"], ids["fc2:0"]], [1.0, 1.0])
    level, _title, text = boxed(qtbot, window, lambda: stack.save_combination("svd", 9))
    assert "svd cannot keep rank 9" in text.lower() and library_ids(window) == before

    weights = paths.models_dir(window.state.home) / ids["fc2:0"] / "model.safetensors"
    damaged = bytearray(weights.read_bytes())
    damaged[-1] ^= 0xFF
    weights.write_bytes(bytes(damaged))  # the stack on screen was loaded before: it still scores
    level, _title, text = boxed(qtbot, window, lambda: stack.save_combination("cat"))
    assert level == "error" and "checksum" in text and ids["fc2:0"] in text.lower() and library_ids(window) == before
    assert window.state.runner.job is None or window.state.runner.job.kind != "combine"


def test_a_lesson_sets_up_the_stack(qtbot, panel):
    window, stack, ids = panel
    tab = window.eval_tab
    tab.pages.setCurrentWidget(tab.page["errors"])
    setup = Setup(stack=StackSetup(ids["base"], ((ids["fc12:0"], 0.5), (ids["fc2:1"], -1.0)), "rotate90"))
    tab.apply_setup(setup)
    assert tab.pages.currentWidget() is tab.page["stack"] and not tab.strength.isVisibleTo(tab)
    qtbot.waitUntil(lambda: stack.ids == (ids["fc12:0"], ids["fc2:1"]) and stack.scored is not None, timeout=JOB_MS)
    assert stack.weights() == (0.5, -1.0) and stack.task() == "rotate90"
    assert stack.scored.scores == expected(window, list(stack.ids), [0.5, -1.0], "rotate90")
    tab.apply_setup(Setup())  # a lesson without a stack leaves it alone
    assert stack.ids == (ids["fc12:0"], ids["fc2:1"])
    level, _title, text = boxed(qtbot, window, lambda: tab.apply_setup(
        Setup(stack=StackSetup(ids["base"], ((ids["conv1:0"], 2.5),)))))
    assert level == "warning" and "adapter weight must be between -1 and 2" in text.lower()
    assert stack.ids == (ids["fc12:0"], ids["fc2:1"])


def test_every_model_can_be_scored_on_one_chosen_task(qtbot, panel, tiny_dataset):
    window, stack, ids = panel
    tab = window.eval_tab
    chosen = [ids["base"], ids["conv1:0"], ids["fc2:0"]]
    for i in range(tab.selector.count()):
        item = tab.selector.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                           else Qt.CheckState.Unchecked)
    assert tab.task_combo.objectName() == "evalTaskCombo" and tab.task_combo.currentData() == ""
    assert tab.choose_task(COMPOSITE) and tab.result is None  # nothing evaluated yet: nothing re-scored
    assert task_title(COMPOSITE) in tab.effect_label.text()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        tab.evaluate()
    assert ended.args[:2] == ["evaluate", "finished"]
    composite = make_task(COMPOSITE, tiny_dataset, None).test
    library = ModelLibrary(window.state.models_root)
    for row in tab.rows():
        model, record = library.load(row.id)
        assert row.task == COMPOSITE and row.trained_task == record.task
        assert row.target_accuracy == predict(model, composite.images, composite.labels).accuracy
    table = tab.table
    tasks = {table.item(r, table.column("Task")).text() for r in range(table.rowCount())}
    assert tasks == {task_title(COMPOSITE)}
    assert table.rowCount() == 3  # the base is on the chosen task itself: no reference row repeats it
    assert np.array_equal(tab.gallery._test.images, composite.images.numpy())  # the views follow
    assert tab.inspected().task == COMPOSITE and tab.confusion.matrix().sum() == len(composite.labels)

    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        assert tab.choose_task(None)  # each its own again: the evaluated models are scored again
    assert ended.args[:2] == ["evaluate", "finished"]
    assert {row.id: row.task for row in tab.rows()} == {ids["base"]: "same", ids["conv1:0"]: "inverted",
                                                       ids["fc2:0"]: "swap-labels"}
    inverted = make_task("inverted", tiny_dataset, None).test
    tab.inspect(ids["conv1:0"])
    assert np.array_equal(tab.gallery._test.images, inverted.images.numpy())


def test_a_seed_job_overtaken_by_a_move_stops_before_its_next_seed(stack_library, tiny_root, monkeypatch):
    from lora_studio.gui.background.caches import DataCache, StackCache
    from lora_studio.gui.evaluation import stack_jobs

    root, ids = stack_library
    family = {seed: (ids[f"conv1:{seed}"], ids[f"fc2:{seed}"]) for seed in (0, 1)}
    scored = []
    real = core_stack.AdapterStack.accuracies
    monkeypatch.setattr(core_stack.AdapterStack, "accuracies",
                        lambda self, splits, weights: scored.append(weights) or real(self, splits, weights))
    moved = iter([False, True])  # the sliders move while the first seed is scored
    job = stack_jobs.make_seed_scores(DataCache(), StackCache(), tiny_root, root, family[0], family, [1.0, 1.0],
                                      COMPOSITE, stale=lambda: next(moved))
    result = job.run(None)
    assert result.status == "stopped" and result.stack == ()
    assert scored == [[1.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]  # seed 0's stack and parts, nothing of seed 1
