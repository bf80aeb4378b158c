"""The model library on disk: one folder per model, written atomically, read without unpickling.

    models/<id>/config.json                 what the model is (format_version, configs, features, versions)
    models/<id>/model.safetensors           the plain CNN's weights (LoRA unmerged)
    models/<id>/metrics.json                how it trained and scored
    models/<id>/adapter_config.json         LoRA models only: PEFT's files, PEFT's key names,
    models/<id>/adapter_model.safetensors   so PEFT can load the adapter onto the same CNN

A model is written into a hidden temporary folder and renamed into place; an
overwritten model is first renamed aside and removed only once the new one is
in place, so a crash leaves the old or the new model, never a mix
(`_recover` finishes or undoes what a crash interrupted).
"""

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load, save
from torch import nn

import lora_studio
from lora_studio.core import config as cfg
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.errors import USER_ERRORS, LoraStudioError, StorageError, one_line
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; recovery then assumes one process writes at a time
    fcntl = None

FORMAT_VERSION = 1
KINDS = ("base", "feature_lora", "control_lora")
MAX_JSON_BYTES = 1_000_000
MAX_FEATURE_STAT, MIN_FEATURE_STD = 1e6, 1e-7  # beyond these a feature's standardisation overflows float32
MAX_WEIGHTS_BYTES = 200_000_000  # this CNN's weights are ~0.3 MB; a huge file is not one of ours
# safetensors keeps no checksum: one flipped bit can turn a weight into 1e38. The SHA-256 of the tensors
# goes into each file's metadata; files without it (older saves, PEFT's own) get the other checks only.
CHECKSUM = "lora_studio_sha256"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
CONFIG, WEIGHTS, METRICS = "config.json", "model.safetensors", "metrics.json"
ADAPTER_CONFIG, ADAPTER_WEIGHTS = "adapter_config.json", "adapter_model.safetensors"
LOCK = ".lock"  # writers hold it shared while they write; crash recovery needs it alone


def check_id(model_id: str) -> str:
    """Refuse ids that could name anything outside the library (`..`, `/`, absolute paths, odd characters)."""
    if not isinstance(model_id, str) or not _ID.fullmatch(model_id) or ".." in model_id:
        raise StorageError(
            f"{model_id!r} is not a model id (letters, digits, '.', '_' and '-' only, not starting with '.')"
        )
    return model_id


@dataclass
class ModelRecord:
    """Everything config.json and metrics.json say about a saved model."""

    kind: str  # one of KINDS
    name: str  # shown to people; can be renamed
    dataset: str
    model: cfg.ModelConfig
    train: cfg.TrainConfig
    lora: cfg.LoraConfig | None = None
    features: FeatureScaler | None = None
    parent: str | None = None  # the base model a LoRA model was fine-tuned from
    id: str = ""
    created: str = ""
    versions: dict = field(default_factory=dict)
    transfer: dict | None = None
    metrics: dict = field(default_factory=dict)

    def config_dict(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "id": self.id, "kind": self.kind, "name": self.name, "created": self.created,
            "dataset": self.dataset, "parent": self.parent,
            "model": cfg.to_dict(self.model),
            "lora": cfg.to_dict(self.lora) if self.lora else None,
            "features": self.features.to_dict() if self.features else None,
            "train": cfg.to_dict(self.train),
            "transfer": self.transfer,
            "versions": self.versions,
        }


@dataclass(frozen=True)
class Entry:
    """One row of a listing: the record, or why the folder could not be read."""

    id: str
    record: ModelRecord | None
    error: str | None = None


