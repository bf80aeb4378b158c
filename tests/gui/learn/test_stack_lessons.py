"""The lessons that stack adapters ("Adapters are modules", "Adapters on the same layers interfere"): Set it up goes
in stages as the library fills (the first adapter's run, the second's, then the Evaluation tab's stack), each stage
leaves every control its card names as it says; the answer quotes the stacks of the person's own runs, scored by
the core in the worker (means and 95 % intervals over seeds); which runs count for a stage; no base model."""

import shutil

import pytest
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data import datasets
from lora_studio.core.evaluation.scores import mean_interval
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import runs
from lora_studio.core.workflows.adapter_stack import load_stack, task_splits
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui.i18n.core_texts import task_title
from lora_studio.gui.i18n.score_texts import points
from lora_studio.gui.learn.lessons_content import LESSONS

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
SEEDS = (0, 1)
#: each lesson's two runs, as its card sets them up: (layers, task)
PARTS = {"modules": ((("conv1",), "inverted"), (("fc2",), "swap-labels")),
         "interfere": ((("fc1", "fc2"), "inverted"), (("fc1", "fc2"), "rotate90"))}
#: the stack page each lesson's last step sets up: its task, the weights
STACK = {"modules": ("inverted+swap-labels", (1.0, 1.0)), "interfere": ("inverted", (1.0, 1.0))}


def lesson(lesson_id: str):
    return next(item for item in LESSONS if item.id == lesson_id)


@pytest.fixture(scope="module")
def stack_runs(tiny_dataset, tmp_path_factory):
    """A library with a base and, from it, every run of both lessons over two seeds, as their cards set them up
    (r 8, α 16, no extra input, no control). Returns (root, base id, {(lesson, part): {seed: id}})."""
    library = ModelLibrary(tmp_path_factory.mktemp("stack-lessons"))
    base_id = runs.train_base_run(tiny_dataset, TrainConfig(epochs=1, batch_size=32, lr=3e-3), library).model_id
    base, record = runs.load_base(library, base_id)
    ids = {}
    for lesson_id, parts in PARTS.items():
        for index, (layers, task) in enumerate(parts):
            plan = FinetunePlan(base_id, LoraConfig(rank=8, alpha=16.0, layers=layers), features=(), control=False,
                                seeds=SEEDS, train=QUICK, task=task)
            done = runs.finetune_runs(base, record, tiny_dataset, plan, library)
            ids[(lesson_id, index)] = {run.seed: run.model_id for run in done.runs}
    return library.root, base_id, ids


def put(root, home, model_ids) -> None:
    """Copy the models `model_ids` of the library at `root` into the app's own library."""
    for model_id in model_ids:
        shutil.copytree(root / model_id, paths.models_dir(home) / model_id)


def with_runs(stack_runs, home, *parts) -> None:
    """The app's library: the base and the runs of `parts` ((lesson, part index) each), every seed."""
    root, base_id, ids = stack_runs
    put(root, home, [base_id, *(model_id for part in parts for model_id in ids[part].values())])


def lesson_window(make_window, lesson_id: str):
    window = make_window()
    panel = window.learn_tab.lessons
    window.tabs.setCurrentWidget(window.learn_tab)
    panel.select(lesson_id)
    assert panel.lesson().id == lesson_id
    return window, panel


def assert_lora_tab(window, base_id: str, layers, task: str) -> None:
    """The LoRA tab as every run of a stacking lesson is set up: the card's settings, with `layers` and `task`."""
    tab = window.lora_tab
    assert window.tabs.currentWidget() is tab
    assert tab.base_combo.currentData() == base_id
    assert tab.task_combo.task() == task
    assert tab.method_combo.currentData() == "lora"
    assert tuple(name for name, check in tab.layer_checks.items() if check.isChecked()) == layers
    assert (tab.rank.value(), tab.alpha.value(), tab.variant_combo.currentData(), tab.lora_plus.value()) == (
        8, 16.0, "lora", 1.0)
    assert [name for name, check in tab.feature_checks.items() if check.isChecked()] == []
    assert not tab.control_check.isChecked()
    assert (tab.seeds.value(), tab.epochs.value(), tab.subset.value()) == (3, 1, 0)
    assert tab.plan().runs()  # the core accepts what the lesson set


@pytest.mark.parametrize("lesson_id", list(PARTS))
def test_the_first_step_is_the_first_adapters_run(qtbot, make_window, tiny_data, stack_runs, lesson_id):
    root, base_id, ids = stack_runs
    put(root, tiny_data, [base_id])
    window, panel = lesson_window(make_window, lesson_id)
    assert "Step 1 of 3: your library has no" in panel.view.toPlainText()
    panel.setup_button.click()
    layers, task = PARTS[lesson_id][0]
    assert_lora_tab(window, base_id, layers, task)


