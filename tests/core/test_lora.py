"""LoRA layers: a fresh adapter changes nothing, merging is exact, and exactly the right weights train."""

import copy

import pytest
import torch
import torch.nn.functional as F
from float_bounds import assert_beyond, assert_layers_agree, assert_within, forward_tolerance

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN, count_parameters
from lora_studio.core.model.param_report import count_trainable, parameter_report
from lora_studio.core.training.loop import TrainData, train

ALL_LAYERS = ("conv1", "conv2", "fc1", "fc2")
VARIANTS = ("lora", "rslora", "dora")


def feature_model(layers=("fc1", "fc2"), rank=8, init="article", seed=0, **settings):
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=1))
    lora.apply_lora(model, LoraConfig(rank=rank, layers=layers, init=init, **settings),
                    torch.Generator().manual_seed(seed))
    lora.train_feature_columns(model)
    return model


def randomise_adapters(model, seed=1):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_A.copy_(torch.randn(layer.lora_A.shape, generator=g) * 0.1)
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=g) * 0.1)


def inputs(n=5, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(n, 1, 28, 28, generator=g), torch.randn(n, 1, generator=g)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("init", ["article", "kaiming"])
def test_a_fresh_adapter_changes_no_output(init, variant):
    torch.manual_seed(0)
    plain = MnistCNN(ModelConfig(feature_dim=1))
    x, extra = inputs()
    before = plain(x, extra)
    adapted = lora.apply_lora(plain, LoraConfig(layers=ALL_LAYERS, init=init, variant=variant))
    # exactly: each layer computes what it did, plus s·B·(A x) = 0 (DoRA: (m/‖W‖ − 1)·W x with m = ‖W‖, also 0)
    assert torch.equal(adapted(x, extra), before)
    for layer in lora.lora_layers(adapted).values():
        assert layer.lora_A.abs().sum() > 0, "A starts random"
        assert torch.count_nonzero(layer.lora_B) == 0, "B starts at zero"


def test_article_init_draws_a_from_n_0_001():
    model = feature_model(rank=64)
    a = model.fc1.lora_A
    assert a.std().item() == pytest.approx(0.01, rel=0.05)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("layers", [("fc1", "fc2"), ALL_LAYERS, ("conv1",), ("conv2", "fc2")])
def test_merged_equals_unmerged_and_unmerge_restores_the_base(layers, variant):
    model = feature_model(layers, variant=variant)
    x, extra = inputs()
    with torch.no_grad():
        base_output = model(x, extra)  # the unadapted base: every B is still zero
    randomise_adapters(model)
    unmerged = model(x, extra)
    tolerance = forward_tolerance(model, x, extra)
    assert_beyond(unmerged, base_output, tolerance, what="the adapters change the outputs")
    merged = copy.deepcopy(model)
    lora.merge(merged)
    # (W + s·B·A) h against W h + s·B·(A h): float32 rounding only (float_bounds.py), layer by layer (a bound tight
    # enough to tell a merged weight 1 % off) and through the network
    assert_layers_agree(model, merged, x, extra, "merged")
    assert_within(merged(x, extra), unmerged, tolerance, "merged against unmerged")
    before = weights.plain_state(model)
    lora.merge(model)
    assert torch.equal(model(x, extra), merged(x, extra))  # the same merge
    lora.unmerge(model)
    assert torch.equal(model(x, extra), unmerged)
    for key, value in weights.plain_state(model).items():
        assert torch.equal(value, before[key]), key


def test_a_merge_that_would_write_nan_is_refused_and_changes_nothing():
    model = feature_model(("fc1", "fc2"))
    randomise_adapters(model)
    with torch.no_grad():
        model.fc2.lora_B[0, 0] = float("inf")
    before = weights.plain_state(model)
    with pytest.raises(ValueError, match="NaN or infinite"):
        lora.merge(model)
    assert not any(layer.merged for layer in lora.lora_layers(model).values())
    for key, value in weights.plain_state(model).items():
        assert torch.equal(value, before[key]), key
    with pytest.raises(ValueError, match="NaN or infinite"):
        weights.merged_state(model)


def test_delta_weight_has_the_base_shape_and_rank_at_most_r():
    model = feature_model(ALL_LAYERS, rank=3)
    randomise_adapters(model)
    for layer in lora.lora_layers(model).values():
        delta = layer.delta_weight()
        assert delta.shape == layer.base_weight().shape
        assert torch.linalg.matrix_rank(delta.flatten(1)).item() <= 3


def test_exactly_the_intended_parameters_receive_gradients():
    model = feature_model()
    x, extra = inputs(16)
    loss = F.cross_entropy(model(x, extra), torch.arange(16) % 10)
    loss.backward()
    assert model.conv1.weight.grad is None and model.conv2.weight.grad is None
    fc1 = model.fc1.base_layer
    assert fc1.bias.grad is None and model.fc2.base_layer.weight.grad is None
    assert fc1.weight.grad is None, "the copied columns are frozen"
    assert torch.count_nonzero(fc1.extra_weight.grad) > 0, "the new feature column trains"
    assert torch.count_nonzero(model.fc1.lora_B.grad) > 0
    assert model.fc1.lora_A.requires_grad and model.fc2.lora_A.requires_grad
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    assert trainable == {"fc1.base_layer.extra_weight", "fc1.lora_A", "fc1.lora_B", "fc2.lora_A", "fc2.lora_B"}


def test_training_leaves_frozen_weights_bit_identical_and_moves_the_rest():
    model = feature_model()
    frozen = weights.plain_state(model)
    lora_before = weights.adapter_state(model)
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (128, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (128,), generator=g), torch.randn(128, 1, generator=g))
    result = train(model, data, None, TrainConfig(epochs=2, batch_size=32, lr=1e-2))
    assert result.status == "finished"
    after, adapters = weights.plain_state(model), weights.adapter_state(model)
    for key, value in frozen.items():
        if key == "fc1.weight":
            assert torch.equal(after[key][:, :784], value[:, :784])
            assert not torch.equal(after[key][:, 784:], value[:, 784:])
        else:
            assert torch.equal(after[key], value), key
    for key, value in lora_before.items():
        assert not torch.equal(adapters[key], value), key


