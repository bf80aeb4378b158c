"""What a sweep runs: methods × LoRA ranks × variants, each over seeds, on one base and target task.

Torch-free, like config.py: the Compare tab builds a plan before PyTorch has loaded.
"""

from dataclasses import dataclass, field

from lora_studio.core.config import (
    LAYERS,
    LORA_VARIANTS,
    METHODS,
    ConfigError,
    LoraConfig,
    TrainConfig,
    check_choice,
    check_range,
    setting_word,
)
from lora_studio.core.data.task_names import check_task
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.workflows.plans import FinetunePlan

SWEEP_RANKS = (1, 2, 4, 8, 16, 32, 64)  # the ranks the Compare tab offers


@dataclass(frozen=True)
class Setting:
    """One point of a sweep: a method and, for LoRA, its variant and rank."""

    method: str
    variant: str | None = None  # LoRA only
    rank: int | None = None  # LoRA only

    def label(self) -> str:
        """"lora r=4", "dora r=16", "head": the setting, short (a progress bar's title, a plot's point, a legend)."""
        return self.method if self.method != "lora" else f"{self.variant} r={self.rank}"

    def title(self) -> str:
        """The setting as a person reads it: "LoRA r=4", "DoRA r=16", "Head only (fc2)" (the vocabulary's marked
        titles, in a Text the window says in its language)."""
        if self.method != "lora":
            method = METHODS.get(self.method)
            return method.title if method is not None else self.method
        variant = LORA_VARIANTS.get(self.variant or "")
        return Text(SETTING_TITLE, variant.title if variant is not None else self.variant, self.rank)

    @classmethod
    def of_run(cls, run: dict) -> "Setting":
        """The setting of a sweep's RUN record (PRODUCT.md), so a finished run is labelled as its plan was."""
        if run["method"] != "lora":
            return cls(run["method"])
        return cls("lora", run["variant"], run["rank"])


SETTING_TITLE = QT_TRANSLATE_NOOP("core", "{0} r={1}", "a LoRA variant and its rank")
CHOOSE_ONE = QT_TRANSLATE_NOOP("errors", "choose at least one {0}")
TWICE = QT_TRANSLATE_NOOP("errors", "a {0} is listed twice")


@dataclass(frozen=True)
class SweepPlan:
    base_id: str  # the base model in the library
    task: str = "same"
    methods: tuple[str, ...] = ("lora",)
    layers: tuple[str, ...] = ("fc1", "fc2")  # the layers LoRA adapts
    ranks: tuple[int, ...] = (1, 2, 4, 8)
    variants: tuple[str, ...] = ("lora",)
    alpha: float = 16.0  # the same α for every rank, so the scale α/r (α/√r for rsLoRA) changes with r
    lora_plus_ratio: float = 1.0
    seeds: tuple[int, ...] = (0,)
    train: TrainConfig = field(default_factory=lambda: TrainConfig(epochs=1, lr_schedule="constant"))
    limit: int | None = None
    save_models: bool = False  # put every run's model in the library (a sweep would otherwise flood it)

    def __post_init__(self):
        for name, values, choices in (("method", self.methods, tuple(METHODS)), ("layer", self.layers, LAYERS),
                                      ("variant", self.variants, tuple(LORA_VARIANTS))):
            if not values and (name == "method" or "lora" in self.methods):
                raise ConfigError(CHOOSE_ONE, setting_word(name))
            if len(set(values)) != len(values):
                raise ConfigError(TWICE, setting_word(name))
            for value in values:
                check_choice(name, value, choices)
        if "lora" in self.methods and not self.ranks:
            raise ConfigError(CHOOSE_ONE, setting_word("rank"))
        for rank in self.ranks:
            check_range("rank", rank, whole=True)
        if len(set(self.ranks)) != len(self.ranks):
            raise ConfigError(TWICE, setting_word("rank"))
        # the rest is checked where it is used, with the messages those places give
        LoraConfig(alpha=self.alpha, lora_plus_ratio=self.lora_plus_ratio)
        FinetunePlan(self.base_id, seeds=self.seeds, features=(), limit=self.limit)
        object.__setattr__(self, "task", check_task(self.task))

    def settings(self) -> list[Setting]:
        """Every setting once, LoRA's smallest rank first within each variant, then the other methods."""
        out = []
        for method in self.methods:
            if method == "lora":
                out += [Setting("lora", variant, rank) for variant in self.variants for rank in sorted(self.ranks)]
            else:
                out.append(Setting(method))
        return out

    def runs(self) -> list[tuple[Setting, int]]:
        """(setting, seed) in the order they run: every setting for the first seed, then the next seed, so a
        stopped sweep has seen every setting at least once as early as possible."""
        return [(setting, seed) for seed in self.seeds for setting in self.settings()]

    def finetune_plan(self, setting: Setting, seed: int) -> FinetunePlan:
        """The fine-tuning of one run: no extra features, no control (a sweep compares methods and ranks)."""
        lora = LoraConfig(rank=setting.rank or 8, alpha=self.alpha, layers=self.layers or ("fc1", "fc2"),
                          variant=setting.variant or "lora", lora_plus_ratio=self.lora_plus_ratio)
        return FinetunePlan(self.base_id, lora=lora, features=(), control=False, seeds=(seed,), train=self.train,
                            limit=self.limit, task=self.task, method=setting.method)
