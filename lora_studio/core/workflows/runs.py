"""Training runs as the command line, the window and the experiment start them, saved as each one finishes.

`train_base_run` trains a base model; `finetune_runs` fine-tunes one base model as a `FinetunePlan`
says — the feature run and its control, for each seed — with one `PrefixCache` for all of them, so
the base's frozen convolutions run once over each split. A run that does not finish (stopped,
diverged, or its saving failed) ends the series; the runs saved before it stay saved. What to make
of that (an exception, a message, an exit code) is the caller's business: `Run.check()` raises.
"""

import dataclasses
from contextlib import nullcontext
from dataclasses import dataclass, field

from torch import nn

from lora_studio.core.config import FinetunePlan, TrainConfig
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.errors import Cancelled, StorageError, TrainingDiverged
from lora_studio.core.evaluation.scores import Effect, feature_effect, learned_nothing
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.training.loop import Callbacks, EpochInfo, StepInfo, TrainControl
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.workflows import recipes


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

    phase: str  # base | feature_lora | control_lora
    seed: int
    outcome: recipes.Outcome
    model_id: str | None = None  # None: not saved (no library, or the run did not finish)
    error: StorageError | None = None  # the run finished, but saving it failed

    @property
    def status(self) -> str:
        """finished | stopped | diverged | failed (saving failed)."""
        return "failed" if self.error is not None else self.outcome.result.status

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def message(self) -> str:
        """Why the run did not finish ("" when it did)."""
        return str(self.error) if self.error is not None else self.outcome.result.message

    def learned_nothing(self) -> str | None:
        """Why a finished run is no use (see scores.learned_nothing), or None."""
        if not self.finished:
            return None
        return learned_nothing(self.outcome.answers(), self.outcome.record.train.lr)

    def check(self) -> None:
        """Raise when the run did not finish: TrainingDiverged, Cancelled, or the StorageError of its saving."""
        if self.error is not None:
            raise self.error
        if self.status == "diverged":
            raise TrainingDiverged(f"{self.phase}, seed {self.seed}: {self.message}")
        if self.status == "stopped":
            raise Cancelled(f"{self.phase}, seed {self.seed}: stopped")


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
        feature, control = self.of_phase("feature_lora"), self.of_phase("control_lora")
        if not feature or len(feature) != len(control):
            return None
        return feature_effect([r.outcome.answers().accuracy for r in feature],
                              [r.outcome.answers().accuracy for r in control],
                              feature[0].outcome.answers().correct, control[0].outcome.answers().correct)

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
) -> FinetuneRuns:
    """Fine-tune `base` as `plan` says (its base id is not read: `base` is the model), saving each finished run.

    `plan.limit` takes the first training images of `dataset`. One `cache` serves every run (a new one when
    none is given, freed at the end). `runs` replaces the plan's (phase, seed) list, for a caller that names
    its phases otherwise; the features are the plan's in a feature_lora phase, none in a control_lora one.
    """
    listener = listener or Listener()
    dataset = Dataset(dataset.info, dataset.train.first(plan.limit), dataset.test)
    done = FinetuneRuns()
    with PrefixCache() if cache is None else nullcontext(cache) as prefixes:  # a caller's cache is its to free
        for phase, seed in runs if runs is not None else plan.runs():
            config = dataclasses.replace(plan.train, seed=seed)
            features = plan.features if phase == "feature_lora" else ()
            listener.phase_started(phase, seed, config.epochs)
            outcome = recipes.finetune(base, base_record, dataset, plan.lora, features, config,
                                       listener.callbacks(phase, seed), control, name=name, cache=prefixes)
            done.runs.append(_saved(phase, seed, outcome, library, listener))
            if not done.runs[-1].finished:
                break
    return done


def load_base(library: ModelLibrary, base_id: str) -> tuple[nn.Module, ModelRecord]:
    """The base model `base_id` of `library`; StorageError when it is missing, broken or not a base model."""
    base, record = library.load(base_id)
    if record.kind != "base":
        raise StorageError(f"{base_id} is a {record.kind} model; fine-tuning starts from a base model")
    return base, record


def _saved(phase: str, seed: int, outcome: recipes.Outcome, library: ModelLibrary | None,
           listener: Listener) -> Run:
    if outcome.result.status != "finished":
        return Run(phase, seed, outcome)
    try:
        model_id = library.save(outcome.model, outcome.record) if library is not None else None
    except StorageError as exc:  # a full or read-only disk: the runs saved before are kept
        return Run(phase, seed, outcome, error=exc)
    run = Run(phase, seed, outcome, model_id)
    listener.phase_finished(phase, seed, outcome)
    return run

