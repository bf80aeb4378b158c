"""The use cases both front ends call: fine-tuning plans over seeds, the experiment built on them, evaluating a
set of models. Tiny generated data."""

import dataclasses

import numpy as np
import pytest
import torch

from lora_studio.core.config import ConfigError, DataConfig, TrainConfig
from lora_studio.core.data import datasets as data
from lora_studio.core.errors import Cancelled, DataError, StorageError, TrainingDiverged
from lora_studio.core.evaluation import inspection
from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.training.loop import TrainControl
from lora_studio.core.workflows import recipes, runs
from lora_studio.core.workflows.evaluation_report import evaluate_models
from lora_studio.core.workflows.experiment import run_experiment
from lora_studio.core.workflows.plans import ExperimentConfig, FinetunePlan

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
EXPERIMENT = ExperimentConfig(data=DataConfig(limit=300), base=QUICK, lora_train=dataclasses.replace(QUICK, lr=2e-3),
                              seeds=(0, 1))


def same_weights(a: torch.nn.Module, b: torch.nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return list(sa) == list(sb) and all(torch.equal(sa[k], sb[k]) for k in sa)


@pytest.fixture(scope="module")
def experiment(tiny_root, tmp_path_factory):
    """The experiment over two seeds, its models saved: (result, library, small data set)."""
    library = ModelLibrary(tmp_path_factory.mktemp("experiment"))
    result = run_experiment(EXPERIMENT, tiny_root, library)
    dataset = data.load_dataset(tiny_root, "mnist")
    return result, library, data.Dataset(dataset.info, dataset.train.first(300), dataset.test)


# --- the plan --------------------------------------------------------------------------------------------


def test_a_plan_runs_each_seeds_feature_run_then_its_control():
    plan = FinetunePlan("base-1", seeds=(0, 1))
    assert plan.runs() == (("feature_lora", 0), ("control_lora", 0), ("feature_lora", 1), ("control_lora", 1))
    assert dataclasses.replace(plan, control=False).runs() == (("feature_lora", 0), ("feature_lora", 1))
    # without extra features a run is plain LoRA, the control of nothing, whether a control was asked for or not
    assert dataclasses.replace(plan, features=()).runs() == (("lora", 0), ("lora", 1))
    assert dataclasses.replace(plan, features=(), control=False).runs() == (("lora", 0), ("lora", 1))


@pytest.mark.parametrize(("changes", "complaint"), [
    ({"seeds": ()}, "at least one seed"), ({"seeds": (1, 1)}, "seed is listed twice"),
    ({"seeds": tuple(range(21))}, "number of seeds"), ({"features": ("ink", "ink")}, "feature is listed twice"),
    ({"limit": 5}, "limit must be between"), ({"limit": 20.5}, "limit must be a whole number"),
])
def test_a_plan_refuses_what_the_core_refuses(changes, complaint):
    with pytest.raises(ConfigError, match=complaint):
        FinetunePlan("base-1", **changes)


# --- one set of models, whoever trains it ------------------------------------------------------------------


def test_the_experiment_saves_what_its_json_says(experiment):
    result, library, _ = experiment
    assert [library.record(i).kind for i in result["base"]["model_ids"]] == ["base", "base"]
    for phase, kind in (("feature_lora", "feature_lora"), ("control_lora", "lora")):  # a control is kept as LoRA
        records = [library.record(i) for i in result[phase]["model_ids"]]
        assert [r.kind for r in records] == [kind, kind] and [r.train.seed for r in records] == [0, 1]
        assert result[phase]["test_accuracy_per_seed"] == [r.metrics["test_accuracy"] for r in records]
    assert result["base"]["epoch_seconds"] and result["feature_effect"]["method"] == "t interval over 2 seeds"


def test_finetuning_a_saved_base_as_a_plan_gives_the_experiments_models_bit_for_bit(experiment, tmp_path):
    """What the LoRA tab and `lora-studio finetune` run (load the base, `finetune_runs`) against what the
    experiment made from the same base in memory."""
    result, library, dataset = experiment
    for seed, base_id in enumerate(result["base"]["model_ids"]):
        base, record = runs.load_base(library, base_id)
        plan = FinetunePlan(base_id, EXPERIMENT.lora, EXPERIMENT.features, True, (seed,), EXPERIMENT.lora_train, 300)
        done = runs.finetune_runs(base, record, dataset, plan, ModelLibrary(tmp_path / f"again{seed}"))
        assert [(r.phase, r.seed) for r in done.runs] == list(plan.runs()) and done.unfinished is None
        for run in done.runs:
            saved, _ = library.load(result[run.phase]["model_ids"][seed])
            again, _ = ModelLibrary(tmp_path / f"again{seed}").load(run.model_id)
            assert same_weights(saved, again), (run.phase, seed)
            assert run.outcome.predictions.accuracy == result[run.phase]["test_accuracy_per_seed"][seed]


def test_a_plans_limit_takes_the_first_training_images(experiment, tiny_dataset):
    result, library, _ = experiment
    base, record = runs.load_base(library, result["base"]["model_ids"][0])
    plan = FinetunePlan("", EXPERIMENT.lora, (), False, (0,), EXPERIMENT.lora_train, limit=300)
    [run] = runs.finetune_runs(base, record, tiny_dataset, plan).runs  # the whole 600 images, cut to 300
    saved, _ = library.load(result["control_lora"]["model_ids"][0])
    assert run.outcome.record.metrics["train_images"] == 300 and same_weights(run.outcome.model, saved)


def test_loading_a_base_refuses_a_lora_model(experiment):
    result, library, _ = experiment
    with pytest.raises(StorageError, match="is a feature_lora model; fine-tuning starts from a base model"):
        runs.load_base(library, result["feature_lora"]["model_ids"][0])


# --- runs that do not finish ------------------------------------------------------------------------------


def test_a_run_stopped_midway_ends_the_series_and_keeps_the_runs_saved_before(experiment, tmp_path):
    result, library, dataset = experiment
    base, record = runs.load_base(library, result["base"]["model_ids"][0])
    control = TrainControl()

    class StopInTheSecondRun(runs.Listener):
        def phase_started(self, phase, seed, epochs):
            if phase == "control_lora":
                control.request_stop()

    into = ModelLibrary(tmp_path / "models")
    done = runs.finetune_runs(base, record, dataset, FinetunePlan("", seeds=(0, 1), train=QUICK), into,
                              StopInTheSecondRun(), control)
    assert [(r.phase, r.status) for r in done.runs] == [("feature_lora", "finished"), ("control_lora", "stopped")]
    assert done.model_ids == [done.runs[0].model_id] and [e.id for e in into.list()] == done.model_ids
    assert done.effect() is None
    with pytest.raises(Cancelled, match="control_lora, seed 0: stopped"):
        done.check()


def test_a_run_whose_saving_fails_ends_the_series_as_failed(experiment, monkeypatch, tmp_path):
    result, library, dataset = experiment
    base, record = runs.load_base(library, result["base"]["model_ids"][0])
    into, real_save = ModelLibrary(tmp_path / "models"), ModelLibrary.save
    calls = []

    def save_once(self, model, record):
        calls.append(record.kind)
        if len(calls) > 1:
            raise StorageError("the disk is full")
        return real_save(self, model, record)

    monkeypatch.setattr(ModelLibrary, "save", save_once)
    done = runs.finetune_runs(base, record, dataset, FinetunePlan("", seeds=(0, 1), train=QUICK), into)
    assert [r.status for r in done.runs] == ["finished", "failed"] and done.unfinished.message == "the disk is full"
    assert len(done.model_ids) == 1
    with pytest.raises(StorageError, match="the disk is full"):
        done.check()


def test_a_diverged_run_is_said_with_its_phase_and_seed_and_never_saved(tiny_dataset, monkeypatch, tmp_path):
    real = recipes.train_base

    def diverging(dataset, config, callbacks, control, name=None, cache=None):
        outcome = real(dataset, config, callbacks, control, name=name, cache=cache)
        outcome.result.status, outcome.result.message = "diverged", "the loss became nan at epoch 1, step 3"
        return outcome

    monkeypatch.setattr(recipes, "train_base", diverging)
    library = ModelLibrary(tmp_path / "models")
    run = runs.train_base_run(tiny_dataset, dataclasses.replace(QUICK, seed=4), library)
    assert (run.status, run.model_id, run.learned_nothing(), library.list()) == ("diverged", None, None, [])
    with pytest.raises(TrainingDiverged, match="^base, seed 4: the loss became nan at epoch 1, step 3$"):
        run.check()


def test_the_listener_hears_every_run_in_order(experiment):
    result, library, dataset = experiment
    base, record = runs.load_base(library, result["base"]["model_ids"][1])
    heard = []

    class Recorder(runs.Listener):
        def phase_started(self, phase, seed, epochs):
            heard.append(("started", phase, seed, epochs))

        def epoch(self, phase, info):
            heard.append(("epoch", phase, info.epoch))

        def phase_finished(self, phase, seed, outcome):
            heard.append(("finished", phase, seed, outcome.record.kind))

    runs.finetune_runs(base, record, dataset, FinetunePlan("", seeds=(3,), train=QUICK), listener=Recorder())
    assert heard == [("started", "feature_lora", 3, 1), ("epoch", "feature_lora", 0),
                     ("finished", "feature_lora", 3, "feature_lora"), ("started", "control_lora", 3, 1),
                     ("epoch", "control_lora", 0), ("finished", "control_lora", 3, "lora")]


# --- evaluating a set of models ---------------------------------------------------------------------------


def test_the_evaluation_report_holds_what_both_front_ends_show(experiment, tiny_root):
    result, library, _ = experiment
    ids = [result[phase]["model_ids"][0] for phase in ("base", "feature_lora", "control_lora")]
    ids.append(result["feature_lora"]["model_ids"][1])  # from the other seed's base: a setting of its own
    looked_at = []
    report = evaluate_models(library, ids, lambda name: data.load_dataset(tiny_root, name),
                             on_model=lambda model_id, model, record, p: looked_at.append((model_id, record.kind)))
    assert [m.id for m in report.models] == ids and [i for i, _ in looked_at] == ids
    assert (report.dataset, report.title, len(report.labels), report.images.shape) == ("mnist", "MNIST", 200,
                                                                                         (200, 28, 28))
    test = data.load_dataset(tiny_root, "mnist").test
    for model in report.models:
        live, record = library.load(model.id)
        alone = predict(live, test.images, test.labels, recipes.extra_features(record, test.images))
        assert np.array_equal(model.predictions.probabilities, alone.probabilities)
        assert (model.score.id, model.score.accuracy, model.score.setting) == (
            model.id, alone.accuracy, setting_key(record.summary()))
        expected = inspection.errors_by_brightness(report.brightness, alone.correct, edges=report.edges)
        assert np.array_equal(model.brightness_errors.error_rate, expected.error_rate, equal_nan=True)
    assert len(report.edges) == 11 and report.brightness.dtype == np.float32
    assert [[m.id for m in g.members] for g in report.groups] == [[ids[0]], [ids[1]], [ids[2]], [ids[3]]]
    effect = report.effect
    assert (effect.feature_ids, effect.control_ids, effect.seeds) == ((ids[1],), (ids[2],), (0,))
    feature, control = (result[phase]["test_accuracy_per_seed"][0] for phase in ("feature_lora", "control_lora"))
    assert effect.effect.method == "paired over test images, one seed"
    assert effect.effect.mean_delta == pytest.approx(feature - control)


def test_models_of_different_data_sets_are_refused_before_anything_is_loaded(experiment, tmp_path, monkeypatch):
    result, library, _ = experiment
    other = ModelLibrary(tmp_path / "models")
    ids = []
    for model_id in (result["base"]["model_ids"][0], result["feature_lora"]["model_ids"][0]):
        model, record = library.load(model_id)
        if record.kind == "base":
            record = dataclasses.replace(record, dataset="kmnist")
        ids.append(other.save(model, record))
    monkeypatch.setattr(ModelLibrary, "load", lambda *a: pytest.fail("a model was loaded"))
    with pytest.raises(DataError, match=r"different data sets \(kmnist, mnist\): evaluate them separately"):
        evaluate_models(other, ids, lambda name: pytest.fail("a data set was loaded"))


def test_an_evaluation_asked_to_stop_stops_between_models(experiment, tiny_root):
    result, library, _ = experiment

    class StopAfterOne:
        def __init__(self):
            self.said, self.steps = [], []

        def status(self, text):
            self.said.append(text)

        def progress(self, fraction, text):
            self.steps.append((fraction, text))

        def is_cancelled(self):
            return len(self.steps) >= 1

    task = StopAfterOne()
    with pytest.raises(Cancelled, match="evaluation stopped"):
        evaluate_models(library, result["base"]["model_ids"], lambda name: data.load_dataset(tiny_root, name), task)
    assert task.said == ["Measuring the brightness of 200 test images"] and len(task.steps) == 1
    assert task.steps[0][0] == 0 and task.steps[0][1].startswith("Evaluating Base")
