"""Training from the window on tiny generated data: plots fill, models are saved and offered to the LoRA tab."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from lora_studio.core.storage.library import ModelLibrary


def quick_base(window, epochs=1):
    tab = window.base_tab
    tab.epochs.setValue(epochs)
    tab.batch_size.setValue(32)
    tab.learning_rate.setValue(0.003)


def train_base(qtbot, window):
    quick_base(window)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(window.base_tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["base", "finished"], ended.args
    return ended.args


def test_start_trains_fills_plots_and_saves_a_model_offered_to_lora(qtbot, window):
    panel = window.base_tab.panel
    assert panel.pause_button.isEnabled() is False
    kind, status, message = train_base(qtbot, window)
    assert "test accuracy" in message and "saved" in message
    assert panel.loss_plot.points("base") == 600 // 32 + 1  # every step, smoothed
    assert panel.loss_plot.points("base/raw") == 19
    assert panel.accuracy_plot.points("base/train") == 1 and panel.accuracy_plot.points("base/test") == 1
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.progress.value() == panel.progress.maximum()
    assert window.statusBar().currentMessage().startswith("Base training finished")
    entries = ModelLibrary(window.state.models_root).list()
    assert [e.record.kind for e in entries] == ["base"]
    combo = window.lora_tab.base_combo
    assert combo.count() == 1 and combo.currentData() == entries[0].id


def test_pause_resume_and_stop_act_on_the_running_training(qtbot, window):
    panel = window.base_tab.panel
    tab = window.base_tab
    tab.epochs.setValue(100)  # far more than the test lets it run
    tab.batch_size.setValue(8)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert not panel.start_button.isEnabled() and panel.pause_button.isEnabled() and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: panel.loss_plot.points("base") > 20, timeout=30_000)

    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Resume"
    control = window.state.runner.control
    qtbot.waitUntil(lambda: control.held, timeout=30_000)  # the batch under way ended; the loop stands still
    QCoreApplication.processEvents()  # the reports it sent before it stopped
    paused_at = panel.loss_plot.points("base")
    qtbot.wait(500)  # a running training reports dozens of steps in this time
    assert control.held and panel.loss_plot.points("base") == paused_at, "steps went on while paused"
    assert window.state.runner.job is not None

    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: panel.loss_plot.points("base") > paused_at + 10, timeout=30_000)

    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["base", "stopped"]
    assert "nothing was saved" in ended.args[2]
    assert panel.start_button.isEnabled() and not panel.pause_button.isEnabled()
    assert window.statusBar().currentMessage().startswith("Base training stopped")
    assert ModelLibrary(window.state.models_root).list() == []


def test_stop_while_paused_ends_the_job(qtbot, window):
    panel = window.base_tab.panel
    window.base_tab.epochs.setValue(100)
    window.base_tab.batch_size.setValue(8)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.loss_plot.points("base") > 5, timeout=30_000)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert ended.args[1] == "stopped"


def test_a_second_job_is_refused_with_a_message_while_one_runs(qtbot, window):
    train_base(qtbot, window)
    panel = window.base_tab.panel
    window.base_tab.epochs.setValue(100)
    window.base_tab.batch_size.setValue(8)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.lora_tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert window.messages[-1][1] == "Busy" and "Base training is still running" in window.messages[-1][2]
    assert window.state.busy_kind == "base"
    assert window.lora_tab.panel.start_button.isEnabled()  # not its job: it stays clickable, and says why
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000):
        window.state.stop()


def test_lora_training_from_the_window_runs_feature_and_control_on_the_same_plots(qtbot, window):
    train_base(qtbot, window)
    tab = window.lora_tab
    tab.epochs.setValue(1)
    tab.learning_rate.setValue(0.003)
    assert tab.control_check.isChecked() and tab.feature_checks["brightness"].isChecked()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["lora", "finished"], ended.args
    assert "feature+LoRA" in ended.args[2] and "control" in ended.args[2] and "95 % interval" in ended.args[2]
    loss = tab.panel.loss_plot
    assert loss.points("feature_lora:0") == 10 and loss.points("control_lora:0") == 10  # 600 images, batch 64
    assert tab.panel.accuracy_plot.points("control_lora:0/test") == 1
    assert legend(loss) == ["feature+LoRA", "control"]  # beside the feature run, the LoRA run is its control
    kinds = sorted(e.record.kind for e in ModelLibrary(window.state.models_root).list())
    assert kinds == ["base", "feature_lora", "lora"]  # kept as what it is: a LoRA model
    records = {e.record.kind: e.record for e in ModelLibrary(window.state.models_root).list()}
    assert records["feature_lora"].metrics["trainable_params"] == 7448
    assert records["feature_lora"].parent == records["base"].id


def legend(plot) -> list[str]:
    return [label.text for _sample, label in plot._legend.items]


def test_a_plain_lora_run_on_a_task_is_called_lora_everywhere_never_control(qtbot, window):
    """Lesson 3: conv1 on inverted digits, no extra input. No feature run is beside it: the legend, the status
    bar and the model's name say LoRA."""
    train_base(qtbot, window)
    tab = window.lora_tab
    tab.epochs.setValue(1)
    tab.learning_rate.setValue(0.003)
    tab.task_combo.select("inverted")
    for name, check in tab.layer_checks.items():
        check.setChecked(name == "conv1")
    for check in tab.feature_checks.values():
        check.setChecked(False)
    assert tab.control_check.isChecked()  # asked for, but there is no feature run to be the control of
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["lora", "finished"], ended.args
    assert tab.panel.loss_plot.keys() == ["lora:0/raw", "lora:0"] and legend(tab.panel.loss_plot) == ["LoRA"]
    status = window.statusBar().currentMessage()
    assert status.startswith("LoRA fine-tuning finished: target accuracy LoRA ") and "forgetting LoRA " in status
    [record] = [e.record for e in ModelLibrary(window.state.models_root).list() if e.record.kind != "base"]
    assert (record.kind, record.name) == ("lora", "LoRA r=8 conv1 · inverted · seed 0")
    assert "control" not in status and "control" not in " ".join(legend(tab.panel.accuracy_plot))


