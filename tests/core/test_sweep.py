"""Sweeps: the plan's settings, the Pareto front, one shared conv pass, the study file, a stopped sweep."""

import json

import pytest

from lora_studio.core.config import ConfigError, TrainConfig
from lora_studio.core.errors import StorageError
from lora_studio.core.evaluation.pareto import pareto_front, pareto_runs
from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.studies import RUN_KEYS, StudyStore
from lora_studio.core.training.run_control import TrainControl
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.sweep import run_sweep
from lora_studio.core.workflows.sweep_plan import Setting, SweepPlan
from tests.core.test_prefix_cache import count_prefix_passes

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3, lr_schedule="constant")


def test_the_front_holds_exactly_the_points_nothing_beats():
    points = [(100, 0.90), (10, 0.80), (10, 0.85), (1000, 0.95), (500, 0.90), (1000, 0.94), (10, 0.85)]
    # (10, 0.80) loses to (10, 0.85); (500, 0.90) to (100, 0.90); (1000, 0.94) to (1000, 0.95); equal points stay
    assert pareto_front(points) == [0, 2, 3, 6]
    assert pareto_front([]) == [] and pareto_front([(5, 0.1)]) == [0]


def test_a_setting_is_judged_by_its_mean_over_seeds_and_all_its_seeds_are_listed():
    def run(method, params, accuracy):
        return {"method": method, "variant": "none", "layers": ["fc2"], "rank": None, "alpha": None,
                "lora_plus_ratio": 1.0, "trainable_params": params, "target_accuracy": accuracy,
                "source_accuracy": 0.5}
    runs = [run("a", 10, 0.90), run("b", 10, 0.80), run("a", 10, 0.70), run("b", 10, 0.95), run("c", 50, 0.85)]
    # means: a 0.80, b 0.875, c 0.85 → only b (cheapest and best)
    assert pareto_runs(runs, setting_key) == [1, 3]


def test_a_plan_lists_every_setting_once_and_runs_seed_by_seed():
    plan = SweepPlan("base-x", methods=("lora", "head"), ranks=(4, 1), variants=("lora", "dora"), seeds=(0, 3))
    assert [s.label() for s in plan.settings()] == ["lora r=1", "lora r=4", "dora r=1", "dora r=4", "head"]
    assert plan.runs()[:5] == [(s, 0) for s in plan.settings()] and plan.runs()[5][1] == 3
    run_plan = plan.finetune_plan(Setting("lora", "dora", 4), 3)
    assert (run_plan.lora.rank, run_plan.lora.variant, run_plan.seeds, run_plan.features) == (4, "dora", (3,), ())
    assert plan.finetune_plan(Setting("head"), 0).method == "head"


@pytest.mark.parametrize("settings, message", [
    (dict(methods=()), "choose at least one method"),
    (dict(methods=("lora", "lora")), "method is listed twice"),
    (dict(methods=("bogus",)), "method must be one of"),
    (dict(ranks=()), "at least one rank"),
    (dict(ranks=(0,)), "rank must be between"),
    (dict(variants=("vera",)), "variant must be one of"),
    (dict(lora_plus_ratio=0.5), "LoRA\\+ ratio must be between"),
    (dict(seeds=()), "at least one seed"),
    (dict(task="upside-down"), "task"),
])
def test_a_bad_plan_is_refused_with_a_clear_message(settings, message):
    with pytest.raises(ConfigError, match=message):
        SweepPlan("base-x", **settings)


@pytest.fixture(scope="module")
def base(tiny_dataset):
    return recipes.train_base(tiny_dataset, QUICK)


def sweep(base, tiny_dataset, tmp_path, **settings):
    library = ModelLibrary(tmp_path / "models")
    base_id = library.save(base.model, base.record)
    plan = SweepPlan(base_id, train=QUICK, **{"ranks": (1, 2), **settings})
    studies = StudyStore(tmp_path / "studies")
    return library, studies, plan


