"""Fine-tuning for a target task by each method, forgetting, the run record and adapter strength (issue 12).

A tiny generated MNIST is the source task; Fashion-MNIST and KMNIST are small generated IDX folders beside it,
and a folder of PNGs made from the tiny MNIST is an own-images task.
"""

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from lora_studio.core.config import ConfigError, LoraConfig, TrainConfig
from lora_studio.core.data import datasets, synthetic
from lora_studio.core.data.task_names import folder_task_name
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import DataError, StorageError
from lora_studio.core.evaluation.scores import difference_sentence, mean_interval, predict
from lora_studio.core.evaluation.strength import STRENGTH_STEPS, accuracy_by_strength
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training import prefix_cache
from lora_studio.core.workflows import recipes, runs
from lora_studio.core.workflows.evaluation_report import evaluate_models
from lora_studio.core.workflows.experiment import run_experiment
from lora_studio.core.workflows.plans import ExperimentConfig, FinetunePlan

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
TASKS = ("same", "inverted", "rotate90", "noisy", "swap-labels", "fashion-mnist", "kmnist", "folder",
         "inverted+swap-labels")
METHODS = ("lora", "head", "full", "scratch")
RUN_KEYS = ["model_id", "base_id", "task", "method", "variant", "layers", "rank", "alpha", "lora_plus_ratio", "seed",
            "epochs", "trainable_params", "total_params", "target_accuracy", "source_accuracy",
            "base_target_accuracy", "base_source_accuracy", "forgetting", "wall_seconds", "loss"]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """A data root with a tiny MNIST (300 training, 100 test images), Fashion-MNIST and KMNIST."""
    root = tmp_path_factory.mktemp("task-data")
    synthetic.write_folder(datasets.raw_folder(root, "mnist"), n_train=300, n_test=100, seed=0)
    synthetic.write_folder(datasets.raw_folder(root, "fashion-mnist"), n_train=120, n_test=60, seed=1)
    synthetic.write_folder(datasets.raw_folder(root, "kmnist"), n_train=120, n_test=60, seed=2, gz=True)
    return root


@pytest.fixture(scope="module")
def source(root):
    return datasets.load_dataset(root, "mnist")


@pytest.fixture(scope="module")
def own_folder(tmp_path_factory, source) -> Path:
    """Five PNGs per class, 40 × 40, made from the tiny MNIST's training images."""
    folder = tmp_path_factory.mktemp("own") / "digits"
    images, labels = source.train.images.numpy(), source.train.labels.numpy()
    for label in range(10):
        (folder / str(label)).mkdir(parents=True)
        for k, index in enumerate(np.flatnonzero(labels == label)[:5]):
            Image.fromarray(images[index]).resize((40, 40)).save(folder / str(label) / f"{k}.png")
    return folder


@pytest.fixture(scope="module")
def based(source, tmp_path_factory):
    """A base model trained on the tiny MNIST and saved: (library, base model, its record)."""
    library = ModelLibrary(tmp_path_factory.mktemp("library"))
    run = runs.train_base_run(source, TrainConfig(epochs=2, batch_size=32, lr=3e-3), library)
    base, record = runs.load_base(library, run.model_id)
    return library, base, record


def task_name(task: str, own_folder: Path) -> str:
    return folder_task_name(own_folder) if task == "folder" else task


def plan_for(record, task: str, method: str, **changes) -> FinetunePlan:
    settings = {"lora": LoraConfig(), "features": (), "control": False, "seeds": (0,), "train": QUICK} | changes
    return FinetunePlan(record.id, task=task, method=method, **settings)


def same_state(a: torch.nn.Module, b: torch.nn.Module, prefix: str = "") -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return all(torch.equal(sa[k], sb[k]) for k in sa if k.startswith(prefix))


# --- the plan ---------------------------------------------------------------------------------------------


def test_a_plan_of_another_method_runs_once_per_seed_without_features_or_control():
    plan = FinetunePlan("b", seeds=(0, 1), method="head")  # brightness and the control are the defaults
    assert plan.runs() == (("head", 0), ("head", 1)) and plan.task == "same"
    # LoRA: without extra features a plain LoRA run, the control of nothing; with them the feature run, then its
    # control when one is asked for
    assert FinetunePlan("b", method="lora", features=()).runs() == (("lora", 0),)
    assert FinetunePlan("b", seeds=(0, 1)).runs() == (("feature_lora", 0), ("control_lora", 0), ("feature_lora", 1),
                                                     ("control_lora", 1))
    assert FinetunePlan("b", control=False).runs() == (("feature_lora", 0),)
    # a control asked for where there is nothing to compare it with is not in the plan, so neither is it in the
    # plan's command (`--no-control`) nor in what its runs are told
    assert not FinetunePlan("b", features=()).control and not FinetunePlan("b", method="head").control
    assert FinetunePlan("b").control


