"""Target tasks made from installed data, all offline: the data side of `task_names`.

`make_task` turns the base's data set (the source task) into the target task's data set, transforming the
training and the test split the same way. A derived task keeps the source's `DatasetInfo` name (its class
names and folder still apply) under a title saying what changed; `fashion-mnist` and `kmnist` are those
data sets themselves; own images (`folder:PATH`) are read by `own_images`. A composite task
(`inverted+swap-labels`) applies its parts' transformations one after the other, each exactly as its own task does.
"""

import dataclasses
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch

from lora_studio.core.config import check_range
from lora_studio.core.data import datasets, own_images
from lora_studio.core.data.datasets import Dataset, Split
from lora_studio.core.data.task_names import TaskSpec, parse_task, task_names
from lora_studio.core.errors import DataError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text

__all__ = ["make_task", "parse_task", "task_names", "NOISE_SIGMA", "NOISE_SEED"]

NOISE_SIGMA = 0.5  # in units of the pixel range [0, 1]: the level the task descriptions talk about
NOISE_SEED = 0
# Noise is drawn per block of this many images, each block from its own seeded stream, so the first N images
# get the same noise whether the split is limited (`--limit`) or not, and memory stays a block's worth.
NOISE_BLOCK = 1024
_SPLIT_STREAM = {"train": 0, "test": 1}  # the two splits get different noise


def _same(split: Split, part: str) -> Split:
    return split


def _inverted(split: Split, part: str) -> Split:
    return Split(255 - split.images, split.labels)


def _rotate90(split: Split, part: str) -> Split:
    # anticlockwise; rot90 returns a strided view, and the training loop wants dense batches
    return Split(torch.rot90(split.images, 1, dims=(1, 2)).contiguous(), split.labels)


def _swap_labels(split: Split, part: str) -> Split:
    return Split(split.images, split.labels ^ 1)  # 0↔1, 2↔3, …, 8↔9


def _noisy(split: Split, part: str) -> Split:
    """Gaussian noise of NOISE_SIGMA added to every pixel, clipped and rounded back to uint8; deterministic."""
    images = split.images.numpy()  # (N, 28, 28) uint8
    out = np.empty_like(images)
    for block, start in enumerate(range(0, len(images), NOISE_BLOCK)):
        pixels = images[start : start + NOISE_BLOCK]
        rng = np.random.default_rng([NOISE_SEED, _SPLIT_STREAM[part], block])
        # always a whole block's draw, cut to size, so a short last block gets the same noise as a full one
        noise = rng.standard_normal((NOISE_BLOCK, *images.shape[1:]), dtype=np.float32)[: len(pixels)]
        noisy = pixels.astype(np.float32) + noise * np.float32(NOISE_SIGMA * 255)
        out[start : start + NOISE_BLOCK] = np.clip(np.rint(noisy), 0, 255).astype(np.uint8)
    return Split(torch.from_numpy(out), split.labels)


#: each derived task's transformation of one split ("train" or "test")
TRANSFORMS: dict[str, Callable[[Split, str], Split]] = {
    "same": _same,
    "inverted": _inverted,
    "rotate90": _rotate90,
    "noisy": _noisy,
    "swap-labels": _swap_labels,
}


def make_task(name: str | TaskSpec, source_dataset: Dataset, data_root: Path | None,
              limit: int | None = None) -> Dataset:
    """The target task `name` (as `parse_task` accepts it) made from the base's data set `source_dataset`.

    `data_root` is where `fashion-mnist` and `kmnist` are installed (unused by the other tasks); `limit`
    keeps the first N training images for a few-shot target, the test split whole. Raises DataError (one
    line) for an unknown task, a missing data set or a bad folder; ConfigError for a bad limit.
    """
    spec = name if isinstance(name, TaskSpec) else parse_task(name)
    if limit is not None:
        check_range("limit", limit, whole=True)
    source = source_dataset
    if spec.folder is not None:
        train, test = own_images.load_folder(spec.folder)
        info = dataclasses.replace(source.info, title=f"Your images in {spec.folder.name or spec.folder}",
                                   licence="your own images")
        return Dataset(info, train.first(limit), test)
    if spec.info.needs_dataset is not None:
        target = _installed(spec.info.needs_dataset, source, data_root)
        return Dataset(target.info, target.train.first(limit), target.test)
    transforms = [TRANSFORMS[part] for part in spec.info.parts or (spec.name,)]
    info = source.info if spec.name == "same" else dataclasses.replace(
        source.info, title=Text(QT_TRANSLATE_NOOP("datasets", "{0} · {1}", "a data set · the task made of it"),
                                source.info.title, spec.info.title))
    train, test = source.train.first(limit), source.test
    for transform in transforms:  # a composite's parts in the order they apply; noise keeps its fixed draws
        train, test = transform(train, "train"), transform(test, "test")
    return Dataset(info, train, test)


def _installed(name: str, source: Dataset, data_root: Path | None) -> Dataset:
    """Another data set, read from `data_root`; the source itself when the base was trained on it."""
    if source.info.name == name:
        return source
    if data_root is None or not datasets.is_available(data_root, name):
        title = datasets.dataset_info(name).title
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "the {0} task needs {1}, which is not installed: get it with `lora-studio data download {0}` "
            "or the Dataset tab's Download button"), name, title)
    return datasets.load_dataset(data_root, name)