def versions() -> dict:
    import safetensors
    import torchvision

    return {"lora_studio": lora_studio.__version__, "torch": torch.__version__,
            "torchvision": torchvision.__version__, "safetensors": safetensors.__version__}


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
        weights = _contiguous(lora.base_state(model))
        adapter = _contiguous(lora.peft_state_dict(model)) if record.lora is not None else {}
        for key, tensor in {**weights, **adapter}.items():  # what load would refuse is never written
            if not torch.isfinite(tensor).all():
                raise StorageError(f"{record.id}: {key} holds NaN or infinite values; the model was not saved")
        files = {
            CONFIG: _json_bytes(record.config_dict()),
            METRICS: _json_bytes(record.metrics),
            WEIGHTS: save(weights, metadata={"format": "pt", CHECKSUM: _digest(weights)}),
        }
        if record.lora is not None:
            files[ADAPTER_CONFIG] = _json_bytes(lora.peft_config(record.lora))
            files[ADAPTER_WEIGHTS] = save(adapter, metadata={"format": "pt", CHECKSUM: _digest(adapter)})
        self._write_folder(record.id, files)
        return record.id

    def _write_folder(self, model_id: str, files: dict[str, bytes]) -> None:
        target, aside = self.root / model_id, self.root / f".old-{model_id}"
        staging = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with _lock(self.root, exclusive=False):  # another process's list() must not "recover" this save
                staging = Path(tempfile.mkdtemp(prefix=f".tmp-{model_id}-", dir=self.root))
                for name, payload in files.items():
                    with open(staging / name, "wb") as out:
                        out.write(payload)
                        out.flush()
                        os.fsync(out.fileno())
                _fsync_dir(staging)
                if target.exists():
                    shutil.rmtree(aside, ignore_errors=True)
                    target.rename(aside)
                staging.rename(target)  # the commit point: from here on the new version is the model
        except OSError as exc:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            if aside.exists() and not target.exists():
                with contextlib.suppress(OSError):
                    aside.rename(target)  # put the previous version back
            raise StorageError(f"could not save model {model_id} in {self.root}: {exc.strerror or exc}") from None
        # After the commit nothing may report the save as failed: it happened, and the old version is
        # gone (a failing fsync of the library folder used to raise here, with the new model in place).
        try:
            _fsync_dir(self.root)
        except OSError:
            pass
        shutil.rmtree(aside, ignore_errors=True)

    def rename(self, model_id: str, name: str) -> None:
        name = name.strip()
        if not name or len(name) > 200:
            raise StorageError("a model's name must have 1 to 200 characters")
        folder = self._folder(model_id)
        data = _read_json(folder / CONFIG)
        data["name"] = name
        try:
            atomic_write(folder / CONFIG, _json_bytes(data))
        except OSError as exc:
            raise StorageError(f"could not rename {model_id}: {exc.strerror or exc}") from None

    def delete(self, model_id: str) -> None:
        folder = self._folder(model_id)
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            raise StorageError(f"could not delete {model_id}: {exc.strerror or exc}") from None

    def export_merged(self, model_id: str, path: Path) -> Path:
        """Write the model with LoRA merged into its weights: a plain CNN in one safetensors file.

        The config travels in the file's metadata, so the file describes itself.
        """
        model, record = self.load(model_id)
        lora.merge(model)
        tensors = {k: v for k, v in model.state_dict().items() if ".lora_" not in k}
        metadata = {"format": "pt", "lora_studio_config": json.dumps({**record.config_dict(), "merged": True})}
        path = Path(path).expanduser()
        if path.is_dir():
            path = path / f"{model_id}-merged.safetensors"
        try:
            atomic_write(path, save(_contiguous(tensors), metadata=metadata))
        except OSError as exc:
            raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
        return path

    # --- reading -------------------------------------------------------------------------
    def list(self) -> list[Entry]:
        """Every model, newest first; a broken one is listed with its error instead of hiding it."""
        self._recover()
        if not self.root.is_dir():
            return []
        try:
            folders = sorted(self.root.iterdir())
        except OSError as exc:
            raise StorageError(f"cannot read the model library {self.root}: {exc.strerror or exc}") from None
        entries = []
        for folder in folders:
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            try:
                entries.append(Entry(folder.name, self.record(folder.name)))
            except USER_ERRORS as exc:
                entries.append(Entry(folder.name, None, str(exc)))
        return sorted(entries, key=lambda e: (e.record.created if e.record else "", e.id), reverse=True)

    def record(self, model_id: str) -> ModelRecord:
        folder = self._folder(model_id)
        data = migrate(_read_json(folder / CONFIG), model_id)
        try:
            record = ModelRecord(
                kind=_choice(data.get("kind"), KINDS, "kind"),
                name=_text(data.get("name", model_id), "name"),
                dataset=_choice(data.get("dataset"), cfg.DATASETS, "dataset"),
                model=cfg.from_dict(cfg.ModelConfig, data.get("model")),
                train=cfg.from_dict(cfg.TrainConfig, data.get("train")),
                lora=cfg.from_dict(cfg.LoraConfig, data["lora"]) if data.get("lora") is not None else None,
                features=FeatureScaler.from_dict(data["features"]) if data.get("features") else None,
                parent=_text(data["parent"], "parent") if data.get("parent") is not None else None,
                id=model_id,
                created=_text(data.get("created", ""), "created"),
                versions=_object(data.get("versions") or {}, "versions"),
                transfer=_object(data["transfer"], "transfer") if data.get("transfer") is not None else None,
            )
            _check_consistent(record)
        except (KeyError, TypeError, ValueError, LoraStudioError) as exc:  # LoraStudioError: an unknown feature
            raise StorageError(f"{model_id}: config.json is not valid ({exc})") from None
        n_features = len(record.features.names) if record.features else 0
        if n_features != record.model.feature_dim:
            raise StorageError(
                f"{model_id}: config.json lists {n_features} features for a model taking {record.model.feature_dim}"
            )
        metrics_path = folder / METRICS
        record.metrics = _read_json(metrics_path) if metrics_path.exists() else {}
        if not isinstance(record.metrics, dict):
            raise StorageError(f"{model_id}: metrics.json is not a JSON object")
        for key, value in record.metrics.items():
            if key in METRIC_KINDS and value is not None and not _is_kind(value, METRIC_KINDS[key]):
                raise StorageError(f"{model_id}: metrics.json: {key} must be {METRIC_KINDS[key]}, got {value!r:.40}")
        return record

    def load(self, model_id: str) -> tuple[nn.Module, ModelRecord]:
        """Rebuild the model from its config and load its weights, checking every tensor."""
        record = self.record(model_id)
        folder = self._folder(model_id)
        model = MnistCNN(record.model)
        _load_checked(model, _read_tensors(folder / WEIGHTS), f"{model_id}/{WEIGHTS}")
        if record.lora is not None:
            lora.apply_lora(model, record.lora)
            adapter = _read_tensors(folder / ADAPTER_WEIGHTS)
            try:
                _check_tensors(lora.peft_state_dict(model), adapter, f"{model_id}/{ADAPTER_WEIGHTS}")
                lora.load_peft_state_dict(model, adapter)
            except KeyError as exc:
                raise StorageError(f"{model_id}/{ADAPTER_WEIGHTS}: {exc.args[0]}") from None
        model.eval()
        return model, record

    def folder(self, model_id: str) -> Path:
        return self._folder(model_id)

    def _folder(self, model_id: str) -> Path:
        folder = self.root / check_id(model_id)
        if not folder.is_dir():
            raise StorageError(f"no model {model_id!r} in {self.root}")
        return folder

    def _recover(self) -> None:
        """Finish or undo what a crash during `_write_folder` left behind.

        Only when no save is under way in any process (the lock is free): a live save's staging
        folder, or its model renamed aside for a moment, looks just like a crash's leftovers.
        """
        if not self.root.is_dir() or not any(self.root.glob(".old-*")) and not any(self.root.glob(".tmp-*")):
            return
        with _lock(self.root, exclusive=True) as alone:
            if not alone:
                return  # a save is under way; whoever lists next, after it, recovers
            for leftover in self.root.glob(".old-*"):
                original = self.root / leftover.name[len(".old-"):]
                try:
                    if original.exists():
                        shutil.rmtree(leftover)
                    else:
                        leftover.rename(original)  # the new version never made it: keep the previous one
                except OSError:
                    pass  # read-only library: listing still works
            for leftover in self.root.glob(".tmp-*"):
                shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def _lock(root: Path, exclusive: bool):
    """Hold the library's lock: shared (writers, waiting for it) or exclusive (recovery, only if free at once).

    Yields whether it is held. The kernel drops the lock of a killed process, so a crash never leaves
    it taken. Where there are no advisory locks, or the lock file cannot be made (a read-only library,
    where nobody can be writing), it yields True without locking.
    """
    if fcntl is None:
        yield True
        return
    try:
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB if exclusive else fcntl.LOCK_SH)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def migrate(data: dict, model_id: str) -> dict:
    """Bring an older config.json up to FORMAT_VERSION; refuse one from a newer LoRA Studio."""
    if not isinstance(data, dict):
        raise StorageError(f"{model_id}: config.json is not a JSON object")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(f"{model_id}: config.json has no valid format_version")
    if version > FORMAT_VERSION:
        raise StorageError(
            f"{model_id}: saved by a newer LoRA Studio (format {version}; this one reads up to "
            f"{FORMAT_VERSION}). Update LoRA Studio to open it."
        )
    return data  # format 1 is the first: nothing to migrate yet