@pytest.mark.parametrize(("changes", "complaint"), [
    ({"method": "adapters"}, "method must be one of lora, head, full, scratch"),
    ({"task": "invertd"}, "unknown task 'invertd'; did you mean inverted?"),
    ({"task": "folder:"}, "give the folder after the colon"),
])
def test_a_plan_refuses_an_unknown_method_or_task(changes, complaint):
    with pytest.raises(ConfigError, match=complaint):
        FinetunePlan("b", **changes)
    with pytest.raises(ConfigError, match=complaint):
        ExperimentConfig(**changes)


def test_a_folder_task_is_recorded_with_its_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert FinetunePlan("b", task="folder:mine").task == f"folder:{tmp_path / 'mine'}"


# --- every task by every method -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("task", TASKS)
def test_every_task_trains_with_every_method_and_records_what_it_forgot(task, method, based, source, root,
                                                                       own_folder):
    library, base, record = based
    name = task_name(task, own_folder)
    done = runs.finetune_runs(base, record, source, plan_for(record, name, method), library, data_root=root)
    [run] = done.runs
    assert run.finished and run.phase == method  # a LoRA run without extra inputs: a "lora" run
    target = make_task(name, source, root)
    saved = library.record(run.model_id)
    assert (saved.kind, saved.task, saved.method, saved.dataset, saved.parent) == (
        run.phase, name, method, "mnist", record.id)
    m = saved.metrics
    model, _ = library.load(run.model_id)
    # scored again from the saved model: on the target task's test split and on the source's (MNIST's)
    assert m["target_accuracy"] == m["test_accuracy"] == predict(model, target.test.images,
                                                                   target.test.labels).accuracy
    assert m["source_accuracy"] == predict(model, source.test.images, source.test.labels).accuracy
    assert m["base_target_accuracy"] == predict(base, target.test.images, target.test.labels).accuracy
    assert m["base_source_accuracy"] == predict(base, source.test.images, source.test.labels).accuracy
    assert m["forgetting"] == m["base_source_accuracy"] - m["source_accuracy"]
    assert m["test_images"] == len(target.test) and m["train_images"] == len(target.train)
    expected_trainable = {"lora": 7376, "head": 650, "full": 52138, "scratch": 52138}[method]
    assert (m["trainable_params"], m["total_params"]) == (expected_trainable, 52138 + (7376 if method == "lora" else 0))


def test_head_trains_fc2_alone_and_full_changes_every_layer(based, source):
    library, base, record = based
    head = recipes.finetune(base, record, make_task("inverted", source, None), LoraConfig(), (), QUICK,
                            method="head", task="inverted")
    assert same_state(head.model, base, "conv") and same_state(head.model, base, "fc1")
    assert not torch.equal(head.model.fc2.weight, base.fc2.weight)
    full = recipes.finetune(base, record, make_task("inverted", source, None), LoraConfig(), (), QUICK,
                            method="full", task="inverted")
    for name in ("conv1", "conv2", "fc1", "fc2"):
        assert not torch.equal(getattr(full.model, name).weight, getattr(base, name).weight), name
    assert full.record.transfer["copied"] and full.record.lora is None and full.record.features is None


def test_scratch_owes_nothing_to_the_bases_weights(based, source):
    library, base, record = based
    other = MnistCNN(record.model)
    with torch.no_grad():
        for parameter in other.parameters():
            parameter.zero_()
    target = make_task("rotate90", source, None)
    fresh = recipes.finetune(base, record, target, LoraConfig(), (), QUICK, method="scratch", task="rotate90")
    again = recipes.finetune(other, record, target, LoraConfig(), (), QUICK, method="scratch", task="rotate90")
    assert same_state(fresh.model, again.model) and fresh.record.transfer is None
    reseeded = recipes.finetune(base, record, target, LoraConfig(), (), dataclasses.replace(QUICK, seed=1),
                                method="scratch", task="rotate90")
    assert not same_state(fresh.model, reseeded.model)


def test_other_methods_take_no_extra_features(based, source):
    _, base, record = based
    with pytest.raises(ValueError, match="the head method takes no extra features"):
        recipes.finetune(base, record, source, LoraConfig(), ("brightness",), QUICK, method="head")


