"""`lora-studio combine`: saves the combination and prints its id, --json describes it, bad input is one line on
stderr with exit code 2 and nothing saved."""

import json

import pytest
import torch
from adapter_library import ids, saved_adapter, saved_base
from captured_cli import run

from lora_studio.core import paths
from lora_studio.core.data import synthetic
from lora_studio.core.model import lora
from lora_studio.core.storage.library import ModelLibrary


@pytest.fixture
def library(app_home) -> ModelLibrary:
    library = ModelLibrary(paths.models_dir(app_home))
    saved_base(library)
    saved_adapter(library, "base-0", ("conv1",), rank=4, seed=1, task="inverted")
    saved_adapter(library, "base-0", ("fc2",), rank=8, seed=2, task="swap-labels")
    return library


def test_combine_saves_prints_the_id_and_writes_json(library, tmp_path):
    code, stdout, stderr = run("combine", "adapter-1", "adapter-2:0.5", "--how", "cat", "--json", tmp_path / "c.json")
    assert code == 0, stderr
    result = json.loads((tmp_path / "c.json").read_text())
    assert result["id"] in stdout and result["id"] in ids(library)
    assert {k: result[k] for k in ("how", "rank", "parents", "layers", "base_id", "task", "density")} == {
        "how": "cat", "rank": 12, "parents": [{"id": "adapter-1", "weight": 1.0}, {"id": "adapter-2", "weight": 0.5}],
        "layers": ["conv1", "fc2"], "base_id": "base-0", "task": "inverted+swap-labels", "density": None}
    assert "not scored" in stdout  # no data set installed in this test's app folder
    combined = lora.lora_layers(library.load(result["id"])[0])
    parents = [lora.lora_layers(library.load(i)[0]) for i in ("adapter-1", "adapter-2")]
    # cat, as PEFT lays it out: a layer's parents side by side from the first row, zeros for the rank left over
    assert torch.equal(combined["fc2"].lora_B[:, :8], parents[1]["fc2"].lora_B)
    assert torch.equal(combined["fc2"].lora_A[:8], parents[1]["fc2"].lora_A * 0.5 * parents[1]["fc2"].scaling)
    assert not combined["fc2"].lora_B[:, 8:].any() and not combined["fc2"].lora_A[8:].any()


def test_combine_scores_when_the_data_set_is_installed(library, tmp_path):
    synthetic.write_folder(tmp_path / "data" / "MNIST" / "raw", n_train=100, n_test=50, seed=0)
    code, stdout, stderr = run("combine", "adapter-1:1", "adapter-2:1", "--how", "svd", "--rank", "3", "--name", "both",
                               "--data-dir", tmp_path / "data", "--json", tmp_path / "c.json")
    assert code == 0, stderr
    result = json.loads((tmp_path / "c.json").read_text())
    assert (result["rank"], result["metrics"]["test_images"]) == (3, 50)
    assert library.record(result["id"]).name == "both" and "on inverted+swap-labels" in stdout


@pytest.mark.parametrize(("args", "words"), [
    (("adapter-1:abc", "adapter-2"), "'adapter-1:abc': the weight after ':' must be a number"),
    (("adapter-1:3", "adapter-2"), "adapter weight must be between -1 and 2, got 3"),
    (("adapter-1", "adapter-9"), "no model 'adapter-9'"),
    (("adapter-1", "base-0"), "base-0 is a base model, not a LoRA adapter"),
    (("adapter-1", "adapter-2", "--rank", "9"), "svd cannot keep rank 9"),
    (("adapter-1", "adapter-2", "--how", "linear"), "linear needs adapters of one rank, these have ranks 4, 8"),
    (("adapter-1", "adapter-2", "--how", "sum"), "invalid choice: 'sum'"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_saved(library, args, words):
    before = ids(library)
    how = () if "--how" in args else ("--how", "svd")
    code, stdout, stderr = run("combine", *args, *how)
    assert code == 2 and words in stderr and stderr.count("\n") == 1, stderr
    assert ids(library) == before


def test_adapters_of_different_bases_are_refused(library):
    saved_adapter(library, saved_base(library, seed=1), ("fc2",), rank=8, seed=3)
    before = ids(library)
    code, _, stderr = run("combine", "adapter-2", "adapter-3", "--how", "cat")
    assert code == 2 and "adapters of different bases cannot be combined" in stderr
    assert ids(library) == before
