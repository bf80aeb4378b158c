"""What config.json and metrics.json say about a saved model: the `ModelRecord`, its format version and checks.

config.json carries `format_version`; `migrate` brings an older one up to date and refuses a newer one.
Every value read back goes through config.py's validators (`check_type`, `from_dict`, `check_range`),
so a hand-edited or damaged file is refused with the key at fault, in the same words as a bad setting.
"""

import importlib.metadata
import math
from dataclasses import dataclass, field
from typing import Literal

import torch

import lora_studio
from lora_studio.core import config as cfg
from lora_studio.core import vocabulary
from lora_studio.core.config import ConfigError, check_type
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.data.task_names import check_task
from lora_studio.core.errors import LoraStudioError, StorageError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP

FORMAT_VERSION = 1
KINDS = vocabulary.LIBRARY_KINDS  # base, feature_lora, lora, head, full, scratch
#: what config.json's kind may say: KINDS, and control_lora, which earlier versions wrote for every LoRA model
#: without extra inputs (read as lora: vocabulary.library_kind)
READ_KINDS = (*KINDS, vocabulary.CONTROL_LORA)
#: the scores of metrics.json a summary carries (None when a model has none: a base has no forgetting)
SUMMARY_METRICS = ("test_accuracy", "target_accuracy", "source_accuracy", "base_target_accuracy",
                   "base_source_accuracy", "forgetting", "trainable_params", "total_params", "wall_seconds")
MAX_FEATURE_STAT, MIN_FEATURE_STD = 1e6, 1e-7  # beyond these a feature's standardisation overflows float32


@dataclass(frozen=True)
class Series:
    """The fine-tuning a model was one run of, as far as its own settings do not say: every seed it ran, whether
    the control ran beside the feature run, and the feature run's extra inputs (a control model has none of its
    own). What `lora-studio show-command` needs to write the one command that made the whole series."""

    seeds: tuple[int, ...]
    control: bool
    features: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.seeds:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "a series has at least one seed"))
        for seed in self.seeds:
            cfg.check_range("seed", seed, whole=True)


@dataclass(frozen=True)
class CombinedParent:
    """One adapter of a combination and its weight in it."""

    id: str
    weight: float

    def __post_init__(self):
        cfg.check_range("adapter weight", self.weight, "adapter_weight")


@dataclass(frozen=True)
class Combination:
    """Where a combined adapter came from (workflows/combine.py): its parents with their weights, how they were
    combined (config.COMBINATIONS), the rank that gave and, for ties and magnitude_prune, the density."""

    how: str
    rank: int
    parents: tuple[CombinedParent, ...]
    density: float | None = None

    def __post_init__(self):
        cfg.check_choice("how", self.how, tuple(cfg.COMBINATIONS))
        cfg.check_range("rank", self.rank, whole=True)
        if not self.parents:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "a combination has at least one parent"))
        if self.density is not None:
            cfg.check_range("density", self.density)


