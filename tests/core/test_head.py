"""The head's written-out gradients equal autograd's for every kind of head a training can have, and
training takes that path exactly when only the head trains."""

import pytest
import torch
import torch.nn.functional as F

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.training import loop as training
from lora_studio.core.training.fast_head import HeadStep, Unsupported
from lora_studio.core.training.loop import TrainData, train


def head_model(layers, features=1, rank=8, alpha=16.0, init="article", trained=(), frozen=(), seed=0,
               variant="lora"):
    """A feature model as recipes.finetune builds it, with non-zero adapters (so every gradient is alive);
    `trained` / `frozen` name parameters (or whole layers) to switch beyond that."""
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=features))
    if layers:
        lora.apply_lora(model, LoraConfig(rank=rank, alpha=alpha, layers=layers, init=init, variant=variant),
                        torch.Generator().manual_seed(seed))
    else:
        model.requires_grad_(False)
    if features:
        lora.train_feature_columns(model)
    for name in trained:
        target = model.get_parameter(name) if "." in name else getattr(model, name)
        target.requires_grad_(True)
    for name in frozen:
        model.get_parameter(name).requires_grad_(False)
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=g) * 0.1)
    return model


def batch(n=29, features=1, seed=3):
    g = torch.Generator().manual_seed(seed)
    flat = torch.randn(n, 784, generator=g).relu()  # conv features are ReLU outputs
    extra = torch.randn(n, features, generator=g) if features else None
    return flat, extra, torch.randint(0, 10, (n,), generator=g)


HEADS = {
    "LoRA fc1+fc2, brightness (the article's)": dict(layers=("fc1", "fc2")),
    "LoRA fc1+fc2, no feature (the control)": dict(layers=("fc1", "fc2"), features=0),
    "LoRA fc1 only": dict(layers=("fc1",)),
    "LoRA fc2 only: fc1's feature column still trains": dict(layers=("fc2",), features=3),
    "no LoRA, only the feature columns": dict(layers=(), features=2),
    "rank 3, alpha 7, PEFT's init": dict(layers=("fc1", "fc2"), rank=3, alpha=7.0, init="kaiming"),
    "a plain fc2 trained whole, bias included": dict(layers=("fc1",), trained=("fc2",)),
    "LoRA fc2 only, no feature: fc1 wholly frozen": dict(layers=("fc2",), features=0),
    "adapters' A alone, biases trained": dict(layers=("fc1", "fc2"), frozen=("fc1.lora_B", "fc2.lora_B"),
                                              trained=("fc1.bias", "fc2.bias")),
    "rank 1, sixteen features": dict(layers=("fc1", "fc2"), rank=1, features=16),
    "rsLoRA: scaled by α/√r": dict(layers=("fc1", "fc2"), variant="rslora", rank=4),
}


def trained(model) -> list:
    return [p for p in model.parameters() if p.requires_grad]


@pytest.mark.parametrize("settings", HEADS.values(), ids=HEADS.keys())
def test_loss_logits_and_gradients_equal_autograds(settings):
    model = head_model(**settings)
    params = trained(model)
    flat, extra, labels = batch(features=settings.get("features", 1))

    logits = model.run_stages(flat, 2, extra)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    expected = [p.grad.clone() for p in params]
    model.zero_grad(set_to_none=True)

    step = HeadStep(model, params)
    our_logits, our_loss = step.forward(flat, extra, labels)
    step.backward()

    torch.testing.assert_close(our_logits, logits.detach())
    torch.testing.assert_close(our_loss, loss.detach())
    for parameter, grad in zip(params, expected, strict=True):
        assert torch.count_nonzero(grad) > 0
        torch.testing.assert_close(parameter.grad, grad, rtol=1e-5, atol=1e-6 * grad.abs().max().item())


def spy_on_steppers(monkeypatch) -> list[str]:
    """The kind of step each training chooses, appended as it chooses."""
    used, real = [], training._stepper

    def spy(*args):
        chosen = real(*args)
        used.append(type(chosen).__name__)
        return chosen

    monkeypatch.setattr(training, "_stepper", spy)
    return used


def test_training_through_the_written_out_step_follows_autograds_path(monkeypatch):
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (250, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (250,), generator=g), torch.randn(250, 1, generator=g))
    config = TrainConfig(epochs=2, batch_size=32, lr=1e-2)  # the last batch of each epoch holds 26
    ours, theirs = head_model(("fc1", "fc2")), head_model(("fc1", "fc2"))
    used = spy_on_steppers(monkeypatch)
    assert train(ours, data, None, config).status == "finished"
    monkeypatch.setattr(training, "_stepper", lambda *args: training._AutogradStep(*args))
    assert train(theirs, data, None, config).status == "finished"

    assert used == ["_HeadStep"]
    for (name, a), b in zip(ours.state_dict().items(), theirs.state_dict().values(), strict=True):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-6, msg=name)


def test_trainings_that_reach_the_convolutions_use_autograd(monkeypatch):
    used = spy_on_steppers(monkeypatch)
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (64, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (64,), generator=g), torch.randn(64, 1, generator=g))
    train(head_model(("conv2", "fc1")), data, None, TrainConfig(epochs=1, batch_size=32))
    assert used == ["_AutogradStep"]


def test_a_merged_adapter_is_left_to_autograd():
    model = head_model(("fc1", "fc2"))
    lora.merge(model)
    with pytest.raises(Unsupported):
        HeadStep(model, trained(model))


@pytest.mark.parametrize("settings", [dict(variant="dora"), dict(dropout=0.1)], ids=["DoRA", "dropout"])
def test_adapters_the_written_out_step_has_no_formulas_for_are_left_to_autograd(settings):
    torch.manual_seed(0)
    model = MnistCNN(ModelConfig())
    lora.apply_lora(model, LoraConfig(layers=("fc1", "fc2"), **settings))
    with pytest.raises(Unsupported):
        HeadStep(model, trained(model))


def test_missing_extra_features_get_the_models_own_message():
    model = head_model(("fc1", "fc2"))
    step = HeadStep(model, trained(model))
    flat, _, labels = batch()
    with pytest.raises(ValueError, match=r"extra features of shape \(B, 1\)"):
        step.forward(flat, None, labels)


def test_a_loss_made_nan_on_the_written_out_path_stops_and_keeps_finite_weights(monkeypatch):
    used = spy_on_steppers(monkeypatch)
    g = torch.Generator().manual_seed(0)
    extra = torch.randn(128, 1, generator=g)
    extra[100] = float("inf")  # reached in the first epoch, whatever the order
    data = TrainData(torch.randint(0, 256, (128, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (128,), generator=g), extra)
    model = head_model(("fc1", "fc2"))
    result = train(model, data, None, TrainConfig(epochs=2, batch_size=16))
    assert used == ["_HeadStep"]
    assert result.status == "diverged" and "diverged" in result.message
    assert all(torch.isfinite(p).all() for p in model.parameters())


def test_backward_without_forward_says_so():
    model = head_model(("fc1", "fc2"))
    with pytest.raises(RuntimeError, match="forward"):
        HeadStep(model, trained(model)).backward()
