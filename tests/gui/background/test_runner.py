"""The job queue in front of the worker (background/runner.py): what runs, what follows, what waits, and the work
the worker does between two jobs."""

import threading

from PySide6.QtCore import QEvent, QObject
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.data import synthetic
from lora_studio.gui.background.runner import JobRunner
from lora_studio.gui.background.worker import Job, JobResult


def blocking(release: threading.Event):
    """A job's run that waits for `release` (at most JOB_MS)."""
    def run(_ctx):
        release.wait(JOB_MS / 1000)
        return JobResult("finished")
    return run


def test_a_job_started_during_a_quiet_one_follows_it_ahead_of_what_waits(qtbot, qapp):
    runner = JobRunner()
    started: list[str] = []
    runner.sigStarted.connect(started.append)
    release = threading.Event()
    try:
        assert runner.run_soon("preview", Job("preview", blocking(release)))
        assert not runner.run_soon("strength", Job("strength", lambda ctx: JobResult()))
        assert runner.start(Job("export", lambda ctx: JobResult())) is None  # a quiet job is not in the way
        assert runner.current.kind == "export"
        refused = Job("evaluate", lambda ctx: JobResult())
        assert runner.start(refused).kind == "export"  # what follows is in the way, as a running job is
        release.set()
        qtbot.waitUntil(lambda: started == ["preview", "export", "strength"] and runner.job is None, timeout=JOB_MS)
    finally:
        runner.shutdown()


def test_a_later_job_under_the_same_key_replaces_the_one_waiting_and_first_goes_first(qtbot, qapp):
    runner = JobRunner()
    ran: list[str] = []
    release = threading.Event()

    def job(name: str, kind: str = "preview") -> Job:
        return Job(kind, lambda ctx: JobResult("finished", name), on_done=lambda result: ran.append(result.message))

    try:
        assert runner.run_soon("busy", Job("preview", blocking(release)))
        runner.run_soon("strip", job("old strip"))
        runner.run_soon("curve", job("curve", "strength"))
        runner.run_soon("strip", job("new strip"))
        runner.run_soon("data", job("data set", "dataset"), first=True)
        runner.run_soon("gone", job("cancelled"))
        runner.cancel_soon("gone")
        assert runner.is_waiting("strip") and not runner.is_waiting("gone")
        release.set()
        qtbot.waitUntil(lambda: runner.job is None and not runner.is_waiting("strip"), timeout=JOB_MS)
        assert ran == ["data set", "curve", "new strip"]
    finally:
        runner.shutdown()


def test_shutting_down_forgets_what_waits(qtbot, qapp):
    runner = JobRunner()
    release = threading.Event()
    assert runner.run_soon("busy", Job("preview", blocking(release)))
    runner.run_soon("next", Job("strength", lambda ctx: JobResult()))
    release.set()
    runner.shutdown()
    assert runner.job is None and runner.current is None and not runner.is_waiting("next")
    assert not runner.run_soon("late", Job("preview", lambda ctx: JobResult()))
    assert runner.current is None


def test_a_job_started_during_a_quiet_one_asks_it_to_stop(qtbot, qapp):
    runner = JobRunner()
    stopped = threading.Event()

    def curve(ctx):  # a quiet job that can stop early, as the strength curve does
        while not ctx.is_cancelled():
            stopped.wait(0.01)
        stopped.set()
        return JobResult("stopped")

    try:
        assert runner.run_soon("curve", Job("strength", curve))
        assert runner.start(Job("evaluate", lambda ctx: JobResult())) is None
        qtbot.waitUntil(lambda: stopped.is_set() and runner.job is None, timeout=JOB_MS)
    finally:
        runner.shutdown()


def test_shutting_down_runs_the_users_job_that_waited_told_to_stop(qtbot, qapp):
    """Closing the window just after a click: the job the user asked for runs as a running one would on close,
    its stop asked at once, so that what cannot stop (an export) completes and training saves nothing."""
    runner = JobRunner()
    release = threading.Event()
    seen: list[tuple[str, bool]] = []

    def export(ctx):
        seen.append(("export", ctx.is_cancelled()))
        return JobResult()

    assert runner.run_soon("busy", Job("preview", blocking(release)))
    assert runner.start(Job("export", export)) is None
    release.set()
    runner.shutdown()
    assert seen == [("export", True)]
    assert runner.job is None and runner.current is None


def test_the_work_between_jobs_runs_in_the_worker_and_reaches_the_gui_thread_before_on_done(qtbot, qapp):
    gui = threading.current_thread()
    heard: list[tuple[str, str, bool]] = []

    def between_jobs(kind: str):
        heard.append(("between", kind, threading.current_thread() is gui))
        return lambda: heard.append(("then", kind, threading.current_thread() is gui))

    runner = JobRunner(between_jobs=between_jobs)
    runner.sigDone.connect(lambda kind, _result: heard.append(("views", kind, threading.current_thread() is gui)))
    try:
        for kind in ("preview", "base"):  # a quiet job is not followed by it
            with qtbot.waitSignal(runner.sigDone, timeout=JOB_MS):
                runner.submit(Job(kind, lambda ctx: JobResult(),
                                  on_done=lambda _result, kind=kind: heard.append(("on_done", kind, True))))
        assert heard == [("on_done", "preview", True), ("views", "preview", True),
                         ("between", "base", False), ("then", "base", True), ("on_done", "base", True),
                         ("views", "base", True)]
    finally:
        runner.shutdown()


class EventLog(QObject):
    """Notes the timers and queued calls the event loop delivers once `armed`: a chance for anything to run."""

    def __init__(self, log: list):
        super().__init__()
        self.log = log

    def eventFilter(self, watched, event) -> bool:
        if self.log and event.type() in (QEvent.Type.Timer, QEvent.Type.MetaCall):
            self.log.append("event")
        return False


def test_a_quiet_job_ending_hands_the_worker_to_the_waiting_data_set_with_nothing_in_between(qtbot, qapp, window,
                                                                                          app_home, wait_idle):
    """The race it mends: a quiet job's end scheduled the chosen data set's loading with a QTimer(0), and until
    that fired the runner looked idle (busy_kind None, no job): a click in between started ahead of it."""
    synthetic.write_folder(paths.datasets_dir(app_home) / "FashionMNIST" / "raw", n_train=120, n_test=40, seed=1)
    state, release = window.state, threading.Event()
    assert state.run_soon("probe", Job("preview", blocking(release)))
    combo = window.dataset_tab.combo
    combo.setCurrentIndex(combo.findData("fashion-mnist"))  # chosen while the quiet job runs
    assert state.dataset is None and state.busy_kind == "preview"
    log: list = []
    state.runner.sigDone.connect(lambda kind, _result: kind == "preview" and log.append(("ended", state.busy_kind)))
    state.sigJobStarted.connect(lambda kind: log and log.append(("started", kind)))
    watch = EventLog(log)
    qapp.installEventFilter(watch)
    try:
        release.set()
        qtbot.waitUntil(lambda: ("started", "dataset") in log, timeout=JOB_MS)
    finally:
        qapp.removeEventFilter(watch)
    assert log[0] == ("ended", "dataset")  # not idle when the quiet job's end is heard
    assert log[1] == ("started", "dataset")  # and nothing delivered before the data set's loading started
    qtbot.waitUntil(lambda: state.dataset is not None, timeout=JOB_MS)
    wait_idle(window)
    assert state.dataset.name == "fashion-mnist" and window.messages == []
