"""One short run on the real MNIST (../shared/datasets), with a sane accuracy bar."""

import pytest

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data import datasets as data
from lora_studio.core.workflows import recipes

pytestmark = pytest.mark.real_data


@pytest.mark.slow
def test_a_short_run_on_real_mnist_learns(real_root):
    full = data.load_dataset(real_root, "mnist")
    assert (len(full.train), len(full.test)) == (60_000, 10_000)
    assert full.train.images.shape[1:] == (28, 28)
    dataset = data.Dataset(full.info, full.train.first(20_000), full.test)

    base = recipes.train_base(dataset, TrainConfig(epochs=2))
    assert base.predictions.accuracy > 0.96
    # the pixel statistics are fitted on the subset and close to MNIST's well-known ones
    assert base.record.model.pixel_mean == pytest.approx(0.1307, abs=0.01)

    tuned = recipes.finetune(base.model, base.record, dataset, LoraConfig(), ("brightness",), TrainConfig(epochs=1))
    assert tuned.trainable_params == 7448
    assert tuned.predictions.accuracy >= base.predictions.accuracy - 0.005


@pytest.mark.slow
def test_an_adapter_on_conv1_repairs_inverted_digits(real_root):
    """Issue 12's motivating case: inverted colours defeat the base, and one epoch of LoRA on conv1 alone, a
    tiny adapter, undoes most of it."""
    from lora_studio.core.workflows import runs
    from lora_studio.core.workflows.plans import FinetunePlan

    dataset = data.load_dataset(real_root, "mnist")
    few = data.Dataset(dataset.info, dataset.train.first(20_000), dataset.test)
    base = recipes.train_base(few, TrainConfig(epochs=1))
    # the whole training split for the adapter: a third of it, one epoch, left it far short of the repair
    plan = FinetunePlan("", LoraConfig(layers=("conv1",)), (), False, (0,), TrainConfig(epochs=1), task="inverted")
    [run] = runs.finetune_runs(base.model, base.record, dataset, plan).runs
    m = run.outcome.record.metrics
    assert m["trainable_params"] == 136
    assert m["base_target_accuracy"] < 0.5
    assert m["target_accuracy"] > m["base_target_accuracy"] + 0.5 and m["target_accuracy"] > 0.75
