"""The article's whole experiment in one function, for the command line and the GUI.

For each seed: train the base CNN and save it → build the feature CNN, transfer
the base weights, add LoRA → fine-tune adapters + the feature's columns →
fine-tune the same LoRA without the feature (the control) → evaluate → save.
Then the feature's effect over seeds. The result is the JSON of PRODUCT.md. With a target task
and another method, each seed's base is fine-tuned for that task by that method instead, and the
result also says, per fine-tuned phase, how much of the source task was forgotten.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

import lora_studio
from lora_studio.core.data import datasets as data
from lora_studio.core.evaluation.scores import feature_effect
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import TrainControl
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.plans import ExperimentConfig, FinetunePlan
from lora_studio.core.workflows.runs import Listener, finetune_runs, seed_scores, target_dataset, train_base_run

PHASES = ("base", "feature_lora", "control_lora", "head", "full", "scratch")  # what a result may hold


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
    metrics: list[dict] = field(default_factory=list)  # each seed's record metrics

    def add(self, outcome: recipes.Outcome, model_id: str | None) -> None:
        if not self.test_accuracy_per_seed:
            self.train_accuracy = list(outcome.result.train_accuracy)
        self.test_accuracy_per_seed.append(outcome.answers().accuracy)
        self.epoch_seconds += outcome.result.epoch_seconds
        self.wall_seconds += outcome.wall_seconds
        self.trainable_params, self.total_params = outcome.trainable_params, outcome.total_params
        self.correct.append(outcome.answers().correct)
        self.metrics.append(outcome.record.metrics)
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
    target: data.Dataset | None = None,
) -> dict:
    """Run the whole experiment; return the result as PRODUCT.md's JSON object.

    `target`: the target task's data, when the caller made it already (runs.target_dataset) from `dataset`."""
    listener = listener or Listener()
    if dataset is None:
        listener.status(Text(QT_TRANSLATE_NOOP("core", "Loading {0} from {1}"), data.dataset_info(
            config.data.dataset).title, data_root))
        dataset = load_data(config, data_root)
    tuned = ("feature_lora", "control_lora") if config.method == "lora" else (config.method,)
    summaries = {phase: PhaseSummary() for phase in ("base", *tuned)}
    for seed in config.seeds:
        # the LoRA runs reuse the frozen-conv output over the test set that the base's last evaluation
        # computed, and the control the feature run's over the training set
        with PrefixCache() as cache:
            base = train_base_run(dataset, replace(config.base, seed=seed), library, listener, control, cache=cache)
            base.check()
            summaries["base"].add(base.outcome, base.model_id)
            plan = FinetunePlan(base.model_id or "", config.lora, config.features, config.control, (seed,),
                                config.lora_train, task=config.task, method=config.method)
            if target is None:  # made once: its tensors are what the cache knows the conv output of
                target = target_dataset(plan, dataset, data_root)
            # the article's order, also without extra features: a "feature" run, then its control
            runs = (("feature_lora", seed),) + ((("control_lora", seed),) if config.control else ())
            if config.method != "lora":
                runs = ((config.method, seed),)
            tunes = finetune_runs(base.outcome.model, base.outcome.record, dataset, plan, library, listener,
                                  control, cache=cache, runs=runs, target=target)
            tunes.check()
            for run in tunes.runs:
                summaries[run.phase].add(run.outcome, run.model_id)

    effect = None
    if config.method == "lora" and config.control:
        feature, ctrl = summaries["feature_lora"], summaries["control_lora"]
        effect = feature_effect(
            feature.test_accuracy_per_seed, ctrl.test_accuracy_per_seed, feature.correct[0], ctrl.correct[0]
        ).to_dict()
    result = {
        "version": lora_studio.__version__,
        "dataset": config.data.dataset,
        "seeds": list(config.seeds),
        "base": summaries["base"].to_json(),
        "feature_lora": summaries["feature_lora"].to_json() if config.method == "lora" else None,
        "control_lora": summaries["control_lora"].to_json() if config.method == "lora" and config.control else None,
        "feature_effect": effect,
        "features": list(config.features),
        "train_images": len(dataset.train),
        "test_images": len(dataset.test),
        "task": config.task,
        "method": config.method,
    }
    if config.method != "lora":
        result[config.method] = summaries[config.method].to_json()
    # per fine-tuned phase: target and source accuracy and forgetting, means with 95 % intervals over the seeds
    result["forgetting"] = {phase: scores.to_dict() for phase in tuned
                            if (scores := seed_scores(summaries[phase].metrics)) is not None}
    return result
