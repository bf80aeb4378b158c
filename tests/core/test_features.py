"""What the model's inputs are standardised with: the extra features' statistics and the pixels'."""

import pytest
import torch

from lora_studio.core.data import pixels
from lora_studio.core.data.features import FeatureScaler, raw_features


def test_features_are_standardised_with_training_statistics(tiny_dataset):
    images = tiny_dataset.train.images
    scaler = FeatureScaler.fit(images, ("brightness", "contrast", "ink", "width"))
    values = scaler.transform(images)
    assert values.shape == (len(images), 4)
    assert torch.allclose(values.mean(0), torch.zeros(4), atol=1e-4)
    assert torch.allclose(values.std(0, unbiased=False), torch.ones(4), atol=1e-3)
    brightness = raw_features(images[:3], ("brightness",))[:, 0]
    assert torch.allclose(brightness, images[:3].float().div(255).mean(dim=(1, 2)))
    assert FeatureScaler.from_dict(scaler.to_dict()) == scaler


def test_pixel_statistics_are_the_mean_and_deviation_of_the_scaled_pixels():
    images = torch.randint(0, 256, (300, 28, 28), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    scaled = images.double() / 255
    mean, std = pixels.pixel_stats(images)
    assert mean == pytest.approx(scaled.mean().item(), rel=1e-12)
    assert std == pytest.approx(scaled.std(unbiased=False).item(), rel=1e-9)
    assert pixels.pixel_stats(torch.full((4, 28, 28), 255, dtype=torch.uint8)) == (1.0, 1e-3)  # no spread
