"""The LoRA variant seam: rsLoRA's scale, DoRA's magnitudes, dropout, LoRA+'s groups, and a variant made up
here in one place that every user of ΔW (forward, merge, export, the ΔW view, the drawing model) follows."""

import copy
import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from float_bounds import (
    EPS32,
    assert_beyond,
    assert_layers_agree,
    assert_within,
    forward_tolerance,
    layer_tolerance,
)
from safetensors.torch import load_file

from lora_studio.core import config as cfg
from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.evaluation import inspection
from lora_studio.core.model import lora, lora_variants, numpy_cnn, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.training.loop import TrainData, train


def adapted(layers=("conv1", "fc1", "fc2"), seed=0, **settings):
    """A feature model with the adapters of `settings` and non-zero B (as after some training)."""
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=1))
    lora.apply_lora(model, LoraConfig(rank=4, alpha=8.0, layers=layers, **settings))
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=g) * 0.1)
    return model


def feature_record(lora_config: LoraConfig) -> ModelRecord:
    return ModelRecord(kind="feature_lora", name="t", dataset="mnist", model=ModelConfig(feature_dim=1),
                       train=TrainConfig(), lora=lora_config, features=FeatureScaler(("brightness",), (0.1,), (0.05,)))


def inputs(n=6, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(n, 1, 28, 28, generator=g), torch.randn(n, 1, generator=g)


def test_rslora_scales_by_alpha_over_the_square_root_of_the_rank():
    assert LoraConfig(rank=16, alpha=8.0, variant="rslora").scale == 2.0
    assert LoraConfig(rank=16, alpha=8.0).scale == 0.5
    plain, rs = adapted(("fc2",)), adapted(("fc2",), variant="rslora")
    assert rs.fc2.scaling == 4.0 and plain.fc2.scaling == 2.0
    assert torch.equal(rs.fc2.delta_weight(), 2 * plain.fc2.delta_weight())  # B·A times 4, or times 2 twice: exact


@pytest.mark.parametrize("layers", [("fc1", "fc2"), ("conv1", "conv2")])
def test_dora_is_a_learned_magnitude_times_the_direction_of_w_plus_delta(layers):
    model = adapted(layers, variant="dora")
    for layer in lora.lora_layers(model).values():
        direction = layer.base_weight() + layer.low_rank_update()
        norms = direction.detach().flatten(1).norm(dim=1)
        with torch.no_grad():  # a fresh magnitude is ‖W‖, not ‖W + ΔW‖ (B was zero when it was set)
            layer.lora_magnitude_vector.copy_(norms * 1.5)
        effective = layer.effective_weight().detach()
        # a norm of n squares is within (n/2 + 1)·u of its value; the row rescaled by m/‖row‖ (two roundings) and
        # normed again, m = 1.5·the test's norm (one more): within (n + 6)·u, relative
        fan_in = direction[0].numel()
        torch.testing.assert_close(effective.flatten(1).norm(dim=1), norms * 1.5, rtol=(fan_in + 6) * EPS32 / 2, atol=0)
        # f·D against D, f > 0: a dot product of n positive terms over two such norms, within (2n + 6)·u of 1
        cosine = F.cosine_similarity(effective.flatten(1), direction.detach().flatten(1), dim=1)
        torch.testing.assert_close(cosine, torch.ones_like(cosine), rtol=0, atol=(2 * fan_in + 6) * EPS32 / 2)


def test_dora_trains_its_magnitudes_and_a_saved_dora_model_loads_with_the_same_outputs(tmp_path):
    model = adapted(("conv1", "fc1", "fc2"), variant="dora")
    lora.train_feature_columns(model)
    before = weights.adapter_state(model)
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (96, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (96,), generator=g), torch.randn(96, 1, generator=g))
    assert train(model, data, None, TrainConfig(epochs=1, batch_size=32, lr=1e-2)).status == "finished"
    after = weights.adapter_state(model)
    assert not torch.equal(after["fc1.lora_magnitude_vector"], before["fc1.lora_magnitude_vector"])
    record = feature_record(LoraConfig(rank=4, alpha=8.0, layers=("conv1", "fc1", "fc2"), variant="dora"))
    library = ModelLibrary(tmp_path / "models")
    model_id = library.save(model, record)
    adapter_config = json.loads((library.folder(model_id) / "adapter_config.json").read_text())
    assert adapter_config["use_dora"] is True and adapter_config["use_rslora"] is False
    loaded, loaded_record = library.load(model_id)
    assert loaded_record.lora.variant == "dora"
    x, extra = inputs()
    model.eval()
    with torch.no_grad():
        assert torch.equal(loaded(x, extra), model(x, extra))


