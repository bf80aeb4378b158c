"""A sweep: every setting of a `SweepPlan` fine-tuned from one base on one target task, over seeds.

The runs go one after another through `finetune_runs`, all with one `PrefixCache` and one target task
made once, so the fc-only runs share a single pass of the frozen convolutions over each split. After
every run the study (its run records and the Pareto front so far) is written to its file, so a sweep
stopped or interrupted keeps what it finished. The command line (`lora-studio sweep`) and the Compare
tab both run sweeps through `run_sweep`.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from torch import nn

import lora_studio
from lora_studio.core.config import to_dict
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.evaluation.pareto import pareto_runs
from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.storage.studies import StudyStore
from lora_studio.core.training.loop import Callbacks, EpochInfo, StepInfo
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.training.run_control import TrainControl
from lora_studio.core.vocabulary import Status
from lora_studio.core.workflows.runs import Listener, finetune_runs, run_record, target_dataset
from lora_studio.core.workflows.sweep_plan import Setting, SweepPlan


class SweepListener(Listener):
    """A Listener that also hears which run of the sweep starts (the command line titles its bars so)."""

    def run_started(self, index: int, total: int, setting: Setting, seed: int) -> None:
        self.status(Text(QT_TRANSLATE_NOOP("core", "Run {0} of {1}: {2}, seed {3}"), index + 1, total,
                         setting.title(), seed))


@dataclass
class Study:
    """A sweep's results so far: PRODUCT.md's `sweep --json` object, plus where it is kept."""

    id: str
    plan: SweepPlan
    runs: list[dict] = field(default_factory=list)  # RUN records, in the order they finished
    status: Status = Status.RUNNING  # then how its last run ended: finished, stopped, diverged or failed
    message: str = ""
    created: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%S"))
    path: Path | None = None  # the study file, once written

    @property
    def pareto(self) -> list[int]:
        return pareto_runs(self.runs, setting_key)

    def to_json(self) -> dict:
        return {
            "version": lora_studio.__version__, "id": self.id, "created": self.created,
            "plan": to_dict(self.plan), "base_id": self.plan.base_id, "task": self.plan.task,
            "status": self.status, "message": self.message, "runs": self.runs, "pareto": self.pareto,
        }


def run_sweep(
    plan: SweepPlan,
    base: nn.Module,
    base_record: ModelRecord,
    dataset: Dataset,
    library: ModelLibrary,
    studies: StudyStore | None = None,
    listener: Listener | None = None,  # a SweepListener also hears when each run starts
    control: TrainControl | None = None,
    data_root: Path | None = None,
    on_run: Callable[[Study, Setting, dict], None] | None = None,
    names: Callable[[Setting, int], str] | None = None,
) -> Study:
    """Run every (setting, seed) of `plan` from `base` (the library's `plan.base_id`) on the plan's task.

    `dataset` is the base's own data set; the target task is made from it once (DataError before any
    training when it cannot be). Models are saved to `library` only with `plan.save_models`. `on_run` is
    called after each finished run with the study, the run's setting and its record. `names(setting, seed)`
    names each run's model (the window names them in its language); else the core's default (recipes.lora_name,
    method_name), which the command line keeps. A run that does not finish ends the sweep: the study keeps the
    runs before it and says why in `status` and `message`.
    """
    listener = listener if isinstance(listener, SweepListener) else _Announcing(listener or Listener())
    study = Study(studies.new_id() if studies is not None else "sweep", plan)
    target = target_dataset(plan.finetune_plan(plan.settings()[0], plan.seeds[0]), dataset, data_root)
    save_to = library if plan.save_models else None
    with PrefixCache() as cache:
        for index, (setting, seed) in enumerate(plan.runs()):
            listener.run_started(index, len(plan.runs()), setting, seed)
            series = finetune_runs(base, base_record, dataset, plan.finetune_plan(setting, seed), library=save_to,
                                   listener=listener, control=control, cache=cache, target=target,
                                   names=None if names is None else _naming(names, setting))
            unfinished = series.unfinished
            if unfinished is not None:
                study.status, study.message = unfinished.status, unfinished.message
                break
            record = run_record(series.finished[-1], plan.base_id)
            study.runs.append(record)
            _keep(study, studies)
            if on_run is not None:
                on_run(study, setting, record)
        else:
            study.status = Status.FINISHED
    _keep(study, studies)
    return study


def _naming(names: Callable[[Setting, int], str], setting: Setting) -> Callable[[str, int], str]:
    """finetune_runs' `names(phase, seed)` for one setting's run (a sweep's run has one phase)."""
    return lambda _phase, seed: names(setting, seed)


class _Announcing(SweepListener):
    """A plain Listener, told of each run's start through its status line."""

    def __init__(self, inner: Listener):
        self.inner = inner

    def status(self, text: str) -> None:
        self.inner.status(text)

    def step(self, phase: str, info: StepInfo) -> None:
        self.inner.step(phase, info)

    def epoch(self, phase: str, info: EpochInfo) -> None:
        self.inner.epoch(phase, info)

    def phase_started(self, phase: str, seed: int, epochs: int) -> None:
        self.inner.phase_started(phase, seed, epochs)

    def phase_finished(self, phase: str, seed: int, outcome) -> None:
        self.inner.phase_finished(phase, seed, outcome)

    def callbacks(self, phase: str, seed: int) -> Callbacks:
        return self.inner.callbacks(phase, seed)


def _keep(study: Study, studies: StudyStore | None) -> None:
    if studies is not None:
        study.path = studies.save(study.to_json())
