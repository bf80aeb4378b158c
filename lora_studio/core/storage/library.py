"""The model library on disk: one folder per model, written atomically, read without unpickling.

    models/<id>/config.json                 what the model is (format_version, configs, features, versions)
    models/<id>/model.safetensors           the plain CNN's weights (LoRA unmerged)
    models/<id>/metrics.json                how it trained and scored
    models/<id>/adapter_config.json         LoRA models only: PEFT's files, PEFT's key names,
    models/<id>/adapter_model.safetensors   so PEFT can load the adapter onto the same CNN

A model is written into a hidden temporary folder and swapped into place (`files.swap_folder`):
a crash leaves the old or the new model, never a mix (`_recover` finishes or undoes what a crash
interrupted). What the JSON files hold is record.py's; the bytes of each file, model_files.py's.
"""

import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import save
from torch import nn

from lora_studio.core import files
from lora_studio.core.errors import USER_ERRORS, StorageError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.model_files import (
    check_tensors,
    checksummed_safetensors,
    contiguous,
    json_bytes,
    load_checked,
    read_json,
    read_tensors,
)
from lora_studio.core.storage.record import ModelRecord, check_metrics, record_from_config, versions

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
CONFIG, WEIGHTS, METRICS = "config.json", "model.safetensors", "metrics.json"
ADAPTER_CONFIG, ADAPTER_WEIGHTS = "adapter_config.json", "adapter_model.safetensors"
# hidden names in the library: a save's staging folder, and the model it replaces while it is swapped in
STAGING, ASIDE = ".tmp-", ".old-"


def check_id(model_id: str) -> str:
    """Refuse ids that could name anything outside the library (`..`, `/`, absolute paths, odd characters)."""
    if not isinstance(model_id, str) or not _ID.fullmatch(model_id) or ".." in model_id:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not a model id (letters, digits, '.', '_' and '-' only, not starting with '.')"),
            repr(model_id))
    return model_id


@dataclass(frozen=True)
class Entry:
    """One row of a listing: the record, or why the folder could not be read."""

    id: str
    record: ModelRecord | None
    error: str | None = None


def newest_first(entries) -> list[Entry]:
    """A listing's order: the newest model first (by its record's creation time; unreadable ones last)."""
    return sorted(entries, key=lambda e: (e.record.created if e.record else "", e.id), reverse=True)


