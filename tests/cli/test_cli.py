"""The command line end to end on tiny generated data: JSON, library commands, and one-line errors."""

import csv
import json
import subprocess
import sys

import pytest

from lora_studio.cli import main
from lora_studio.core.data import synthetic

PHASE_KEYS = {"test_accuracy", "test_accuracy_per_seed", "train_accuracy", "epoch_seconds", "wall_seconds",
              "trainable_params", "total_params"}


def run(*args):
    return main([str(a) for a in args])


def quick(tiny_root):
    return ["--data-dir", tiny_root, "--offline", "--batch-size", 32, "--lr", 3e-3]


def test_experiment_writes_exactly_the_documented_json(tiny_root, tmp_path, capsys):
    out = tmp_path / "r.json"
    code = run("experiment", *quick(tiny_root), "--base-epochs", 2, "--lora-epochs", 1, "--seeds", "0,1",
               "--json", out)
    assert code == 0
    result = json.loads(out.read_text())
    assert {"version", "dataset", "seeds", "base", "feature_lora", "control_lora", "feature_effect"} <= set(result)
    assert result["seeds"] == [0, 1] and result["dataset"] == "mnist"
    for phase in ("base", "feature_lora", "control_lora"):
        assert PHASE_KEYS <= set(result[phase])
        assert len(result[phase]["test_accuracy_per_seed"]) == 2
    assert len(result["base"]["epoch_seconds"]) == 4 and len(result["base"]["train_accuracy"]) == 2
    assert result["base"]["test_accuracy"] > 0.8
    assert result["feature_lora"]["trainable_params"] == 7448
    assert result["feature_lora"]["total_params"] == 59586
    effect = result["feature_effect"]
    low, high = effect["ci95"]
    assert low <= effect["mean_delta"] <= high
    printed = capsys.readouterr().out
    # the phases by the core's titles (the experiment's LoRA run without the feature is its control)
    assert "Feature effect" in printed and "Feature+LoRA" in printed and "Control" in printed and "In words:" in printed
    run("models", "list")
    assert printed.count("seed") >= 1
    listing = capsys.readouterr().out
    assert listing.count("base") >= 2  # both seeds' base models were saved


def test_no_control_gives_null_control_and_effect(tiny_root, tmp_path):
    out = tmp_path / "r.json"
    assert run("experiment", *quick(tiny_root), "--base-epochs", 1, "--lora-epochs", 1, "--no-control",
               "--no-save", "--limit", 300, "--json", out) == 0
    result = json.loads(out.read_text())
    assert result["control_lora"] is None and result["feature_effect"] is None
    assert result["train_images"] == 300


def test_train_finetune_evaluate_export_delete(tiny_root, tmp_path, capsys, app_home):
    assert run("train-base", *quick(tiny_root), "--epochs", 1, "--json", tmp_path / "b.json") == 0
    base_id = json.loads((tmp_path / "b.json").read_text())["id"]
    assert run("finetune", base_id, *quick(tiny_root), "--epochs", 1, "--rank", 4, "--layers", "conv2,fc2",
               "--json", tmp_path / "f.json") == 0
    tuned = json.loads((tmp_path / "f.json").read_text())
    assert tuned["trainable_params"] == 4 * 8 * 9 + 16 * 4 + 4 * 64 + 10 * 4 + 64
    capsys.readouterr()

    assert run("evaluate", base_id, tuned["model_id"], "--data-dir", tiny_root, "--confusion-csv", tmp_path / "c.csv",
               "--predictions", tmp_path / "p.csv", "--json", tmp_path / "e.json") == 0
    rows = list(csv.reader((tmp_path / "c.csv").open()))
    assert len(rows) == 11 and sum(int(v) for row in rows[1:] for v in row[1:]) == 200
    predictions = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert len(predictions) == 400 and {"model", "label", "predicted", "confidence"} <= set(predictions[0])
    evaluation = json.loads((tmp_path / "e.json").read_text())
    assert [m["id"] for m in evaluation["models"]] == [base_id, tuned["model_id"]]

    assert run("models", "show", tuned["model_id"]) == 0
    assert '"format_version"' in capsys.readouterr().out
    merged = tmp_path / "merged.safetensors"
    assert run("models", "export", tuned["model_id"], "--merged", merged) == 0 and merged.stat().st_size > 100_000
    assert run("models", "rename", base_id, "First base") == 0
    assert run("models", "delete", base_id) == 0
    assert not (app_home / "models" / base_id).exists()


