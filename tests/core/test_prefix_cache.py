"""The frozen-prefix cache: what it finds again and what it must not, what it keeps, and that sharing it
changes no result. Also the model's stage API that the training loop asks instead of knowing the CNN."""

import dataclasses

import numpy as np
import pytest
import torch

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.training.loop import TrainData, train
from lora_studio.core.training.prefix_cache import PrefixCache, first_trainable_stage
from lora_studio.core.workflows import recipes

QUICK = TrainConfig(epochs=2, batch_size=32, lr=3e-3)
CONV_FEATURES = 16 * 7 * 7  # what the convolutions hand the head, per image


@pytest.fixture(scope="module")
def base(tiny_dataset):
    return recipes.train_base(tiny_dataset, QUICK)


def count_prefix_passes(monkeypatch) -> list[int]:
    """The size of every chunk of images run through the frozen prefix alone (what caching it costs)."""
    computed, real = [], MnistCNN.run_stages

    def counting(self, h, start, extra=None, stop=3):
        if start == 0 and stop < 3:
            computed.append(len(h))
        return real(self, h, start, extra, stop)

    monkeypatch.setattr(MnistCNN, "run_stages", counting)
    return computed


def copy_of(model: MnistCNN) -> MnistCNN:
    twin = MnistCNN(model.config)
    twin.load_state_dict(model.state_dict())
    return twin


# --- the model's stages -----------------------------------------------------------------------------------


def test_the_model_names_its_stages_and_where_each_layer_runs():
    model = MnistCNN()
    assert model.stages == ("conv1", "conv2", "head") and model.head_stage == 2
    assert [model.stage_of(name) for name in ("conv1", "conv2", "fc1", "fc2")] == [0, 1, 2, 2]
    with pytest.raises(ValueError, match="'fc3' is not a layer"):
        model.stage_of("fc3")
    assert first_trainable_stage(model) == 0
    lora.apply_lora(model, LoraConfig(layers=("conv2", "fc1")))
    assert first_trainable_stage(model) == 1
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    assert first_trainable_stage(model) == len(model.stages)


# --- hits and misses ----------------------------------------------------------------------------------------


def test_another_model_with_the_same_weights_finds_the_output_and_a_different_one_does_not(base, tiny_dataset,
                                                                                        monkeypatch):
    images = tiny_dataset.test.images
    computed = count_prefix_passes(monkeypatch)
    cache = PrefixCache()
    first = cache.output(base.model, images, 2)
    assert first.shape == (len(images), CONV_FEATURES) and sum(computed) == len(images)
    assert cache.output(copy_of(base.model), images, 2) is first  # same weights, another model object
    assert cache.output(base.model, images, 2) is first
    assert sum(computed) == len(images) and len(cache) == 1

    other = copy_of(base.model)
    with torch.no_grad():
        other.conv2.weight[0, 0, 0, 0] += 1e-3  # one weight of the prefix differs
    assert not torch.equal(cache.output(other, images, 2), first)
    restats = MnistCNN(dataclasses.replace(base.model.config, pixel_mean=0.2))  # same weights, other pixel statistics
    restats.load_state_dict(base.model.state_dict())
    cache.output(restats, images, 2)
    cache.output(base.model, images, 1)  # a shorter prefix: conv1's output
    cache.output(base.model, images[:100], 2)  # other images
    assert sum(computed) == 4 * len(images) + 100 and len(cache) == 5


def test_a_weight_changed_in_place_after_a_lookup_is_a_miss(base, tiny_dataset, monkeypatch):
    """The digest of a model's prefix is computed once, and again only when its tensors change: in place
    (version counter), by assigning `.data`, or by replacing the parameter."""
    images = tiny_dataset.test.images[:64]
    model = copy_of(base.model)
    cache = PrefixCache()
    before = cache.output(model, images, 2)
    computed = count_prefix_passes(monkeypatch)
    with torch.no_grad():
        model.conv1.bias.add_(0.5)
    changed = cache.output(model, images, 2)
    assert sum(computed) == len(images) and not torch.equal(changed, before)
    model.conv1.bias.data = base.model.conv1.bias.detach().clone()  # back to the base's values, new storage
    assert cache.output(model, images, 2) is before
    model.conv1.weight = torch.nn.Parameter(model.conv1.weight.detach() * 2)
    assert not torch.equal(cache.output(model, images, 2), before)
    assert sum(computed) == 2 * len(images)


