"""Models saved by an earlier LoRA Studio still list, load, answer, evaluate and export as they did, and PEFT
still loads their adapters.

tests/fixtures/library_f21d0a9/ (see its README.md) is a library written by commit f21d0a9, before the core
was regrouped: a base model, a feature+LoRA model and its control (LoRA r = 4 on conv1, fc1 and fc2), with
that version's logits on 32 test images and its merged export of the feature+LoRA model. Whatever changes
inside (the LoRA layers, the storage code), these files are what users have on disk: never regenerate them.
"""

import json
import shutil
from pathlib import Path

import pytest
import torch
from float_bounds import EPS32, assert_within, cross_entropy_tolerance, forward_tolerance, magnitude_weight
from safetensors import safe_open
from safetensors.torch import load_file

from lora_studio.cli import main
from lora_studio.core import paths
from lora_studio.core.data import datasets, synthetic
from lora_studio.core.data.pixels import to_input
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "library_f21d0a9"
BASE, FEATURE, CONTROL = "base-20261201-113413", "feature-lora-20261201-113414", "control-lora-20261201-113414"
MODELS = (BASE, FEATURE, CONTROL)


@pytest.fixture(scope="module")
def expected() -> dict[str, torch.Tensor]:
    """The 32 test images (`images`, uint8) and each model's logits on them (`logits.<id>`), as f21d0a9 gave them."""
    return load_file(FIXTURE / "expected.safetensors")


@pytest.fixture
def library(app_home) -> ModelLibrary:
    """The old library, copied into this test's LORA_STUDIO_HOME (nothing writes into tests/fixtures)."""
    root = paths.models_dir(app_home)
    shutil.copytree(FIXTURE / "models", root)
    return ModelLibrary(root)


@pytest.fixture(scope="module")
def data_root(tmp_path_factory, expected) -> Path:
    """The synthetic data set the models were trained and scored on: 300 training and 64 test images, seed 0."""
    root = tmp_path_factory.mktemp("legacy-data")
    synthetic.write_folder(root / "MNIST" / "raw", n_train=300, n_test=64, seed=0)
    test = datasets.load_dataset(root, "mnist").test
    assert torch.equal(test.images[:32], expected["images"]), \
        "synthetic.py no longer makes the images these models were scored on"
    return root


def logits(model, record, images: torch.Tensor) -> torch.Tensor:
    """The model's answers to uint8 images, with the extra features its record asks for."""
    model.eval()
    with torch.no_grad():
        return model(to_input(images), recipes.extra_features(record, images))


def tolerance(library: ModelLibrary, model_id: str, images: torch.Tensor) -> torch.Tensor:
    """How far two computations of the model's logits may differ (float_bounds.py): f21d0a9's, on its CPU and in
    its layers, and today's, merged, unmerged or PEFT's."""
    model, record = library.load(model_id)
    return forward_tolerance(model, to_input(images), recipes.extra_features(record, images))


def test_the_old_library_lists_every_model_as_readable(library):
    entries = library.list()
    assert [(e.id, e.error) for e in entries] == [(FEATURE, None), (CONTROL, None), (BASE, None)]
    records = {e.id: e.record for e in entries}
    # that version wrote control_lora for every LoRA model without extra inputs: read as what it is, a LoRA model
    assert {i: r.kind for i, r in records.items()} == {BASE: "base", FEATURE: "feature_lora", CONTROL: "lora"}
    assert records[CONTROL].method == "lora"
    feature = records[FEATURE]
    assert feature.parent == BASE and records[CONTROL].parent == BASE
    assert feature.features.names == ("brightness",) and records[CONTROL].features is None
    assert (feature.lora.rank, feature.lora.alpha, feature.lora.layers) == (4, 8.0, ("conv1", "fc1", "fc2"))
    assert feature.model.feature_dim == 1 and feature.dataset == "mnist"
    assert feature.versions["torchvision"] == "0.29.1+cu130"  # as that version recorded it
    assert feature.metrics["test_accuracy"] == 0.375 and feature.metrics["test_images"] == 64


@pytest.mark.parametrize("model_id", MODELS)
def test_each_model_answers_as_it_did(library, expected, model_id):
    model, record = library.load(model_id)
    assert_within(logits(model, record, expected["images"]), expected[f"logits.{model_id}"],
                  tolerance(library, model_id, expected["images"]), model_id)


