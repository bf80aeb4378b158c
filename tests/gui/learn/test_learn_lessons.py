"""The Learn tab's lessons: "Set it up" leaves every control as the card says (one test per lesson), without a
base model it sends the person to train one, the answer is revealed on request and quotes the person's own
runs when the library has them (else what to expect), and the chosen lesson is remembered."""

import shutil

import pytest
from PySide6.QtCore import Qt

from lora_studio.core import paths
from lora_studio.gui.learn.lessons_content import LESSONS

#: what each lesson's card promises, control by control (the LoRA tab's for a run, the Compare tab's for a sweep)
EXPECTED = {
    "article": {"tab": "loraTab", "task": "same", "method": "lora", "layers": ["fc1", "fc2"], "rank": 8,
                "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": ["brightness"], "control": True,
                "seeds": 1, "epochs": 2, "subset": 0},
    "brightness": {"tab": "loraTab", "task": "same", "method": "lora", "layers": ["fc1", "fc2"], "rank": 8,
                   "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": ["brightness"], "control": True,
                   "seeds": 5, "epochs": 2, "subset": 0},
    "inverted": {"tab": "loraTab", "task": "inverted", "method": "lora", "layers": ["conv1"], "rank": 8,
                 "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": [], "control": False, "seeds": 1,
                 "epochs": 2, "subset": 0},
    "rotate90": {"tab": "loraTab", "task": "rotate90", "method": "lora", "layers": ["conv1"], "rank": 8,
                 "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": [], "control": False, "seeds": 1,
                 "epochs": 1, "subset": 0},
    "rank": {"tab": "compareTab", "task": "rotate90", "methods": ["lora", "head"], "layers": ["fc1", "fc2"],
             "ranks": [1, 2, 4, 8, 16, 32, 64], "variants": ["lora"], "seeds": 2, "epochs": 1, "subset": 0},
    "forgetting": {"tab": "loraTab", "task": "rotate90", "method": "lora", "layers": ["fc1", "fc2"], "rank": 8,
                   "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": [], "control": False, "seeds": 1,
                   "epochs": 2, "subset": 0},
    "merge": {"tab": "loraTab", "task": "same", "method": "lora", "layers": ["fc1", "fc2"], "rank": 8,
              "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": ["brightness"], "control": False,
              "seeds": 1, "epochs": 2, "subset": 0},
    # the stacking lessons' first step (their later ones: test_stack_lessons.py)
    "modules": {"tab": "loraTab", "task": "inverted", "method": "lora", "layers": ["conv1"], "rank": 8,
                "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": [], "control": False, "seeds": 3,
                "epochs": 1, "subset": 0},
    "interfere": {"tab": "loraTab", "task": "inverted", "method": "lora", "layers": ["fc1", "fc2"], "rank": 8,
                  "alpha": 16.0, "variant": "lora", "plus": 1.0, "features": [], "control": False, "seeds": 3,
                  "epochs": 1, "subset": 0},
}


@pytest.fixture(scope="module")
def base_library(tiny_dataset, tmp_path_factory):
    """A library holding one quick base model on the tiny data."""
    from lora_studio.core.config import TrainConfig
    from lora_studio.core.storage.library import ModelLibrary
    from lora_studio.core.workflows import runs

    root = tmp_path_factory.mktemp("lessons-base")
    run = runs.train_base_run(tiny_dataset, TrainConfig(epochs=1, batch_size=32, lr=3e-3), ModelLibrary(root))
    return root, run.model_id


