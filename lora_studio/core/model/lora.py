"""LoRA layers and the surgery that puts them into a model.

A LoRA layer keeps the base weight W frozen and adds a low-rank update:
    Linear:  y = W x + b + (alpha / r) · B (A x)        A (r, in), B (out, r)
    Conv2d:  y = W * x + b + (alpha / r) · B * (A * x)   A: conv in→r with W's kernel, B: 1×1 conv r→out
B starts at zero, so a fresh adapter changes nothing. The layers hold the base
`weight` and `bias` under their own names, so a LoRA model's state dict is the
plain CNN's plus `<layer>.lora_A` / `<layer>.lora_B` (PEFT's layout, see
`peft_state_dict`).
"""

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import LoraConfig


class _LoRABase(nn.Module):
    lora_A: nn.Parameter
    lora_B: nn.Parameter

    def _adopt(self, base: nn.Module, rank: int, alpha: float) -> None:
        self.weight = base.weight  # the same Parameter objects: nothing is copied
        self.bias = base.bias
        self.weight.requires_grad_(False)
        if self.bias is not None:
            self.bias.requires_grad_(False)
        self.rank, self.alpha, self.scale = rank, alpha, alpha / rank
        self.merged = False

    def reset_adapter(self, init: str, generator: torch.Generator | None = None) -> None:
        """A small and random, B zero: the article's init (A ~ N(0, 0.01²)) or PEFT's (kaiming)."""
        with torch.no_grad():
            if init == "article":
                self.lora_A.copy_(torch.randn(self.lora_A.shape, generator=generator) * 0.01)
            else:
                self.lora_A.copy_(_kaiming_uniform(self.lora_A.shape, generator))
            self.lora_B.zero_()

    def delta_weight(self) -> torch.Tensor:
        """ΔW = (alpha / r) · B A, shaped like the base weight."""
        raise NotImplementedError

    def merge(self) -> None:
        """Fold ΔW into W: the same outputs without the extra matrix products."""
        if not self.merged:
            with torch.no_grad():
                self.weight += self.delta_weight()
            self.merged = True

    def unmerge(self) -> None:
        if self.merged:
            with torch.no_grad():
                self.weight -= self.delta_weight()
            self.merged = False


def _kaiming_uniform(shape, generator) -> torch.Tensor:
    # nn.init.kaiming_uniform_(a=√5), PEFT's init of A, written out so it can take a generator
    fan_in = math.prod(shape[1:])
    bound = math.sqrt(6 / ((1 + 5) * fan_in))
    return torch.rand(shape, generator=generator) * (2 * bound) - bound


class LoRALinear(_LoRABase):
    def __init__(self, base: nn.Linear, rank: int, alpha: float):
        super().__init__()
        self._adopt(base, rank, alpha)
        self.frozen_columns: int | None = None  # see train_new_columns
        self.lora_A = nn.Parameter(torch.zeros(rank, base.in_features))  # (r, in)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank))  # (out, r)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = partly_frozen_linear(x, self.weight, self.bias, self.frozen_columns)
        if self.merged:
            return y
        return y + F.linear(F.linear(x, self.lora_A), self.lora_B) * self.scale  # (B, in) → (B, r) → (B, out)

    def delta_weight(self) -> torch.Tensor:
        return self.lora_B @ self.lora_A * self.scale  # (out, in)


