"""What the Evaluation tab shows, computed without Qt: errors, brightness, and what LoRA changed.

- fixed / broken sets: test images the LoRA model gets right that the base got wrong, and back;
- error rate against brightness, binned, with the brightness of errors against all images;
- ΔW = (α/r)·B·A of each adapted layer: the matrix, its singular values, ‖ΔW‖ / ‖W‖;
- the learned weights of fc1's extra-feature columns;
- a drawn digit pre-processed the way MNIST digits were (20×20 box, centred by centre of mass);
- how far merged and unmerged outputs are apart.
"""

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core import lora
from lora_studio.core.evaluation import Predictions
from lora_studio.core.model import to_input
from lora_studio.core.training import EVAL_CHUNK


def fixed_and_broken(base: Predictions, tuned: Predictions) -> tuple[np.ndarray, np.ndarray]:
    """Indices the tuned model fixed (base wrong, tuned right) and broke (base right, tuned wrong)."""
    if not np.array_equal(base.labels, tuned.labels):
        raise ValueError("the two predictions are not on the same test images")
    fixed = np.flatnonzero(~base.correct & tuned.correct)
    broken = np.flatnonzero(base.correct & ~tuned.correct)
    return fixed, broken


@dataclass(frozen=True)
class BrightnessErrors:
    edges: np.ndarray  # (bins + 1,) brightness bin edges
    error_rate: np.ndarray  # (bins,) errors / images in the bin; NaN where a bin is empty
    images: np.ndarray  # (bins,) how many test images fall in each bin
    errors: np.ndarray  # (bins,) how many of them the model got wrong


def errors_by_brightness(brightness: np.ndarray, correct: np.ndarray, bins: int = 12,
                         edges: np.ndarray | None = None) -> BrightnessErrors:
    """Error rate per brightness bin (equal-width bins over the observed range unless `edges` is given)."""
    brightness = np.asarray(brightness, dtype=float)
    if edges is None:
        edges = np.linspace(brightness.min(), brightness.max(), bins + 1)
    images, _ = np.histogram(brightness, edges)
    errors, _ = np.histogram(brightness[~np.asarray(correct, dtype=bool)], edges)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(images > 0, errors / np.maximum(images, 1), np.nan)
    return BrightnessErrors(np.asarray(edges), rate, images, errors)


@dataclass(frozen=True)
class LayerDelta:
    layer: str
    delta: np.ndarray  # ΔW as a matrix (out, in) — convolutions flattened to (out, in·k·k)
    singular_values: np.ndarray  # descending; at most `rank` are non-zero
    relative_norm: float  # ‖ΔW‖_F / ‖W‖_F
    rank: int
    scale: float


def lora_deltas(model: nn.Module) -> list[LayerDelta]:
    """ΔW of every LoRA layer (the model must be unmerged)."""
    out = []
    with torch.no_grad():
        for name, layer in lora.lora_layers(model).items():
            if layer.merged:
                raise ValueError("unmerge the model first: a merged layer's W already holds ΔW")
            delta = layer.delta_weight().flatten(1)
            weight = layer.weight.detach().flatten(1)
            out.append(LayerDelta(
                name, delta.numpy().copy(), torch.linalg.svdvals(delta).numpy(),
                float(delta.norm() / weight.norm().clamp_min(1e-12)), layer.rank, layer.scale,
            ))
    return out


def feature_column_weights(model: nn.Module, flat_dim: int) -> np.ndarray:
    """fc1's weights for the extra features, (hidden, F): what the network learned to do with them."""
    return model.fc1.weight.detach()[:, flat_dim:].numpy().copy()


def max_merge_difference(model: nn.Module, images: torch.Tensor, extra: torch.Tensor | None) -> float:
    """Largest |logit difference| between the merged and unmerged model over `images` (uint8)."""
    def logits():
        chunks = []
        with torch.inference_mode():
            for i in range(0, len(images), EVAL_CHUNK):
                part = None if extra is None else extra[i : i + EVAL_CHUNK]
                chunks.append(model(to_input(images[i : i + EVAL_CHUNK]), part))
        return torch.cat(chunks)

    unmerged = logits()
    lora.merge(model)
    try:
        merged = logits()
    finally:
        lora.unmerge(model)
    return float((merged - unmerged).abs().max())


def mnist_preprocess(drawing: np.ndarray) -> np.ndarray:
    """A drawing (H, W) with ink in [0, 1] → uint8 (28, 28) the way MNIST digits were made.

    MNIST's recipe: the digit's bounding box is scaled, keeping its aspect ratio,
    to fit a 20×20 box (with anti-aliasing), then placed in a 28×28 image so that
    its centre of mass sits at the centre.
    """
    ink = np.clip(np.asarray(drawing, dtype=np.float32), 0.0, 1.0)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return np.zeros((28, 28), dtype=np.uint8)
    box = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    factor = 20.0 / max(box.shape)
    height, width = (max(1, round(side * factor)) for side in box.shape)
    scaled = F.interpolate(torch.from_numpy(box)[None, None], size=(height, width), mode="bilinear",
                           antialias=True, align_corners=False)[0, 0].clamp(0, 1).numpy()
    canvas = np.zeros((28, 28), dtype=np.float32)
    top, left = (28 - height) // 2, (28 - width) // 2
    canvas[top : top + height, left : left + width] = scaled
    total = canvas.sum()
    ys, xs = np.indices(canvas.shape)
    shift_y = round(13.5 - (ys * canvas).sum() / total)
    shift_x = round(13.5 - (xs * canvas).sum() / total)
    canvas = _shift(canvas, shift_y, shift_x)
    return (canvas * 255).round().astype(np.uint8)


def _shift(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Move the image by (dy, dx) pixels, filling with zeros (no wrap-around)."""
    out = np.zeros_like(image)
    h, w = image.shape
    src_y, dst_y = slice(max(0, -dy), min(h, h - dy)), slice(max(0, dy), min(h, h + dy))
    src_x, dst_x = slice(max(0, -dx), min(w, w - dx)), slice(max(0, dx), min(w, w + dx))
    out[dst_y, dst_x] = image[src_y, src_x]
    return out
