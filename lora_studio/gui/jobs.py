"""The jobs the window runs in the worker thread: thin calls into the core, plain results out.

Each `make_*` function takes settings as plain values (read from the widgets in
the GUI thread) and returns a `worker.Job` whose function runs in the worker
thread. Everything torch-shaped stays on that side: the loaded data sets are
cached in `DataCache` (only ever touched by jobs), models are loaded from the
library by id, and what comes back is numbers, strings and NumPy copies.
The Evaluation tab's jobs (evaluate with everything its views draw, export
merged) are in `evaluation_jobs.py`.
"""

from __future__ import annotations  # NumPy in annotations only: it is imported after the window shows

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lora_studio.gui.worker import Job, JobContext, JobResult

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


class DataCache:
    """Data sets loaded by jobs, kept for the next job. Used from the worker thread only."""

    def __init__(self):
        self._loaded: dict[tuple[str, str], object] = {}

    def get(self, root: Path, name: str):
        from lora_studio.core.data import datasets as data

        key = (str(root), name)
        if key not in self._loaded:
            data.recover_interrupted_import(root, name)
            self._loaded[key] = data.load_dataset(root, name)
        return self._loaded[key]

    def put(self, root: Path, dataset) -> None:
        self._loaded[(str(root), dataset.info.name)] = dataset

    def forget(self, root: Path, name: str) -> None:
        self._loaded.pop((str(root), name), None)


def _subset(dataset, limit: int | None):
    from lora_studio.core.config import check_range
    from lora_studio.core.data import datasets as data

    if limit is not None:
        check_range("subset", limit, "limit")
    return data.Dataset(dataset.info, dataset.train.first(limit), dataset.test)


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


# --- start-up and data ------------------------------------------------------------------


def make_load_core(data_root: Path | None = None) -> Job:
    """Import PyTorch and the core in the worker, so the window is up and responsive meanwhile.

    With `data_root`, a data set the bundle carries (`make bundle DATA=…`) and the data folder lacks is
    imported into it here, before the data set is looked for (core/bundled.py; nothing without a bundle)."""

    def run(ctx: JobContext) -> JobResult:
        import torch

        from lora_studio.core.data import bundled, features
        from lora_studio.core.storage import library as storage  # noqa: F401

        installed = bundled.install_missing(data_root) if data_root is not None else []
        return JobResult("finished", f"PyTorch {torch.__version__} is ready",
                         {"features": [(f.name, f.title, f.description) for f in features.FEATURES.values()],
                          "torch": torch.__version__,
                          "bundled": [(o.status, o.message) for o in installed if o.status != "present"]})

    return Job("load", "Loading PyTorch", run)


def make_load_dataset(cache: DataCache, root: Path, name: str) -> Job:
    def run(ctx: JobContext) -> JobResult:
        ctx.status(f"Reading {name} from {root}")
        dataset = cache.get(root, name)
        view = _view(dataset, root)
        return JobResult("finished", f"{view.title}: {view.n_train:,} training and {view.n_test:,} test images",
                         {"view": view})

    return Job("dataset", "Loading the data set", run)


def make_download(cache: DataCache, root: Path, name: str) -> Job:
    def run(ctx: JobContext) -> JobResult:
        from lora_studio.core.data import download
        from lora_studio.core.errors import Cancelled

        try:
            dataset = download.download(name, root, ctx.progress, ctx.is_cancelled)
        except Cancelled:
            return JobResult("stopped", "download cancelled; nothing was changed")
        cache.put(root, dataset)
        view = _view(dataset, root)
        return JobResult("finished", f"{view.title} downloaded: {view.n_train:,} training images", {"view": view})

    return Job("download", "Download", run)


def make_import(cache: DataCache, root: Path, source: Path, name: str) -> Job:
    def run(ctx: JobContext) -> JobResult:
        from lora_studio.core.data import datasets as data

        ctx.status(f"Checking the files in {source}")
        dataset = data.import_folder(source, root, name)
        cache.put(root, dataset)
        view = _view(dataset, root)
        return JobResult("finished", f"{view.title} imported from {source}: {view.n_train:,} training images",
                         {"view": view})

    return Job("import", "Import", run)


# --- training ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BaseSettings:
    dataset: str
    epochs: int
    batch_size: int
    lr: float
    seed: int
    limit: int | None  # None: the whole training split


