"""The command shown for a run, executed, trains what the window trained (issue 21), and `show-command`.

For each tab, the run is made as the window's job makes it — the same core function on the same data
(gui/base/jobs.py, gui/lora/jobs.py, gui/compare/jobs.py; copied here without Qt: the data set whole from the
data folder, cut to the tab's training images for a base) — then `show-command` prints the saved model's
command, which must be the one the tab's plan gives, and that line, split as a shell splits it, is executed
through `lora_studio.cli.main`. Both runs happen in this process on this machine, from the same seeds, the
same images and the same settings, through the same functions: PyTorch's CPU kernels give the same bits for
the same inputs at the same thread count, so the accuracies are equal, not merely close. The test compares
them to the hundredth of a percent, as the issue promises, and then exactly.
"""

import json
import shlex
import shutil
from pathlib import Path

import pytest
import torch
from adapter_library import saved_adapter, saved_base
from captured_cli import run

from lora_studio.core import paths
from lora_studio.core.config import DataConfig, LoraConfig, TrainConfig
from lora_studio.core.data import datasets
from lora_studio.core.model import lora
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.studies import StudyStore
from lora_studio.core.workflows import runs
from lora_studio.core.workflows.combine import combine_adapters
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.run_command import base_command, finetune_command, sweep_command
from lora_studio.core.workflows.sweep import run_sweep
from lora_studio.core.workflows.sweep_plan import SweepPlan

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "library_f21d0a9"


def same_to_the_hundredth(ours: float, theirs: float) -> None:
    assert f"{100 * ours:.2f}" == f"{100 * theirs:.2f}"
    assert ours == theirs  # the same computation on the same machine: see the module's docstring


def library() -> ModelLibrary:
    return ModelLibrary(paths.models_dir())


def window_base(root: Path, data: DataConfig, config: TrainConfig) -> runs.Run:
    """The Base training tab's job: the data set whole, its first `data.limit` training images, train_base_run."""
    whole = datasets.load_dataset(root, data.dataset)
    dataset = datasets.Dataset(whole.info, whole.train.first(data.limit), whole.test)
    run = runs.train_base_run(dataset, config, library())
    assert run.finished
    return run


def window_finetune(root: Path, plan: FinetunePlan) -> runs.FinetuneRuns:
    """The LoRA tab's job: the base from the library, its data set whole, finetune_runs making the task."""
    base, record = runs.load_base(library(), plan.base_id)
    done = runs.finetune_runs(base, record, datasets.load_dataset(root, record.dataset), plan, library(),
                              data_root=root)
    assert done.unfinished is None
    return done


def shown(model_id: str, root: Path) -> tuple[str, str]:
    code, out, err = run("show-command", model_id, "--data-dir", root)
    assert code == 0, err
    [line] = out.splitlines()
    return line, err


def executed(line: str, tmp_path: Path, *more: str) -> dict:
    """Run a shown line as a shell would split it, offline, and read what its --json wrote."""
    words = shlex.split(line)
    assert words[0] == "lora-studio"
    out = tmp_path / "executed.json"
    code, _, err = run(*words[1:], "--offline", *more, "--json", out)
    assert code == 0, err
    return json.loads(out.read_text())


@pytest.fixture
def base_id(tiny_root):
    return window_base(tiny_root, DataConfig("mnist", 300), TrainConfig(epochs=1, batch_size=32, lr=3e-3)).model_id


@pytest.mark.slow
def test_a_base_trained_in_the_window_is_trained_again_by_its_command(tiny_root, tmp_path):
    data, config = DataConfig("mnist", 400), TrainConfig(epochs=2, batch_size=32, lr=3e-3, seed=3)
    window = window_base(tiny_root, data, config)
    line, notes = shown(window.model_id, tiny_root)
    assert line == base_command(data, config, tiny_root).line() and not notes
    assert "--limit 400" in line and "--seed 3" in line
    result = executed(line, tmp_path)
    same_to_the_hundredth(result["test_accuracy"], window.outcome.predictions.accuracy)
    assert result["train_accuracy"] == window.outcome.record.metrics["train_accuracy"]
    assert library().record(result["id"]).metrics["train_loss"] == window.outcome.record.metrics["train_loss"]


