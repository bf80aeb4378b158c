"""Evaluate saved models on their test set: what the Evaluation tab and `lora-studio evaluate` both show.

`evaluate_models` reads the models' records first (small files: a wrong id or mixed data sets fail at
once), loads the test set, then each model in turn, predicting with one `PrefixCache` so a base and
its LoRA models run their common convolutions once. The report holds NumPy arrays and plain values
only: it may cross to another thread. Whatever needs a live model (ΔW, merged weights) is computed
by the caller's `on_model`, called with each model before it is let go.
"""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from torch import nn

from lora_studio.core.data.datasets import Dataset
from lora_studio.core.data.features import raw_features
from lora_studio.core.errors import Cancelled, DataError
from lora_studio.core.evaluation import comparison, inspection
from lora_studio.core.evaluation.scores import Predictions, predict
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
class EvaluatedModel:
    """One model of the library and its answers on the test set."""

    id: str
    record: ModelRecord
    predictions: Predictions
    score: comparison.Scored
    brightness_errors: inspection.BrightnessErrors  # on the report's edges


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

    @property
    def predictions(self) -> dict[str, Predictions]:
        return {m.id: m.predictions for m in self.models}


def evaluate_models(
    library: ModelLibrary,
    model_ids: Sequence[str],
    load_dataset: Callable[[str], Dataset],
    task: Task | None = None,
    on_model: Callable[[str, nn.Module, ModelRecord, Predictions], None] | None = None,
) -> EvaluationReport:
    """Score `model_ids` of `library` on the test split of their data set (`load_dataset(name)`).

    Raises DataError when they were trained on different data sets, Cancelled when `task` asks to stop.
    """
    task = task or _Quiet()
    started = time.perf_counter()
    records = {model_id: library.record(model_id) for model_id in model_ids}
    datasets = {record.dataset for record in records.values()}
    if len(datasets) > 1:
        raise DataError(f"these models were trained on different data sets ({', '.join(sorted(datasets))}): "
                        "evaluate them separately")
    dataset = load_dataset(datasets.pop())
    test = dataset.test
    task.status(f"Measuring the brightness of {len(test):,} test images")
    brightness = raw_features(test.images, ("brightness",))[:, 0].numpy().astype(np.float32)
    edges = inspection.brightness_edges(brightness, BRIGHTNESS_BINS)
    models = []
    with PrefixCache() as cache:  # a base and its LoRA models run their common convolutions once
        for index, model_id in enumerate(model_ids):
            if task.is_cancelled():
                raise Cancelled("evaluation stopped")
            task.progress(index / len(model_ids), f"Evaluating {records[model_id].name}")
            model, record = library.load(model_id)
            p = predict(model, test.images, test.labels, extra_features(record, test.images), cache)
            if on_model is not None:
                on_model(model_id, model, record, p)
            models.append(EvaluatedModel(model_id, record, p, comparison.scored(model_id, record, p),
                                         inspection.errors_by_brightness(brightness, p.correct, edges=edges)))
    task.progress(1.0, "Evaluated")
    scores = [m.score for m in models]
    return EvaluationReport(
        dataset.info.name, dataset.info.title, list(dataset.classes), test.images.numpy().copy(),
        test.labels.numpy().copy(), brightness, edges, tuple(models), comparison.group_by_setting(scores),
        comparison.seed_effect(scores), time.perf_counter() - started)
