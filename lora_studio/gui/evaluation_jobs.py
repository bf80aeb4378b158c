"""The Evaluation tab's jobs, run in the worker thread: score models with all the inspection views need; export.

`make_evaluate` loads each chosen model, runs it over the whole test set and
computes, with the core, everything heavy the views draw: per-image answers,
brightness per image, error rate per brightness bin, ΔW and its singular values
per adapted layer, fc1's feature columns, and a snapshot of merged weights for
the drawing canvas. What comes back is NumPy and plain values only (the models
themselves stay in the worker). `make_export` writes a model with LoRA merged
in, after measuring how far merged and unmerged outputs are apart on the test set.
"""

from __future__ import annotations  # NumPy in annotations only: it is imported after the window shows

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lora_studio.gui.jobs import DataCache
from lora_studio.gui.worker import Job, JobContext, JobResult

if TYPE_CHECKING:
    import numpy as np

BRIGHTNESS_BINS = 10  # equal-count bins: ~1,000 MNIST test images each, so each error rate is worth reading


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
    predictions: object  # core.evaluation.Predictions: NumPy arrays only
    seed: int = 0
    wall_seconds: float | None = None  # the whole training step, from the model's metrics
    features: tuple[str, ...] = ()
    rank: int | None = None
    alpha: float | None = None
    deltas: tuple = ()  # core.inspection.LayerDelta per adapted layer: ΔW, singular values, ‖ΔW‖/‖W‖
    feature_weights: np.ndarray | None = None  # (hidden, F): fc1's effective weights for the extra features
    image_weight_scale: float | None = None  # mean |w| of fc1's 784 image columns, to judge those sizes by
    snapshot: object = None  # core.drawing.ModelSnapshot: merged weights for the drawing canvas
    brightness_errors: object = None  # core.inspection.BrightnessErrors on the shared edges


@dataclass(frozen=True)
class TestSet:
    """The test split as the views show it (NumPy copies)."""

    dataset: str
    title: str
    classes: list[str]
    images: np.ndarray  # (N, 28, 28) uint8
    labels: np.ndarray  # (N,) int64
    brightness: np.ndarray  # (N,) float32: mean pixel value in [0, 1], the article's feature before scaling


def make_evaluate(cache: DataCache, root: Path, models: Path, model_ids: list[str]) -> Job:
    def run(ctx: JobContext) -> JobResult:
        import numpy as np

        from lora_studio.core.data.features import raw_features
        from lora_studio.core.errors import DataError
        from lora_studio.core.evaluation import comparison, inspection
        from lora_studio.core.evaluation.scores import predict
        from lora_studio.core.model import numpy_cnn as drawing
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.training.prefix_cache import PrefixCache
        from lora_studio.core.workflows import recipes

        started = time.perf_counter()
        library = ModelLibrary(models)
        records = {model_id: library.record(model_id) for model_id in model_ids}  # small JSON files: fail early
        datasets = {record.dataset for record in records.values()}
        if len(datasets) > 1:
            raise DataError("these models were trained on different data sets: evaluate them separately")
        dataset = cache.get(root, datasets.pop())
        test = dataset.test
        ctx.status(f"Measuring the brightness of {len(test):,} test images")
        brightness = raw_features(test.images, ("brightness",))[:, 0].numpy().astype(np.float32)
        edges = inspection.brightness_edges(brightness, BRIGHTNESS_BINS)
        rows, scores = [], []
        with PrefixCache() as prefixes:  # a base and its LoRA models run their common convolutions once
            for index, model_id in enumerate(model_ids):
                if ctx.is_cancelled():
                    return JobResult("stopped", "evaluation stopped")
                ctx.progress(index / len(model_ids), f"Evaluating {records[model_id].name}")
                model, record = library.load(model_id)
                p = predict(model, test.images, test.labels, recipes.extra_features(record, test.images), prefixes)
                rows.append(_row(model_id, model, record, p, brightness, edges, inspection, drawing))
                scores.append(comparison.scored(model_id, record, p))
        ctx.progress(1.0, "Evaluated")
        effect = comparison.seed_effect(scores)
        view = TestSet(dataset.info.name, dataset.info.title, list(dataset.classes), test.images.numpy().copy(),
                       test.labels.numpy().copy(), brightness)
        best = max(rows, key=lambda row: row.test_accuracy)
        message = (f"{len(rows)} model(s) evaluated on {len(test):,} test images in "
                   f"{time.perf_counter() - started:.1f} s; best {best.name} at {100 * best.test_accuracy:.2f} %")
        return JobResult("finished", message, {
            "rows": rows, "groups": comparison.group_by_setting(scores), "test": view, "edges": edges,
            "effect": effect.to_dict() if effect else None, "seconds": time.perf_counter() - started,
        })

    return Job("evaluate", "Evaluation", run)


def _row(model_id, model, record, p, brightness, edges, inspection, drawing) -> EvaluatedModel:
    deltas, feature_weights, image_scale = (), None, None
    if record.lora is not None:
        deltas = tuple(inspection.lora_deltas(model))
    flat_dim = record.model.flat_dim
    if record.model.feature_dim:
        feature_weights = inspection.feature_columns(model, flat_dim)
        image_scale = inspection.image_column_scale(model, flat_dim)
    m = record.metrics
    return EvaluatedModel(
        model_id, record.name, record.kind, record.parent, record.dataset, p.accuracy, p.loss,
        m.get("trainable_params"), m.get("total_params"), p, seed=record.train.seed,
        wall_seconds=m.get("wall_seconds"), features=tuple(record.features.names) if record.features else (),
        rank=record.lora.rank if record.lora else None, alpha=record.lora.alpha if record.lora else None,
        deltas=deltas, feature_weights=feature_weights, image_weight_scale=image_scale,
        snapshot=drawing.snapshot(model, record),
        brightness_errors=inspection.errors_by_brightness(brightness, p.correct, edges=edges),
    )


def make_export(cache: DataCache, root: Path, models: Path, model_id: str, path: Path) -> Job:
    """Write `model_id` with LoRA merged into its weights; first measure the largest |Δlogit| between the
    merged and the unmerged model on the test set (when the data set is here), which shows merging is exact."""

    def run(ctx: JobContext) -> JobResult:
        from lora_studio.core.data import datasets as data
        from lora_studio.core.evaluation import inspection
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import recipes

        library = ModelLibrary(models)
        model, record = library.load(model_id)
        difference, images = None, 0
        if data.is_available(root, record.dataset):
            test = cache.get(root, record.dataset).test
            ctx.status(f"Comparing merged and unmerged outputs on {len(test):,} test images")
            difference = inspection.max_merge_difference(model, test.images,
                                                         recipes.extra_features(record, test.images))
            images = len(test)
        written = library.export_merged(model_id, Path(path))
        if difference is None:
            check = "the test set is not here, so merged and unmerged outputs were not compared"
        elif record.lora is None:
            check = "a base model has no LoRA to merge: the file holds its weights as they are"
        else:
            verdict = "float rounding only: the merged model answers the same" if difference < 1e-3 else \
                "more than float rounding: the merged file does not answer like the LoRA model"
            check = f"largest |Δlogit| merged vs unmerged on {images:,} test images: {difference:.2g} ({verdict})"
        return JobResult("finished", f"wrote {written}; {check}", {
            "model_id": model_id, "path": str(written), "max_logit_difference": difference, "images": images,
            "lora": record.lora is not None, "check": check})

    return Job("export", "Export", run)
