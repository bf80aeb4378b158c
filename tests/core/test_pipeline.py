"""Transfer, training, storage and evaluation on tiny generated data."""

import dataclasses
import json
import math

import numpy as np
import pytest
import torch

from lora_studio.core.config import ConfigError, LoraConfig, ModelConfig, TrainConfig, from_dict, to_dict
from lora_studio.core.data import pixels
from lora_studio.core.data.features import FeatureScaler, raw_features
from lora_studio.core.errors import StorageError
from lora_studio.core.evaluation.scores import confusion_matrix, feature_effect, t_quantile_975
from lora_studio.core.model import lora, params
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.param_report import count_trainable
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import Callbacks, TrainControl, TrainData, learning_rate, train
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


def test_transfer_copies_matching_tensors_and_the_784_old_columns():
    torch.manual_seed(0)
    source, target = MnistCNN(), MnistCNN(ModelConfig(feature_dim=1))
    report = transfer_weights(source, target, "random", torch.Generator().manual_seed(0))
    assert set(report.copied) == {"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.bias",
                                  "fc2.weight", "fc2.bias"}
    assert list(report.partly_copied) == ["fc1.weight"]
    assert "columns 0–783 copied, 1 new column(s) random" in report.partly_copied["fc1.weight"]
    assert torch.equal(target.fc1.weight, source.fc1.weight)  # the image columns
    assert target.fc1.extra_weight.abs().sum() > 0
    transfer_weights(source, target, "zeros")
    assert torch.count_nonzero(target.fc1.extra_weight) == 0


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


def test_nan_loss_stops_with_a_message_and_keeps_the_last_good_weights(tiny_dataset):
    torch.manual_seed(0)
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    seen = []

    def poison(info):
        seen.append(info.step)
        if info.step == 3:
            with torch.no_grad():
                model.fc2.bias[0] = float("nan")  # the next forward pass gives NaN

    snapshot = {}

    def remember(info):
        if info.step == 2:
            snapshot.update({k: v.clone() for k, v in model.state_dict().items()})

    result = train(model, data, None, TrainConfig(epochs=1, batch_size=32),
                   Callbacks(on_step=lambda i: (remember(i), poison(i))))
    assert result.status == "diverged"
    assert "nan" in result.message.lower() and "last good step" in result.message
    assert all(torch.isfinite(p).all() for p in model.parameters())
    # the kept weights are those after step 3's update, before the poisoned forward of step 4
    assert result.steps == 4


def test_a_huge_learning_rate_diverges_cleanly(tiny_dataset):
    torch.manual_seed(0)
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    result = train(model, data, None, TrainConfig(epochs=5, batch_size=16, lr=100.0, lr_schedule="constant"))
    if result.status == "diverged":
        assert all(torch.isfinite(p).all() for p in model.parameters())
        assert "learning rate 100" in result.message
    else:  # whatever happens, the weights stay finite
        assert all(torch.isfinite(p).all() for p in model.parameters())


def test_stop_and_pause_act_within_one_batch(tiny_dataset):
    model = MnistCNN()
    data = TrainData(tiny_dataset.train.images, tiny_dataset.train.labels)
    control = TrainControl()
    steps = []

    def on_step(info):
        steps.append(info.step)
        if info.step == 4:
            control.request_stop()

    result = train(model, data, None, TrainConfig(epochs=3, batch_size=16), Callbacks(on_step=on_step), control)
    assert result.status == "stopped" and steps == [0, 1, 2, 3, 4]

    import threading

    control, steps, done = TrainControl(), [], []

    def pause_after_step_2(info):
        steps.append(info.step)
        if info.step == 2:
            control.pause()

    thread = threading.Thread(target=lambda: done.append(train(
        MnistCNN(), data, None, TrainConfig(epochs=1, batch_size=16), Callbacks(on_step=pause_after_step_2),
        control)))
    thread.start()
    assert control.wait_until_held(timeout=30), "the paused training never stood still"
    assert steps == [0, 1, 2] and not done, "a paused training does not start its next batch"
    control.resume()
    thread.join(timeout=30)
    assert done and done[0].status == "finished" and steps == list(range(math.ceil(len(data) / 16)))
    assert not control.held


def test_learning_rate_schedules():
    anneal = TrainConfig(lr=1e-3)
    assert learning_rate(anneal, 0, 300) == 1e-3 and learning_rate(anneal, 199, 300) == 1e-3
    assert learning_rate(anneal, 250, 300) == pytest.approx(0.5e-3)
    assert learning_rate(anneal, 299, 300) == pytest.approx(1e-3 / 100)
    cosine = dataclasses.replace(anneal, lr_schedule="cosine")
    assert learning_rate(cosine, 150, 300) == pytest.approx(0.5e-3)
    assert learning_rate(dataclasses.replace(anneal, lr_schedule="constant"), 299, 300) == 1e-3


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


