"""What the Evaluation tab shows, computed without Qt: errors, brightness, and what LoRA changed.

- fixed / broken sets: test images the LoRA model gets right that the base got wrong, and back;
- error rate against brightness, binned, with the brightness of errors against all images;
- ΔW of each adapted layer (s·B·A with the variant's scale s; DoRA's W′ − W): the matrix, its singular values,
  how many are non-zero to float32 precision (`numerical_rank`), ‖ΔW‖ / ‖W‖;
- the learned weights of fc1's extra-feature columns;
- a drawn digit pre-processed the way MNIST digits were (20×20 box, centred by centre of mass);
- how far merged and unmerged outputs are apart.
"""

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lora_studio.core.data.pixels import to_input
from lora_studio.core.data.preprocess import mnist_preprocess as mnist_preprocess  # re-exported for the draw canvas
from lora_studio.core.evaluation.scores import Predictions
from lora_studio.core.model import lora, weights
from lora_studio.core.model.lora_variants import LoraVariant
from lora_studio.core.training.loop import EVAL_CHUNK


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
    """What an adapter did to one layer's weight, as the Evaluation tab's ΔW view and the Learn tab's explainer show
    it: both read the scale, ΔW and its singular values from here, so they cannot disagree on a layer."""

    layer: str
    delta: np.ndarray  # ΔW = W′ − W as a matrix (out, in), convolutions flattened to (out, in·k·k); float32
    singular_values: np.ndarray  # of `delta`, descending (one SVD, in float32, here)
    relative_norm: float  # ‖ΔW‖_F / ‖W‖_F
    rank: int
    scale: float  # s of s·B·A, the layer's own (LoRALayer.scaling): α/r, α/√r for rsLoRA, or what a variant says
    variant: str = "lora"  # config.LORA_VARIANTS' name
    # whether W′ − W is s·B·A and nothing else (lora, rslora), so at most `rank` singular values are non-zero;
    # False for DoRA, whose W′ − W also holds each row's rescaling to its learned length
    is_low_rank: bool = True
    low_rank: np.ndarray | None = None  # s·B·A (the same array as `delta` when `is_low_rank`)
    row_factors: np.ndarray | None = None  # (out,) DoRA: ‖W′_i‖ / ‖(W + s·B·A)_i‖ = m_i / ‖(W + s·B·A)_i‖
    strength: float = 1.0  # the adapter strength it was taken at (the Evaluation tab's slider): ΔW is times it

    @property
    def tolerance(self) -> float:
        """Singular values at or below this are rounding, not rank (`rank_tolerance`)."""
        return rank_tolerance(self.singular_values, self.delta.shape)

    @property
    def nonzero(self) -> int:
        """How many singular values of ΔW are non-zero to float32 precision (`numerical_rank`)."""
        return numerical_rank(self.singular_values, self.delta.shape)


def lora_deltas(model: nn.Module) -> list[LayerDelta]:
    """ΔW of every LoRA layer (the model must be unmerged), with its variant's scale and, for DoRA, the parts."""
    out = []
    with torch.no_grad():
        for name, layer in lora.lora_layers(model).items():
            delta = layer.delta_weight().flatten(1)
            weight = layer.base_weight().detach().flatten(1)
            low_rank_only = _adds_only_low_rank(layer)
            low_rank = delta if low_rank_only else layer.low_rank_update().flatten(1) * layer.strength
            factors = None
            if not low_rank_only and layer.strength == 1:
                direction = (weight + layer.low_rank_update().flatten(1)).norm(dim=1)
                factors = (layer.effective_weight().flatten(1).norm(dim=1) / direction.clamp_min(1e-12)).numpy()
            delta_array = delta.numpy().copy()
            out.append(LayerDelta(
                name, delta_array, torch.linalg.svdvals(delta).numpy(),
                float(delta.norm() / weight.norm().clamp_min(1e-12)), layer.rank, layer.scaling,
                variant=layer.config.variant, is_low_rank=low_rank_only,
                low_rank=delta_array if low_rank_only else low_rank.numpy().copy(),
                row_factors=factors, strength=float(layer.strength),
            ))
    return out


def _adds_only_low_rank(layer) -> bool:
    """Whether the layer's variant adds s·B·A to W and nothing else (plain LoRA, rsLoRA, any variant that only
    changes the scale): then ΔW has rank at most r. DoRA's own weight rule rescales rows as well."""
    variant = type(layer.variant)
    return (variant.delta_weight is LoraVariant.delta_weight
            and variant.effective_weight is LoraVariant.effective_weight)


def image_column_scale(model: nn.Module, flat_dim: int) -> float:
    """Mean |w| of fc1's weights for the conv features: the size to judge the feature columns' weights by."""
    with torch.no_grad():
        return float(weights.layer_weight(model.get_submodule("fc1"))[:, :flat_dim].abs().mean())


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


