"""Our LoRA layers compute what PEFT's compute, and an adapter we save loads into PEFT."""

import copy

import pytest
import torch
from float_bounds import assert_beyond, assert_layers_agree, assert_within, forward_tolerance, matmul_tolerance

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord

peft = pytest.importorskip("peft")

LAYERS = ("conv1", "conv2", "fc1", "fc2")


def ours_and_peft(layers, rank=4, alpha=8.0, variant="lora"):
    """Our model with trained-looking adapters, and PEFT's LoRA on the article's CNN (fc1 one nn.Linear, as
    PEFT needs it) holding the same weights, loaded from our PEFT-layout tensors."""
    torch.manual_seed(0)
    plain = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
    ours = MnistCNN(ModelConfig(feature_dim=1))
    weights.load_plain_state(ours, plain.state_dict())
    lora.apply_lora(ours, LoraConfig(rank=rank, alpha=alpha, layers=layers, variant=variant))
    g = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for layer in lora.lora_layers(ours).values():
            layer.lora_A.copy_(torch.randn(layer.lora_A.shape, generator=g) * 0.1)
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=g) * 0.1)
            if variant == "dora":  # a trained magnitude, not the one it started from
                layer.lora_magnitude_vector.mul_(1 + 0.2 * torch.rand(layer.lora_magnitude_vector.shape, generator=g))
    theirs = peft.get_peft_model(copy.deepcopy(plain), peft.LoraConfig(
        r=rank, lora_alpha=alpha, target_modules=list(layers), use_rslora=variant == "rslora",
        use_dora=variant == "dora"))
    result = peft.set_peft_model_state_dict(theirs, weights.peft_state_dict(ours))
    assert not result.unexpected_keys
    return ours, theirs


@pytest.mark.parametrize("variant", ["lora", "rslora", "dora"])
@pytest.mark.parametrize("layers", [("fc1", "fc2"), LAYERS, ("conv1", "conv2"), ("conv1",)])
def test_same_outputs_as_peft_on_the_same_weights(layers, variant):
    ours, theirs = ours_and_peft(layers, variant=variant)
    x, extra = torch.rand(6, 1, 28, 28), torch.randn(6, 1)
    # the same mathematics in other operations: float32 rounding apart, layer by layer and through the network
    tolerance = forward_tolerance(ours, x, extra)
    with torch.no_grad():
        expected = theirs(x, extra)
        with theirs.disable_adapter():
            assert_beyond(theirs(x, extra), expected, tolerance, what="the adapters are active")
        assert_layers_agree(ours, theirs, x, extra, "PEFT's")
        assert_within(ours(x, extra), expected, tolerance, "PEFT's outputs")


@pytest.mark.parametrize("variant", ["lora", "rslora"])
@pytest.mark.parametrize("layers", [("fc1", "fc2"), LAYERS])
def test_delta_weights_match_peft(layers, variant):
    ours, theirs = ours_and_peft(layers, variant=variant)
    for name, layer in lora.lora_layers(ours).items():
        peft_layer = dict(theirs.named_modules())[f"base_model.model.{name}"]
        # s·B·A: r products and the scale, as a matrix product here and (for a convolution) a conv in PEFT
        b, a = layer.lora_B.flatten(1), layer.lora_A.flatten(1)
        allowed = layer.scaling * matmul_tolerance(b, a, roundings=1)
        assert_within(layer.delta_weight().flatten(1), peft_layer.get_delta_weight("default").flatten(1), allowed, name)


@pytest.mark.parametrize("variant, layers", [("lora", ("fc1", "fc2", "conv2")), ("rslora", ("fc1", "fc2", "conv1")),
                                             ("dora", ("fc1", "fc2", "conv1")), ("dora", ("conv1",))])
def test_an_adapter_saved_in_the_library_loads_into_peft(tmp_path, variant, layers):
    """PeftModel.from_pretrained reads the files the library writes (adapter_config.json's use_rslora/use_dora,
    DoRA's magnitudes under PEFT's names) and answers as our model does."""
    ours, _ = ours_and_peft(layers, rank=4, alpha=8.0, variant=variant)
    config = LoraConfig(rank=4, alpha=8.0, layers=layers, variant=variant)
    record = ModelRecord(kind="feature_lora", name="t", dataset="mnist", model=ModelConfig(feature_dim=1),
                         train=TrainConfig(), lora=config)
    library = ModelLibrary(tmp_path / "models")
    model_id = library.save(ours, record)
    folder = library.folder(model_id)

    from safetensors.torch import load_file

    base = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
    base.load_state_dict(load_file(folder / "model.safetensors"))
    loaded = peft.PeftModel.from_pretrained(base, folder)
    x, extra = torch.rand(4, 1, 28, 28), torch.randn(4, 1)
    with torch.no_grad():
        assert_layers_agree(ours, loaded, x, extra, "PEFT's")
        assert_within(loaded(x, extra), ours(x, extra), forward_tolerance(ours, x, extra), "PEFT's outputs")
