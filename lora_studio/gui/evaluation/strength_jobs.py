"""The inspected model at another adapter strength, recomputed in the worker as the Evaluation tab's slider moves.

A LoRA model acts with W + strength·ΔW (`core.model.lora.set_strength`: 0 is its base bit for bit, 1 the
model as trained). For the slider's strength the job gives what the views draw: the answers on the model's
target task, ΔW of each layer, merged weights for the drawing canvas, errors against brightness, and the
accuracy on the source task. `make_strength_curve` scores the model at the strengths of the plot (core
`evaluation.strength`), once per model. The model and its task's test split are kept in an `InspectedModels`
between jobs (touched by jobs only), so moving the slider costs one pass over the test split, not a load.
"""

from __future__ import annotations  # NumPy and the core in annotations only: they load after the window shows

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone

if TYPE_CHECKING:
    import numpy as np

    from lora_studio.core.evaluation.inspection import BrightnessErrors, LayerDelta
    from lora_studio.core.evaluation.scores import Predictions
    from lora_studio.core.evaluation.strength import StrengthCurve
    from lora_studio.core.model.numpy_cnn import ModelSnapshot


@dataclass(frozen=True)
class StrengthApplied(JobResult):
    model_id: str = ""
    strength: float = 1.0  # 0 … 2
    predictions: Predictions | None = None  # on the model's target task's test split
    source_accuracy: float | None = None  # on the source task's test split
    deltas: tuple[LayerDelta, ...] = ()  # strength·ΔW per adapted layer
    snapshot: ModelSnapshot | None = None
    brightness_errors: BrightnessErrors | None = None  # on the evaluation's edges


@dataclass(frozen=True)
class StrengthCurveMade(JobResult):
    model_id: str = ""
    curve: StrengthCurve | None = None  # plain tuples of numbers


class InspectedModels:
    """The last model inspected and the test splits it is scored on. Used from the worker thread only."""

    def __init__(self):
        self._model: tuple[tuple[str, str], object, object] | None = None  # ((models root, id), model, record)
        self._splits: dict[tuple[str, str, str], object] = {}  # (data root, data set, task) → test Split

    def model(self, models: Path, model_id: str):
        from lora_studio.core.storage.library import ModelLibrary

        key = (str(models), model_id)
        if self._model is None or self._model[0] != key:
            self._model = None  # let the last one go before loading the next
            model, record = ModelLibrary(models).load(model_id)
            self._model = (key, model, record)
        return self._model[1], self._model[2]

    def test_split(self, cache: DataCache, root: Path, dataset: str, task: str):
        from lora_studio.core.data.tasks import make_task

        key = (str(root), dataset, task)
        if key not in self._splits:
            source = cache.get(root, dataset)
            self._splits[key] = source.test if task == "same" else make_task(task, source, root).test
        return self._splits[key]

    def forget(self) -> None:
        self._model = None
        self._splits.clear()


def make_strength(cache: DataCache, inspected: InspectedModels, root: Path, models: Path, model_id: str,
                  strength: float, brightness: np.ndarray, edges: np.ndarray, on_done: OnDone | None = None,
                  task: str | None = None) -> Job:
    """Score `model_id` with its adapters at `strength` on `task`'s test split (None: the task it was trained for;
    the split's per-image brightness is `brightness`) and on the source's; its ΔW and merged weights there."""

    def run(ctx: JobContext) -> StrengthApplied:
        from lora_studio.core.evaluation import inspection
        from lora_studio.core.evaluation.scores import predict
        from lora_studio.core.model import lora, numpy_cnn
        from lora_studio.core.training.prefix_cache import PrefixCache
        from lora_studio.core.workflows.recipes import extra_features

        model, record = inspected.model(models, model_id)
        target = inspected.test_split(cache, root, record.dataset, task or record.task)
        source = inspected.test_split(cache, root, record.dataset, "same")
        lora.set_strength(model, strength)
        try:
            with PrefixCache() as prefixes:  # as the evaluation predicts: the same numbers at strength 1
                p = predict(model, target.images, target.labels, extra_features(record, target.images), prefixes)
                on_source = p if source is target else predict(
                    model, source.images, source.labels, extra_features(record, source.images), prefixes)
            deltas = tuple(inspection.lora_deltas(model))
            snapshot = numpy_cnn.snapshot(model, record)
        finally:
            lora.set_strength(model, 1.0)
        message = QCoreApplication.translate(
            "StrengthJobs", "{0} at adapter strength {1} %: target accuracy {2} %").format(
            record.name, f"{100 * strength:.0f}", f"{100 * p.accuracy:.2f}")
        return StrengthApplied(
            "finished", message, model_id=model_id, strength=strength, predictions=p,
            source_accuracy=on_source.accuracy, deltas=deltas, snapshot=snapshot,
            brightness_errors=inspection.errors_by_brightness(brightness, p.correct, edges=edges))

    return Job("strength", run, on_done=on_done)


def make_strength_curve(cache: DataCache, inspected: InspectedModels, root: Path, models: Path, model_id: str,
                        on_done: OnDone | None = None, task: str | None = None) -> Job:
    """Target and source accuracy of `model_id` at each strength of the plot (0, 25, …, 200 %), the target being
    `task` (None: the task it was trained for)."""

    def run(ctx: JobContext) -> StrengthCurveMade:
        from lora_studio.core.evaluation.strength import STRENGTH_STEPS, accuracy_by_strength

        model, record = inspected.model(models, model_id)
        target = inspected.test_split(cache, root, record.dataset, task or record.task)
        source = inspected.test_split(cache, root, record.dataset, "same")
        curve = accuracy_by_strength(model, target, source, record.features, STRENGTH_STEPS, ctx.is_cancelled)
        if ctx.is_cancelled():  # the window is closing or another job is waiting: a part of the curve is no curve
            return JobResult("stopped")
        message = QCoreApplication.translate("StrengthJobs", "{0}: accuracy at {1} strengths").format(
            record.name, len(curve.strengths))
        return StrengthCurveMade("finished", message, model_id=model_id, curve=curve)

    return Job("strength", run, on_done=on_done)
