"""Trained LoRA adapters of one base combined into one adapter, as PEFT's `add_weighted_adapter` does (peft 0.21.2).

Each parent i has, on the layers it adapts, A_i, B_i and its scale s_i (ΔW_i = s_i·B_i·A_i), and a weight w_i.
The new adapter has lora_alpha = r (scale 1) and, per layer, only the parents that adapt that layer:

    cat      A = [w_1·s_1·A_1; w_2·s_2·A_2; …], B = [B_1, B_2, …]: B·A = Σ w_i·ΔW_i exactly; r = Σ r_i
             (a layer that fewer parents adapt gets zero rows: one rank for every layer, as PEFT)
    linear   A = Σ √|w_i s_i|·sign(w_i s_i)·A_i, B = Σ √|w_i s_i|·B_i (one rank for all parents): where parents
             share a layer, B·A also holds their cross terms B_i·A_j, so it is not Σ w_i·ΔW_i
    svd      Σ w_i·ΔW_i (a conv's flattened to out × in·kh·kw), cut to its r largest singular values:
             B = U_r·S_r, A = V_rᵀ; r = the chosen rank, else the largest parent's
    ties     as linear, but each A_i and B_i keeps its largest `density` of entries, a sign is elected per entry
             (the sign of the unweighted sum) and the weighted entries that agree are averaged
    magnitude_prune   as linear, each A_i and B_i trimmed to its largest `density` of entries first

One parent is combined linearly whatever `how` asks (as PEFT does). Refused (ConfigError) where PEFT fails or
would build a broken adapter: different ranks for linear/ties/magnitude_prune, an svd rank above a layer's
min(out, in·kh·kw) (PEFT builds mis-shaped tensors there). DoRA is refused by the caller (workflows/combine.py):
PEFT drops its magnitude vectors.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from lora_studio.core.config import COMBINATIONS, COMBINE_DENSITY, LAYERS, RANGES, check_choice, check_range
from lora_studio.core.errors import ConfigError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model.lora import lora_layers


@dataclass(frozen=True)
class LayerAdapter:
    """One layer's adapter: A (r, in) or (r, in, kh, kw), B (out, r) or (out, r, 1, 1), ΔW = scale·B·A."""

    A: torch.Tensor
    B: torch.Tensor
    scale: float

    def delta_weight(self) -> torch.Tensor:
        """scale·B·A, shaped like the layer's weight (out, in) or (out, in, kh, kw)."""
        return (self.B.flatten(1) @ self.A.flatten(1)).view(len(self.B), *self.A.shape[1:]) * self.scale


@dataclass(frozen=True)
class Adapter:
    rank: int
    layers: dict[str, LayerAdapter]


@dataclass(frozen=True)
class Combined:
    """The new adapter: its rank, scale 1 (alpha = rank), and (A, B) per layer, in LAYERS order."""

    how: str  # what was done: "linear" for a single parent whatever was asked
    rank: int
    layers: dict[str, tuple[torch.Tensor, torch.Tensor]]


def adapter_of(model: torch.nn.Module) -> Adapter:
    """The adapter tensors of a LoRA model (copies, contiguous)."""
    layers = {name: LayerAdapter(layer.lora_A.detach().contiguous().clone(),
                                 layer.lora_B.detach().contiguous().clone(), float(layer.scaling))
              for name, layer in lora_layers(model).items()}
    return Adapter(next(iter(lora_layers(model).values())).rank, layers)


def combine(adapters: Sequence[Adapter], weights: Sequence[float], how: str, rank: int | None = None,
            density: float = COMBINE_DENSITY) -> Combined:
    """The weighted combination of `adapters` (see the module's docstring). `rank`: svd's; for the other ways
    it may only repeat the rank they give. ConfigError for what cannot be combined."""
    check_choice("how", how, tuple(COMBINATIONS))
    if not adapters or len(adapters) != len(weights):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "give one weight for each of the adapters to combine"))
    for weight in weights:
        check_range("adapter weight", weight, "adapter_weight")
    how = "linear" if len(adapters) == 1 else how
    if how in ("ties", "magnitude_prune"):
        check_range("density", density)
    new_rank = _new_rank(adapters, how, rank)
    combined = {}
    for name in (name for name in LAYERS if any(name in a.layers for a in adapters)):
        parts = [(a.layers[name], float(w)) for a, w in zip(adapters, weights, strict=True) if name in a.layers]
        if how == "cat":
            combined[name] = _cat(parts, new_rank)
        elif how == "svd":
            combined[name] = _svd(parts, new_rank)
        else:
            combined[name] = _mixed(parts, MIXES[how], density)
    return Combined(how, new_rank, combined)


