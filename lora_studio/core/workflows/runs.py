"""Training runs as the command line, the window and the experiment start them, saved as each one finishes.

`train_base_run` trains a base model; `finetune_runs` fine-tunes one base model as a `FinetunePlan`
says — on its target task, by its method; for LoRA the feature run and its control — for each seed, with
one `PrefixCache` for all of them, so the base's frozen convolutions run once over each split. Every
fine-tuned model is scored on the target task and on the source task (the base's own data set), and its
metrics say how much of the source task it forgot (record.FORGETTING_METRICS). A run that does not finish (stopped,
diverged, or its saving failed) ends the series; the runs saved before it stay saved. What to make
of that (an exception, a message, an exit code) is the caller's business: `Run.check()` raises.
"""

import dataclasses
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from torch import nn

from lora_studio.core.config import LAYERS, TrainConfig
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import Cancelled, StorageError, TrainingDiverged
from lora_studio.core.evaluation.scores import (
    Effect,
    MeanInterval,
    Uselessness,
    feature_effect,
    learned_nothing,
    mean_interval,
    predict,
)
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.model.staged import staged
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.storage.record import Series
from lora_studio.core.training.loop import Callbacks, EpochInfo, StepInfo, TrainControl
from lora_studio.core.training.prefix_cache import PrefixCache, first_trainable_stage
from lora_studio.core.vocabulary import CONTROL_LORA, FEATURE_LORA, KINDS, Status
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.plans import FinetunePlan


class Listener:
    """What a workflow reports as it goes; subclass and override what you need."""

    def status(self, text: str) -> None: ...
    def phase_started(self, phase: str, seed: int, epochs: int) -> None: ...
    def step(self, phase: str, info: StepInfo) -> None: ...
    def epoch(self, phase: str, info: EpochInfo) -> None: ...
    def phase_finished(self, phase: str, seed: int, outcome: recipes.Outcome) -> None: ...

    def callbacks(self, phase: str, seed: int) -> Callbacks:
        """The training loop's callbacks for the run of `phase` and `seed`, reporting here."""
        return Callbacks(on_step=lambda info: self.step(phase, info), on_epoch=lambda info: self.epoch(phase, info),
                         on_status=self.status)


@dataclass(frozen=True)
class Run:
    """One training run: its outcome, and its id in the library when it was saved."""

    phase: str  # the kind of run (vocabulary.KINDS): base, feature_lora, control_lora, lora, head, full, scratch
    seed: int
    outcome: recipes.Outcome
    model_id: str | None = None  # None: not saved (no library, or the run did not finish)
    error: StorageError | None = None  # the run finished, but saving it failed

    @property
    def status(self) -> Status:
        """finished, stopped, diverged, or failed (saving failed)."""
        return Status.FAILED if self.error is not None else self.outcome.result.status

    @property
    def finished(self) -> bool:
        return self.status == Status.FINISHED

    @property
    def message(self) -> str:
        """Why the run did not finish ("" when it did)."""
        if self.error is not None:  # its template and values, for the window to word
            return Text(self.error.template, *self.error.values)
        return self.outcome.result.message

    def learned_nothing(self) -> Uselessness | None:
        """Why a finished run is no use (see scores.learned_nothing): the reason and its numbers, or None."""
        if not self.finished:
            return None
        return learned_nothing(self.outcome.answers(), self.outcome.record.train.lr)

    def check(self) -> None:
        """Raise when the run did not finish: TrainingDiverged, Cancelled, or the StorageError of its saving."""
        if self.error is not None:
            raise self.error
        if self.status == Status.DIVERGED:
            raise TrainingDiverged(QT_TRANSLATE_NOOP("errors", "{0}, seed {1}: {2}"), self.phase, self.seed,
                                   self.message)
        if self.status == Status.STOPPED:
            raise Cancelled(QT_TRANSLATE_NOOP("errors", "{0}, seed {1}: stopped"), self.phase, self.seed)


@dataclass
class FinetuneRuns:
    """The runs of a fine-tuning plan, in the order they ran: all finished, except perhaps the last."""

    runs: list[Run] = field(default_factory=list)

    @property
    def finished(self) -> list[Run]:
        return [run for run in self.runs if run.finished]

    @property
    def unfinished(self) -> Run | None:
        """The run that ended the series early, if one did."""
        return next((run for run in self.runs if not run.finished), None)

    @property
    def model_ids(self) -> list[str]:
        return [run.model_id for run in self.finished if run.model_id is not None]

    def of_phase(self, phase: str) -> list[Run]:
        return [run for run in self.finished if run.phase == phase]

    def effect(self) -> Effect | None:
        """The features' effect (feature runs minus their controls), when every seed ran both."""
        feature, control = self.of_phase(FEATURE_LORA), self.of_phase(CONTROL_LORA)
        if not feature or len(feature) != len(control):
            return None
        return feature_effect([r.outcome.answers().accuracy for r in feature],
                              [r.outcome.answers().accuracy for r in control],
                              feature[0].outcome.answers().correct, control[0].outcome.answers().correct)

    def scores(self, phase: str) -> "SeedScores | None":
        """Target and source accuracy and forgetting of the finished runs of `phase`, over their seeds."""
        return seed_scores([run.outcome.record.metrics for run in self.of_phase(phase)])

    def check(self) -> None:
        """Raise as `Run.check` does for the run that ended the series early."""
        if self.unfinished is not None:
            self.unfinished.check()


