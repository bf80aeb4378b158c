"""Exported scripts and notebooks run on their own and reproduce the app's run (issue 21).

Every case fine-tunes a base model trained on tiny generated data, exports it and runs the script in a fresh
`python -I` that cannot import lora_studio (tests/core/export_helpers.GUARD; the first test proves the guard
bites). The bound on |script − app| target accuracy: the script draws the same initial weights and the same
batches as the app (tested exactly in test_export_code.py), so the two runs differ only by float rounding
(channels-last convolutions, the app's written-out head step, the fused Adam kernel, summation order), ~1e-6
relative per step; over two epochs of 19 steps that can only move test images lying on a decision boundary.
Two of the 200 test images (0.01) is that allowance (measured: every case over seeds 0-2 gave the app's
accuracies exactly). What it catches, measured by editing an exported script: LoRA+ ratio 4 → 1, rsLoRA's scale
→ LoRA's, no annealing, an unseeded batch order, A drawn 10× too large, the feature column frozen: each moved
the target accuracy by 3 to 15 points.
"""

import ast
import dataclasses
import json
import subprocess
import sys

import nbformat
import pytest
from export_helpers import (
    export_setup,
    finetune,
    last_line,
    run_isolated,
)

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data.task_names import folder_task_name
from lora_studio.core.export_code import export_code

pytestmark = pytest.mark.slow

#: images of the 200 the script may answer differently from the app (see the module's docstring)
ALLOWED = 2 / 200

CASES = {
    # method, task, LoRA settings, extra features, the comments' language
    "lora+brightness": ("lora", "inverted", LoraConfig(layers=("conv1", "fc1")), ("brightness",), "en"),
    "rslora+lora_plus": ("lora", "rotate90", LoraConfig(layers=("fc1", "fc2"), variant="rslora", lora_plus_ratio=4.0,
                                                        init="kaiming"), (), "en"),
    "dora+features, composite, Chinese": ("lora", "noisy+inverted", LoraConfig(
        rank=4, alpha=8.0, layers=("conv1", "fc2"), variant="dora", new_columns="zeros"), ("brightness", "width"),
        "zh_CN"),
    "head": ("head", "swap-labels", None, (), "en"),
    "full": ("full", "fashion-mnist", None, (), "en"),
    "scratch, own images": ("scratch", "folder", None, (), "en"),
}
#: two epochs at a high rate: on 600 images the LoRA and head runs then beat the base on their target clearly
TRAIN = TrainConfig(epochs=2, batch_size=32, lr=1e-2)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """(data root, library, base id, source data set, own-images folder)."""
    return export_setup(tmp_path_factory)


def exported(setup, tmp_path, case, fmt="py", train=TRAIN):
    """(the exported script or notebook of a fine-tuning as `case` says, the app's metrics of that run)."""
    root, library, base_id, source, own = setup
    method, task, lora, features, language = CASES[case]
    task = folder_task_name(own) if task == "folder" else task
    model_id = finetune(library, base_id, source, root, task, method, lora, features, train=train)
    path = export_code(library, model_id, tmp_path / f"exported.{fmt}", fmt, language, data_dir=root)
    return path, library.record(model_id).metrics