class ModelLibrary:
    def __init__(self, root: Path):
        self.root = Path(root)

    # --- writing -------------------------------------------------------------------------
    def new_id(self, kind: str) -> str:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        base = f"{kind.replace('_', '-')}-{stamp}"
        candidate, n = base, 1
        while (self.root / candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def save(self, model: nn.Module, record: ModelRecord, model_id: str | None = None) -> str:
        """Write `model` with `record` as `model_id` (new id if None); returns the id."""
        record.id = check_id(model_id or record.id or self.new_id(record.kind))
        record.created = record.created or time.strftime("%Y-%m-%dT%H:%M:%S")
        record.versions = record.versions or versions()
        plain = contiguous(weights.plain_state(model))
        adapter = contiguous(weights.peft_state_dict(model)) if record.lora is not None else {}
        for key, tensor in {**plain, **adapter}.items():  # what load would refuse is never written
            if not torch.isfinite(tensor).all():
                raise StorageError(QT_TRANSLATE_NOOP(
                    "errors", "{0}: {1} holds NaN or infinite values; the model was not saved"), record.id, key)
        payloads = {
            CONFIG: json_bytes(record.config_dict()),
            METRICS: json_bytes(record.metrics),
            WEIGHTS: checksummed_safetensors(plain),
        }
        if record.lora is not None:
            payloads[ADAPTER_CONFIG] = json_bytes(weights.peft_config(record.lora))
            payloads[ADAPTER_WEIGHTS] = checksummed_safetensors(adapter)
        self._write_folder(record.id, payloads)
        return record.id

    def _write_folder(self, model_id: str, payloads: dict[str, bytes]) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            # the shared lock: another process's list() must not "recover" this save while it runs
            with files.folder_lock(self.root, exclusive=False), \
                    files.staged_folder(self.root, f"{STAGING}{model_id}-") as staging:
                for name, payload in payloads.items():
                    files.write_synced(staging / name, payload)
                files.swap_folder(staging, self.root / model_id, self.root / f"{ASIDE}{model_id}")
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "could not save model {0} in {1}: {2}"), model_id, self.root,
                               os_reason(exc)) from None

    def rename(self, model_id: str, name: str) -> None:
        name = name.strip()
        if not name or len(name) > 200:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "a model's name must have 1 to 200 characters"))
        folder = self._folder(model_id)
        data = read_json(folder / CONFIG)
        data["name"] = name
        try:
            files.atomic_write(folder / CONFIG, json_bytes(data))
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "could not rename {0}: {1}"), model_id, os_reason(exc)) \
                from None

    def delete(self, model_id: str) -> None:
        folder = self._folder(model_id)
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "could not delete {0}: {1}"), model_id, os_reason(exc)) \
                from None

    def export_merged(self, model_id: str, path: Path) -> Path:
        """Write the model with LoRA merged into its weights: a plain CNN in one safetensors file.

        The config travels in the file's metadata, so the file describes itself.
        """
        model, record = self.load(model_id)
        try:
            tensors = weights.merged_state(model)
        except ValueError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: {1}; nothing was written"), model_id, exc) from None
        metadata = {"format": "pt", "lora_studio_config": json.dumps({**record.config_dict(), "merged": True})}
        path = Path(path).expanduser()
        if path.is_dir():
            path = path / f"{model_id}-merged.safetensors"
        try:
            files.atomic_write(path, save(contiguous(tensors), metadata=metadata))
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "could not write {0}: {1}"), path, os_reason(exc)) from None
        return path

    # --- reading -------------------------------------------------------------------------
    def list(self, reuse: Callable[[str], Entry | None] | None = None) -> list[Entry]:
        """Every model, newest first; a broken one is listed with its error instead of hiding it. `reuse(model_id)`
        may give a model's entry without it being read again (a caller that keeps the entries of unchanged
        folders); None reads it."""
        self._recover()
        if not self.root.is_dir():
            return []
        try:
            folders = sorted(self.root.iterdir())
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "cannot read the model library {0}: {1}"), self.root,
                               os_reason(exc)) from None
        return newest_first((reuse and reuse(folder.name)) or self.entry(folder.name) for folder in folders
                            if not folder.name.startswith(".") and folder.is_dir())

    def entry(self, model_id: str) -> Entry:
        """One model's row of a listing (`list` without reading the others): its record, or why it is unreadable."""
        try:
            return Entry(model_id, self.record(model_id))
        except USER_ERRORS as exc:
            return Entry(model_id, None, Text(exc.template, *exc.values))  # the window words it

    def record(self, model_id: str) -> ModelRecord:
        folder = self._folder(model_id)
        record = record_from_config(read_json(folder / CONFIG), model_id)
        metrics_path = folder / METRICS
        record.metrics = check_metrics(read_json(metrics_path) if metrics_path.exists() else {}, model_id)
        return record

    def load(self, model_id: str) -> tuple[nn.Module, ModelRecord]:
        """Rebuild the model from its config and load its weights, checking every tensor."""
        record = self.record(model_id)
        folder = self._folder(model_id)
        model = MnistCNN(record.model)
        load_checked(model, read_tensors(folder / WEIGHTS), f"{model_id}/{WEIGHTS}")
        if record.lora is not None:
            lora.apply_lora(model, record.lora)
            adapter = read_tensors(folder / ADAPTER_WEIGHTS)
            try:
                check_tensors(weights.peft_state_dict(model), adapter, f"{model_id}/{ADAPTER_WEIGHTS}")
                weights.load_peft_state_dict(model, adapter)
            except KeyError as exc:
                raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}/{1}: {2}"), model_id, ADAPTER_WEIGHTS,
                                   exc.args[0]) from None
        model.eval()
        return model, record

    def folder(self, model_id: str) -> Path:
        return self._folder(model_id)

    def _folder(self, model_id: str) -> Path:
        folder = self.root / check_id(model_id)
        if not folder.is_dir():
            raise StorageError(QT_TRANSLATE_NOOP("errors", "no model {0} in {1}"), repr(model_id), self.root)
        return folder

    def _recover(self) -> None:
        """Finish or undo what a crash during `_write_folder` left behind.

        Only when no save is under way in any process (the lock is free): a live save's staging
        folder, or its model renamed aside for a moment, looks just like a crash's leftovers.
        """
        if not self.root.is_dir() or not any(self.root.glob(f"{ASIDE}*")) and not any(self.root.glob(f"{STAGING}*")):
            return
        with files.folder_lock(self.root, exclusive=True) as alone:
            if not alone:
                return  # a save is under way; whoever lists next, after it, recovers
            for aside in self.root.glob(f"{ASIDE}*"):
                files.recover_swap(self.root / aside.name[len(ASIDE):], aside)  # read-only: stays as it is
            for staging in self.root.glob(f"{STAGING}*"):
                shutil.rmtree(staging, ignore_errors=True)