def test_the_same_task_scores_the_source_once_and_the_limit_cuts_the_target(based, source):
    _, base, record = based
    [run] = runs.finetune_runs(base, record, source, plan_for(record, "same", "lora", limit=100)).runs
    m = run.outcome.record.metrics
    assert m["target_accuracy"] == m["source_accuracy"] and m["base_target_accuracy"] == m["base_source_accuracy"]
    assert run.outcome.source_predictions is run.outcome.predictions and m["train_images"] == 100


def test_a_bad_target_is_refused_before_any_training(based, source, root, tmp_path):
    library, base, record = based
    before = sorted(p.name for p in library.root.iterdir())
    empty = tmp_path / "empty"
    empty.mkdir()
    for task, problem in ((folder_task_name(empty), "holds no class folders"),
                          (folder_task_name(tmp_path / "none"), "no such folder")):
        with pytest.raises(DataError, match=problem):
            runs.finetune_runs(base, record, source, plan_for(record, task, "lora"), library, data_root=root)
    with pytest.raises(DataError, match="needs Fashion-MNIST, which is not installed"):
        runs.finetune_runs(base, record, source, plan_for(record, "fashion-mnist", "head"), library,
                           data_root=tmp_path)
    assert sorted(p.name for p in library.root.iterdir()) == before


def test_the_target_task_is_made_once_per_series_and_its_conv_output_computed_once(based, source, monkeypatch):
    """LoRA on fc1/fc2 and the head never run the base's convolutions again: one pass over each split, whatever
    the number of seeds (the prefix cache finds the target's tensors again because they are made once)."""
    _, base, record = based
    computed = []
    real = prefix_cache.prefix_output
    monkeypatch.setattr(prefix_cache, "prefix_output", lambda *a: computed.append(len(a[1])) or real(*a))
    for seeds in ((0,), (0, 1, 2)):
        computed.clear()
        plan = dataclasses.replace(plan_for(record, "inverted", "lora"), seeds=seeds, features=("brightness",),
                                   control=True)
        done = runs.finetune_runs(base, record, source, plan)
        assert len(done.finished) == 2 * len(seeds)
        # the base on the inverted and the source test split, then the inverted training split
        assert sorted(computed) == [100, 100, 300], seeds


# --- the run record ------------------------------------------------------------------------------------------


def test_the_run_record_is_products_run(based, source, root):
    library, base, record = based
    plan = plan_for(record, "swap-labels", "lora", lora=LoraConfig(rank=2, alpha=4, layers=("conv1",)))
    [run] = runs.finetune_runs(base, record, source, plan, library, data_root=root).runs
    entry = runs.run_record(run, record.id)
    assert list(entry) == RUN_KEYS
    m = run.outcome.record.metrics
    assert entry | {"wall_seconds": 0, "loss": []} == {
        "model_id": run.model_id, "base_id": record.id, "task": "swap-labels", "method": "lora", "variant": "lora",
        "layers": ["conv1"], "rank": 2, "alpha": 4.0, "lora_plus_ratio": 1.0, "seed": 0, "epochs": 1,
        "trainable_params": 2 * 9 + 8 * 2, "total_params": 52138 + 2 * 9 + 8 * 2,
        "target_accuracy": m["target_accuracy"], "source_accuracy": m["source_accuracy"],
        "base_target_accuracy": m["base_target_accuracy"], "base_source_accuracy": m["base_source_accuracy"],
        "forgetting": m["forgetting"], "wall_seconds": 0, "loss": []}
    assert entry["wall_seconds"] == run.outcome.wall_seconds > 0
    assert len(entry["loss"]) == math.ceil(300 / 32) and all(math.isfinite(v) for v in entry["loss"])
    json.dumps(entry, allow_nan=False)

    [head] = runs.finetune_runs(base, record, source, plan_for(record, "inverted", "head")).runs
    entry = runs.run_record(head, record.id)
    assert (entry["model_id"], entry["rank"], entry["alpha"], entry["layers"], entry["variant"]) == (
        None, None, None, ["fc2"], "none")


# --- records ---------------------------------------------------------------------------------------------


def test_a_record_saved_without_task_or_method_is_a_lora_run_on_the_same_task(based, source):
    library, base, record = based
    [run] = runs.finetune_runs(base, record, source, plan_for(record, "same", "lora"), library).runs
    path = library.folder(run.model_id) / "config.json"
    config = json.loads(path.read_text())
    assert (config["task"], config["method"]) == ("same", "lora")
    del config["task"], config["method"]
    path.write_text(json.dumps(config))
    assert (library.record(run.model_id).task, library.record(run.model_id).method) == ("same", "lora")
    base_config = json.loads((library.folder(record.id) / "config.json").read_text())
    assert (base_config["task"], base_config["method"]) == ("same", None)