@pytest.mark.parametrize("lesson_id", list(PARTS))
def test_with_the_first_adapter_there_the_second_step_is_the_second_run(qtbot, make_window, tiny_data, stack_runs,
                                                                        lesson_id):
    with_runs(stack_runs, tiny_data, (lesson_id, 0))
    window, panel = lesson_window(make_window, lesson_id)
    text = panel.view.toPlainText()
    assert "Step 2 of 3: your library has no" in text and "Already there:" in text and "2 seed(s)" in text
    panel.setup_button.click()
    layers, task = PARTS[lesson_id][1]
    assert_lora_tab(window, stack_runs[1], layers, task)


@pytest.mark.parametrize("lesson_id", list(PARTS))
def test_with_both_adapters_there_set_it_up_stacks_them_on_the_evaluation_tab(qtbot, make_window, tiny_data,
                                                                              stack_runs, lesson_id):
    root, base_id, ids = stack_runs
    with_runs(stack_runs, tiny_data, (lesson_id, 0), (lesson_id, 1))
    window, panel = lesson_window(make_window, lesson_id)
    window.lora_tab.layer_checks["conv2"].setChecked(True)  # the LoRA tab keeps what the person left there
    text = panel.view.toPlainText()
    assert "Step 3 of 3: both adapters are in your library" in text and "Evaluation tab, Adapter stack page" in text
    panel.setup_button.click()
    tab = window.eval_tab
    assert window.tabs.currentWidget() is tab and tab.pages.currentWidget() is tab.page["stack"]
    stack = tab.stack
    want = tuple(ids[(lesson_id, part)][0] for part in (0, 1))  # the first part's newest run is seed 0's
    task, weights = STACK[lesson_id]
    qtbot.waitUntil(lambda: stack.ids == want and stack.scored is not None, timeout=JOB_MS)
    assert stack.base_id() == base_id
    assert stack.weights() == weights
    assert [slider.value() for slider in stack.table.sliders] == [round(100 * w) for w in weights]
    assert stack.task() == task == stack.task_combo.currentData()
    assert window.lora_tab.layer_checks["conv2"].isChecked()


def core_scores(home, stacks, weights, tasks):
    """The core's own numbers: (weights, task) → each stack's accuracy, stacks in order."""
    library = ModelLibrary(paths.models_dir(home))
    dataset = datasets.load_dataset(paths.datasets_dir(home), "mnist")
    splits = task_splits(dataset, tasks, paths.datasets_dir(home))
    table = {}
    for ids in stacks:
        stack, _ = load_stack(library, ids)
        for w in weights:
            for task, accuracy in stack.accuracies(splits, w).items():
                table.setdefault((w, task), []).append(accuracy)
    return table


def scored_answer(qtbot, panel) -> str:
    panel.answer_button.click()
    assert "Scoring your adapters together in the background, 2 stack(s)" in panel.view.toPlainText()
    qtbot.waitUntil(lambda: "Your adapters stacked by the core" in panel.view.toPlainText(), timeout=JOB_MS)
    text = panel.view.toPlainText()
    assert "Your own runs:" in text and "Scoring your adapters" not in text
    return text


def test_the_modules_answer_quotes_the_stacks_of_the_persons_runs(qtbot, make_window, tiny_data, stack_runs):
    root, base_id, ids = stack_runs
    with_runs(stack_runs, tiny_data, ("modules", 0), ("modules", 1))
    window, panel = lesson_window(make_window, "modules")
    text = scored_answer(qtbot, panel)
    stacks = [(ids[("modules", 0)][seed], ids[("modules", 1)][seed]) for seed in SEEDS]
    table = core_scores(tiny_data, stacks, [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)], ["inverted+swap-labels"])
    on = {w: table[(w, "inverted+swap-labels")] for w in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]}
    assert "2 stack(s) of them (seeds 0, 1)" in text
    assert on[(0.0, 0.0)][0] == on[(0.0, 0.0)][1]  # one base under both seeds' stacks: quoted once
    assert f"the base {100 * on[(0.0, 0.0)][0]:.2f} %;" in text
    assert f"LoRA on conv1 trained on {task_title('inverted')} alone {points(mean_interval(on[(1.0, 0.0)]))}" in text
    assert f"LoRA on fc2 trained on {task_title('swap-labels')} alone {points(mean_interval(on[(0.0, 1.0)]))}" in text
    assert f"both together, without training, {points(mean_interval(on[(1.0, 1.0)]))}" in text
    gain = mean_interval(t - max(a, b) for t, a, b in zip(on[(1.0, 1.0)], on[(1.0, 0.0)], on[(0.0, 1.0)],
                                                          strict=True))
    assert points(gain, signed=True) in text
    assert ("No clear gain from stacking them" in text) is gain.spans_zero
    assert ("They compose" in text) is (not gain.spans_zero and gain.mean > 0)