# --- file helpers ------------------------------------------------------------------------


def atomic_write(path: Path, payload: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a folder (Windows)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json_bytes(data) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=False) + "\n").encode()


def _read_json(path: Path):
    what = f"{path.parent.name}/{path.name}"
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise StorageError(f"{what} is too large to be one of ours")
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        raise StorageError(f"{what} is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"{what} cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise StorageError(f"{what} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number; nesting deeper than Python's stack
        raise StorageError(f"{what} is not usable JSON ({str(exc).split(':')[0]})") from None


def _read_tensors(path: Path) -> dict[str, torch.Tensor]:
    what = f"{path.parent.name}/{path.name}"
    try:
        if path.stat().st_size > MAX_WEIGHTS_BYTES:
            raise StorageError(f"{what} is too large to be one of ours")
        raw = path.read_bytes()
        tensors = load(raw)  # safetensors: a JSON header and raw numbers, never pickle
    except FileNotFoundError:
        raise StorageError(f"{what} is missing") from None
    except OSError as exc:
        raise StorageError(f"{what} cannot be read: {exc.strerror or exc}") from None
    except (SafetensorError, ValueError, RuntimeError) as exc:
        # safetensors quotes the header, line breaks included: the listing shows this message in one row
        raise StorageError(f"{what} is not a valid safetensors file ({one_line(str(exc))})") from None
    expected = _metadata(raw).get(CHECKSUM)
    if expected is not None and expected != _digest(tensors):
        raise StorageError(f"{what} is damaged: its numbers do not match the checksum saved with them")
    return tensors


def _digest(tensors: dict[str, torch.Tensor]) -> str:
    """SHA-256 of names, dtypes, shapes and bytes of the tensors, in name order."""
    digest = hashlib.sha256()
    for key in sorted(tensors):
        tensor = tensors[key].detach().contiguous()
        digest.update(f"{key}|{tensor.dtype}|{tuple(tensor.shape)}|".encode())
        digest.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def _metadata(raw: bytes) -> dict:
    """The __metadata__ of a safetensors file that `load` has already accepted."""
    length = int.from_bytes(raw[:8], "little")
    metadata = json.loads(raw[8 : 8 + length]).get("__metadata__")
    return metadata if isinstance(metadata, dict) else {}


def _check_tensors(expected: dict[str, torch.Tensor], found: dict[str, torch.Tensor], what: str) -> None:
    missing, extra = set(expected) - set(found), set(found) - set(expected)
    if missing or extra:
        raise StorageError(
            f"{what}: tensors do not match the model (missing {sorted(missing)}, unexpected {sorted(extra)})"
        )
    for key, tensor in found.items():
        if tensor.dtype != torch.float32:
            raise StorageError(f"{what}: {key} is {tensor.dtype}, expected float32")
        if tensor.shape != expected[key].shape:
            raise StorageError(f"{what}: {key} has shape {tuple(tensor.shape)}, expected {tuple(expected[key].shape)}")
        if not torch.isfinite(tensor).all():
            raise StorageError(f"{what}: {key} holds NaN or infinite values")


def _load_checked(model: nn.Module, tensors: dict[str, torch.Tensor], what: str) -> None:
    _check_tensors(model.state_dict(), tensors, what)
    model.load_state_dict(tensors)


def _contiguous(tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.contiguous() for k, v in tensors.items()}


def _choice(value, choices, what):
    if value not in choices:
        raise ValueError(f"{what} must be one of {', '.join(choices)}, got {value!r}")
    return value


#: what the metrics the app shows must be (the windows and tables format them); others are kept as they are
METRIC_KINDS = {
    **dict.fromkeys(("test_accuracy", "test_loss", "setup_seconds", "train_seconds", "wall_seconds"), "a number"),
    **dict.fromkeys(("trainable_params", "total_params", "train_images", "test_images"), "a count"),
    **dict.fromkeys(("train_accuracy", "train_loss", "test_accuracy_per_epoch", "epoch_seconds"),
                    "a list of numbers"),
    **dict.fromkeys(("status", "message"), "text"),
}


def _is_kind(value, kind: str) -> bool:
    def number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    if kind == "a number":
        return number(value)
    if kind == "a count":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind == "a list of numbers":
        return isinstance(value, list) and all(number(v) for v in value)
    return isinstance(value, str)


def _object(value, what):
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object, got {type(value).__name__}")
    return value


def _check_consistent(record: ModelRecord) -> None:
    """What from_dict cannot see: settings that contradict each other, statistics that are not numbers."""
    if (record.kind == "base") != (record.lora is None):
        raise ValueError(f"a {record.kind} model {'has no' if record.lora is None else 'cannot have'} LoRA settings")
    if record.kind == "base" and record.features is not None:
        raise ValueError("a base model takes no extra features")
    if record.features is not None:
        values = record.features.mean + record.features.std
        # raw features are fractions of the image; fit() clamps std at 1e-6 (a float32 just below it)
        if not all(math.isfinite(v) and abs(v) <= MAX_FEATURE_STAT for v in values) or min(
                record.features.std) < MIN_FEATURE_STD:
            raise ValueError("the feature statistics must be finite numbers, with standard deviations above 0")


def _text(value, what):
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text, got {type(value).__name__}")
    return value