def _new_rank(adapters: Sequence[Adapter], how: str, rank: int | None) -> int:
    if rank is not None:
        check_range("rank", rank, whole=True)
    ranks = [a.rank for a in adapters]
    if how == "cat":
        new_rank = sum(ranks)
    elif how == "svd":
        new_rank = max(ranks) if rank is None else rank
    elif len(set(ranks)) > 1:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} needs adapters of one rank, these have ranks {1}: use cat or svd"),
            how, ", ".join(map(str, ranks)))
    else:
        new_rank = ranks[0]
    if rank is not None and rank != new_rank:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "the rank is chosen for svd of two or more adapters only; {0} gives rank {1}"), how, new_rank)
    if new_rank > (highest := RANGES["rank"][1]):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the combined adapter would have rank {0}, above the largest "
                                            "rank, {1}"), new_rank, int(highest))
    if how == "svd":
        for name, layer in ((n, la) for a in adapters for n, la in a.layers.items()):
            most = min(len(layer.B), layer.A[0].numel())
            if new_rank > most:
                raise ConfigError(QT_TRANSLATE_NOOP(
                    "errors", "svd cannot keep rank {0}: {1}'s ΔW is {2} × {3}, so it has at most {4} singular "
                    "values"), new_rank, name, len(layer.B), layer.A[0].numel(), most)
    return new_rank


def _cat(parts: list[tuple[LayerAdapter, float]], rank: int) -> tuple[torch.Tensor, torch.Tensor]:
    a = torch.cat([layer.A * weight * layer.scale for layer, weight in parts], dim=0)  # PEFT's order of products
    b = torch.cat([layer.B for layer, _ in parts], dim=1)
    first = parts[0][0]
    full_a = first.A.new_zeros(rank, *first.A.shape[1:])
    full_b = first.B.new_zeros(len(first.B), rank, *first.B.shape[2:])
    full_a[: len(a)], full_b[:, : b.shape[1]] = a, b
    return full_a, full_b


def _svd(parts: list[tuple[LayerAdapter, float]], rank: int) -> tuple[torch.Tensor, torch.Tensor]:
    first = parts[0][0]
    delta = _weighted_sum([layer.delta_weight() for layer, _ in parts], [w for _, w in parts])
    u, s, vh = torch.linalg.svd(delta.flatten(1), full_matrices=True)  # PEFT's call
    b = u[:, :rank] @ torch.diag(s[:rank])
    a = vh[:rank, :]
    return a.reshape(rank, *first.A.shape[1:]), b.reshape(len(first.B), rank, *first.B.shape[2:])


def _mixed(parts: list[tuple[LayerAdapter, float]], mix: Callable,
           density: float) -> tuple[torch.Tensor, torch.Tensor]:
    """A's and B's mixed apart, each with √|w·s| (A's with the sign too: it must act once, not twice)."""
    sizes = [math.sqrt(abs(weight * layer.scale)) for layer, weight in parts]
    signs = [1 if weight * layer.scale >= 0 else -1 for layer, weight in parts]
    a = mix([layer.A for layer, _ in parts], [size * sign for size, sign in zip(sizes, signs, strict=True)], density)
    b = mix([layer.B for layer, _ in parts], sizes, density)
    return a, b


# --- PEFT's merge_utils: task arithmetic, magnitude pruning, TIES ------------------------------------------------


def _weighted_sum(tensors: list[torch.Tensor], weights: list[float]) -> torch.Tensor:
    stacked = torch.stack(tensors)
    return (stacked * _per_tensor(torch.tensor(weights), stacked)).sum(dim=0)


def _per_tensor(weights: torch.Tensor, stacked: torch.Tensor) -> torch.Tensor:
    return weights.view(-1, *[1] * (stacked.dim() - 1))


def _pruned(tensor: torch.Tensor, density: float) -> torch.Tensor:
    """`tensor` with all but its largest `density` of entries (by magnitude) zeroed."""
    if density >= 1:
        return tensor
    mask = torch.zeros_like(tensor).reshape(-1)
    mask[torch.topk(tensor.abs().reshape(-1), k=int(density * tensor.numel()), largest=True)[1]] = 1
    return tensor * mask.reshape(tensor.shape)


def _linear(tensors: list[torch.Tensor], weights: list[float], density: float) -> torch.Tensor:
    return _weighted_sum(tensors, weights)


def _magnitude_prune(tensors: list[torch.Tensor], weights: list[float], density: float) -> torch.Tensor:
    return _weighted_sum([_pruned(t, density) for t in tensors], weights)


def _ties(tensors: list[torch.Tensor], weights: list[float], density: float) -> torch.Tensor:
    stacked = torch.stack([_pruned(t, density) for t in tensors])
    elected = torch.where(stacked.sum(dim=0) >= 0, 1, -1)  # PEFT's "total" majority sign
    agrees = stacked.sign() == elected
    weighted = stacked * _per_tensor(torch.tensor(weights), stacked)
    return (weighted * agrees).sum(dim=0) / torch.clamp(agrees.sum(dim=0), min=1.0)


MIXES: dict[str, Callable] = {"linear": _linear, "ties": _ties, "magnitude_prune": _magnitude_prune}
