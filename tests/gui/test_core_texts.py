"""The core's texts the window shows have a translatable GUI-side copy (gui/core_texts.py), word for word.

A task, feature, model kind or data set the core adds without a text there would stay English in a
translated window: these tests fail first.
"""

from PySide6.QtCore import QCoreApplication, QTranslator

from lora_studio.core import config
from lora_studio.core.data import datasets, features, task_names
from lora_studio.core.model.params import Budget
from lora_studio.gui import core_texts


def test_every_task_has_its_core_title_and_description():
    infos = task_names.task_infos()
    assert {info.name for info in infos} == set(core_texts.TASK_TITLES) == set(core_texts.TASK_DESCRIPTIONS)
    for info in infos:
        assert core_texts.TASK_TITLES[info.name] == info.title
        assert core_texts.TASK_DESCRIPTIONS[info.name] == info.description
        assert core_texts.task_title(info.name) == info.title
        assert core_texts.task_description(info.name) == info.description


def test_every_feature_has_its_core_title_and_description():
    assert set(features.FEATURES) == set(core_texts.FEATURE_TITLES) == set(core_texts.FEATURE_DESCRIPTIONS)
    for name, feature in features.FEATURES.items():
        assert core_texts.FEATURE_TITLES[name] == feature.title
        assert core_texts.FEATURE_DESCRIPTIONS[name] == feature.description


def test_every_model_kind_and_data_set_has_a_text():
    assert set(core_texts.KIND_TITLES) == {"base", *config.KIND_METHODS}
    assert set(config.DATASETS) == set(datasets.DATASETS) == set(core_texts.DATASET_TITLES) \
        == set(core_texts.DATASET_LICENCES)
    for name, info in datasets.DATASETS.items():
        assert core_texts.DATASET_TITLES[name] == info.title
        assert core_texts.DATASET_LICENCES[name] == info.licence


def test_the_budget_sentence_is_the_cores():
    for budget in (Budget(1_234, 52_138), Budget(650, 52_138), Budget(52_138, 52_138)):
        assert core_texts.budget_sentence(budget) == budget.sentence()


def test_a_name_the_window_does_not_know_keeps_the_cores_english():
    assert core_texts.feature_title("sharpness", "Sharpness") == "Sharpness"
    assert core_texts.feature_description("sharpness", "edge strength") == "edge strength"
    assert core_texts.kind_title("distilled") == "distilled"
    assert core_texts.dataset_title("emnist") == "emnist"
    assert core_texts.task_title("no-such-task") == "no-such-task"


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
    translator = _Upper({"tasks", "features", "kinds", "datasets", "core"})
    QCoreApplication.installTranslator(translator)
    try:
        assert core_texts.task_title("inverted") == "INVERTED COLOURS"
        assert core_texts.feature_title("brightness", "Brightness") == "BRIGHTNESS"
        assert core_texts.kind_title("head") == "HEAD ONLY"
        assert core_texts.dataset_licence("mnist").startswith("MNIST BY YANN")
        assert core_texts.budget_sentence(Budget(650, 52_138)) == "TRAINABLE 650 OF 52,138 PARAMETERS (1.2 %)"
    finally:
        QCoreApplication.removeTranslator(translator)