@pytest.fixture(scope="module")
def lesson_library(tiny_dataset, base_library, tmp_path_factory):
    """The base plus the runs the lessons quote: brightness and control over two seeds, LoRA on conv1 for inverted
    digits, and a small Compare sweep on rotated ones (a study file)."""
    from lora_studio.core.config import LoraConfig, TrainConfig
    from lora_studio.core.storage.library import ModelLibrary
    from lora_studio.core.storage.studies import StudyStore
    from lora_studio.core.workflows import runs, sweep
    from lora_studio.core.workflows.plans import FinetunePlan
    from lora_studio.core.workflows.sweep_plan import SweepPlan

    home = tmp_path_factory.mktemp("lessons-home")
    models = paths.models_dir(home)
    shutil.copytree(base_library[0], models)
    library = ModelLibrary(models)
    base, record = runs.load_base(library, base_library[1])
    quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
    runs.finetune_runs(base, record, tiny_dataset, FinetunePlan(base_library[1], seeds=(0, 1), train=quick),
                       library).check()
    inverted = FinetunePlan(base_library[1], LoraConfig(layers=("conv1",)), features=(), control=False, train=quick,
                            task="inverted")
    runs.finetune_runs(base, record, tiny_dataset, inverted, library).check()
    plan = SweepPlan(base_library[1], task="rotate90", methods=("lora", "head"), ranks=(1, 2), train=quick)
    sweep.run_sweep(plan, base, record, tiny_dataset, library, StudyStore(paths.studies_dir(home)))
    return home


def lesson_window(make_window, lesson_id: str):
    window = make_window()
    panel = window.learn_tab.lessons
    window.tabs.setCurrentWidget(window.learn_tab)
    panel.list.setCurrentRow([lesson.id for lesson in LESSONS].index(lesson_id))
    return window, panel


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_lesson_has_a_test_and_the_list_shows_them_all(make_window, tiny_data):
    window = make_window()
    panel = window.learn_tab.lessons
    assert [lesson.id for lesson in LESSONS] == list(EXPECTED)
    assert panel.list.count() == len(LESSONS) >= 6
    assert window.findChild(type(panel.view), "lessonView") is panel.view


@pytest.mark.parametrize("lesson_id", list(EXPECTED))
def test_set_it_up_leaves_the_controls_as_the_card_says(qtbot, make_window, tiny_data, base_library, lesson_id):
    shutil.copytree(base_library[0], paths.models_dir(tiny_data))
    window, panel = lesson_window(make_window, lesson_id)
    want = EXPECTED[lesson_id]
    click(qtbot, panel.setup_button)
    assert window.tabs.currentWidget().objectName() == want["tab"]
    if want["tab"] == "compareTab":
        tab = window.compare_tab
        assert tab.base_combo.currentData() == base_library[1]
        assert tab.task_combo.task() == want["task"]
        assert tab.methods.values() == want["methods"]
        assert tab.layers.values() == want["layers"]
        assert tab.ranks.values() == want["ranks"]
        assert tab.variants.values() == want["variants"]
        assert (tab.seeds.value(), tab.epochs.value(), tab.subset.value()) == (want["seeds"], want["epochs"],
                                                                               want["subset"])
        return
    tab = window.lora_tab
    assert tab.base_combo.currentData() == base_library[1]
    assert tab.task_combo.task() == want["task"]
    assert tab.method_combo.currentData() == want["method"]
    assert [name for name, check in tab.layer_checks.items() if check.isChecked()] == want["layers"]
    assert tab.findChild(type(tab.rank), "loraRank").value() == want["rank"]
    assert (tab.alpha.value(), tab.variant_combo.currentData(), tab.lora_plus.value()) == (
        want["alpha"], want["variant"], want["plus"])
    assert [name for name, check in tab.feature_checks.items() if check.isChecked()] == want["features"]
    assert tab.control_check.isChecked() is want["control"]
    assert (tab.seeds.value(), tab.epochs.value(), tab.subset.value()) == (want["seeds"], want["epochs"],
                                                                           want["subset"])
    assert tab.plan().runs()  # the core accepts what the lesson set


def test_without_a_base_model_set_it_up_sends_the_person_to_train_one(qtbot, make_window, tiny_data):
    window, panel = lesson_window(make_window, "inverted")
    window.base_tab.epochs.setValue(7)
    assert "no base model trained on MNIST" in panel.view.toPlainText()
    click(qtbot, panel.setup_button)
    assert window.tabs.currentWidget() is window.base_tab
    assert window.base_tab.epochs.value() == 3
    assert "No base model trained on MNIST" in window.statusBar().currentMessage()
    assert window.lora_tab.task_combo.task() == "inverted"  # the rest is ready for when the base is trained


