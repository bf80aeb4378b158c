"""`lora-studio evaluate`: the Evaluation tab's numbers from the command line, checked against the core."""

import csv
import json
import shutil

import numpy as np
import pytest

from lora_studio.cli import main
from lora_studio.core import paths
from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data.features import raw_features
from lora_studio.core.data.tasks import make_task
from lora_studio.core.evaluation import inspection
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)


@pytest.fixture(scope="module")
def trained(tiny_dataset, tmp_path_factory):
    """A base model (a weak one: it makes mistakes to fix) and feature+LoRA and control models for seeds 0, 1."""
    library = ModelLibrary(tmp_path_factory.mktemp("library"))
    small = recipes.Dataset(tiny_dataset.info, tiny_dataset.train.first(200), tiny_dataset.test)
    base = recipes.train_base(small, TrainConfig(epochs=1, batch_size=32, lr=2e-3))
    ids = {"base": library.save(base.model, base.record)}
    for seed in (0, 1):
        for kind, features in (("feature_lora", ("brightness",)), ("control_lora", ())):
            config = TrainConfig(epochs=1, batch_size=32, lr=3e-3, seed=seed)
            tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), features, config)
            ids[f"{kind}:{seed}"] = library.save(tuned.model, tuned.record)
    return library.root, ids


@pytest.fixture
def library(trained, app_home):
    root, ids = trained
    shutil.copytree(root, paths.models_dir(app_home))
    return ModelLibrary(paths.models_dir(app_home)), ids


def run(*args):
    return main([str(a) for a in args])


def test_evaluate_writes_brightness_confusion_json_and_fixed_broken_counts(library, tiny_root, tiny_dataset,
                                                                           tmp_path, capsys):
    lib, ids = library
    chosen = [ids["base"], ids["feature_lora:0"], ids["control_lora:0"]]
    assert run("evaluate", *chosen, "--data-dir", tiny_root, "--predictions", tmp_path / "p.csv",
               "--confusion-json", tmp_path / "c.json", "--confusion-csv", tmp_path / "c.csv",
               "--json", tmp_path / "e.json") == 0
    printed = capsys.readouterr().out
    test = tiny_dataset.test
    answers = {}
    for model_id in chosen:
        model, record = lib.load(model_id)
        answers[model_id] = predict(model, test.images, test.labels, recipes.extra_features(record, test.images))

    brightness = raw_features(test.images, ("brightness",))[:, 0].numpy()
    lines = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert list(lines[0]) == ["model", "index", "label", "predicted", "confidence", "correct", "brightness"]
    assert len(lines) == 600
    for line in lines[:5] + lines[-5:]:
        i, p = int(line["index"]), answers[line["model"]]
        assert float(line["brightness"]) == pytest.approx(brightness[i], abs=5e-7 + 1e-12)  # written to 6 decimals
        assert line["correct"] == str(bool(p.correct[i])) and int(line["predicted"]) == p.predicted[i]

    confusion = json.loads((tmp_path / "c.json").read_text())
    assert confusion["rows"] == "true class" and len(confusion["classes"]) == 10
    for model_id in chosen:
        assert np.array_equal(confusion["models"][model_id], answers[model_id].confusion())

    result = json.loads((tmp_path / "e.json").read_text())
    assert [m["id"] for m in result["models"]] == chosen and result["models"][1]["seed"] == 0
    counts = {item["model"]: item for item in result["fixed_broken"]}
    assert set(counts) == set(chosen[1:])
    for model_id in chosen[1:]:
        fixed, broken = inspection.fixed_and_broken(answers[ids["base"]], answers[model_id])
        assert (counts[model_id]["fixed"], counts[model_id]["broken"]) == (len(fixed), len(broken))
        assert counts[model_id]["base"] == ids["base"]
        assert f"{model_id}: fixed {len(fixed):,}, broken {len(broken):,}" in printed
    binned = result["brightness_errors"]
    assert len(binned["edges"]) == len(binned["images"]) + 1 and sum(binned["images"]) == 200
    expected = inspection.errors_by_brightness(brightness, answers[chosen[1]].correct,
                                               edges=np.array(binned["edges"]))
    assert binned["error_rate"][chosen[1]] == pytest.approx(expected.error_rate.tolist())
    effect = result["feature_effect"]
    assert effect["method"] == "paired over test images, one seed" and effect["seeds"] == [0]
    assert "In words:" in printed and effect["meaning"].split(":")[0] in printed


def test_evaluate_over_two_seeds_gives_mean_rows_and_a_t_interval(library, tiny_root, tmp_path, capsys):
    _lib, ids = library
    assert run("evaluate", *ids.values(), "--data-dir", tiny_root, "--json", tmp_path / "e.json") == 0
    printed = capsys.readouterr().out
    result = json.loads((tmp_path / "e.json").read_text())
    assert printed.count("mean of 2") == 2  # (the table may wrap "seeds" onto the next line)
    groups = {g["kind"]: g for g in result["groups"]}
    assert printed.count(" control ") == 3  # each seed's LoRA model, beside its feature run, and their mean
    assert groups["feature_lora"]["seeds"] == [0, 1] and groups["base"]["sd_accuracy"] is None
    effect = result["feature_effect"]
    assert effect["method"] == "t interval over 2 seeds" and effect["seeds"] == [0, 1]
    feature = [m["test_accuracy"] for m in result["models"] if m["kind"] == "feature_lora"]
    control = [m["test_accuracy"] for m in result["models"] if m["kind"] == "lora"]  # the controls: LoRA models
    assert effect["mean_delta"] == pytest.approx(np.mean(feature) - np.mean(control))
    assert len(result["fixed_broken"]) == 4


