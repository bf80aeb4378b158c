"""What a model offers a trainer that caches its frozen prefix: it runs in named stages.

A trainer asks the model which stage each of its layers belongs to, runs the stages
before the first trainable one once over a data set (they are frozen, so their
output never changes), and the rest per batch. `prefix_state` says what that
output depends on, so that models holding the same weights can share it.
"""

import dataclasses

import torch
from torch import nn


class StagedModel(nn.Module):
    #: the stages `run_stages` runs, in order
    stages: tuple[str, ...] = ()
    #: the first stage of the head: the extra features join its input, so no stage before it depends on them
    head_stage: int = 0

    def stage_of(self, layer: str) -> int:
        """The stage that runs the child module named `layer`."""
        raise NotImplementedError

    def run_stages(self, h: torch.Tensor, start: int, extra: torch.Tensor | None = None,
                   stop: int | None = None) -> torch.Tensor:
        """Stages start … stop-1 (to the last by default) on h, the output of stage start-1 (or the images)."""
        raise NotImplementedError

    def prefix_constants(self) -> tuple:
        """Plain values the stages use besides their layers' settings and tensors (none by default)."""
        return ()

    def prefix_state(self, stop: int) -> tuple[str, list[torch.Tensor]]:
        """What the output of stages 0 … stop-1 depends on besides the images: a description of their layers
        and of `prefix_constants`, and every tensor those layers hold. Two models whose descriptions are equal
        and whose tensors are equal give the same output."""
        layers = [module for name, module in self.named_children() if self.stage_of(name) < stop]
        settings = [(type(m).__qualname__, _settings(m)) for layer in layers for m in layer.modules()]
        description = repr((stop, self.prefix_constants(), settings))
        return description, [t for layer in layers for t in (*layer.parameters(), *layer.buffers())]


def _settings(module: nn.Module) -> list[tuple[str, str]]:
    """A module's own settings, which decide its output beside its tensors: plain values and configs as they
    are (a conv's stride and padding, a LoRA layer's rank and LoraConfig), other objects by their class (a LoRA
    layer's variant). Not `training`: a frozen prefix runs the same in both modes (it has no dropout), and a
    model evaluated after training must find its output again."""
    settings = []
    for name, value in sorted(vars(module).items()):
        if name.startswith("_") or name == "training" or isinstance(value, torch.Tensor):
            continue
        plain = isinstance(value, (bool, int, float, str, tuple, type(None))) or dataclasses.is_dataclass(value)
        settings.append((name, repr(value) if plain else type(value).__qualname__))
    return settings


def staged(model: nn.Module) -> StagedModel:
    """`model`, which must run in stages (TypeError for one that does not)."""
    if not isinstance(model, StagedModel):
        raise TypeError(f"{type(model).__name__} does not run in stages (model/staged.py)")
    return model