def test_the_interference_answer_quotes_summed_and_averaged_on_both_tasks(qtbot, make_window, tiny_data, stack_runs):
    root, base_id, ids = stack_runs
    with_runs(stack_runs, tiny_data, ("interfere", 0), ("interfere", 1))
    window, panel = lesson_window(make_window, "interfere")
    text = scored_answer(qtbot, panel)
    stacks = [(ids[("interfere", 0)][seed], ids[("interfere", 1)][seed]) for seed in SEEDS]
    weights = [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (0.5, 0.5)]
    table = core_scores(tiny_data, stacks, weights, ["inverted", "rotate90"])
    assert "the base" not in text  # this lesson compares with each adapter alone
    for own, task in (((1.0, 0.0), "inverted"), ((0.0, 1.0), "rotate90")):
        title = task_title(task)
        line = next(line for line in text.splitlines() if line.startswith(f"On {title}: "))
        assert f"LoRA on fc1+fc2 trained on {title} alone {points(mean_interval(table[(own, task)]))}" in line
        assert f"summed (both at 100 %) {points(mean_interval(table[((1.0, 1.0), task)]))}" in line
        assert f"averaged (both at 50 %) {points(mean_interval(table[((0.5, 0.5), task)]))}" in line
        loss = mean_interval(s - a for s, a in zip(table[((1.0, 1.0), task)], table[(own, task)], strict=True))
        verdict = next(line for line in text.splitlines() if line.startswith(f"On {title}") and "summed minus" in line)
        assert points(loss, signed=True) in verdict
        assert ("no clear effect" in verdict) is loss.spans_zero
        assert ("they interfere" in verdict) is (not loss.spans_zero and loss.mean < 0)


def test_an_adapter_that_fails_its_checksum_is_said_in_the_answer(qtbot, make_window, tiny_data, stack_runs):
    root, base_id, ids = stack_runs
    with_runs(stack_runs, tiny_data, ("interfere", 0), ("interfere", 1))
    damaged = paths.models_dir(tiny_data) / ids[("interfere", 1)][0] / "adapter_model.safetensors"
    data = bytearray(damaged.read_bytes())
    data[-1] ^= 0xFF
    damaged.write_bytes(bytes(data))
    window, panel = lesson_window(make_window, "interfere")
    panel.answer_button.click()
    qtbot.waitUntil(lambda: "could not be scored together" in panel.view.toPlainText(), timeout=JOB_MS)
    line = next(line for line in panel.view.toPlainText().splitlines() if "could not be scored together" in line)
    assert ids[("interfere", 1)][0] in line and "Traceback" not in line


def test_with_one_adapter_trained_the_answer_quotes_it_and_says_what_comes_next(qtbot, make_window, tiny_data,
                                                                               stack_runs):
    root, base_id, ids = stack_runs
    with_runs(stack_runs, tiny_data, ("modules", 0))
    window, panel = lesson_window(make_window, "modules")
    panel.answer_button.click()
    text = panel.view.toPlainText()
    accuracy = [info.test_accuracy for info in window.state.models if info.id in ids[("modules", 0)].values()]
    assert len(accuracy) == 2
    quote = f"LoRA on conv1 trained on {task_title('inverted')}: {points(mean_interval(accuracy))} on its own task"
    assert quote in text
    assert f"The stack's figures come once LoRA on fc2 trained on {task_title('swap-labels')} is in your library" \
        in text


def test_without_a_base_model_the_first_step_waits_for_one(qtbot, make_window, tiny_data):
    window, panel = lesson_window(make_window, "modules")
    text = panel.view.toPlainText()
    assert f"Step 1 of 3: LoRA on conv1 trained on {task_title('inverted')}, once there is a base model" in text
    assert "no base model trained on MNIST" in text
    panel.setup_button.click()
    assert window.tabs.currentWidget() is window.base_tab
    assert window.lora_tab.task_combo.task() == "inverted"  # the first run is ready for when the base is trained
    assert [name for name, check in window.lora_tab.layer_checks.items() if check.isChecked()] == ["conv1"]
    panel.answer_button.click()
    assert "You have no run of this lesson" in panel.view.toPlainText()


