"""Export a model with LoRA merged into its weights (the Evaluation tab and the model library both offer it),
after measuring how far merged and unmerged outputs are apart on the test set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone


@dataclass(frozen=True)
class Exported(JobResult):
    model_id: str = ""
    path: str = ""
    max_logit_difference: float | None = None  # merged against unmerged, None when the test set is not here
    images: int = 0  # test images compared on
    lora: bool = False  # the model has LoRA (a base is written as it is)
    check: str = ""  # what the comparison says, in words


def make_export(cache: DataCache, root: Path, models: Path, model_id: str, path: Path,
                on_done: OnDone | None = None) -> Job:
    """Write `model_id` with LoRA merged into its weights; first measure the largest |Δlogit| between the
    merged and the unmerged model on the test set (when the data set is here), which shows merging is exact."""

    def run(ctx: JobContext) -> Exported:
        from lora_studio.core.data import datasets as data
        from lora_studio.core.evaluation import inspection
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import recipes

        library = ModelLibrary(models)
        model, record = library.load(model_id)
        difference, images = None, 0
        if data.is_available(root, record.dataset):
            test = cache.get(root, record.dataset).test
            ctx.status(QCoreApplication.translate(
                "EvaluationJobs", "Comparing merged and unmerged outputs on {0} test images").format(
                f"{len(test):,}"))
            difference = inspection.max_merge_difference(model, test.images,
                                                         recipes.extra_features(record, test.images))
            images = len(test)
        written = library.export_merged(model_id, Path(path))
        if difference is None:
            check = QCoreApplication.translate(
                "EvaluationJobs", "the test set is not here, so merged and unmerged outputs were not compared")
        elif record.lora is None:
            check = QCoreApplication.translate(
                "EvaluationJobs", "a base model has no LoRA to merge: the file holds its weights as they are")
        elif difference < 1e-3:
            check = QCoreApplication.translate(
                "EvaluationJobs", "largest |Δlogit| merged vs unmerged on {0} test images: {1} (float rounding "
                                  "only: the merged model answers the same)").format(f"{images:,}", f"{difference:.2g}")
        else:
            check = QCoreApplication.translate(
                "EvaluationJobs", "largest |Δlogit| merged vs unmerged on {0} test images: {1} (more than float "
                                  "rounding: the merged file does not answer like the LoRA model)").format(
                f"{images:,}", f"{difference:.2g}")
        message = QCoreApplication.translate("EvaluationJobs", "wrote {0}; {1}").format(written, check)
        return Exported("finished", message, model_id=model_id, path=str(written),
                        max_logit_difference=difference, images=images, lora=record.lora is not None, check=check)

    return Job("export", run, on_done=on_done)
