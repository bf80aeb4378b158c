"""What the Evaluation tab calls each model: a LoRA run is "control" only beside the feature+LoRA run it is the
control of (same base, settings and seed), "LoRA" otherwise; models are told apart by what differs between them;
the hint under the table fits the models ticked; a library saved by f21d0a9 (control_lora on disk) shows alike."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "library_f21d0a9" / "models"
LEGACY_FEATURE, LEGACY_CONTROL = "feature-lora-20261201-113414", "control-lora-20261201-113414"


@pytest.fixture(scope="module")
def library(train_library, tiny_dataset, tmp_path_factory):
    """A base, its brightness+LoRA model and that run's control (train_library), and two LoRA models of the same
    seed without extra inputs that differ in their settings: conv1 alone, and rsLoRA on fc1+fc2 at rank 4."""
    root, ids = train_library(tmp_path_factory.mktemp("roles"))
    library = ModelLibrary(root)
    base, base_record = library.load(ids["base"])
    quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
    for key, lora in (("conv1", LoraConfig(layers=("conv1",))), ("rslora", LoraConfig(rank=4, variant="rslora"))):
        tuned = recipes.finetune(base, base_record, tiny_dataset, lora, (), quick, task="same")
        ids[key] = library.save(tuned.model, tuned.record)
    return root, ids


def tick(tab, ids) -> None:
    for i in range(tab.selector.count()):
        item = tab.selector.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                           else Qt.CheckState.Unchecked)


def evaluate(qtbot, window, ids) -> dict[str, list[str]]:
    """Evaluate `ids`; the table's row of each model, by id."""
    tab = window.eval_tab
    tick(tab, ids)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        tab.evaluate()
    assert ended.args[:2] == ["evaluate", "finished"], ended.args
    table = tab.table
    return {model_id: [table.item(r, c).text() for c in range(table.columnCount())]
            for r, model_id in enumerate(table.row_ids) if model_id is not None}


@pytest.fixture
def shown(app_home, window, library):
    root, ids = library
    shutil.copytree(root, paths.models_dir(app_home), dirs_exist_ok=True)
    window.state.refresh_models()
    return window, ids


def test_a_lora_model_is_called_control_beside_its_feature_model_and_lora_without_it(qtbot, shown):
    window, ids = shown
    tab = window.eval_tab
    kind = tab.table.column("Kind")
    rows = evaluate(qtbot, window, [ids["base"], ids["feature_lora"], ids["control_lora"]])
    assert (rows[ids["feature_lora"]][kind], rows[ids["control_lora"]][kind]) == ("feature+LoRA", "control")
    assert tab.labels()[ids["control_lora"]] == "control · seed 0" and "control" in tab.effect_label.text()
    assert tab.inspected().id == ids["feature_lora"]

    rows = evaluate(qtbot, window, [ids["base"], ids["control_lora"]])  # its feature run is not beside it
    assert rows[ids["control_lora"]][kind] == "LoRA"
    assert tab.labels()[ids["control_lora"]] == "LoRA · seed 0" and tab.effect_label.text() == ""
    names = [tab.inspect_combo.itemText(i) for i in range(tab.inspect_combo.count())]
    assert not [text for text in names + [cell for row in rows.values() for cell in row] if "control" in text]


def test_two_lora_models_of_one_seed_are_told_apart_by_their_settings(qtbot, shown):
    window, ids = shown
    tab = window.eval_tab
    evaluate(qtbot, window, [ids["base"], ids["control_lora"], ids["conv1"], ids["rslora"]])
    labels = tab.labels()
    assert (labels[ids["control_lora"]], labels[ids["conv1"]], labels[ids["rslora"]]) == (
        "LoRA r=8 fc1+fc2 · seed 0", "LoRA r=8 conv1 · seed 0", "rsLoRA r=4 fc1+fc2 · seed 0")
    items = [tab.inspect_combo.itemText(i) for i in range(tab.inspect_combo.count())]
    assert len(set(items)) == len(items) == 4 and not [text for text in items if "(2)" in text]


def test_the_same_settings_made_twice_are_told_apart_by_their_names(qtbot, shown):
    window, ids = shown
    library = ModelLibrary(window.state.models_root)
    model, record = library.load(ids["conv1"])
    record.id, record.name = "", "conv1 again"
    again = library.save(model, record)
    window.state.refresh_models()
    evaluate(qtbot, window, [ids["conv1"], again])
    labels = window.eval_tab.labels()
    assert labels[again] == "LoRA · seed 0 · conv1 again"
    assert labels[ids["conv1"]] == "LoRA · seed 0 · LoRA r=8 conv1 · seed 0"  # its default name


def test_the_hint_fits_the_models_ticked(shown):
    window, ids = shown
    tab = window.eval_tab
    tick(tab, [])
    assert tab.effect_label.text() == "Tick the saved models to score, then Evaluate."
    tick(tab, [ids["base"], ids["feature_lora"]])
    assert "tick the feature+LoRA model's control too" in tab.effect_label.text()
    tick(tab, [ids["base"], ids["feature_lora"], ids["control_lora"]])
    assert "control" not in tab.effect_label.text() and tab.effect_label.text().startswith("Evaluate")
    tick(tab, [ids["base"], ids["conv1"]])  # a LoRA run alone: nothing about controls or features
    assert "control" not in tab.effect_label.text() and "feature" not in tab.effect_label.text()
    tick(tab, [ids["base"]])
    assert tab.effect_label.text().startswith("Evaluate to score the base model")


def test_a_library_saved_by_f21d0a9_shows_its_control_beside_its_feature_model(qtbot, window):
    shutil.copytree(FIXTURE, window.state.models_root, dirs_exist_ok=True)
    window.state.refresh_models()
    kinds = {info.id: info.kind for info in window.state.models}
    assert kinds[LEGACY_CONTROL] == "lora"
    column = window.eval_tab.table.column("Kind")
    rows = evaluate(qtbot, window, [LEGACY_FEATURE, LEGACY_CONTROL])
    assert (rows[LEGACY_FEATURE][column], rows[LEGACY_CONTROL][column]) == ("feature+LoRA", "control")
    rows = evaluate(qtbot, window, [LEGACY_CONTROL])
    assert rows[LEGACY_CONTROL][column] == "LoRA"
