"""`lora-studio sweep`: the same records as the core's run_sweep, its JSON and CSV, bad settings (exit 2);
`--variant` and `--lora-plus-ratio` wherever LoRA is configured."""

import csv
import json

import pytest
from captured_cli import run

from lora_studio.core import paths
from lora_studio.core.config import TrainConfig
from lora_studio.core.data import datasets
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.studies import RUN_KEYS
from lora_studio.core.workflows.runs import load_base
from lora_studio.core.workflows.sweep import run_sweep
from lora_studio.core.workflows.sweep_plan import SweepPlan

QUICK = ["--batch-size", 32, "--lr", 3e-3]


@pytest.fixture
def base_id(tiny_root, tmp_path):
    code, _, err = run("train-base", "--data-dir", tiny_root, "--offline", *QUICK, "--epochs", 1,
                       "--json", tmp_path / "b.json")
    assert code == 0, err
    return json.loads((tmp_path / "b.json").read_text())["id"]


def test_a_sweep_from_the_command_line_gives_the_cores_records(base_id, tiny_root, tmp_path):
    code, out, err = run("sweep", "--base", base_id, "--data-dir", tiny_root, "--offline", "--task", "inverted",
                         "--methods", "lora,head", "--ranks", "1,4", "--variants", "lora,rslora", "--seeds", "0,1",
                         *QUICK, "--json", tmp_path / "s.json", "--csv", tmp_path / "s.csv")
    assert code == 0, err
    study = json.loads((tmp_path / "s.json").read_text())
    assert (study["base_id"], study["task"], study["status"], len(study["runs"])) == (base_id, "inverted",
                                                                                    "finished", 10)
    assert {"version", "runs", "pareto"} <= set(study) and study["pareto"]
    assert all(set(RUN_KEYS) <= set(record) for record in study["runs"])
    assert "Pareto front" in out and "Study saved as" in out

    with open(tmp_path / "s.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 10 and rows[0]["layers"] == "fc1+fc2" and "loss" not in rows[0]
    assert [float(row["target_accuracy"]) for row in rows] == [r["target_accuracy"] for r in study["runs"]]

    library = ModelLibrary(paths.models_dir())
    base, record = load_base(library, base_id)
    plan = SweepPlan(base_id, task="inverted", methods=("lora", "head"), ranks=(1, 4), variants=("lora", "rslora"),
                     seeds=(0, 1), train=TrainConfig(epochs=1, batch_size=32, lr=3e-3, lr_schedule="constant"))
    direct = run_sweep(plan, base, record, datasets.load_dataset(tiny_root, "mnist"), library)
    for ours, theirs in zip(study["runs"], direct.runs, strict=True):
        for key in ("method", "variant", "rank", "seed", "trainable_params", "target_accuracy", "source_accuracy",
                    "forgetting"):
            assert ours[key] == theirs[key], key
    assert study["pareto"] == direct.pareto


def test_train_base_first_then_sweep(tiny_root, tmp_path):
    code, out, err = run("sweep", "--train-base", "--base-epochs", 1, "--data-dir", tiny_root, "--offline",
                         "--ranks", "2", *QUICK, "--json", tmp_path / "s.json")
    assert code == 0, err
    study = json.loads((tmp_path / "s.json").read_text())
    kinds = {entry.record.kind for entry in ModelLibrary(paths.models_dir()).list()}
    assert kinds == {"base"}, "the base is saved; the sweep's models are not, unasked"
    assert study["base_id"] in out and len(study["runs"]) == 1


@pytest.mark.parametrize("args, message", [
    ((), "give --base BASE_ID, or --train-base"),
    (("--base", "b", "--methods", "lora,bogus"), "method must be one of"),
    (("--base", "b", "--ranks", "0"), "rank must be between"),
    (("--base", "b", "--variants", "vera"), "variant must be one of"),
    (("--base", "no-such-model"), "no model 'no-such-model'"),
    (("--base", "b", "--ranks", "two"), "expected whole numbers"),
])
def test_bad_sweep_settings_are_one_line_and_exit_2_and_write_nothing(args, message, tmp_path):
    code, _, err = run("sweep", *args, "--json", tmp_path / "s.json")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s.json").exists() and not paths.studies_dir().exists()


def test_finetune_takes_a_variant_and_a_lora_plus_ratio(base_id, tiny_root, tmp_path):
    code, _, err = run("finetune", base_id, "--data-dir", tiny_root, "--offline", *QUICK, "--epochs", 1,
                       "--variant", "dora", "--lora-plus-ratio", 16, "--rank", 2, "--json", tmp_path / "r.json")
    assert code == 0, err
    record = json.loads((tmp_path / "r.json").read_text())
    assert (record["variant"], record["lora_plus_ratio"], record["rank"]) == ("dora", 16.0, 2)
    _, saved = ModelLibrary(paths.models_dir()).load(record["model_id"])
    assert saved.lora.variant == "dora" and saved.lora.lora_plus_ratio == 16.0
    code, _, err = run("finetune", base_id, "--data-dir", tiny_root, "--offline", "--variant", "vera")
    assert code == 2 and "invalid choice" in err
