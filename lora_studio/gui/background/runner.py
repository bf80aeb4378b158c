"""The GUI thread's handle on the worker thread, and the queue in front of it: what runs, what follows, what waits.

One job runs at a time, in one worker thread (worker.py says why). Everything about which job runs when is
kept here:
- `start(job)`: a job the user asked for. While another job runs it is refused (the job in the way is
  returned, for the "Busy" message), unless what runs is quiet (a preview, a second long at most): it then
  follows the moment that one ends, and the quiet one is asked to stop (one that can, a strength curve, does);
- `run_soon(key, job)`: a quiet job the window starts by itself to show something. It waits for the worker
  without a message; a later one under the same key replaces the one waiting. `first=True` puts it ahead of
  the others (a data set chosen while a training ran loads before the previews that need it).
When a job ends, its starter's `on_done` runs, then the views hear how it ended (`sigDone`), then the next job
starts, all in one turn of the event loop: nothing can find the worker idle while a job waits.

Between two jobs the window announces, the worker also runs `between_jobs(kind)`, if set: work that would
otherwise be done in the GUI thread when a job ends (AppState re-reads the model library there). What it
returns, if not None, is called in the GUI thread just before the job's `on_done`.

Worker signals are connected to slots of this object, which lives in the GUI thread, so they arrive queued
there (never straight to a static function such as `quit`), and none arrives after `shutdown`. Training
reports have one public signal each, here (`sigSteps`, `sigEpoch`, `sigProgress`): AppState hands these very
signals to the views.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from lora_studio.core.training.run_control import TrainControl  # torch-free: usable before PyTorch loads
from lora_studio.gui.background.kinds import is_quiet
from lora_studio.gui.background.worker import Job, JobResult, Worker, worker_thread

#: in the worker, after each announced job: its kind → what to call in the GUI thread before the job's on_done
BetweenJobs = Callable[[str], Callable[[], None] | None]


class JobRunner(QObject):
    sigStarted = Signal(str)  # kind
    sigStatus = Signal(str)
    sigProgress = Signal(str, float, str)  # kind, fraction, text
    sigSteps = Signal(str, str, object, object, object)  # kind, key, steps (n,), losses (n,), progress dict
    sigEpoch = Signal(str, str, object)  # kind, key, epoch dict
    sigDone = Signal(str, object)  # kind, JobResult (after the job's own on_done)
    sigPaused = Signal(str, bool)  # kind, paused
    _sigRun = Signal(object, object)
    _sigLeave = Signal()

    def __init__(self, parent: QObject | None = None, between_jobs: BetweenJobs | None = None):
        super().__init__(parent)
        self.job: Job | None = None  # the job running
        self.control = TrainControl()
        self._next: Job | None = None  # a job started while a quiet one ran: it runs the moment that one ends
        self._waiting: dict[str, Job] = {}  # jobs waiting for the worker (`run_soon`), by their starter's key
        self._worker = Worker(between_jobs)
        self._thread = worker_thread(self._worker)
        self._sigRun.connect(self._worker.run)
        self._sigLeave.connect(self._worker.leave)
        self._worker.sigStatus.connect(self._on_status)
        self._worker.sigProgress.connect(self._on_progress)
        self._worker.sigSteps.connect(self._on_steps)
        self._worker.sigEpoch.connect(self._on_epoch)
        self._worker.sigPartial.connect(self._on_partial)
        self._worker.sigDone.connect(self._on_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self.job is not None

    @property
    def current(self) -> Job | None:
        """The job running or about to: the one running, else the one that follows it, else the first one waiting
        (only while the views hear that a job ended: then it starts)."""
        return self._next or self.job or next(iter(self._waiting.values()), None)

    # --- starting -----------------------------------------------------------------------
    def submit(self, job: Job) -> bool:
        """Start `job` in the worker now; False (and nothing started) when another job is running."""
        if self.job is not None or not self._thread.isRunning():
            return False
        self.job, self.control = job, TrainControl()
        self.sigStarted.emit(job.kind)
        self._sigRun.emit(job, self.control)
        return True

    def start(self, job: Job) -> Job | None:
        """Run `job` now, or right after the quiet job running; None when it will run, else the job in its way
        (nothing is started then)."""
        running = self._next or self.job
        if running is not None and is_quiet(running.kind):
            self._next = job
            self.control.request_stop()  # a quiet job that can stop early (a strength curve) makes way at once
            return None
        if running is not None:
            return running
        return None if self.submit(job) else job

    def run_soon(self, key: str, job: Job, first: bool = False) -> bool:
        """Run `job` now if the worker is idle, else as soon as it is, replacing a job waiting under `key`; with
        `first`, ahead of the others waiting. True when it started at once."""
        self._waiting.pop(key, None)
        if self._next is None and self.job is None and self.submit(job):
            return True
        if not self._thread.isRunning():  # shut down: nothing will run any more
            return False
        self._waiting = {key: job, **self._waiting} if first else {**self._waiting, key: job}
        return False

    def cancel_soon(self, key: str) -> None:
        """Forget the job waiting under `key`, if any (one already running runs to its end)."""
        self._waiting.pop(key, None)

    def is_waiting(self, key: str) -> bool:
        return key in self._waiting

    def _start_next(self) -> None:
        """The worker is free: start what follows, else what waits first."""
        while self.job is None and (self._next is not None or self._waiting):
            if self._next is not None:
                job, self._next = self._next, None
            else:
                job = self._waiting.pop(next(iter(self._waiting)))
            if not self.submit(job):  # the thread was shut down: nothing runs any more
                self._next, self._waiting = None, {}

    # --- controlling --------------------------------------------------------------------
    def pause(self) -> None:
        if self.job is not None and self.job.pausable:
            self.control.pause()
            self.sigPaused.emit(self.job.kind, True)

    def resume(self) -> None:
        if self.job is not None:
            self.control.resume()
            self.sigPaused.emit(self.job.kind, False)

    def stop(self) -> None:
        """Ask the job to stop: training within one batch, a download within one chunk."""
        self.control.request_stop()

    def shutdown(self) -> None:
        """Forget what waits, stop the job, let it end cleanly (a save in progress completes), join the thread.
        A job the user started that still waited for a quiet one is run as if it had been running: told to stop
        at once, so that training saves nothing while what cannot stop (an export, an import) completes."""
        follows, self._next, self._waiting = self._next, None, {}
        if not self._thread.isRunning():
            return
        self.control.request_stop()
        if follows is not None:
            stopped = TrainControl()
            stopped.request_stop()
            self._sigRun.emit(follows, stopped)
        self._sigLeave.emit()  # queued behind the jobs: the thread's loop ends once they have returned
        self._thread.wait()
        QCoreApplication.removePostedEvents(self)  # late reports for a window that is going away
        self.job = None

    # --- slots: worker → GUI thread ---------------------------------------------------
    @Slot(str)
    def _on_status(self, text: str) -> None:
        self.sigStatus.emit(text)

    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        if self.job is not None:
            self.sigProgress.emit(self.job.kind, fraction, text)

    @Slot(str, object, object, object)
    def _on_steps(self, key, xs, ys, progress) -> None:
        if self.job is not None:
            self.sigSteps.emit(self.job.kind, key, xs, ys, progress)

    @Slot(str, object)
    def _on_epoch(self, key, info) -> None:
        if self.job is not None:
            self.sigEpoch.emit(self.job.kind, key, info)

    @Slot(object)
    def _on_partial(self, values: list) -> None:
        if self.job is not None and self.job.on_partial is not None:
            self.job.on_partial(values)

    @Slot(str, object, object)
    def _on_done(self, kind: str, result: JobResult, then: Callable[[], None] | None) -> None:
        job, self.job = self.job, None
        # a pause clicked after the job's last check of it (its last step) found nothing left to pause: the
        # job ended all the same, and a finished job is not paused
        self.control.resume()
        try:
            if then is not None:
                then()
            if job is not None and job.on_done is not None:
                job.on_done(result)
            self.sigDone.emit(kind, result)
        finally:  # a view's slot that raised must not leave the jobs waiting for good
            self._start_next()
