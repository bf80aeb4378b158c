"""How many parameters of a built model training leaves alone, changes, and adds (the LoRA tab's table).

`params.py` gives the same numbers by arithmetic before a model exists; a test holds the two together.
"""

from dataclasses import dataclass

from torch import nn

from lora_studio.core.model.lora import ADAPTER_NAMES, unwrapped
from lora_studio.core.model.weights import layer_weight


@dataclass(frozen=True)
class LayerParams:
    """One row of the parameter report."""

    layer: str
    weight_shape: tuple[int, ...]
    frozen: int  # base parameters training leaves alone
    trainable_base: int  # base parameters training changes (all of them without LoRA; new columns with it)
    lora: int  # adapter parameters (A, B, and DoRA's magnitudes) that training changes

    @property
    def trainable(self) -> int:
        return self.trainable_base + self.lora


def parameter_report(model: nn.Module) -> list[LayerParams]:
    """Per layer: frozen, trainable and LoRA parameter counts, as training will treat them."""
    rows = []
    for name, module in model.named_children():
        base = unwrapped(module)
        adapter = sum(p.numel() for pname, p in module.named_parameters()
                      if pname.split(".")[0] in ADAPTER_NAMES and p.requires_grad)
        frozen = trainable = 0
        for parameter in base.parameters():
            if parameter.requires_grad:
                trainable += parameter.numel()
            else:
                frozen += parameter.numel()
        rows.append(LayerParams(name, tuple(layer_weight(base).shape), frozen, trainable, adapter))
    return rows


def count_trainable(model: nn.Module) -> int:
    return sum(row.trainable for row in parameter_report(model))
