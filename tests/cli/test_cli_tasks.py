"""`lora-studio tasks`, `finetune`/`experiment --task --method`, the RUN record, and bad targets (exit 2)."""

import json
import subprocess
import sys

import pytest
from captured_cli import run

from lora_studio.core import paths
from lora_studio.core.data import datasets, synthetic
from lora_studio.core.data.task_names import listed_tasks, task_names

RUN_KEYS = ["model_id", "base_id", "task", "method", "variant", "layers", "rank", "alpha", "lora_plus_ratio", "seed",
            "epochs", "trainable_params", "total_params", "target_accuracy", "source_accuracy",
            "base_target_accuracy", "base_source_accuracy", "forgetting", "wall_seconds", "loss"]


def quick(root):
    return ["--data-dir", root, "--offline", "--batch-size", 32, "--lr", 3e-3]


@pytest.fixture
def base_id(tiny_root, tmp_path):
    code, _, _ = run("train-base", *quick(tiny_root), "--epochs", 1, "--limit", 300, "--json", tmp_path / "b.json")
    assert code == 0
    return json.loads((tmp_path / "b.json").read_text())["id"]


def test_tasks_lists_every_task_one_a_line_name_first():
    code, out, err = run("tasks")
    lines = out.splitlines()
    assert code == 0 and not err
    assert [line.split()[0] for line in lines] == [info.name for info in listed_tasks()]
    assert [line.split(None, 1)[1] for line in lines] == [info.title for info in listed_tasks()]
    names = [line.split()[0] for line in lines]  # the single tasks, the composites of two, the folder form last
    assert names[:len(task_names()) - 1] == task_names()[:-1] and names[-1] == task_names()[-1]
    assert "inverted+swap-labels" in names and "noisy+inverted" in names


def test_tasks_needs_no_pytorch():
    probe = "import sys; from lora_studio.cli import main; main(['tasks']); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False"


@pytest.mark.parametrize(("method", "layers", "rank", "trainable", "run_layers"), [
    ("lora", "conv1", 2, 2 * 9 + 8 * 2, ["conv1"]),
    ("head", "conv1", None, 650, ["fc2"]),
    ("full", "fc1", None, 52138, ["conv1", "conv2", "fc1", "fc2"]),
    ("scratch", "fc1", None, 52138, ["conv1", "conv2", "fc1", "fc2"]),
])
def test_finetune_writes_the_run_record(tiny_root, tmp_path, base_id, method, layers, rank, trainable, run_layers):
    out = tmp_path / "run.json"
    code, printed, _ = run("finetune", base_id, *quick(tiny_root), "--task", "inverted", "--method", method,
                           "--layers", layers, "--rank", 2, "--alpha", 4, "--epochs", 1, "--seed", 3,
                           "--limit", 200, "--features", "none", "--json", out)
    assert code == 0
    record = json.loads(out.read_text())
    assert list(record) == RUN_KEYS
    assert (record["base_id"], record["task"], record["method"], record["layers"], record["seed"],
            record["epochs"], record["trainable_params"]) == (base_id, "inverted", method, run_layers, 3, 1, trainable)
    assert (record["rank"], record["alpha"]) == ((2, 4.0) if method == "lora" else (None, None))
    assert record["forgetting"] == pytest.approx(record["base_source_accuracy"] - record["source_accuracy"])
    assert len(record["loss"]) == 7  # 200 images in batches of 32, one epoch
    saved = json.loads((paths.models_dir() / record["model_id"] / "config.json").read_text())
    assert (saved["task"], saved["method"], saved["parent"]) == ("inverted", method, base_id)
    assert "target accuracy" in printed and "forgetting" in printed


def test_experiment_takes_a_task_and_a_method_and_says_what_was_forgotten(tiny_root, tmp_path):
    out = tmp_path / "r.json"
    code, printed, _ = run("experiment", *quick(tiny_root), "--base-epochs", 1, "--lora-epochs", 1,
                           "--limit", 300, "--seeds", "0,1", "--task", "swap-labels", "--method", "head",
                           "--json", out)
    assert code == 0
    result = json.loads(out.read_text())
    assert (result["task"], result["method"], result["feature_lora"]) == ("swap-labels", "head", None)
    assert len(result["head"]["test_accuracy_per_seed"]) == 2
    forgetting = result["forgetting"]["head"]["forgetting"]
    assert forgetting["seeds"] == 2 and forgetting["ci95"][0] <= forgetting["mean"] <= forgetting["ci95"][1]
    assert "Head only: target" in printed and "95 % intervals over the seeds" in printed


