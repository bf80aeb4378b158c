"""The Base training tab's job: train a base CNN on a data set and save it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lora_studio.core.config import DataConfig, TrainConfig
from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone, translate
from lora_studio.gui.i18n import core_texts, score_texts
from lora_studio.gui.shared.training_jobs import joined, listener, said


@dataclass(frozen=True)
class BaseTrained(JobResult):
    model_id: str | None = None  # None: nothing was saved
    test_accuracy: float | None = None
    learned_nothing: str = ""  # why the saved model is of no use ("" when it is of use)


def make_train_base(cache: DataCache, root: Path, models: Path, data: DataConfig, config: TrainConfig,
                    on_done: OnDone | None = None) -> Job:
    """Train a base model on `data` (a data set and how many of its training images) and save it."""

    def run(ctx: JobContext) -> BaseTrained:
        from lora_studio.core.data import datasets
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import runs

        whole = cache.get(root, data.dataset)
        dataset = datasets.Dataset(whole.info, whole.train.first(data.limit), whole.test)
        ctx.status(translate("jobs", "Training the base CNN on {0} images").format(f"{len(dataset.train):,}"))
        run = runs.train_base_run(dataset, config, ModelLibrary(models), listener(ctx), ctx.control,
                                  name=core_texts.base_name(data.dataset, config.seed))
        if run.error is not None:  # a full or read-only disk: say that the training itself went well
            accuracy = run.outcome.predictions.accuracy
            return BaseTrained("failed", translate(
                "jobs", "the training finished (test accuracy {0} %), but {1}; nothing was saved").format(
                f"{100 * accuracy:.2f}", core_texts.user_error(run.error)))
        if not run.finished:
            return BaseTrained(run.status, joined(said(run.status, run.message),
                                                  translate("jobs", "nothing was saved")))
        accuracy, name = run.outcome.predictions.accuracy, run.outcome.record.name
        nothing = run.learned_nothing()
        return BaseTrained(
            "finished", translate("jobs", "test accuracy {0} %, saved as “{1}”").format(f"{100 * accuracy:.2f}", name),
            model_id=run.model_id, test_accuracy=accuracy,
            learned_nothing=translate(
                "jobs", "{0} The model was saved as “{1}”: the model library can delete it.").format(
                score_texts.uselessness(nothing), name)
            if nothing else "")

    return Job("base", run, pausable=True, on_done=on_done)
