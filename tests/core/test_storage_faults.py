"""Regression tests for holes the model-file fuzzing found (tests/core/test_fuzz_models.py), one case each."""

import json
import sys

import pytest
import torch

from lora_studio.core import config as cfg
from lora_studio.core.errors import StorageError
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord


@pytest.fixture
def library(tmp_path) -> ModelLibrary:
    library = ModelLibrary(tmp_path / "models")
    torch.manual_seed(0)
    library.save(MnistCNN(), ModelRecord(kind="base", name="Base", dataset="mnist", model=cfg.ModelConfig(),
                                         train=cfg.TrainConfig()), "m")
    return library


def refused_and_listed_broken(library: ModelLibrary, match: str) -> None:
    with pytest.raises(StorageError, match=match):
        library.load("m")
    (entry,) = library.list()
    assert entry.record is None and entry.error.startswith("m")


@pytest.mark.parametrize("file_name", ["config.json", "metrics.json"])
@pytest.mark.parametrize("payload", [b"[" * 100_000 + b"]" * 100_000, b'{"format_version": 1' + b"0" * 5000 + b"}"],
                         ids=["nested 100,000 deep", "5,000-digit number"])
def test_json_the_parser_cannot_take_is_a_storage_error(library, file_name, payload):
    """Both escaped as RecursionError / ValueError tracebacks (`models list` crashed)."""
    (library.root / "m" / file_name).write_bytes(payload)
    refused_and_listed_broken(library, f"m/{file_name} is not usable JSON")


@pytest.mark.parametrize("payload", [b"null", b"1.5", b"NaN", b"[]", b'"config"'])
def test_a_config_that_is_not_an_object_is_a_storage_error(library, payload):
    """`migrate` called .get on it: AttributeError, a traceback in `models list`."""
    (library.root / "m" / "config.json").write_bytes(payload)
    refused_and_listed_broken(library, "m: config.json is not a JSON object")


def test_an_unknown_feature_in_config_json_names_the_model(library, tmp_path):
    """features.check_features raised a bare LoraStudioError: no StorageError, no model id in the message."""
    config = json.loads((library.root / "m" / "config.json").read_text())
    config["model"]["feature_dim"] = 1
    config["features"] = {"names": ["colour"], "mean": [0.0], "std": [1.0]}
    (library.root / "m" / "config.json").write_text(json.dumps(config))
    refused_and_listed_broken(library, "m: config.json is not valid .*unknown feature 'colour'")


def _edit_config(library: ModelLibrary, edit) -> None:
    path = library.root / "m" / "config.json"
    config = json.loads(path.read_text())
    edit(config)
    path.write_text(json.dumps(config))


def _with_features(config, mean, std):
    config["kind"], config["model"]["feature_dim"] = "feature_lora", 1
    config["lora"] = cfg.to_dict(cfg.LoraConfig())
    config["features"] = {"names": ["brightness"], "mean": [mean], "std": [std]}


@pytest.mark.parametrize("mean, std", [(0.1, float("nan")), (float("nan"), 0.05), (float("inf"), 0.05),
                                       (0.1, 1e-300), (1e308, 0.05)])
def test_feature_statistics_that_are_not_usable_numbers_are_refused(library, mean, std):
    """They loaded, and the model then answered NaN for every image (std 1e-300 is 0 in float32)."""
    _edit_config(library, lambda c: _with_features(c, mean, std))
    refused_and_listed_broken(library, "feature statistics must be finite")


@pytest.mark.parametrize("key, value, match", [
    ("parent", ["a"], "parent must be text"),  # the Evaluation tab looked it up in a dict: unhashable list
    ("dataset", "imagenet", "dataset must be one of"),  # evaluate failed later, naming no model
    ("versions", [1], "versions must be a JSON object"),
    ("transfer", "x", "transfer must be a JSON object"),
    ("lora", {"rank": 4}, "a base model cannot have LoRA settings"),
])
def test_config_values_of_the_wrong_kind_are_refused(library, key, value, match):
    _edit_config(library, lambda c: c.__setitem__(key, value))
    refused_and_listed_broken(library, match)


@pytest.mark.parametrize("metrics", [{"test_accuracy": "abc"}, {"trainable_params": [1]}, {"total_params": -3},
                                     {"trainable_params": 1.5}, {"train_accuracy": ["x"]}, {"status": 1},
                                     {"test_accuracy": True}])
def test_metrics_of_the_wrong_kind_are_refused(library, metrics):
    """`models list` formatted them with :.2f and :, and crashed with ValueError/TypeError."""
    (library.root / "m" / "metrics.json").write_text(json.dumps(metrics))
    refused_and_listed_broken(library, f"m: metrics.json: {next(iter(metrics))} must be")


def test_unknown_and_missing_metrics_are_fine(library):
    (library.root / "m" / "metrics.json").write_text(json.dumps({"test_accuracy": None, "something_new": [{}]}))
    assert library.record("m").metrics["something_new"] == [{}]


def test_a_library_folder_that_cannot_be_listed_is_a_storage_error(library, monkeypatch):
    """list() called iterdir unguarded: a PermissionError escaped (`models list` showed a traceback)."""
    from pathlib import Path

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(StorageError, match="cannot read the model library .*Permission denied"):
        library.list()


def test_a_save_that_happened_is_not_reported_as_failed(library, monkeypatch):
    """The library folder's fsync after the rename raised: 'could not save' with the new version in place."""
    from lora_studio.core import files

    real, calls = files.fsync_dir, []

    def fsync_dir(folder):
        calls.append(folder)
        if folder == library.root:
            raise OSError(5, "Input/output error")
        real(folder)

    monkeypatch.setattr(files, "fsync_dir", fsync_dir)
    model, record = library.load("m")
    record.name = "second"
    assert library.save(model, record, "m") == "m"
    assert library.record("m").name == "second" and library.root in calls
    assert sorted(p.name for p in library.root.iterdir()) == [".lock", "m"]


