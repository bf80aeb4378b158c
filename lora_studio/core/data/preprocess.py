"""Any grey picture of a digit → a 28×28 MNIST-like image: white ink on black, boxed to 20 px, centred by mass.

Two callers: the draw canvas (ink already white on black, in [0, 1]) and own-image folder tasks
(photos and scans of any size and either polarity, `ink_from_grey` first). The recipe lives here, in the
data layer, so both share one implementation; `evaluation.inspection` re-exports `mnist_preprocess`.
"""

import numpy as np
import torch
import torch.nn.functional as F

SIDE = 28  # the model's input side
BOX = 20  # MNIST's digits were scaled to fit a 20×20 box inside the 28×28 image
# Ink weaker than this fraction of the strongest stroke is dropped, so paper grain and JPEG ringing
# around a photographed digit do not widen its bounding box to the whole photo.
INK_FLOOR = 0.2
# A picture whose ink, background removed, spans less than this share of the grey range holds no digit.
MIN_CONTRAST = 0.1


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


def border(image: np.ndarray) -> np.ndarray:
    """The pixels of the outer ring, a twentieth of the shorter side wide (at least one pixel), flattened."""
    h, w = image.shape
    width = max(1, min(h, w) // 20)
    mask = np.ones((h, w), dtype=bool)
    mask[width : h - width, width : w - width] = False
    return image[mask]


def ink_from_grey(grey: np.ndarray) -> np.ndarray | None:
    """A grey picture (H, W) in [0, 1], either polarity → ink in [0, 1], white on black; None if it is blank.

    Polarity: MNIST is white ink on black, while a photo or scan of a digit written on paper is dark ink
    on light. The border is taken to be background: when its mean brightness is above one half the
    picture is inverted. Then the background's level (the border's median) is subtracted, the strongest
    ink scaled to 1 and ink weaker than INK_FLOOR dropped, which leaves the digit alone on black.
    """
    grey = np.asarray(grey, dtype=np.float32)
    ink = 1.0 - grey if border(grey).mean() > 0.5 else grey
    ink = np.clip(ink - np.median(border(ink)), 0.0, None)
    peak = float(ink.max())
    if peak < MIN_CONTRAST:
        return None
    ink /= peak
    ink[ink < INK_FLOOR] = 0.0
    return ink