@pytest.mark.slow
def test_a_lora_fine_tuning_with_its_control_over_two_seeds_is_made_again_by_its_command(base_id, tiny_root,
                                                                                         tmp_path):
    plan = FinetunePlan(base_id, LoraConfig(rank=4, alpha=8.0, layers=("conv1", "fc2"), variant="rslora",
                                            lora_plus_ratio=4.0),
                        ("brightness",), True, (0, 1), TrainConfig(epochs=1, batch_size=64, lr=3e-3), limit=300,
                        task="inverted")
    window = window_finetune(tiny_root, plan)
    assert [(r.phase, r.seed) for r in window.runs] == list(plan.runs())
    control_seed_1 = window.runs[3]
    line, notes = shown(control_seed_1.model_id, tiny_root)
    assert line == finetune_command(plan, tiny_root).line()
    assert "--control" in line and "--seeds 0,1" in line and "--variant rslora" in line
    assert "makes 4 models; this one is the control (no extra inputs), seed 1" in notes
    result = executed(line, tmp_path)
    assert [(r["phase"], r["seed"]) for r in result["runs"]] == list(plan.runs())
    for ours, theirs in zip(result["runs"], window.runs, strict=True):
        same_to_the_hundredth(ours["target_accuracy"], theirs.outcome.record.metrics["target_accuracy"])
        same_to_the_hundredth(ours["source_accuracy"], theirs.outcome.record.metrics["source_accuracy"])
        assert ours["loss"] == list(theirs.outcome.result.step_loss)
    assert result["feature_effect"] == window.effect().to_dict()


@pytest.mark.slow
def test_a_compare_sweep_is_run_again_by_its_command(base_id, tiny_root, tmp_path):
    plan = SweepPlan(base_id, task="swap-labels", methods=("lora", "head"), layers=("fc1", "fc2"), ranks=(1, 4),
                     variants=("lora", "dora"), alpha=8.0, lora_plus_ratio=2.0, seeds=(0, 1),
                     train=TrainConfig(epochs=1, lr_schedule="constant"), limit=300)
    base, record = runs.load_base(library(), base_id)
    window = run_sweep(plan, base, record, datasets.load_dataset(tiny_root, "mnist"), library(),
                       StudyStore(paths.studies_dir()), data_root=tiny_root)
    assert window.status == "finished" and len(window.runs) == 10
    result = executed(sweep_command(plan, tiny_root).line(), tmp_path)
    assert [(r["method"], r["variant"], r["rank"], r["seed"]) for r in result["runs"]] == [
        (r["method"], r["variant"], r["rank"], r["seed"]) for r in window.runs]
    for ours, theirs in zip(result["runs"], window.runs, strict=True):
        same_to_the_hundredth(ours["target_accuracy"], theirs["target_accuracy"])
        same_to_the_hundredth(ours["source_accuracy"], theirs["source_accuracy"])
        assert ours["loss"] == theirs["loss"]
    assert result["pareto"] == window.pareto


@pytest.mark.slow
def test_a_model_a_sweep_saved_is_made_again_by_its_own_command(base_id, tiny_root, tmp_path):
    """A sweep's runs keep their learning rate constant: the saved model's `finetune` command says so."""
    plan = SweepPlan(base_id, task="rotate90", methods=("lora", "full"), ranks=(2,), variants=("dora",),
                     seeds=(4,), train=TrainConfig(epochs=1, lr_schedule="constant"), limit=200, save_models=True)
    base, record = runs.load_base(library(), base_id)
    window = run_sweep(plan, base, record, datasets.load_dataset(tiny_root, "mnist"), library(), None,
                       data_root=tiny_root)
    for saved in window.runs:
        line, notes = shown(saved["model_id"], tiny_root)
        assert "--lr-schedule constant" in line and "--seed 4" in line and not notes
        again = executed(line, tmp_path)
        assert (again["method"], again["variant"], again["rank"]) == (saved["method"], saved["variant"],
                                                                      saved["rank"])
        same_to_the_hundredth(again["target_accuracy"], saved["target_accuracy"])
        assert again["loss"] == saved["loss"]  # finer than the accuracy of 200 test images: every step's loss


def test_finetune_names_each_of_several_runs_and_refuses_seed_with_seeds(base_id, tiny_root, tmp_path):
    code, _, err = run("finetune", base_id, "--data-dir", tiny_root, "--offline", "--seed", 1, "--seeds", "0,1")
    assert code == 2 and "give --seed or --seeds, not both" in err and err.count("\n") == 1
    code, out, err = run("finetune", base_id, "--data-dir", tiny_root, "--offline", "--epochs", 1, "--limit", 200,
                         "--seeds", "2,5", "--control", "--name", "mine", "--json", tmp_path / "f.json")
    assert code == 0, err
    result = json.loads((tmp_path / "f.json").read_text())
    assert [(r["phase"], r["seed"], r["features"]) for r in result["runs"]] == [
        ("feature_lora", 2, ["brightness"]), ("control_lora", 2, []), ("feature_lora", 5, ["brightness"]),
        ("control_lora", 5, [])]
    names = [library().record(r["model_id"]).name for r in result["runs"]]
    assert names == ["mine · Feature+LoRA · seed 2", "mine · Control · seed 2", "mine · Feature+LoRA · seed 5",
                     "mine · Control · seed 5"]
    assert result["feature_effect"] is not None and "Feature effect" in out