def test_a_composite_task_runs_through_finetune_sweep_and_evaluate(tiny_root, tmp_path, base_id):
    code, _, err = run("finetune", base_id, *quick(tiny_root), "--task", "rotate90+swap-labels", "--method", "head",
                       "--epochs", 1, "--json", tmp_path / "f.json")
    assert code == 0, err
    tuned = json.loads((tmp_path / "f.json").read_text())
    assert tuned["task"] == "rotate90+swap-labels"
    code, _, err = run("sweep", "--base", base_id, "--data-dir", tiny_root, "--offline", "--task", "noisy+inverted",
                       "--methods", "head", "--seeds", "0", "--epochs", 1, "--json", tmp_path / "s.json")
    assert code == 0, err
    assert json.loads((tmp_path / "s.json").read_text())["task"] == "noisy+inverted"
    code, _, err = run("evaluate", base_id, tuned["model_id"], "--data-dir", tiny_root, "--json", tmp_path / "e.json")
    rows = json.loads((tmp_path / "e.json").read_text())["models"]
    assert code == 0 and rows[1]["task"] == "rotate90+swap-labels"
    assert rows[1]["target_accuracy"] == tuned["target_accuracy"]
    assert rows[1]["base_target_accuracy"] == tuned["base_target_accuracy"]


def test_evaluate_shows_task_source_and_forgetting(tiny_root, tmp_path, base_id):
    assert run("finetune", base_id, *quick(tiny_root), "--task", "rotate90", "--method", "head", "--epochs", 1,
               "--json", tmp_path / "f.json")[0] == 0
    tuned = json.loads((tmp_path / "f.json").read_text())
    code, printed, _ = run("evaluate", base_id, tuned["model_id"], "--data-dir", tiny_root, "--json",
                           tmp_path / "e.json")
    assert code == 0 and "Target and source tasks" in printed and "rotate90" in printed and "forgot" in printed
    assert max(len(line) for line in printed.splitlines()) <= 80 and tuned["model_id"] in printed
    rows = json.loads((tmp_path / "e.json").read_text())["models"]
    assert rows[1]["task"] == "rotate90" and rows[1]["forgetting"] == pytest.approx(tuned["forgetting"])
    assert rows[1]["target_accuracy"] == tuned["target_accuracy"]
    assert rows[1]["base_target_accuracy"] == tuned["base_target_accuracy"]


def _library_files():
    root = paths.models_dir()
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


@pytest.mark.parametrize(("options", "message"), [
    (["--task", "invertd"], "unknown task 'invertd'; did you mean inverted?"),
    (["--task", "swap-labels+inverted"], "write inverted+swap-labels instead of swap-labels+inverted"),
    (["--task", "inverted+kmnist"], "'kmnist' cannot be part of a composite task"),
    (["--task", "folder:"], "give the folder after the colon"),
    (["--task", "folder:/no/such/folder"], "/no/such/folder: no such folder"),
    (["--task", "fashion-mnist"], "the fashion-mnist task needs Fashion-MNIST, which is not installed"),
    (["--method", "adapters"], "invalid choice: 'adapters'"),
])
@pytest.mark.parametrize("command", ["finetune", "experiment"])
def test_a_bad_task_or_method_is_one_line_and_exit_2_and_writes_nothing(tiny_root, tmp_path, base_id, command,
                                                                        options, message):
    before = _library_files()
    out = tmp_path / "never.json"
    head = ["finetune", base_id] if command == "finetune" else ["experiment", "--base-epochs", 1, "--lora-epochs", 1]
    code, printed, err = run(*head, *quick(tiny_root), "--epochs" if command == "finetune" else "--limit",
                             1 if command == "finetune" else 300, *options, "--json", out)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists() and _library_files() == before


def test_a_bad_own_images_folder_is_one_line_and_exit_2(tiny_root, tmp_path, base_id):
    folder = tmp_path / "mine"
    (folder / "seven").mkdir(parents=True)
    code, _, err = run("finetune", base_id, *quick(tiny_root), "--task", f"folder:{folder}", "--epochs", 1)
    assert code == 2 and "class folders are named by their label" in err and len(err.strip().splitlines()) == 1


def test_fashion_mnist_installed_beside_mnist_is_a_target(tiny_root, tmp_path, base_id):
    root = tmp_path / "root"
    for name, seed in (("mnist", 0), ("fashion-mnist", 1)):
        synthetic.write_folder(datasets.raw_folder(root, name), n_train=100, n_test=40, seed=seed)
    code, _, err = run("finetune", base_id, *quick(root), "--task", "fashion-mnist", "--method", "full",
                       "--epochs", 1, "--json", tmp_path / "f.json")
    assert code == 0, err
    record = json.loads((tmp_path / "f.json").read_text())
    assert record["task"] == "fashion-mnist" and 0 <= record["target_accuracy"] <= 1
