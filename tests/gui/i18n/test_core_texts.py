"""The window names the core's models in English as the core does (gui/i18n/core_texts.py), and says the reason
of a failed import in Chinese. How the core's marked texts are translated: test_core_text_translation.py.

A task, feature or data set the core adds without a text there would stay English in a
translated window: these tests fail first.
"""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from lora_studio.core import config, vocabulary
from lora_studio.core.config import LoraConfig
from lora_studio.core.data import datasets, task_names
from lora_studio.core.errors import DataError
from lora_studio.core.model.params import Budget
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.sweep_plan import SweepPlan
from lora_studio.gui.i18n import core_texts


def test_every_data_set_has_a_text():
    assert set(config.DATASETS) == set(datasets.DATASETS)  # every data set a setting accepts has its title


def test_a_name_the_window_does_not_know_keeps_the_cores_english():
    assert core_texts.feature_title("sharpness", "Sharpness") == "Sharpness"
    assert core_texts.feature_description("sharpness", "edge strength") == "edge strength"
    assert core_texts.dataset_title("emnist") == "emnist"
    assert core_texts.task_title("no-such-task") == "no-such-task"


FOLDER = task_names.FOLDER_PREFIX + "/home/me/my digits"


@pytest.mark.parametrize("task", [*task_names.TASKS, FOLDER])
def test_the_windows_model_names_are_the_cores_in_english(task):
    """A model the window trains is named by the GUI's builder (translated); in English it is the core's."""
    for dataset, info in datasets.DATASETS.items():
        assert core_texts.base_name(dataset, 3) == recipes.base_name(info.title, 3)
    for layers, names in ((("fc1", "fc2"), ("brightness",)), (("conv1",), ("brightness", "contrast", "ink", "width"))):
        plan = FinetunePlan(base_id="b", task=task, lora=LoraConfig(rank=4, layers=layers), features=names)
        assert core_texts.run_name(plan, "feature_lora", 2) == recipes.lora_name(plan.lora, names, task, 2)
        for plain in ("control_lora", "lora"):  # a control's name is what it is: LoRA without the extra inputs
            assert core_texts.run_name(plan, plain, 2) == recipes.lora_name(plan.lora, (), task, 2)
        for phase, kind in vocabulary.KINDS.items():
            if kind.method not in (None, "lora"):
                assert core_texts.run_name(plan, phase, 1) == recipes.method_name(kind.method, task, 1)


@pytest.mark.parametrize("task", ["same", "inverted", FOLDER])
def test_the_windows_sweep_names_are_the_cores_in_english(task):
    """A model a sweep saves from the window is named by the GUI's builder (core_texts.sweep_run_name, run_sweep's
    `names`); in English it is the name run_sweep gives without one, for every kind of setting."""
    plan = SweepPlan("b", task=task, methods=tuple(config.METHODS), layers=("conv1", "fc2"), ranks=(1, 16),
                     variants=tuple(config.LORA_VARIANTS), seeds=(0, 3))
    settings = plan.settings()
    assert {s.method for s in settings} == set(config.METHODS)
    assert {s.variant for s in settings if s.method == "lora"} == set(config.LORA_VARIANTS)
    for setting, seed in plan.runs():
        if setting.method == "lora":
            core = recipes.lora_name(plan.finetune_plan(setting, seed).lora, (), task, seed)
            title = vocabulary.VARIANTS[setting.variant].title  # LoRA, rsLoRA, DoRA: the variant tells them apart
            assert core.startswith(f"{title} r={setting.rank} conv1+fc2 ")
        else:
            core = recipes.method_name(setting.method, task, seed)
        assert core_texts.sweep_run_name(plan, setting, seed) == core


def _data_errors(tmp_path):
    """The DataErrors with a reason, raised by the core itself."""
    errors = []
    for call in (lambda: datasets.locate_import_source(tmp_path / "nowhere", "mnist"),
                 lambda: datasets.locate_import_source(tmp_path, "mnist"),
                 lambda: datasets.read_folder(tmp_path),
                 lambda: datasets.load_dataset(tmp_path, "kmnist")):
        with pytest.raises(DataError) as caught:
            call()
        errors.append(caught.value)
    return errors


def test_the_import_box_says_the_reason_in_chinese(qapp, tmp_path):
    """File → Import data with a folder holding no IDX file: the worker's message is Chinese, path and files kept."""
    from lora_studio.gui.background.worker import _failure
    from lora_studio.gui.i18n import language as i18n

    with pytest.raises(DataError) as caught:
        datasets.locate_import_source(tmp_path, "mnist")
    installed = i18n.apply("zh_CN", qapp)
    try:
        assert not installed.missing
        message = _failure(caught.value).message
    finally:
        i18n.apply("en", qapp)
    assert message.startswith(f"{tmp_path} 中没有这四个 IDX 文件")
    assert all(stem in message for stem in datasets.FILES.values())
    assert "holds" not in message


class _Upper(QTranslator):
    """A stand-in for a .qm file: every text of the given contexts in capitals."""

    def __init__(self, contexts):
        super().__init__()
        self.contexts = contexts

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context in self.contexts else None

    def isEmpty(self):
        return False


def test_the_texts_are_translated_where_shown(qapp):
    translator = _Upper({"tasks", "features", "kinds", "datasets", "core", "modelnames", "classes"})
    QCoreApplication.installTranslator(translator)
    try:
        assert core_texts.task_title("inverted") == "INVERTED COLOURS"
        assert core_texts.feature_title("brightness", "Brightness") == "BRIGHTNESS"
        assert core_texts.dataset_licence("mnist").startswith("MNIST BY YANN")
        assert core_texts.budget_sentence(Budget(650, 52_138)) == "TRAINABLE 650 OF 52,138 PARAMETERS (1.2 %)"
        assert core_texts.class_name("Ankle boot") == "ANKLE BOOT"
        assert core_texts.base_name("mnist", 0) == "BASE · MNIST · SEED 0"
        plan = FinetunePlan(base_id="b", task="inverted", features=("brightness",))
        assert core_texts.run_name(plan, "feature_lora", 1).endswith("· INVERTED · +BRIGHTNESS · SEED 1")
    finally:
        QCoreApplication.removeTranslator(translator)
