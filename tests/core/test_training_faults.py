"""Training faults: any learning rate, infinite losses, and stop/pause/resume at random points.

The properties:
- whatever the learning rate in its range, training ends "finished" or "diverged", and the
  weights are finite; "diverged" explains itself and keeps the weights of the last good step;
- an infinite loss (an input that overflows) stops training at that step with the weights of
  the step before, bit for bit;
- stop, pause and resume from another thread at random moments end "finished" or "stopped",
  never hang, and leave a model whose every tensor is finite and that saves and loads to the
  same answers; the command line (and the app) save only "finished" models, so a stopped or
  diverged run leaves nothing in the library;
- an experiment stopped at a random step leaves only complete, loadable models.
"""

import random
import threading

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lora_studio.cli import common
from lora_studio.core.config import DataConfig, LoraConfig, TrainConfig
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.data.pixels import to_input
from lora_studio.core.errors import Cancelled, DataError
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import Callbacks, TrainControl, TrainData, train
from lora_studio.core.workflows import recipes, runs
from lora_studio.core.workflows.experiment import run_experiment
from lora_studio.core.workflows.plans import ExperimentConfig
from lora_studio.core.workflows.runs import Listener

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
RUNS = 100 if THOROUGH else 8  # each case trains a small CNN for a few hundred steps at most
TRAINING = settings(max_examples=RUNS, deadline=None, suppress_health_check=list(HealthCheck))


def small(dataset: Dataset, n: int = 200) -> Dataset:
    return Dataset(dataset.info, dataset.train.first(n), dataset.test)


