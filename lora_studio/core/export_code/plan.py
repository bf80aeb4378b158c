"""What an exported script needs to know about a fine-tuned model, read from the library and checked.

`export_plan` reads a model's record and its base model's weights file and refuses, with a one-line core
error, what no standalone script could reproduce: a base model (it is no fine-tuning), a method or LoRA
variant the script does not know, a task it cannot make, a base model whose weights file is missing or
changed since the run (checksum), an own-images folder that is gone. Nothing is written here.
"""

from dataclasses import dataclass
from pathlib import Path

import torch

from lora_studio.core import paths
from lora_studio.core.config import METHODS
from lora_studio.core.data import datasets, tasks
from lora_studio.core.data.task_names import TaskSpec, parse_task
from lora_studio.core.errors import ConfigError, DataError, StorageError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.storage import model_files
from lora_studio.core.storage.library import WEIGHTS, ModelLibrary, ModelRecord

#: the input and label changes an exported script makes itself (data/tasks.py's TRANSFORMS it replicates)
SCRIPT_TRANSFORMS = ("same", "inverted", "rotate90", "noisy", "swap-labels")
SCRIPT_VARIANTS = ("lora", "rslora", "dora")  # what PEFT's LoraConfig expresses (use_rslora, use_dora)
#: the tensors of the base a method leaves as they were: the fine-tuned model's copies must equal the base file's
FROZEN_BY_METHOD = {"lora": ("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                             "fc2.weight", "fc2.bias"),
                    "head": ("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias"),
                    "full": (), "scratch": ()}


@dataclass(frozen=True)
class ExportPlan:
    """A fine-tuned model as its script reproduces it."""

    model_id: str
    record: ModelRecord
    method: str  # lora | head | full | scratch
    source_folder: str  # torchvision's name (and folder) of the base's data set: the source task
    target_folder: str | None  # another data set the target task is (Fashion-MNIST, KMNIST), or None
    transforms: tuple[str, ...]  # the target task's input and label changes, in the order they apply
    own_images: Path | None  # the own-images folder of a `folder:PATH` task
    train_images: int | None  # the first N training images of the target task that the run trained on
    base_id: str | None  # None: a model trained from scratch reads no base
    base_file: Path | None
    base_sha256: str | None
    data_dir: Path  # the data folder the script reads by default

    @property
    def task(self) -> str:
        return self.record.task


def export_plan(library: ModelLibrary, model_id: str, data_dir: Path | None = None) -> ExportPlan:
    """The plan of model `model_id`'s script; ConfigError, DataError or StorageError (one line) if it cannot be.

    `data_dir`: the data folder the script reads by default (the app's data folder when None)."""
    record = library.record(model_id)
    method = _method(record, model_id)
    spec = parse_task(record.task)
    target_folder, transforms = _task(spec, record)
    if spec.folder is not None and not spec.folder.is_dir():
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} was trained on your images in {1}, which is no longer there: put the folder back to "
                      "export it"), model_id, spec.folder)
    base_id = base_file = base_sha256 = None
    if method != "scratch":
        base_id, base_file, base_sha256 = _checked_base(library, record, method, model_id)
    train_images = record.metrics.get("train_images")
    return ExportPlan(
        model_id=model_id, record=record, method=method,
        source_folder=datasets.dataset_info(record.dataset).folder, target_folder=target_folder,
        transforms=transforms, own_images=spec.folder,
        train_images=train_images if isinstance(train_images, int) and train_images > 0 else None,
        base_id=base_id, base_file=base_file, base_sha256=base_sha256,
        data_dir=Path(data_dir).expanduser().absolute() if data_dir is not None else paths.datasets_dir(),
    )


def _method(record: ModelRecord, model_id: str) -> str:
    if record.kind == "base" or record.method is None:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} is a base model, not a fine-tuning: export a model fine-tuned from it"), model_id)
    # a combination of adapters (workflows/combine.py) was never trained, so there is no run to write out
    if record.combination is not None:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} combines other adapters and was never trained: export the adapters it combines"),
            model_id)
    if record.method not in METHODS:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} was made by {1}, which cannot be exported as code"),
                          model_id, record.method)
    if record.lora is not None and record.lora.variant not in SCRIPT_VARIANTS:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} uses the LoRA variant {1}, which PEFT's LoraConfig cannot express; "
                      "only {2} can be exported as code"), model_id, record.lora.variant, ", ".join(SCRIPT_VARIANTS))
    return record.method


def _task(spec: TaskSpec, record: ModelRecord) -> tuple[str | None, tuple[str, ...]]:
    """(the data set the target task is, or None; the changes made to it, in order)."""
    if spec.folder is not None:
        return None, ()
    if spec.info.needs_dataset is not None:
        target = spec.info.needs_dataset
        return (None if target == record.dataset else datasets.dataset_info(target).folder), ()
    parts = spec.info.parts or (spec.name,)
    unknown = [part for part in parts if part not in SCRIPT_TRANSFORMS or part not in tasks.TRANSFORMS]
    if unknown:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the task {0} cannot be made by an exported script (it knows "
                                                      "{1})"), spec.name, ", ".join(SCRIPT_TRANSFORMS))
    return None, tuple(part for part in parts if part != "same")


def _checked_base(library: ModelLibrary, record: ModelRecord, method: str,
                  model_id: str) -> tuple[str, Path, str]:
    """The base model's id, weights file and the SHA-256 of its tensors, after checking that the file is there,
    unchanged since it was saved (its checksum) and the one this model was fine-tuned from."""
    base_id = record.parent
    if not base_id:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0} does not say which base model it was fine-tuned from; it cannot be exported"), model_id)
    try:
        folder = library.folder(base_id)
    except StorageError:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "the base model {0} that {1} was fine-tuned from is no longer in the library"),
            base_id, model_id) from None
    path = folder / WEIGHTS
    if not path.is_file():
        raise StorageError(QT_TRANSLATE_NOOP("errors", "the base model {0} has no weights file: {1} is missing"),
                           base_id, path)
    base = _read(path, base_id)
    tuned = _read(library.folder(model_id) / WEIGHTS, model_id)
    for key in FROZEN_BY_METHOD[method]:
        if key not in base or key not in tuned or not _same_start(base[key], tuned[key]):
            raise StorageError(QT_TRANSLATE_NOOP(
                "errors", "the base model {0} changed since {1} was fine-tuned from it ({2} differs)"),
                base_id, model_id, key)
    return base_id, path, model_files.digest(base)


def _read(path: Path, model_id: str) -> dict[str, torch.Tensor]:
    """The tensors of a weights file, checked against the checksum saved in it."""
    try:
        return model_files.read_tensors(path)
    except StorageError as exc:
        raise StorageError(QT_TRANSLATE_NOOP("errors", "the weights of {0} changed since they were saved, or cannot "
                                                       "be read: {1}"), model_id, exc) from None


def _same_start(base: torch.Tensor, tuned: torch.Tensor) -> bool:
    """Whether `tuned` holds `base` unchanged (fc1 of a feature model: in its first columns)."""
    if tuned.shape != base.shape:
        if tuned.dim() != 2 or base.dim() != 2 or tuned.shape[0] != base.shape[0] or tuned.shape[1] < base.shape[1]:
            return False
        tuned = tuned[:, : base.shape[1]]
    return bool(torch.equal(base, tuned))
