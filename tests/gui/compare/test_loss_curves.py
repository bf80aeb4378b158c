"""The Compare tab's loss curves are smoothed as the training plots smooth them: one moving average
(gui/shared/plots.py `smoothed`), also when the training plot gets its steps in several batches."""

import numpy as np
import pytest

from lora_studio.gui.compare.plots import RunLossPlot
from lora_studio.gui.shared.plots import SMOOTHING, LossPlot, smoothed


def test_the_moving_average_by_hand_and_carried_on():
    losses = [2.0, 1.0, 1.0, 0.5]
    expected, value = [], losses[0]
    for loss in losses:
        value = SMOOTHING * value + (1 - SMOOTHING) * loss
        expected.append(value)
    assert smoothed(losses) == pytest.approx(expected)
    assert np.concatenate([smoothed(losses[:2]), smoothed(losses[2:], smoothed(losses[:2])[-1])]) == \
        pytest.approx(expected)
    assert len(smoothed([])) == 0


def test_a_sweeps_loss_curve_is_the_training_plots_curve(qtbot):
    losses = list(np.random.default_rng(0).uniform(0.1, 2.5, size=40))
    training = LossPlot()
    qtbot.addWidget(training)
    for start in range(0, 40, 7):  # the training plot hears its steps in batches
        chunk = losses[start:start + 7]
        training.add_steps("run", np.arange(start + 1, start + len(chunk) + 1), np.asarray(chunk), "#000000", None)
    sweep = RunLossPlot()
    qtbot.addWidget(sweep)
    sweep.set_runs([("run", "lora", losses)])
    _, drawn = sweep._curves[0].getData()
    trained = training._buffers["run"].y
    # one recurrence on the same float64 values, the batches' carried exactly: the same floats
    assert len(trained) == 40 and np.array_equal(drawn, trained)
