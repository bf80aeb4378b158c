"""The jobs the window runs in the worker thread: thin calls into the core's workflows, typed results out.

Each `make_*` function takes the core's config types (built from the widgets in
the GUI thread; config.py loads nothing heavy) and returns a `worker.Job` whose
function runs in the worker thread, and whose result — a frozen dataclass per
kind of job — goes to the `on_done` of the code that started it. Everything
torch-shaped stays on the worker's side: the loaded data sets are cached in
`DataCache` (only ever touched by jobs), models are loaded from the library by
id, and what comes back is numbers, strings and NumPy copies. The Evaluation
tab's jobs (evaluate with everything its views draw, export merged) are in
`evaluation_jobs.py`.
"""

from __future__ import annotations  # NumPy and the core in annotations only: they load after the window shows

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.core.config import DataConfig, TrainConfig
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui import core_texts, score_texts
from lora_studio.gui.core_texts import dataset_title, kind_title
from lora_studio.gui.worker import Job, JobContext, JobResult

if TYPE_CHECKING:
    import numpy as np

    from lora_studio.core.workflows.runs import FinetuneRuns, Listener

OnDone = Callable[[JobResult], None]
#: the jobs' messages are translated where they are made, in the worker thread (QCoreApplication.translate is
#: thread-safe); texts of the core inside them (its errors, its status lines) stay English
translate = QCoreApplication.translate

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


@dataclass(frozen=True)
class BaseTrained(JobResult):
    model_id: str | None = None  # None: nothing was saved
    test_accuracy: float | None = None
    learned_nothing: str = ""  # why the saved model is of no use ("" when it is of use)


@dataclass(frozen=True)
class LoraTrained(JobResult):
    model_ids: tuple[str, ...] = ()  # the runs saved, in order (also when a later one did not finish)
    learned_nothing: str = ""  # which saved runs are of no use, and why ("" when all are of use)


# --- start-up and data ------------------------------------------------------------------


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
                          bundled=tuple((o.status, o.message) for o in installed if o.status != "present"))

    return Job("load", run, on_done=on_done)


def make_load_dataset(cache: DataCache, root: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        ctx.status(translate("jobs", "Reading {0} from {1}").format(dataset_title(name), root))
        dataset = cache.get(root, name)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0}: {1} training and {2} test images").format(
            dataset_title(view.name), f"{view.n_train:,}", f"{view.n_test:,}"), view=view)

    return Job("dataset", run, on_done=on_done)


def make_download(cache: DataCache, root: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        from lora_studio.core.data import download
        from lora_studio.core.errors import Cancelled

        try:
            dataset = download.download(name, root, ctx.progress, ctx.is_cancelled)
        except Cancelled:
            return DatasetLoaded("stopped", translate("jobs", "download cancelled; nothing was changed"))
        cache.put(root, dataset)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0} downloaded: {1} training images").format(
            dataset_title(view.name), f"{view.n_train:,}"), view=view)

    return Job("download", run, on_done=on_done)


def make_import(cache: DataCache, root: Path, source: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        from lora_studio.core.data import datasets as data

        ctx.status(translate("jobs", "Checking the files in {0}").format(source))
        dataset = data.import_folder(source, root, name)
        cache.put(root, dataset)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0} imported from {1}: {2} training images").format(
            dataset_title(view.name), source, f"{view.n_train:,}"), view=view)

    return Job("import", run, on_done=on_done)


# --- training ---------------------------------------------------------------------------


def make_train_base(cache: DataCache, root: Path, models: Path, data: DataConfig, config: TrainConfig,
                    on_done: OnDone | None = None) -> Job:
    """Train a base model on `data` (a data set and how many of its training images) and save it."""

    def run(ctx: JobContext) -> BaseTrained:
        from lora_studio.core.data import datasets
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import runs

        whole = cache.get(root, data.dataset)
        dataset = datasets.Dataset(whole.info, whole.train.first(data.limit), whole.test)
        ctx.status(translate("jobs", "Training the base CNN on {0} images").format(f"{len(dataset.train):,}"))
        run = runs.train_base_run(dataset, config, ModelLibrary(models), _listener(ctx), ctx.control,
                                  name=core_texts.base_name(data.dataset, config.seed))
        if run.error is not None:  # a full or read-only disk: say that the training itself went well
            accuracy = run.outcome.predictions.accuracy
            return BaseTrained("failed", translate(
                "jobs", "the training finished (test accuracy {0} %), but {1}; nothing was saved").format(
                f"{100 * accuracy:.2f}", run.error))
        if not run.finished:
            return BaseTrained(run.status, joined(_said(run.status, run.message),
                                                  translate("jobs", "nothing was saved")))
        accuracy, name = run.outcome.predictions.accuracy, run.outcome.record.name
        nothing = run.learned_nothing()
        return BaseTrained(
            "finished", translate("jobs", "test accuracy {0} %, saved as “{1}”").format(f"{100 * accuracy:.2f}", name),
            model_id=run.model_id, test_accuracy=accuracy,
            learned_nothing=translate(
                "jobs", "{0} The model was saved as “{1}”: the model library can delete it.").format(nothing, name)
            if nothing else "")

    return Job("base", run, pausable=True, on_done=on_done)


