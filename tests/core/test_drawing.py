"""A snapshot of merged weights answers a drawing exactly as the LoRA model does."""

import numpy as np
import pytest
import torch
from float_bounds import EPS32, UNIT_ROUNDOFF, assert_layers_agree, assert_within, forward_tolerance

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.evaluation import inspection
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.model import lora
from lora_studio.core.model import numpy_cnn as drawing
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelRecord
from lora_studio.core.workflows import recipes


def lora_model(features=("brightness", "ink")):
    torch.manual_seed(0)
    config = ModelConfig(feature_dim=len(features))
    model = lora.apply_lora(MnistCNN(config), LoraConfig(rank=4, layers=("conv2", "fc1", "fc2")))
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_(std=0.05)
    images = torch.randint(0, 256, (64, 28, 28), dtype=torch.uint8)
    scaler = FeatureScaler.fit(images, features) if features else None
    record = ModelRecord("feature_lora", "t", "mnist", config, TrainConfig(), LoraConfig(), scaler)
    return model, record, images


def test_a_snapshot_answers_like_the_unmerged_model_and_leaves_it_unmerged():
    model, record, images = lora_model()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    snap = drawing.snapshot(model, record)
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert not any(".lora_" in key for key in snap.weights)
    drawn = drawing.DrawingModel(snap)
    extra = record.features.transform(images[:8])
    reference = predict(model, images[:8], torch.zeros(8, dtype=torch.int64), extra)
    pixels = images[:8, None].float() / 255
    # the snapshot's weights, layer by layer (a bound that tells a weight 1 % off); its NumPy pass, by the outputs
    plain = MnistCNN(record.model, joined_fc1=True)
    plain.load_state_dict({key: torch.from_numpy(value) for key, value in snap.weights.items()})
    assert_layers_agree(model, plain, pixels, extra, "the snapshot's weights")
    logit_tolerance = forward_tolerance(model, pixels, extra)  # NumPy against torch
    u = UNIT_ROUNDOFF
    for i in range(8):
        answer = drawn.predict(images[i].numpy())
        # softmax moves p_k by at most p_k·2·max|Δlogit| (to first order), and rounds: torch's float32 exp, sum of
        # ten and division, NumPy's float64 result cast to float32
        p = reference.probabilities[i]
        assert_within(answer.probabilities, p, p * (2 * logit_tolerance[i].max().item() + 16 * u), "probabilities")
        assert answer.predicted == reference.predicted[i]
        # the app's brightness sums 784 pixels scaled to [0, 1] in float32 and divides (786 roundings, relative); this
        # one sums the integers exactly
        raw_brightness = images[i].float().mean().item() / 255
        assert answer.features["brightness"][0] == pytest.approx(raw_brightness, rel=787 * u)
        standardised = (raw_brightness - record.features.mean[0]) / record.features.std[0]
        assert answer.features["brightness"][1] == pytest.approx(
            standardised, rel=2 * u, abs=787 * u * raw_brightness / record.features.std[0])


def test_a_base_model_has_no_features_and_feature_values_work_without_a_model():
    model, record, images = lora_model(features=())
    answer = drawing.DrawingModel(drawing.snapshot(model, record)).predict(images[0].numpy())
    assert answer.features == {} and answer.probabilities.shape == (10,)
    # float64 probabilities summing to 1, each cast to float32, then nine float32 additions
    assert answer.probabilities.sum() == pytest.approx(1.0, abs=11 * EPS32 / 2)
    image = np.zeros((28, 28), np.uint8)
    image[:14] = 255  # the top half white: brightness 0.5, ink 0.5, every column inked
    assert drawing.feature_values(image, ("brightness", "ink", "width")) == {"brightness": 0.5, "ink": 0.5,
                                                                             "width": 1.0}


def test_a_drawing_of_a_trained_model_is_answered(tiny_dataset):
    base = recipes.train_base(tiny_dataset, TrainConfig(epochs=1, batch_size=32, lr=3e-3))
    snap = drawing.snapshot(base.model, base.record)
    drawn = drawing.DrawingModel(snap)
    canvas = np.zeros((280, 280), np.float32)
    canvas[40:240, 130:150] = 1.0
    answer = drawn.predict(inspection.mnist_preprocess(canvas))
    assert 0 <= answer.predicted < 10


def test_the_numpy_pass_follows_the_config_other_channel_counts_and_pixel_statistics():
    torch.manual_seed(3)
    config = ModelConfig(conv1_channels=4, conv2_channels=6, hidden=32, pixel_mean=0.2, pixel_std=0.4)
    model = lora.apply_lora(MnistCNN(config), LoraConfig(rank=2, layers=("conv1", "fc2")))
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_(std=0.1)
    record = ModelRecord("control_lora", "t", "mnist", config, TrainConfig(), LoraConfig())
    drawn = drawing.DrawingModel(drawing.snapshot(model, record))
    images = torch.randint(0, 256, (5, 28, 28), dtype=torch.uint8)
    pixels = images.unsqueeze(1).float() / 255
    with torch.no_grad():
        expected = model(pixels)
    tolerance = forward_tolerance(model, pixels)  # NumPy's im2col products against torch's convolutions
    for i in range(5):
        assert_within(drawn.logits(images[i].numpy()), expected[i], tolerance[i], f"image {i}")