def test_images_changed_in_place_are_a_miss(base, tiny_dataset):
    images = tiny_dataset.test.images[:64].clone()
    cache = PrefixCache()
    before = cache.output(base.model, images, 2)
    images[0] = 255 - images[0]
    after = cache.output(base.model, images, 2)
    assert not torch.equal(after[0], before[0]) and torch.equal(after[1:], before[1:])


def test_a_conv_adapter_with_another_scale_but_the_same_tensors_is_a_miss(base, tiny_dataset):
    images = tiny_dataset.test.images[:64]
    adapted = []
    for config in (LoraConfig(layers=("conv2",)), LoraConfig(layers=("conv2",), alpha=64.0),
                   LoraConfig(layers=("conv2",), variant="rslora")):  # α/r, another α, α/√r
        model = copy_of(base.model)
        lora.apply_lora(model, config, torch.Generator().manual_seed(0))
        with torch.no_grad():
            model.conv2.lora_B.fill_(0.01)  # a non-zero update, the same tensors in every model
        adapted.append(model)
    cache = PrefixCache()
    outputs = [cache.output(model, images, 2) for model in adapted]
    assert len(cache) == 3
    assert not torch.equal(outputs[0], outputs[1]) and not torch.equal(outputs[0], outputs[2])


def test_clear_and_the_end_of_a_with_block_free_the_outputs(base, tiny_dataset):
    images = tiny_dataset.test.images
    with PrefixCache() as cache:
        cache.output(base.model, images, 2)
        assert len(cache) == 1 and cache.nbytes == len(images) * CONV_FEATURES * 4
    assert len(cache) == 0 and cache.nbytes == 0
    cache.output(base.model, images, 1)
    cache.clear()
    assert len(cache) == 0


def test_keeping_the_test_head_inputs_needs_a_cache(tiny_dataset):
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    with pytest.raises(ValueError, match="needs a cache"):
        train(MnistCNN(), data, data, QUICK, keep_test_head_inputs=True)


# --- what training and evaluation share, and what it costs ------------------------------------------------


def test_lora_runs_of_one_base_share_its_frozen_conv_output_and_train_the_same(base, tiny_dataset, monkeypatch):
    """With one cache the control (and every further seed) reuses the conv output the feature run computed,
    once per split; the trained models are bit for bit those trained without sharing."""
    computed = count_prefix_passes(monkeypatch)
    runs = [("brightness",), (), ("brightness",)]

    def tune_all(cache=None):
        return [recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), features,
                                 dataclasses.replace(QUICK, seed=i), cache=cache) for i, features in enumerate(runs)]

    alone = tune_all()
    chunks_per_run = len(computed) // len(runs)
    computed.clear()
    with PrefixCache() as cache:
        shared = tune_all(cache)
        assert len(cache) == 2  # the training and the test split
    assert len(computed) == chunks_per_run  # the first run's, and no other
    assert len(cache) == 0  # freed with the block
    for a, b in zip(alone, shared, strict=True):
        for (name, x), y in zip(a.model.state_dict().items(), b.model.state_dict().values(), strict=True):
            assert torch.equal(x, y), name
        assert np.array_equal(a.predictions.probabilities, b.predictions.probabilities)

    other = recipes.train_base(tiny_dataset, dataclasses.replace(QUICK, epochs=1, seed=5))
    computed.clear()
    with PrefixCache() as cache:  # another base: its own conv weights, its own output
        recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), (), QUICK, cache=cache)
        recipes.finetune(other.model, other.record, tiny_dataset, LoraConfig(), (), QUICK, cache=cache)
    assert len(computed) == 2 * chunks_per_run


def test_a_base_trained_with_a_cache_leaves_its_test_conv_output_to_the_lora_run(tiny_dataset, monkeypatch):
    """The base's last evaluation goes through the cache when it is given one: the same predictions as
    without, and the LoRA run that follows computes the conv output of the training split only."""
    config = dataclasses.replace(QUICK, epochs=1, seed=7)
    alone = recipes.train_base(tiny_dataset, config)
    with PrefixCache() as cache:
        shared = recipes.train_base(tiny_dataset, config, cache=cache)
        assert len(cache) == 1  # the test split, after the last epoch
        computed = count_prefix_passes(monkeypatch)
        recipes.finetune(shared.model, shared.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK,
                         cache=cache)
    assert np.array_equal(alone.predictions.probabilities, shared.predictions.probabilities)
    assert alone.result.test_loss == shared.result.test_loss
    assert sum(computed) == len(tiny_dataset.train)