class LoRAConv2d(_LoRABase):
    def __init__(self, base: nn.Conv2d, rank: int, alpha: float):
        super().__init__()
        self._adopt(base, rank, alpha)
        self.stride, self.padding, self.dilation = base.stride, base.padding, base.dilation
        out_ch, in_ch, kh, kw = base.weight.shape
        self.lora_A = nn.Parameter(torch.zeros(rank, in_ch, kh, kw))  # conv in → r, base kernel
        self.lora_B = nn.Parameter(torch.zeros(out_ch, rank, 1, 1))  # 1×1 conv r → out

    def _conv(self, x, weight, bias=None):
        return F.conv2d(x, weight, bias, self.stride, self.padding, self.dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self._conv(x, self.weight, self.bias)
        if self.merged:
            return y
        return y + F.conv2d(self._conv(x, self.lora_A), self.lora_B) * self.scale

    def delta_weight(self) -> torch.Tensor:
        b = self.lora_B.flatten(1)  # (out, r)
        return torch.einsum("or,rikl->oikl", b, self.lora_A) * self.scale  # (out, in, kh, kw)


LORA_LAYERS = (LoRALinear, LoRAConv2d)


def apply_lora(model: nn.Module, config: LoraConfig, generator: torch.Generator | None = None) -> nn.Module:
    """Freeze every parameter of `model` and wrap the layers `config.layers` with LoRA, in place."""
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    for name in config.layers:
        base = getattr(model, name)
        wrapper = LoRALinear if isinstance(base, nn.Linear) else LoRAConv2d
        layer = wrapper(base, config.rank, config.alpha)
        layer.reset_adapter(config.init, generator)
        setattr(model, name, layer)
    return model


def lora_layers(model: nn.Module) -> dict[str, _LoRABase]:
    return {name: m for name, m in model.named_modules() if isinstance(m, LORA_LAYERS)}


def merge(model: nn.Module) -> None:
    for layer in lora_layers(model).values():
        layer.merge()


def unmerge(model: nn.Module) -> None:
    for layer in lora_layers(model).values():
        layer.unmerge()


def adapter_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """Only the LoRA tensors, under our names (`fc1.lora_A`, …)."""
    return {k: v.detach().clone() for k, v in model.state_dict().items() if ".lora_" in k}


def base_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The plain CNN's tensors (unmerged), loadable into a model without LoRA."""
    if any(layer.merged for layer in lora_layers(model).values()):
        raise RuntimeError("unmerge the model before taking its base weights")
    return {k: v.detach().clone() for k, v in model.state_dict().items() if ".lora_" not in k}


# --- PEFT's layout ------------------------------------------------------------------------
PEFT_PREFIX = "base_model.model."


def peft_state_dict(model: nn.Module) -> dict[str, torch.Tensor]:
    """Adapter tensors under PEFT's key names, shaped as PEFT's nn.Linear / nn.Conv2d hold them."""
    state = {}
    for name, layer in lora_layers(model).items():
        a, b = layer.lora_A.detach(), layer.lora_B.detach()
        state[f"{PEFT_PREFIX}{name}.lora_A.weight"] = a.clone().contiguous()
        state[f"{PEFT_PREFIX}{name}.lora_B.weight"] = b.clone().contiguous()
    return state


def load_peft_state_dict(model: nn.Module, state: dict[str, torch.Tensor]) -> None:
    """Load tensors written by `peft_state_dict` into a model that already has the LoRA layers."""
    ours = {}
    for key, value in state.items():
        if not key.startswith(PEFT_PREFIX) or not key.endswith(".weight"):
            raise KeyError(f"unexpected adapter tensor {key!r}")
        ours[key[len(PEFT_PREFIX) : -len(".weight")]] = value
    expected = set(adapter_state(model))
    if set(ours) != expected:
        missing, extra = expected - set(ours), set(ours) - expected
        raise KeyError(f"adapter tensors do not match the model (missing {sorted(missing)}, extra {sorted(extra)})")
    model.load_state_dict(ours, strict=False)


def peft_config(config: LoraConfig) -> dict:
    """adapter_config.json as PEFT writes it for a custom model, so PeftModel.from_pretrained reads it."""
    return {
        "peft_type": "LORA",
        "task_type": None,
        "base_model_name_or_path": None,
        "r": config.rank,
        "lora_alpha": config.alpha,
        "lora_dropout": 0.0,
        "target_modules": list(config.layers),
        "bias": "none",
        "fan_in_fan_out": False,
        "init_lora_weights": True if config.init == "kaiming" else "gaussian",
        "inference_mode": True,
        "modules_to_save": None,
        "use_rslora": False,
        "use_dora": False,
    }


# --- the extra-feature columns of fc1 -------------------------------------------------------


def partly_frozen_linear(x: torch.Tensor, weight: torch.Tensor, bias, frozen_columns: int | None) -> torch.Tensor:
    """F.linear, except that no gradient reaches columns [0, frozen_columns) of `weight`.

    The article's text trains the extra feature's weights but its code freezes all
    of fc1. Splitting the product keeps the weight one (out, in) tensor, as PEFT
    expects it, while the copied columns get an exact zero gradient (Adam then
    leaves them bit-for-bit unchanged), and the large frozen part needs no weight
    gradient at all.
    """
    if frozen_columns is None or not weight.requires_grad:
        return F.linear(x, weight, bias)
    k = frozen_columns
    return F.linear(x[:, :k], weight[:, :k].detach(), bias) + F.linear(x[:, k:], weight[:, k:])


class PartlyFrozenLinear(nn.Module):
    """A Linear whose first columns are frozen; used for fc1 when LoRA does not wrap it."""

    def __init__(self, base: nn.Linear):
        super().__init__()
        self.weight, self.bias = base.weight, base.bias  # the same Parameters: state dict keys unchanged
        self.frozen_columns: int | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return partly_frozen_linear(x, self.weight, self.bias, self.frozen_columns)


def train_new_columns(model: nn.Module, name: str, first_new: int) -> None:
    """Make columns `first_new:` of layer `name` trainable while the columns before stay frozen."""
    layer = getattr(model, name)
    if not isinstance(layer, (LoRALinear, PartlyFrozenLinear)):
        layer = PartlyFrozenLinear(layer)
        setattr(model, name, layer)
    layer.frozen_columns = first_new
    layer.weight.requires_grad_(True)


def trainable_parts(model: nn.Module) -> tuple[list[nn.Parameter], list[tuple | None]]:
    """The parameters training changes, each with the index of the part of it that gets a gradient (None:
    all of it; fc1's new columns when its copied columns are frozen)."""
    regions = {}
    for module in model.modules():
        frozen_columns = getattr(module, "frozen_columns", None)
        if frozen_columns is not None and module.weight.requires_grad:
            regions[id(module.weight)] = (slice(None), slice(frozen_columns, None))
    params = [p for p in model.parameters() if p.requires_grad]
    return params, [regions.get(id(p)) for p in params]


@dataclass(frozen=True)
class LayerParams:
    """One row of the parameter report."""

    layer: str
    weight_shape: tuple[int, ...]
    frozen: int  # base parameters training leaves alone
    trainable_base: int  # base parameters training changes (all of them without LoRA; new columns with it)
    lora: int  # LoRA parameters (A and B)

    @property
    def trainable(self) -> int:
        return self.trainable_base + self.lora


def parameter_report(model: nn.Module) -> list[LayerParams]:
    """Per layer: frozen, trainable and LoRA parameter counts, as training will treat them."""
    rows = []
    for name, module in model.named_children():
        frozen = trainable = adapter = 0
        frozen_columns = getattr(module, "frozen_columns", None)
        for pname, parameter in module.named_parameters():
            if pname.startswith("lora_"):
                adapter += parameter.numel() if parameter.requires_grad else 0
                continue
            if not parameter.requires_grad:
                changed = 0
            elif pname == "weight" and frozen_columns is not None:
                changed = (parameter.shape[1] - frozen_columns) * parameter.shape[0]
            else:
                changed = parameter.numel()
            trainable += changed
            frozen += parameter.numel() - changed
        rows.append(LayerParams(name, tuple(module.weight.shape), frozen, trainable, adapter))
    return rows


def count_trainable(model: nn.Module) -> int:
    return sum(row.trainable for row in parameter_report(model))
