"""Composite target tasks (issue 20): an input change and a label change, or two input changes, joined with +.

A composite's data must be exactly its parts applied one after the other, each as its own task makes it; its
name is written in the one order the parts apply in, and anything else is refused with one line saying why.
"""

import itertools

import numpy as np
import pytest
import torch

from lora_studio.core.config import ConfigError
from lora_studio.core.data import datasets
from lora_studio.core.data.datasets import Dataset, Split
from lora_studio.core.data.task_names import (
    COMPOSABLE,
    COMPOSITES,
    TASKS,
    check_task,
    listed_tasks,
    parse_task,
    task_info,
    task_infos,
)
from lora_studio.core.data.tasks import NOISE_BLOCK, make_task
from lora_studio.core.errors import DataError
from lora_studio.core.storage.record import record_from_config
from lora_studio.core.workflows.plans import FinetunePlan

PAIRS = [f"{a}+{b}" for a, b in itertools.combinations(COMPOSABLE, 2)]
LONGER = ["rotate90+noisy+inverted", "rotate90+inverted+swap-labels", "rotate90+noisy+inverted+swap-labels"]


def _source(n_train: int = 40, n_test: int = 30, seed: int = 1) -> Dataset:
    rng = np.random.default_rng(seed)

    def split(n):
        return Split(torch.as_tensor(rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)),
                     torch.as_tensor(rng.integers(0, 10, n)).long())

    return Dataset(datasets.dataset_info("mnist"), split(n_train), split(n_test))


def _equal(a: Split, b: Split) -> bool:
    return torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)


def _one_by_one(parts, source: Dataset, limit=None) -> Dataset:
    """Each part made as its own task from the previous part's result: what the composite must equal."""
    data = source
    for i, part in enumerate(parts):
        data = make_task(part, data, None, limit=limit if i == 0 else None)
    return data


# --- names ------------------------------------------------------------------------------------------------


def test_every_pair_is_listed_between_the_single_tasks_and_the_folder():
    assert list(COMPOSITES) == PAIRS and len(PAIRS) == 6
    assert [info.name for info in listed_tasks()] == [*TASKS, *PAIRS, "folder:PATH"]
    assert "inverted+swap-labels" in COMPOSITES and "rotate90+swap-labels" in COMPOSITES
    assert "noisy+inverted" in COMPOSITES
    assert not set(COMPOSITES) & {info.name for info in task_infos()}  # the single tasks stay as they were


@pytest.mark.parametrize("name", PAIRS + LONGER)
def test_a_composite_is_parsed_to_its_parts_in_order_with_titles_from_theirs(name):
    parts = tuple(name.split("+"))
    spec = parse_task(f" {name.replace('+', ' + ')} ")  # spaces around the + are let go, as around a name
    assert (spec.name, spec.info.name, spec.info.parts, spec.folder) == (name, name, parts, None)
    assert check_task(name) == name and task_info(name) == spec.info
    info = spec.info
    assert info.title == " + ".join(TASKS[p].title for p in parts)
    assert ", then ".join(TASKS[p].title for p in parts) in info.description
    for part in parts:
        assert TASKS[part].description in info.description
    assert "\n" not in info.title + info.description and info.needs_dataset is None


@pytest.mark.parametrize(("text", "expected"), [
    ("swap-labels+inverted",
     "write inverted+swap-labels instead of swap-labels+inverted: a composite task's parts are written in the order "
     "they apply, which is rotate90, noisy, inverted, swap-labels"),
    ("inverted+noisy", "write noisy+inverted instead of inverted+noisy"),
    ("swap-labels+inverted+rotate90", "write rotate90+inverted+swap-labels instead of"),
    ("inverted+inverted", "inverted appears twice in 'inverted+inverted': each change can be used once"),
    ("noisy+inverted+noisy", "noisy appears twice"),
    ("inverted+same", "'same' cannot be part of a composite task: only rotate90, noisy, inverted, swap-labels can be "
                      "joined with +"),
    ("kmnist+swap-labels", "'kmnist' cannot be part of a composite task"),
    ("inverted+fashion-mnist", "'fashion-mnist' cannot be part of a composite task"),
    ("inverted+", "'inverted+': a task is missing beside a +"),
    ("+swap-labels", "a task is missing beside a +"),
    ("inverted++swap-labels", "a task is missing beside a +"),
    ("invert+swap-labels", "unknown task 'invert' in 'invert+swap-labels'; did you mean inverted?"),
    ("Inverted+swap-labels", "unknown task 'Inverted' in"),
    ("inverted+swap", "did you mean swap-labels?"),
    ("inverted+xyzzy", "unknown task 'xyzzy' in 'inverted+xyzzy'; a composite task joins two or more of"),
    ("inverted+swap-labels\nx", "unknown task 'swap-labels\\nx'"),
])
def test_a_bad_composite_is_refused_with_one_line(text, expected):
    with pytest.raises(DataError) as caught:
        parse_task(text)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert caught.value.template != message and "{0}" in caught.value.template  # a template and its values
    with pytest.raises(ConfigError) as as_setting:  # what plans and records say: the same words
        check_task(text)
    assert str(as_setting.value) == message and as_setting.value.template == caught.value.template


