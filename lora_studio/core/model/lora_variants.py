"""LoRA variants: the one place that says how an adapter turns into a weight and an output.

A variant is handed the layer and answers three questions, as PEFT's `LoraVariant` does:
    effective_weight(layer)   the weight the adapted layer acts with   (merge, export, drawing, ΔW view)
    forward(layer, x, base)   its output, given the frozen layer's output `base`   (training, evaluation)
    init(layer)               extra parameters it needs                 (DoRA's magnitude vector)
Everything else asks the layer (`LoRALayer.effective_weight`, `.delta_weight`, `.scaling`), which
asks its variant, so a variant cannot be right in the forward pass and wrong in a merge.

    lora     W' = W + s·B·A                       s = α/r
    rslora   the same with s = α/√r               (the scale rule lives in config.LoraConfig.scale)
    dora     W' = m ⊙ (W + s·B·A) / ‖W + s·B·A‖   per output row (channel); m learned, starting at ‖W‖
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch import nn

from lora_studio.core.config import LORA_VARIANTS
from lora_studio.core.vocabulary import Variant

if TYPE_CHECKING:
    from lora_studio.core.model.lora import LoRALayer


class LoraVariant:
    @property
    def fast_head(self) -> bool:
        """Whether the written-out head step (training/fast_head.py) computes this variant's gradients: it
        knows plain LoRA's formulas, with any scaling; a variant that changes anything else uses autograd."""
        cls = type(self)
        return all(getattr(cls, name) is getattr(LoraVariant, name)
                   for name in ("init", "delta_weight", "effective_weight", "forward"))

    def init(self, layer: LoRALayer) -> None:
        """Add the parameters this variant needs (called once A and B exist)."""

    def scaling(self, layer: LoRALayer) -> float:
        return layer.config.scale

    def delta_weight(self, layer: LoRALayer) -> torch.Tensor:
        return layer.low_rank_update()

    def effective_weight(self, layer: LoRALayer) -> torch.Tensor:
        return layer.base_weight() + self.delta_weight(layer)

    def forward(self, layer: LoRALayer, x: torch.Tensor, base: torch.Tensor) -> torch.Tensor:
        dropped = layer.dropped_out(x)
        return base + layer.low_rank_output(x if dropped is None else dropped) * layer.scaling


class DoRA(LoraVariant):
    """Liu et al. 2024, as PEFT computes it: the norm is a constant for the gradient (the paper's §4.3)."""

    def init(self, layer: LoRALayer) -> None:
        with torch.no_grad():
            layer.lora_magnitude_vector = nn.Parameter(self._norm(layer, layer.base_weight() + layer.low_rank_update()))

    @staticmethod
    def _norm(layer: LoRALayer, weight: torch.Tensor) -> torch.Tensor:
        return torch.linalg.vector_norm(weight.flatten(1), dim=1)  # (out,): one norm per row or output channel

    def _factor(self, layer: LoRALayer, direction: torch.Tensor) -> torch.Tensor:
        return layer.lora_magnitude_vector / self._norm(layer, direction).detach()  # (out,)

    def effective_weight(self, layer: LoRALayer) -> torch.Tensor:
        direction = layer.base_weight() + layer.low_rank_update()
        return _per_output(self._factor(layer, direction), direction) * direction

    def delta_weight(self, layer: LoRALayer) -> torch.Tensor:
        return self.effective_weight(layer) - layer.base_weight()

    def forward(self, layer: LoRALayer, x: torch.Tensor, base: torch.Tensor) -> torch.Tensor:
        # m/‖W + s·BA‖ · (W x + s·B A x) + b, written as PEFT writes it so the outputs agree to float rounding
        weight = layer.base_weight()
        factor = self._factor(layer, weight + layer.low_rank_update().detach())
        factor = factor.view(1, -1, *([1] * (base.dim() - 2)))  # (1, out) or (1, out, 1, 1)
        dropped = layer.dropped_out(x)
        if dropped is None:
            plain = base if layer.bias is None else base - layer.bias.view(1, -1, *([1] * (base.dim() - 2)))
        else:  # PEFT: with dropout active, the direction's input is the dropped-out x too
            plain = layer.apply_weight(dropped, weight)
            x = dropped
        return base + (factor - 1) * plain + factor * layer.low_rank_output(x) * layer.scaling


def _per_output(values: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    return values.view(-1, *([1] * (like.dim() - 1)))


VARIANTS: dict[str, type[LoraVariant]] = {"lora": LoraVariant, "rslora": LoraVariant, "dora": DoRA}
assert set(VARIANTS) == set(LORA_VARIANTS), "config.LORA_VARIANTS and VARIANTS name the same variants"


def register_variant(name: str, variant: type[LoraVariant], description: str) -> None:
    """Make `name` a variant everywhere LoRA is configured (config validation, layers, files)."""
    LORA_VARIANTS[name] = Variant(name, name, description)  # titled by its name: no translation knows it
    VARIANTS[name] = variant


def variant_of(name: str) -> LoraVariant:
    return VARIANTS[name]()
