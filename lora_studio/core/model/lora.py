"""LoRA layers and the surgery that puts them into a model.

A LoRA layer wraps a frozen base layer (PEFT's `base_layer`) and adds a low-rank update:
    Linear:  y = W x + b + s · B (A x)        A (r, in), B (out, r)
    Conv2d:  y = W * x + b + s · B * (A * x)   A: conv in→r with W's kernel, B: 1×1 conv r→out
with s = α/r (α/√r for rsLoRA). B starts at zero, so a fresh adapter changes nothing. How the
adapter becomes a weight and an output is its variant's business (lora_variants.py); everything
here that needs ΔW or the merged weight asks the layer, which asks the variant.
"""

import math

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import LoraConfig
from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.model.lora_variants import variant_of

ADAPTER_NAMES = ("lora_A", "lora_B", "lora_magnitude_vector")  # what a LoRA layer adds to its base's tensors


class LoRALayer(nn.Module):
    base_layer: nn.Linear | nn.Conv2d | FeatureLinear
    lora_A: nn.Parameter
    lora_B: nn.Parameter
    lora_magnitude_vector: nn.Parameter  # DoRA's only (lora_variants.DoRA.init)

    def __init__(self, base_layer: nn.Linear | nn.Conv2d | FeatureLinear, config: LoraConfig):
        super().__init__()
        self.base_layer = base_layer
        for parameter in base_layer.parameters():
            parameter.requires_grad_(False)
        self.config, self.rank, self.alpha = config, config.rank, config.alpha
        self.variant = variant_of(config.variant)
        self.lora_dropout = nn.Dropout(config.dropout) if config.dropout else nn.Identity()
        self._unmerged: torch.Tensor | None = None  # the base weight before `merge` wrote over it
        #: how much of the trained adapter acts: 0 = the base exactly, 1 = as trained (the Evaluation tab's slider)
        self.strength = 1.0

    # --- what the variant asks of the layer ------------------------------------------------

    @property
    def bias(self) -> torch.Tensor | None:
        return self.base_layer.bias

    @property
    def scaling(self) -> float:
        return self.variant.scaling(self)

    def base_weight(self) -> torch.Tensor:
        """The frozen weight, as one tensor (fc1's image and feature columns joined)."""
        base = self.base_layer
        return base.joined_weight() if isinstance(base, FeatureLinear) else base.weight

    def low_rank_update(self) -> torch.Tensor:
        """s · B·A, shaped like the base weight."""
        raise NotImplementedError

    def low_rank_output(self, x: torch.Tensor) -> torch.Tensor:
        """B(A x), unscaled."""
        raise NotImplementedError

    def apply_weight(self, x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
        """The base layer's operation with another weight and no bias."""
        raise NotImplementedError

    def dropped_out(self, x: torch.Tensor) -> torch.Tensor | None:
        """x after LoRA dropout, or None when dropout does nothing (no dropout, or not training)."""
        return self.lora_dropout(x) if self.training and self.config.dropout else None

    # --- what everyone else asks -------------------------------------------------------

    def effective_weight(self) -> torch.Tensor:
        """The weight this layer acts with: what a merge writes, an export holds, the drawing model uses."""
        if self.merged:
            return self.base_weight()
        if self.strength == 1:
            return self.variant.effective_weight(self)
        base = self.base_layer  # fc1's feature columns act at the same strength (set_strength)
        scaled = base.effective_weight() if isinstance(base, FeatureLinear) else self.base_weight()
        return scaled + self.delta_weight()

    def delta_weight(self) -> torch.Tensor:
        """ΔW: the effective weight minus the frozen one (of an unmerged layer: a merged one's W holds it)."""
        if self.merged:
            raise ValueError("unmerge the model first: a merged layer's W already holds ΔW")
        delta = self.variant.delta_weight(self)
        return delta if self.strength == 1 else delta * self.strength

    @property
    def supports_fast_head(self) -> bool:
        """Whether training/fast_head.py may compute this layer's gradients by its formulas."""
        return self.variant.fast_head and not self.config.dropout and self._unmerged is None and self.strength == 1

    @property
    def merged(self) -> bool:
        return self._unmerged is not None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        base = self.base_layer(x)
        if self.merged or self.strength == 0:
            return base
        if self.strength == 1:
            return self.variant.forward(self, x, base)
        # outputs are linear in the weight: this is the layer acting with W + strength·ΔW, for any variant, where
        # ΔW is what the adapter adds to the weight as trained (fc1's feature columns at full strength)
        as_trained = base
        if isinstance(self.base_layer, FeatureLinear) and self.base_layer.extra_scale != 1:
            as_trained = self.apply_weight(x, self.base_weight()) + self.base_layer.bias
        return base + self.strength * (self.variant.forward(self, x, as_trained) - as_trained)

    def reset_adapter(self, init: str, generator: torch.Generator | None = None) -> None:
        """A small and random, B zero: the article's init (A ~ N(0, 0.01²)) or PEFT's (kaiming); then the
        variant's own parameters from them."""
        with torch.no_grad():
            if init == "article":
                self.lora_A.copy_(torch.randn(self.lora_A.shape, generator=generator) * 0.01)
            else:
                self.lora_A.copy_(_kaiming_uniform(self.lora_A.shape, generator))
            self.lora_B.zero_()
        self.variant.init(self)

    @torch.no_grad()
    def merge(self, safe: bool = True) -> None:
        """Write the effective weight over the base weight: the same outputs without the extra products.

        `safe` (PEFT's safe_merge): compute the merged weight apart and refuse it if it holds NaN or
        infinity, leaving the layer as it was."""
        if self.merged:
            return
        merged = self.effective_weight().detach().clone()
        if safe and not torch.isfinite(merged).all():
            raise ValueError("merging would write NaN or infinite weights; the layer was left unmerged")
        self._unmerged = self.base_weight().detach().clone()
        self._write_base_weight(merged)

    @torch.no_grad()
    def unmerge(self) -> None:
        if self._unmerged is not None:
            self._write_base_weight(self._unmerged)
            self._unmerged = None

    def _write_base_weight(self, weight: torch.Tensor) -> None:
        if isinstance(self.base_layer, FeatureLinear):
            self.base_layer.load_joined_weight(weight)
        else:
            self.base_layer.weight.copy_(weight)


def _kaiming_uniform(shape, generator) -> torch.Tensor:
    # nn.init.kaiming_uniform_(a=√5), PEFT's init of A, written out so it can take a generator
    fan_in = math.prod(shape[1:])
    bound = math.sqrt(6 / ((1 + 5) * fan_in))
    return torch.rand(shape, generator=generator) * (2 * bound) - bound


class LoRALinear(LoRALayer):
    def __init__(self, base_layer: nn.Linear | FeatureLinear, config: LoraConfig):
        super().__init__(base_layer, config)
        self.lora_A = nn.Parameter(torch.zeros(config.rank, base_layer.in_features))  # (r, in)
        self.lora_B = nn.Parameter(torch.zeros(base_layer.out_features, config.rank))  # (out, r)

    def low_rank_update(self) -> torch.Tensor:
        return self.lora_B @ self.lora_A * self.scaling  # (out, in)

    def low_rank_output(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(F.linear(x, self.lora_A), self.lora_B)  # (B, in) → (B, r) → (B, out)

    def apply_weight(self, x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
        return F.linear(x, weight)


class LoRAConv2d(LoRALayer):
    def __init__(self, base_layer: nn.Conv2d, config: LoraConfig):
        if base_layer.groups != 1 or base_layer.padding_mode != "zeros":
            raise ValueError("LoRA here adapts plain convolutions (one group, zero padding)")
        super().__init__(base_layer, config)
        out_ch, in_ch, kh, kw = base_layer.weight.shape
        # laid out like the model's own convolutions (cnn.py: NHWC): an NCHW weight makes the adapter's convolutions
        # and their gradients take the slow NCHW path, which made a conv1-adapted step slower than a full one
        layout = torch.channels_last
        self.lora_A = nn.Parameter(torch.zeros(config.rank, in_ch, kh, kw).to(memory_format=layout))
        self.lora_B = nn.Parameter(torch.zeros(out_ch, config.rank, 1, 1).to(memory_format=layout))

    def low_rank_update(self) -> torch.Tensor:
        b = self.lora_B.flatten(1)  # (out, r)
        return torch.einsum("or,rikl->oikl", b, self.lora_A) * self.scaling  # (out, in, kh, kw)

    def low_rank_output(self, x: torch.Tensor) -> torch.Tensor:
        return F.conv2d(self.apply_weight(x, self.lora_A), self.lora_B)

    def apply_weight(self, x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
        base = self.base_layer
        assert isinstance(base, nn.Conv2d)
        return F.conv2d(x, weight, None, base.stride, base.padding, base.dilation)


def apply_lora(model: nn.Module, config: LoraConfig, generator: torch.Generator | None = None) -> nn.Module:
    """Freeze every parameter of `model` and wrap the layers `config.layers` with LoRA, in place."""
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    for name in config.layers:
        base = getattr(model, name)
        layer = LoRAConv2d(base, config) if isinstance(base, nn.Conv2d) else LoRALinear(base, config)
        layer.reset_adapter(config.init, generator)
        setattr(model, name, layer)
    return model


def lora_layers(model: nn.Module) -> dict[str, LoRALayer]:
    return {name: m for name, m in model.named_modules() if isinstance(m, LoRALayer)}


def merge(model: nn.Module, safe: bool = True) -> None:
    layers = lora_layers(model).values()
    for layer in layers:
        try:
            layer.merge(safe)
        except ValueError:
            for done in layers:  # all or nothing
                done.unmerge()
            raise


def unmerge(model: nn.Module) -> None:
    for layer in lora_layers(model).values():
        layer.unmerge()


STRENGTHS = (0.0, 2.0)  # adapter strength: from none of the adapter to twice it


def set_strength(model: nn.Module, strength: float) -> None:
    """Scale every adapter of `model` to `strength` of what it learned (0: the base model bit for bit)."""
    low, high = STRENGTHS
    if not low <= strength <= high:
        raise ValueError(f"adapter strength must be between {low:g} and {high:g}, got {strength:g}")
    for layer in lora_layers(model).values():
        if layer.merged:
            raise ValueError("unmerge the model before changing its adapters' strength")
        layer.strength = float(strength)
    for module in model.modules():  # the new feature columns were added by fine-tuning too
        if isinstance(module, FeatureLinear):
            module.extra_scale = float(strength)


def unwrapped(module: nn.Module) -> nn.Module:
    """The base layer under a LoRA layer, or the module itself."""
    return module.base_layer if isinstance(module, LoRALayer) else module


def train_feature_columns(model: nn.Module, name: str = "fc1") -> None:
    """Let training change layer `name`'s extra-feature columns; its image columns stay as they are."""
    layer = unwrapped(getattr(model, name))
    if not isinstance(layer, FeatureLinear):
        raise ValueError(f"{name} has no extra-feature columns")
    layer.extra_weight.requires_grad_(True)


def parameter_groups(model: nn.Module, lora_plus_ratio: float = 1.0) -> list[dict]:
    """The trained parameters in optimizer groups: {"params": [...], "lr_scale": factor of the learning rate}.

    LoRA+ (Hayou et al. 2024) trains B with a learning rate `lora_plus_ratio` times A's; everything else
    trained (A, DoRA's magnitudes, feature columns, a whole layer) takes the plain rate."""
    plain: list[nn.Parameter] = []
    faster: list[nn.Parameter] = []
    for name, parameter in model.named_parameters():
        if parameter.requires_grad:
            (faster if name.endswith(".lora_B") and lora_plus_ratio != 1 else plain).append(parameter)
    groups = [{"params": plain, "lr_scale": 1.0}, {"params": faster, "lr_scale": float(lora_plus_ratio)}]
    return [group for group in groups if group["params"]]