def test_without_the_data_set_set_it_up_starts_at_the_dataset_tab(qtbot, make_window):
    window, panel = lesson_window(make_window, "article")
    click(qtbot, panel.setup_button)
    assert window.tabs.currentWidget() is window.dataset_tab
    assert "download or import" in window.statusBar().currentMessage()


def test_the_answer_says_what_to_expect_until_there_is_a_run_and_hides_on_another_lesson(qtbot, make_window,
                                                                                       tiny_data):
    window, panel = lesson_window(make_window, "brightness")
    assert "no clear effect" not in panel.view.toPlainText().lower()
    click(qtbot, panel.answer_button)
    text = panel.view.toPlainText()
    assert "What to expect: no clear effect" in text and "You have no run of this lesson" in text
    assert panel.answer_button.text() == "Hide the answer"
    panel.list.setCurrentRow(0)
    assert not panel.answer_button.isChecked() and "Answer" not in panel.view.toPlainText().splitlines()


def own_answer(qtbot, make_window, lesson_id: str) -> str:
    window, panel = lesson_window(make_window, lesson_id)
    click(qtbot, panel.answer_button)
    text = panel.view.toPlainText()
    assert "Your own runs:" in text and "You have no run of this lesson" not in text
    return text


@pytest.fixture
def own_runs(tiny_data, lesson_library):
    """The app's home holds the lessons' runs (and the tiny data); returns the models as the library lists them."""
    from lora_studio.core.storage.library import ModelLibrary

    shutil.copytree(paths.models_dir(lesson_library), paths.models_dir(tiny_data))
    shutil.copytree(paths.studies_dir(lesson_library), paths.studies_dir(tiny_data))
    return [entry.record for entry in ModelLibrary(paths.models_dir(tiny_data)).list()]


@pytest.mark.slow
def test_the_answers_quote_the_persons_own_runs(qtbot, make_window, own_runs):
    from lora_studio.core.evaluation.scores import mean_interval

    by_seed = {(r.kind, r.train.seed): r.metrics["test_accuracy"] for r in own_runs if r.task == "same" and r.lora}
    newest_feature = next(r for r in own_runs if r.kind == "feature_lora")
    text = own_answer(qtbot, make_window, "article")
    assert f"{100 * newest_feature.metrics['test_accuracy']:.2f} %" in text
    assert f"{newest_feature.metrics['trainable_params']:,} of {newest_feature.metrics['total_params']:,}" in text

    effect = mean_interval(by_seed[("feature_lora", s)] - by_seed[("lora", s)] for s in (0, 1))
    text = own_answer(qtbot, make_window, "brightness")
    assert f"{100 * effect.mean:+.2f} points [{100 * effect.ci95[0]:+.2f}, {100 * effect.ci95[1]:+.2f}]" in text
    assert ("No clear effect" in text) is effect.spans_zero

    conv1 = next(r for r in own_runs if r.task == "inverted")
    text = own_answer(qtbot, make_window, "inverted")
    assert "LoRA on conv1, r = 8 (136 trainable parameters" in text
    assert f"{100 * conv1.metrics['test_accuracy']:.2f} % on the task" in text

    text = own_answer(qtbot, make_window, "forgetting")
    assert f"Forgetting: {100 * conv1.metrics['forgetting']:+.2f} points (1 seed(s))" in text

    text = own_answer(qtbot, make_window, "merge")
    assert "a plain CNN of 52,202 parameters" in text  # the newest LoRA run is a brightness run: 784 + 1 inputs

    text = own_answer(qtbot, make_window, "rank")
    assert "LoRA fc1+fc2 r = 1: " in text and "LoRA fc1+fc2 r = 2: " in text
    assert "Head only (fc2): 650 trainable parameters" in text


def test_a_lesson_whose_runs_are_missing_still_expects(qtbot, make_window, own_runs):
    window, panel = lesson_window(make_window, "rotate90")  # the sweep saved no models
    click(qtbot, panel.answer_button)
    assert "You have no run of this lesson" in panel.view.toPlainText()


def test_the_chosen_lesson_is_remembered(make_window, tiny_data):
    window, panel = lesson_window(make_window, "rank")
    window.close()
    again = make_window().learn_tab.lessons
    assert again.lesson().id == "rank"
