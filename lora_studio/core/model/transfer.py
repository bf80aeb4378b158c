"""Weight transfer from the base CNN into the feature CNN, as the article does it, with a report.

Every base tensor whose shape matches is copied. fc1.weight grows from
(64, 784) to (64, 784 + F): its first 784 columns are copied (the article's text
says 1568, a slip: 16·7·7 = 784) and the new columns are either left random by
seed or set to zero.
"""

from dataclasses import dataclass, field

import torch
from torch import nn

from lora_studio.core.model import weights


@dataclass
class TransferReport:
    copied: list[str] = field(default_factory=list)  # whole tensors
    partly_copied: dict[str, str] = field(default_factory=dict)  # name → what was copied, what is new
    new: list[str] = field(default_factory=list)  # tensors of the target with no counterpart
    skipped: dict[str, str] = field(default_factory=dict)  # name → why it could not be used

    def lines(self) -> list[str]:
        out = [f"copied       {name}" for name in self.copied]
        out += [f"partly       {name}: {how}" for name, how in self.partly_copied.items()]
        out += [f"new          {name}" for name in self.new]
        out += [f"not copied   {name}: {why}" for name, why in self.skipped.items()]
        return out

    def to_dict(self) -> dict:
        return {"copied": self.copied, "partly_copied": self.partly_copied, "new": self.new, "skipped": self.skipped}


@torch.no_grad()
def transfer_weights(
    base: nn.Module, target: nn.Module, new_columns: str = "random", generator: torch.Generator | None = None
) -> TransferReport:
    """Copy `base`'s weights into `target` (plain CNNs, before LoRA is applied), key by key, in the file
    layout (fc1.weight one matrix, whatever the models keep apart)."""
    report = TransferReport()
    source, state = weights.plain_state(base), weights.plain_state(target)
    for name, tensor in state.items():
        if name not in source:
            report.new.append(name)
            continue
        old = source[name]
        if old.shape == tensor.shape:
            tensor.copy_(old)
            report.copied.append(name)
        elif _grows_columns(old, tensor):
            kept = old.shape[1]
            tensor[:, :kept].copy_(old)
            if new_columns == "zeros":
                tensor[:, kept:].zero_()
            else:
                _init_columns(tensor, kept, generator)
            how = "zero" if new_columns == "zeros" else "random"
            report.partly_copied[name] = (
                f"columns 0–{kept - 1} copied, {tensor.shape[1] - kept} new column(s) {how}"
            )
        else:
            report.skipped[name] = f"shape {tuple(old.shape)} does not fit {tuple(tensor.shape)}"
    weights.load_plain_state(target, state)
    return report


def _grows_columns(old: torch.Tensor, new: torch.Tensor) -> bool:
    return old.dim() == new.dim() == 2 and old.shape[0] == new.shape[0] and old.shape[1] < new.shape[1]


def _init_columns(weight: torch.Tensor, first: int, generator) -> None:
    # nn.Linear's own default init for the whole layer: U(-1/√in, 1/√in)
    bound = 1 / weight.shape[1] ** 0.5
    shape = (weight.shape[0], weight.shape[1] - first)
    weight[:, first:] = torch.rand(shape, generator=generator) * (2 * bound) - bound