# --- per class, per cell, in order -------------------------------------------------------------


def class_errors(labels: np.ndarray, predicted: np.ndarray, num_classes: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Per true class: how many test images it has and how many of them the model got wrong, (classes,) each."""
    labels, predicted = np.asarray(labels, dtype=np.int64), np.asarray(predicted, dtype=np.int64)
    images = np.bincount(labels, minlength=num_classes)
    errors = np.bincount(labels[predicted != labels], minlength=num_classes)
    return images, errors


def confusion_difference(tuned: Predictions, reference: Predictions) -> np.ndarray:
    """tuned.confusion() − reference.confusion(): where the tuned model puts more (+) or fewer (−) images.

    Both count the same images, so every row sums to zero: what leaves one cell arrives in another.
    """
    if not np.array_equal(tuned.labels, reference.labels):
        raise ValueError("the two predictions are not on the same test images")
    return tuned.confusion() - reference.confusion()


def cell_indices(labels: np.ndarray, predicted: np.ndarray, true_class: int, predicted_class: int,
                 reference: np.ndarray | None = None) -> np.ndarray:
    """The images behind one confusion-matrix cell (row = true class, column = predicted class).

    Without `reference`: those of class `true_class` the model called `predicted_class`. With the
    reference model's predictions (a difference matrix): those that entered or left the cell, i.e. one of
    the two models put them there and the other did not.
    """
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    in_cell = predicted == predicted_class
    if reference is not None:
        in_cell = in_cell != (np.asarray(reference) == predicted_class)
    return np.flatnonzero((labels == true_class) & in_cell)


def sort_indices(indices: np.ndarray, values: np.ndarray, descending: bool = False) -> np.ndarray:
    """`indices` ordered by `values[indices]`; ties keep their order (so the result is reproducible)."""
    indices = np.asarray(indices, dtype=np.int64)
    keys = np.asarray(values)[indices]
    order = np.argsort(-keys if descending else keys, kind="stable")
    return indices[order]


def brightness_edges(brightness: np.ndarray, bins: int = 10) -> np.ndarray:
    """Bin edges holding about the same number of images each (quantiles), for comparable error rates.

    Equal-width bins would leave the darkest and brightest bins with a handful of images whose error
    rate is mostly noise. Repeated quantiles (many equal values) are merged.
    """
    brightness = np.asarray(brightness, dtype=float)
    edges = np.unique(np.quantile(brightness, np.linspace(0.0, 1.0, bins + 1)))
    if len(edges) < 2:  # every image equally bright: one bin around that value
        edges = np.array([edges[0] - 5e-4, edges[0] + 5e-4])
    return edges


def rank_tolerance(singular_values: np.ndarray, shape: tuple[int, ...], dtype=np.float32) -> float:
    """The size at or below which a singular value of a (d, k) matrix of `dtype` numbers is rounding, not rank:
    σmax · max(d, k) · eps, NumPy's `matrix_rank` default.

    Why that size: ΔW is computed in float32 (s·B·A, or DoRA's W′ − W) and so is its SVD. Each entry of the product
    is off by a few eps of its size, and a backward-stable SVD moves every singular value by at most the norm of
    such an error, which grows with the matrix's larger side: eps · σmax · max(d, k) bounds both (Weyl's inequality),
    while a real direction of a trained adapter is orders of magnitude above it (fc1: 785 · 1.2e-7 ≈ 1e-4 of σmax).
    A fixed fraction of σmax would be too strict for fc1 and too loose for conv1 (9 columns)."""
    values = np.asarray(singular_values, dtype=float)
    if not len(values) or values.max() <= 0:
        return 0.0
    return float(values.max() * max(shape) * np.finfo(dtype).eps)


def numerical_rank(singular_values: np.ndarray, shape: tuple[int, ...], dtype=np.float32) -> int:
    """How many singular values of a `shape` matrix of `dtype` numbers are non-zero to that precision: those above
    `rank_tolerance`. The one count both the ΔW view and the Learn tab's explainer show."""
    values = np.asarray(singular_values, dtype=float)
    if not len(values) or values.max() <= 0:
        return 0
    return int(np.sum(values > rank_tolerance(values, shape, dtype)))


def feature_columns(model: nn.Module, flat_dim: int) -> np.ndarray:
    """fc1's effective weights for the extra features, (hidden, F): the trained columns plus their part of
    ΔW when LoRA adapts fc1 too — what the network multiplies the standardised feature values by."""
    with torch.no_grad():
        return weights.layer_weight(model.get_submodule("fc1"))[:, flat_dim:].numpy().copy()
