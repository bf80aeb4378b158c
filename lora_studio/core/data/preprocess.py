"""A drawing of a digit → a 28×28 MNIST-like image: white ink on black, boxed to 20 px, centred by mass.

The recipe lives in the data layer so that data sets made from people's own images can share it with the
draw canvas; `evaluation.inspection` re-exports `mnist_preprocess`.
"""

import numpy as np
import torch
import torch.nn.functional as F

SIDE = 28  # the model's input side
BOX = 20  # MNIST's digits were scaled to fit a 20×20 box inside the 28×28 image


def mnist_preprocess(drawing: np.ndarray) -> np.ndarray:
    """A drawing (H, W) with ink in [0, 1] → uint8 (28, 28) the way MNIST digits were made.

    MNIST's recipe: the digit's bounding box is scaled, keeping its aspect ratio,
    to fit a 20×20 box (with anti-aliasing), then placed in a 28×28 image so that
    its centre of mass sits at the centre.
    """
    ink = np.clip(np.asarray(drawing, dtype=np.float32), 0.0, 1.0)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return np.zeros((SIDE, SIDE), dtype=np.uint8)
    box = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    factor = BOX / max(box.shape)
    height, width = (max(1, round(side * factor)) for side in box.shape)
    scaled = F.interpolate(torch.from_numpy(box)[None, None], size=(height, width), mode="bilinear",
                           antialias=True, align_corners=False)[0, 0].clamp(0, 1).numpy()
    canvas = np.zeros((SIDE, SIDE), dtype=np.float32)
    top, left = (SIDE - height) // 2, (SIDE - width) // 2
    canvas[top : top + height, left : left + width] = scaled
    total = canvas.sum()
    ys, xs = np.indices(canvas.shape)
    centre = (SIDE - 1) / 2
    shift_y = round(centre - (ys * canvas).sum() / total)
    shift_x = round(centre - (xs * canvas).sum() / total)
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