def make_finetune(cache: DataCache, root: Path, models: Path, plan: FinetunePlan,
                  on_done: OnDone | None = None) -> Job:
    """Fine-tune the base model `plan.base_id` as the plan says (each seed's feature run and control), saving
    each run as it finishes."""

    def run(ctx: JobContext) -> LoraTrained:
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import runs

        library = ModelLibrary(models)
        base, record = runs.load_base(library, plan.base_id)
        dataset = cache.get(root, record.dataset)
        if plan.task != "same":
            ctx.status(translate("jobs", "Making the target task"))
        done = runs.finetune_runs(base, record, dataset, plan, library, _listener(ctx, plan), ctx.control,
                                  data_root=root, names=lambda phase, seed: core_texts.run_name(plan, phase, seed))
        saved = tuple(done.model_ids)
        if done.unfinished is not None:
            kept = translate("jobs", "{0} finished model(s) were saved").format(len(saved)) if saved else \
                translate("jobs", "nothing was saved")
            status, message = done.unfinished.status, done.unfinished.message
            return LoraTrained(status, joined(_said(status, message), kept), model_ids=saved)
        useless = [(translate("jobs", "{0} seed {1}").format(kind_title(r.phase), r.seed), why)
                   for phase in PHASE_NAMES for r in done.of_phase(phase) if (why := r.learned_nothing())]
        nothing = translate("jobs", "{0}: {1} The models were saved: the model library can delete them.").format(
            core_texts.listed(run for run, _ in useless), useless[0][1]) if useless else ""
        return LoraTrained("finished", _lora_summary(done), model_ids=saved, learned_nothing=nothing)

    return Job("lora", run, pausable=True, on_done=on_done)


#: how a message names the runs of a fine-tuning, in the order it lists them (core_texts.kind_title translates)
PHASE_NAMES = {"feature_lora": "feature+LoRA", "control_lora": "control", "head": "head only",
               "full": "full fine-tuning", "scratch": "from scratch"}


def _listener(ctx: JobContext, plan: FinetunePlan | None = None) -> Listener:
    """The workflow's reports as the job's signals: each run's curves under "base" or "<phase>:<seed>"."""
    from lora_studio.core.workflows.runs import Listener

    class JobListener(Listener):
        def status(self, text: str) -> None:
            ctx.status(text)

        def phase_started(self, phase: str, seed: int, epochs: int) -> None:
            if plan is not None and phase not in ("feature_lora", "control_lora"):  # another method than LoRA
                ctx.status(translate("jobs", "Training: {0}, seed {1}").format(kind_title(phase), seed))
            elif plan is not None:
                features = plan.features if phase == "feature_lora" else ()
                ctx.status(translate("jobs", "Fine-tuning with {0}, seed {1}").format(
                    "+".join(core_texts.feature_word(f) for f in features), seed)
                           if features else translate("jobs", "Fine-tuning the control, seed {0}").format(seed))

        def callbacks(self, phase: str, seed: int):
            return ctx.callbacks(phase if phase == "base" else f"{phase}:{seed}")

    return JobListener()


def _said(status: str, message: str) -> str:
    """How a run that did not finish ended: a stop in the window's words (the core says "stopped by the user"),
    else the core's message."""
    if status == "stopped":
        return translate("jobs", "stopped by the user")
    return message or status


def joined(message: str, more: str) -> str:
    """`more` after `message`: a sentence of its own when `message` ended one (the core's messages may), else
    as a second clause ("stopped by the user; nothing was saved"), punctuated as the language does."""
    message = message.rstrip()
    if message.endswith("."):
        return translate("jobs", "{0} {1}.", "a message, then a sentence of its own").format(
            message, f"{more[:1].upper()}{more[1:]}")
    return translate("jobs", "{0}; {1}", "two clauses of one message").format(message, more)


def _lora_summary(done: FinetuneRuns) -> str:
    import numpy as np

    parts, forgetting = [], []
    for phase in PHASE_NAMES:
        if done.of_phase(phase):
            name = kind_title(phase)
            accuracy = np.mean([r.outcome.predictions.accuracy for r in done.of_phase(phase)])
            parts.append(translate("jobs", "{0} {1} %").format(name, f"{100 * accuracy:.2f}"))
            lost = [r.outcome.record.metrics.get("forgetting") for r in done.of_phase(phase)]
            if all(value is not None for value in lost):
                forgetting.append(translate("jobs", "{0} {1} points").format(name, f"{100 * np.mean(lost):+.2f}"))
    text = translate("jobs", "target accuracy {0}").format(core_texts.listed(parts))
    if forgetting:
        text = joined(text, translate("jobs", "forgetting {0}").format(core_texts.listed(forgetting)))
    effect = done.effect()
    if effect is not None:
        text = joined(text, score_texts.effect_sentence(effect, len(done.of_phase("feature_lora"))))
    return text

