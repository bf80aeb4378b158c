"""An adapter stack made from models of the library: what the Evaluation tab's stack loads (evaluation/stack.py).

`load_stack` reads the records first (small files: a wrong id, a model that is no LoRA adapter, adapters of
different bases fail at once, naming them), then the models. The base is the library's when it is still there
(its weights must be those the adapters were trained on: a base that changed is refused), else the weights the
adapters carry (every LoRA model keeps the frozen weights it was trained on). `task_splits` gives the test splits
the stack is scored on: the source task's and any other task's made from it.
"""

from collections.abc import Sequence
from pathlib import Path

import torch

from lora_studio.core.data.datasets import Dataset, Split
from lora_studio.core.data.task_names import parse_task
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import ConfigError, StorageError
from lora_studio.core.evaluation.stack import AdapterStack
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model import weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import ModelRecord


def load_stack(library: ModelLibrary, adapter_ids: Sequence[str]) -> tuple[AdapterStack, list[ModelRecord]]:
    """The stack of the LoRA models `adapter_ids` (in that order) on their common base, and their records.

    ConfigError (one line, nothing loaded past it) for no ids, an id given twice, a model that is no LoRA
    adapter or takes extra inputs, adapters of different bases, or a base whose weights are not those an
    adapter was trained on; StorageError for a missing or damaged model."""
    ids = list(adapter_ids)
    if not ids:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "choose at least one adapter to stack"))
    twice = next((model_id for i, model_id in enumerate(ids) if model_id in ids[:i]), None)
    if twice is not None:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} is in the stack twice: give it one weight instead"),
                          twice)
    records = [_adapter_record(library, model_id) for model_id in ids]
    parents = [record.parent for record in records]
    for model_id, parent in zip(ids, parents, strict=True):
        if parent is None:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} does not say which base model it was trained from"),
                               model_id)
        if parent != parents[0]:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "adapters of different bases cannot be stacked: {0} was trained from {1}, {2} from {3}"),
                ids[0], parents[0], model_id, parent)
    models = [library.load(model_id)[0] for model_id in ids]
    base = _base(library, parents[0], records[0], models[0])
    base_state = weights.plain_state(base)
    for model_id, record, model in zip(ids, records, models, strict=True):
        own = weights.plain_state(model)
        differs = next((key for key, tensor in base_state.items() if not torch.equal(own[key], tensor)), None)
        if differs is not None or record.model != records[0].model:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "{0} was not trained on these weights of base {1} (its frozen {2} differs): the base "
                "changed since, or the adapters were trained from different copies of it"),
                model_id, parents[0], differs or "shape")
    return AdapterStack(base, models, ids), records


def task_splits(dataset: Dataset, tasks: Sequence[str], data_root: Path | None = None) -> dict[str, Split]:
    """The test split of each of `tasks` (names as parse_task reads them) made from the base's data set
    `dataset`, by recorded name; "same" is the data set's own test split. DataError for a task that cannot be made."""
    splits: dict[str, Split] = {}
    for task in tasks:
        name = parse_task(task).name
        if name not in splits:
            splits[name] = dataset.test if name == "same" else make_task(name, dataset, data_root).test
    return splits


def _adapter_record(library: ModelLibrary, model_id: str) -> ModelRecord:
    record = library.record(model_id)
    if record.lora is None:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} is a {1} model, not a LoRA adapter: only LoRA models can be stacked"), model_id, record.kind)
    if record.model.feature_dim:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} takes extra inputs: its fc1 is wider than the base's, so it cannot be stacked"), model_id)
    return record


def _base(library: ModelLibrary, base_id: str | None, first: ModelRecord, adapter) -> MnistCNN:
    """The library's base `base_id`; when it was deleted, the frozen weights the first adapter carries."""
    assert base_id is not None
    try:
        library.folder(base_id)
    except StorageError:
        base = MnistCNN(first.model)
        weights.load_plain_state(base, weights.plain_state(adapter))
        return base.eval()
    saved, _ = library.load(base_id)  # a damaged file is refused here; changed weights by load_stack
    if not isinstance(saved, MnistCNN):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not a base model"), base_id)
    return saved
