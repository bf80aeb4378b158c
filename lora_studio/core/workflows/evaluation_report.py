"""Evaluate saved models on their test set: what the Evaluation tab and `lora-studio evaluate` both show.

`evaluate_models` reads the models' records first (small files: a wrong id or mixed data sets fail at
once), loads the test set, then each model in turn, predicting with one `PrefixCache` so a base and
its LoRA models run their common convolutions once. A model fine-tuned for a target task is scored on
that task's test split (its `predictions`) and on the source task's, the base's own data set's
(`source_predictions`); the base it came from, when the library still has it, is scored on both as the
reference (`references`), which gives forgetting = base source accuracy − model source accuracy.
With `on_task`, every model — a base too — is scored on that one task instead (any task, a composite such as
`inverted+swap-labels` included: one none of them was trained for), and its base on that task is the reference.
The report holds NumPy arrays and plain values only: it may cross to another thread. Whatever needs a
live model (ΔW, merged weights) is computed by the caller's `on_model`, called with each model before it
is let go.
"""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from torch import nn

from lora_studio.core.data.datasets import Dataset, Split
from lora_studio.core.data.features import raw_features
from lora_studio.core.data.task_names import parse_task
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import Cancelled, DataError, StorageError
from lora_studio.core.evaluation import comparison, inspection
from lora_studio.core.evaluation.scores import Predictions, predict
from lora_studio.core.evaluation.strength import StrengthCurve, accuracy_by_strength
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.workflows.recipes import extra_features

BRIGHTNESS_BINS = 10  # equal-count bins: ~1,000 MNIST test images each, so each error rate is worth reading


class Task(Protocol):
    """How long work reports and learns it should stop (the window's JobContext is one)."""

    def status(self, text: str) -> None: ...
    def progress(self, fraction: float, text: str) -> None: ...
    def is_cancelled(self) -> bool: ...


class _Quiet:
    def status(self, text: str) -> None: ...
    def progress(self, fraction: float, text: str) -> None: ...
    def is_cancelled(self) -> bool:
        return False


@dataclass(frozen=True)
class TaskTest:
    """The test split of one task the evaluated models were trained for, as NumPy arrays."""

    task: str  # "same": the source task itself
    images: np.ndarray  # (N, 28, 28) uint8
    labels: np.ndarray  # (N,) int64
    brightness: np.ndarray  # (N,) float32, as EvaluationReport.brightness


@dataclass(frozen=True)
class BaseReference:
    """A base model, as it is, on a target task its fine-tuned models were evaluated on: the reference row."""

    base_id: str
    task: str
    predictions: Predictions  # on the task's test split
    source_accuracy: float  # on the source task's test split

    @property
    def target_accuracy(self) -> float:
        return self.predictions.accuracy


@dataclass(frozen=True)
class EvaluatedModel:
    """One model of the library and its answers on the test set of its task and of the source task."""

    id: str
    record: ModelRecord
    predictions: Predictions  # on the test split of the model's task (record.task; the source's for "same")
    score: comparison.Scored
    brightness_errors: inspection.BrightnessErrors  # on the report's edges, over the model's task's test split
    source_predictions: Predictions | None = None  # on the source task's test split (None: as `predictions`)
    reference: BaseReference | None = None  # its base on the same task, when the base is in the library
    strength_curve: StrengthCurve | None = None  # LoRA models, when evaluate_models was given strengths
    evaluated_on: str | None = None  # the task `predictions` are on; None: the model's own (record.task)

    @property
    def task(self) -> str:
        """The task the model was trained for."""
        return self.record.task

    @property
    def scored_task(self) -> str:
        """The task its `predictions` (its target accuracy) are on: its own, or the one evaluate_models was given."""
        return self.evaluated_on or self.record.task

    @property
    def target_accuracy(self) -> float:
        return self.predictions.accuracy

    @property
    def source_accuracy(self) -> float:
        return (self.source_predictions or self.predictions).accuracy

    @property
    def base_target_accuracy(self) -> float | None:
        return None if self.reference is None else self.reference.target_accuracy

    @property
    def base_source_accuracy(self) -> float | None:
        return None if self.reference is None else self.reference.source_accuracy

    @property
    def forgetting(self) -> float | None:
        """Base source accuracy − this model's source accuracy (None without its base; 0 for a base itself)."""
        if self.record.kind == "base":
            return 0.0
        return None if self.reference is None else self.reference.source_accuracy - self.source_accuracy


@dataclass(frozen=True)
class EvaluationReport:
    dataset: str  # the data set's name ("mnist")
    title: str  # and how people call it ("MNIST")
    classes: list[str]
    images: np.ndarray  # (N, 28, 28) uint8, the test split
    labels: np.ndarray  # (N,) int64
    brightness: np.ndarray  # (N,) float32: mean pixel value in [0, 1], the article's feature before scaling
    edges: np.ndarray  # (BRIGHTNESS_BINS + 1,) equal-count brightness bins, shared by every model
    models: tuple[EvaluatedModel, ...]  # in the order asked for
    groups: list[comparison.Group]  # the models by setting, seeds together
    effect: comparison.SeedEffect | None  # feature+LoRA against its control, when both were evaluated
    seconds: float
    tasks: dict[str, TaskTest] | None = None  # the test split of each scored task, by task name ("same" too)
    references: tuple[BaseReference, ...] = ()  # each fine-tuned model's base on its scored task, once each
    task: str | None = None  # the task every model was scored on (evaluate_models' on_task); None: each its own

    @property
    def predictions(self) -> dict[str, Predictions]:
        return {m.id: m.predictions for m in self.models}

    def reference(self, base_id: str, task: str) -> BaseReference | None:
        return next((r for r in self.references if r.base_id == base_id and r.task == task), None)