def train_base_run(
    dataset: Dataset,
    config: TrainConfig,
    library: ModelLibrary | None = None,
    listener: Listener | None = None,
    control: TrainControl | None = None,
    name: str | None = None,
    cache: PrefixCache | None = None,
) -> Run:
    """Train a base model and save it when it finished. With a `cache`, its last evaluation leaves there the
    conv output over the test split that the LoRA runs from it reuse."""
    listener = listener or Listener()
    listener.phase_started("base", config.seed, config.epochs)
    outcome = recipes.train_base(dataset, config, listener.callbacks("base", config.seed), control, name=name,
                                 cache=cache)
    return _saved("base", config.seed, outcome, library, listener)


def finetune_runs(
    base: nn.Module,
    base_record: ModelRecord,
    dataset: Dataset,
    plan: FinetunePlan,
    library: ModelLibrary | None = None,
    listener: Listener | None = None,
    control: TrainControl | None = None,
    name: str | None = None,
    cache: PrefixCache | None = None,
    runs: tuple[tuple[str, int], ...] | None = None,
    data_root: Path | None = None,
    target: Dataset | None = None,
    names: Callable[[str, int], str] | None = None,
) -> FinetuneRuns:
    """Fine-tune `base` as `plan` says (its base id is not read: `base` is the model), saving each finished run.

    `dataset` is the base's own data set (the source task); the plan's target task is made from it
    (`target_dataset`; `data_root` is where Fashion-MNIST and KMNIST are installed), once for the whole series,
    unless the caller made it already (`target`). Raises DataError before any training when the task cannot be
    made. `plan.limit` takes the first training images of the target. One `cache` serves every run (a new one
    when none is given, freed at the end). `runs` replaces the plan's (phase, seed) list, for a caller that
    names its phases otherwise; a phase is a kind of run (vocabulary.KINDS): the features are the plan's in a
    feature_lora phase, none in the others, and its method is the kind's. `names(phase, seed)` names each run's
    model (the window names them in its language); else `name`, else the core's default (recipes.lora_name,
    method_name).
    """
    listener = listener or Listener()
    source = dataset
    target = target if target is not None else target_dataset(plan, source, data_root)
    done = FinetuneRuns()
    lora = plan.method == "lora"
    series = Series(plan.seeds, plan.control and lora, plan.features if lora else ())
    with PrefixCache() if cache is None else nullcontext(cache) as prefixes:  # a caller's cache is its to free
        reference = _base_scores(base, source, target, prefixes, listener)
        for phase, seed in runs if runs is not None else plan.runs():
            config = dataclasses.replace(plan.train, seed=seed)
            features = plan.features if phase == FEATURE_LORA else ()
            method = KINDS[phase].method
            if method is None:
                raise ValueError(f"{phase} is no kind of fine-tuning run")
            listener.phase_started(phase, seed, config.epochs)
            outcome = recipes.finetune(base, base_record, target, plan.lora, features, config,
                                       listener.callbacks(phase, seed), control,
                                       name=names(phase, seed) if names is not None else name, cache=prefixes,
                                       method=method, task=plan.task)
            _score_forgetting(outcome, source, target, reference, prefixes)
            outcome.record.series = series  # what show-command needs to write the command of the whole series
            done.runs.append(_saved(phase, seed, outcome, library, listener))
            if not done.runs[-1].finished:
                break
    return done


def target_dataset(plan: FinetunePlan, source: Dataset, data_root: Path | None = None) -> Dataset:
    """The plan's target task made from the source data set, its training split cut to `plan.limit`.

    For the `same` task it holds the source's own tensors (a limit cuts a view of them), so what the base's
    training left in a PrefixCache is found again. DataError (one line) when the task cannot be made."""
    return make_task(plan.task, source, data_root, limit=plan.limit)


@dataclass(frozen=True)
class _Reference:
    """The base model, untouched, on the target and the source task's test split."""

    target_accuracy: float
    source_accuracy: float


def _base_scores(base: nn.Module, source: Dataset, target: Dataset, cache: PrefixCache,
                 listener: Listener) -> _Reference:
    listener.status(Text(QT_TRANSLATE_NOOP("core", "Scoring the base model on the target and the source task")))
    on_target = predict(base, target.test.images, target.test.labels, None, cache)
    on_source = on_target if target.test is source.test else predict(
        base, source.test.images, source.test.labels, None, cache)
    return _Reference(on_target.accuracy, on_source.accuracy)


