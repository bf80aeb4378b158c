"""The LoRA tab's job: fine-tune a base model as a FinetunePlan says (each seed's feature run and control, or
another method), saving each run as it finishes, and the sentence that sums the runs up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lora_studio.core.vocabulary import KINDS, Status
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone, translate
from lora_studio.gui.i18n import core_texts, score_texts
from lora_studio.gui.i18n.words import kind_title
from lora_studio.gui.shared.training_jobs import joined, listener, said

if TYPE_CHECKING:
    from lora_studio.core.workflows.runs import FinetuneRuns


@dataclass(frozen=True)
class LoraTrained(JobResult):
    model_ids: tuple[str, ...] = ()  # the runs saved, in order (also when a later one did not finish)
    learned_nothing: str = ""  # which saved runs are of no use, and why ("" when all are of use)


def make_finetune(cache: DataCache, root: Path, models: Path, plan: FinetunePlan,
                  on_done: OnDone | None = None) -> Job:
    """Fine-tune the base model `plan.base_id` as the plan says (each seed's feature run and control), saving
    each run as it finishes."""

    def run(ctx: JobContext) -> LoraTrained:
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import runs

        library = ModelLibrary(models)
        base, record = runs.load_base(library, plan.base_id)
        dataset = cache.get(root, record.dataset)
        if plan.task != "same":
            ctx.status(translate("jobs", "Making the target task"))
        done = runs.finetune_runs(base, record, dataset, plan, library, listener(ctx, plan), ctx.control,
                                  data_root=root, names=lambda phase, seed: core_texts.run_name(plan, phase, seed))
        saved = tuple(done.model_ids)
        if done.unfinished is not None:
            kept = translate("jobs", "{0} finished model(s) were saved").format(len(saved)) if saved else \
                translate("jobs", "nothing was saved")
            status, message = done.unfinished.status, done.unfinished.message
            return LoraTrained(status, joined(said(status, message), kept), model_ids=saved)
        useless = [(translate("jobs", "{0} seed {1}").format(kind_title(r.phase), r.seed), why)
                   for phase in KINDS for r in done.of_phase(phase) if (why := r.learned_nothing())]
        nothing = translate("jobs", "{0}: {1} The models were saved: the model library can delete them.").format(
            core_texts.listed(run for run, _ in useless), score_texts.uselessness(useless[0][1])) if useless else ""
        return LoraTrained(Status.FINISHED, _lora_summary(done), model_ids=saved, learned_nothing=nothing)

    return Job("lora", run, pausable=True, on_done=on_done)


def _lora_summary(done: FinetuneRuns) -> str:
    import numpy as np

    parts, forgetting = [], []
    for phase in KINDS:  # in the core's order; a control is one only in a fine-tuning with a feature run
        if done.of_phase(phase):
            name = kind_title(phase)
            accuracy = np.mean([r.outcome.predictions.accuracy for r in done.of_phase(phase)])
            parts.append(translate("jobs", "{0} {1} %").format(name, f"{100 * accuracy:.2f}"))
            lost = [r.outcome.record.metrics.get("forgetting") for r in done.of_phase(phase)]
            if all(value is not None for value in lost):
                forgetting.append(translate("jobs", "{0} {1} points").format(name, f"{100 * np.mean(lost):+.2f}"))
    text = translate("jobs", "target accuracy {0}").format(core_texts.listed(parts))
    if forgetting:
        text = joined(text, translate("jobs", "forgetting {0}").format(core_texts.listed(forgetting)))
    effect = done.effect()
    if effect is not None:
        text = joined(text, score_texts.effect_sentence(effect))
    return text