@pytest.mark.parametrize("layers", [("fc1", "fc2"), ("conv2", "fc1")])
def test_lora_runs_leave_only_what_the_next_runs_reuse(base, tiny_dataset, layers):
    """A LoRA run's own last evaluation keeps nothing: nothing starts from a LoRA model's stages. Over seeds
    and a control with one cache (as the LoRA tab runs them) the cache holds the frozen stages' output
    over the two splits, whatever the number of runs (LoRA on conv2: conv1's output)."""
    with PrefixCache() as cache:
        for seed, features in enumerate([("brightness",), (), ("brightness",), ()]):
            recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(layers=layers), features,
                             dataclasses.replace(QUICK, epochs=1, seed=seed), cache=cache)
            per_image = CONV_FEATURES if layers[0] == "fc1" else 8 * 14 * 14
            assert len(cache) == 2 and cache.nbytes == (len(tiny_dataset.train) + len(tiny_dataset.test)) \
                * per_image * 4


def test_models_of_one_base_evaluated_together_run_their_convolutions_once(base, tiny_dataset, monkeypatch):
    """The Evaluation tab and `evaluate` predict with one cache: a base and its fc-only LoRA models share one
    pass over the test set's convolutions, and every prediction is what it is alone."""
    tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK)
    conv_tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(layers=("conv2", "fc1")), (),
                                  QUICK)
    test = tiny_dataset.test
    models = [(base.model, None), (tuned.model, recipes.extra_features(tuned.record, test.images)),
              (conv_tuned.model, None)]
    alone = [predict(model, test.images, test.labels, extra) for model, extra in models]
    computed = count_prefix_passes(monkeypatch)
    with PrefixCache() as cache:
        shared = [predict(model, test.images, test.labels, extra, cache) for model, extra in models]
    assert sum(computed) == 2 * len(test)  # the base's convolutions once, the conv-adapted model's its own
    for a, b in zip(alone, shared, strict=True):
        assert np.array_equal(a.probabilities, b.probabilities) and a.loss == b.loss


def test_a_model_transferred_from_the_base_finds_its_output(base, tiny_dataset):
    """What makes the feature run's conv output the control's: both hold copies of the base's convolutions."""
    images = tiny_dataset.test.images
    cache = PrefixCache()
    first = cache.output(base.model, images, 2)
    feature_model = MnistCNN(ModelConfig(feature_dim=1, pixel_mean=base.model.config.pixel_mean,
                                         pixel_std=base.model.config.pixel_std))
    transfer_weights(base.model, feature_model, "random", torch.Generator().manual_seed(0))
    assert cache.output(feature_model, images, 2) is first and len(cache) == 1


def test_a_models_prefix_is_digested_once_while_its_weights_stay(base, tiny_dataset, monkeypatch):
    from lora_studio.core.training import prefix_cache

    digests, real = [], prefix_cache.hashlib.sha256
    monkeypatch.setattr(prefix_cache.hashlib, "sha256", lambda *a: digests.append(1) or real(*a))
    images, model, cache = tiny_dataset.test.images[:32], copy_of(base.model), PrefixCache()
    for _ in range(5):
        cache.output(model, images, 2)
    assert len(digests) == 1
    with torch.no_grad():
        model.conv2.bias.mul_(1.0)  # written in place, even with the same values: digested again
    cache.output(model, images, 2)
    assert len(digests) == 2 and len(cache) == 1


def test_a_model_that_does_not_run_in_stages_is_refused_by_name(tiny_dataset):
    test = tiny_dataset.test
    with pytest.raises(TypeError, match="Sequential does not run in stages"):
        predict(torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10)), test.images, test.labels)
    with pytest.raises(TypeError, match="Linear does not run in stages"):
        train(torch.nn.Linear(784, 10), TrainData(test.images, test.labels), None, QUICK)