def make_train_base(cache: DataCache, root: Path, models: Path, s: BaseSettings) -> Job:
    def run(ctx: JobContext) -> JobResult:
        from lora_studio.core.config import TrainConfig
        from lora_studio.core.errors import StorageError
        from lora_studio.core.evaluation.scores import learned_nothing
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import recipes

        config = TrainConfig(epochs=s.epochs, batch_size=s.batch_size, lr=s.lr, seed=s.seed)
        dataset = _subset(cache.get(root, s.dataset), s.limit)
        ctx.status(f"Training the base CNN on {len(dataset.train):,} images")
        outcome = recipes.train_base(dataset, config, ctx.callbacks("base"), ctx.control)
        result = outcome.result
        if result.status != "finished":
            return JobResult(result.status, joined(result.message or result.status, "nothing was saved"))
        accuracy = outcome.predictions.accuracy
        try:
            model_id = ModelLibrary(models).save(outcome.model, outcome.record)
        except StorageError as exc:  # a full or read-only disk: say that the training itself went well
            return JobResult("failed", f"the training finished (test accuracy {100 * accuracy:.2f} %), but {exc}; "
                                       "nothing was saved")
        data = {"model_id": model_id, "test_accuracy": accuracy}
        nothing = learned_nothing(outcome.predictions, s.lr)
        if nothing:
            data["learned_nothing"] = (f"{nothing} The model was saved as “{outcome.record.name}”: the model "
                                       "library can delete it.")
        return JobResult("finished", f"test accuracy {100 * accuracy:.2f} %, saved as “{outcome.record.name}”", data)

    return Job("base", "Base training", run, pausable=True)


@dataclass(frozen=True)
class LoraSettings:
    base_id: str
    layers: tuple[str, ...]
    rank: int
    alpha: float
    features: tuple[str, ...]
    control: bool
    epochs: int
    batch_size: int
    lr: float
    limit: int | None
    seeds: int  # how many seeds: 0 … seeds-1


def lora_runs(s: LoraSettings) -> list[tuple[str, int]]:
    """(phase, seed) in the order they run: each seed's feature run, then its control."""
    runs = []
    for seed in range(s.seeds):
        if s.features:
            runs.append(("feature_lora", seed))
        if s.control or not s.features:
            runs.append(("control_lora", seed))
    return runs


def make_finetune(cache: DataCache, root: Path, models: Path, s: LoraSettings) -> Job:
    def run(ctx: JobContext) -> JobResult:
        from lora_studio.core.config import LoraConfig, TrainConfig
        from lora_studio.core.errors import StorageError
        from lora_studio.core.evaluation.scores import feature_effect, learned_nothing
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.training.prefix_cache import PrefixCache
        from lora_studio.core.workflows import recipes

        library = ModelLibrary(models)
        lora_config = LoraConfig(rank=s.rank, alpha=s.alpha, layers=s.layers)
        base, record = library.load(s.base_id)
        dataset = _subset(cache.get(root, record.dataset), s.limit)
        outcomes: dict[str, list] = {"feature_lora": [], "control_lora": []}
        saved = []
        with PrefixCache() as prefixes:  # every run starts from the same base: its frozen convs run once
            for phase, seed in lora_runs(s):
                config = TrainConfig(epochs=s.epochs, batch_size=s.batch_size, lr=s.lr, seed=seed)
                features = s.features if phase == "feature_lora" else ()
                ctx.status(f"Fine-tuning {'with ' + '+'.join(features) if features else 'the control'}, seed {seed}")
                outcome = recipes.finetune(base, record, dataset, lora_config, features, config,
                                           ctx.callbacks(f"{phase}:{seed}"), ctx.control, cache=prefixes)
                kept = f"{len(saved)} finished model(s) were saved" if saved else "nothing was saved"
                status = outcome.result.status
                if status != "finished":
                    return JobResult(status, joined(outcome.result.message or status, kept), {"model_ids": saved})
                try:
                    saved.append(library.save(outcome.model, outcome.record))
                except StorageError as exc:  # a full or read-only disk: the models saved before are kept, say so
                    return JobResult("failed", joined(str(exc), kept), {"model_ids": saved})
                outcomes[phase].append(outcome)
        data = {"model_ids": saved}
        useless = [(f"{'feature+LoRA' if phase == 'feature_lora' else 'control'} seed {o.record.train.seed}", why)
                   for phase in outcomes for o in outcomes[phase] if (why := learned_nothing(o.predictions, s.lr))]
        if useless:
            runs = ", ".join(run for run, _ in useless)
            data["learned_nothing"] = (f"{runs}: {useless[0][1]} The models were saved: the model library can "
                                       "delete them.")
        return JobResult("finished", _lora_summary(outcomes, feature_effect), data)

    return Job("lora", "LoRA fine-tuning", run, pausable=True)


def joined(message: str, more: str) -> str:
    """`more` after `message`: a sentence of its own when `message` ended one (the core's messages may), else
    after a semicolon ("stopped by the user; nothing was saved")."""
    message = message.rstrip()
    if message.endswith("."):
        return f"{message} {more[:1].upper()}{more[1:]}."
    return f"{message}; {more}"


def _lora_summary(outcomes: dict, feature_effect) -> str:
    import numpy as np

    parts = []
    for phase, title in (("feature_lora", "feature+LoRA"), ("control_lora", "control")):
        if outcomes[phase]:
            accuracy = np.mean([o.predictions.accuracy for o in outcomes[phase]])
            parts.append(f"{title} {100 * accuracy:.2f} %")
    text = "test accuracy " + ", ".join(parts)
    feature, control = outcomes["feature_lora"], outcomes["control_lora"]
    if feature and control and len(feature) == len(control):
        effect = feature_effect([o.predictions.accuracy for o in feature], [o.predictions.accuracy for o in control],
                                feature[0].predictions.correct, control[0].predictions.correct)
        text += f"; {effect.sentence()}"
    return text
