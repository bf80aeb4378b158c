"""A model's tensors as files and PEFT hold them, and back: the only place the two layouts meet.

In memory, a LoRA layer wraps its base (`fc1.base_layer.weight`) and fc1 of a feature model keeps its
image and feature columns apart (`weight`, `extra_weight`). On disk, and for PEFT, a model is the
article's plain CNN: `fc1.weight` is one (64, 784 + F) matrix, and the adapters are separate tensors
(`fc1.lora_A`, …; under PEFT's names in the adapter files).
"""

from collections.abc import Callable

import torch
from torch import nn

from lora_studio.core.config import LoraConfig
from lora_studio.core.errors import ConfigError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.model.lora import ADAPTER_NAMES, LoRAConv2d, LoRALayer, lora_layers, unwrapped

PEFT_PREFIX = "base_model.model."


def layer_weight(module: nn.Module) -> torch.Tensor:
    """The weight a layer acts with, as one tensor: a LoRA layer's effective weight (adapter folded in),
    fc1's image and feature columns joined, or a plain layer's weight."""
    if isinstance(module, LoRALayer):
        return module.effective_weight()
    if isinstance(module, FeatureLinear):
        return module.effective_weight()
    return _tensor(module, "weight")


def stored_weight(module: nn.Module) -> torch.Tensor:
    """A plain layer's weight as files hold it: fc1's columns joined, whatever strength it acts with."""
    return module.joined_weight() if isinstance(module, FeatureLinear) else _tensor(module, "weight")


def _tensor(module: nn.Module, name: str) -> torch.Tensor:
    tensor = getattr(module, name)
    assert isinstance(tensor, torch.Tensor), f"{type(module).__name__}.{name} is not a tensor"
    return tensor


def _file_tensors(model: nn.Module, weight_of: Callable[[nn.Module], torch.Tensor]) -> dict[str, torch.Tensor]:
    state = {}
    with torch.no_grad():
        for name, module in model.named_children():
            state[f"{name}.weight"] = weight_of(module).detach().clone()
            bias = unwrapped(module).bias
            if isinstance(bias, torch.Tensor):
                state[f"{name}.bias"] = bias.detach().clone()
    return state


def plain_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The plain CNN's tensors (LoRA left out, unmerged), in the file layout: copies."""
    if any(layer.merged for layer in lora_layers(model).values()):
        raise RuntimeError("unmerge the model before taking its base weights")
    return _file_tensors(model, lambda module: stored_weight(unwrapped(module)))


@torch.no_grad()
def load_plain_state(model: nn.Module, tensors: dict[str, torch.Tensor]) -> None:
    """Load file-layout tensors (`plain_state`'s keys, shapes checked by the caller) into the base layers."""
    expected = plain_state(model)
    if set(tensors) != set(expected):
        missing, extra = set(expected) - set(tensors), set(tensors) - set(expected)
        raise KeyError(f"tensors do not match the model (missing {sorted(missing)}, extra {sorted(extra)})")
    for name, module in model.named_children():
        base = unwrapped(module)
        if isinstance(base, FeatureLinear):
            base.load_joined_weight(tensors[f"{name}.weight"])
        else:
            _tensor(base, "weight").copy_(tensors[f"{name}.weight"])
        if isinstance(base.bias, torch.Tensor):
            base.bias.copy_(tensors[f"{name}.bias"])


def merged_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The plain CNN's tensors with every adapter folded in: what "export merged" writes and the drawing
    model runs. Refuses (ConfigError, a ValueError) weights holding NaN or infinity, as PEFT's safe merge does;
    the model is not changed."""
    state = _file_tensors(model, layer_weight)
    for name, tensor in state.items():
        if not torch.isfinite(tensor).all():
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "merging gives NaN or infinite values in {0}"), name)
    return state


def adapter_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """Only the adapters' tensors, under our names (`fc1.lora_A`, `fc1.lora_B`, DoRA's
    `fc1.lora_magnitude_vector`): copies."""
    return {f"{name}.{tensor}": getattr(layer, tensor).detach().clone()
            for name, layer in lora_layers(model).items() for tensor in ADAPTER_NAMES if hasattr(layer, tensor)}


# --- PEFT's layout ------------------------------------------------------------------------


def _peft_key(ours: str) -> str:
    # PEFT saves lora_A/lora_B as Linear/Conv modules (`.weight`) and DoRA's magnitude as a module's weight too
    return f"{PEFT_PREFIX}{ours}.weight"


def peft_state_dict(model: nn.Module) -> dict[str, torch.Tensor]:
    """Adapter tensors under PEFT's key names, shaped as PEFT's nn.Linear / nn.Conv2d hold them."""
    state = {}
    for key, tensor in adapter_state(model).items():
        if key.endswith(".lora_magnitude_vector") and isinstance(lora_layers(model)[key.rsplit(".", 1)[0]], LoRAConv2d):
            tensor = tensor.view(1, -1, 1, 1)  # PEFT keeps a conv's magnitudes shaped to broadcast over (N, C, H, W)
        state[_peft_key(key)] = tensor.contiguous()
    return state


@torch.no_grad()
def load_peft_state_dict(model: nn.Module, state: dict[str, torch.Tensor]) -> None:
    """Load tensors written by `peft_state_dict` into a model that already has the LoRA layers."""
    ours = {}
    for key, value in state.items():
        if not key.startswith(PEFT_PREFIX) or not key.endswith(".weight"):
            raise KeyError(f"unexpected adapter tensor {key!r}")
        ours[key[len(PEFT_PREFIX) : -len(".weight")]] = value
    expected = adapter_state(model)
    if set(ours) != set(expected):
        missing, extra = set(expected) - set(ours), set(ours) - set(expected)
        raise KeyError(f"adapter tensors do not match the model (missing {sorted(missing)}, extra {sorted(extra)})")
    layers = lora_layers(model)
    for key, value in ours.items():
        name, tensor = key.rsplit(".", 1)
        target = getattr(layers[name], tensor)
        target.copy_(value.reshape(target.shape))


def peft_config(config: LoraConfig) -> dict:
    """adapter_config.json as PEFT writes it for a custom model, so PeftModel.from_pretrained reads it."""
    return {
        "peft_type": "LORA",
        "task_type": None,
        "base_model_name_or_path": None,
        "r": config.rank,
        "lora_alpha": config.alpha,
        "lora_dropout": config.dropout,
        "target_modules": list(config.layers),
        "bias": "none",
        "fan_in_fan_out": False,
        # PEFT has no "A ~ N(0, 0.01²)" init (its "gaussian" is std 1/r); the weights are loaded from the
        # file anyway, so say "default" (B zero) rather than name an init that was not used
        "init_lora_weights": True,
        "inference_mode": True,
        "modules_to_save": None,
        "use_rslora": config.variant == "rslora",
        "use_dora": config.variant == "dora",
    }