@dataclass
class ModelRecord:
    """Everything config.json and metrics.json say about a saved model."""

    kind: str  # one of KINDS (a run's kind, control_lora, becomes the kind it is kept as: lora)
    name: str  # shown to people; can be renamed
    dataset: str
    model: cfg.ModelConfig
    train: cfg.TrainConfig
    lora: cfg.LoraConfig | None = None
    features: FeatureScaler | None = None
    parent: str | None = None  # the base model a LoRA model was fine-tuned from
    id: str = ""
    created: str = ""
    versions: dict = field(default_factory=dict)
    transfer: dict | None = None
    metrics: dict = field(default_factory=dict)
    # the target task a fine-tuned model was trained on ("same" for a base) and the method that trained it
    # (config.METHODS; None for a base). Models saved before these existed were LoRA runs on the same task.
    task: str = "same"
    method: str | None = None
    # a combination of trained adapters (None for a trained model, and in records saved before issue 20)
    combination: Combination | None = None
    # the fine-tuning this model was one run of (None for a base, and in records saved before issue 21)
    series: Series | None = None

    def __post_init__(self):
        self.kind = vocabulary.library_kind(self.kind)
        if self.method is None:
            self.method = vocabulary.method_of(self.kind)

    @property
    def phase(self) -> str:
        """The kind of run this model was in its fine-tuning: a LoRA model of a fine-tuning with extra inputs was
        its feature run's control (`control_lora`); any other model is its kind (so is one saved before records
        named their series: whether it ran beside a feature run is not known)."""
        if self.kind == vocabulary.LORA and self.series is not None and self.series.features:
            return vocabulary.CONTROL_LORA
        return self.kind

    def config_dict(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "id": self.id, "kind": self.kind, "name": self.name, "created": self.created,
            "dataset": self.dataset, "parent": self.parent, "task": self.task, "method": self.method,
            "model": cfg.to_dict(self.model),
            "lora": cfg.to_dict(self.lora) if self.lora else None,
            "features": self.features.to_dict() if self.features else None,
            "train": cfg.to_dict(self.train),
            "transfer": self.transfer,
            "versions": self.versions,
            "combination": cfg.to_dict(self.combination) if self.combination else None,
            "series": cfg.to_dict(self.series) if self.series else None,
        }

    def summary(self) -> dict:
        """The record flat, as front ends list and compare models: who it is, how it was trained (None where its
        kind has no such setting: a base has no rank), its extra inputs and scores. `comparison.setting_key`
        reads a setting from it."""
        lora, train, metrics = self.lora, self.train, self.metrics
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "method": self.method, "created": self.created,
            "dataset": self.dataset, "task": self.task, "parent": self.parent,
            "layers": tuple(lora.layers) if lora else (), "rank": lora.rank if lora else None,
            "alpha": lora.alpha if lora else None, "variant": lora.variant if lora else None,
            "lora_plus_ratio": lora.lora_plus_ratio if lora else None, "init": lora.init if lora else None,
            "new_columns": lora.new_columns if lora else None, "dropout": lora.dropout if lora else None,
            "features": tuple(self.features.names) if self.features else (),
            "seed": train.seed, "epochs": train.epochs, "batch_size": train.batch_size, "lr": train.lr,
            "train_images": metrics.get("train_images"), "combination": self.combination,
            **{key: metrics.get(key) for key in SUMMARY_METRICS},
        }


def versions() -> dict:
    """The versions a model is saved with. torchvision's from its package metadata: importing it takes ~4 s."""
    import safetensors

    return {"lora_studio": lora_studio.__version__, "torch": torch.__version__,
            "torchvision": importlib.metadata.version("torchvision"), "safetensors": safetensors.__version__}


def migrate(data: dict, model_id: str) -> dict:
    """Bring an older config.json up to FORMAT_VERSION; refuse one from a newer LoRA Studio."""
    if not isinstance(data, dict):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: config.json is not a JSON object"), model_id)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: config.json has no valid format_version"), model_id)
    if version > FORMAT_VERSION:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0}: saved by a newer LoRA Studio (format {1}; this one reads up to {2}). Update LoRA Studio "
            "to open it."), model_id, version, FORMAT_VERSION)
    return data  # format 1 is the first: nothing to migrate yet


