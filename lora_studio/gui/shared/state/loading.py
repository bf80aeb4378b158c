"""Start-up and the chosen data set: the jobs AppState runs itself (PyTorch and the core; a data set) and what
they hand back — the data set as the Dataset tab shows it (NumPy copies, safe in the GUI thread)."""

from __future__ import annotations  # NumPy in annotations only: it loads after the window shows

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone, translate
from lora_studio.gui.i18n.core_texts import core_text, dataset_title

if TYPE_CHECKING:
    import numpy as np

SAMPLE_POOL = 3000  # training images handed to the sample grid (filtering by class needs a few hundred each)


@dataclass(frozen=True)
class DatasetView:
    """What the Dataset tab shows of a data set: NumPy copies, safe in the GUI thread."""

    name: str
    title: str
    licence: str
    folder: str
    classes: list[str]
    n_train: int
    n_test: int
    sample_images: np.ndarray  # (M, 28, 28) uint8, the first M training images
    sample_labels: np.ndarray  # (M,) int64
    train_labels: np.ndarray  # (N,) int64
    train_brightness: np.ndarray  # (N,) float32, mean pixel value in [0, 1]

    @property
    def sample_brightness(self) -> np.ndarray:
        return self.train_brightness[: len(self.sample_labels)]


def _view(dataset, root: Path) -> DatasetView:
    import numpy as np

    from lora_studio.core.data import datasets as data
    from lora_studio.core.data.features import raw_features

    train = dataset.train
    brightness = raw_features(train.images, ("brightness",))[:, 0].numpy().astype(np.float32)
    pool = train.first(SAMPLE_POOL)
    return DatasetView(
        name=dataset.info.name, title=dataset.info.title, licence=dataset.info.licence,
        folder=str(data.raw_folder(root, dataset.info.name)), classes=dataset.classes,
        n_train=len(train), n_test=len(dataset.test),
        sample_images=pool.images.numpy().copy(), sample_labels=pool.labels.numpy().copy(),
        train_labels=train.labels.numpy().copy(), train_brightness=brightness,
    )


@dataclass(frozen=True)
class CoreLoaded(JobResult):
    features: tuple[tuple[str, str, str], ...] = ()  # (name, title, description) of every extra input feature
    torch_version: str = ""
    bundled: tuple[tuple[str, str], ...] = ()  # (status, message) of each bundled data set that was not here


@dataclass(frozen=True)
class DatasetLoaded(JobResult):
    view: DatasetView | None = None


def make_load_core(data_root: Path | None = None, on_done: OnDone | None = None) -> Job:
    """Import PyTorch and the core in the worker, so the window is up and responsive meanwhile.

    With `data_root`, a data set the bundle carries (`make bundle DATA=…`) and the data folder lacks is
    imported into it here, before the data set is looked for (core/bundled.py; nothing without a bundle)."""

    def run(ctx: JobContext) -> CoreLoaded:
        import torch

        from lora_studio.core.data import bundled, features
        from lora_studio.core.storage import library as storage  # noqa: F401

        installed = bundled.install_missing(data_root) if data_root is not None else []
        return CoreLoaded("finished", f"PyTorch {torch.__version__} is ready",
                          features=tuple((f.name, f.title, f.description) for f in features.FEATURES.values()),
                          torch_version=torch.__version__,
                          bundled=tuple((o.status, core_text(o.message)) for o in installed if o.status != "present"))

    return Job("load", run, on_done=on_done)


def make_load_dataset(cache: DataCache, root: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        ctx.status(translate("jobs", "Reading {0} from {1}").format(dataset_title(name), root))
        dataset = cache.get(root, name)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0}: {1} training and {2} test images").format(
            dataset_title(view.name), f"{view.n_train:,}", f"{view.n_test:,}"), view=view)

    return Job("dataset", run, on_done=on_done)