def evaluate_models(
    library: ModelLibrary,
    model_ids: Sequence[str],
    load_dataset: Callable[[str], Dataset],
    task: Task | None = None,
    on_model: Callable[[str, nn.Module, ModelRecord, Predictions], None] | None = None,
    data_root: Path | None = None,
    strengths: Sequence[float] | None = None,
    on_task: str | None = None,
) -> EvaluationReport:
    """Score `model_ids` of `library` on the test split of their task, made from their data set
    (`load_dataset(name)`; `data_root` holds Fashion-MNIST and KMNIST for those tasks), and on the source task's.

    `on_task` (a task name as parse_task reads it): score every model, bases included, on that task's test split
    instead of its own. `on_model` gets each model with its answers on the scored task. With `strengths`, each
    LoRA model's target and source accuracy at those adapter strengths (evaluation/strength.py). Raises DataError
    when the models were trained on different data sets or a task cannot be made, Cancelled when `task` asks to
    stop.
    """
    task = task or _Quiet()
    started = time.perf_counter()
    on_task = None if on_task is None else parse_task(on_task).name  # as records write it: a folder made absolute
    records = {model_id: library.record(model_id) for model_id in model_ids}
    scored = {model_id: on_task or record.task for model_id, record in records.items()}
    datasets = {record.dataset for record in records.values()}
    if len(datasets) > 1:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "these models were trained on different data sets ({0}): evaluate them separately"),
            ", ".join(sorted(datasets)))
    dataset = load_dataset(datasets.pop())
    test = dataset.test
    targets = {name: _target_test(name, dataset, data_root) for name in dict.fromkeys(scored.values())}
    task.status(Text(QT_TRANSLATE_NOOP("core", "Measuring the brightness of {0:,} test images"), len(test)))
    brightness = _brightness(test)
    edges = inspection.brightness_edges(brightness, BRIGHTNESS_BINS)
    source_test = TaskTest("same", test.images.numpy().copy(), test.labels.numpy().copy(), brightness)
    tests = {name: source_test if split is test else TaskTest(name, split.images.numpy().copy(),
                                                              split.labels.numpy().copy(), _brightness(split))
             for name, split in targets.items()}
    models = []
    references: dict[tuple[str, str], BaseReference | None] = {}
    with PrefixCache() as cache:  # a base and its LoRA models run their common convolutions once
        for index, model_id in enumerate(model_ids):
            if task.is_cancelled():
                raise Cancelled(QT_TRANSLATE_NOOP("errors", "evaluation stopped"))
            task.progress(index / len(model_ids), Text(QT_TRANSLATE_NOOP("core", "Evaluating {0}"),
                                                       records[model_id].name))
            model, record = library.load(model_id)
            target = targets[scored[model_id]]
            p = predict(model, target.images, target.labels, extra_features(record, target.images), cache)
            on_source = None if target is test else predict(model, test.images, test.labels,
                                                              extra_features(record, test.images), cache)
            reference = None
            if record.kind != "base" and record.parent:
                key = (record.parent, scored[model_id])
                if key not in references:
                    references[key] = _reference(library, record.parent, scored[model_id], target, test, cache)
                reference = references[key]
            curve = None
            if strengths is not None and record.lora is not None:
                curve = accuracy_by_strength(model, target, test, record.features, strengths)
            if on_model is not None:
                on_model(model_id, model, record, p)
            models.append(EvaluatedModel(
                model_id, record, p, comparison.scored(model_id, record, p),
                inspection.errors_by_brightness(tests[scored[model_id]].brightness, p.correct, edges=edges),
                on_source, reference, curve, scored[model_id]))
    task.progress(1.0, Text(QT_TRANSLATE_NOOP("core", "Evaluated")))
    scores = [m.score for m in models]
    return EvaluationReport(
        dataset.info.name, dataset.info.title, list(dataset.classes), source_test.images, source_test.labels,
        brightness, edges, tuple(models),
        comparison.group_by_setting(scores), comparison.seed_effect(scores), time.perf_counter() - started,
        tests, tuple(r for r in references.values() if r is not None), on_task)


def _target_test(name: str, dataset: Dataset, data_root: Path | None) -> Split:
    """The test split of task `name` made from `dataset`: the source's own for "same"."""
    return dataset.test if name == "same" else make_task(name, dataset, data_root).test


def _brightness(split: Split) -> np.ndarray:
    return raw_features(split.images, ("brightness",))[:, 0].numpy().astype(np.float32)


def _reference(library: ModelLibrary, base_id: str, task: str, target: Split, source: Split,
               cache: PrefixCache) -> BaseReference | None:
    """The base `base_id` on the task's and the source's test split; None when the library no longer has it."""
    try:
        base, _ = library.load(base_id)
    except StorageError:
        return None
    on_target = predict(base, target.images, target.labels, None, cache)
    on_source = on_target if target is source else predict(base, source.images, source.labels, None, cache)
    return BaseReference(base_id, task, on_target, on_source.accuracy)