# --- which runs count (the library's rows, no window) --------------------------------------------------------------
def row(model_id: str, kind: str = "lora", parent: str | None = "base-new", task: str = "inverted",
        layers=("conv1",), seed: int = 0, setting: str = "r8", combination=None, **more):
    """A row of the library as the window lists it; `setting`: what tells its setting from another's."""
    from lora_studio.gui.shared.state.app_state import ModelInfo

    method = None if kind == "base" else more.pop("method", "lora")
    more.setdefault("epochs", 1)
    return ModelInfo(model_id, name=f"name of {model_id}", kind=kind, dataset="mnist", parent=parent, method=method,
                     layers=layers, task=task, seed=seed, test_accuracy=0.5,
                     setting=("mnist", task, method, parent, setting, combination), **more)


def test_only_lora_runs_of_the_newest_base_on_the_parts_task_layers_and_epochs_count():
    from lora_studio.gui.learn.stack_lessons import find_runs

    modules = lesson("modules").stack
    models = [  # newest first, as the library lists them
        row("combined", layers=("conv1",), combination="cat"),
        row("feature", features=("brightness",)),
        row("wider", layers=("conv1", "fc1")),
        row("head", method="head", layers=("fc2",), task="swap-labels"),
        row("unreadable", error="damaged"),
        row("other-task", task="rotate90"),
        row("two-epochs", epochs=2, setting="2 epochs"),  # an earlier lesson's run: not the card's
        row("conv1-b", seed=1),
        row("conv1-a", seed=0),
        row("conv1-a-again", seed=0),  # an older run of the same seed: the newer one counts
        row("base-new", kind="base", parent=None, task="same", layers=()),
        row("old-base-run", parent="base-old", task="swap-labels", layers=("fc2",)),
        row("base-old", kind="base", parent=None, task="same", layers=()),
    ]
    found = find_runs(modules, models)
    assert found.base.id == "base-new"
    assert [m.id for m in found.runs[0]] == ["conv1-b", "conv1-a"]
    assert found.runs[1] == () and not found.complete  # the fc2 run of the older base does not count


def test_of_two_settings_the_newest_counts_and_the_stacks_pair_the_seeds_both_parts_have():
    from lora_studio.gui.learn.stack_lessons import find_runs, stage

    interfere = lesson("interfere").stack
    fc = ("fc1", "fc2")
    base = row("base", kind="base", parent=None, task="same", layers=())
    models = [row("rot-2", task="rotate90", layers=fc, seed=2, parent="base"),
              row("rot-0", task="rotate90", layers=fc, seed=0, parent="base"),
              row("inv-r4-1", layers=fc, seed=1, parent="base", setting="r4"),  # the newest setting of the first
              row("inv-r4-0", layers=fc, seed=0, parent="base", setting="r4"),
              row("inv-r4-2", layers=fc, seed=2, parent="base", setting="r4"),
              row("inv-r8-3", layers=fc, seed=3, parent="base"),  # an older setting: not its seeds
              base]
    found = find_runs(interfere, models)
    assert found.stacks() == ((0, ("inv-r4-0", "rot-0")), (2, ("inv-r4-2", "rot-2")))
    at = stage(interfere, models)
    assert at.number == 3 and at.setup.tab == "evalTab"
    assert at.setup.stack.base_id == "base" and at.setup.stack.task == "inverted"
    assert at.setup.stack.adapters == (("inv-r4-0", 1.0), ("rot-0", 1.0))

    apart = [row("rot-5", task="rotate90", layers=fc, seed=5, parent="base"), *models[2:]]
    assert find_runs(interfere, apart).stacks() == ((None, ("inv-r4-1", "rot-5")),)  # no seed in common


def test_the_stage_is_the_first_part_missing_and_says_what_is_there():
    from lora_studio.gui.learn.stack_lessons import stage

    modules = lesson("modules").stack
    base = row("base", kind="base", parent=None, task="same", layers=())
    fc2 = row("fc2-0", task="swap-labels", layers=("fc2",), parent="base")
    at = stage(modules, [fc2, base])
    assert at.number == 1 and at.setup.layers == ("conv1",) and at.setup.task == "inverted"
    assert "Step 1 of 3" in at.note and "Already there: LoRA on fc2" in at.note and "(1 seed(s))" in at.note
    at = stage(modules, [row("conv1-0", parent="base"), base])
    assert at.number == 2 and at.setup.layers == ("fc2",) and at.setup.task == "swap-labels"
    assert at.setup.stack is None and (at.setup.seeds, at.setup.epochs, at.setup.features) == (3, 1, ())
