"""A drawn digit through saved models: snapshots of merged weights as NumPy, answered without PyTorch.

The evaluation job (in the worker thread) takes a `ModelSnapshot` of each model:
its weights with LoRA merged in, as NumPy copies, its config and its feature
scaling — plain data, safe to hand to another thread. `DrawingModel` runs the
CNN's forward pass on one 28×28 image in NumPy, in whichever thread holds it
(the Evaluation tab: the GUI thread). Why not PyTorch there: its convolutions
run in an OpenMP team, and a second thread's team competes with the worker's
for the cores. Measured on this 2-core machine under load, one image through
PyTorch took 0.6 ms at the median but 25–90 ms at the 99th percentile (a team
thread descheduled); this NumPy pass takes ~0.35 ms per model, p99 ~6 ms, and
0.6 ms (p99 8 ms) while a training runs beside it. It is checked against the
PyTorch model in tests/core/test_drawing.py.
"""

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lora_studio.core.config import ModelConfig
from lora_studio.core.data.features import FeatureScaler, raw_features
from lora_studio.core.model import weights


@dataclass(frozen=True)
class ModelSnapshot:
    config: ModelConfig
    weights: dict[str, np.ndarray]  # the plain CNN's state dict, LoRA merged in, float32 copies
    scaler: FeatureScaler | None  # the model's extra features and their standardisation


def snapshot(model: nn.Module, record) -> ModelSnapshot:
    """Merged weights of `model` (left unchanged) as NumPy copies, with its record's config and scaling."""
    state = weights.merged_state(model)
    return ModelSnapshot(record.model, {k: v.contiguous().numpy() for k, v in state.items()}, record.features)


@dataclass(frozen=True)
class DrawingAnswer:
    probabilities: np.ndarray  # (classes,) float32
    features: dict[str, tuple[float, float]]  # name → (raw value, standardised as the model sees it)

    @property
    def predicted(self) -> int:
        return int(self.probabilities.argmax())


class DrawingModel:
    """The CNN of a snapshot in NumPy (float32), answering one image at a time. Mirrors core.model.MnistCNN:
    standardise pixels; conv1 → max-pool 2×2 → ReLU; conv2 → max-pool → ReLU → flatten (C, H, W); join the extra
    features; fc1 → ReLU → fc2."""

    def __init__(self, snap: ModelSnapshot):
        self.scaler = snap.scaler
        self.config = snap.config
        w = {k: np.asarray(v, dtype=np.float32) for k, v in snap.weights.items()}
        # convolution weights (out, in, 3, 3) as (in·3·3, out) matrices for the im2col product
        self._conv = [(w[f"{name}.weight"].reshape(len(w[f"{name}.weight"]), -1).T.copy(), w[f"{name}.bias"])
                      for name in ("conv1", "conv2")]
        self._fc = [(w["fc1.weight"], w["fc1.bias"]), (w["fc2.weight"], w["fc2.bias"])]

    @property
    def feature_names(self) -> tuple[str, ...]:
        return self.scaler.names if self.scaler else ()

    def logits(self, image: np.ndarray, extra: np.ndarray | None = None) -> np.ndarray:
        """(classes,) for one uint8 image (28, 28) and its standardised extra features (F,)."""
        c = self.config
        h = (np.asarray(image, dtype=np.float32)[None] / 255.0 - c.pixel_mean) / c.pixel_std  # (1, 28, 28)
        for weight, bias in self._conv:
            h = _relu(_pool2x2(_conv3x3(h, weight, bias)))  # (C, H/2, W/2)
        flat = h.reshape(-1)  # (784,) in (C, H, W) order, as torch flattens
        if c.feature_dim:
            flat = np.concatenate([flat, np.asarray(extra, dtype=np.float32).reshape(-1)])
        (w1, b1), (w2, b2) = self._fc
        return w2 @ _relu(w1 @ flat + b1) + b2

    def predict(self, image: np.ndarray) -> DrawingAnswer:
        """Class probabilities for one uint8 image (28, 28), and the extra features it was given."""
        features, extra = {}, None
        if self.scaler:
            raw = feature_values(image, self.scaler.names)
            extra = np.array([(raw[name] - self.scaler.mean[i]) / self.scaler.std[i]
                              for i, name in enumerate(self.scaler.names)], dtype=np.float32)
            features = {name: (raw[name], float(extra[i])) for i, name in enumerate(self.scaler.names)}
        logits = self.logits(image, extra).astype(np.float64)
        exp = np.exp(logits - logits.max())
        return DrawingAnswer((exp / exp.sum()).astype(np.float32), features)


def _conv3x3(h: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """3×3 convolution, padding 1: (C_in, H, W) → (C_out, H, W); weight (C_in·9, C_out)."""
    channels, height, width = h.shape
    padded = np.pad(h, ((0, 0), (1, 1), (1, 1)))
    patches = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(1, 2))  # (C, H, W, 3, 3)
    columns = patches.transpose(1, 2, 0, 3, 4).reshape(height * width, channels * 9)  # (H·W, C·9)
    return (columns @ weight + bias).T.reshape(-1, height, width)


def _pool2x2(h: np.ndarray) -> np.ndarray:
    channels, height, width = h.shape
    return h.reshape(channels, height // 2, 2, width // 2, 2).max(axis=(2, 4))


def _relu(h: np.ndarray) -> np.ndarray:
    return np.maximum(h, 0.0)


def feature_values(image: np.ndarray, names) -> dict[str, float]:
    """Unscaled feature values of one uint8 image (28, 28): what "brightness" etc. measure on a drawing."""
    images = torch.from_numpy(np.ascontiguousarray(image, dtype=np.uint8))[None]
    names = tuple(names)
    return dict(zip(names, raw_features(images, names)[0].tolist(), strict=True))