@pytest.mark.parametrize(("changes", "complaint"), [
    ({"method": "head"}, "a lora model is made by lora, not head"),
    ({"kind": "head"}, "a head model is made by head, not lora"),
    ({"kind": "head", "method": "head"}, "a head model cannot have LoRA settings"),
    ({"task": "rotate"}, "unknown task 'rotate'"),
])
def test_a_record_whose_kind_method_and_task_disagree_is_refused(based, source, changes, complaint):
    library, base, record = based
    [run] = runs.finetune_runs(base, record, source, plan_for(record, "same", "lora"), library).runs
    path = library.folder(run.model_id) / "config.json"
    path.write_text(json.dumps(json.loads(path.read_text()) | changes))
    with pytest.raises(StorageError, match=complaint):
        library.record(run.model_id)


def test_a_base_model_on_another_task_is_refused(based):
    library, _, record = based
    path = library.folder(record.id) / "config.json"
    saved = path.read_text()
    try:
        path.write_text(json.dumps(json.loads(saved) | {"task": "inverted"}))
        with pytest.raises(StorageError, match="a base model is trained on its own data set"):
            library.record(record.id)
    finally:
        path.write_text(saved)


# --- evaluation -------------------------------------------------------------------------------------------


def test_evaluation_scores_each_model_on_its_task_and_the_source_with_its_base_as_reference(based, source, root):
    library, base, record = based
    ids = [record.id]
    for task, method, layers in (("inverted", "lora", ("conv1", "fc2")), ("inverted", "head", ("fc2",)),
                                 ("kmnist", "full", ("fc2",))):
        plan = plan_for(record, task, method, lora=LoraConfig(layers=layers))
        ids += runs.finetune_runs(base, record, source, plan, library, data_root=root).model_ids
    report = evaluate_models(library, ids, lambda name: datasets.load_dataset(root, name), data_root=root,
                             strengths=(0.0, 1.0))
    assert set(report.tasks) == {"same", "inverted", "kmnist"}
    assert np.array_equal(report.tasks["inverted"].images, 255 - report.images)
    assert np.array_equal(report.tasks["kmnist"].labels, datasets.load_dataset(root, "kmnist").test.labels.numpy())
    first = report.models[0]
    assert first.forgetting == 0 and first.reference is None and first.target_accuracy == first.source_accuracy
    for model in report.models[1:]:
        m = model.record.metrics
        assert (model.target_accuracy, model.source_accuracy, model.forgetting) == (
            m["target_accuracy"], m["source_accuracy"], m["forgetting"])
        assert (model.base_target_accuracy, model.base_source_accuracy) == (
            m["base_target_accuracy"], m["base_source_accuracy"])
        assert model.reference is report.reference(record.id, model.task)
        assert len(model.brightness_errors.images) == len(report.edges) - 1
        assert (model.strength_curve is None) == (model.record.lora is None)
    curve = report.models[1].strength_curve
    assert curve.target_accuracy == (report.models[1].base_target_accuracy, report.models[1].target_accuracy)
    assert curve.source_accuracy == (report.models[1].base_source_accuracy, report.models[1].source_accuracy)
    assert len(report.references) == 2  # the base on inverted (for both of its models) and on kmnist


def test_evaluation_without_the_base_in_the_library_has_no_reference(based, source, root, tmp_path):
    library, base, record = based
    [run] = runs.finetune_runs(base, record, source, plan_for(record, "noisy", "head"), library).runs
    alone = ModelLibrary(tmp_path / "alone")
    model, saved = library.load(run.model_id)
    alone.save(model, saved, run.model_id)
    report = evaluate_models(alone, [run.model_id], lambda name: datasets.load_dataset(root, name))
    [evaluated] = report.models
    assert evaluated.reference is None and evaluated.forgetting is None
    assert evaluated.target_accuracy == saved.metrics["target_accuracy"]


