"""How far two float32 computations of the same mathematics may differ, for tests that compare them.

The tests compare different computations of one result (merged against unmerged LoRA, our layers against PEFT's,
NumPy against torch, a saved model against the logits an older version wrote), and CI may run on another CPU
(AVX-512, AVX2 only) or torch build, whose kernels block and order their sums differently. So a tolerance is not
what this machine happened to round to, but what float32 rounding can do to the arithmetic compared, computed from
the tensors at hand (forward error analysis: Higham, Accuracy and Stability of Numerical Algorithms, §3):

- one layer (`matmul_tolerance`, `layer_tolerance`, `assert_layers_agree`): a sum of n products computed in
  float32, in any order or blocking, with or without FMA, is within n·u·Σ|terms| of the exact sum, u = eps/2; two
  computations of it within n·eps·Σ|terms|. A worst case, so it holds on any CPU: a few to 10³ times what rounding
  does here, tight enough to tell a weight 1 % off;
- a whole network (`forward_error`, `forward_tolerance`): every rounding reaches a logit times the network's
  derivative to it. Their worst case (`worst_case=True`) is some 10⁴ times what rounding does through four layers;
  the default is the probable bound of the standard model of rounding (each rounding independent, of mean zero:
  Higham & Mary, SIAM J. Sci. Comput. 41, 2019) at λ = 8, which rounding exceeds with probability below 3e-14,
  some 300 times what it does here on trained models.

A test that must tell a slightly wrong weight from rounding compares layer by layer, each layer given the same
input, and the whole outputs against the network's bound; it also checks that the effect it guards is well beyond
the bound (`assert_beyond`), so that it can fail.
"""

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.model.lora import LoRALayer
from lora_studio.core.model.lora_variants import DoRA

EPS32 = torch.finfo(torch.float32).eps
UNIT_ROUNDOFF = EPS32 / 2


def unit_roundoff(tensor: torch.Tensor) -> float:
    """u of the tensor's floating-point type (2⁻²⁴ for float32, 2⁻⁵³ for float64): what the bounds count in."""
    return torch.finfo(tensor.dtype).eps / 2


#: standardising an input ((x / 255 − mean) / std): three roundings before the first layer
INPUT_ROUNDINGS = 3
LAYERS = ("conv1", "conv2", "fc1", "fc2")


