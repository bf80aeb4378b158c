"""Accuracy against adapter strength: what the Evaluation tab's strength plot draws.

A LoRA model acts with W + strength·ΔW (model/lora.py's `set_strength`): 0 is the base model exactly, 1 the
model as trained, 2 twice its update. Scoring the model at a few strengths on the target task and on the source
task shows the trade a person makes by turning the adapter up or down: more of the new task, less of the old.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from torch import nn

from lora_studio.core.data.datasets import Split
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.model import lora
from lora_studio.core.model.staged import staged
from lora_studio.core.training.prefix_cache import PrefixCache

#: the strengths the plot is computed at: 0 to 2 in quarters
STRENGTH_STEPS = tuple(step / 4 for step in range(9))


@dataclass(frozen=True)
class StrengthCurve:
    strengths: tuple[float, ...]
    target_accuracy: tuple[float, ...]  # on the target task's test split, one per strength
    source_accuracy: tuple[float, ...]  # on the source task's (the base's own data set's) test split

    def to_dict(self) -> dict:
        return {"strengths": list(self.strengths), "target_accuracy": list(self.target_accuracy),
                "source_accuracy": list(self.source_accuracy)}


def accuracy_by_strength(
    model: nn.Module,
    target: Split,
    source: Split,
    features: FeatureScaler | None = None,
    strengths: Sequence[float] = STRENGTH_STEPS,
    should_stop: Callable[[], bool] | None = None,
) -> StrengthCurve:
    """Target and source accuracy of a LoRA `model` with its adapters at each of `strengths` (0 … 2).

    `features` is the model's record's feature standardisation (None without extra inputs). `should_stop` is
    asked before each strength: once it says yes, the curve ends at the strengths scored so far. The model's
    adapters are back at strength 1 afterwards, whatever happened. ValueError for a model without adapters
    or a strength outside 0 … 2.
    """
    layers = lora.lora_layers(model)
    if not layers:
        raise ValueError("the model has no LoRA adapters to scale")
    staged_model = staged(model)
    # adapters inside the stages before the head change their output with the strength: nothing to share there
    before_head = any(staged_model.stage_of(name.split(".")[0]) < staged_model.head_stage for name in layers)
    extra = {id(split): None if features is None else features.transform(split.images) for split in (target, source)}
    on_target: list[float] = []
    on_source: list[float] = []
    try:
        with PrefixCache() as cache:  # adapters in the head only: the convolutions run once over each split
            for strength in strengths:
                if should_stop is not None and should_stop():
                    break
                lora.set_strength(model, strength)
                scores = predict(model, target.images, target.labels, extra[id(target)], cache)
                on_target.append(scores.accuracy)
                if source is target:
                    on_source.append(scores.accuracy)
                else:
                    on_source.append(predict(model, source.images, source.labels, extra[id(source)], cache).accuracy)
                if before_head:
                    cache.clear()
    finally:
        lora.set_strength(model, 1.0)
    return StrengthCurve(tuple(float(s) for s in strengths[:len(on_target)]), tuple(on_target), tuple(on_source))