def _score_forgetting(outcome: recipes.Outcome, source: Dataset, target: Dataset, reference: _Reference,
                      cache: PrefixCache) -> None:
    """Score a finished run on the source task too, and put FORGETTING_METRICS into its record's metrics."""
    if outcome.predictions is None:
        return
    if target.test is source.test:  # the same task: its test answers are the source answers
        on_source = outcome.predictions
    else:
        model = staged(outcome.model)
        # a model that kept the base's stages before its head finds their output over the source split in the
        # cache; one whose convolutions changed would only fill the cache with output nobody else can use
        shares = first_trainable_stage(model) >= model.head_stage
        images = source.test.images
        on_source = predict(model, images, source.test.labels, recipes.extra_features(outcome.record, images),
                            cache if shares else None)
    outcome.source_predictions = on_source
    outcome.record.metrics.update({
        "target_accuracy": outcome.predictions.accuracy,
        "source_accuracy": on_source.accuracy,
        "base_target_accuracy": reference.target_accuracy,
        "base_source_accuracy": reference.source_accuracy,
        "forgetting": reference.source_accuracy - on_source.accuracy,
    })


@dataclass(frozen=True)
class SeedScores:
    """Target and source accuracy and forgetting of one setting's runs, as means with 95 % intervals over seeds."""

    target: MeanInterval
    source: MeanInterval
    forgetting: MeanInterval
    base_target: float  # the base's accuracy on the target task, the reference
    base_source: float

    def to_dict(self) -> dict:
        return {"target_accuracy": self.target.to_dict(), "source_accuracy": self.source.to_dict(),
                "forgetting": self.forgetting.to_dict(), "base_target_accuracy": self.base_target,
                "base_source_accuracy": self.base_source}


def seed_scores(metrics: list[dict]) -> SeedScores | None:
    """SeedScores of runs' metrics (one dict per seed), or None when there are none or they lack the scores."""
    if not metrics or any(m.get("forgetting") is None for m in metrics):
        return None
    return SeedScores(mean_interval(m["target_accuracy"] for m in metrics),
                      mean_interval(m["source_accuracy"] for m in metrics),
                      mean_interval(m["forgetting"] for m in metrics),
                      float(metrics[0]["base_target_accuracy"]), float(metrics[0]["base_source_accuracy"]))


def trained_layers(record: ModelRecord) -> list[str]:
    """The layers whose weights a fine-tuned model's method changed: LoRA's adapted ones, fc2 for the head,
    all of them for full fine-tuning and a fresh model."""
    if record.lora is not None:
        return list(record.lora.layers)
    return ["fc2"] if record.method == "head" else list(LAYERS)


def run_record(run: Run, base_id: str) -> dict:
    """PRODUCT.md's RUN record of a finished run (`lora-studio finetune --json`, a sweep's runs)."""
    outcome = run.outcome
    record, metrics = outcome.record, outcome.record.metrics
    adapter = record.lora
    return {
        "model_id": run.model_id, "base_id": base_id, "task": record.task, "method": record.method,
        # the other methods have no LoRA variant; B's learning rate is A's in plain training
        "variant": adapter.variant if adapter is not None else "none",
        "layers": trained_layers(record),
        "rank": adapter.rank if adapter is not None else None,
        "alpha": adapter.alpha if adapter is not None else None,
        "lora_plus_ratio": adapter.lora_plus_ratio if adapter is not None else 1.0,
        "seed": record.train.seed, "epochs": record.train.epochs,
        "trainable_params": outcome.trainable_params, "total_params": outcome.total_params,
        "target_accuracy": metrics["target_accuracy"], "source_accuracy": metrics["source_accuracy"],
        "base_target_accuracy": metrics["base_target_accuracy"],
        "base_source_accuracy": metrics["base_source_accuracy"], "forgetting": metrics["forgetting"],
        "wall_seconds": outcome.wall_seconds, "loss": list(outcome.result.step_loss),
    }


def load_base(library: ModelLibrary, base_id: str) -> tuple[nn.Module, ModelRecord]:
    """The base model `base_id` of `library`; StorageError when it is missing, broken or not a base model."""
    base, record = library.load(base_id)
    if record.kind != "base":
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is a {1} model; fine-tuning starts from a base model"),
                           base_id, record.kind)
    return base, record


def _saved(phase: str, seed: int, outcome: recipes.Outcome, library: ModelLibrary | None,
           listener: Listener) -> Run:
    if outcome.result.status != Status.FINISHED:
        return Run(phase, seed, outcome)
    try:
        model_id = library.save(outcome.model, outcome.record) if library is not None else None
    except StorageError as exc:  # a full or read-only disk: the runs saved before are kept
        return Run(phase, seed, outcome, error=exc)
    run = Run(phase, seed, outcome, model_id)
    listener.phase_finished(phase, seed, outcome)
    return run

