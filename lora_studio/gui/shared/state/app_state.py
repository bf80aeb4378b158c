"""AppState: what the whole window shares — readiness, the data set, the model library, the running job.

Tabs never talk to each other: they read this object, call its methods and
listen to its `sig*` signals. It owns the `JobRunner` (the worker thread and
the queue in front of it, background/runner.py), whose training reports it
hands on as they are, and turns the rest into signals named after what they
mean to a view. A job's result goes to the `on_done` of the code that started
it; here only what every job shares (how it ended, what went wrong). The model
library is listed by `listing.py`, in the worker after each job: the GUI thread
only takes the rows. Everything else here runs in the GUI thread.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from lora_studio.core import paths
from lora_studio.core.vocabulary import Status
from lora_studio.gui.background import collector
from lora_studio.gui.background.caches import DataCache, StackCache
from lora_studio.gui.background.kinds import is_quiet, job_title
from lora_studio.gui.background.runner import JobRunner
from lora_studio.gui.background.worker import Job, JobResult
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import job_ended
from lora_studio.gui.shared.state import loading
from lora_studio.gui.shared.state.listing import LibraryListing

if TYPE_CHECKING:
    from lora_studio.core.workflows.run_command import Command


@dataclass(frozen=True)
class ModelInfo:
    """One model of the library, as the views show it (no torch inside)."""

    id: str
    name: str = ""
    kind: str = ""
    dataset: str = ""
    created: str = ""
    parent: str | None = None
    test_accuracy: float | None = None
    trainable_params: int | None = None
    total_params: int | None = None
    settings: str = ""
    error: str | None = None  # the folder could not be read
    # how it was fine-tuned (the Learn tab's explainer lists the LoRA adapters): config.METHODS' name or None
    method: str | None = None
    layers: tuple[str, ...] = ()  # the layers its adapters wrap (LoRA models only)
    rank: int | None = None
    alpha: float | None = None
    variant: str | None = None  # lora | rslora | dora
    # what the Learn tab's lessons quote: the run's task, inputs and seed, and its scores (metrics.json)
    task: str = "same"
    features: tuple[str, ...] = ()  # the extra inputs of a feature_lora model
    seed: int | None = None
    epochs: int | None = None
    source_accuracy: float | None = None
    base_target_accuracy: float | None = None
    base_source_accuracy: float | None = None
    forgetting: float | None = None
    setting: tuple = ()  # what it shares with the other seeds of its setting (core same_setting.setting_key)
    # the lora-studio command that made it (core.workflows.run_command.record_command; None: cannot be written)
    command: "Command | None" = None

    @property
    def label(self) -> str:
        if self.error:
            return QCoreApplication.translate("AppState", "{0} (unreadable)").format(self.id)
        return self.name if self.test_accuracy is None else f"{self.name} · {100 * self.test_accuracy:.2f} %"


#: the ModelInfo fields that are the core record's summary (ModelRecord.summary) under the same name
SUMMARY_FIELDS = ("name", "kind", "dataset", "created", "parent", "test_accuracy", "trainable_params", "total_params",
                  "method", "layers", "rank", "alpha", "variant", "task", "features", "seed", "epochs",
                  "source_accuracy", "base_target_accuracy", "base_source_accuracy", "forgetting")


def model_info(model_id: str, record, **more) -> ModelInfo:
    """A library model as the views show it: the record's summary, its settings in words, its setting's key."""
    from lora_studio.core.evaluation.same_setting import setting_key

    facts = record.summary()
    return ModelInfo(model_id, settings=describe_settings(record), setting=setting_key(facts),
                     **{name: facts[name] for name in SUMMARY_FIELDS}, **more)


def describe_settings(record) -> str:
    translate = QCoreApplication.translate
    t = record.train
    text = translate("AppState", "{0} ep, batch {1}, lr {2}, seed {3}").format(
        t.epochs, t.batch_size, f"{t.lr:g}", t.seed)
    if record.lora:
        lora = record.lora
        features = "+".join(core_texts.feature_word(name) for name in record.features.names) if record.features \
            else translate("AppState", "no extra input")
        text = translate("AppState", "r={0}, α={1}, {2}, {3}; {4}").format(
            lora.rank, f"{lora.alpha:g}", "+".join(lora.layers), features, text)
    images = record.metrics.get("train_images")
    return translate("AppState", "{0}; {1} images").format(text, f"{images:,}") if images else text


#: the runner's key (JobRunner.run_soon) of the chosen data set's loading, while it waits for the worker
LOAD_DATASET = "load-dataset"


class AppState(QObject):
    sigReady = Signal()
    sigLoadFailed = Signal(str)
    sigDatasetChanged = Signal(object)  # loading.DatasetView, or None when the chosen data set is not here
    sigDatasetName = Signal(str)  # the chosen data set changed
    sigModelsChanged = Signal(object)  # list[ModelInfo]
    sigJobStarted = Signal(str)  # kind
    sigJobEnded = Signal(str, str, str)  # kind, status, message
    # sigJobPaused, sigSteps, sigEpoch and sigProgress are the runner's own (background/runner.py), set in __init__
    sigStatus = Signal(str)  # a passing message for the status bar
    sigMessage = Signal(str, str, str, str)  # level (info|warning|error), title, text, details: shown in a box
    sigOpenModel = Signal(str)  # a model id a view asks to see in the Evaluation tab (the window does it)

    def __init__(self, parent: QObject | None = None, home: Path | None = None):
        super().__init__(parent)
        self.home = home or paths.app_home()
        self.data_root = paths.datasets_dir(self.home)
        self.models_root = paths.models_dir(self.home)
        self.ready = False
        self.torch_version: str | None = None
        self.features: list[tuple[str, str, str]] = []  # (name, title, description), known once the core loads
        self.dataset_name = "mnist"
        self._loading: str | None = None  # the data set the last loading job was started for
        self.dataset: loading.DatasetView | None = None
        self.models: list[ModelInfo] = []
        self.cache = DataCache()
        # the adapter stacks the Evaluation tab's stack page and the Learn tab's stacking lessons score: one set,
        # loaded once in the worker whichever tab asks first
        self.stacks = StackCache()
        self.listing = LibraryListing(self.models_root, self._rows)
        self._listed = -1  # the generation of the listing the views were last told of (-1: none yet)
        self.runner = JobRunner(self, between_jobs=self._list_between_jobs)
        self.sigJobPaused = self.runner.sigPaused  # kind, paused
        self.sigSteps = self.runner.sigSteps  # kind, key, steps, losses, progress dict
        self.sigEpoch = self.runner.sigEpoch  # kind, key, epoch dict
        self.sigProgress = self.runner.sigProgress  # kind, fraction, text
        self.runner.sigStarted.connect(self._on_started)
        self.runner.sigStatus.connect(self.sigStatus)
        self.runner.sigDone.connect(self._on_done)

    # --- jobs ---------------------------------------------------------------------------
    def start(self, job: Job) -> bool:
        """Run `job` in the worker; when another job runs, refuse with a message and return False. A quiet job
        (a preview, a second long at most) is not in the way: `job` then follows it the moment it ends."""
        running = self.runner.start(job)
        if running is None:
            return True
        if running is not job:  # (`job` itself: the worker has shut down)
            self.tell("info", self.tr("Busy"), self.tr(
                "{0} is still running. Wait for it to end, or stop it, before starting {1}.").format(
                running.title, job.title.lower()))
        return False

    def run_soon(self, key: str, job: Job) -> bool:
        """Run the quiet `job` (background/kinds.py) now if the worker is idle, else as soon as it is, without a
        "Busy" box: what the window computes by itself to show something (a task's images, a model at another
        strength). A later job under the same `key` replaces one still waiting. True when it started at once.
        Quiet jobs are not announced: no sigJobStarted or sigJobEnded, their starter's `on_done` shows them."""
        return self.runner.run_soon(key, job)

    def cancel_soon(self, key: str) -> None:
        """Forget the job waiting under `key`, if any (one already running runs to its end)."""
        self.runner.cancel_soon(key)

    @property
    def busy_kind(self) -> str | None:
        """The kind of the job running, or of the one about to (runner.current)."""
        job = self.runner.current
        return job.kind if job else None

    def pause(self) -> None:
        self.runner.pause()

    def resume(self) -> None:
        self.runner.resume()

    def toggle_pause(self) -> None:
        """Pause the running job, or resume it if it waits (a pause button, Ctrl+P)."""
        if self.runner.control.paused:
            self.resume()
        else:
            self.pause()

    def stop(self) -> None:
        self.runner.stop()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def load_core(self) -> None:
        self.runner.submit(loading.make_load_core(self.data_root, on_done=self._on_loaded))

    def open_model(self, model_id: str) -> None:
        """Show a saved model in the Evaluation tab: a tab cannot reach another, the window wires this."""
        self.sigOpenModel.emit(model_id)

    def tell(self, level: str, title: str, text: str, details: str = "") -> None:
        """Show a message box (level: info, warning or error)."""
        self.sigMessage.emit(level, title, text, details)

    def _on_started(self, kind: str) -> None:
        if not is_quiet(kind):
            self.sigJobStarted.emit(kind)

    def _on_done(self, kind: str, result: JobResult) -> None:
        """What every job shares once its starter has had the result: the views hear how it ended."""
        quiet = is_quiet(kind)
        if not quiet:
            self.sigJobEnded.emit(kind, result.status, result.message)
        switched = kind != "dataset" or self._loading != self.dataset_name
        if kind != "load" and switched and self.dataset is None and not self.runner.is_waiting(LOAD_DATASET) \
                and self.dataset_available():
            # the chosen data set is not loaded and nothing waits to load it (its loading failed before, say): the
            # runner loads it the moment this job is over, after a job that follows a quiet one (runner.start)
            self.select_dataset(self.dataset_name, True)
        title = job_title(kind)
        if result.status == Status.DIVERGED:
            self.tell("warning", job_ended(title, result.status), sentence(result.message))
        # a quiet job's starter shows a user error (one line) itself; an unexpected one (with a traceback) is boxed
        if result.status == Status.FAILED and kind != "load" and not (quiet and not result.details):
            self.tell("error", job_ended(title, result.status), sentence(result.message), result.details)

    def _on_loaded(self, result: JobResult) -> None:
        if not isinstance(result, loading.CoreLoaded) or result.status != "finished":
            self.sigLoadFailed.emit(result.message)
            self.tell("error", self.tr("PyTorch could not be loaded"),
                      self.tr("LoRA Studio needs PyTorch to train: {0}").format(result.message), result.details)
            return
        self.ready = True
        self.features = list(result.features)
        self.torch_version = result.torch_version
        for status, message in result.bundled:  # data sets this bundle brought along
            if status == "failed":
                self.tell("warning", self.tr("Bundled data"), sentence(message) + ".")
            else:
                self.sigStatus.emit(sentence(message))
        self.refresh_models()
        self.sigReady.emit()
        self.select_dataset(self.dataset_name, force=True)
        collector.settle()  # what is alive now (PyTorch, the core, the window) lives as long as the app

    # --- data set -----------------------------------------------------------------------
    def select_dataset(self, name: str, force: bool = False) -> None:
        """Choose a data set; load it in the background when it is in the app's folder."""
        if name == self.dataset_name and not force:
            return
        self.dataset_name = name
        self.sigDatasetName.emit(name)
        if self.dataset is not None and self.dataset.name != name:
            self.dataset = None
            self.sigDatasetChanged.emit(None)
        if not self.ready:
            return
        from lora_studio.core.data import datasets as data

        self.runner.cancel_soon(LOAD_DATASET)  # one chosen before, still waiting for the worker
        if data.is_available(self.data_root, name):
            self._loading = name
            running = self.runner.current
            # while another job runs, it waits (ahead of the previews that need it): a choice needs no "Busy" box
            if not self.runner.run_soon(LOAD_DATASET, loading.make_load_dataset(
                    self.cache, self.data_root, name, on_done=self.take_dataset), first=True) \
                    and running is not None and not is_quiet(running.kind):
                self.sigStatus.emit(self.tr("{0} will be loaded when {1} ends").format(
                    core_texts.dataset_title(name), running.title.lower()))
        else:
            self.sigStatus.emit(self.tr("{0} is not here yet: download it or import a folder").format(
                core_texts.dataset_title(name)))

    def take_dataset(self, result: JobResult) -> None:
        """The `on_done` of a job that loads, downloads or imports a data set: show it, when it is still the
        one chosen (not one loaded before another was chosen)."""
        if isinstance(result, loading.DatasetLoaded) and result.view is not None \
                and result.view.name == self.dataset_name:
            self.dataset = result.view
            self.sigDatasetChanged.emit(self.dataset)

    def dataset_available(self, name: str | None = None) -> bool:
        if not self.ready:
            return False
        from lora_studio.core.data import datasets as data

        return data.is_available(self.data_root, name or self.dataset_name)

    # --- model library ------------------------------------------------------------------
    def library(self):
        from lora_studio.core.storage.library import ModelLibrary

        return ModelLibrary(self.models_root)

    def refresh_models(self) -> None:
        """Look at the library now and tell the views when it changed (sigModelsChanged): a scan, and reading the
        models whose files changed since the last look (listing.py). The worker looks after every job the window
        announces (`_list_between_jobs`), so a job's on_done need not: this is for what happens outside jobs (a
        rename, a deletion, the command line's models)."""
        if not self.ready:
            return
        from lora_studio.core.errors import USER_ERRORS

        try:
            generation, rows = self.listing.refresh()
        except USER_ERRORS as exc:  # e.g. a library folder this user may not read
            self.sigStatus.emit(self.tr("The model library cannot be read: {0}").format(core_texts.user_error(exc)))
            self._listed = -1  # told again once it can be read
            self.models = []
            self.sigModelsChanged.emit([])
            return
        self._take_models(generation, rows)

    def _list_between_jobs(self, kind: str):
        """In the worker, after each job the window announces: look at the library there, so that the GUI thread
        reads no model's files when a job that saved some ends. The views hear of it just before the job's
        on_done. A library that cannot be read is looked at again in the GUI thread, which says why."""
        from lora_studio.core.errors import USER_ERRORS

        if not self.ready and kind != "load":  # PyTorch and the core are not loaded (yet)
            return None
        try:
            generation, rows = self.listing.refresh()
        except ImportError:  # no PyTorch: AppState says so when the load job fails
            return None
        except USER_ERRORS:
            return self.refresh_models
        return lambda: self._take_models(generation, rows)

    def _take_models(self, generation: int, rows: list) -> None:
        """The listing `generation` in the views, unless they have it or a newer one already. Not before the
        core is ready: `_on_loaded` then takes what the worker read (the views list models once they are ready)."""
        if generation <= self._listed or not self.ready:
            return
        self._listed = generation
        self.models = rows
        self.sigModelsChanged.emit(rows)

    def _rows(self, entries) -> list[ModelInfo]:
        """The core's entries as the views show them (called by the listing, in the worker or the GUI thread)."""
        from lora_studio.core.errors import USER_ERRORS
        from lora_studio.core.workflows.run_command import record_command

        readable = {entry.id for entry in entries if entry.record is not None}  # bases a command can start from
        infos = []
        for entry in entries:
            record = entry.record
            if record is None:
                infos.append(ModelInfo(entry.id, error=core_texts.core_text(entry.error)))  # the core's Text
                continue
            try:
                command = record_command(record, self.data_root, not record.parent or record.parent in readable)
            except USER_ERRORS:
                command = None
            infos.append(model_info(entry.id, record, command=command))
        return infos


def sentence(text: str) -> str:
    """The text with a capital first letter, as a message box shows it; a text that begins with a name the user
    may have to type (a model id, a file, a command: a word with a digit, `-`, `_`, `.` or `/`) stays as it is."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(char.isdigit() or char in "-_./\\" for char in first):
        return text
    return text[:1].upper() + text[1:]
