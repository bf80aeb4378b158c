"""A saved model's files as bytes: JSON and checksummed safetensors, written, and read back without trusting them.

safetensors keeps no checksum: one flipped bit can turn a weight into 1e38. The SHA-256 of the
tensors goes into each weights file's metadata (`CHECKSUM`); files without it (older saves, PEFT's
own) get the other checks only. Every read is bounded in size and turns whatever the file holds
into a StorageError naming it, on one line.
"""

import hashlib
import json
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load, save
from torch import nn

from lora_studio.core.errors import StorageError, one_line, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model import weights

MAX_JSON_BYTES = 1_000_000
MAX_WEIGHTS_BYTES = 200_000_000  # this CNN's weights are ~0.3 MB; a huge file is not one of ours
CHECKSUM = "lora_studio_sha256"
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "{0} is too large to be one of ours")
MISSING = QT_TRANSLATE_NOOP("errors", "{0} is missing")
UNREADABLE = QT_TRANSLATE_NOOP("errors", "{0} cannot be read: {1}")


def json_bytes(data) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=False) + "\n").encode()


def read_json(path: Path, limit: int = MAX_JSON_BYTES):
    what = f"{path.parent.name}/{path.name}"
    try:
        if path.stat().st_size > limit:
            raise StorageError(TOO_LARGE, what)
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        raise StorageError(MISSING, what) from None
    except (OSError, UnicodeDecodeError) as exc:  # Python's words for a file that is not UTF-8
        raise StorageError(UNREADABLE, what, os_reason(exc)) from None
    except json.JSONDecodeError as exc:  # the JSON parser's own words for where it stopped
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not valid JSON ({1}, line {2})"), what, exc.msg,
                           exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number; nesting deeper than Python's stack
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not usable JSON ({1})"), what,
                           str(exc).split(":")[0]) from None


def checksummed_safetensors(tensors: dict[str, torch.Tensor]) -> bytes:
    """The safetensors file of `tensors` (contiguous), with their SHA-256 in its metadata."""
    return save(tensors, metadata={"format": "pt", CHECKSUM: digest(tensors)})


def read_tensors(path: Path) -> dict[str, torch.Tensor]:
    """The tensors of a safetensors file (never pickle), checked against its checksum when it has one."""
    what = f"{path.parent.name}/{path.name}"
    try:
        if path.stat().st_size > MAX_WEIGHTS_BYTES:
            raise StorageError(TOO_LARGE, what)
        raw = path.read_bytes()
        tensors = load(raw)  # safetensors: a JSON header and raw numbers, never pickle
    except FileNotFoundError:
        raise StorageError(MISSING, what) from None
    except OSError as exc:
        raise StorageError(UNREADABLE, what, os_reason(exc)) from None
    except (SafetensorError, ValueError, RuntimeError) as exc:
        # safetensors quotes the header, line breaks included: the listing shows this message in one row
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not a valid safetensors file ({1})"), what,
                           one_line(str(exc))) from None
    expected = _metadata(raw).get(CHECKSUM)
    if expected is not None and expected != digest(tensors):
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0} is damaged: its numbers do not match the checksum saved with them"), what)
    return tensors


def digest(tensors: dict[str, torch.Tensor]) -> str:
    """SHA-256 of names, dtypes, shapes and bytes of the tensors, in name order."""
    sha = hashlib.sha256()
    for key in sorted(tensors):
        tensor = tensors[key].detach().contiguous()
        sha.update(f"{key}|{tensor.dtype}|{tuple(tensor.shape)}|".encode())
        sha.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    return sha.hexdigest()


def _metadata(raw: bytes) -> dict:
    """The __metadata__ of a safetensors file that `load` has already accepted."""
    length = int.from_bytes(raw[:8], "little")
    metadata = json.loads(raw[8 : 8 + length]).get("__metadata__")
    return metadata if isinstance(metadata, dict) else {}


def check_tensors(expected: dict[str, torch.Tensor], found: dict[str, torch.Tensor], what: str) -> None:
    """Refuse `found` unless it has exactly `expected`'s keys and shapes, as finite float32 numbers."""
    missing, extra = set(expected) - set(found), set(found) - set(expected)
    if missing or extra:
        raise StorageError(QT_TRANSLATE_NOOP(
            "errors", "{0}: tensors do not match the model (missing {1}, unexpected {2})"), what, sorted(missing),
            sorted(extra))
    for key, tensor in found.items():
        if tensor.dtype != torch.float32:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: {1} is {2}, expected float32"), what, key,
                               tensor.dtype)
        if tensor.shape != expected[key].shape:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: {1} has shape {2}, expected {3}"), what, key,
                               tuple(tensor.shape), tuple(expected[key].shape))
        if not torch.isfinite(tensor).all():
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: {1} holds NaN or infinite values"), what, key)


def load_checked(model: nn.Module, tensors: dict[str, torch.Tensor], what: str) -> None:
    """Load a plain CNN's tensors (the file layout) after checking their names, types, shapes and values."""
    check_tensors(weights.plain_state(model), tensors, what)
    weights.load_plain_state(model, tensors)


def contiguous(tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.contiguous() for k, v in tensors.items()}