class Quiet:
    """A fixture value whose repr does not flood hypothesis's report of a failing case with tensors."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"<{type(self.value).__name__}>"


@pytest.fixture(scope="module")
def tiny(tiny_dataset) -> Quiet:
    return Quiet(tiny_dataset)


def finite(model) -> bool:
    return all(torch.isfinite(t).all() for t in model.state_dict().values())


@TRAINING
@given(lr=st.floats(1e-6, 100.0), batch_size=st.sampled_from([4, 7, 32, 100]), epochs=st.integers(1, 2),
       schedule=st.sampled_from(["anneal", "cosine", "constant"]), seed=st.integers(0, 2**31 - 1))
def test_any_learning_rate_ends_finished_or_diverged_with_finite_weights(lr, batch_size, epochs, schedule, seed,
                                                                         tiny):
    tiny_dataset = tiny.value
    data = TrainData(tiny_dataset.train.images[:100], tiny_dataset.train.labels[:100])
    torch.manual_seed(seed)
    model = MnistCNN()
    result = train(model, data, None, TrainConfig(epochs=epochs, batch_size=batch_size, lr=lr, seed=seed,
                                                  lr_schedule=schedule))
    assert result.status in ("finished", "diverged")
    assert finite(model), f"{result.status} with non-finite weights"
    if result.status == "diverged":
        assert "diverged" in result.message and "last good step" in result.message and f"{lr:g}" in result.message
    else:
        assert len(result.train_accuracy) == epochs


@TRAINING
@given(poisoned=st.integers(0, 63), value=st.sampled_from([float("inf"), float("-inf"), float("nan")]),
       batch_size=st.sampled_from([1, 8, 32]), epochs=st.integers(1, 2), seed=st.integers(0, 1000))
def test_an_infinite_loss_keeps_the_weights_that_gave_the_last_finite_loss(poisoned, value, batch_size, epochs,
                                                                           seed, tiny):
    """One training image has an extra feature that overflows: the step that meets it is the end.

    Kept: the weights the last finite loss was computed with, i.e. those before the last update
    (the update after them is dropped: its weights gave the first non-finite loss).
    """
    from lora_studio.core.config import ModelConfig

    images, labels = tiny.value.train.images[:64], tiny.value.train.labels[:64]
    extra = torch.zeros(64, 1)
    extra[poisoned] = value
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=1))
    snapshots = [{k: v.clone() for k, v in model.state_dict().items()}]  # before each step's update

    def remember(info):
        snapshots.append({k: v.clone() for k, v in model.state_dict().items()})

    result = train(model, TrainData(images, labels, extra), None,
                   TrainConfig(epochs=epochs, batch_size=batch_size, seed=seed), Callbacks(on_step=remember))
    assert result.status == "diverged", "the poisoned image is in every epoch: training cannot finish"
    assert "last good step" in result.message and finite(model)
    assert result.steps == len(snapshots) - 1
    kept = snapshots[max(len(snapshots) - 2, 0)]
    for key, tensor in model.state_dict().items():
        assert torch.equal(tensor, kept[key]), f"{key} is not the last good step's"


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_weights_made_non_finite_by_the_very_last_update_are_diverged_not_finished(value, tiny, monkeypatch):
    """Each loss is checked before its update, so the last update of all had no loss after it to catch a NaN:
    the run "finished" with NaN weights (which the library then refused to save). It is now "diverged" and
    keeps the weights before that update."""
    from lora_studio.core.training import loop as training

    images, labels = tiny.value.train.images[:40], tiny.value.train.labels[:40]
    steps = {"done": 0}

    class LastStepOverflows(training.Adam):
        def step(self):
            super().step()
            steps["done"] += 1
            if steps["done"] == 4:  # 40 images, batch 10, 1 epoch: the last step
                with torch.no_grad():
                    self.params[0].view(-1)[0] = value

    monkeypatch.setattr(training, "Adam", LastStepOverflows)
    torch.manual_seed(0)
    model = MnistCNN()
    before_last = {}
    result = train(model, TrainData(images, labels), None, TrainConfig(epochs=1, batch_size=10),
                   Callbacks(on_step=lambda info: info.step == 2 and before_last.update(
                       {k: v.clone() for k, v in model.state_dict().items()})))
    assert result.status == "diverged" and result.steps == 4, result
    assert "last step" in result.message and "last good step" in result.message, result.message
    assert finite(model)
    for key, tensor in model.state_dict().items():
        assert torch.equal(tensor, before_last[key]), f"{key} is not the weights before the last update"


@pytest.fixture(scope="module")
def base_outcome(tiny_dataset):
    return Quiet(recipes.train_base(small(tiny_dataset), TrainConfig(epochs=1, batch_size=50, lr=3e-3)))


@TRAINING
@given(actions=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["pause", "stop", "nothing"]),
                                  st.floats(0, 0.02)), max_size=4),
       lora_run=st.booleans(), seed=st.integers(0, 1000))
def test_stop_pause_resume_at_random_points(actions, lora_run, seed, tiny, base_outcome, tmp_path_factory):
    """Pause at step k (resumed by another thread after a random delay) or stop there; check what is left."""
    tiny_dataset, base_outcome = tiny.value, base_outcome.value
    control = TrainControl()
    plan = dict((step, (what, delay)) for step, what, delay in actions)
    resumers = []

    def on_step(info):
        step = info.epoch * info.steps_per_epoch + info.step
        what, delay = plan.get(step, ("nothing", 0))
        if what == "pause":
            control.pause()
            resumer = threading.Timer(delay, control.resume)
            resumers.append(resumer)
            resumer.start()
        elif what == "stop":
            if random.Random(seed + step).random() < 0.5:  # sometimes stop while paused
                control.pause()
                threading.Timer(delay, control.request_stop).start()
            else:
                control.request_stop()

    dataset = small(tiny_dataset)
    config = TrainConfig(epochs=2, batch_size=20, lr=3e-3, seed=seed)
    if lora_run:
        outcome = recipes.finetune(base_outcome.model, base_outcome.record, dataset, LoraConfig(rank=2),
                                   ("brightness",), config, Callbacks(on_step=on_step), control)
    else:
        outcome = recipes.train_base(dataset, config, Callbacks(on_step=on_step), control)
    for resumer in resumers:
        resumer.join()
    stopped_at = min((s for s, (w, _) in plan.items() if w == "stop"), default=None)
    assert outcome.result.status == ("stopped" if stopped_at is not None and stopped_at < 19 else "finished")
    assert finite(outcome.model)
    assert outcome.record.metrics["status"] == outcome.result.status
    library = ModelLibrary(tmp_path_factory.mktemp("stops") / "models")
    if outcome.result.status == "finished":
        model_id = library.save(outcome.model, outcome.record)
    else:
        assert outcome.predictions is None
        with pytest.raises(DataError, match="stopped by the user"):
            common.saved_id(runs.Run("base", seed, outcome))  # what train-base and finetune do: nothing saved
        assert library.list() == []
        model_id = library.save(outcome.model, outcome.record)  # and if someone did keep it: consistent
    loaded, record = library.load(model_id)
    images = tiny_dataset.test.images[:32]
    extra = record.features.transform(images) if record.features else None
    outcome.model.eval()
    with torch.no_grad():  # rebuilt as it was trained (the same layers, layouts and weights): the same floats
        again, before = loaded(to_input(images), extra), outcome.model(to_input(images), extra)
    assert torch.equal(again, before)


@settings(max_examples=max(RUNS // 3, 5), deadline=None, suppress_health_check=list(HealthCheck))
@given(stop_after=st.integers(0, 60))
def test_an_experiment_stopped_anywhere_leaves_only_complete_models(stop_after, tiny, tmp_path_factory):
    tiny_dataset = tiny.value
    control, steps = TrainControl(), [0]

    class Counting(Listener):
        def step(self, phase, info):
            steps[0] += 1
            if steps[0] > stop_after:
                control.request_stop()

    library = ModelLibrary(tmp_path_factory.mktemp("experiment") / "models")
    config = ExperimentConfig(data=DataConfig(limit=100), base=TrainConfig(epochs=1, batch_size=10),
                              lora_train=TrainConfig(epochs=1, batch_size=10), lora=LoraConfig(rank=2))
    dataset = small(tiny_dataset, 100)
    try:
        run_experiment(config, None, library, Counting(), control, dataset=dataset)
        finished = True
    except Cancelled:
        finished = False
    entries = library.list()
    # three phases of 10 steps; the stop is asked for after step stop_after + 1 and acts before the next one
    completed = min((stop_after + 1) // 10, 3)
    assert finished == (completed == 3)
    assert len(entries) == completed
    for entry in entries:
        model, record = library.load(entry.id)
        assert record.metrics["status"] == "finished" and finite(model)

