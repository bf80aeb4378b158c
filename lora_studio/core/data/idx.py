"""Read and validate IDX files (the format of MNIST and its cousins), gzipped or not.

Nothing is trusted: the magic number, the number of dimensions, the sizes the
header claims (checked *before* anything is allocated or decompressed), the
length of the payload (truncated or trailing bytes), the label range. Every
problem raises `IdxError` naming the file and what is wrong with it.
"""

import gzip
import struct
import zlib
from pathlib import Path

import numpy as np

from lora_studio.core.errors import LoraStudioError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP

IMAGE_SIDE = 28  # the model is built for 28×28 images
MAX_ITEMS = 1_000_000  # 16× MNIST's training set: anything larger is a corrupt or hostile header
NUM_CLASSES = 10
_UBYTE = 0x08
_GZIP_MAGIC = b"\x1f\x8b"
# The payload is read a piece at a time, so memory follows what the file really holds, never what its
# header claims: `stream.read(n)` allocates n bytes up front, 784 MB for a 100-byte file claiming 10⁶ images.
READ_CHUNK = 1 << 20


class IdxError(LoraStudioError, ValueError):
    """An IDX file cannot be used; the message names the file and the problem (a template and values)."""


def header(array: np.ndarray) -> bytes:
    """The header of an IDX file holding `array` as unsigned bytes: the magic number, then each dimension's size."""
    return bytes([0, 0, _UBYTE, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)


def read_images(path: Path) -> np.ndarray:
    """The images of an idx3 file as uint8 (N, 28, 28)."""
    return _read(Path(path), expected_ndim=3)


def read_labels(path: Path) -> np.ndarray:
    """The labels of an idx1 file as uint8 (N,), each checked to be a class 0–9."""
    path = Path(path)
    labels = _read(path, expected_ndim=1)
    if labels.size and labels.max() >= NUM_CLASSES:
        bad = int(np.argmax(labels >= NUM_CLASSES))
        raise IdxError(QT_TRANSLATE_NOOP(
            "errors", "{0}: label {1} at position {2} is out of range (labels must be 0–9)"),
            path.name, int(labels[bad]), bad)
    return labels


def _read(path: Path, expected_ndim: int) -> np.ndarray:
    try:
        with open(path, "rb") as raw:
            is_gzip = raw.read(2) == _GZIP_MAGIC
        if path.suffix == ".gz" and not is_gzip:
            raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: is named .gz but is not gzip-compressed data"),
                           path.name)
        opener = gzip.open if is_gzip else open
        with opener(path, "rb") as stream:
            return _parse(path.name, stream, expected_ndim)
    except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
        reason = str(exc) or QT_TRANSLATE_NOOP("errors", "ends early")  # zlib's words, when it has any
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: the gzip data is corrupt ({1})"), path.name, reason) \
            from None
    except FileNotFoundError:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: file not found in {1}"), path.name, path.parent) from None
    except IsADirectoryError:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: is a folder, not a file"), path.name) from None
    except PermissionError:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: permission denied"), path.name) from None


def _parse(name: str, stream, expected_ndim: int) -> np.ndarray:
    what = QT_TRANSLATE_NOOP("errors", "images (idx3)") if expected_ndim == 3 else QT_TRANSLATE_NOOP(
        "errors", "labels (idx1)")
    magic = stream.read(4)
    if len(magic) < 4:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: too short to be an IDX file ({1} bytes)"), name, len(magic))
    zero1, zero2, dtype, ndim = magic
    if zero1 or zero2 or dtype != _UBYTE or ndim not in (1, 3):
        raise IdxError(QT_TRANSLATE_NOOP(
            "errors", "{0}: not an IDX file of unsigned bytes (magic number 0x{1}, expected 0x0000080{2})"),
            name, magic.hex(), expected_ndim)
    if ndim != expected_ndim:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: holds {1}-dimensional data, expected {2}"), name, ndim, what)
    header = stream.read(4 * ndim)
    if len(header) < 4 * ndim:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: the header is truncated"), name)
    dims = struct.unpack(f">{ndim}I", header)
    count = dims[0]
    if count == 0:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: holds no items"), name)
    if count > MAX_ITEMS:
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: the header claims {1:,} items, more than the {2:,} accepted"),
                       name, count, MAX_ITEMS)
    if ndim == 3 and dims[1:] != (IMAGE_SIDE, IMAGE_SIDE):
        raise IdxError(QT_TRANSLATE_NOOP("errors", "{0}: images are {1}×{2} pixels; LoRA Studio needs {3}×{3}"),
                       name, dims[1], dims[2], IMAGE_SIDE)
    expected = int(np.prod(dims))
    payload = _read_at_most(stream, expected + 1)  # one byte more, to notice trailing data
    if len(payload) < expected:
        raise IdxError(QT_TRANSLATE_NOOP(
            "errors", "{0}: truncated: the header promises {1:,} items ({2:,} bytes) but only {3:,} bytes follow"),
            name, count, expected, len(payload))
    if len(payload) > expected:
        raise IdxError(QT_TRANSLATE_NOOP(
            "errors", "{0}: has unexpected bytes after the {1:,} items the header declares"), name, count)
    return np.frombuffer(payload, dtype=np.uint8).reshape(dims)


def _read_at_most(stream, limit: int) -> bytearray:
    """Up to `limit` bytes of `stream`, read in chunks of at most READ_CHUNK."""
    payload = bytearray()
    while len(payload) < limit:
        chunk = stream.read(min(READ_CHUNK, limit - len(payload)))
        if not chunk:
            break
        payload += chunk
    return payload