def record_from_config(data, model_id: str) -> ModelRecord:
    """The record of config.json's contents `data` (metrics not included), checked; StorageError if unusable."""
    data = migrate(data, model_id)
    try:
        record = ModelRecord(
            kind=check_type("kind", data.get("kind"), Literal[READ_KINDS]),
            name=check_type("name", data.get("name", model_id), str),
            dataset=check_type("dataset", data.get("dataset"), Literal[cfg.DATASETS]),
            model=cfg.from_dict(cfg.ModelConfig, data.get("model")),
            train=cfg.from_dict(cfg.TrainConfig, data.get("train")),
            lora=cfg.from_dict(cfg.LoraConfig, data["lora"]) if data.get("lora") is not None else None,
            features=FeatureScaler.from_dict(data["features"]) if data.get("features") else None,
            parent=check_type("parent", data.get("parent"), str | None),
            id=model_id,
            created=check_type("created", data.get("created", ""), str),
            versions=check_type("versions", data.get("versions") or {}, dict),
            transfer=check_type("transfer", data.get("transfer"), dict | None),
            task=check_task(check_type("task", data.get("task", "same"), str)),
            method=check_type("method", data.get("method"), str | None),
            combination=(cfg.from_dict(Combination, data["combination"])
                         if data.get("combination") is not None else None),
            series=cfg.from_dict(Series, data["series"]) if data.get("series") is not None else None,
        )
        _check_consistent(record)
    # LoraStudioError: an unknown feature; OverflowError: a feature statistic too large for a float
    except (KeyError, TypeError, ValueError, OverflowError, LoraStudioError) as exc:
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: config.json is not valid ({1})"), model_id, exc) from None
    n_features = len(record.features.names) if record.features else 0
    if n_features != record.model.feature_dim:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0}: config.json lists {1} features for a model taking {2}"), model_id, n_features,
            record.model.feature_dim)
    return record


def _check_consistent(record: ModelRecord) -> None:
    """What from_dict cannot see: settings that contradict each other, statistics that are not numbers."""
    method = vocabulary.method_of(record.kind)
    if record.method != method:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a {0} model is made by {1}, not {2}"), record.kind,
                          method or QT_TRANSLATE_NOOP("errors", "no fine-tuning method"), record.method)
    if (method == "lora") != (record.lora is not None):
        if record.lora is None:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "a {0} model has no LoRA settings"), record.kind)
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a {0} model cannot have LoRA settings"), record.kind)
    if method != "lora" and record.features is not None:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a {0} model takes no extra features"), record.kind)
    if record.combination is not None and (record.lora is None or record.lora.rank != record.combination.rank):
        raise ValueError("a combination is a LoRA model of the combination's rank")
    if record.kind == "base" and record.task != "same":
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "a base model is trained on its own data set: its task is 'same'"))
    if record.kind == "base" and record.series is not None:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "a base model is no run of a fine-tuning series"))
    if record.features is not None:
        values = record.features.mean + record.features.std
        # raw features are fractions of the image; fit() clamps std at 1e-6 (a float32 just below it)
        if not all(math.isfinite(v) and abs(v) <= MAX_FEATURE_STAT for v in values) or min(
                record.features.std) < MIN_FEATURE_STD:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "the feature statistics must be finite numbers, with standard deviations above 0"))


#: what every fine-tuned model's metrics hold besides test_accuracy (which equals target_accuracy): scores on the
#: target task's and the source task's (the base's own data set's) test split, the base's on both, and
#: forgetting = base_source_accuracy − source_accuracy
FORGETTING_METRICS = ("target_accuracy", "source_accuracy", "base_target_accuracy", "base_source_accuracy",
                      "forgetting")
COUNTS = ("trainable_params", "total_params", "train_images", "test_images")  # whole numbers, 0 or more
#: what the metrics the app shows must be (the windows and tables format them); others are kept as they are
METRIC_TYPES = {
    **dict.fromkeys(("test_accuracy", "test_loss", "setup_seconds", "train_seconds", "wall_seconds"), float),
    **dict.fromkeys(FORGETTING_METRICS, float),
    **dict.fromkeys(COUNTS, int),
    **dict.fromkeys(("train_accuracy", "train_loss", "test_accuracy_per_epoch", "epoch_seconds"), list[float]),
    **dict.fromkeys(("status", "message"), str),
}


def check_metrics(metrics, model_id: str) -> dict:
    """metrics.json's contents, refused (StorageError) if a metric the app shows is not what it must be."""
    if not isinstance(metrics, dict):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: metrics.json is not a JSON object"), model_id)
    for key, value in metrics.items():
        if key not in METRIC_TYPES or value is None:
            continue
        try:
            check_type(key, value, METRIC_TYPES[key])  # checked only: the values are kept as they were read
            if key in COUNTS and value < 0:
                raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} must be a count (0 or more), got {1}"), key, value)
        except ConfigError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: metrics.json: {1}"), model_id, exc) from None
    return metrics