def test_lora_dropout_acts_while_training_only():
    model = adapted(("fc1", "fc2"), dropout=0.5)
    reference = adapted(("fc1", "fc2"))
    x, extra = inputs()
    model.eval()
    with torch.no_grad():
        assert torch.equal(model(x, extra), reference(x, extra))
        model.train()
        torch.manual_seed(1)
        assert_beyond(model(x, extra), reference(x, extra), forward_tolerance(reference, x, extra), what="dropout")
    assert weights.peft_config(LoraConfig(dropout=0.5))["lora_dropout"] == 0.5


def test_lora_plus_puts_b_in_a_group_of_its_own_at_ratio_times_the_rate():
    model = adapted(("fc1", "fc2"))
    lora.train_feature_columns(model)
    assert len(lora.parameter_groups(model, 1.0)) == 1
    plain, faster = lora.parameter_groups(model, 16.0)
    assert faster["lr_scale"] == 16.0 and plain["lr_scale"] == 1.0
    assert {id(p) for p in faster["params"]} == {id(model.fc1.lora_B), id(model.fc2.lora_B)}
    assert id(model.fc1.base_layer.extra_weight) in {id(p) for p in plain["params"]}


class Halved(lora_variants.LoraVariant):
    """A variant made up for this test: ΔW at half the usual scale, defined here and nowhere else."""

    def scaling(self, layer):
        return 0.5 * layer.config.scale


@pytest.fixture
def halved(monkeypatch):
    monkeypatch.setattr(cfg, "LORA_VARIANTS", dict(cfg.LORA_VARIANTS))
    monkeypatch.setattr(lora_variants, "LORA_VARIANTS", cfg.LORA_VARIANTS)
    monkeypatch.setattr(lora_variants, "VARIANTS", dict(lora_variants.VARIANTS))
    lora_variants.register_variant("halved", Halved, "ΔW at half the scale")
    return "halved"


def test_a_variant_defined_in_one_place_is_followed_by_forward_merge_export_and_the_delta_view(halved, tmp_path):
    layers = ("conv1", "fc1", "fc2")
    ours, plain = adapted(layers, variant=halved), adapted(layers)  # the same A and B
    x, extra = inputs()
    with torch.no_grad():
        base = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
        base.load_state_dict(weights.plain_state(plain))
        # forward: halfway between the base and plain LoRA, layer by layer (checked on fc2's output alone)
        h = torch.randn(5, 64)
        # each side within the layer's roundings of the exact value (the reference's sum and halving: one more)
        assert_within(ours.fc2(h), (plain.fc2(h) + plain.fc2.base_layer(h)) / 2, 2 * layer_tolerance(plain.fc2, h))
        # the ΔW view: B·A times half the scale, or times the scale and halved, is the same float
        for ours_delta, plain_delta in zip(inspection.lora_deltas(ours), inspection.lora_deltas(plain), strict=True):
            assert np.array_equal(ours_delta.delta, plain_delta.delta / 2)
            assert ours_delta.scale == plain_delta.scale / 2
        # merge: float32 rounding apart, layer by layer and through the network
        unmerged = ours(x, extra)
        tolerance = forward_tolerance(ours, x, extra)
        merged = copy.deepcopy(ours)
        lora.merge(merged)
        assert_layers_agree(ours, merged, x, extra, "merged")
        assert_within(merged(x, extra), unmerged, tolerance, "merged")
        # export, through the library, read back into the article's CNN
        record = feature_record(LoraConfig(rank=4, alpha=8.0, layers=layers, variant=halved))
        library = ModelLibrary(tmp_path / "models")
        path = library.export_merged(library.save(ours, record), tmp_path / "merged.safetensors")
        exported = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
        exported.load_state_dict(load_file(path))
        assert_layers_agree(ours, exported, x, extra, "exported")
        assert_within(exported(x, extra), unmerged, tolerance, "exported")
        assert_beyond(exported(x, extra), plain(x, extra), tolerance, what="halved against plain LoRA")
        # the NumPy model the drawing canvas runs
        drawing = numpy_cnn.DrawingModel(numpy_cnn.snapshot(ours, record))
        image = (torch.rand(28, 28) * 255).to(torch.uint8)
        pixels = image[None, None].float() / 255
        expected = ours(pixels, extra[:1])[0]
        assert_within(drawing.logits(image.numpy(), extra[0].numpy()), expected,
                      forward_tolerance(ours, pixels, extra[:1])[0], "the drawing model")


