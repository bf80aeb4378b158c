"""Data sets: find, import, download and load MNIST-like IDX data as in-memory tensors.

Layout on disk is torchvision's: `<root>/<Folder>/raw/<four IDX files>`, `.gz` or
plain. A whole split lives in memory as one uint8 tensor (60,000 MNIST images
take 47 MB), which is what makes training here several times faster than a
`DataLoader` that decodes one PIL image at a time.
"""

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from lora_studio.core import files
from lora_studio.core.data import idx
from lora_studio.core.data.dataset_names import DATASETS, DatasetInfo, class_names, dataset_info  # noqa: F401 - here too
from lora_studio.core.errors import DataError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP

#: the splits as a message names them
SPLIT_WORDS = {"train": QT_TRANSLATE_NOOP("errors", "train", "a data set's split"),
               "test": QT_TRANSLATE_NOOP("errors", "test", "a data set's split")}

# (split, kind) → file stem; each file may also end in .gz
FILES = {
    ("train", "images"): "train-images-idx3-ubyte",
    ("train", "labels"): "train-labels-idx1-ubyte",
    ("test", "images"): "t10k-images-idx3-ubyte",
    ("test", "labels"): "t10k-labels-idx1-ubyte",
}


@dataclass(frozen=True)
class Split:
    """One split held in memory: images uint8 (N, 28, 28), labels int64 (N,)."""

    images: torch.Tensor
    labels: torch.Tensor

    def __len__(self) -> int:
        return len(self.labels)

    def first(self, limit: int | None) -> "Split":
        """The first `limit` items (all of them when limit is None): deterministic subsets."""
        if limit is None or limit >= len(self):
            return self
        return Split(self.images[:limit], self.labels[:limit])


@dataclass(frozen=True)
class Dataset:
    info: DatasetInfo
    train: Split
    test: Split

    @property
    def classes(self) -> list[str]:
        return class_names(self.info.name)


def raw_folder(root: Path, name: str) -> Path:
    return Path(root) / dataset_info(name).folder / "raw"


def find_file(folder: Path, stem: str) -> Path | None:
    """`stem` or `stem.gz` in `folder`; also the `train-images.idx3-ubyte` spelling some copies use."""
    for candidate in (stem, stem.replace("-idx", ".idx")):
        for suffix in ("", ".gz"):
            path = folder / (candidate + suffix)
            if path.is_file():
                return path
    return None


def is_available(root: Path, name: str) -> bool:
    recover_interrupted_import(root, name)
    folder = raw_folder(root, name)
    return all(find_file(folder, stem) for stem in FILES.values())


def load_dataset(root: Path, name: str) -> Dataset:
    """Read and validate the four files of `name` under `root` (torchvision's layout)."""
    info = dataset_info(name)
    recover_interrupted_import(root, name)
    folder = raw_folder(root, name)
    if not folder.is_dir():
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not in {1}: download it, or import a folder holding its four IDX files"),
            info.title, folder)
    arrays = read_folder(folder)
    return Dataset(info, _split(arrays, "train"), _split(arrays, "test"))


def _split(arrays: dict, split: str) -> Split:
    images = torch.from_numpy(arrays[split, "images"].copy())
    labels = torch.from_numpy(arrays[split, "labels"].astype(np.int64))
    return Split(images, labels)


def read_folder(folder: Path) -> dict[tuple[str, str], np.ndarray]:
    """Validate and read all four files of a folder; raise DataError naming the first bad one."""
    folder = Path(folder)
    arrays = {}
    for (split, kind), stem in FILES.items():
        path = find_file(folder, stem)
        if path is None:
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: {1} (or {1}.gz) is missing"), folder, stem)
        try:
            arrays[split, kind] = idx.read_images(path) if kind == "images" else idx.read_labels(path)
        except idx.IdxError as exc:
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}/{1}"), folder, exc) from None
    for split in ("train", "test"):
        n_images, n_labels = len(arrays[split, "images"]), len(arrays[split, "labels"])
        if n_images != n_labels:
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: the {1} split has {2:,} images but {3:,} labels"),
                            folder, SPLIT_WORDS[split], n_images, n_labels)
    return arrays


def locate_import_source(folder: Path, name: str) -> Path:
    """The folder that really holds the files: `folder`, `folder/raw` or `folder/<Name>/raw`."""
    folder = Path(folder)
    for candidate in (folder, folder / "raw", raw_folder(folder, name)):
        if candidate.is_dir() and any(find_file(candidate, stem) for stem in FILES.values()):
            return candidate
    if not folder.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0} is not a folder"), folder)
    raise DataError(QT_TRANSLATE_NOOP("errors", "{0} holds none of the four IDX files ({1}, .gz or not)"),
                    folder, ", ".join(FILES.values()))


def import_folder(source: Path, root: Path, name: str) -> Dataset:
    """Validate the four IDX files in `source` and install them as data set `name` under `root`.

    Everything is checked before anything is written; the files are then written
    to a temporary folder beside the target and swapped in by renaming
    (`files.swap_folder`), so a bad import or a crash leaves any earlier good import as it was.
    """
    source = locate_import_source(source, name)
    arrays = read_folder(source)
    target = raw_folder(root, name)
    try:  # a full or read-only disk can fail any of these, the first mkdir included
        target.parent.mkdir(parents=True, exist_ok=True)
        with files.staged_folder(target.parent, STAGING) as staging:
            for key, stem in FILES.items():
                array = np.ascontiguousarray(arrays[key], dtype=np.uint8)
                files.write_synced(staging / stem, idx.header(array), array.reshape(-1).data)
            files.swap_folder(staging, target, _aside(target))
    except OSError as exc:
        recover_interrupted_import(root, name)
        raise DataError(QT_TRANSLATE_NOOP("errors", "could not write the data set into {0}: {1}"),
                        target.parent, os_reason(exc)) from None
    info = dataset_info(name)
    return Dataset(info, _split(arrays, "train"), _split(arrays, "test"))


def _aside(target: Path) -> Path:
    """Where the previous import waits while a new one is swapped in."""
    return target.with_name(target.name + ".old")


STAGING = ".import-"  # prefix of an import's staging folder, beside the data set's raw/ folder
STALE_SECONDS = 3600  # a staging folder this old belongs to no running import or download


def recover_interrupted_import(root: Path, name: str) -> None:
    """After a crash between the two renames of `import_folder`'s swap, put the old data back.

    Called by `is_available` and `load_dataset`, so no caller ever sees the data set missing.
    Also removes what killed imports and downloads (or a disk turned read-only) left behind:
    the previous data set once the new one is in place, staging folders once they are an
    hour old (a running import's are younger). An MNIST import leaves 55 MB.
    """
    target = raw_folder(root, name)
    files.recover_swap(target, _aside(target))  # read-only: the data set stays where it is, reported missing
    for staging in [*target.parent.glob(f"{STAGING}*"), *Path(root).glob(".download-*")]:
        try:
            if time.time() - staging.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(staging)
        except OSError:
            pass
