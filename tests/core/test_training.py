"""The training loop: a diverging loss, stop and pause within one batch, the learning-rate schedule."""

import dataclasses
import math

import pytest
import torch

from lora_studio.core.config import TrainConfig
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.training.loop import Callbacks, TrainControl, TrainData, train
from lora_studio.core.training.schedule import learning_rate


def test_nan_loss_stops_with_a_message_and_keeps_the_last_good_weights(tiny_dataset):
    torch.manual_seed(0)
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    seen = []

    def poison(info):
        seen.append(info.step)
        if info.step == 3:
            with torch.no_grad():
                model.fc2.bias[0] = float("nan")  # the next forward pass gives NaN

    snapshot = {}

    def remember(info):
        if info.step == 2:
            snapshot.update({k: v.clone() for k, v in model.state_dict().items()})

    result = train(model, data, None, TrainConfig(epochs=1, batch_size=32),
                   Callbacks(on_step=lambda i: (remember(i), poison(i))))
    assert result.status == "diverged"
    assert "nan" in result.message.lower() and "last good step" in result.message
    assert all(torch.isfinite(p).all() for p in model.parameters())
    # the kept weights are those after step 3's update, before the poisoned forward of step 4
    assert result.steps == 4


@pytest.mark.slow
def test_a_huge_learning_rate_diverges_cleanly(tiny_dataset):
    torch.manual_seed(0)
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    result = train(model, data, None, TrainConfig(epochs=5, batch_size=16, lr=100.0, lr_schedule="constant"))
    if result.status == "diverged":
        assert all(torch.isfinite(p).all() for p in model.parameters())
        assert "learning rate 100" in result.message
    else:  # whatever happens, the weights stay finite
        assert all(torch.isfinite(p).all() for p in model.parameters())


def test_stop_and_pause_act_within_one_batch(tiny_dataset):
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    control = TrainControl()
    steps = []

    def on_step(info):
        steps.append(info.step)
        if info.step == 4:
            control.request_stop()

    result = train(model, data, None, TrainConfig(epochs=3, batch_size=16), Callbacks(on_step=on_step), control)
    assert result.status == "stopped" and steps == [0, 1, 2, 3, 4]

    import threading

    control, steps, done = TrainControl(), [], []

    def pause_after_step_2(info):
        steps.append(info.step)
        if info.step == 2:
            control.pause()

    thread = threading.Thread(target=lambda: done.append(train(
        MnistCNN(), data, None, TrainConfig(epochs=1, batch_size=16), Callbacks(on_step=pause_after_step_2),
        control)))
    thread.start()
    assert control.wait_until_held(timeout=30), "the paused training never stood still"
    assert steps == [0, 1, 2] and not done, "a paused training does not start its next batch"
    control.resume()
    thread.join(timeout=30)
    assert done and done[0].status == "finished" and steps == list(range(math.ceil(len(data) / 16)))
    assert not control.held


def test_learning_rate_schedules():
    anneal = TrainConfig(lr=1e-3)
    assert learning_rate(anneal, 0, 300) == 1e-3 and learning_rate(anneal, 199, 300) == 1e-3
    assert learning_rate(anneal, 250, 300) == pytest.approx(0.5e-3)
    assert learning_rate(anneal, 299, 300) == pytest.approx(1e-3 / 100)
    cosine = dataclasses.replace(anneal, lr_schedule="cosine")
    assert learning_rate(cosine, 150, 300) == pytest.approx(0.5e-3)
    assert learning_rate(dataclasses.replace(anneal, lr_schedule="constant"), 299, 300) == 1e-3
