"""A snapshot of merged weights answers a drawing exactly as the LoRA model does."""

import numpy as np
import pytest
import torch

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
    reference = predict(model, images[:8], torch.zeros(8, dtype=torch.int64), record.features.transform(images[:8]))
    for i in range(8):
        answer = drawn.predict(images[i].numpy())
        assert np.allclose(answer.probabilities, reference.probabilities[i], atol=1e-5)
        assert answer.predicted == reference.predicted[i]
        raw_brightness = images[i].float().mean().item() / 255
        assert answer.features["brightness"][0] == pytest.approx(raw_brightness, rel=1e-5)
        standardised = (raw_brightness - record.features.mean[0]) / record.features.std[0]
        assert answer.features["brightness"][1] == pytest.approx(standardised, rel=1e-4, abs=1e-5)


def test_a_base_model_has_no_features_and_feature_values_work_without_a_model():
    model, record, images = lora_model(features=())
    answer = drawing.DrawingModel(drawing.snapshot(model, record)).predict(images[0].numpy())
    assert answer.features == {} and answer.probabilities.shape == (10,)
    assert answer.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
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
    with torch.no_grad():
        expected = model(images.unsqueeze(1).float() / 255).numpy()
    for i in range(5):
        assert np.allclose(drawn.logits(images[i].numpy()), expected[i], atol=1e-4)
