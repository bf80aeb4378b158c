"""The pipeline on tiny generated data: train a base, fine-tune it with LoRA and a feature, and the
frozen convolutions' output the runs of one base share."""

import dataclasses
import json

import numpy as np
import pytest
import torch

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import TrainData, train
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


def test_prefix_cache_gives_the_same_training_as_running_the_convolutions(base, tiny_dataset):
    def tuned(cache):
        torch.manual_seed(0)
        model = MnistCNN(ModelConfig(feature_dim=0))
        transfer_weights(base.model, model)
        lora.apply_lora(model, LoraConfig(), torch.Generator().manual_seed(0))
        if not cache:  # a trainable conv bias that stays 0 forces the loop to run the convolutions
            model.conv1.bias.requires_grad_(True)
            model.conv1.bias.register_hook(lambda g: g * 0)
        data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
        result = train(model, data, None, TrainConfig(epochs=1, batch_size=50, lr=1e-3, lr_schedule="constant"))
        return model, result

    cached, cached_result = tuned(True)
    direct, direct_result = tuned(False)
    assert cached_result.setup_seconds > 0
    assert torch.allclose(cached.fc1.lora_B, direct.fc1.lora_B, atol=1e-5)


def count_prefix_passes(monkeypatch) -> list[int]:
    """The size of every chunk of images run through the frozen prefix alone (what caching it costs)."""
    computed, real = [], MnistCNN.run_stages

    def counting(self, h, start, extra=None, stop=3):
        if start == 0 and stop < 3:
            computed.append(len(h))
        return real(self, h, start, extra, stop)

    monkeypatch.setattr(MnistCNN, "run_stages", counting)
    return computed


def test_lora_runs_of_one_base_share_its_frozen_conv_output_and_train_the_same(base, tiny_dataset, monkeypatch):
    """Within `sharing_prefix_outputs` the control (and every further seed) reuses the conv output the feature
    run computed, once per split; the trained models are bit for bit those trained without sharing."""
    from lora_studio.core.training import loop as training

    computed = count_prefix_passes(monkeypatch)
    runs = [("brightness",), (), ("brightness",)]

    def tune_all():
        return [recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), features,
                                 dataclasses.replace(QUICK, seed=i)) for i, features in enumerate(runs)]

    alone = tune_all()
    chunks_per_run = len(computed) // len(runs)
    computed.clear()
    with training.sharing_prefix_outputs():
        shared = tune_all()
        assert len(training._shared_outputs) == 2  # the training and the test split
    assert len(computed) == chunks_per_run  # the first run's, and no other
    assert training._shared_outputs is None  # freed with the block
    for a, b in zip(alone, shared, strict=True):
        for (name, x), y in zip(a.model.state_dict().items(), b.model.state_dict().values(), strict=True):
            assert torch.equal(x, y), name
        assert np.array_equal(a.predictions.probabilities, b.predictions.probabilities)

    other = recipes.train_base(tiny_dataset, dataclasses.replace(QUICK, epochs=1, seed=5))
    computed.clear()
    with training.sharing_prefix_outputs():  # another base: its own conv weights, its own output
        recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), (), QUICK)
        recipes.finetune(other.model, other.record, tiny_dataset, LoraConfig(), (), QUICK)
    assert len(computed) == 2 * chunks_per_run


def test_a_base_trained_while_sharing_leaves_its_test_conv_output_to_the_lora_run(tiny_dataset, monkeypatch):
    """The base's last evaluation goes through a cached prefix when sharing is on: the same predictions as
    without, and the LoRA run that follows computes the conv output of the training split only."""
    from lora_studio.core.training import loop as training

    config = dataclasses.replace(QUICK, epochs=1, seed=7)
    alone = recipes.train_base(tiny_dataset, config)
    with training.sharing_prefix_outputs():
        shared = recipes.train_base(tiny_dataset, config)
        assert len(training._shared_outputs) == 1  # the test split, after the last epoch
        computed = count_prefix_passes(monkeypatch)
        recipes.finetune(shared.model, shared.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK)
    assert np.array_equal(alone.predictions.probabilities, shared.predictions.probabilities)
    assert alone.result.test_loss == shared.result.test_loss
    assert sum(computed) == len(tiny_dataset.train)


def test_a_lora_run_leaves_no_test_conv_output_nothing_would_reuse(base, tiny_dataset):
    """Only a base model's last evaluation keeps its conv output: nothing starts from a LoRA model's convs
    (the GUI's LoRA job keeps one block over every seed, so such entries would pile up)."""
    from lora_studio.core.training import loop as training

    with training.sharing_prefix_outputs():
        recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(layers=("conv2", "fc1")), (), QUICK)
        kept = [key[2] for key in training._shared_outputs]
    assert len(kept) == 2  # conv1's output over the training and the test split, which the run itself used


def test_models_of_one_base_evaluated_together_run_their_convolutions_once(base, tiny_dataset, monkeypatch):
    """The Evaluation tab and `evaluate` predict within `sharing_prefix_outputs`: a base and its fc-only LoRA
    models share one pass over the test set's convolutions, and every prediction is what it is alone."""
    from lora_studio.core.evaluation.scores import predict
    from lora_studio.core.training import loop as training

    tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK)
    conv_tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(layers=("conv2", "fc1")), (),
                                  QUICK)
    test = tiny_dataset.test
    models = [(base.model, None), (tuned.model, recipes.extra_features(tuned.record, test.images)),
              (conv_tuned.model, None)]
    alone = [predict(model, test.images, test.labels, extra) for model, extra in models]
    computed = count_prefix_passes(monkeypatch)
    with training.sharing_prefix_outputs():
        shared = [predict(model, test.images, test.labels, extra) for model, extra in models]
    assert sum(computed) == 2 * len(test)  # the base's convolutions once, the conv-adapted model's its own
    for a, b in zip(alone, shared, strict=True):
        assert np.array_equal(a.probabilities, b.probabilities) and a.loss == b.loss
