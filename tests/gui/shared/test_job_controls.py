"""One row of job controls for the Base training, LoRA and Compare tabs (gui/shared/job_controls.py): the buttons
follow their own job kind only, pause reads Resume while the job waits, and the time-left estimate leaves the
paused time out."""

import pytest

from lora_studio.gui.shared import job_controls
from lora_studio.gui.shared.job_controls import JobControls
from lora_studio.gui.shared.state.app_state import AppState


@pytest.fixture
def state(qapp, app_home):
    state = AppState(home=app_home)
    yield state
    state.shutdown()


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(job_controls.time, "monotonic", lambda: now[0])
    return now


def test_the_buttons_follow_their_own_job_only(qtbot, state):
    started = []
    controls = JobControls(state, "sweep", "sweep", "Start sweep", lambda: started.append(True), "stop it")
    names = [b.objectName() for b in (controls.start_button, controls.pause_button, controls.stop_button)]
    assert names == ["startSweepButton", "pauseSweepButton", "stopSweepButton"]
    assert controls.progress.objectName() == "sweepProgress" and controls.stop_button.toolTip() == "stop it"
    assert controls.start_button.isEnabled() and not controls.pause_button.isEnabled()
    state.sigJobStarted.emit("base")  # another tab's job: this row stays as it is
    assert controls.start_button.isEnabled() and not controls.running
    state.sigJobStarted.emit("sweep")
    assert not controls.start_button.isEnabled() and controls.pause_button.isEnabled()
    assert controls.stop_button.isEnabled() and controls.progress.format() == "Starting…"
    state.sigJobPaused.emit("sweep", True)
    assert controls.pause_button.text() == "Resume" and controls.paused
    state.sigJobEnded.emit("sweep", "stopped", "")
    assert controls.start_button.isEnabled() and not controls.stop_button.isEnabled()
    assert controls.pause_button.text() == "Pause" and not controls.paused
    assert controls.progress.format() == "Stopped"
    controls.start_button.click()
    assert started == [True]


def test_the_time_left_leaves_the_pause_out(qtbot, state, clock):
    controls = JobControls(state, "base", "base", "Train", lambda: None, "")
    state.sigJobStarted.emit("base")
    clock[0] += 10  # ten seconds of work, a quarter done
    assert controls.time_left(0.25) == pytest.approx(30.0)
    state.sigJobPaused.emit("base", True)
    clock[0] += 600  # ten minutes paused
    assert controls.elapsed() == pytest.approx(10.0)
    state.sigJobPaused.emit("base", False)
    clock[0] += 10
    assert controls.elapsed() == pytest.approx(20.0) and controls.time_left(0.5) == pytest.approx(20.0)
