"""The Compare tab's job: a whole sweep (`core.workflows.sweep.run_sweep`) as one job in the worker.

The tab builds a `SweepPlan` (torch-free) from its controls; the job loads the base model and its data
set and hands both to `run_sweep`, which trains every (setting, seed) one after another and writes the
study file after each run. Each finished run's RUN record (a plain dict) goes to the tab as it finishes,
through the job's partial results (`JobContext.partial`); the training steps report under the key
"sweep:<index of the run>", so the tab can draw one progress bar for the whole sweep. Pause and stop are
the worker's: a stopped sweep keeps its finished runs in its study file (run_sweep sees to that).
"""

from __future__ import annotations  # the core in annotations only: it loads after the window shows

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.worker import Job, JobContext, JobResult
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import status_title

if TYPE_CHECKING:
    from lora_studio.core.workflows.runs import Listener
    from lora_studio.core.workflows.sweep_plan import SweepPlan
    from lora_studio.gui.background.caches import DataCache

RUN_KEY = "sweep"  # the steps of run i come under "sweep:i"


@dataclass(frozen=True)
class SweepDone(JobResult):
    study: dict | None = None  # Study.to_json(): plan, status, run records and the Pareto front
    path: str = ""  # the study file ("" when none was written)


def make_sweep(cache: DataCache, root: Path, models: Path, studies: Path, plan: SweepPlan,
               on_runs: Callable[[list], None] | None = None,
               on_done: Callable[[JobResult], None] | None = None) -> Job:
    """Run `plan` from its base model in `models`; the study goes to the folder `studies`. `on_runs` gets, in
    the GUI thread, lists of the RUN records of the runs that finished since it was last called."""

    def run(ctx: JobContext) -> SweepDone:
        from lora_studio.core.evaluation.same_setting import setting_key
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.storage.studies import StudyStore
        from lora_studio.core.workflows import runs, sweep

        library = ModelLibrary(models)
        base, record = runs.load_base(library, plan.base_id)
        dataset = cache.get(root, record.dataset)
        total = len(plan.runs())
        study = sweep.run_sweep(plan, base, record, dataset, library, StudyStore(studies), listener=_listener(ctx),
                                control=ctx.control, data_root=root,
                                on_run=lambda _study, _setting, finished: ctx.partial(dict(finished)),
                                names=lambda setting, seed: core_texts.sweep_run_name(plan, setting, seed))
        done = len(study.runs)
        saved = study.path is not None
        if study.status == "finished":
            front = len({setting_key(study.runs[i]) for i in study.pareto})
            if saved:
                message = QCoreApplication.translate(
                    "SweepJobs", "{0} runs, {1} setting(s) on the Pareto front; saved as study {2}")
            else:
                message = QCoreApplication.translate(
                    "SweepJobs", "{0} runs, {1} setting(s) on the Pareto front; saved as no study file")
            message = message.format(done, front, study.id)
        else:
            if not done:
                kept = QCoreApplication.translate("SweepJobs", "no run finished")
            elif saved:
                kept = QCoreApplication.translate("SweepJobs", "the {0} finished run(s) are kept in study {1}")
            else:
                kept = QCoreApplication.translate("SweepJobs", "the {0} finished run(s) are kept in no study file")
            # why it ended: the core's message (a Text, said in the window's language), else the status in words
            message = QCoreApplication.translate("SweepJobs", "{0} after {1} of {2} runs; {3}").format(
                core_texts.core_text(study.message) or status_title(study.status), done, total,
                kept.format(done, study.id))
        return SweepDone(study.status, message, study=study.to_json(), path=str(study.path or ""))

    return Job("sweep", run, pausable=True, on_done=on_done, on_partial=on_runs)


def _listener(ctx: JobContext) -> Listener:
    """Status lines as they come; each run's training steps under "sweep:<index>" (its place in the plan)."""
    from lora_studio.core.workflows.runs import Listener

    class SweepListener(Listener):
        index = -1

        def status(self, text: str) -> None:
            ctx.status(text)

        def phase_started(self, phase: str, seed: int, epochs: int) -> None:
            self.index += 1  # one phase per run: a sweep's runs have no control and no extra features

        def callbacks(self, phase: str, seed: int):
            return ctx.callbacks(f"{RUN_KEY}:{self.index}")

    return SweepListener()
