"""The two steps of the experiment, each usable on its own: train a base CNN; LoRA-fine-tune a copy.

The command line's `train-base` and `finetune`, the GUI's Base and LoRA tabs and
`experiment.run_experiment` all go through these two functions, so a model
trained anywhere is built, trained, scored and described the same way.
"""

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from lora_studio.core.config import METHODS, LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.data.features import FeatureScaler, check_features, raw_features
from lora_studio.core.data.pixels import pixel_stats
from lora_studio.core.data.task_names import task_label
from lora_studio.core.evaluation.scores import Predictions
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN, count_parameters
from lora_studio.core.model.param_report import count_trainable
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.storage.library import ModelRecord
from lora_studio.core.training.loop import Callbacks, TrainControl, TrainData, TrainResult, train
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.vocabulary import FEATURE_LORA, LORA, METHOD_CONTEXT, VARIANT_CONTEXT, VARIANTS, Status

Say = Callable[[str, str], str]  # (context, marked text) → the text in some language


@dataclass
class Outcome:
    """A trained model with its record (ready for the library), how training went and its test answers."""

    model: nn.Module
    record: ModelRecord
    result: TrainResult
    predictions: Predictions | None  # None when training was stopped or diverged
    trainable_params: int
    total_params: int
    wall_seconds: float  # the whole step: building, transfer, feature statistics, caching, training, scoring
    # a fine-tuned model's answers on the source task's test split (the base's own data set), when it was scored
    # there (runs.finetune_runs does, for forgetting); `predictions` are on the task it was trained for
    source_predictions: Predictions | None = None

    def answers(self) -> Predictions:
        """The test answers, which only a run that finished has."""
        if self.predictions is None:
            raise ValueError(f"a run that {self.result.status} has no test answers")
        return self.predictions


def train_base(
    dataset: Dataset,
    config: TrainConfig,
    callbacks: Callbacks | None = None,
    control: TrainControl | None = None,
    name: str | None = None,
    cache: PrefixCache | None = None,
) -> Outcome:
    """Train the article's CNN (no extra features) from scratch on `dataset.train`.

    With a `cache`, its last evaluation leaves there the output of its convolutions over the test split, for
    the LoRA runs that start from it."""
    started = time.perf_counter()
    mean, std = pixel_stats(dataset.train.images)
    model_config = ModelConfig(pixel_mean=round(mean, 6), pixel_std=round(std, 6))
    torch.manual_seed(config.seed)
    model = MnistCNN(model_config)
    result = train(model, _data(dataset.train), _data(dataset.test), config, callbacks, control, cache=cache,
                   keep_test_head_inputs=cache is not None)
    record = ModelRecord(
        kind="base", name=name or base_name(dataset.info.title, config.seed),
        dataset=dataset.info.name, model=model_config, train=config,
    )
    return _finish(model, record, result, dataset, started)


def finetune(
    base: nn.Module,
    base_record: ModelRecord,
    dataset: Dataset,
    lora_config: LoraConfig,
    feature_names: tuple[str, ...],
    config: TrainConfig,
    callbacks: Callbacks | None = None,
    control: TrainControl | None = None,
    name: str | None = None,
    cache: PrefixCache | None = None,
    method: str = "lora",
    task: str = "same",
) -> Outcome:
    """Fine-tune a copy of `base` on `dataset` (the target task `task`'s data) by `method` (config.METHODS).

    `lora`: copy `base` into a CNN taking `feature_names` as extra inputs, add LoRA, train adapters + new
    columns; with no feature names this is the control run, which tells what the features themselves add.
    `head` trains fc2 alone, `full` every weight, `scratch` a fresh CNN of the base's shape (seeded): these
    take no extra features and `lora_config` is not read. Runs from one base given the same `cache` compute the
    output of its frozen stages over each split once between them.
    """
    if base_record.kind != "base" or base_record.model.feature_dim:
        raise ValueError("fine-tuning starts from a base model (no LoRA, no extra features)")
    if method not in METHODS:
        raise ValueError(f"unknown fine-tuning method {method!r}")
    if method != "lora":
        if feature_names:
            raise ValueError(f"the {method} method takes no extra features")
        return _finetune_plain(base, base_record, dataset, method, config, callbacks, control, name, cache, task)
    started = time.perf_counter()
    generator = torch.Generator().manual_seed(config.seed)
    raw_train = raw_features(dataset.train.images, check_features(feature_names)) if feature_names else None
    scaler = FeatureScaler.fit_values(raw_train, feature_names) if raw_train is not None else None
    model_config = dataclasses.replace(base_record.model, feature_dim=len(feature_names))
    torch.manual_seed(config.seed)
    model = MnistCNN(model_config)
    report = transfer_weights(base, model, lora_config.new_columns, generator)
    lora.apply_lora(model, lora_config, generator)
    if feature_names:
        lora.train_feature_columns(model)

    # the values fitted on, computed once
    train_extra = scaler.standardise(raw_train) if scaler is not None and raw_train is not None else None
    train_data = TrainData(dataset.train.images, dataset.train.labels, train_extra)
    test_data = _data(dataset.test, scaler)
    result = train(model, train_data, test_data, config, callbacks, control,
                   param_groups=lora.parameter_groups(model, lora_config.lora_plus_ratio), cache=cache)
    kind = FEATURE_LORA if feature_names else LORA  # what the run is: a control only beside its feature run
    record = ModelRecord(
        kind=kind,
        name=name or lora_name(lora_config, feature_names, task, config.seed),
        dataset=base_record.dataset, model=model_config, train=config, lora=lora_config,
        features=scaler, parent=base_record.id or None, transfer=report.to_dict(), task=task, method="lora",
    )
    return _finish(model, record, result, dataset, started)


