"""What a run is asked to do: the article's whole experiment, or fine-tunings of one base model.

These are use-case plans, not settings of one concern (config.py): they name a target task, which
data/task_names.py checks, so they live above the data layer.
"""

from dataclasses import dataclass, field

from lora_studio.core.config import (
    METHODS,
    ConfigError,
    DataConfig,
    LoraConfig,
    TrainConfig,
    check_choice,
    check_range,
)
from lora_studio.core.data.task_names import check_task
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.vocabulary import CONTROL_LORA, FEATURE_LORA, LORA


@dataclass(frozen=True)
class ExperimentConfig:
    """The article's whole experiment: base → feature model + LoRA → control."""

    data: DataConfig = field(default_factory=DataConfig)
    base: TrainConfig = field(default_factory=TrainConfig)
    lora_train: TrainConfig = field(default_factory=lambda: TrainConfig(epochs=2))
    lora: LoraConfig = field(default_factory=LoraConfig)
    features: tuple[str, ...] = ("brightness",)
    control: bool = True  # also fine-tune the same LoRA without the extra features
    seeds: tuple[int, ...] = (0,)
    task: str = "same"  # the target task the base is fine-tuned for (FinetunePlan.task)
    method: str = "lora"  # one of METHODS; features and control apply to lora only

    def __post_init__(self):
        _check_seeds_and_features(self.seeds, self.features)
        check_choice("method", self.method, tuple(METHODS))
        object.__setattr__(self, "task", check_task(self.task))


@dataclass(frozen=True)
class FinetunePlan:
    """Fine-tunings of one base model on a target task, per seed. With the `lora` method: with the extra
    features, and without them (the control); the other methods run the plain CNN, one run per seed."""

    base_id: str  # the base model in the library ("": one just trained, not saved)
    lora: LoraConfig = field(default_factory=LoraConfig)
    features: tuple[str, ...] = ("brightness",)  # lora only: the other methods take no extra inputs
    # lora with extra features only: also fine-tune the same LoRA without them (False otherwise, whatever was
    # asked: without extra features a run is plain LoRA, and a control of it would be the same run again)
    control: bool = True
    seeds: tuple[int, ...] = (0,)
    train: TrainConfig = field(default_factory=lambda: TrainConfig(epochs=2))  # each run takes one of `seeds`
    limit: int | None = None  # use only the first N training images (None: all)
    task: str = "same"  # the target task, as data/task_names.parse_task reads it ("folder:PATH" too)
    method: str = "lora"  # one of METHODS

    def __post_init__(self):
        _check_seeds_and_features(self.seeds, self.features)
        if self.limit is not None:
            check_range("limit", self.limit, whole=True)
        check_choice("method", self.method, tuple(METHODS))
        object.__setattr__(self, "task", check_task(self.task))
        object.__setattr__(self, "control", self.control and self.method == "lora" and bool(self.features))

    def runs(self) -> tuple[tuple[str, int], ...]:
        """(phase, seed) in the order they run; a phase is a kind of run (vocabulary.KINDS). LoRA with extra
        features: each seed's `feature_lora` run, then its `control_lora` when asked (the same LoRA without them);
        without extra features the one run of a seed is a plain `lora` run, the control of nothing. Another method:
        its one run per seed, the phase named after it (`head`, `full`, `scratch`), features and control left
        aside."""
        runs = []
        for seed in self.seeds:
            if self.method != "lora":
                runs.append((self.method, seed))
            elif not self.features:
                runs.append((LORA, seed))
            else:
                runs.append((FEATURE_LORA, seed))
                if self.control:
                    runs.append((CONTROL_LORA, seed))
        return tuple(runs)


def _check_seeds_and_features(seeds: tuple[int, ...], features: tuple[str, ...]) -> None:
    if not seeds:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "give at least one seed"))
    check_range("number of seeds", len(seeds), "seeds")
    for seed in seeds:
        check_range("seed", seed, whole=True)
    if len(set(seeds)) != len(seeds):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a seed is listed twice"))
    check_range("number of features", len(features), "feature_dim")
    if len(set(features)) != len(features):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a feature is listed twice"))
