"""Training faults from the window: a loss that becomes infinite, and a learning rate so large that the loss
explodes without ever becoming NaN. Each is explained in a dialog; nothing half is saved; the app goes on.

The core's side (status "diverged", the last good weights kept) is tested in tests/core/test_training_faults.py;
here the fault goes through the whole window: the LoRA tab, the job in the worker thread, the dialog.
"""

import math

import pytest
import torch
from PySide6.QtWidgets import QMessageBox
from qt_timeouts import JOB_MS

from lora_studio.core.data import features
from lora_studio.core.storage.library import ModelLibrary

pytestmark = pytest.mark.fuzz


def run_job(qtbot, window, start) -> list:
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        start()
    return ended.args


def one_dialog(window) -> tuple[str, str]:
    [box] = [box for box in window.findChildren(QMessageBox, "messageBox") if box.isVisible()]
    title, text = box.windowTitle(), box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    return title, text


def quick(window, lr=0.003):
    window.base_tab.epochs.setValue(1)
    window.base_tab.batch_size.setValue(32)
    window.base_tab.learning_rate.setValue(lr)
    window.lora_tab.epochs.setValue(1)
    window.lora_tab.learning_rate.setValue(lr)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_a_non_finite_loss_in_a_lora_run_is_explained_and_nothing_half_is_saved(value, qtbot, window, monkeypatch):
    """One training image's extra feature overflows (as in the core's test), so the loss of the step meeting it
    is not finite: the run stops "diverged" with the reason in a dialog; the library keeps only what it had."""
    quick(window)
    assert run_job(qtbot, window, window.base_tab.start)[:2] == ["base", "finished"]
    library = ModelLibrary(window.state.models_root)
    before = {e.id for e in library.list()}
    real_standardise = features.FeatureScaler.standardise

    def overflowing(self, raw):
        values = real_standardise(self, raw)
        if len(raw) == len(window.state.dataset.train_labels):  # the training split, not the test split
            values[7] = value
        return values

    monkeypatch.setattr(features.FeatureScaler, "standardise", overflowing)
    kind, status, message = run_job(qtbot, window, window.lora_tab.start)
    assert (kind, status) == ("lora", "diverged"), message
    title, text = one_dialog(window)
    assert title == "LoRA fine-tuning diverged"
    assert text.startswith("The loss became ") and "learning rate" in text and "last good step" in text, text
    assert text.endswith(". Nothing was saved.") and ".;" not in text, text
    assert window.statusBar().currentMessage().startswith("LoRA fine-tuning diverged")
    assert {e.id for e in library.list()} == before
    panel = window.lora_tab.panel
    assert panel.progress.format() == "Diverged" and panel.start_button.isEnabled()

    monkeypatch.undo()  # the app goes on: the same run now finishes and saves its models
    assert run_job(qtbot, window, window.lora_tab.start)[:2] == ["lora", "finished"]
    assert len(library.list()) == len(before) + 2


@pytest.mark.parametrize("kind", ["base", "lora"])
def test_a_learning_rate_so_large_that_nothing_is_learned_is_explained(kind, qtbot, window):
    """With Adam, a learning rate of 100 keeps every weight finite: the loss never becomes NaN, the run
    "finished", and the window said "test accuracy 12 %, saved" as if all were well. It now explains."""
    quick(window)
    if kind == "lora":
        assert run_job(qtbot, window, window.base_tab.start)[:2] == ["base", "finished"]
    quick(window, lr=100.0)
    window.base_tab.batch_size.setValue(64)
    tab = window.base_tab if kind == "base" else window.lora_tab
    count = len(window.messages)
    job, status, message = run_job(qtbot, window, tab.start)
    assert (job, status) == (kind, "finished"), message
    title, text = one_dialog(window)
    assert title == ("Base training" if kind == "base" else "LoRA fine-tuning") + " learned nothing"
    assert "learning rate 100 is probably too high" in text and "0.001" in text, text
    assert len(window.messages) == count + 1
    for entry in ModelLibrary(window.state.models_root).list():  # what was saved is complete and finite
        model, _ = ModelLibrary(window.state.models_root).load(entry.id)
        assert all(torch.isfinite(p).all() for p in model.parameters())

    quick(window)  # a sensible learning rate: no such dialog
    assert run_job(qtbot, window, tab.start)[:2] == [kind, "finished"]
    assert len(window.messages) == count + 1