def test_data_import_then_experiment_from_the_app_folder(tmp_path, app_home):
    source = synthetic.write_folder(tmp_path / "src", 300, 100, gz=True)
    assert run("data", "import", source) == 0
    assert (app_home / "datasets" / "MNIST" / "raw" / "train-images-idx3-ubyte").is_file()
    assert run("experiment", "--offline", "--base-epochs", 1, "--lora-epochs", 1, "--no-control",
               "--batch-size", 32, "--lr", 3e-3) == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["experiment", "--rank", "0"], "rank must be between 1 and 64"),
        (["experiment", "--rank", "abc"], "invalid int value"),
        (["experiment", "--lr", "-1"], "learning rate must be between"),
        (["experiment", "--batch-size", "0"], "batch_size must be between"),
        (["experiment", "--base-epochs", "1000"], "epochs must be between"),
        (["experiment", "--layers", "fc3"], "layer must be one of"),
        (["experiment", "--features", "colour"], "unknown feature 'colour'"),
        (["experiment", "--seeds", "1,1"], "a seed is listed twice"),
        (["experiment", "--limit", "3"], "limit must be between"),
        (["evaluate", "no-such-model"], "no model 'no-such-model'"),
        (["evaluate", "../../etc"], "is not a model id"),
        (["models", "show", "missing"], "no model 'missing'"),
        (["finetune", "missing"], "no model 'missing'"),
        (["data", "import", "/nonexistent/folder"], "is not a folder"),
    ],
)
def test_bad_input_gets_one_line_and_exit_code_2(args, message, tiny_root, capfd):
    if args[0] == "experiment":
        args = [*args, "--data-dir", str(tiny_root), "--offline"]
    assert exit_code(args) == 2
    err = capfd.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_broken_data_folder_is_one_line_in_a_real_process(tmp_path):
    raw = synthetic.write_folder(tmp_path / "MNIST" / "raw", 100, 50)
    (raw / "train-images-idx3-ubyte").write_bytes(b"garbage")
    proc = subprocess.run([sys.executable, "-m", "lora_studio", "experiment", "--data-dir", str(tmp_path),
                           "--offline"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "train-images-idx3-ubyte" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_data_offline_says_how_to_get_it(tmp_path, capfd):
    assert main(["experiment", "--data-dir", str(tmp_path), "--offline"]) == 2
    assert "lora-studio data import" in capfd.readouterr().err


def test_version_and_self_test(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "lora-studio 0.1.0" in capsys.readouterr().out
    assert main(["self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def exit_code(args) -> int:
    """main()'s return value, or the code argparse exits with for a malformed command line."""
    try:
        return main(args)
    except SystemExit as exit:
        return exit.code


def test_a_training_that_learned_nothing_is_saved_with_a_warning(tiny_root, capsys, app_home):
    """Adam with lr 100 keeps the weights finite: the run "finishes" at chance accuracy. The model is saved
    (exit 0: it is what was asked for) and a warning says why it is no use."""
    assert run("train-base", "--data-dir", tiny_root, "--offline", "--epochs", 1, "--lr", 100) == 0
    captured = capsys.readouterr()
    assert "Saved base model" in captured.out
    [warning] = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert "Base CNN: The model learned nothing useful" in warning and "learning rate 100" in warning, warning
    assert run("train-base", "--data-dir", tiny_root, "--offline", "--epochs", 1, "--lr", 3e-3,
               "--batch-size", 32) == 0
    assert "warning:" not in capsys.readouterr().err


def test_finetune_makes_the_experiments_models_bit_for_bit(tiny_root, tmp_path):
    """`finetune` and `experiment` are one workflow: from the experiment's base, the same seed and settings give
    the experiment's feature model and its control, weight for weight."""
    import torch

    from lora_studio.core import paths
    from lora_studio.core.storage.library import ModelLibrary

    out = tmp_path / "r.json"
    assert run("experiment", *quick(tiny_root), "--base-epochs", 1, "--lora-epochs", 1, "--limit", 300,
               "--json", out) == 0
    result = json.loads(out.read_text())
    library = ModelLibrary(paths.models_dir())
    for features, phase, kind in (("brightness", "feature_lora", "feature_lora"), ("none", "control_lora", "lora")):
        assert run("finetune", result["base"]["model_ids"][0], *quick(tiny_root), "--epochs", 1, "--limit", 300,
                   "--features", features, "--json", tmp_path / "f.json") == 0
        tuned = json.loads((tmp_path / "f.json").read_text())
        ours, record = library.load(tuned["model_id"])
        theirs = library.load(result[phase]["model_ids"][0])[0]
        assert record.kind == kind and tuned["target_accuracy"] == result[phase]["test_accuracy_per_seed"][0]
        a, b = ours.state_dict(), theirs.state_dict()
        assert list(a) == list(b) and all(torch.equal(a[k], b[k]) for k in a), phase