def test_trainable_count_for_fc1_fc2_rank_8_with_brightness_is_7448():
    model = feature_model()
    assert count_trainable(model) == 7448
    assert count_parameters(model) == 59586
    rows = {row.layer: row for row in parameter_report(model)}
    assert rows["fc1"].lora == 8 * 785 + 64 * 8
    assert rows["fc1"].trainable_base == 64  # the brightness column
    assert rows["fc1"].frozen == 64 * 784 + 64
    assert rows["conv1"].trainable == 0 and rows["conv1"].frozen == 80


def test_conv_adapter_follows_peft_shapes():
    model = feature_model(("conv2",), rank=4)
    assert model.conv2.lora_A.shape == (4, 8, 3, 3)  # conv in → r with the base kernel
    assert model.conv2.lora_B.shape == (16, 4, 1, 1)  # 1×1 conv r → out


def test_plain_state_loads_into_the_articles_cnn_and_adapter_state_holds_only_lora():
    model = feature_model()
    x, extra = inputs()
    with torch.no_grad():
        before = model(x, extra)
    randomise_adapters(model)
    plain = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)  # fc1 one (64, 785) nn.Linear: files and PEFT
    plain.load_state_dict(weights.plain_state(model))
    # fc1 sums 785 products in one where the model sums 784 and adds the feature column's: rounding only
    assert_within(plain(x, extra), before, forward_tolerance(plain, x, extra), "the plain CNN")
    assert set(weights.adapter_state(model)) == {"fc1.lora_A", "fc1.lora_B", "fc2.lora_A", "fc2.lora_B"}
    merged = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
    merged.load_state_dict(weights.merged_state(model))
    assert_layers_agree(model, merged, x, extra, "merged weights")
    assert_within(merged(x, extra), model(x, extra), forward_tolerance(model, x, extra), "merged weights")
    lora.merge(model)
    with pytest.raises(RuntimeError):
        weights.plain_state(model)


def test_the_feature_column_trains_also_when_lora_does_not_wrap_fc1():
    model = feature_model(layers=("fc2",))
    assert {"fc1.weight", "fc1.bias"} <= set(weights.plain_state(model)), "files keep the plain CNN's names"
    x, extra = inputs(16)
    F.cross_entropy(model(x, extra), torch.arange(16) % 10).backward()
    assert model.fc1.weight.grad is None and torch.count_nonzero(model.fc1.extra_weight.grad) > 0
    assert count_trainable(model) == 64 + 8 * 64 + 10 * 8
