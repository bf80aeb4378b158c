"""Combine trained LoRA adapters of one base into a new adapter, saved in the library: `lora-studio combine`
and the window's "save combination" call `combine_adapters`.

The arithmetic is PEFT's `add_weighted_adapter` (model/combine.py). The new model is a plain LoRA model of the
base (its weights, the combined adapter in PEFT's layout), its record names the parents with their weights, how
they were combined and the rank (record.Combination). Refused, each with one line, before anything is written:
- an id that is no model, or no LoRA model; a DoRA adapter (PEFT drops the magnitude vectors when it
  combines); a model with extra inputs (its fc1 is wider, and the feature columns it trained are not part of
  the adapter);
- adapters of different bases, or of a base whose weights changed since they were trained: every LoRA model
  keeps the weights it was trained on (model.safetensors), so they are compared, by digest, with each other
  and with the base in the library when it is still there (a deleted base is not needed: they carry it);
- a file that fails its checksum (model_files.read_tensors, as every load);
- weights outside −1 … 2, a density outside 0.01 … 1, a rank that does not fit `how` (model/combine.py).
"""

from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from torch import nn

from lora_studio.core.config import COMBINATIONS, COMBINE_DENSITY, LoraConfig, check_choice, check_range
from lora_studio.core.data.datasets import Dataset
from lora_studio.core.data.task_names import COMPOSABLE, COMPOSITE_JOIN, composite_name
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import ConfigError, StorageError
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN, count_parameters
from lora_studio.core.model.combine import Combined, adapter_of, combine
from lora_studio.core.model.param_report import count_trainable
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.model_files import digest
from lora_studio.core.storage.record import Combination, CombinedParent, ModelRecord
from lora_studio.core.training.prefix_cache import PrefixCache
from lora_studio.core.vocabulary import LORA  # a plain LoRA model of its base; record.combination tells it apart
from lora_studio.core.workflows.recipes import Say, task_label

#: a combination's default name: how (PEFT's name, kept), the rank, each parent's weight, layers and task
COMBINED_NAME = QT_TRANSLATE_NOOP("modelnames", "Combined {0} r={1}: {2}")


def combine_adapters(library: ModelLibrary, parents: Sequence[tuple[str, float]], how: str,
                     rank: int | None = None, name: str | None = None, density: float = COMBINE_DENSITY,
                     load_dataset: Callable[[str], Dataset | None] | None = None,
                     data_root: Path | None = None, say: Say | None = None) -> str:
    """Combine the LoRA models `parents` ((id, weight) each) `how` (config.COMBINATIONS), save the result in
    `library` and return its id. `rank`: svd's (default: the largest parent's); `density`: ties' and
    magnitude_prune's. When `load_dataset(name)` gives the base's data set, the new model is scored on its task
    and the source task as fine-tuned models are; else (None) its metrics hold its size only (`evaluate` scores
    it later). ConfigError or StorageError (nothing saved) for what cannot be combined; the numbers are checked
    before any file is read. `say(context, text)` words the default name (the window's language; English
    without)."""
    check_choice("how", how, tuple(COMBINATIONS))
    if not parents:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "choose at least one adapter to combine"))
    for _, weight in parents:
        check_range("adapter weight", weight, "adapter_weight")
    if rank is not None:
        check_range("rank", rank, whole=True)
    check_range("density", density)
    records = [_adapter_record(library, model_id) for model_id, _ in parents]
    base_id = _one_base(records, [model_id for model_id, _ in parents])
    models = [library.load(model_id)[0] for model_id, _ in parents]
    base_weights = _base_weights(library, base_id, records, models)
    combined = combine([adapter_of(m) for m in models], [w for _, w in parents], how, rank, density)
    model = _model(records[0], base_weights, combined)
    combination = Combination(combined.how, combined.rank, tuple(CombinedParent(i, float(w)) for i, w in parents),
                              density if combined.how in ("ties", "magnitude_prune") else None)
    record = ModelRecord(  # its training settings are its first parent's: the seed tells which run it came from
        kind=LORA, name=name or combination_name(combination, records, say), dataset=records[0].dataset,
        model=records[0].model, train=records[0].train, lora=_lora_config(combined), parent=base_id,
        task=combined_task([r.task for r in records]), method="lora", combination=combination)
    dataset = load_dataset(record.dataset) if load_dataset is not None else None
    record.metrics = _metrics(model, base_weights, record, dataset, data_root)
    return library.save(model, record, library.new_id("combined"))


def _adapter_record(library: ModelLibrary, model_id: str) -> ModelRecord:
    record = library.record(model_id)
    if record.lora is None:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} is a {1} model, not a LoRA adapter: it cannot be "
                                            "combined"), model_id, record.kind)
    if record.lora.variant == "dora":
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} is a DoRA adapter: its learned magnitudes have no weighted sum (PEFT drops them), so "
            "DoRA adapters are not combined"), model_id)
    if record.model.feature_dim:
        inputs = ", ".join(record.features.names) if record.features else str(record.model.feature_dim)
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} takes extra inputs ({1}): their fc1 columns are trained outside the adapter, so only "
            "LoRA runs without extra inputs are combined"), model_id, inputs)
    return record