# A model's default name says what the run is (never "control": that is a role beside a feature run, not what a
# model is), so models of different settings get different names: the method, or for LoRA the variant, rank and
# layers; the task unless it is the base's own; the extra inputs; the seed. Stored in the record; the window fills
# the same templates in its language, passing QCoreApplication.translate as `say` (gui/i18n/core_texts.py).
BASE_NAME = QT_TRANSLATE_NOOP("modelnames", "Base · {0} · seed {1}")
ADAPTER_NAME = QT_TRANSLATE_NOOP("modelnames", "{0} r={1} {2}")  # variant (LoRA, rsLoRA, DoRA), rank, layers
SEED_NAME = QT_TRANSLATE_NOOP("modelnames", "seed {0}")
NAME_PARTS = " · "


def _english(_context: str, text: str) -> str:
    return text


def base_name(dataset_title: str, seed: int, say: Say = _english) -> str:
    return say("modelnames", BASE_NAME).format(dataset_title, seed)


def lora_name(lora_config: LoraConfig, feature_names: tuple[str, ...], task: str, seed: int, say: Say = _english,
              feature_word: Callable[[str], str] = str) -> str:
    """"LoRA r=8 conv1 · inverted · seed 0", "rsLoRA r=4 fc1+fc2 · +brightness · seed 1". `say(context, text)`
    translates a marked text (QCoreApplication.translate; the English by default), `feature_word` names a feature."""
    variant = VARIANTS.get(lora_config.variant)
    parts = [say("modelnames", ADAPTER_NAME).format(
        say(VARIANT_CONTEXT, variant.title) if variant is not None else lora_config.variant, lora_config.rank,
        "+".join(lora_config.layers))]
    if task != "same":
        parts.append(task_label(task, say))
    if feature_names:
        parts.append("+" + "+".join(feature_word(name) for name in feature_names))
    parts.append(say("modelnames", SEED_NAME).format(seed))
    return NAME_PARTS.join(parts)


def method_name(method: str, task: str, seed: int, say: Say = _english) -> str:
    """"Head only (fc2) · inverted · seed 0": a run of a method other than LoRA, by the method's title."""
    return NAME_PARTS.join((say(METHOD_CONTEXT, METHODS[method].title), task_label(task, say),
                            say("modelnames", SEED_NAME).format(seed)))


def _finetune_plain(base: nn.Module, base_record: ModelRecord, dataset: Dataset, method: str, config: TrainConfig,
                    callbacks: Callbacks | None, control: TrainControl | None, name: str | None,
                    cache: PrefixCache | None, task: str) -> Outcome:
    """`head`, `full` or `scratch`: the plain CNN of the base's shape, its weights the base's or fresh ones."""
    started = time.perf_counter()
    torch.manual_seed(config.seed)
    model = MnistCNN(base_record.model)
    transfer = None
    if method != "scratch":
        transfer = transfer_weights(base, model).to_dict()
    if method == "head":
        for parameter_name, parameter in model.named_parameters():
            parameter.requires_grad_(parameter_name.startswith("fc2."))
    result = train(model, _data(dataset.train), _data(dataset.test), config, callbacks, control, cache=cache)
    record = ModelRecord(
        kind=method, name=name or method_name(method, task, config.seed),
        dataset=base_record.dataset, model=base_record.model, train=config, parent=base_record.id or None,
        transfer=transfer, task=task, method=method,
    )
    return _finish(model, record, result, dataset, started)


def extra_features(record: ModelRecord, images: torch.Tensor) -> torch.Tensor | None:
    """The standardised extra inputs a saved model expects for these uint8 images."""
    return record.features.transform(images) if record.features else None


def _data(split, scaler: FeatureScaler | None = None) -> TrainData:
    extra = scaler.transform(split.images) if scaler else None
    return TrainData(split.images, split.labels, extra)


def _finish(model, record: ModelRecord, result: TrainResult, dataset: Dataset, started: float) -> Outcome:
    trainable, total = count_trainable(model), count_parameters(model)
    predictions = None
    probabilities, loss = result.test_probabilities, result.test_loss
    if result.status == Status.FINISHED and probabilities is not None and loss is not None:
        # the last epoch's evaluation: no second pass over the test set
        predictions = Predictions(dataset.test.labels.numpy().copy(), probabilities.argmax(1), probabilities, loss)
    record.metrics = {
        "status": result.status,
        "message": result.message,
        "test_accuracy": predictions.accuracy if predictions else None,
        "test_loss": predictions.loss if predictions else None,
        "train_accuracy": result.train_accuracy,
        "train_loss": result.train_loss,
        "test_accuracy_per_epoch": result.test_accuracy,
        "epoch_seconds": result.epoch_seconds,
        "setup_seconds": result.setup_seconds,
        "train_seconds": result.wall_seconds,
        "wall_seconds": time.perf_counter() - started,
        "trainable_params": trainable,
        "total_params": total,
        "train_images": len(dataset.train),
        "test_images": len(dataset.test),
    }
    return Outcome(model, record, result, predictions, trainable, total, record.metrics["wall_seconds"])