def test_the_guard_keeps_lora_studio_out(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import torch, torchvision, safetensors, peft\nimport lora_studio\n")
    guarded = run_isolated(probe, cwd=tmp_path)
    assert guarded.returncode != 0 and "lora_studio cannot be imported here" in guarded.stderr
    probe.write_text("import lora_studio\nprint(lora_studio.__name__)\n")  # importable without the guard
    plain = subprocess.run([sys.executable, "-I", str(probe)], capture_output=True, text=True, cwd=tmp_path)
    assert plain.returncode == 0 and plain.stdout.strip() == "lora_studio"


@pytest.mark.parametrize("case", CASES)
def test_an_exported_script_trains_alone_and_matches_the_app(setup, tmp_path, case):
    script, metrics = exported(setup, tmp_path, case)
    tree = ast.parse(script.read_text(encoding="utf-8"))
    imports = [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]
    modules = {alias.name.split(".")[0] for node in imports if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module.split(".")[0] for node in imports if isinstance(node, ast.ImportFrom)}
    assert "lora_studio" not in modules and {"torch", "torchvision"} <= modules
    assert ("peft" in modules) == (CASES[case][0] == "lora")
    done = run_isolated(script, "--data-dir", setup[0], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "epoch 2/2: training loss" in done.stdout
    if CASES[case][0] in ("lora", "head"):  # the comparison means something: the app's run learned its task
        assert metrics["target_accuracy"] > metrics["base_target_accuracy"] + 0.1
    target, source = last_line(done.stdout)
    assert target == pytest.approx(metrics["target_accuracy"], abs=ALLOWED)
    assert source == pytest.approx(metrics["source_accuracy"], abs=ALLOWED)


def test_seed_and_epochs_are_options(setup, tmp_path):
    """--seed and --epochs change the run as they change the app's: the script of a seed-0 run of two epochs,
    run with seed 1 and three epochs, matches the app's run with seed 1 and three epochs."""
    script, _ = exported(setup, tmp_path, "rslora+lora_plus")
    root, library, base_id, source, _ = setup
    method, task, lora, features, _ = CASES["rslora+lora_plus"]
    other = finetune(library, base_id, source, root, task, method, lora, features,
                     train=dataclasses.replace(TRAIN, seed=1, epochs=3))
    done = run_isolated(script, "--data-dir", root, "--seed", 1, "--epochs", 3, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "epoch 3/3" in done.stdout
    target, _ = last_line(done.stdout)
    assert target == pytest.approx(library.record(other).metrics["target_accuracy"], abs=ALLOWED)


def test_a_script_stops_with_one_line_when_its_base_file_changed(setup, tmp_path):
    from safetensors.torch import load_file, save_file

    script, _ = exported(setup, tmp_path, "head")
    root, library, base_id, *_ = setup
    tensors = load_file(library.folder(base_id) / "model.safetensors")
    tensors["fc2.bias"] = tensors["fc2.bias"] + 1
    save_file(tensors, tmp_path / "other.safetensors")
    done = run_isolated(script, "--data-dir", root, "--base", tmp_path / "other.safetensors", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"{tmp_path / 'other.safetensors'} is not the base model {base_id} this script was exported for, or it "
        "changed since: its checksum differs"]
    missing = run_isolated(script, "--data-dir", root, "--base", tmp_path / "gone.safetensors", cwd=tmp_path)
    assert missing.returncode == 1 and "the base model's weights file is not there" in missing.stderr


def test_the_notebook_executes_top_to_bottom(setup, tmp_path, monkeypatch):
    """nbclient runs the notebook in a kernel that cannot import lora_studio (a kernel spec whose python is
    started with the same guard), its options the first cell's variables."""
    from nbclient import NotebookClient

    notebook_path, metrics = exported(setup, tmp_path, "lora+brightness", fmt="ipynb")
    notebook = nbformat.read(notebook_path, as_version=4)
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first_code.source.splitlines()[0].startswith("DATA_DIR = ")
    kernels = tmp_path / "jupyter" / "kernels" / "guarded"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-I", "-c", GUARD_KERNEL, "-f", "{connection_file}"],
        "display_name": "guarded", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    client = NotebookClient(notebook, kernel_name="guarded", timeout=600,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    printed = "".join(outputs)
    target, source = last_line(printed)
    assert target == pytest.approx(metrics["target_accuracy"], abs=ALLOWED)
    assert source == pytest.approx(metrics["source_accuracy"], abs=ALLOWED)


GUARD_KERNEL = """
import importlib.abc, sys

class NoLoraStudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lora_studio" or name.startswith("lora_studio."):
            raise ImportError(f"{name} cannot be imported here: an exported notebook must not need it")
        return None

sys.meta_path.insert(0, NoLoraStudio())
from ipykernel import kernelapp
kernelapp.launch_new_instance()
"""
