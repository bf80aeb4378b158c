"""Tiny, learnable MNIST-like data, written as real IDX files.

Tests, the self-test and the screenshots need data that is quick to learn and
never needs the network. Each class is a fixed pattern of strokes, shifted by a
pixel or two, with noise and a random ink intensity (so brightness varies).
"""

import gzip
from pathlib import Path

import numpy as np

from lora_studio.core.data import idx
from lora_studio.core.data.datasets import FILES

SIDE = 28


def _template(label: int) -> np.ndarray:
    """A 20×20 stroke pattern per class: a bar whose row and column depend on the label."""
    t = np.zeros((20, 20), dtype=np.float32)
    t[2 + label * 1 : 4 + label * 1, 2:18] = 1.0  # horizontal stroke, lower for larger labels
    t[2:18, 1 + (label * 7) % 17 : 3 + (label * 7) % 17] = 1.0  # vertical stroke
    if label % 2:
        np.fill_diagonal(t, 1.0)  # odd labels get a diagonal
    return t


def make_images(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    images = np.zeros((len(labels), SIDE, SIDE), dtype=np.float32)
    for i, label in enumerate(labels):
        dy, dx = rng.integers(2, 7, size=2)
        images[i, dy : dy + 20, dx : dx + 20] = _template(int(label)) * rng.uniform(0.55, 1.0)
    images += rng.normal(0, 0.08, images.shape).astype(np.float32)
    return (np.clip(images, 0, 1) * 255).astype(np.uint8)


def make_arrays(n_train: int = 600, n_test: int = 200, seed: int = 0) -> dict[tuple[str, str], np.ndarray]:
    rng = np.random.default_rng(seed)
    arrays = {}
    for split, n in (("train", n_train), ("test", n_test)):
        labels = rng.integers(0, 10, size=n).astype(np.uint8)
        arrays[split, "labels"] = labels
        arrays[split, "images"] = make_images(labels, rng)
    return arrays


def idx_bytes(array: np.ndarray) -> bytes:
    return idx.header(array) + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_folder(folder: Path, n_train: int = 600, n_test: int = 200, seed: int = 0, gz: bool = False) -> Path:
    """Write the four IDX files (gzipped when `gz`) into `folder`; returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for key, array in make_arrays(n_train, n_test, seed).items():
        payload = idx_bytes(array)
        if gz:
            (folder / f"{FILES[key]}.gz").write_bytes(gzip.compress(payload, mtime=0))
        else:
            (folder / FILES[key]).write_bytes(payload)
    return folder