def test_show_command_json_and_a_base_no_longer_in_the_library(base_id, tiny_root, tmp_path):
    code, _, err = run("finetune", base_id, "--data-dir", tiny_root, "--offline", "--epochs", 1, "--limit", 200,
                       "--method", "head", "--task", "noisy", "--json", tmp_path / "f.json")
    assert code == 0, err
    model_id = json.loads((tmp_path / "f.json").read_text())["model_id"]
    assert run("models", "delete", base_id)[0] == 0
    code, out, err = run("show-command", model_id, "--json", tmp_path / "c.json")
    assert code == 0
    shown_json = json.loads((tmp_path / "c.json").read_text())
    assert shown_json["command"] == out.strip() and shown_json["argv"] == shlex.split(out)[1:]
    assert shown_json["model_id"] == model_id and "--data-dir" not in shown_json["argv"]
    assert f"The base model {base_id} is no longer in the library" in err
    assert any(base_id in note for note in shown_json["notes"])
    assert "--method head" in out and "--layers" not in out and "--features" not in out


def test_show_command_of_a_model_that_is_not_there_is_one_line_exit_2():
    code, out, err = run("show-command", "no-such-model")
    assert code == 2 and not out and err.count("\n") == 1 and "no-such-model" in err


@pytest.fixture
def old_library(app_home):
    shutil.copytree(FIXTURE / "models", paths.models_dir())


def test_models_saved_by_an_older_version_give_a_command_and_say_what_is_not_known(old_library, tmp_path):
    """Those records have no series (the seeds and the control that ran beside a model) and no LoRA variant;
    their training images (300) are known. Each command makes that model alone, and says so."""
    code, base, err = run("show-command", "base-20261201-113413", "--data-dir", tmp_path / "data")
    assert code == 0 and not err
    assert shlex.split(base)[1:] == ["train-base", "--dataset", "mnist", "--data-dir", str(tmp_path / "data"),
                                     "--epochs", "1", "--batch-size", "64", "--lr", "0.001", "--seed", "0",
                                     "--limit", "300"]
    for model_id, features in (("feature-lora-20261201-113414", "brightness"),
                               ("control-lora-20261201-113414", "none")):
        code, line, err = run("show-command", model_id)
        assert code == 0
        words = shlex.split(line)
        assert words[1:3] == ["finetune", "base-20261201-113413"]
        for option, value in (("--layers", "conv1,fc1,fc2"), ("--rank", "4"), ("--alpha", "8"),
                              ("--features", features), ("--limit", "300"), ("--seed", "0"), ("--variant", "lora")):
            assert words[words.index(option) + 1] == value, option
        assert "--no-control" in words and "--seeds" not in words
        assert err.startswith("note: Saved before LoRA Studio recorded a fine-tuning's other runs: this command "
                              "makes this model alone (seed 0)"), err


@pytest.mark.parametrize(("how", "rank", "density"), [
    ("cat", None, 0.2), ("linear", None, 0.2), ("svd", 3, 0.2), ("ties", None, 0.35), ("magnitude_prune", None, 0.5)])
def test_a_combination_is_made_again_by_its_command_with_the_same_adapter(how, rank, density, tmp_path):
    """A combined adapter's command is `combine` from its parents (not a `finetune` that never ran): executed,
    it saves a new model whose adapter tensors are exactly the first one's (the same arithmetic on the same
    tensors), with the same record of where it came from."""
    models = library()
    saved_base(models)
    first = saved_adapter(models, "base-0", ("conv1", "fc2"), rank=4, seed=1, task="inverted")
    second = saved_adapter(models, "base-0", ("fc1", "fc2"), rank=4, seed=2, variant="rslora")
    combined = combine_adapters(models, [(first, 1.5), (second, -0.25)], how, rank=rank, density=density)
    line, notes = shown(combined, tmp_path)
    words = shlex.split(line)
    assert words[1:5] == ["combine", f"{first}:1.5", f"{second}:-0.25", "--how"] and "finetune" not in words
    assert f"combines {first}, {second} again, so they must be in the library" in notes.replace("\n", " ")
    code, _, err = run(*words[1:], "--json", tmp_path / "again.json")
    assert code == 0, err
    again = json.loads((tmp_path / "again.json").read_text())["id"]
    assert again != combined and models.record(again).combination == models.record(combined).combination
    ours, theirs = (lora.lora_layers(models.load(i)[0]) for i in (combined, again))
    assert ours.keys() == theirs.keys() == {"conv1", "fc1", "fc2"}
    for name, layer in ours.items():
        assert torch.equal(layer.lora_A, theirs[name].lora_A) and torch.equal(layer.lora_B, theirs[name].lora_B)
        assert layer.scaling == theirs[name].scaling