@pytest.mark.parametrize("variant", ["lora", "rslora", "dora"])
def test_adapter_strength_zero_is_the_base_bit_for_bit_and_one_is_as_trained(variant):
    model = adapted(("conv1", "fc1", "fc2"), variant=variant)
    if variant == "dora":  # a trained magnitude, so that DoRA differs from the base at B = 0 too
        with torch.no_grad():
            for layer in lora.lora_layers(model).values():
                layer.lora_magnitude_vector.mul_(1.3)
    x, extra = inputs()
    base = MnistCNN(ModelConfig())  # the model before fine-tuning added the adapters and the feature column
    state = weights.plain_state(model)
    base.load_state_dict({**state, "fc1.weight": state["fc1.weight"][:, :784]})
    with torch.no_grad():
        trained = model(x, extra)
        lora.set_strength(model, 0.0)
        assert torch.equal(model(x, extra), base(x))
        lora.set_strength(model, 1.0)
        assert torch.equal(model(x, extra), trained)
        lora.set_strength(model, 0.5)
        half = model(x, extra)
        # halfway in every layer's weight: the exported weights at 0.5 answer as the model does
        exported = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
        exported.load_state_dict(weights.merged_state(model))
        assert_layers_agree(model, exported, x, extra, "exported at strength 0.5")
        assert_within(exported(x, extra), half, forward_tolerance(model, x, extra), "exported at strength 0.5")
        for layer in lora.lora_layers(model).values():  # the same sum, computed the same way
            assert torch.equal(layer.effective_weight(), weights.layer_weight(layer.base_layer) + layer.delta_weight())
    with pytest.raises(ValueError, match="between 0 and 2"):
        lora.set_strength(model, 2.5)


@pytest.mark.parametrize("layers", [("fc1", "fc2"), ("conv1", "fc2")])
def test_strength_zero_of_a_feature_model_is_the_base_without_its_feature_columns(layers):
    """The brightness column was added by fine-tuning, as the adapters were: at strength 0 the model answers as
    the plain base CNN it started from, bit for bit, whatever the feature's values."""
    model = adapted(layers)
    lora.train_feature_columns(model)
    with torch.no_grad():
        model.fc1.extra_weight.fill_(0.7) if not isinstance(model.fc1, lora.LoRALayer) else \
            model.fc1.base_layer.extra_weight.fill_(0.7)
    base = MnistCNN(ModelConfig())  # the article's base: no extra inputs
    state = weights.plain_state(model)
    state["fc1.weight"] = state["fc1.weight"][:, :784]
    base.load_state_dict(state)
    x, extra = inputs()
    model.eval()
    with torch.no_grad():
        trained = model(x, extra)
        lora.set_strength(model, 0.0)
        assert torch.equal(model(x, extra), base(x))
        half_file = MnistCNN(ModelConfig(feature_dim=1), joined_fc1=True)
        lora.set_strength(model, 0.5)
        half_file.load_state_dict(weights.merged_state(model))
        assert_layers_agree(model, half_file, x, extra, "the file at strength 0.5")
        assert_within(half_file(x, extra), model(x, extra), forward_tolerance(model, x, extra), "the file at 0.5")
        assert torch.equal(weights.plain_state(model)["fc1.weight"], state_before(model))  # files keep the weights
        lora.set_strength(model, 1.0)
        assert torch.equal(model(x, extra), trained)


def state_before(model):
    fc1 = model.fc1.base_layer if isinstance(model.fc1, lora.LoRALayer) else model.fc1
    return torch.cat([fc1.weight, fc1.extra_weight], 1)