def product_size(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """|a| @ |b| in float64: for each entry of a @ b, the sum of its terms' magnitudes."""
    return a.detach().double().abs() @ b.detach().double().abs()


def matmul_tolerance(a: torch.Tensor, b: torch.Tensor, roundings: int = 0) -> torch.Tensor:
    """How far two float32 computations of a @ b may differ, entry by entry: each sums a.shape[-1] products, plus
    `roundings` more steps (a scale, an addition), each within u of its terms' magnitudes."""
    return EPS32 * (a.shape[-1] + roundings) * product_size(a, b)


def magnitude_weight(module: nn.Module) -> torch.Tensor:
    """A weight whose product with |x| bounds the magnitudes of every term the layer sums for x, merged or not:
    |W| + |s|·|B|·|A| for LoRA; DoRA's m/‖W + s·B·A‖ (f) scales B·A x and adds (f − 1)·W x."""
    if not isinstance(module, LoRALayer):
        if isinstance(module, FeatureLinear):
            extra = max(abs(module.extra_scale), 1.0) * module.extra_weight.detach().double().abs()
            return torch.cat([module.weight.detach().double().abs(), extra], dim=1)
        return module.weight.detach().double().abs()
    base = module.base_layer
    weight = (base.joined_weight() if isinstance(base, FeatureLinear) else base.weight).detach().double().abs()
    low_rank = abs(module.scaling) * product_size(module.lora_B.flatten(1), module.lora_A.flatten(1))
    adapter = low_rank.view(weight.shape)
    if isinstance(module.variant, DoRA):
        direction = (module.base_weight() + module.low_rank_update()).detach().double()
        factor = (module.lora_magnitude_vector.detach().double() / direction.flatten(1).norm(dim=1)).abs()
        factor = factor.view(-1, *([1] * (weight.dim() - 1)))
        adapter = factor * adapter + (factor - 1).abs() * weight
    strength = abs(module.strength)
    if strength == 1:
        return weight + adapter
    # base + strength·(adapted − as trained): the trained layer's terms twice more, at that strength
    return (1 + 2 * strength) * weight + strength * adapter


def layer_roundings(module: nn.Module) -> int:
    """How many u of its terms' magnitudes one output of the layer may be off: its dot product's length and the
    bias; an adapter's two products, its scale and its sum (merged: B·A's sum, the scale, W +); DoRA's norm of a
    row and its four more products and sums; a strength's three."""
    base = module.base_layer if isinstance(module, LoRALayer) else module
    fan_in = base.weight[0].numel() + (base.extra_weight.shape[1] if isinstance(base, FeatureLinear) else 0)
    roundings = fan_in + 1
    if isinstance(module, LoRALayer):
        roundings += module.rank + 3
        if isinstance(module.variant, DoRA):
            roundings += fan_in + module.rank + 10
        if module.strength not in (0, 1):
            roundings += 3
    return roundings


def _apply(module: nn.Module):
    """The layer's operation as a function of (input, weight, bias): a convolution with its settings, or linear."""
    conv = module.base_layer if isinstance(module, LoRALayer) else module
    if not isinstance(conv, nn.Conv2d):
        return F.linear

    def apply(t, w, b=None):
        return F.conv2d(t, w, b, conv.stride, conv.padding, conv.dilation)
    return apply


def layer_tolerance(module: nn.Module, h: torch.Tensor) -> torch.Tensor:
    """How far two float32 computations of one layer's output for input h may differ (merged or not, ours or
    PEFT's): eps · its roundings · its terms' magnitudes. Far tighter than a whole network's bound: a test that
    must tell a slightly wrong weight from rounding compares layer by layer, each fed the same input."""
    bias = module.bias.detach().double().abs() if module.bias is not None else None
    sizes = _apply(module)(h.detach().double().abs(), magnitude_weight(module), bias)
    return (2 * unit_roundoff(h) * layer_roundings(module) * sizes).to(h.dtype)


def layer_inputs(model: nn.Module, x: torch.Tensor, extra: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
    """What each of the CNN's layers is given in a forward pass of `model` (detached copies)."""
    seen: dict[str, torch.Tensor] = {}
    hooks = [getattr(model, name).register_forward_pre_hook(
        lambda _module, args, name=name: seen.__setitem__(name, args[0].detach().clone())) for name in LAYERS]
    try:
        with torch.no_grad():
            model(x, extra)
    finally:
        for hook in hooks:
            hook.remove()
    return seen


def _acting_weight(module: nn.Module) -> torch.Tensor:
    if isinstance(module, LoRALayer | FeatureLinear):
        return module.effective_weight().detach().double()
    return module.weight.detach().double()


@torch.no_grad()
def conv_features_tolerance(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """(B, 784): how far two computations of the CNN's flattened conv features (what fc1 is given before the extra
    features, and what a frozen-prefix cache holds) may differ. Two layers: each one's own roundings on its terms,
    and the error it is given times |W|."""
    u, config = unit_roundoff(next(model.parameters())), model.config
    h = (x.double() - config.pixel_mean) / config.pixel_std
    error = INPUT_ROUNDINGS * u * h.abs()
    for name in LAYERS[:2]:
        layer = getattr(model, name)
        apply, magnitude, bias = _apply(layer), magnitude_weight(layer), layer.bias.detach().double()
        error = layer_roundings(layer) * u * apply(h.abs(), magnitude, bias.abs()) + apply(error, magnitude)
        h = F.relu(F.max_pool2d(apply(h, _acting_weight(layer), bias), 2))
        error = F.max_pool2d(error, 2)
    return (2 * error.flatten(1)).to(x.dtype)


#: λ of the probable bound: the sum of independent roundings exceeds λ·u·√(Σ c²) with probability below 2·exp(−λ²/2),
#: 3e-14 (Hoeffding's inequality)
LAMBDA = 8.0


def _own_error(layer: nn.Module, h: torch.Tensor, u: float) -> tuple[int, torch.Tensor, torch.Tensor]:
    """A layer's own rounding on input h: (roundings of each output's own operations, the magnitudes S they round,
    the error of operations whose result several outputs share, in full). Shared: an adapter's A·h (every output
    channel uses it) and a convolution's merged weights and DoRA norms (every position uses them)."""
    apply, magnitude = _apply(layer), magnitude_weight(layer)
    bias = layer.bias.detach().double().abs() if layer.bias is not None else None
    sizes = apply(h.abs(), magnitude, bias)
    roundings = layer_roundings(layer)
    if not isinstance(layer, LoRALayer):
        return roundings, sizes, torch.zeros_like(sizes)
    base = layer.base_layer
    fan_in = base.weight[0].numel() + (base.extra_weight.shape[1] if isinstance(base, FeatureLinear) else 0)
    low_rank = abs(layer.scaling) * abs(layer.strength) * product_size(layer.lora_B.flatten(1), layer.lora_A.flatten(1))
    shared = fan_in * u * apply(h.abs(), low_rank.view(magnitude.shape))
    if isinstance(base, nn.Conv2d):
        per_position = layer.rank + 3 + (fan_in + layer.rank + 10 if isinstance(layer.variant, DoRA) else 0)
        roundings -= per_position
        shared = shared + per_position * u * sizes
    return roundings, sizes, shared


def forward_error(model: nn.Module, x: torch.Tensor, extra: torch.Tensor | None = None, start: str = "conv1",
                  weight_error: dict[str, torch.Tensor] | None = None, worst_case: bool = False) -> torch.Tensor:
    """(B, classes) float64: how far a forward pass of `model` (the article's CNN, model/cnn.py, with or without
    LoRA, merged or not) in its floating-point type may put each logit from the exact one, in any order of its sums.

    To first order a logit's error is Σ c·δ over every rounding δ (|δ| ≤ u) of the pass, c being the network's
    derivative from the rounded value to the logit times that value (ReLU and max-pooling are piecewise linear).
    `worst_case`: every δ in the worst direction, Σ |derivative| · roundings · u · S over each layer's outputs,
    S their terms' magnitudes. By default, the probable bound of the standard model of rounding (each δ
    independent, of mean zero: Higham & Mary, SIAM J. Sci. Comput. 41, 2019): λ·u·√(Σ derivative²·roundings·S²)
    for the roundings of each output's own operations, plus, in full, the error of those several outputs share
    (an adapter's A·h, a convolution's merged weights) and of the standardised input (equal pixels round alike).
    Some 10 to 20 times below the worst case for LoRA models, λ times above what rounding typically does.
    `start="fc1"`: x is the flattened conv features (B, 784), as the head alone sees them. `weight_error`: for
    models whose weights are themselves computed (a combination of adapters), how far each layer's acting weight
    may be from the exact one, entry by entry: its |that|·|h| is added in full."""
    u, config = unit_roundoff(next(model.parameters())), model.config
    layers = LAYERS[LAYERS.index(start):]
    h = x.double() if start != "conv1" else (x.double() - config.pixel_mean) / config.pixel_std
    # each point of the pass: (the values, roundings of its own, their magnitudes, the error it shares)
    points = [(h.requires_grad_(True), 0, h.detach().abs(), INPUT_ROUNDINGS * u * h.detach().abs())]
    with torch.enable_grad():
        for name in layers:
            layer = getattr(model, name)
            if name == "fc1":
                h = h.flatten(1)
                if config.feature_dim:
                    features = extra.double().requires_grad_(True)
                    points.append((features, 0, features.detach().abs(), INPUT_ROUNDINGS * u * features.detach().abs()))
                    h = torch.cat([h, features], dim=1)
            if worst_case:
                roundings = layer_roundings(layer)
                sizes = _apply(layer)(h.detach().abs(), magnitude_weight(layer), layer.bias.detach().double().abs())
                shared = roundings * u * sizes
                roundings = 0
            else:
                roundings, sizes, shared = _own_error(layer, h.detach(), u)
            if weight_error and name in weight_error:
                shared = shared + _apply(layer)(h.detach().abs(), weight_error[name].detach().double().abs())
            h = _apply(layer)(h, _acting_weight(layer), layer.bias.detach().double())
            points.append((h, roundings, sizes, shared))
            if name.startswith("conv"):
                h = F.max_pool2d(h, 2)
            if name != "fc2":
                h = F.relu(h)
        logits = h
        error = torch.zeros_like(logits.detach())
        for k in range(logits.shape[1]):
            slopes = torch.autograd.grad(logits[:, k].sum(), [point[0] for point in points], retain_graph=True)
            pairs = list(zip(slopes, points, strict=True))
            in_full = sum((slope.abs() * point[3]).flatten(1).sum(1) for slope, point in pairs)
            spread = sum((slope**2 * point[1] * point[2] ** 2).flatten(1).sum(1) for slope, point in pairs)
            worst = sum((slope.abs() * point[1] * point[2]).flatten(1).sum(1) for slope, point in pairs)
            # where a few short sums dominate, the worst case is the smaller (λ·√n > n for n < λ²)
            error[:, k] = in_full + u * torch.minimum(LAMBDA * spread.sqrt(), worst)
    return error


def assert_layers_agree(model: nn.Module, other: nn.Module, x: torch.Tensor, extra: torch.Tensor | None = None,
                        what: str = "") -> None:
    """Each layer of `other` (an article's CNN, or PEFT's model of one), given the input `model`'s layer of that name
    gets in a forward pass of x, answers as `model`'s layer does, within `layer_tolerance`."""
    seen = layer_inputs(model, x, extra)
    modules = dict(other.named_modules())
    with torch.no_grad():
        for name in LAYERS:
            ours, theirs = getattr(model, name), modules[name if name in modules else f"base_model.model.{name}"]
            assert_within(theirs(seen[name]), ours(seen[name]), layer_tolerance(ours, seen[name]), f"{what} {name}")


def forward_tolerance(model: nn.Module, x: torch.Tensor, extra: torch.Tensor | None = None, start: str = "conv1",
                      weight_error: dict[str, torch.Tensor] | None = None, worst_case: bool = False) -> torch.Tensor:
    """(B, classes): how far two computations of `model`'s logits for x in its floating-point type may differ (merged
    or not, ours or PEFT's, torch or NumPy, this CPU or another): twice `forward_error`."""
    error = forward_error(model, x, extra, start, weight_error, worst_case)
    return (2 * error).to(next(model.parameters()).dtype)


def cross_entropy_tolerance(logits: torch.Tensor, loss: torch.Tensor | float,
                            logit_tolerance: torch.Tensor) -> torch.Tensor:
    """How far two computations of the mean cross-entropy of `logits` may differ, given how far their logits may:
    a logit moved by Δ moves an image's loss by at most 2·max|Δ| (its gradient p − y sums to 2 in absolute value);
    each side's log-softmax adds a few u of the logits, and its mean over n images n·u of the loss."""
    u, n = unit_roundoff(logits), len(logits)
    loss = torch.as_tensor(loss, dtype=torch.float64)
    own = 2 * u * ((n + 8) * loss + 8 * logits.detach().double().abs().max())
    return 2 * logit_tolerance.double().amax(1).mean() + own


def assert_within(got, expected, tolerance, what: str = "") -> None:
    """|got − expected| ≤ tolerance everywhere; if not, says by how much where it is worst."""
    got, expected = torch.as_tensor(got).detach().double(), torch.as_tensor(expected).detach().double()
    difference = (got - expected).abs()
    allowed = torch.as_tensor(tolerance, dtype=torch.float64).expand_as(difference)
    worst = int((difference - allowed).argmax())
    assert (difference <= allowed).all(), \
        f"{what}: differs by {difference.flatten()[worst]:.3g} where {allowed.flatten()[worst]:.3g} is allowed"


def assert_beyond(got, expected, tolerance, times: float = 10.0, what: str = "") -> None:
    """Somewhere |got − expected| is over `times` the tolerance: an effect a comparison can tell from rounding."""
    got, expected = torch.as_tensor(got).detach().double(), torch.as_tensor(expected).detach().double()
    ratio = ((got - expected).abs() / torch.as_tensor(tolerance, dtype=torch.float64)).max()
    assert ratio > times, f"{what}: the effect is only {ratio:.3g} times the rounding allowance"
