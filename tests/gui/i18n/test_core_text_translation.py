"""The window translates the core's own texts where it shows them (gui/i18n/core_texts.py), with no copy of them.

A stand-in translator writes every text of the contexts it is given in «guillemets», so each test sees exactly
which parts were looked up in the catalogue (a marked title, a template, a word passed as a value) and which were
shown as they are (names, paths, numbers).
"""

import errno

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from lora_studio.core import config
from lora_studio.core.config import ConfigError, ModelConfig, TrainConfig
from lora_studio.core.data import datasets, task_names
from lora_studio.core.data.dataset_names import DATASETS
from lora_studio.core.errors import DataError, StorageError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.model.params import Budget, layer_shapes
from lora_studio.gui.i18n import core_texts

CORE_CONTEXTS = {"tasks", "features", "datasets", "classes", "core", "modelnames", "errors", "settings"}


class Quoting(QTranslator):
    """Every text of `contexts` as «text»; others not translated (a translator returns None for those)."""

    def __init__(self, contexts=CORE_CONTEXTS, translate=None):
        super().__init__()
        self.contexts = contexts
        self.rule = translate or (lambda source: f"«{source}»")

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.rule(source) if context in self.contexts else None

    def isEmpty(self):
        return False


@pytest.fixture
def quoting(qapp):
    translator = Quoting()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_titles_are_translated_from_where_the_core_marks_them(quoting):
    assert core_texts.task_title("inverted") == "«Inverted colours»"
    assert core_texts.task_description(task_names.FOLDER_TASK.name).startswith("«Images you made: a folder")
    assert core_texts.task_description("swap-labels").startswith("«The same images with their labels swapped")
    assert core_texts.feature_title("ink") == "«Ink»"
    assert core_texts.feature_description("width") == "«fraction of columns that hold ink»"
    assert core_texts.feature_word("brightness") == "«brightness»"
    assert core_texts.dataset_title("fashion-mnist") == "«Fashion-MNIST»"
    assert core_texts.dataset_licence("kmnist") == "«KMNIST by ROIS-DS CODH, CC BY-SA 4.0»"
    assert core_texts.class_name("tsu") == "«tsu»"


def test_a_composite_task_is_said_part_by_part(quoting):
    """Its title and description are Texts made of its parts' marked texts: each part and each template translated."""
    assert core_texts.task_title("noisy+inverted") == "«{0} + {1}»".replace("{0}", "«Noisy digits»").replace(
        "{1}", "«Inverted colours»")
    description = core_texts.task_description("rotate90+swap-labels")
    assert description.startswith("«The same images changed in turn: «{0}, then {1}»".replace(
        "{0}", "«Rotated by 90°»").replace("{1}", "«Swapped labels (0↔1, 2↔3, …)»"))
    assert "««Rotated by 90°»: «Every image turned a quarter turn" in description  # each part: «{0}: {1}»
    assert core_texts.task_label("noisy+inverted") == "«noisy»+«inverted»"  # as a model's name writes it


def test_numbers_keep_their_format_inside_a_translated_template(quoting):
    assert core_texts.budget_sentence(Budget(650, 52_138)) == "«Trainable 650 of 52,138 parameters (1.2 %)»"
    conv1, *_rest, fc2 = layer_shapes(ModelConfig())
    assert core_texts.layer_shape(conv1) == "«Conv 1→8, 3×3»"
    assert core_texts.layer_shape(fc2) == "«Linear 64→10»"


def test_a_name_the_core_does_not_know_is_shown_as_it_is(quoting):
    assert core_texts.task_title("no-such-task") == "no-such-task"
    assert core_texts.task_description("no-such-task") == ""
    assert core_texts.dataset_title("emnist") == "emnist"
    assert core_texts.feature_title("sharpness", "Sharpness") == "Sharpness"
    assert core_texts.feature_description("sharpness") == ""
    assert core_texts.class_name("a class nobody knows") == "a class nobody knows"
    assert core_texts.core_text("plain text") == "plain text" and core_texts.core_text(None) == ""