def test_a_sweep_runs_every_setting_shares_one_conv_pass_and_keeps_its_study(base, tiny_dataset, tmp_path,
                                                                             monkeypatch):
    library, studies, plan = sweep(base, tiny_dataset, tmp_path, methods=("lora", "head"),
                                   variants=("lora", "rslora"), seeds=(0, 1), task="inverted")
    passes = count_prefix_passes(monkeypatch)
    seen = []
    study = run_sweep(plan, base.model, base.record, tiny_dataset, library, studies,
                      on_run=lambda s, setting, record: seen.append((setting.label(), record["seed"])))
    assert study.status == "finished" and len(study.runs) == 10 == len(seen)
    assert seen[:5] == [("lora r=1", 0), ("lora r=2", 0), ("rslora r=1", 0), ("rslora r=2", 0), ("head", 0)]
    # the frozen convolutions ran once over each split of the target (600 train, 200 test), once over the source
    # test split for the forgetting scores, whatever the number of runs
    assert sum(passes) == 600 + 200 + 200
    for record in study.runs:
        assert set(RUN_KEYS) <= set(record) and record["task"] == "inverted" and record["model_id"] is None
    rs = [r for r in study.runs if r["variant"] == "rslora" and r["rank"] == 2]
    assert all(r["trainable_params"] == rs[0]["trainable_params"] for r in rs)
    assert [entry.id for entry in library.list()] == [plan.base_id], "a sweep does not fill the library unasked"
    saved = json.loads(study.path.read_text())
    assert saved["runs"] == json.loads(json.dumps(study.runs)) and saved["pareto"] == study.pareto
    assert studies.load(study.id)["status"] == "finished" and studies.list() == [study.id]
    # the front: no listed setting is beaten by another, every other setting is
    means = {}
    for i, record in enumerate(study.runs):
        means.setdefault(setting_key(record), []).append(i)
    def mean(key):
        return sum(study.runs[i]["target_accuracy"] for i in means[key]) / len(means[key])
    on_front = {setting_key(study.runs[i]) for i in study.pareto}
    for key in means:
        params = study.runs[means[key][0]]["trainable_params"]
        beaten = any(study.runs[means[k][0]]["trainable_params"] <= params and mean(k) >= mean(key)
                     and (study.runs[means[k][0]]["trainable_params"] < params or mean(k) > mean(key))
                     for k in means if k != key)
        assert (key in on_front) == (not beaten), key


def test_a_sweep_asked_to_save_its_models_puts_them_in_the_library(base, tiny_dataset, tmp_path):
    library, studies, plan = sweep(base, tiny_dataset, tmp_path, ranks=(1,), save_models=True)
    study = run_sweep(plan, base.model, base.record, tiny_dataset, library, studies)
    assert study.runs[0]["model_id"] in {entry.id for entry in library.list()}
    # named by the core's default (the command line's), the plan's setting and seed in it
    assert library.record(study.runs[0]["model_id"]).name == recipes.lora_name(
        plan.finetune_plan(plan.settings()[0], 0).lora, (), "same", 0) == "LoRA r=1 fc1+fc2 · seed 0"


def test_a_sweep_names_its_saved_models_by_the_callers_builder(base, tiny_dataset, tmp_path):
    library, studies, plan = sweep(base, tiny_dataset, tmp_path, ranks=(1,), methods=("lora", "head"),
                                   variants=("lora", "dora"), seeds=(2,), save_models=True)
    study = run_sweep(plan, base.model, base.record, tiny_dataset, library, studies,
                      names=lambda setting, seed: f"{setting.label()} / {seed}")
    assert study.status == "finished"
    assert [library.record(r["model_id"]).name for r in study.runs] == ["lora r=1 / 2", "dora r=1 / 2",
                                                                             "head / 2"]


def test_a_stopped_sweep_keeps_its_finished_runs_and_its_study_file(base, tiny_dataset, tmp_path):
    library, studies, plan = sweep(base, tiny_dataset, tmp_path, ranks=(1, 2, 4, 8))
    control = TrainControl()
    study = run_sweep(plan, base.model, base.record, tiny_dataset, library, studies, control=control,
                      on_run=lambda s, setting, record: len(s.runs) == 2 and control.request_stop())
    assert study.status == "stopped" and [r["rank"] for r in study.runs] == [1, 2]
    kept = studies.load(study.id)
    assert kept["status"] == "stopped" and len(kept["runs"]) == 2


@pytest.mark.parametrize("content, message", [
    ("[]", "not a JSON object"),
    ('{"runs": {}, "pareto": []}', "runs must be a list"),
    ('{"runs": [{"seed": 0}], "pareto": []}', "run 1 lacks"),
    ('{"runs": [], "pareto": [3], "base_id": "b", "task": "same", "status": "finished"}', "pareto must list"),
    ("{not json", "not valid JSON"),
])
def test_a_damaged_study_file_gets_a_clear_message(tmp_path, content, message):
    studies = StudyStore(tmp_path)
    (tmp_path / "sweep-1.json").write_text(content)
    with pytest.raises(StorageError, match=message):
        studies.load("sweep-1")
    with pytest.raises(StorageError, match="not a study id"):
        studies.load("../models/x")