def test_evaluation_scores_them_as_when_they_were_trained(library, data_root, tmp_path):
    """`lora-studio evaluate` (the Evaluation tab's numbers) on the test split each model was scored on as it
    finished training: the same accuracy and loss as its metrics.json."""
    out = tmp_path / "evaluation.json"
    assert main(["evaluate", *MODELS, "--data-dir", str(data_root), "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["test_images"] == 64
    rows = {row["id"]: row for row in result["models"]}
    assert set(rows) == set(MODELS)
    test = datasets.load_dataset(data_root, "mnist").test
    for model_id in MODELS:
        metrics = library.record(model_id).metrics
        assert rows[model_id]["test_accuracy"] == metrics["test_accuracy"], model_id
        model, record = library.load(model_id)
        allowed = cross_entropy_tolerance(logits(model, record, test.images), metrics["test_loss"],
                                          tolerance(library, model_id, test.images))
        assert rows[model_id]["test_loss"] == pytest.approx(metrics["test_loss"], abs=float(allowed)), model_id


def kind_shown(printed: str, model_id: str) -> str:
    """The kind column of `model_id`'s line in the table `lora-studio evaluate` printed."""
    return next(line.split()[1] for line in printed.splitlines() if line.strip().startswith(model_id))


def test_the_old_control_is_called_control_beside_its_feature_model_and_lora_alone(library, data_root, capsys):
    config = json.loads((library.folder(CONTROL) / "config.json").read_text())
    assert config["kind"] == "control_lora"  # reading it changed nothing on disk
    assert main(["evaluate", BASE, FEATURE, CONTROL, "--data-dir", str(data_root)]) == 0
    printed = capsys.readouterr().out
    assert (kind_shown(printed, FEATURE), kind_shown(printed, CONTROL)) == ("feature+LoRA", "control")
    assert "Feature effect" in printed
    assert main(["evaluate", BASE, CONTROL, "--data-dir", str(data_root)]) == 0
    printed = capsys.readouterr().out
    assert kind_shown(printed, CONTROL) == "LoRA" and "Feature effect" not in printed
    assert "control" not in printed.replace(CONTROL, "")  # its id is its own: that version named it so


def assert_says_at_least(new, old, where="metadata"):
    """`new` holds everything `old` holds (dicts may have gained keys, e.g. new LoRA settings)."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            assert key in new, f"{where}.{key} is gone"
            assert_says_at_least(new[key], value, f"{where}.{key}")
    else:
        assert new == old, f"{where}: {new!r} was {old!r}"


def test_the_merged_export_holds_the_weights_it_held(library, expected, tmp_path):
    path = library.export_merged(FEATURE, tmp_path)
    assert path == tmp_path / f"{FEATURE}-merged.safetensors"
    ours, theirs = load_file(path), load_file(FIXTURE / "merged.feature-lora.safetensors")
    assert sorted(ours) == sorted(theirs)
    adapted = lora.lora_layers(library.load(FEATURE)[0])
    for key, tensor in theirs.items():
        assert ours[key].dtype == tensor.dtype
        layer, name = key.split(".")
        if layer in adapted and name == "weight":  # W + s·Σ_r B·A, rounded r + 2 times, then and now
            allowed = EPS32 * (adapted[layer].rank + 2) * magnitude_weight(adapted[layer])
            assert_within(ours[key], tensor, allowed, key)
        else:  # copied
            assert torch.equal(ours[key], tensor), key
    with safe_open(path, "pt") as new, safe_open(FIXTURE / "merged.feature-lora.safetensors", "pt") as old:
        new_config = json.loads(new.metadata()["lora_studio_config"])
        assert_says_at_least(new_config, json.loads(old.metadata()["lora_studio_config"]))
    assert new_config["merged"] is True and new_config["id"] == FEATURE


@pytest.mark.parametrize("model_id", MODELS)
def test_a_merged_export_is_a_plain_cnn_giving_the_models_answers(library, expected, model_id, tmp_path):
    path = library.export_merged(model_id, tmp_path / "merged.safetensors")
    record = library.record(model_id)
    plain = MnistCNN(record.model, joined_fc1=True)  # the article's CNN, fc1 one nn.Linear
    plain.load_state_dict(load_file(path))
    assert_within(logits(plain, record, expected["images"]), expected[f"logits.{model_id}"],
                  tolerance(library, model_id, expected["images"]), model_id)


@pytest.mark.parametrize("model_id", [FEATURE, CONTROL])
def test_peft_loads_the_adapters_onto_the_saved_cnn(library, expected, model_id):
    """adapter_config.json + adapter_model.safetensors, read by PEFT itself onto a CNN holding model.safetensors."""
    peft = pytest.importorskip("peft")
    folder = library.folder(model_id)
    record = library.record(model_id)
    base = MnistCNN(record.model, joined_fc1=True)  # the layout PEFT adapts: fc1 one nn.Linear
    base.load_state_dict(load_file(folder / "model.safetensors"))
    adapted = peft.PeftModel.from_pretrained(base, folder)
    assert_within(logits(adapted, record, expected["images"]), expected[f"logits.{model_id}"],
                  tolerance(library, model_id, expected["images"]), model_id)
