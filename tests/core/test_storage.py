"""The model library: listing, ids, rename and delete, recovery after a crash, merged export.

Its faults and fuzzing: test_storage_faults.py, test_fuzz_models.py, test_disk_faults.py, test_crash_saves.py;
models saved by an earlier version: test_legacy_library.py.
"""

import json

import pytest
import torch
from float_bounds import assert_layers_agree, assert_within, forward_tolerance

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.errors import StorageError
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes


@pytest.fixture(scope="module")
def base(tiny_dataset):
    """A base model trained on the tiny data (as test_pipeline.py's)."""
    return recipes.train_base(tiny_dataset, TrainConfig(epochs=2, batch_size=32, lr=3e-3))


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

    pixels = to_input(images)
    assert_layers_agree(tuned.model, plain, pixels, extra, "the merged export")  # float32 rounding only
    with torch.no_grad():
        assert_within(plain(pixels, extra), tuned.model(pixels, extra), forward_tolerance(tuned.model, pixels, extra),
                      "the merged export")
