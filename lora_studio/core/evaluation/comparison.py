"""Models side by side: the seeds of one setting grouped, and feature+LoRA paired with its control over seeds.

The LoRA tab (and `experiment --seeds`) repeats a fine-tuning with seeds 0, 1, …,
saving one model per seed. Here those models are recognised as one setting
(same base, data, LoRA and training settings; only the seed differs), summarised
(mean and spread), and the feature's effect is taken over the seeds that both
the feature+LoRA setting and its control ran: a t interval over seeds when there
are two or more (training noise included), else the paired interval over test
images of `evaluation.feature_effect`. Used by the Evaluation tab and `evaluate`.
"""

import math
from dataclasses import dataclass

import numpy as np

from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.core.evaluation.scores import Effect, Predictions, feature_effect
from lora_studio.core.vocabulary import CONTROL_LORA, FEATURE_LORA, LORA


@dataclass(frozen=True)
class Scored:
    """One evaluated model, as the comparison needs it."""

    id: str
    name: str
    kind: str  # the library's kind: base | feature_lora | lora | head | full | scratch
    parent: str | None
    seed: int
    setting: tuple  # everything that defines the run except the seed and the extra features (same_setting)
    features: tuple[str, ...]
    accuracy: float
    loss: float
    trainable_params: int | None
    total_params: int | None
    seconds: float | None  # the whole training step (set-up included), from the model's metrics
    correct: np.ndarray | None = None  # (N,) bool, per test image


def scored(model_id: str, record, predictions: Predictions) -> Scored:
    """A model of the library (its ModelRecord) with its answers on the test set."""
    facts = record.summary()
    seconds = facts["wall_seconds"]
    return Scored(model_id, facts["name"], facts["kind"], facts["parent"], facts["seed"], setting_key(facts),
                  facts["features"], predictions.accuracy, predictions.loss, facts["trainable_params"],
                  facts["total_params"], None if seconds is None else float(seconds), predictions.correct)


@dataclass(frozen=True)
class Group:
    """The models of one setting (one per seed)."""

    kind: str
    members: tuple[Scored, ...]

    @property
    def seeds(self) -> tuple[int, ...]:
        return tuple(m.seed for m in self.members)

    @property
    def mean_accuracy(self) -> float:
        return float(np.mean([m.accuracy for m in self.members]))

    @property
    def sd_accuracy(self) -> float:
        """Standard deviation over seeds (n − 1); NaN for a single seed."""
        values = [m.accuracy for m in self.members]
        return float(np.std(values, ddof=1)) if len(values) > 1 else math.nan

    @property
    def mean_loss(self) -> float:
        return float(np.mean([m.loss for m in self.members]))

    @property
    def mean_seconds(self) -> float | None:
        seconds = [m.seconds for m in self.members if m.seconds is not None]
        return float(np.mean(seconds)) if seconds else None


def group_by_setting(models: list[Scored]) -> list[Group]:
    """Groups in the order their first member appears; members ordered by seed."""
    groups: dict[tuple, list[Scored]] = {}
    for model in models:
        groups.setdefault((model.kind, model.setting, model.features), []).append(model)
    return [Group(key[0], tuple(sorted(members, key=lambda m: m.seed))) for key, members in groups.items()]


@dataclass(frozen=True)
class SeedEffect:
    """The feature's effect for one feature+LoRA setting against its control, with what it was computed on."""

    effect: Effect
    feature_ids: tuple[str, ...]
    control_ids: tuple[str, ...]
    seeds: tuple[int, ...]

    def to_dict(self) -> dict:
        return {**self.effect.to_dict(), "seeds": list(self.seeds), "feature": list(self.feature_ids),
                "control": list(self.control_ids)}


def seed_effect(models: list[Scored]) -> SeedEffect | None:
    """Feature+LoRA minus control over the seeds both ran (the pair of settings with the most such seeds).

    None when no feature+LoRA model has a control of the same setting among `models`.
    """
    groups = group_by_setting(models)
    best = None
    for f in (g for g in groups if g.kind == FEATURE_LORA):
        for c in (g for g in groups if g.kind == LORA):
            if f.members[0].setting != c.members[0].setting:
                continue
            f_by_seed = {m.seed: m for m in f.members}
            c_by_seed = {m.seed: m for m in c.members}
            common = sorted(set(f_by_seed) & set(c_by_seed))
            if common and (best is None or len(common) > len(best[2])):
                best = (f_by_seed, c_by_seed, common)
    if best is None:
        return None
    f_by_seed, c_by_seed, seeds = best
    features, controls = [f_by_seed[s] for s in seeds], [c_by_seed[s] for s in seeds]
    if len(seeds) >= 2:
        effect = feature_effect([m.accuracy for m in features], [m.accuracy for m in controls])
    else:
        effect = feature_effect([features[0].accuracy], [controls[0].accuracy], features[0].correct,
                                controls[0].correct)
    return SeedEffect(effect, tuple(m.id for m in features), tuple(m.id for m in controls), tuple(seeds))


def roles(models: list[Scored]) -> dict[str, str]:
    """What each model is beside the others, by id: a LoRA model without extra inputs is the control of a
    feature+LoRA model of the same setting and seed among `models` (`control_lora`); any other model is its kind.
    A LoRA run is called a control only where it is one."""
    features = {(m.setting, m.seed) for m in models if m.kind == FEATURE_LORA}
    return {m.id: CONTROL_LORA if m.kind == LORA and (m.setting, m.seed) in features else m.kind for m in models}


def group_role(group: Group, roles_by_id: dict[str, str]) -> str:
    """A group's role: `control_lora` when every member is a control (`roles`), else its kind."""
    return CONTROL_LORA if all(roles_by_id.get(m.id) == CONTROL_LORA for m in group.members) else group.kind
