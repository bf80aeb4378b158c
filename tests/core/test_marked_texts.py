"""The core's texts marked for translation (core/i18n.py) are plain English everywhere but the window.

A marked text is a `str` that also knows its catalogue context; a Text and an error keep the template and values
they were made of. The command line, JSON files and records see the English only. The registries the window names
things from (tasks, features, data sets) load without PyTorch.
"""

import copy
import errno
import json
import os
import pickle
import subprocess
import sys

import pytest

from lora_studio.core.data import dataset_names, feature_names, features
from lora_studio.core.errors import DataError, StorageError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Marked, Text


def test_a_marked_text_is_its_english_and_knows_its_context():
    title = QT_TRANSLATE_NOOP("datasets", "Fashion-MNIST")
    assert title == "Fashion-MNIST" and isinstance(title, str) and hash(title) == hash("Fashion-MNIST")
    assert (title.context, title.disambiguation) == ("datasets", None)
    assert json.dumps({"title": title}) == '{"title": "Fashion-MNIST"}'
    for again in (copy.deepcopy(title), pickle.loads(pickle.dumps(title))):
        assert again == title and isinstance(again, Marked) and again.context == "datasets"


def test_a_text_is_its_english_and_keeps_its_template_and_values():
    line = Text(QT_TRANSLATE_NOOP("core", "Run {0} of {1}: {2}, seed {3}"), 2, 6, "lora r=4", 0)
    assert line == "Run 2 of 6: lora r=4, seed 0" and json.dumps(line) == '"Run 2 of 6: lora r=4, seed 0"'
    assert line.template.context == "core" and line.values == (2, 6, "lora r=4", 0)
    again = pickle.loads(pickle.dumps(line))
    assert again == line and again.values == line.values


def test_an_error_is_its_english_filled_in_and_keeps_what_filled_it():
    inner = DataError(QT_TRANSLATE_NOOP("errors", "{0}: holds no items"), "t10k-labels-idx1-ubyte")
    outer = DataError(QT_TRANSLATE_NOOP("errors", "{0}/{1}"), "/data", inner)
    assert str(outer) == "/data/t10k-labels-idx1-ubyte: holds no items"
    assert outer.template == "{0}/{1}" and outer.values == ("/data", inner)
    plain = StorageError("a message without values {keeps} its braces")
    assert str(plain) == "a message without values {keeps} its braces" and plain.values == ()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the C library's words are glibc's")
def test_the_operating_systems_reason_is_the_c_librarys_english():
    """The command line prints what it always printed (strerror); the window gets a word it can translate."""
    for code in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.EISDIR, errno.ENOTDIR,
                 errno.EEXIST, errno.ENOTEMPTY, errno.EDQUOT):
        reason = os_reason(OSError(code, os.strerror(code)))
        assert reason == os.strerror(code) and isinstance(reason, Marked) and reason.context == "errors"
    assert os_reason(PermissionError(errno.EACCES, "权限不够")) == "Permission denied"  # the system's language
    assert os_reason(OSError(errno.EPIPE, os.strerror(errno.EPIPE))) == os.strerror(errno.EPIPE)
    assert os_reason(OSError("no errno at all")) == "no errno at all"


def test_the_class_names_are_torchvisions():
    """The registry holds them (the window names classes before torchvision, which costs seconds, is imported)."""
    from torchvision import datasets

    for name, info in dataset_names.DATASETS.items():
        assert list(info.classes) == list(getattr(datasets, info.folder).classes), name
        assert dataset_names.class_names(name) == list(info.classes)


def test_the_features_are_the_registrys():
    assert list(features.FEATURES) == list(feature_names.FEATURE_INFOS)
    for name, feature in features.FEATURES.items():
        info = feature_names.FEATURE_INFOS[name]
        assert (feature.name, feature.title, feature.description) == (info.name, info.title, info.description)


def test_the_window_can_name_tasks_features_and_data_sets_before_pytorch_loads():
    code = ("import sys\n"
            "import lora_studio.core.data.dataset_names, lora_studio.core.data.feature_names\n"
            "import lora_studio.core.data.task_names, lora_studio.core.model.params\n"
            "print(sorted(m for m in ('torch', 'numpy', 'torchvision') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_sweeps_setting_is_titled_with_the_vocabularys_words():
    from lora_studio.core.workflows.sweep_plan import Setting

    lora = Setting("lora", "rslora", 4).title()
    assert lora == "rsLoRA r=4" and isinstance(lora, Text)
    assert isinstance(lora.values[0], Marked) and lora.values[0].context == "variants"
    head = Setting("head").title()
    assert head == "Head only (fc2)" and isinstance(head, Marked) and head.context == "methods"
    assert Setting("lora", "rslora", 4).label() == "rslora r=4"  # the short id stays as the command line writes it


def test_a_models_name_says_a_composite_task_part_by_part():
    """The window passes its translator as `say`; each part of noisy+inverted is a task name task_names marks."""
    from lora_studio.core.workflows.recipes import task_label

    def shouting(context, text):
        return text.upper() if context == "modelnames" and text in ("noisy", "inverted") else text

    assert task_label("noisy+inverted", shouting) == "NOISY+INVERTED"
    assert task_label("folder:/home/me/a+b", shouting) == "folder a+b"  # a folder's name is a name
    assert task_label("noisy+inverted") == "noisy+inverted"