def test_an_error_says_its_words_translated_and_its_names_as_they_are(quoting):
    """A setting's name and the kind of value wanted are words (translated); the value given is shown as it is."""
    with pytest.raises(ConfigError) as caught:
        TrainConfig(lr=500.0)
    assert str(caught.value) == "learning rate must be between 1e-06 and 100, got 500"  # the command line's
    assert core_texts.user_error(caught.value) == "««learning rate» must be between 1e-06 and 100, got 500»"
    with pytest.raises(ConfigError) as caught:
        config.check_type("TrainConfig.epochs", "3", int)
    assert core_texts.user_error(caught.value) == "«TrainConfig.epochs must be «a whole number», got str '3'»"
    with pytest.raises(ConfigError) as caught:
        config.check_type("layers", [1], tuple[str, ...])
    assert core_texts.user_error(caught.value) == "«layers must be «a list of «text values»», got [1]»"


def test_an_error_inside_an_error_is_translated_too(quoting, tmp_path):
    """Importing a folder whose images file is truncated: the folder's error wraps the file's."""
    (tmp_path / "train-images-idx3-ubyte").write_bytes(bytes([0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1]))
    with pytest.raises(DataError) as caught:
        datasets.read_folder(tmp_path)
    assert str(caught.value) == (f"{tmp_path}/train-images-idx3-ubyte: truncated: the header promises 5 items "
                                 "(3,920 bytes) but only 1 bytes follow")
    assert core_texts.user_error(caught.value) == (
        f"«{tmp_path}/«train-images-idx3-ubyte: truncated: the header promises 5 items (3,920 bytes) but only 1 "
        "bytes follow»»")


def test_the_operating_systems_reason_is_a_word(quoting):
    """ENOSPC, EROFS, EACCES, …: the C library's English on the command line, a marked word for the window."""
    full = OSError(errno.ENOSPC, "No space left on device")
    assert os_reason(full) == "No space left on device"
    error = StorageError(QT_TRANSLATE_NOOP("errors", "could not save model {0} in {1}: {2}"), "m", "/lib",
                         os_reason(full))
    assert str(error) == "could not save model m in /lib: No space left on device"
    assert core_texts.user_error(error) == "«could not save model m in /lib: «No space left on device»»"
    for code in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.EEXIST):
        reason = os_reason(OSError(code, "the system's own words"))
        assert core_texts.core_text(reason) == f"«{reason}»", code
    odd = os_reason(OSError(errno.EPIPE, "Broken pipe"))  # not one of the common causes: the system's words
    assert odd == "Broken pipe" and core_texts.core_text(odd) == "Broken pipe"


def test_a_status_line_is_a_text_the_window_says(quoting):
    line = Text(QT_TRANSLATE_NOOP("core", "Loading {0} from {1}"), DATASETS["mnist"].title, "/data")
    assert line == "Loading MNIST from /data"
    assert core_texts.core_text(line) == "«Loading «MNIST» from /data»"


def test_a_translation_whose_fields_do_not_fit_falls_back_to_the_english(qapp):
    """A translator's slip ({3} where the English has two fields) must not raise in the middle of a message box."""
    translator = Quoting({"errors"}, translate=lambda source: "{3}" if "{1}" in source else f"«{source}»")
    QCoreApplication.installTranslator(translator)
    try:
        error = DataError(QT_TRANSLATE_NOOP("errors", "{0}: cannot be read ({1})"), "/x",
                          os_reason(PermissionError(errno.EACCES, "denied")))
        assert core_texts.user_error(error) == "/x: cannot be read («Permission denied»)"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_an_exception_that_is_no_core_error_keeps_its_message(quoting):
    assert core_texts.user_error(ValueError("something odd")) == "something odd"
    assert core_texts.core_text(KeyError("fc1")) == "'fc1'"
