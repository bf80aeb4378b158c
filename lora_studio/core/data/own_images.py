"""A person's own images as a target task (`folder:PATH`): read, validate, bring to MNIST's form, split.

Layout: `PATH/<label>/<image>`, one subfolder per class named by its label, a single digit 0–9 (the class
index of the base's data set); not every class needs to be there. Images are PNG, JPEG or BMP (the content
decides, the name only selects which files are images), colour or grey, 8 to 4,096 pixels a side. Hidden
files (`.DS_Store`, …) and Windows' `Thumbs.db`/`desktop.ini` are skipped everywhere, and so are plain
files beside the class folders (a README may sit there); anything else that is not an image is refused.

Each image is made grey (transparency flattened onto white, as viewers show it; a JPEG's EXIF rotation
applied), turned white-on-black when its border is light (`preprocess.ink_from_grey`: so a digit needs
some background around it), then boxed to 20 pixels and centred by mass in 28×28 like the draw canvas
(`preprocess.mnist_preprocess`).

Test split: within each class, the files (in name order) are shuffled with a fixed seed and the first
fifth, at least one image, is held out; so every class needs at least two images. The training split
interleaves the classes (one image of each in turn), so the first N images of a few-shot run (`--limit`)
cover the classes evenly.

The layout is checked before any image is decoded, every image before the task is made; each problem
raises a one-line DataError naming the folder or file. Nothing is ever written.
"""

import itertools
import os
import struct
import warnings
import zlib
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps

from lora_studio.core.data.datasets import Split
from lora_studio.core.data.preprocess import ink_from_grey, mnist_preprocess
from lora_studio.core.errors import DataError, one_line, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP

LABELS = tuple(str(label) for label in range(10))
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
FORMATS = ("PNG", "JPEG", "BMP")  # Pillow's decoders allowed; no other is ever tried on a person's file
MIN_SIDE = 8  # smaller holds no legible digit
MAX_SIDE = 4096  # a 12-megapixel photo (4,032 px wide) fits; checked from the header, before decoding
MAX_IMAGES = 100_000  # more than anyone draws: a wrongly chosen folder is refused instead of decoded for hours
MIN_PER_CLASS = 2  # one to train on, one to test
TEST_SHARE = 5  # one in five images of each class is held out for the test split
SPLIT_SEED = 0
SKIPPED = {"thumbs.db", "desktop.ini"}  # the files Windows' Explorer leaves in image folders
# Pillow raises these (beyond OSError, which covers truncation) on malformed files.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error, zlib.error)


def load_folder(folder: Path) -> tuple[Split, Split]:
    """The own-images task in `folder` as (train, test) splits of uint8 (N, 28, 28) images and int64 labels."""
    train, test = split_files(scan_folder(folder))
    return _read_split(train), _read_split(test)


def scan_folder(folder: Path) -> dict[int, list[Path]]:
    """Each class's image files, in name order, after checking the folder's layout (no image is decoded)."""
    folder = Path(folder)
    if not folder.exists():
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: no such folder"), _show(folder))
    if not folder.is_dir():
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0}: is a file, not a folder holding one subfolder per class (0–9)"), _show(folder))
    classes: dict[int, list[Path]] = {}
    for entry in _entries(folder):
        if not entry.is_dir():
            continue
        if entry.name not in LABELS:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "{0}: class folders are named by their label, 0–9, and {1} is not one"),
                _show(entry), repr(entry.name))
        classes[int(entry.name)] = _class_files(entry)
    if not classes:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0}: holds no class folders; put each class's images in a subfolder named by its label, 0–9"),
            _show(folder))
    total = sum(len(paths) for paths in classes.values())
    if total > MAX_IMAGES:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: holds {1:,} images, more than the {2:,} accepted"),
                        _show(folder), total, MAX_IMAGES)
    return classes