# --- adapter strength ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("layers", [("fc1", "fc2"), ("conv1", "fc1")])
def test_strength_zero_is_the_base_bit_for_bit_and_one_the_trained_model(based, source, layers):
    _, base, record = based
    target = make_task("inverted", source, None)
    plan = plan_for(record, "inverted", "lora", lora=LoraConfig(layers=layers))  # the control: no feature columns
    [run] = runs.finetune_runs(base, record, source, plan, target=target).runs
    model, images = run.outcome.model.eval(), target.test.images
    extra = recipes.extra_features(run.outcome.record, images)
    with torch.inference_mode():
        trained = model(to_input(images), extra)
        lora.set_strength(model, 0.0)
        assert torch.equal(model(to_input(images), extra), base.eval()(to_input(images)))
        lora.set_strength(model, 1.0)
        assert torch.equal(model(to_input(images), extra), trained)
    curve = accuracy_by_strength(model, target.test, source.test, run.outcome.record.features)
    assert curve.strengths == STRENGTH_STEPS == (0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2)
    m = run.outcome.record.metrics
    assert (curve.target_accuracy[0], curve.source_accuracy[0]) == (m["base_target_accuracy"],
                                                                     m["base_source_accuracy"])
    assert (curve.target_accuracy[4], curve.source_accuracy[4]) == (m["target_accuracy"], m["source_accuracy"])
    assert all(layer.strength == 1.0 for layer in lora.lora_layers(model).values())
    with torch.inference_mode():
        assert torch.equal(model(to_input(images), extra), trained)


def test_strength_is_restored_when_a_step_is_refused(based, source):
    _, base, record = based
    [run] = runs.finetune_runs(base, record, source, plan_for(record, "same", "lora")).runs
    with pytest.raises(ValueError, match="between 0 and 2"):
        accuracy_by_strength(run.outcome.model, source.test, source.test, strengths=(0.5, 3.0))
    assert all(layer.strength == 1.0 for layer in lora.lora_layers(run.outcome.model).values())
    [head] = runs.finetune_runs(base, record, source, plan_for(record, "same", "head")).runs
    with pytest.raises(ValueError, match="no LoRA adapters"):
        accuracy_by_strength(head.outcome.model, source.test, source.test)


def to_input(images: torch.Tensor) -> torch.Tensor:
    from lora_studio.core.data.pixels import to_input as convert

    return convert(images)


# --- over seeds ------------------------------------------------------------------------------------------------


def test_means_over_seeds_have_t_intervals_and_a_difference_holding_zero_is_no_clear_effect():
    two = mean_interval([0.90, 0.92])
    assert two.mean == pytest.approx(0.91) and two.n == 2
    assert two.ci95 == pytest.approx((0.91 - 12.706 * 0.01, 0.91 + 12.706 * 0.01))
    one = mean_interval([0.5])
    assert one.ci95 is None and "one seed" in difference_sentence("forgetting", one)
    assert "no clear effect" in difference_sentence("forgetting", mean_interval([-0.01, 0.02, 0.0]))
    clear = difference_sentence("forgetting", mean_interval([0.10, 0.11, 0.12]))
    assert "no clear effect" not in clear and "+11.00 points [" in clear


def test_the_experiment_fine_tunes_for_the_task_by_the_method_over_seeds(root, source, tmp_path):
    config = ExperimentConfig(base=QUICK, lora_train=QUICK, seeds=(0, 1), task="inverted", method="full")
    library = ModelLibrary(tmp_path / "models")
    result = run_experiment(config, root, library, dataset=source)
    assert result["feature_lora"] is None and result["control_lora"] is None and result["feature_effect"] is None
    assert (result["task"], result["method"]) == ("inverted", "full")
    full = result["full"]
    assert [library.record(i).kind for i in full["model_ids"]] == ["full", "full"]
    scores = result["forgetting"]["full"]
    sources = [library.record(i).metrics["source_accuracy"] for i in full["model_ids"]]
    assert scores["source_accuracy"]["mean"] == pytest.approx(np.mean(sources))
    low, high = scores["forgetting"]["ci95"]
    assert low <= scores["forgetting"]["mean"] <= high and scores["forgetting"]["seeds"] == 2
    assert full["test_accuracy_per_seed"] == [library.record(i).metrics["target_accuracy"] for i in full["model_ids"]]


def test_seed_scores_of_a_series(based, source):
    _, base, record = based
    plan = dataclasses.replace(plan_for(record, "rotate90", "head"), seeds=(0, 1, 2))
    done = runs.finetune_runs(base, record, source, plan)
    scores = done.scores("head")
    forgetting = [r.outcome.record.metrics["forgetting"] for r in done.finished]
    assert scores.forgetting.mean == pytest.approx(np.mean(forgetting)) and scores.forgetting.n == 3
    assert done.scores("control_lora") is None