def _one_base(records: list[ModelRecord], ids: list[str]) -> str:
    bases = [r.parent for r in records]
    if None in bases:
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} does not say which base model it was trained from"),
                           ids[bases.index(None)])
    for model_id, base in zip(ids, bases, strict=True):
        if base != bases[0]:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "adapters of different bases cannot be combined: {0} was trained from {1}, {2} from {3}"),
                ids[0], bases[0], model_id, base)
    assert bases[0] is not None
    return bases[0]


def _base_weights(library: ModelLibrary, base_id: str, records: list[ModelRecord],
                  models: list[nn.Module]) -> dict[str, torch.Tensor]:
    """The base's weights the adapters were trained on (each LoRA model keeps them), checked to be one set and
    to be the library's base's, when it still has it."""
    tensors = [weights.plain_state(m) for m in models]
    digests = [digest(t) for t in tensors]
    for record, found in zip(records, digests, strict=True):
        if found != digests[0] or record.model != records[0].model:
            raise StorageError(QT_TRANSLATE_NOOP(
                "errors", "{0} and {1} were trained on different weights of base {2}: they cannot be combined"),
                records[0].id, record.id, base_id)
    try:
        library.folder(base_id)
    except StorageError:
        return tensors[0]  # deleted from the library: the adapters carry the weights they were trained on
    base, base_record = library.load(base_id)  # a damaged base file is refused here
    if digest(weights.plain_state(base)) != digests[0] or base_record.model != records[0].model:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "base {0} changed since {1} was trained: the adapter no longer fits its weights"),
            base_id, records[0].id)
    return tensors[0]


def _lora_config(combined: Combined) -> LoraConfig:
    # scale 1 (alpha = r) and plain LoRA, as PEFT's combination (which copies use_rslora from the first parent,
    # scaling its result by √r when that one was rsLoRA: here the scale is 1 whatever the parents were)
    return LoraConfig(rank=combined.rank, alpha=float(combined.rank), layers=tuple(combined.layers), variant="lora")


def _model(first: ModelRecord, base_weights: dict[str, torch.Tensor], combined: Combined) -> nn.Module:
    model = MnistCNN(first.model)
    weights.load_plain_state(model, base_weights)
    lora.apply_lora(model, _lora_config(combined), torch.Generator().manual_seed(0))  # A, B written over below
    with torch.no_grad():
        for name, (a, b) in combined.layers.items():
            layer = lora.lora_layers(model)[name]
            layer.lora_A.copy_(a)
            layer.lora_B.copy_(b)
    return model.eval()


def combined_task(tasks: Sequence[str]) -> str:
    """The task a combination is scored on: its parents' when they share one; the composite of theirs when each
    is a change that composes (inverted and swap-labels: inverted+swap-labels); else the source task, "same"."""
    changed = [t for t in dict.fromkeys(tasks) if t != "same"]
    if len(changed) <= 1:
        return changed[0] if changed else "same"
    parts = {part for task in changed for part in task.split(COMPOSITE_JOIN)}
    if not parts <= set(COMPOSABLE):
        return "same"
    return composite_name(sorted(parts, key=COMPOSABLE.index))


def combination_name(combination: Combination, records: list[ModelRecord], say: Say | None = None) -> str:
    """The default name: how, rank and each parent's weight, layers and task ("Combined cat r=16: 1×conv1 inverted
    + …"), worded by `say` (context, text) as the window names the models it makes (recipes.lora_name); English
    without."""
    parts = []
    for parent, record in zip(combination.parents, records, strict=True):
        assert record.lora is not None
        on = "" if record.task == "same" else f" {task_label(record.task, say) if say else task_label(record.task)}"
        parts.append(f"{parent.weight:g}×{'+'.join(record.lora.layers)}{on}")
    template = say("modelnames", COMBINED_NAME) if say else COMBINED_NAME
    return template.format(combination.how, combination.rank, " + ".join(parts))


def _metrics(model: nn.Module, base_weights: dict[str, torch.Tensor], record: ModelRecord,
             dataset: Dataset | None, data_root: Path | None) -> dict:
    """Its size, and with `dataset` the fine-tuned models' scores (record.FORGETTING_METRICS) against the base."""
    metrics: dict = {"trainable_params": count_trainable(model), "total_params": count_parameters(model)}
    if dataset is None:
        return metrics
    base = MnistCNN(record.model)
    weights.load_plain_state(base, base_weights)
    source = dataset.test
    target = source if record.task == "same" else make_task(record.task, dataset, data_root).test
    answers = {}
    with PrefixCache() as cache:  # the base and an fc-only combination run the convolutions once
        for who, m in (("model", model), ("base", base)):
            on_target = predict(m, target.images, target.labels, None, cache)
            on_source = on_target if target is source else predict(m, source.images, source.labels, None, cache)
            answers[who] = on_target, on_source
    (on_target, on_source), (base_target, base_source) = answers["model"], answers["base"]
    return {**metrics, "status": "finished", "test_accuracy": on_target.accuracy, "test_loss": on_target.loss,
            "test_images": len(target.labels), "target_accuracy": on_target.accuracy,
            "source_accuracy": on_source.accuracy, "base_target_accuracy": base_target.accuracy,
            "base_source_accuracy": base_source.accuracy, "forgetting": base_source.accuracy - on_source.accuracy}
