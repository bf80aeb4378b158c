"""What the model's inputs are standardised with: the extra features' statistics and the pixels'."""

import pytest
import torch
from float_bounds import UNIT_ROUNDOFF

from lora_studio.core.data import pixels
from lora_studio.core.data.features import FeatureScaler, raw_features


def test_features_are_standardised_with_training_statistics(tiny_dataset):
    images = tiny_dataset.train.images
    scaler = FeatureScaler.fit(images, ("brightness", "contrast", "ink", "width"))
    values = scaler.transform(images)
    assert values.shape == (len(images), 4)
    # float32 all along: μ and σ are a mean and a deviation of n raw values (each within about n·u, relative, of
    # its exact value), each value (x − μ)/σ is rounded three times, and the test's mean and deviation sum n terms
    # again. So the mean is 0 within (n + 1)·u·mean|x|/σ + (n + 4)·u·mean|v|, the deviation 1 within (2n + 16)·u.
    n, u = len(images), UNIT_ROUNDOFF
    raw = raw_features(images, scaler.names)
    allowed = (n + 1) * u * raw.abs().mean(0) / torch.tensor(scaler.std) + (n + 4) * u * values.abs().mean(0)
    assert (values.mean(0).abs() <= allowed).all(), (values.mean(0), allowed)
    torch.testing.assert_close(values.std(0, unbiased=False), torch.ones(4), rtol=0, atol=(2 * n + 16) * u)
    brightness = raw_features(images[:3], ("brightness",))[:, 0]
    assert torch.equal(brightness, images[:3].float().div(255).mean(dim=(1, 2)))  # the same mean of the same floats
    assert FeatureScaler.from_dict(scaler.to_dict()) == scaler


def test_pixel_statistics_are_the_mean_and_deviation_of_the_scaled_pixels():
    images = torch.randint(0, 256, (300, 28, 28), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    scaled = images.double() / 255
    mean, std = pixels.pixel_stats(images)
    # float64 either way: the reference sums n values (within n·u of the exact mean, u = 2⁻⁵³); pixel_stats sums
    # integers exactly and takes E[x²] − mean², which loses a few u times E[x²]/variance (7 for uniform pixels)
    n, u = images.numel(), float(torch.finfo(torch.float64).eps) / 2
    assert mean == pytest.approx(scaled.mean().item(), rel=(n + 3) * u)
    assert std == pytest.approx(scaled.std(unbiased=False).item(), rel=(n + 40) * u)
    assert pixels.pixel_stats(torch.full((4, 28, 28), 255, dtype=torch.uint8)) == (1.0, 1e-3)  # no spread
