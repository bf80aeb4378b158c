"""Background work: one worker QObject in one QThread (the window's only one), one job at a time.

Why a single long-lived thread: PyTorch, the data set cache and the model
library are then only ever touched from one thread, and "a second job while
one runs" has one obvious answer (refused, with a message). Jobs are plain
functions `job(ctx) -> JobResult` (see `jobs.py`); they reach the GUI only
through `JobContext`, which turns the core's callbacks into signals carrying
plain numbers and NumPy copies, at most ~20 a second (`EMIT_INTERVAL`). What a
job returns goes, in the GUI thread, to the `on_done` of whoever started it; what
it finds on the way (a sweep's finished runs) to its `on_partial`, batched.

Stopping is cooperative (flags, not queued slots): the core's `TrainControl`
is polled by its training loop once per batch and by downloads once per chunk.
Closing the window calls `JobRunner.shutdown()` (runner.py), which requests a
stop and joins the thread, so Qt never destroys a running QThread.
"""

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from lora_studio.core.training.run_control import TrainControl  # torch-free: usable before PyTorch loads
from lora_studio.core.vocabulary import Status
from lora_studio.gui.background.kinds import JobKind, is_quiet, job_title

log = logging.getLogger(__name__)

EMIT_INTERVAL = 0.05  # seconds between two step signals: ~20 a second, whatever the batch rate


@dataclass(frozen=True)
class JobResult:
    """How a job ended. Each kind of job returns a subclass holding what it made (plain values and NumPy copies);
    a job that raised gives this class itself, with status "failed"."""

    status: Status = Status.FINISHED  # finished, stopped, diverged or failed (a plain string is read as one)
    message: str = ""  # one sentence for the status bar
    details: str = ""  # the traceback of an unexpected failure

    def __post_init__(self):
        object.__setattr__(self, "status", Status(self.status))  # a status no front end knows is a bug: said here


@dataclass(frozen=True)
class Job:
    kind: JobKind  # kinds.py (a plain string is read as one)
    run: "Callable[[JobContext], JobResult]"  # runs in the worker thread
    pausable: bool = False
    on_done: Callable[[JobResult], None] | None = None  # called in the GUI thread with the result
    #: called in the GUI thread with a list of the values the job passed to `JobContext.partial`, in order
    on_partial: Callable[[list], None] | None = None

    def __post_init__(self):
        object.__setattr__(self, "kind", JobKind(self.kind))

    @property
    def title(self) -> str:
        return job_title(self.kind)


OnDone = Callable[[JobResult], None]
#: the jobs' messages are translated where they are made, in the worker thread (QCoreApplication.translate is
#: thread-safe)
translate = QCoreApplication.translate


