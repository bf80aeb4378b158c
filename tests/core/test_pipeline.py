"""The pipeline on tiny generated data: train a base, fine-tune it with LoRA and a feature, training on the
frozen convolutions' output (what the runs of one base share: test_prefix_cache.py)."""

import json

import numpy as np
import pytest
import torch
from float_bounds import assert_within, conv_features_tolerance

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.pixels import to_input
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import TrainData, train
from lora_studio.core.training.prefix_cache import StageInputs
from lora_studio.core.workflows import recipes

QUICK = TrainConfig(epochs=2, batch_size=32, lr=3e-3)


@pytest.fixture(scope="module")
def base(tiny_dataset):
    return recipes.train_base(tiny_dataset, QUICK)


def test_base_training_learns_the_tiny_data(base):
    assert base.result.status == "finished"
    assert base.predictions.accuracy > 0.8
    assert len(base.result.train_accuracy) == 2 and len(base.result.epoch_seconds) == 2
    assert base.trainable_params == base.total_params == 52138


def test_finetune_with_brightness_trains_7448_parameters_and_saves_loads(base, tiny_dataset, tmp_path):
    tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK)
    assert tuned.trainable_params == 7448 and tuned.total_params == 59586
    assert tuned.predictions.accuracy >= base.predictions.accuracy - 0.05
    library = ModelLibrary(tmp_path / "models")
    model_id = library.save(tuned.model, tuned.record)
    loaded, record = library.load(model_id)
    assert record.kind == "feature_lora" and record.features.names == ("brightness",)
    assert record.metrics["trainable_params"] == 7448
    images = tiny_dataset.test.images
    extra = recipes.extra_features(record, images)
    assert extra.shape == (len(images), 1)
    from lora_studio.core.evaluation.scores import predict

    again = predict(loaded, images, tiny_dataset.test.labels, extra)
    assert np.array_equal(again.predicted, tuned.predictions.predicted)
    files = {p.name for p in library.folder(model_id).iterdir()}
    assert files == {"config.json", "model.safetensors", "metrics.json", "adapter_config.json",
                     "adapter_model.safetensors"}
    config = json.loads((library.folder(model_id) / "config.json").read_text())
    assert config["format_version"] == 1 and config["features"]["names"] == ["brightness"]


def test_prefix_cache_gives_the_same_training_as_running_the_convolutions(base, tiny_dataset, monkeypatch):
    """Every step of a training from the frozen convolutions' output gets the head inputs that running the
    convolutions gives the other training at that step: the same images' conv features, within float32 rounding
    of two computations of them (float_bounds), and the same labels. (Their weights after the epoch would differ by
    that rounding grown over twelve Adam steps, which depends on the CPU, not on the cache.)"""
    seen = {True: [], False: []}  # per training: (batch, its conv features) at each step

    def tuned(cache):
        torch.manual_seed(0)
        model = MnistCNN(ModelConfig(feature_dim=0))
        transfer_weights(base.model, model)
        lora.apply_lora(model, LoraConfig(), torch.Generator().manual_seed(0))
        if not cache:  # a trainable conv bias that stays 0 forces the loop to run the convolutions
            model.conv1.bias.requires_grad_(True)
            model.conv1.bias.register_hook(lambda g: g * 0)
            model.fc1.register_forward_pre_hook(lambda _, args: seen[False][-1].append(args[0].detach().clone()))
        data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
        result = train(model, data, None, TrainConfig(epochs=1, batch_size=50, lr=1e-3, lr_schedule="constant"))
        return model, result

    real_batch = StageInputs.batch

    def batch(inputs, index):
        h, extra = real_batch(inputs, index)
        seen[inputs.start > 0].append([index.clone(), *([h.clone()] if inputs.start > 0 else [])])
        return h, extra

    monkeypatch.setattr(StageInputs, "batch", batch)
    cached, cached_result = tuned(True)
    direct, direct_result = tuned(False)
    assert cached_result.setup_seconds > 0
    assert len(seen[True]) == len(seen[False]) == 12  # 600 images, batches of 50
    pixels = to_input(tiny_dataset.train.images)
    allowed = conv_features_tolerance(direct, pixels)
    for (index, from_cache), (same_index, from_convolutions) in zip(seen[True], seen[False], strict=True):
        assert torch.equal(index, same_index)
        assert_within(from_cache, from_convolutions, allowed[index], "the cached conv features")