def test_lora_without_a_base_model_says_what_to_do(qtbot, window):
    qtbot.mouseClick(window.lora_tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert window.messages[-1][1] == "No base model"
    assert window.state.runner.job is None


def test_closing_during_training_stops_and_joins_the_worker_without_a_partial_model(qtbot, make_window, tiny_data):
    window = make_window()
    asked = []
    window.confirm_close = lambda title: asked.append(title) or True
    window.base_tab.epochs.setValue(100)
    window.base_tab.batch_size.setValue(8)
    qtbot.mouseClick(window.base_tab.panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.base_tab.panel.loss_plot.points("base") > 5, timeout=30_000)
    thread = window.state.runner._thread
    assert window.close()
    assert asked == ["Base training"]
    assert not thread.isRunning()
    models = window.state.models_root
    assert not models.exists() or list(models.iterdir()) == []


def test_closing_can_be_cancelled_and_training_goes_on(qtbot, make_window, tiny_data, wait_idle):
    window = make_window()
    window.confirm_close = lambda title: False
    window.base_tab.epochs.setValue(100)
    window.base_tab.batch_size.setValue(8)
    qtbot.mouseClick(window.base_tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert not window.close()
    assert window.isVisible() and window.state.runner.job is not None
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000):
        window.state.stop()
    wait_idle(window)


def test_a_newly_trained_base_model_becomes_the_lora_starting_point(qtbot, window):
    train_base(qtbot, window)
    first = window.lora_tab.base_combo.currentData()
    window.base_tab.seed.setValue(1)
    train_base(qtbot, window)
    combo = window.lora_tab.base_combo
    assert combo.count() == 2 and combo.currentData() != first
    assert "seed 1" in combo.currentText()


def test_a_diverging_run_says_why_and_saves_nothing(qtbot, window, monkeypatch):
    from types import SimpleNamespace

    from lora_studio.core.workflows import recipes

    message = "the loss became nan at epoch 1, step 3: training diverged (learning rate 100 is probably too high)"
    monkeypatch.setattr(recipes, "train_base", lambda *a, **k: SimpleNamespace(
        result=SimpleNamespace(status="diverged", message=message)))
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        window.base_tab.start()
    assert ended.args[:2] == ["base", "diverged"], ended.args
    assert window.messages[-1][1] == "Base training diverged" and "learning rate" in window.messages[-1][2]
    assert window.statusBar().currentMessage().startswith("Base training diverged: the loss became nan")
    assert ModelLibrary(window.state.models_root).list() == []


def test_without_a_display_the_app_says_so_instead_of_aborting(monkeypatch, capsys):
    from lora_studio.gui import app

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.run() == 2
    assert "no display" in capsys.readouterr().err


CLOSE_MID_TRAINING = """
from PySide6.QtCore import QTimer
from lora_studio.gui.app import application
from lora_studio.gui.app import build_main_window
app = application()
window = build_main_window()
window.confirm_close = lambda title: True
window.show()
window.base_tab.epochs.setValue(100)
window.base_tab.batch_size.setValue(8)
steps = []
def on_steps(kind, key, xs, ys, progress):
    steps.append(len(xs))
    if len(steps) == 3:
        QTimer.singleShot(0, window.close)  # the user closes the window mid-training
window.state.sigSteps.connect(on_steps)
# the data set loads by itself once PyTorch is ready; then the user starts training
window.state.sigJobEnded.connect(lambda kind, status, message: kind == "dataset" and window.base_tab.start())
code = app.exec()
print("exit", code, "steps", len(steps))
"""


@pytest.mark.slow
def test_closing_the_app_mid_training_ends_the_process_cleanly(tiny_data, tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", CLOSE_MID_TRAINING], capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("steps 3"), done.stdout
    assert "Destroyed while thread" not in done.stderr and "Traceback" not in done.stderr, done.stderr[-3000:]
    models = tiny_data / "models"
    assert not models.exists() or list(models.iterdir()) == []


def test_the_lora_tab_makes_the_experiments_models_bit_for_bit(qtbot, window):
    """The window's fine-tuning and `run_experiment` are one workflow: from the experiment's base, the LoRA tab's
    feature run and control (seed 0) are the experiment's, weight for weight."""
    import dataclasses

    import torch

    from lora_studio.core.config import DataConfig, TrainConfig
    from lora_studio.core.workflows.experiment import run_experiment
    from lora_studio.core.workflows.plans import ExperimentConfig
    from lora_studio.gui.lora.tab import BATCH_SIZE

    library = ModelLibrary(window.state.models_root)
    config = ExperimentConfig(data=DataConfig(limit=300), base=TrainConfig(epochs=1, batch_size=32, lr=3e-3),
                              lora_train=TrainConfig(epochs=1, batch_size=BATCH_SIZE, lr=2e-3))
    result = run_experiment(config, window.state.data_root, library)
    window.state.refresh_models()
    tab = window.lora_tab
    assert tab.base_combo.currentData() == result["base"]["model_ids"][0]
    tab.epochs.setValue(1)
    tab.learning_rate.setValue(0.002)
    tab.subset.setValue(300)
    assert tab.plan() == dataclasses.replace(tab.plan(), lora=config.lora, features=config.features, seeds=(0,),
                                             train=config.lora_train)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        tab.start()
    assert ended.args[:2] == ["lora", "finished"], ended.args
    made = {e.record.phase: e.id for e in library.list() if e.id not in  # the run each was: its control too
            {i for phase in ("base", "feature_lora", "control_lora") for i in result[phase]["model_ids"]}}
    assert sorted(made) == ["control_lora", "feature_lora"]
    for phase, model_id in made.items():
        ours = library.load(model_id)[0].state_dict()
        theirs = library.load(result[phase]["model_ids"][0])[0].state_dict()
        assert list(ours) == list(theirs) and all(torch.equal(ours[k], theirs[k]) for k in ours), phase