def test_confusion_matrix_counts_by_hand():
    labels = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    expected = np.array([[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert np.array_equal(confusion_matrix(labels, predicted, 3), expected)


def test_feature_effect_over_seeds_uses_a_t_interval():
    effect = feature_effect([0.915, 0.925, 0.92], [0.90, 0.90, 0.90])
    deltas = np.array([0.015, 0.025, 0.02])
    half = 4.303 * deltas.std(ddof=1) / math.sqrt(3)
    assert effect.mean_delta == pytest.approx(0.02)
    assert effect.ci95 == pytest.approx((0.02 - half, 0.02 + half))
    assert "helps" in effect.sentence() and not effect.spans_zero
    assert all(type(v) is float for v in effect.ci95)
    assert t_quantile_975(1) == 12.706 and t_quantile_975(1000) == pytest.approx(1.96, abs=1e-3)


def test_feature_effect_with_one_seed_is_paired_over_images_and_can_span_zero():
    f = np.array([1, 1, 0, 1, 0, 1, 1, 1], dtype=bool)
    c = np.array([1, 0, 1, 1, 0, 1, 1, 1], dtype=bool)
    effect = feature_effect([f.mean()], [c.mean()], f, c)
    assert effect.mean_delta == 0.0 and effect.spans_zero
    assert "no clear effect" in effect.sentence()


def test_parameter_arithmetic_matches_real_models():
    for layers, variant in ((("fc1", "fc2"), "lora"), (("conv1", "conv2", "fc1", "fc2"), "dora"), (("conv2",), "lora")):
        for rank, feature_dim in ((8, 1), (1, 0), (64, 3)):
            config = ModelConfig(feature_dim=feature_dim)
            model = MnistCNN(config)
            lora.apply_lora(model, LoraConfig(rank=rank, layers=layers, variant=variant))
            if feature_dim:
                lora.train_feature_columns(model)
            budget = params.lora_budget(config, LoraConfig(rank=rank, layers=layers, variant=variant))
            assert budget.trainable == count_trainable(model)
            assert budget.total == sum(p.numel() for p in model.parameters())
    assert params.lora_budget(ModelConfig(feature_dim=1), LoraConfig()).sentence() == \
        "Trainable 7,448 of 59,586 parameters (12.5 %)"


def test_config_round_trip_and_validation():
    config = LoraConfig(rank=4, layers=("conv1", "fc2"))
    assert from_dict(LoraConfig, json.loads(json.dumps(to_dict(config)))) == config
    for bad in ({"rank": 0}, {"rank": "8"}, {"rank": True}, {"layers": ["fc9"]}, {"colour": 1}, {"alpha": None}):
        with pytest.raises(ConfigError):
            from_dict(LoraConfig, bad)
    with pytest.raises(ConfigError, match="learning rate"):
        TrainConfig(lr=0)


def test_library_lists_broken_entries_and_refuses_bad_ids(base, tmp_path):
    library = ModelLibrary(tmp_path / "models")
    good = library.save(base.model, base.record)
    broken = library.root / "broken-one"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")
    entries = {e.id: e for e in library.list()}
    assert entries[good].record is not None
    assert entries["broken-one"].record is None and "not valid JSON" in entries["broken-one"].error
    for bad_id in ("../etc", "/abs", ".hidden", "a/b", "x" * 200, "a..b"):
        with pytest.raises(StorageError, match="not a model id"):
            library.load(bad_id)
    with pytest.raises(StorageError, match="no model"):
        library.load("missing")
    library.rename(good, "My base")
    assert library.record(good).name == "My base"
    library.delete(good)
    assert good not in {e.id for e in library.list()}


def test_overwriting_keeps_the_old_version_if_the_new_one_never_landed(base, tmp_path):
    library = ModelLibrary(tmp_path / "models")
    model_id = library.save(base.model, base.record)
    aside = library.root / f".old-{model_id}"
    (library.root / model_id).rename(aside)  # as if a crash hit between the two renames
    assert model_id in {e.id for e in library.list()}
    assert not aside.exists()
    library.load(model_id)


def test_export_merged_writes_a_plain_cnn_that_answers_like_the_lora_model(base, tiny_dataset, tmp_path):
    from safetensors import safe_open
    from safetensors.torch import load_file

    tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), ("brightness",),
                             TrainConfig(epochs=1, batch_size=32, lr=3e-3))
    library = ModelLibrary(tmp_path / "models")
    model_id = library.save(tuned.model, tuned.record)
    path = library.export_merged(model_id, tmp_path / "merged.safetensors")
    plain = MnistCNN(tuned.record.model, joined_fc1=True)  # the pixel statistics of the tiny data, not MNIST's
    plain.load_state_dict(load_file(path))
    with safe_open(path, "pt") as handle:
        assert json.loads(handle.metadata()["lora_studio_config"])["merged"] is True
    images = tiny_dataset.test.images[:50]
    extra = tuned.record.features.transform(images)
    from lora_studio.core.data.pixels import to_input

    with torch.no_grad():
        assert torch.allclose(plain(to_input(images), extra), tuned.model(to_input(images), extra), atol=1e-4)


def test_pixel_statistics_are_the_mean_and_deviation_of_the_scaled_pixels():
    images = torch.randint(0, 256, (300, 28, 28), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    scaled = images.double() / 255
    mean, std = pixels.pixel_stats(images)
    assert mean == pytest.approx(scaled.mean().item(), rel=1e-12)
    assert std == pytest.approx(scaled.std(unbiased=False).item(), rel=1e-9)
    assert pixels.pixel_stats(torch.full((4, 28, 28), 255, dtype=torch.uint8)) == (1.0, 1e-3)  # no spread


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
