"""The explainer's arithmetic on a trained adapter's factors (NumPy, in the GUI thread: the matrices are small).

ΔW = s·B·A is computed in float64 from the float32 factors, so a cell equals the sum of its r products to
rounding, and both equal the core's own `LoRALayer.delta_weight` (float32) to ~1e-7. For DoRA the maps draw
this low-rank part of the direction; `dora_update` gives the update the layer really acts with.
"""

from dataclasses import dataclass

import numpy as np

from lora_studio.gui.learn.explainer_jobs import AdapterLoaded, LayerFactors
from lora_studio.gui.learn.explainer_texts import AdapterSummary


@dataclass(frozen=True)
class CellSum:
    """ΔW[row, column] = scale · Σₖ b[k]·a[k]: the numbers the hover label shows."""

    row: int
    column: int
    b: tuple[float, ...]  # B[row, 0..r-1]
    a: tuple[float, ...]  # A[0..r-1, column]
    scale: float
    value: float  # the cell as drawn

    @property
    def total(self) -> float:
        """The sum of the products, times the scale (equals `value` to rounding)."""
        return self.scale * float(sum(b * a for b, a in zip(self.b, self.a, strict=True)))


def low_rank_update(factors: LayerFactors, scale: float) -> np.ndarray:
    """s·B·A, (d, k) float64: ΔW of plain LoRA and rsLoRA; the direction's low-rank part for DoRA."""
    return scale * (factors.b.astype(np.float64) @ factors.a.astype(np.float64))


def cell_sum(factors: LayerFactors, scale: float, delta: np.ndarray, row: int, column: int) -> CellSum:
    b = factors.b[row].astype(np.float64)
    a = factors.a[:, column].astype(np.float64)
    return CellSum(row, column, tuple(b.tolist()), tuple(a.tolist()), scale, float(delta[row, column]))


def nonzero_singular_values(delta: np.ndarray) -> np.ndarray:
    """ΔW's singular values, descending, with those that are zero to float precision set to exactly 0
    (NumPy's matrix_rank tolerance): a rank-r product then shows at most r bars."""
    values = np.linalg.svd(delta, compute_uv=False)
    if not len(values) or values[0] == 0:
        return np.zeros_like(values)
    tolerance = values[0] * max(delta.shape) * np.finfo(delta.dtype).eps
    return np.where(values > tolerance, values, 0.0)


def relative_norm(delta: np.ndarray, weight: np.ndarray) -> float:
    """‖ΔW‖_F / ‖W‖_F."""
    return float(np.linalg.norm(delta) / max(np.linalg.norm(weight.astype(np.float64)), 1e-12))


def dora_update(factors: LayerFactors, low_rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """DoRA's whole update W′ − W and each row's factor m_i / ‖(W + s·B·A)_i‖ (lora_variants.DoRA)."""
    assert factors.magnitude is not None
    direction = factors.w.astype(np.float64) + low_rank
    factor = factors.magnitude.astype(np.float64) / np.maximum(np.linalg.norm(direction, axis=1), 1e-12)
    return factor[:, None] * direction - factors.w, factor


def summary(adapter: AdapterLoaded, layer: str) -> AdapterSummary:
    """What the text says about `adapter` on `layer`."""
    base = dict(name=adapter.name, rank=adapter.rank, alpha=adapter.alpha, variant=adapter.variant,
                scale=adapter.scale, layers=tuple(f.name for f in adapter.layers))
    factors = adapter.layer(layer)
    if factors is None:
        return AdapterSummary(**base, adapted=False)
    delta = low_rank_update(factors, adapter.scale)
    values = nonzero_singular_values(delta)
    dora_norm = dora_range = None
    if factors.magnitude is not None:
        update, factor = dora_update(factors, delta)
        dora_norm, dora_range = relative_norm(update, factors.w), (float(factor.min()), float(factor.max()))
    return AdapterSummary(**base, adapted=True, relative_norm=relative_norm(delta, factors.w),
                          nonzero=int(np.count_nonzero(values)), singular_count=len(values),
                          dora_relative_norm=dora_norm, dora_factors=dora_range)


def column_meaning(factors: LayerFactors, column: int, features: tuple[str, ...]) -> tuple[int, ...] | str | None:
    """What input a column of W stands for: (channel, kernel row, kernel column) of a convolution, the name of
    one of fc1's extra features, or None (a plain input)."""
    if factors.kernel is not None:
        kh, kw = factors.kernel
        return column // (kh * kw), (column % (kh * kw)) // kw, column % kw
    extra = factors.a.shape[1] - len(features)
    if factors.name == "fc1" and features and column >= extra:
        return features[column - extra]
    return None