def test_a_folder_with_a_plus_in_its_path_is_a_folder(tmp_path):
    spec = parse_task(f"folder:{tmp_path}/inverted+swap-labels")
    assert spec.folder == tmp_path / "inverted+swap-labels" and not spec.info.parts


def test_a_plan_and_a_record_take_a_composite_and_refuse_another_order():
    assert FinetunePlan("b", task="rotate90+swap-labels").task == "rotate90+swap-labels"
    with pytest.raises(ConfigError, match="write inverted\\+swap-labels instead"):
        FinetunePlan("b", task="swap-labels+inverted")
    config = {"format_version": 1, "kind": "head", "name": "h", "dataset": "mnist", "model": {}, "train": {},
              "task": "noisy+inverted", "method": "head"}
    assert record_from_config(config, "m").task == "noisy+inverted"


def test_task_info_knows_single_tasks_folders_and_nothing_else(tmp_path):
    assert task_info("inverted") is TASKS["inverted"]
    assert task_info(f"folder:{tmp_path}").name == "folder:PATH"
    assert task_info("swap-labels+inverted") is None and task_info("nothing") is None


# --- data -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAIRS + LONGER)
def test_a_composite_is_its_parts_applied_in_order(name):
    source = _source()
    parts = name.split("+")
    target = make_task(name, source, None)
    expected = _one_by_one(parts, source)
    assert _equal(target.train, expected.train) and _equal(target.test, expected.test)
    assert target.train.images.dtype == torch.uint8 and target.train.images.is_contiguous()
    assert target.info.name == "mnist" and target.classes == source.classes
    assert target.info.title == f"MNIST · {parse_task(name).info.title}"
    limited = make_task(name, source, None, limit=15)  # the first training images, the whole test split
    assert _equal(limited.train, Split(expected.train.images[:15], expected.train.labels[:15]))
    assert _equal(limited.test, expected.test)


def test_the_label_change_moves_only_labels_and_the_input_change_only_pixels():
    source = _source()
    both = make_task("inverted+swap-labels", source, None)
    for split, clean in ((both.train, source.train), (both.test, source.test)):
        assert ((split.images.int() + clean.images.int()) == 255).all()
        assert torch.equal(split.labels, clean.labels ^ 1)
    turned = make_task("rotate90+swap-labels", source, None).test
    assert torch.equal(turned.images, torch.rot90(source.test.images, 1, dims=(1, 2)))
    assert torch.equal(turned.labels, source.test.labels ^ 1)


def test_noise_in_a_composite_is_the_noisy_tasks_fixed_draw():
    """The noise added inside a composite is the same as the noisy task's, image for image and split for split,
    also past a noise block and with a limit."""
    source = _source(n_train=NOISE_BLOCK + 100, n_test=50)
    noisy = make_task("noisy", source, None)
    inverted_noisy = make_task("noisy+inverted", source, None)
    for split, reference in ((inverted_noisy.train, noisy.train), (inverted_noisy.test, noisy.test)):
        assert torch.equal(split.images, 255 - reference.images)
    again = make_task("noisy+inverted", source, None, limit=NOISE_BLOCK + 10)
    assert torch.equal(again.train.images, inverted_noisy.train.images[:NOISE_BLOCK + 10])
    # grey images: the rotated grey image is the same grey image, so rotating first changes nothing but the order
    grey = Dataset(source.info, Split(torch.full((30, 28, 28), 128, dtype=torch.uint8), source.train.labels[:30]),
                   Split(torch.full((20, 28, 28), 128, dtype=torch.uint8), source.test.labels[:20]))
    assert _equal(make_task("rotate90+noisy", grey, None).test, make_task("noisy", grey, None).test)


def test_a_composite_preview_is_made_as_the_window_makes_it(tiny_root, tiny_dataset):
    """gui/task_jobs.make_task_preview calls make_task(task, source, root, limit=POOL) and reads these."""
    target = make_task("inverted+swap-labels", tiny_dataset, tiny_root, limit=2000)
    assert len(target.train) == len(tiny_dataset.train) and target.classes == tiny_dataset.classes
    assert torch.equal(target.train.labels, tiny_dataset.train.labels ^ 1)
    assert target.info.title == "MNIST · Inverted colours + Swapped labels (0↔1, 2↔3, …)"
    assert len(target.test) == len(tiny_dataset.test)