def _class_files(folder: Path) -> list[Path]:
    paths = []
    for entry in _entries(folder):
        if entry.is_dir():
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: a class folder holds images only, not folders"),
                            _show(entry))
        if entry.suffix.lower() not in IMAGE_SUFFIXES:
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: not a PNG, JPEG or BMP image (by its name)"),
                            _show(entry))
        if not entry.is_file():  # a named pipe would block the read for ever; a broken link cannot be read
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "{0}: not a regular file (a broken link, a pipe or a device)"), _show(entry))
        paths.append(entry)
    label = folder.name
    if not paths:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: class {1} holds no images (PNG, JPEG or BMP)"),
                        _show(folder), label)
    if len(paths) < MIN_PER_CLASS:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0}: class {1} has only {2} image; each class needs at least {3}, one to train on and one "
            "to test"), _show(folder), label, len(paths), MIN_PER_CLASS)
    return paths


def _entries(folder: Path) -> list[Path]:
    """The folder's entries in name order (listing order differs between file systems), skipped ones left out."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: cannot be read ({1})"), _show(folder), os_reason(exc)) \
            from None
    return [folder / name for name in names if not name.startswith(".") and name.lower() not in SKIPPED]


def split_files(classes: dict[int, list[Path]]) -> tuple[list[tuple[Path, int]], list[tuple[Path, int]]]:
    """(train, test) lists of (file, label): a fixed, seeded fifth of each class (at least one) held out."""
    train_by_class, test = [], []
    for label, paths in sorted(classes.items()):
        order = np.random.default_rng([SPLIT_SEED, label]).permutation(len(paths))
        held_out = max(1, len(paths) // TEST_SHARE)
        test += [(paths[i], label) for i in sorted(order[:held_out])]
        train_by_class.append([(paths[i], label) for i in order[held_out:]])
    interleaved = itertools.chain.from_iterable(itertools.zip_longest(*train_by_class))
    return [item for item in interleaved if item is not None], test


def _read_split(items: list[tuple[Path, int]]) -> Split:
    images = np.stack([read_image(path) for path, _ in items])  # (N, 28, 28) uint8
    labels = np.array([label for _, label in items], dtype=np.int64)
    return Split(torch.from_numpy(images), torch.from_numpy(labels))


def read_image(path: Path) -> np.ndarray:
    """One image file → uint8 (28, 28), white ink on black, boxed and centred like MNIST."""
    try:
        # Pillow only warns about an image of 90-180 million pixels (and refuses larger ones): refuse both.
        # (The filter is process-wide while it lasts, a few milliseconds; no other code here sets filters.)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                _check_size(path, *image.size)
                image.load()
                grey = _grey(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: too large: refused unread (at most {1:,} pixels a side)"),
                        _show(path), MAX_SIDE) from None
    except PermissionError:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: permission denied"), _show(path)) from None
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: was removed while the folder was being read"),
                        _show(path)) from None
    except Image.UnidentifiedImageError:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: not a PNG, JPEG or BMP image, or a corrupt one"),
                        _show(path)) from None
    except DECODE_ERRORS as exc:
        reason = one_line(str(exc)) or type(exc).__name__  # Pillow's own words
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: corrupt or truncated image ({1})"), _show(path), reason) \
            from None
    ink = ink_from_grey(grey)
    if ink is None:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: shows no digit: every pixel is about the same shade"),
                        _show(path))
    return mnist_preprocess(ink)


def _check_size(path: Path, width: int, height: int) -> None:
    if min(width, height) < MIN_SIDE:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: {1}×{2} pixels is too small; at least {3} a side"),
                        _show(path), width, height, MIN_SIDE)
    if max(width, height) > MAX_SIDE:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: {1}×{2} pixels is too large; at most {3:,} a side"),
                        _show(path), width, height, MAX_SIDE)


def _grey(image: Image.Image) -> np.ndarray:
    """The picture as grey (H, W) float32 in [0, 1]."""
    if image.mode.startswith("I"):  # 16-bit grey PNGs: Pillow's conversion to "L" would clip them, not scale
        return np.clip(np.asarray(image, dtype=np.float32) / 65535.0, 0.0, 1.0)
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def _show(path: Path) -> str:
    return one_line(str(path))
