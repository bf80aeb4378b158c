"""The Evaluation tab's jobs, run in the worker thread: score models with all the inspection views need.

`make_evaluate` runs the core's `evaluate_models` (the same scores, groups and
seed effect as `lora-studio evaluate`: each model on its target task, or every
model on one chosen task as `evaluate --task` does, and on the source task, its
base on both as the reference) and adds, per model, what only the live model can
give: ΔW and its singular values per adapted layer, fc1's feature columns, and a
snapshot of merged weights for the drawing canvas. What comes back is NumPy and
plain values only (the models themselves stay in the worker).
Export (also offered by the model library) is in gui/shared/export.py.
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

    from lora_studio.core.evaluation.comparison import Group, SeedEffect
    from lora_studio.core.evaluation.inspection import BrightnessErrors, LayerDelta
    from lora_studio.core.evaluation.scores import Predictions
    from lora_studio.core.evaluation.strength import StrengthCurve
    from lora_studio.core.model.numpy_cnn import ModelSnapshot
    from lora_studio.core.workflows.evaluation_report import BaseReference
    from lora_studio.core.workflows.evaluation_report import EvaluatedModel as ScoredModel


@dataclass(frozen=True)
class EvaluatedModel:
    id: str
    name: str
    kind: str
    parent: str | None
    dataset: str
    test_accuracy: float
    test_loss: float
    trainable_params: int | None
    total_params: int | None
    predictions: Predictions
    seed: int = 0
    wall_seconds: float | None = None  # the whole training step, from the model's metrics
    features: tuple[str, ...] = ()
    rank: int | None = None
    alpha: float | None = None
    deltas: tuple[LayerDelta, ...] = ()  # per adapted layer: ΔW, its scale and variant, singular values, ‖ΔW‖/‖W‖
    feature_weights: np.ndarray | None = None  # (hidden, F): fc1's effective weights for the extra features
    image_weight_scale: float | None = None  # mean |w| of fc1's 784 image columns, to judge those sizes by
    snapshot: ModelSnapshot | None = None  # merged weights for the drawing canvas
    brightness_errors: BrightnessErrors | None = None  # on the evaluation's shared edges
    task: str = "same"  # the task its predictions are on: the one it was trained for, or the evaluation's chosen one
    method: str | None = None  # lora | head | full | scratch (None: a base)
    source_accuracy: float | None = None  # on the source task's test split (the base's own data set)
    base_target_accuracy: float | None = None  # its base's, on this model's task (None: the base is not there)
    base_source_accuracy: float | None = None
    forgetting: float | None = None  # base source accuracy − source accuracy (0 for a base)
    # target and source accuracy against adapter strength: a LoRA model's, when the evaluation made it (the
    # Evaluation tab asks for it only for the model inspected: 18 passes over the test splits each)
    strength_curve: StrengthCurve | None = None
    has_adapters: bool = False  # LoRA adapters whose strength can be turned
    trained_task: str = "same"  # the target task it was fine-tuned for (a base: "same")

    @property
    def target_accuracy(self) -> float:
        return self.test_accuracy


@dataclass(frozen=True)
class TestSet:
    """The test split as the views show it (NumPy copies)."""

    dataset: str
    title: str
    classes: list[str]
    images: np.ndarray  # (N, 28, 28) uint8
    labels: np.ndarray  # (N,) int64
    brightness: np.ndarray  # (N,) float32: mean pixel value in [0, 1], the article's feature before scaling
    task: str = "same"  # the task whose test split this is ("same": the data set's own)


@dataclass(frozen=True)
class Evaluated(JobResult):
    rows: tuple[EvaluatedModel, ...] = ()  # in the order chosen
    groups: tuple[Group, ...] = ()  # the same models by setting, seeds together
    test: TestSet | None = None  # the source task's (the data set's own)
    tests: dict[str, TestSet] | None = None  # the test split of each evaluated model's task, by task ("same" too)
    references: tuple[BaseReference, ...] = ()  # each fine-tuned model's base on that model's task
    edges: np.ndarray | None = None  # the brightness bins every model's error rate is given on
    effect: SeedEffect | None = None  # feature+LoRA against its control: the core's judgement (score_texts words it)
    seconds: float = 0.0


def make_evaluate(cache: DataCache, root: Path, models: Path, model_ids: list[str],
                  on_done: OnDone | None = None, task: str | None = None) -> Job:
    """Score `model_ids` on their own target tasks, or all of them on `task` (a task name; None: their own)."""

    def run(ctx: JobContext) -> Evaluated:
        from lora_studio.core.errors import Cancelled
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows.evaluation_report import evaluate_models
        from lora_studio.gui.i18n.core_texts import user_error

        inside = {}

        def look_inside(model_id, model, record, _predictions) -> None:
            inside[model_id] = _inside(model, record)

        try:
            report = evaluate_models(ModelLibrary(models), model_ids, lambda name: cache.get(root, name), ctx,
                                     look_inside, data_root=root, on_task=task or None)
        except Cancelled as exc:
            return Evaluated("stopped", user_error(exc))
        rows = tuple(_row(model, **inside[model.id]) for model in report.models)
        test = TestSet(report.dataset, report.title, report.classes, report.images, report.labels, report.brightness)
        tests = {"same": test}
        for name, split in (report.tasks or {}).items():
            if name != "same":
                tests[name] = TestSet(report.dataset, f"{report.title} · {name}", _classes(report.classes, name),
                                      split.images, split.labels, split.brightness, task=name)
        references = tuple(report.references)  # frozen, NumPy inside: safe in the GUI thread
        best = max(rows, key=lambda row: row.test_accuracy)
        message = QCoreApplication.translate(
            "EvaluationJobs", "{0} model(s) evaluated on {1} test images in {2} s; best {3} at {4} %").format(
            len(rows), f"{len(test.labels):,}", f"{report.seconds:.1f}", best.name, f"{100 * best.test_accuracy:.2f}")
        return Evaluated("finished", message, rows=rows, groups=tuple(report.groups), test=test, tests=tests,
                         references=references, edges=report.edges,
                         effect=report.effect, seconds=report.seconds)

    return Job("evaluate", run, on_done=on_done)


def _inside(model, record) -> dict:
    """What the views show of a model that only the live model can give."""
    from lora_studio.core.evaluation import inspection
    from lora_studio.core.model import numpy_cnn

    inside = {"deltas": (), "feature_weights": None, "image_weight_scale": None}
    if record.lora is not None:
        inside["deltas"] = tuple(inspection.lora_deltas(model))
    flat_dim = record.model.flat_dim
    if record.model.feature_dim:
        inside["feature_weights"] = inspection.feature_columns(model, flat_dim)
        inside["image_weight_scale"] = inspection.image_column_scale(model, flat_dim)
    inside["snapshot"] = numpy_cnn.snapshot(model, record)
    return inside


def _row(model: ScoredModel, **inside) -> EvaluatedModel:
    p, facts = model.predictions, model.record.summary()
    return EvaluatedModel(
        model.id, facts["name"], facts["kind"], facts["parent"], facts["dataset"], p.accuracy, p.loss,
        facts["trainable_params"], facts["total_params"], p, seed=facts["seed"], wall_seconds=facts["wall_seconds"],
        features=facts["features"], rank=facts["rank"], alpha=facts["alpha"],
        brightness_errors=model.brightness_errors, task=model.scored_task, method=facts["method"],
        source_accuracy=model.source_accuracy, base_target_accuracy=model.base_target_accuracy,
        base_source_accuracy=model.base_source_accuracy, forgetting=model.forgetting,
        strength_curve=model.strength_curve, has_adapters=model.record.lora is not None, trained_task=model.task,
        **inside)


def _classes(source: list[str], task: str) -> list[str]:
    """A task's class names: another data set's for fashion-mnist and kmnist, else the source's."""
    from lora_studio.core.data import datasets as data
    from lora_studio.core.data.task_names import TASKS

    info = TASKS.get(task)
    if info is not None and info.needs_dataset:
        return data.class_names(info.needs_dataset)
    return list(source)
