"""The explainer's arithmetic on a trained adapter's factors (NumPy, in the GUI thread: the matrices are small).

The scale, ΔW, its singular values and how many of them are non-zero are the core's (`LayerDelta`, computed in
the job that read the adapter), the same numbers the Evaluation tab's ΔW view shows. What is left here is
the hover sum: a cell of s·B·A written out as the r products it comes from, in float64 from the float32
factors, which equals the core's float32 cell to rounding. For DoRA the maps draw the low-rank part s·B·A of
the direction (`LayerDelta.low_rank`); the numbers the text gives are of the whole update W′ − W.
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


def drawn_update(factors: LayerFactors) -> np.ndarray:
    """What the ΔW map draws, (d, k): the core's s·B·A (ΔW itself for LoRA and rsLoRA; for DoRA the low-rank part
    of the direction, whose cells the hover sums explain)."""
    assert factors.delta is not None and factors.delta.low_rank is not None
    return factors.delta.low_rank


def cell_sum(factors: LayerFactors, delta: np.ndarray, row: int, column: int) -> CellSum:
    assert factors.delta is not None
    b = factors.b[row].astype(np.float64)
    a = factors.a[:, column].astype(np.float64)
    return CellSum(row, column, tuple(b.tolist()), tuple(a.tolist()), factors.delta.scale, float(delta[row, column]))


def shown_singular_values(factors: LayerFactors) -> np.ndarray:
    """ΔW's singular values (the core's), with those that are zero to float32 precision (`LayerDelta.tolerance`, the
    line `numerical_rank` draws) set to exactly 0: a rank-r update then shows exactly `nonzero` bars."""
    delta = factors.delta
    assert delta is not None
    values = np.asarray(delta.singular_values, dtype=np.float64)
    return np.where(values > delta.tolerance, values, 0.0)


def summary(adapter: AdapterLoaded, layer: str) -> AdapterSummary:
    """What the text says about `adapter` on `layer`."""
    base = dict(name=adapter.name, rank=adapter.rank, alpha=adapter.alpha, variant=adapter.variant,
                scale=adapter.scale, layers=tuple(f.name for f in adapter.layers))
    factors = adapter.layer(layer)
    if factors is None or factors.delta is None:
        return AdapterSummary(**base, adapted=False)
    delta = factors.delta
    rows = None if delta.row_factors is None else (float(delta.row_factors.min()), float(delta.row_factors.max()))
    base["scale"] = delta.scale
    return AdapterSummary(**base, adapted=True, relative_norm=delta.relative_norm,
                          nonzero=delta.nonzero, singular_count=len(delta.singular_values),
                          low_rank=delta.is_low_rank, dora_factors=rows)


def first_adapted(adapter: AdapterLoaded, layers) -> str | None:
    """The first of `layers` (the combo's order) that `adapter` adapted: what the explainer shows when the layer
    chosen before is not one of them."""
    adapted = {factors.name for factors in adapter.layers}
    return next((name for name in layers if name in adapted), None)


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
