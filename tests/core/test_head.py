"""The head's written-out gradients equal autograd's for every kind of head a training can have, and
training takes that path exactly when only the head trains.

The two compute the same formulas in other operations, so they agree to rounding: the formulas are compared in
float64, where a bound from the arithmetic (float_bounds.py, `gradient_tolerance`) is some 10⁹ times below any
wrong term; a float32 training is checked step by step against autograd at the same weights."""

import copy

import pytest
import torch
import torch.nn.functional as F
from float_bounds import (
    assert_within,
    cross_entropy_tolerance,
    forward_error,
    forward_tolerance,
    layer_roundings,
    unit_roundoff,
)

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


@pytest.fixture
def float64():
    """The models and batches the test builds, and the step's own tensors, in float64 (torch's default dtype)."""
    before = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(before)


def gradient_tolerance(model, params, flat, extra, labels) -> list[torch.Tensor]:
    """How far two computations of the head's loss gradients (written out, autograd) may differ, entry by entry.

    Each entry sums, over the batch, products of the forward's values and of the loss's gradient (p − y)/n; the
    head run on magnitudes (every weight and input by its absolute value, (p + y)/n at the logits) gives its
    Σ|terms| M. Each term carries the forward's roundings (fc1's, fc2's), the backward's (the batch sum, fc2's 64
    hidden units, an adapter's products) and the loss gradient's: softmax moves p by at most p·2·max|Δlogit|.
    So each side is within M·(u·roundings + 2·max|Δlogit|) of the exact gradient."""
    names = {id(p): name for name, p in model.named_parameters()}
    magnitude = copy.deepcopy(model).double()
    with torch.no_grad():
        for parameter in magnitude.parameters():
            parameter.abs_()
    sizes_of = dict(magnitude.named_parameters())
    x = magnitude.join_features(flat.detach().double().abs(), None if extra is None else extra.double().abs())
    logits = magnitude.fc2(F.relu(magnitude.fc1(x)))
    with torch.no_grad():
        p = model.run_stages(flat, model.head_stage, extra).double().softmax(1)
    at_logits = (p + F.one_hot(labels, p.shape[1])) / len(labels)
    sizes = torch.autograd.grad(logits, [sizes_of[names[id(p)]] for p in params], grad_outputs=at_logits)
    u = unit_roundoff(flat)
    ranks = sum(getattr(model.get_submodule(name), "rank", 0) for name in ("fc1", "fc2"))
    roundings = layer_roundings(model.fc1) + layer_roundings(model.fc2) + len(labels) + 64 + ranks + 6
    per_size = u * roundings + 2 * forward_error(model, flat, extra, start="fc1").max().item()
    return [(2 * per_size * size).to(flat.dtype) for size in sizes]


@pytest.mark.parametrize("settings", HEADS.values(), ids=HEADS.keys())
def test_loss_logits_and_gradients_equal_autograds(settings, float64):
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

    logit_tolerance = forward_tolerance(model, flat, extra, start="fc1")
    assert_within(our_logits, logits, logit_tolerance, "logits")
    assert_within(our_loss, loss, cross_entropy_tolerance(logits, loss.detach(), logit_tolerance), "loss")
    names = {id(p): name for name, p in model.named_parameters()}
    for parameter, grad, allowed in zip(params, expected, gradient_tolerance(model, params, flat, extra, labels),
                                        strict=True):
        assert torch.count_nonzero(grad) > 0
        assert_within(parameter.grad, grad, allowed, names[id(parameter)])


def spy_on_steppers(monkeypatch) -> list[str]:
    """The kind of step each training chooses, appended as it chooses."""
    used, real = [], training._stepper

    def spy(*args):
        chosen = real(*args)
        used.append(type(chosen).__name__)
        return chosen

    monkeypatch.setattr(training, "_stepper", spy)
    return used


class AgainstAutograd:
    """A training's stepper that also computes autograd's loss and gradients at the same weights on the same batch,
    and checks the stepper's against them (within float32 rounding) as the optimizer is about to step."""

    def __init__(self, stepper, model, inputs, optimizer):
        self.stepper, self.model, self.inputs, self.optimizer = stepper, model, inputs, optimizer
        self.checked = 0
        real_step = optimizer.step

        def step():
            names = {id(p): name for name, p in model.named_parameters()}
            for parameter, grad, allowed in zip(optimizer.params, *self.expected, strict=True):
                assert_within(parameter.grad, grad, allowed, f"step {self.checked}: {names[id(parameter)]}")
            self.checked += 1
            real_step()
        optimizer.step = step

    def forward(self, index, labels):
        flat, extra = self.inputs.batch(index)
        logits = self.model.run_stages(flat, self.model.head_stage, extra)
        loss = F.cross_entropy(logits, labels)
        params = self.optimizer.params
        self.expected = (torch.autograd.grad(loss, params),
                         gradient_tolerance(self.model, params, flat, extra, labels))
        our_logits, our_loss = self.stepper.forward(index, labels)
        logit_tolerance = forward_tolerance(self.model, flat, extra, start="fc1")
        assert_within(our_logits, logits, logit_tolerance, f"step {self.checked}: logits")
        allowed = cross_entropy_tolerance(logits, loss.detach(), logit_tolerance)
        assert_within(our_loss, loss, allowed, f"step {self.checked}: loss")
        return our_logits, our_loss

    def update(self, loss):
        self.stepper.update(loss)


def test_training_through_the_written_out_step_follows_autograds_path(monkeypatch):
    """Step by step, against autograd at the same weights: a whole training's (two epochs, its steps compared)
    trajectory would measure how the CPU's rounding grows over 16 Adam steps, not whether each step is right."""
    g = torch.Generator().manual_seed(0)
    data = TrainData(torch.randint(0, 256, (250, 28, 28), dtype=torch.uint8, generator=g),
                     torch.randint(0, 10, (250,), generator=g), torch.randn(250, 1, generator=g))
    config = TrainConfig(epochs=2, batch_size=32, lr=1e-2)  # the last batch of each epoch holds 26
    model, steppers, real = head_model(("fc1", "fc2")), [], training._stepper

    def checked(*args):
        steppers.append(AgainstAutograd(real(*args), *args))
        return steppers[-1]

    monkeypatch.setattr(training, "_stepper", checked)
    assert train(model, data, None, config).status == "finished"
    [stepper] = steppers
    assert type(stepper.stepper).__name__ == "_HeadStep" and stepper.checked == 2 * 8


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
