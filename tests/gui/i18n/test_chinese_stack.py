"""The adapter stack and the two lessons that stack adapters read in Chinese (issue 20's words), where the window walk
of test_chinese_window.py cannot reach them: it opens the window once, on a library without a stack.

Here lessons 8 and 9's cards are read at every step of their Set it up (no base model, the base alone, one adapter,
both, the answer scored from the person's runs), then the Evaluation tab's stack page holding both adapters of a
lesson with a combination saved from them, and the evaluated adapters with their Copy command and Export as code
buttons. Every text is read as the window walk reads it (tests/helpers/window_texts.py); the models' stored names
are the user's and excepted, as there.
"""

import shutil

import pytest
from english_text import english_words  # tests/helpers
from PySide6.QtCore import QCoreApplication, Qt
from qt_timeouts import JOB_MS
from window_texts import Leftovers, read_widgets  # tests/helpers

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import runs
from lora_studio.core.workflows.plans import FinetunePlan

SEEDS = (0, 1)  # two seeds: the answers give 95 % intervals
#: each lesson's two runs, as its card sets them up: (layers, task)
PARTS = {"modules": ((("conv1",), "inverted"), (("fc2",), "swap-labels")),
         "interfere": ((("fc1", "fc2"), "inverted"), (("fc1", "fc2"), "rotate90"))}


@pytest.fixture(scope="module")
def stack_runs(tiny_dataset, tmp_path_factory):
    """A library with a base and, from it, both lessons' runs over two seeds, as their cards set them up (r 8,
    α 16, one epoch, no extra input, no control). Returns (root, base id, {(lesson, part index): [ids]})."""
    library = ModelLibrary(tmp_path_factory.mktemp("zh-stack-lessons"))
    quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
    base_id = runs.train_base_run(tiny_dataset, quick, library).model_id
    base, record = runs.load_base(library, base_id)
    ids = {}
    for lesson_id, parts in PARTS.items():
        for index, (layers, task) in enumerate(parts):
            plan = FinetunePlan(base_id, LoraConfig(rank=8, alpha=16.0, layers=layers), features=(), control=False,
                                seeds=SEEDS, train=quick, task=task)
            done = runs.finetune_runs(base, record, tiny_dataset, plan, library)
            ids[(lesson_id, index)] = [run.model_id for run in done.runs]
    return library.root, base_id, ids


class Walk:
    """Reads what a Chinese window shows, step by step, into one `Leftovers`."""

    def __init__(self, window):
        self.window, self.leftovers = window, Leftovers()

    def add(self, root, model_ids) -> None:
        """Copy `model_ids` of the library at `root` into the window's library, and have the window look at it."""
        for model_id in model_ids:
            shutil.copytree(root / model_id, self.window.state.models_root / model_id)
        self.window.state.refresh_models()
        assert set(model_ids) <= {m.id for m in self.window.state.models}

    def read(self, what: str, widget) -> None:
        self.leftovers.stored_names = [m.name for m in self.window.state.models if m.name]
        read_widgets(widget, self.leftovers, what)


def read_lessons(walk: Walk, step: str) -> None:
    """Both stacking lessons' cards as they stand now."""
    panel = walk.window.learn_tab.lessons
    for lesson_id in PARTS:
        panel.select(lesson_id)
        assert panel.lesson().id == lesson_id
        walk.read(f"lesson {lesson_id}, {step}", panel)


def answers_read(qtbot, walk: Walk) -> None:
    """Both lessons' answers, once the worker has scored the person's stacks."""
    panel = walk.window.learn_tab.lessons
    head = QCoreApplication.translate("lessons", "Your adapters stacked by the core, {0} stack(s) of them ({1}); "
                                                 "means over the seeds, 95 % intervals in brackets:").split("{0}")[0]
    for lesson_id in PARTS:
        panel.select(lesson_id)
        panel.answer_button.setChecked(True)
        qtbot.waitUntil(lambda: head in panel.view.toPlainText(), timeout=JOB_MS)
        walk.read(f"lesson {lesson_id}, the answer", panel)
        panel.answer_button.setChecked(False)


def test_the_stacking_lessons_and_the_stack_page_read_in_chinese(chinese, qtbot, make_window, tiny_data, stack_runs,
                                                                  wait_idle):
    root, base_id, ids = stack_runs
    window = make_window()
    walk = Walk(window)
    window.tabs.setCurrentWidget(window.learn_tab)
    read_lessons(walk, "no base model")
    walk.add(root, [base_id])
    read_lessons(walk, "step 1: the base alone")
    walk.add(root, [model_id for lesson_id in PARTS for model_id in ids[(lesson_id, 0)]])
    read_lessons(walk, "step 2: the first adapter there")
    walk.add(root, [model_id for lesson_id in PARTS for model_id in ids[(lesson_id, 1)]])
    read_lessons(walk, "step 3: both adapters there")
    answers_read(qtbot, walk)

    # the last step's Set it up: lesson 9's adapters stacked on the Evaluation tab, a combination saved (svd)
    panel = window.learn_tab.lessons
    panel.select("interfere")
    panel.setup_button.click()
    tab, stack = window.eval_tab, window.eval_tab.stack
    assert window.tabs.currentWidget() is tab and tab.pages.currentWidget() is tab.page["stack"]
    pair = (ids[("interfere", 0)][0], ids[("interfere", 1)][0])
    qtbot.waitUntil(lambda: stack.ids == pair and stack.scored is not None and stack.parts is not None
                    and stack.seeds is not None, timeout=JOB_MS)
    stack.how_combo.setCurrentIndex(stack.how_combo.findData("svd"))
    before = {m.id for m in window.state.models}
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        assert stack.save_combination(None, 4)
    assert ended.args[:2] == ["combine", "finished"], ended.args
    [saved] = {m.id for m in window.state.models} - before
    qtbot.waitUntil(lambda: f"saved:{saved}" in stack.scores.heights(), timeout=JOB_MS)
    name = next(m.name for m in window.state.models if m.id == saved)
    assert "svd" in name and not english_words(name), name  # the window names what it makes in its language
    walk.read("stack page, two adapters and a combination", window)
    walk.leftovers.check("status bar, the combination saved", window.statusBar().currentMessage())

    # the adapters evaluated, one inspected: its Copy command (a <code> command in the tooltip), Export as code
    wait_idle(window)
    for i in range(tab.selector.count()):
        item = tab.selector.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in pair
                           else Qt.CheckState.Unchecked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        tab.evaluate()
    assert ended.args[:2] == ["evaluate", "finished"], ended.args
    tab.inspect(pair[0], pair[1])
    qtbot.waitUntil(lambda: tab.export_code_button.reason is not None, timeout=JOB_MS)
    assert tab.copy_command_button.isEnabled() and tab.export_code_button.isEnabled()
    tab.pages.setCurrentWidget(tab.page["delta"])
    walk.read("Evaluation tab, the adapters evaluated", window)

    assert walk.leftovers.texts_read > 300, "the walk read too little"
    lines = walk.leftovers.lines()
    assert not lines, f"{len(lines)} texts still hold English:\n" + "\n".join(lines)