def test_predictions_as_json_carry_brightness(library, tiny_root, tmp_path):
    _lib, ids = library
    assert run("evaluate", ids["base"], "--data-dir", tiny_root, "--predictions", tmp_path / "p.json") == 0
    rows = json.loads((tmp_path / "p.json").read_text())
    assert len(rows) == 200 and {"brightness", "correct", "confidence"} <= set(rows[0])
    assert 0 <= rows[0]["brightness"] <= 1


# --- any model on any task (issue 20) -------------------------------------------------------------------------


@pytest.fixture
def with_inverted(library, tiny_dataset):
    """The library, plus the head of the base fine-tuned for inverted digits."""
    lib, ids = library
    base, base_record = lib.load(ids["base"])
    tuned = recipes.finetune(base, base_record, make_task("inverted", tiny_dataset, None), LoraConfig(), (), QUICK,
                             method="head", task="inverted")
    return lib, {**ids, "head:inverted": lib.save(tuned.model, tuned.record)}


def test_evaluate_on_a_task_scores_every_model_and_its_base_there(with_inverted, tiny_root, tiny_dataset, tmp_path,
                                                                   capsys):
    lib, ids = with_inverted
    chosen = [ids["base"], ids["feature_lora:0"], ids["head:inverted"]]
    assert run("evaluate", *chosen, "--data-dir", tiny_root, "--task", "inverted+swap-labels",
               "--json", tmp_path / "e.json", "--predictions", tmp_path / "p.json") == 0
    printed = capsys.readouterr().out
    task = make_task("inverted+swap-labels", tiny_dataset, None).test
    source = tiny_dataset.test
    answers, on_source = {}, {}
    for model_id in chosen:
        model, record = lib.load(model_id)
        answers[model_id] = predict(model, task.images, task.labels, recipes.extra_features(record, task.images))
        on_source[model_id] = predict(model, source.images, source.labels,
                                      recipes.extra_features(record, source.images)).accuracy
    result = json.loads((tmp_path / "e.json").read_text())
    assert result["task"] == "inverted+swap-labels" and result["test_images"] == len(task)
    rows = {row["id"]: row for row in result["models"]}
    assert [row["evaluated_on"] for row in result["models"]] == ["inverted+swap-labels"] * 3
    assert [rows[i]["task"] for i in chosen] == ["same", "same", "inverted"]  # what each was trained for
    for model_id in chosen:
        row = rows[model_id]
        assert row["test_accuracy"] == row["target_accuracy"] == answers[model_id].accuracy
        assert row["source_accuracy"] == on_source[model_id]
    base = ids["base"]
    for model_id in chosen[1:]:  # each model's base is the reference on the same task
        assert rows[model_id]["base_target_accuracy"] == answers[base].accuracy
        assert rows[model_id]["base_source_accuracy"] == on_source[base]
        assert rows[model_id]["forgetting"] == pytest.approx(on_source[base] - on_source[model_id])
    assert rows[base]["forgetting"] == 0.0
    counts = {item["model"]: item for item in result["fixed_broken"]}
    for model_id in chosen[1:]:
        fixed, broken = inspection.fixed_and_broken(answers[base], answers[model_id])
        assert (counts[model_id]["fixed"], counts[model_id]["broken"]) == (len(fixed), len(broken))
    lines = json.loads((tmp_path / "p.json").read_text())
    brightness = raw_features(task.images, ("brightness",))[:, 0].numpy()  # of the task's (inverted) images
    assert lines[3]["brightness"] == pytest.approx(brightness[3], abs=5e-7 + 1e-12)  # the same value, 6 decimals
    assert lines[3]["label"] == int(task.labels[3])
    assert "task inverted+swap-labels" in " ".join(printed.split())  # the title says which task (it may wrap)
    assert "On task inverted+swap-labels" in " ".join(printed.split())


def test_without_a_task_each_model_is_scored_on_its_own(with_inverted, tiny_root, tiny_dataset, tmp_path):
    lib, ids = with_inverted
    chosen = [ids["base"], ids["head:inverted"]]
    assert run("evaluate", *chosen, "--data-dir", tiny_root, "--json", tmp_path / "e.json") == 0
    result = json.loads((tmp_path / "e.json").read_text())
    assert result["task"] is None
    rows = {row["id"]: row for row in result["models"]}
    assert (rows[chosen[0]]["evaluated_on"], rows[chosen[1]]["evaluated_on"]) == ("same", "inverted")
    inverted = make_task("inverted", tiny_dataset, None).test
    model, _ = lib.load(chosen[1])
    assert rows[chosen[1]]["target_accuracy"] == predict(model, inverted.images, inverted.labels).accuracy
    base, _ = lib.load(chosen[0])
    assert rows[chosen[0]]["test_accuracy"] == predict(base, tiny_dataset.test.images,
                                                       tiny_dataset.test.labels).accuracy


@pytest.mark.parametrize(("task", "message"), [
    ("swap-labels+inverted", "write inverted+swap-labels instead of swap-labels+inverted"),
    ("upside-down", "unknown task 'upside-down'"),
])
def test_a_bad_task_is_one_line_and_exit_2(library, tiny_root, tmp_path, capsys, task, message):
    _lib, ids = library
    assert run("evaluate", ids["base"], "--data-dir", tiny_root, "--task", task, "--json", tmp_path / "e.json") == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.json").exists()
