"""A drawn digit through saved models: snapshots of merged weights as NumPy, rebuilt where they are used.

The evaluation job (in the worker thread) takes a `ModelSnapshot` of each model:
its weights with LoRA merged in, as NumPy copies, its config and its feature
scaling — plain data, safe to hand to another thread. `DrawingModel` rebuilds
a CNN from a snapshot; that copy belongs to whoever built it (the Evaluation
tab, in the GUI thread) and is never shared. One 28×28 image through it takes
well under a millisecond, so a drawing is answered at once, even while the
worker trains.
"""

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lora_studio.core import lora
from lora_studio.core.config import ModelConfig
from lora_studio.core.features import FeatureScaler, raw_features
from lora_studio.core.model import MnistCNN, to_input


@dataclass(frozen=True)
class ModelSnapshot:
    config: ModelConfig
    weights: dict[str, np.ndarray]  # the plain CNN's state dict, LoRA merged in, float32 copies
    scaler: FeatureScaler | None  # the model's extra features and their standardisation


def snapshot(model: nn.Module, record) -> ModelSnapshot:
    """Merged weights of `model` (left unchanged) as NumPy copies, with its record's config and scaling."""
    with torch.no_grad():
        state = {k: v.detach().clone() for k, v in model.state_dict().items() if ".lora_" not in k}
        for name, layer in lora.lora_layers(model).items():
            if not layer.merged:
                state[f"{name}.weight"] += layer.delta_weight()
    return ModelSnapshot(record.model, {k: v.contiguous().numpy() for k, v in state.items()}, record.features)


@dataclass(frozen=True)
class DrawingAnswer:
    probabilities: np.ndarray  # (classes,) float32
    features: dict[str, tuple[float, float]]  # name → (raw value, standardised as the model sees it)

    @property
    def predicted(self) -> int:
        return int(self.probabilities.argmax())


class DrawingModel:
    """A CNN rebuilt from a snapshot, answering one image at a time."""

    def __init__(self, snap: ModelSnapshot):
        self.scaler = snap.scaler
        self.model = MnistCNN(snap.config)
        self.model.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in snap.weights.items()})
        self.model.eval().requires_grad_(False)

    @property
    def feature_names(self) -> tuple[str, ...]:
        return self.scaler.names if self.scaler else ()

    def predict(self, image: np.ndarray) -> DrawingAnswer:
        """Class probabilities for one uint8 image (28, 28), and the extra features it was given."""
        images = torch.from_numpy(np.ascontiguousarray(image, dtype=np.uint8))[None]  # (1, 28, 28)
        extra = self.scaler.transform(images) if self.scaler else None  # (1, F)
        with torch.inference_mode():
            probabilities = self.model(to_input(images), extra).softmax(1)[0].numpy().copy()
        features = {}
        if self.scaler:
            raw = raw_features(images, self.scaler.names)[0].tolist()
            scaled = extra[0].tolist()
            features = {name: (raw[i], scaled[i]) for i, name in enumerate(self.scaler.names)}
        return DrawingAnswer(probabilities, features)


def feature_values(image: np.ndarray, names) -> dict[str, float]:
    """Unscaled feature values of one uint8 image (28, 28): what "brightness" etc. measure on a drawing."""
    images = torch.from_numpy(np.ascontiguousarray(image, dtype=np.uint8))[None]
    names = tuple(names)
    return dict(zip(names, raw_features(images, names)[0].tolist(), strict=True))
