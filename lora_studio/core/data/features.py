"""Extra input features: per-image statistics appended to fc1's input.

The article's feature is brightness, the mean pixel value. A few other simple
statistics are registered so a learner can try whether *they* help. Each is
computed from pixels in [0, 1], then standardised with the mean and standard
deviation of the training split; those statistics are saved with the model so
that the same scaling is applied at evaluation and when drawing a digit.
"""

from collections.abc import Callable
from dataclasses import dataclass

import torch

from lora_studio.core.data.feature_names import FEATURE_INFOS, check_features  # noqa: F401 - here too
from lora_studio.core.data.pixels import to_input
from lora_studio.core.errors import ConfigError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Feature:
    name: str
    title: str  # the texts are feature_names.py's (torch-free, for the window before PyTorch loads)
    description: str
    compute: Callable[[torch.Tensor], torch.Tensor]  # (N, 1, 28, 28) in [0, 1] → (N,)


def _brightness(images: torch.Tensor) -> torch.Tensor:
    return images.mean(dim=(1, 2, 3))  # the article's img.mean(dim=[1, 2, 3])


def _contrast(images: torch.Tensor) -> torch.Tensor:
    return images.flatten(1).std(dim=1)


def _ink(images: torch.Tensor) -> torch.Tensor:
    return (images > 0.5).flatten(1).float().mean(dim=1)


def _width(images: torch.Tensor) -> torch.Tensor:
    """Width of the columns holding ink, as a fraction of the image (a "1" is narrow, a "0" wide)."""
    columns = (images > 0.5).any(dim=2).squeeze(1)  # (N, 28)
    return columns.float().sum(dim=1) / images.shape[-1]


_COMPUTE = {"brightness": _brightness, "contrast": _contrast, "ink": _ink, "width": _width}
FEATURES: dict[str, Feature] = {
    name: Feature(info.name, info.title, info.description, _COMPUTE[name]) for name, info in FEATURE_INFOS.items()
}


CHUNK = 8192  # images converted to float at a time: the whole training set as float would be 188 MB


def raw_features(images: torch.Tensor, names) -> torch.Tensor:
    """Unscaled feature values, (N, len(names)), from uint8 images (N, 28, 28)."""
    if not names:
        return torch.zeros(len(images), 0)
    chunks = []
    for i in range(0, len(images), CHUNK):
        pixels = to_input(images[i : i + CHUNK])  # (n, 1, 28, 28) in [0, 1]
        chunks.append(torch.stack([FEATURES[name].compute(pixels) for name in names], dim=1))
    return torch.cat(chunks)


@dataclass(frozen=True)
class FeatureScaler:
    """Standardisation fitted on the training split, saved with the model."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    std: tuple[float, ...]

    @classmethod
    def fit(cls, images: torch.Tensor, names) -> "FeatureScaler":
        return cls.fit_values(raw_features(images, check_features(names)), names)

    @classmethod
    def fit_values(cls, values: torch.Tensor, names) -> "FeatureScaler":
        """Fitted on raw feature values (N, F) already computed (fine-tuning then standardises the same ones)."""
        std = values.std(dim=0, unbiased=False).clamp_min(1e-6)  # a constant feature must not divide by 0
        return cls(tuple(names), tuple(values.mean(dim=0).tolist()), tuple(std.tolist()))

    def transform(self, images: torch.Tensor) -> torch.Tensor:
        """Standardised features (N, F) for uint8 images (N, 28, 28)."""
        return self.standardise(raw_features(images, self.names))

    def standardise(self, values: torch.Tensor) -> torch.Tensor:
        return (values - torch.tensor(self.mean)) / torch.tensor(self.std)

    def to_dict(self) -> dict:
        return {"names": list(self.names), "mean": list(self.mean), "std": list(self.std)}

    @classmethod
    def from_dict(cls, data: dict) -> "FeatureScaler":
        names = check_features(data["names"])
        mean, std = tuple(map(float, data["mean"])), tuple(map(float, data["std"]))
        if not len(names) == len(mean) == len(std) or min(std, default=1.0) <= 0:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "feature statistics are inconsistent"))
        return cls(names, mean, std)