@pytest.mark.parametrize("layer, value", [("fc2.bias", float("nan")), ("conv1.weight", float("inf"))])
def test_a_model_with_non_finite_weights_is_not_saved(tmp_path, layer, value):
    """Such a model was saved, then refused by load ("holds NaN"): a library entry that can never open.
    (The training loop checks each loss before its step, so a NaN made by the very last step gets out.)"""
    model = MnistCNN()
    with torch.no_grad():
        model.state_dict()[layer].view(-1)[0] = value
    library = ModelLibrary(tmp_path / "models")
    with pytest.raises(StorageError, match=f"m: {layer} holds NaN or infinite values; the model was not saved"):
        library.save(model, ModelRecord(kind="base", name="x", dataset="mnist", model=model.config,
                                        train=cfg.TrainConfig()), "m")
    assert library.list() == [] and not library.root.exists()


@pytest.mark.parametrize("file_name", ["model.safetensors", "adapter_model.safetensors"])
def test_a_flipped_bit_in_the_weights_is_caught(tmp_path, file_name):
    """safetensors has no checksum: a flipped exponent bit loaded as a weight of ~1e38 and the model
    answered inf/NaN (found by `make fuzz`). The library now saves a SHA-256 of the tensors with them."""
    from lora_studio.core.data.features import FeatureScaler
    from lora_studio.core.model import lora

    library = ModelLibrary(tmp_path / "models")
    model = MnistCNN(cfg.ModelConfig(feature_dim=1))
    adapter = cfg.LoraConfig(rank=2)
    lora.apply_lora(model, adapter)
    library.save(model, ModelRecord(kind="feature_lora", name="x", dataset="mnist", model=model.config,
                                    train=cfg.TrainConfig(), lora=adapter,
                                    features=FeatureScaler(("brightness",), (0.1,), (0.05,))), "m")
    path = library.root / "m" / file_name
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 0x40  # the high exponent bit of the last float32
    path.write_bytes(bytes(blob))
    refused_and_listed_broken_on_load(library, f"m/{file_name} is damaged")


def refused_and_listed_broken_on_load(library: ModelLibrary, match: str) -> None:
    with pytest.raises(StorageError, match=match):
        library.load("m")
    (entry,) = library.list()  # the record itself is fine: listed, and refused when opened
    assert entry.record is not None


def test_files_without_a_checksum_still_load(library):
    """Models saved before the checksum, and adapters written by PEFT, have none: the other checks apply."""
    from safetensors.torch import load, save

    path = library.root / "m" / "model.safetensors"
    path.write_bytes(save(load(path.read_bytes()), metadata={"format": "pt"}))
    library.load("m")


@pytest.mark.skipif(sys.platform == "win32", reason="advisory locks (fcntl) only")
@pytest.mark.parametrize("moment", ["while writing", "between the renames"])
def test_listing_from_another_process_during_a_save_does_not_break_it(library, monkeypatch, moment):
    """The app lists the library while `lora-studio` saves into it: list()'s crash recovery took the
    save's staging folder (or the model renamed aside) for a crash's leftovers and undid it, so the
    save failed and the trained model was lost. Now writers hold a shared lock, recovery needs it alone."""
    from pathlib import Path

    from lora_studio.core import files

    other = ModelLibrary(library.root)  # another process: its own ModelLibrary and lock file handle
    listed = []
    if moment == "while writing":
        real = files.fsync_dir

        def fsync_dir(folder):
            if folder.name.startswith(".tmp-"):
                listed.append([e.id for e in other.list()])
            real(folder)
        monkeypatch.setattr(files, "fsync_dir", fsync_dir)
    else:
        real_rename = Path.rename

        def rename(self, target):
            result = real_rename(self, target)
            if Path(target).name.startswith(".old-"):
                listed.append([e.id for e in other.list()])
            return result
        monkeypatch.setattr(Path, "rename", rename)
    model, record = library.load("m")
    record.name = "second"
    assert library.save(model, record, "m") == "m"
    assert listed, "the listing did not happen during the save"
    assert library.record("m").name == "second"
    assert sorted(p.name for p in library.root.iterdir()) == [".lock", "m"]


def test_a_safetensors_error_quoting_a_line_break_stays_one_line(library):
    """safetensors quotes a bad dtype from the header as it is: a line break in it made the error two lines
    (found by the model-file fuzzing)."""
    import struct

    header = json.dumps({"conv1.weight": {"dtype": "F\n32", "shape": [1], "data_offsets": [0, 4]}}).encode()
    (library.root / "m" / "model.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + bytes(4))
    with pytest.raises(StorageError, match="m/model.safetensors is not a valid safetensors file") as caught:
        library.load("m")
    assert "\n" not in str(caught.value) and "F\\n32" in str(caught.value)


@pytest.mark.parametrize("edit", [lambda c: _with_features(c, 10**400, 0.05),
                                  lambda c: c["model"].__setitem__("pixel_mean", 10**400)],
                         ids=["a feature's mean", "pixel_mean"])
def test_a_whole_number_too_large_for_a_float_is_refused(library, edit):
    """float() of a 400-digit integer raises OverflowError, which escaped `record`: `models list` crashed."""
    _edit_config(library, edit)
    refused_and_listed_broken(library, "m: config.json is not valid .*too large")


def test_a_metric_too_large_for_a_float_is_refused(library):
    (library.root / "m" / "metrics.json").write_text(json.dumps({"test_accuracy": 10**400}))
    refused_and_listed_broken(library, "m: metrics.json: test_accuracy is too large a number")
