"""The article's whole experiment in one function, for the command line and the GUI.

For each seed: train the base CNN and save it → build the feature CNN, transfer
the base weights, add LoRA → fine-tune adapters + the feature's columns →
fine-tune the same LoRA without the feature (the control) → evaluate → save.
Then the feature's effect over seeds. The result is the JSON of PRODUCT.md.
"""

from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np

import lora_studio
from lora_studio.core.config import ExperimentConfig
from lora_studio.core.data import datasets as data
from lora_studio.core.errors import Cancelled, TrainingDiverged
from lora_studio.core.evaluation.scores import feature_effect
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import Callbacks, EpochInfo, StepInfo, TrainControl
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.workflows import recipes

PHASES = ("base", "feature_lora", "control_lora")


class Listener:
    """What the experiment reports; subclass and override what you need."""

    def status(self, text: str) -> None: ...
    def phase_started(self, phase: str, seed: int, epochs: int) -> None: ...
    def step(self, phase: str, info: StepInfo) -> None: ...
    def epoch(self, phase: str, info: EpochInfo) -> None: ...
    def phase_finished(self, phase: str, seed: int, outcome: recipes.Outcome) -> None: ...


@dataclass
class PhaseSummary:
    test_accuracy_per_seed: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)  # per epoch, first seed
    epoch_seconds: list[float] = field(default_factory=list)  # every epoch of every seed
    wall_seconds: float = 0.0  # set-up included, summed over seeds
    trainable_params: int = 0
    total_params: int = 0
    model_ids: list[str] = field(default_factory=list)
    correct: list[np.ndarray] = field(default_factory=list)  # per seed, per test image

    def add(self, outcome: recipes.Outcome, model_id: str | None) -> None:
        if not self.test_accuracy_per_seed:
            self.train_accuracy = list(outcome.result.train_accuracy)
        self.test_accuracy_per_seed.append(outcome.predictions.accuracy)
        self.epoch_seconds += outcome.result.epoch_seconds
        self.wall_seconds += outcome.wall_seconds
        self.trainable_params, self.total_params = outcome.trainable_params, outcome.total_params
        self.correct.append(outcome.predictions.correct)
        if model_id:
            self.model_ids.append(model_id)

    def to_json(self) -> dict:
        return {
            "test_accuracy": float(np.mean(self.test_accuracy_per_seed)),
            "test_accuracy_per_seed": self.test_accuracy_per_seed,
            "train_accuracy": self.train_accuracy,
            "epoch_seconds": self.epoch_seconds,
            "wall_seconds": self.wall_seconds,
            "trainable_params": self.trainable_params,
            "total_params": self.total_params,
            "model_ids": self.model_ids,
        }


def load_data(config: ExperimentConfig, data_root: Path) -> data.Dataset:
    dataset = data.load_dataset(data_root, config.data.dataset)
    return data.Dataset(dataset.info, dataset.train.first(config.data.limit), dataset.test)


def run_experiment(
    config: ExperimentConfig,
    data_root: Path,
    library: ModelLibrary | None = None,
    listener: Listener | None = None,
    control: TrainControl | None = None,
    dataset: data.Dataset | None = None,
) -> dict:
    """Run the whole experiment; return the result as PRODUCT.md's JSON object."""
    listener = listener or Listener()
    if dataset is None:
        listener.status(f"Loading {config.data.dataset} from {data_root}")
        dataset = load_data(config, data_root)
    summaries = {phase: PhaseSummary() for phase in PHASES}

    def run(phase, seed, epochs, train_fn):
        """train_fn(callbacks) → Outcome; raise on divergence or stop, else save and summarise."""
        listener.phase_started(phase, seed, epochs)
        callbacks = Callbacks(
            on_step=lambda info: listener.step(phase, info),
            on_epoch=lambda info: listener.epoch(phase, info),
            on_status=listener.status,
        )
        outcome = train_fn(callbacks)
        if outcome.result.status == "diverged":
            raise TrainingDiverged(f"{phase}, seed {seed}: {outcome.result.message}")
        if outcome.result.status == "stopped":
            raise Cancelled(f"{phase}, seed {seed}: stopped")
        model_id = library.save(outcome.model, outcome.record) if library else None
        summaries[phase].add(outcome, model_id)
        listener.phase_finished(phase, seed, outcome)
        return outcome

    for seed in config.seeds:
        base_cfg = replace(config.base, seed=seed)
        lora_cfg = replace(config.lora_train, seed=seed)
        # the LoRA runs reuse the frozen-conv output over the test set that the base's last evaluation
        # computed, and the control the feature run's over the training set
        with PrefixCache() as cache:
            base = run("base", seed, base_cfg.epochs,
                       partial(recipes.train_base, dataset, base_cfg, control=control, cache=cache))
            for phase, features in (("feature_lora", config.features), ("control_lora", ())):
                if phase == "control_lora" and not config.control:
                    continue
                run(phase, seed, lora_cfg.epochs, partial(recipes.finetune, base.model, base.record, dataset,
                                                          config.lora, features, lora_cfg, control=control,
                                                          cache=cache))

    effect = None
    if config.control:
        feature, ctrl = summaries["feature_lora"], summaries["control_lora"]
        effect = feature_effect(
            feature.test_accuracy_per_seed, ctrl.test_accuracy_per_seed, feature.correct[0], ctrl.correct[0]
        ).to_dict()
    return {
        "version": lora_studio.__version__,
        "dataset": config.data.dataset,
        "seeds": list(config.seeds),
        "base": summaries["base"].to_json(),
        "feature_lora": summaries["feature_lora"].to_json(),
        "control_lora": summaries["control_lora"].to_json() if config.control else None,
        "feature_effect": effect,
        "features": list(config.features),
        "train_images": len(dataset.train),
        "test_images": len(dataset.test),
    }
