"""Data sets shipped inside the one-folder bundle (`make bundle DATA=…`), imported into the data folder on start.

The bundle is never written to: when the app (window or command line) starts and
a data set the bundle carries is missing from the data folder, it is imported
from the bundle through `data.import_folder` — validated, then swapped in
atomically — exactly as "Import folder…" would. So a learner without a network
has MNIST the first time the window opens, and again if they ever delete it.

The bundle carries its data sets in torchvision's layout, gzip-compressed
(`<bundle>/_internal/bundled-data/MNIST/raw/*.gz`, 11 MB for MNIST);
`stage` writes that layout at build time, validating the source first.
Importing this module is cheap: torch is imported only when there is bundled data.
"""

import gzip
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

#: the folder of bundled data sets, inside the bundle's data folder (PyInstaller's `_internal`)
BUNDLED_DATA_DIR = "bundled-data"


@dataclass(frozen=True)
class Outcome:
    name: str  # the data set's id: mnist, fashion-mnist, kmnist
    status: str  # "imported", "present" (already in the data folder) or "failed"
    message: str


def bundle_dir() -> Path | None:
    """The frozen app's folder of bundled files (`sys._MEIPASS`); None when running from source or a pip install."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def bundled_data_dir() -> Path | None:
    """The bundle's data sets folder, or None when this is not a bundle or it was built without DATA."""
    base = bundle_dir()
    if base is None or not (base / BUNDLED_DATA_DIR).is_dir():
        return None
    return base / BUNDLED_DATA_DIR


def bundled_datasets(source: Path) -> list[str]:
    """The ids of the data sets `source` holds, in torchvision's layout (`<source>/<Folder>/raw/`)."""
    from lora_studio.core.data import datasets as data

    return [name for name in data.DATASETS if data.raw_folder(source, name).is_dir()]


def install_missing(root: Path | None = None, source: Path | None = None) -> list[Outcome]:
    """Import every data set of `source` (default: the bundle's) that the data folder `root` lacks.

    Returns one Outcome per bundled data set; a bad bundled file or a full disk is a "failed"
    Outcome, never an exception. Without bundled data this returns [] at once, importing nothing.
    """
    source = bundled_data_dir() if source is None else Path(source)
    if source is None:
        return []
    from lora_studio.core import paths
    from lora_studio.core.data import datasets as data
    from lora_studio.core.errors import DataError
    from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text

    root = paths.datasets_dir() if root is None else Path(root)
    outcomes = []
    for name in bundled_datasets(source):
        title = data.dataset_info(name).title
        if data.is_available(root, name):
            outcomes.append(Outcome(name, "present", Text(QT_TRANSLATE_NOOP("core", "{0} is already in {1}"), title,
                                                          root)))
            continue
        try:
            dataset = data.import_folder(data.raw_folder(source, name), root, name)
        except DataError as exc:
            outcomes.append(Outcome(name, "failed", Text(QT_TRANSLATE_NOOP(
                "core", "the bundled {0} could not be imported: {1}"), title, exc)))
        else:
            outcomes.append(Outcome(name, "imported", Text(QT_TRANSLATE_NOOP(
                "core", "imported the bundled {0} ({1:,} training and {2:,} test images) into {3}"),
                title, len(dataset.train), len(dataset.test), root)))
    return outcomes


def check(source: Path) -> str:
    """Validate every bundled data set (the self-test's check); raise DataError naming the first bad file."""
    from lora_studio.core.data import datasets as data
    from lora_studio.core.errors import DataError
    from lora_studio.core.i18n import QT_TRANSLATE_NOOP

    names = bundled_datasets(source)
    if not names:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0} holds no data set (expected e.g. {1})"), source,
                        data.raw_folder(source, "mnist"))
    parts = []
    for name in names:
        arrays = data.read_folder(data.raw_folder(source, name))
        parts.append(f"{data.dataset_info(name).title}: {len(arrays['train', 'labels']):,} training and "
                     f"{len(arrays['test', 'labels']):,} test images")
    return "; ".join(parts)


def stage(source: Path, dest: Path, name: str = "mnist") -> Path:
    """Build time: validate the four IDX files in `source` and write them, gzip-compressed, to `dest`'s layout.

    `source` may be the folder of the files, its `raw/` parent or a torchvision root, as for an import.
    Returns the raw folder written (`<dest>/<Folder>/raw`). Raises DataError before writing anything.
    """
    from lora_studio.core.data import datasets as data

    folder = data.locate_import_source(Path(source), name)
    data.read_folder(folder)  # every file validated before anything is written
    target = data.raw_folder(Path(dest), name)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for stem in data.FILES.values():
        path = data.find_file(folder, stem)
        assert path is not None, "read_folder has just found every file"
        out = target / f"{stem}.gz"
        if path.suffix == ".gz":
            shutil.copyfile(path, out)
        else:
            with open(path, "rb") as raw, open(out, "wb") as packed, \
                    gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0) as zipped:
                shutil.copyfileobj(raw, zipped)
    return target
