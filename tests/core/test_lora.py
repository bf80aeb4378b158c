"""LoRA layers: a fresh adapter changes nothing, merging is exact, and exactly the right weights train."""

import pytest
import torch
import torch.nn.functional as F

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN, count_parameters
from lora_studio.core.training.loop import TrainData, train

ALL_LAYERS = ("conv1", "conv2", "fc1", "fc2")


def feature_model(layers=("fc1", "fc2"), rank=8, init="article", seed=0):
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=1))
    lora.apply_lora(model, LoraConfig(rank=rank, layers=layers, init=init), torch.Generator().manual_seed(seed))
    lora.train_new_columns(model, "fc1", 784)
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


@pytest.mark.parametrize("init", ["article", "kaiming"])
def test_a_fresh_adapter_changes_no_output(init):
    torch.manual_seed(0)
    plain = MnistCNN(ModelConfig(feature_dim=1))
    x, extra = inputs()
    before = plain(x, extra)
    adapted = lora.apply_lora(plain, LoraConfig(layers=ALL_LAYERS, init=init))
    assert torch.equal(adapted(x, extra), before)
    for layer in lora.lora_layers(adapted).values():
        assert layer.lora_A.abs().sum() > 0, "A starts random"
        assert torch.count_nonzero(layer.lora_B) == 0, "B starts at zero"


def test_article_init_draws_a_from_n_0_001():
    model = feature_model(rank=64)
    a = model.fc1.lora_A
    assert a.std().item() == pytest.approx(0.01, rel=0.05)


@pytest.mark.parametrize("layers", [("fc1", "fc2"), ALL_LAYERS, ("conv1",), ("conv2", "fc2")])
def test_merged_equals_unmerged_and_unmerge_restores_the_base(layers):
    model = feature_model(layers)
    randomise_adapters(model)
    x, extra = inputs()
    unmerged = model(x, extra)
    weights = {name: layer.weight.detach().clone() for name, layer in lora.lora_layers(model).items()}
    lora.merge(model)
    assert torch.allclose(model(x, extra), unmerged, atol=1e-5)
    assert not torch.allclose(model(x, extra), MnistCNN(ModelConfig(feature_dim=1))(x, extra))
    lora.unmerge(model)
    assert torch.allclose(model(x, extra), unmerged, atol=1e-6)
    for name, layer in lora.lora_layers(model).items():
        assert torch.allclose(layer.weight, weights[name], atol=1e-6)


def test_delta_weight_has_the_base_shape_and_rank_at_most_r():
    model = feature_model(ALL_LAYERS, rank=3)
    randomise_adapters(model)
    for layer in lora.lora_layers(model).values():
        delta = layer.delta_weight()
        assert delta.shape == layer.weight.shape
        assert torch.linalg.matrix_rank(delta.flatten(1)).item() <= 3


def test_exactly_the_intended_parameters_receive_gradients():
    model = feature_model()
    x, extra = inputs(16)
    loss = F.cross_entropy(model(x, extra), torch.arange(16) % 10)
    loss.backward()
    assert model.conv1.weight.grad is None and model.conv2.weight.grad is None
    assert model.fc1.bias.grad is None and model.fc2.weight.grad is None
    grad = model.fc1.weight.grad
    assert torch.count_nonzero(grad[:, :784]) == 0, "the copied columns are frozen"
    assert torch.count_nonzero(grad[:, 784:]) > 0, "the new feature column trains"
    assert torch.count_nonzero(model.fc1.lora_B.grad) > 0
    assert model.fc1.lora_A.requires_grad and model.fc2.lora_A.requires_grad
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    assert trainable == {"fc1.weight", "fc1.lora_A", "fc1.lora_B", "fc2.lora_A", "fc2.lora_B"}


def test_training_leaves_frozen_weights_bit_identical_and_moves_the_rest():
    model = feature_model()
    frozen = {k: v.clone() for k, v in model.state_dict().items() if "lora" not in k}
    lora_before = lora.adapter_state(model)
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (128, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (128,), generator=g), torch.randn(128, 1, generator=g))
    result = train(model, data, None, TrainConfig(epochs=2, batch_size=32, lr=1e-2))
    assert result.status == "finished"
    after = model.state_dict()
    for key, value in frozen.items():
        if key == "fc1.weight":
            assert torch.equal(after[key][:, :784], value[:, :784])
            assert not torch.equal(after[key][:, 784:], value[:, 784:])
        else:
            assert torch.equal(after[key], value), key
    for key, value in lora_before.items():
        assert not torch.equal(after[key], value), key


def test_trainable_count_for_fc1_fc2_rank_8_with_brightness_is_7448():
    model = feature_model()
    assert lora.count_trainable(model) == 7448
    assert count_parameters(model) == 59586
    rows = {row.layer: row for row in lora.parameter_report(model)}
    assert rows["fc1"].lora == 8 * 785 + 64 * 8
    assert rows["fc1"].trainable_base == 64  # the brightness column
    assert rows["fc1"].frozen == 64 * 784 + 64
    assert rows["conv1"].trainable == 0 and rows["conv1"].frozen == 80


def test_conv_adapter_follows_peft_shapes():
    model = feature_model(("conv2",), rank=4)
    assert model.conv2.lora_A.shape == (4, 8, 3, 3)  # conv in → r with the base kernel
    assert model.conv2.lora_B.shape == (16, 4, 1, 1)  # 1×1 conv r → out


def test_base_state_loads_into_a_plain_model_and_adapter_state_holds_only_lora():
    model = feature_model()
    randomise_adapters(model)
    plain = MnistCNN(ModelConfig(feature_dim=1))
    plain.load_state_dict(lora.base_state(model))
    assert set(lora.adapter_state(model)) == {"fc1.lora_A", "fc1.lora_B", "fc2.lora_A", "fc2.lora_B"}
    lora.merge(model)
    with pytest.raises(RuntimeError):
        lora.base_state(model)


def test_the_feature_column_trains_also_when_lora_does_not_wrap_fc1():
    model = feature_model(layers=("fc2",))
    state_keys = set(model.state_dict())
    assert {"fc1.weight", "fc1.bias"} <= state_keys, "the state dict keeps the plain CNN's names"
    x, extra = inputs(16)
    F.cross_entropy(model(x, extra), torch.arange(16) % 10).backward()
    grad = model.fc1.weight.grad
    assert torch.count_nonzero(grad[:, :784]) == 0 and torch.count_nonzero(grad[:, 784:]) > 0
    assert lora.count_trainable(model) == 64 + 8 * 64 + 10 * 8