class JobContext:
    """What a running job may use: the control flags and throttled reporting to the GUI."""

    def __init__(self, worker: "Worker", control: TrainControl):
        self._worker = worker
        self.control = control
        self._xs: list[int] = []
        self._ys: list[float] = []
        self._last_emit = 0.0
        self._last_progress = 0.0
        self._partials: list = []
        self._last_partial = 0.0

    def status(self, text: str) -> None:
        """A passing line for the status bar; the core's (a Text, core/i18n.py) in the window's language."""
        from lora_studio.gui.i18n.core_texts import core_text

        self._worker.sigStatus.emit(core_text(text))

    def progress(self, fraction: float, text: str) -> None:
        """Progress of work that is not training (downloads): throttled like the steps; the text as `status`'s."""
        from lora_studio.gui.i18n.core_texts import core_text

        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_progress >= EMIT_INTERVAL:
            self._last_progress = now
            self._worker.sigProgress.emit(float(fraction), core_text(text))

    def partial(self, value) -> None:
        """A partial result for the job's `on_partial` (a plain value: a finished run's record). Sent at most
        ~20 times a second, several at once after a burst; what waits goes with the next training steps or
        before the job's result, so none is lost or overtaken."""
        self._partials.append(value)
        if time.monotonic() - self._last_partial >= EMIT_INTERVAL:
            self.flush_partials()

    def flush_partials(self) -> None:
        if self._partials:
            self._last_partial = time.monotonic()
            values, self._partials = self._partials, []
            self._worker.sigPartial.emit(values)

    def is_cancelled(self) -> bool:
        return self.control.stop_requested

    def callbacks(self, key: str, step_offset: int = 0):
        """core.training.Callbacks for one run; `key` names its curves ("base", "feature_lora:0", …)."""
        from lora_studio.core.training.loop import Callbacks  # the job runs after PyTorch is loaded

        def on_step(info):
            self._xs.append(step_offset + info.epoch * info.steps_per_epoch + info.step + 1)
            self._ys.append(info.loss)
            now = time.monotonic()
            if now - self._last_emit >= EMIT_INTERVAL or info.step + 1 == info.steps_per_epoch:
                self._flush(key, info, step_offset + info.epochs * info.steps_per_epoch)

        def on_epoch(info):
            self._worker.sigEpoch.emit(key, {
                "epoch": info.epoch + 1, "epochs": info.epochs, "train_loss": info.train_loss,
                "train_accuracy": info.train_accuracy, "test_loss": info.test_loss,
                "test_accuracy": info.test_accuracy, "seconds": info.seconds,
            })

        return Callbacks(on_step=on_step, on_epoch=on_epoch, on_status=self.status)

    def _flush(self, key: str, info, last_step: int) -> None:
        import numpy as np  # loaded by then (PyTorch needs it); not at import: the window comes first

        self._last_emit = time.monotonic()
        self.flush_partials()
        xs = np.asarray(self._xs, dtype=np.float64)
        ys = np.asarray(self._ys, dtype=np.float64)
        self._xs, self._ys = [], []
        self._worker.sigSteps.emit(key, xs, ys, {
            "fraction": info.fraction, "epoch": info.epoch + 1, "epochs": info.epochs,
            "samples_per_second": info.samples_per_second, "eta_seconds": info.eta_seconds,
            "loss": info.loss, "paused": self.control.paused, "last_step": last_step,
        })


class Worker(QObject):
    """Lives in the worker thread; runs each job it is handed and reports how it ended. Its signals carry the
    reports to the JobRunner (runner.py), in the GUI thread, which tells the views."""

    sigStatus = Signal(str)
    sigProgress = Signal(float, str)  # fraction 0…1, text
    sigSteps = Signal(str, object, object, object)  # key, steps (n,), losses (n,), progress dict
    sigEpoch = Signal(str, object)  # key, epoch dict
    sigPartial = Signal(object)  # list of partial results
    sigDone = Signal(str, object, object)  # kind, JobResult, what to call in the GUI thread first (or None)

    def __init__(self, between_jobs: "Callable[[str], Callable[[], None] | None] | None" = None):
        super().__init__()
        self.between_jobs = between_jobs  # runner.py's BetweenJobs: run here after each job the window announces

    @Slot(object, object)
    def run(self, job: Job, control: TrainControl) -> None:
        context = JobContext(self, control)
        try:
            result = job.run(context)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user as a message, not kill the thread
            result = _failure(exc)
        context.flush_partials()  # before the result: its on_done sees every partial one
        then = None
        if self.between_jobs is not None and not is_quiet(job.kind):
            try:
                then = self.between_jobs(job.kind)
            except Exception:  # noqa: BLE001 - the job's result must reach the window all the same
                log.exception("the work between two jobs failed")
        self.sigDone.emit(job.kind, result, then)

    @Slot()
    def leave(self) -> None:
        """End the worker thread's event loop once what was queued before has run (JobRunner.shutdown)."""
        QThread.currentThread().quit()


def worker_thread(worker: Worker) -> QThread:
    """The window's one worker thread (not started yet), `worker` moved into it; the JobRunner owns it."""
    thread = QThread()
    thread.setObjectName("loraStudioWorker")
    worker.moveToThread(thread)
    return thread


def _failure(exc: Exception) -> JobResult:
    from lora_studio.core.errors import USER_ERRORS  # light: config and errors only

    if isinstance(exc, USER_ERRORS):  # in the window's language when the core gave its reason (DataError)
        from lora_studio.gui.i18n.core_texts import user_error

        return JobResult(Status.FAILED, user_error(exc))
    if isinstance(exc, MemoryError):
        return JobResult(Status.FAILED, QCoreApplication.translate(
            "jobs", "not enough memory: try a smaller subset or batch size"))
    log.error("a job failed:\n%s", traceback.format_exc())
    return JobResult(Status.FAILED, QCoreApplication.translate("jobs", "an unexpected error ({0}: {1})").format(
        type(exc).__name__, exc), traceback.format_exc())
