"""Export as code (issue 21): what cannot be exported is refused in one line (a core error with its template
and values), and nothing is written."""

import copy
import shutil

import pytest
import torch
from adapter_library import saved_adapter, saved_base
from export_helpers import QUICK, export_setup, finetune, saved_like_a_head_run

from lora_studio.core import config as cfg
from lora_studio.core.config import LoraConfig
from lora_studio.core.data.task_names import folder_task_name
from lora_studio.core.errors import ConfigError, DataError, StorageError
from lora_studio.core.export_code import export_code, export_plan, exported_text
from lora_studio.core.model import lora, lora_variants
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.workflows.combine import combine_adapters


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """(data root, library, base id, source data set, own-images folder)."""
    return export_setup(tmp_path_factory)


# --- refused, one line, nothing written --------------------------------------------------------------------


def refused(setup, tmp_path, model_id, error, message, **options):
    target = tmp_path / "out.py"
    with pytest.raises(error, match=message) as caught:
        export_code(setup[1], model_id, target, **options)
    assert "\n" not in str(caught.value) and caught.value.template
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_base_model_is_no_fine_tuning(setup, tmp_path):
    refused(setup, tmp_path, setup[2], ConfigError, r"is a base model, not a fine-tuning: export a model fine-tuned")


def test_a_missing_model_is_refused(setup, tmp_path):
    refused(setup, tmp_path, "nothing-here", StorageError, "no model 'nothing-here'")


def test_a_base_model_changed_since_is_refused(setup, tmp_path):
    root, library, base_id, source, _ = setup
    model_id = finetune(library, base_id, source, root, "inverted", "lora", LoraConfig(layers=("fc2",)),
                        ("brightness",), limit=100)
    folder = library.folder(base_id)
    base_file, kept = folder / "model.safetensors", shutil.copytree(folder, tmp_path.parent / "kept-base")
    original = base_file.read_bytes()
    try:
        base, record = library.load(base_id)  # other weights, saved properly: the checksum is right, the base not
        with torch.no_grad():
            base.conv1.bias.add_(0.5)
        library.save(base, record, base_id)
        refused(setup, tmp_path, model_id, StorageError,
                rf"the base model {base_id} changed since {model_id} was fine-tuned from it \(conv1.bias differs\)")
        damaged = bytearray(original)
        damaged[-3] ^= 0xFF  # a flipped bit in the numbers: the checksum saved with them no longer holds
        base_file.write_bytes(bytes(damaged))
        refused(setup, tmp_path, model_id, StorageError, rf"the weights of {base_id} changed since they were saved")
        base_file.unlink()
        refused(setup, tmp_path, model_id, StorageError, rf"the base model {base_id} has no weights file")
        shutil.rmtree(library.folder(base_id))
        refused(setup, tmp_path, model_id, StorageError, rf"the base model {base_id} .* is no longer in the library")
    finally:  # later tests need the base as it was
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(kept, folder)


def test_an_own_images_folder_gone_is_refused(setup, tmp_path):
    root, library, base_id, source, own = setup
    copied = shutil.copytree(own, tmp_path / "copy" / "digits")
    model_id = finetune(library, base_id, source, root, folder_task_name(copied), "head")
    shutil.rmtree(tmp_path / "copy")
    refused(setup, tmp_path, model_id, DataError, r"was trained on your images in .*digits, which is no longer there")


def test_a_variant_peft_cannot_express_is_refused(setup, tmp_path, monkeypatch):
    monkeypatch.setitem(cfg.LORA_VARIANTS, "halved", "a made-up variant")
    monkeypatch.setitem(lora_variants.VARIANTS, "halved", lora_variants.LoraVariant)
    root, library, base_id, *_ = setup
    base, record = library.load(base_id)
    model = lora.apply_lora(copy.deepcopy(base), LoraConfig(layers=("fc2",), variant="halved"))
    run = ModelRecord(kind="control_lora", name="v", dataset="mnist", model=record.model, train=QUICK,
                      lora=LoraConfig(layers=("fc2",), variant="halved"), parent=base_id, task="inverted")
    refused(setup, tmp_path, library.save(model, run), ConfigError, "uses the LoRA variant halved, which PEFT")


def test_a_combination_of_adapters_is_refused(tmp_path):
    """A combined adapter was never trained: no training script reproduces it (its command is `combine`)."""
    library = ModelLibrary(tmp_path / "library")
    base_id = saved_base(library)
    parents = [saved_adapter(library, base_id, layers, seed=seed) for layers, seed in ((("conv1",), 1), (("fc2",), 2))]
    combined = combine_adapters(library, [(parents[0], 1.0), (parents[1], 0.5)], "cat")
    message = f"{combined} combines other adapters and was never trained: export the adapters it combines"
    with pytest.raises(ConfigError, match=message):
        export_plan(library, combined)
    (tmp_path / "out").mkdir()
    refused((None, library), tmp_path / "out", combined, ConfigError, message, fmt="ipynb")


@pytest.mark.parametrize(("options", "message"), [({"fmt": "pdf"}, "the format must be one of py, ipynb, not pdf"),
                                                  ({"language": "fr"}, "can be written in en or zh_CN, not fr")])
def test_an_unknown_format_or_language_is_refused(setup, tmp_path, options, message):
    refused(setup, tmp_path, saved_like_a_head_run(setup, "same"), ConfigError, message, **options)


def test_a_folder_that_cannot_be_written_is_refused(setup, tmp_path):
    with pytest.raises(StorageError, match="could not write .*missing/out.py"):
        export_code(setup[1], saved_like_a_head_run(setup, "same"), tmp_path / "missing" / "out.py")
    assert not (tmp_path / "missing").exists()


def test_a_model_from_scratch_needs_no_base(setup, tmp_path):
    root, library, base_id, source, _ = setup
    model_id = finetune(library, base_id, source, root, "rotate90", "scratch", limit=100)
    plan = export_plan(library, model_id, data_dir=root)
    assert plan.base_file is None and plan.method == "scratch"
    text = exported_text(plan, "py")
    assert "load_file" not in text and "peft" not in text and "help=\"not used: a model trained from scratch" in text
