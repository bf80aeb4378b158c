"""The Evaluation tab's inspection views after evaluating real models trained on tiny data: the confusion
matrix and the gallery (modes, sorting, a clicked cell), brightness and errors, ΔW, drawing, merged export."""

import shutil

import numpy as np
import pytest
from float_bounds import UNIT_ROUNDOFF
from PySide6.QtCore import QPoint, Qt

from lora_studio.core import paths
from lora_studio.core.evaluation import inspection


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    """A base model (half an epoch: it still makes mistakes), its brightness+LoRA model and its control."""
    return train_library(tmp_path_factory.mktemp("library"), base_images=200, base_lr=2e-3)


@pytest.fixture
def evaluated(qtbot, trained_library, app_home, window):
    """The window after evaluating the three models."""
    root, ids = trained_library
    shutil.copytree(root, paths.models_dir(app_home), dirs_exist_ok=True)
    window.state.refresh_models()
    tab = window.eval_tab
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(tab.evaluate_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["evaluate", "finished"], ended.args
    return window, ids


def rows_by_kind(tab):
    return {row.kind: row for row in tab.rows()}


def test_evaluating_fills_every_view(evaluated):
    window, ids = evaluated
    tab = window.eval_tab
    assert tab.table.rowCount() == 3 and tab.table.row_ids.count(None) == 0
    assert "Feature effect" in tab.effect_label.text() and "95 % interval" in tab.effect_label.text()
    assert tab.inspected().id == ids["feature_lora"] and tab.compared().id == ids["base"]  # the defaults
    rows = rows_by_kind(tab)
    feature = rows["feature_lora"]

    heatmap = tab.confusion.heatmap
    assert heatmap.shape == (10, 10)
    counts = feature.predictions.confusion()
    assert heatmap.cell_text(3, 3) == (str(counts[3, 3]) if counts[3, 3] else "")
    assert sum(int(heatmap.cell_text(r, c) or 0) for r in range(10) for c in range(10)) == 200
    errors = int((~feature.predictions.correct).sum())
    assert tab.gallery.gallery.count() == errors
    assert f"<b>{errors:,}</b> errors of feature+LoRA · seed 0" in tab.gallery.count_label.text()

    assert tab.brightness.curve_count() == 3
    assert len(tab.result.edges) >= 2

    delta = tab.delta
    assert [delta.table.item(r, 0).text() for r in range(delta.table.rowCount())] == ["fc1", "fc2"]
    assert delta.shown_layer() == "fc1" and delta.heatmap.shape == (64, 785)
    for d in feature.deltas:
        assert d.nonzero <= 8 and d.nonzero == inspection.numerical_rank(d.singular_values, d.delta.shape)
    assert delta.table.item(0, 2).text().endswith("of 64") and int(delta.table.item(0, 2).text().split()[0]) <= 8
    assert len(delta._feature_bars) == 1 and "brightness" in delta.feature_note.text()
    delta.show_layer("fc2")
    assert delta.heatmap.shape == (10, 64)

    assert tab.draw.labels == ["base · seed 0", "feature+LoRA · seed 0"]
    assert window.findChild(type(tab.draw.canvas), "drawCanvas") is tab.draw.canvas


def test_inspecting_a_base_model_says_it_has_no_update(evaluated):
    window, ids = evaluated
    tab = window.eval_tab
    tab.inspect(ids["base"], compare_with=None)
    assert tab.compared() is None
    assert "no LoRA update" in tab.delta.heading.text() and tab.delta.heatmap.shape == (0, 0)
    assert not tab.confusion.mode.model().item(1).isEnabled()  # no difference without a second model
    assert tab.draw.labels == ["base · seed 0"]


def test_clicking_a_confusion_cell_filters_the_gallery(qtbot, evaluated):
    window, _ids = evaluated
    tab = window.eval_tab
    tab.pages.setCurrentIndex(0)
    p = tab.inspected().predictions
    matrix = p.confusion()
    off = np.argwhere((matrix > 0) & ~np.eye(10, dtype=bool))
    true, guess = (int(v) for v in off[0]) if len(off) else (3, 3)
    heatmap = tab.confusion.heatmap
    qtbot.mouseClick(heatmap.viewport(), Qt.MouseButton.LeftButton, pos=heatmap.cell_centre(true, guess))
    shown = tab.gallery.gallery.test_indices()
    assert len(shown) == matrix[true, guess]
    assert all(p.labels[i] == true and p.predicted[i] == guess for i in shown)
    assert tab.gallery.mode.currentData() == "cell" and f"true {true} → predicted {guess}" in \
        tab.gallery.mode.currentText()

    tab.confusion.mode.setCurrentIndex(1)  # the difference inspected − compared
    difference = tab.confusion.matrix()
    assert not difference.sum(axis=1).any()
    assert tab.confusion.heatmap.cell_text(true, guess) == (f"{difference[true, guess]:+d}"
                                                            if difference[true, guess] else "")
    moved = np.argwhere(difference != 0)
    row, column = (int(v) for v in moved[0]) if len(moved) else (true, guess)
    qtbot.mouseClick(heatmap.viewport(), Qt.MouseButton.LeftButton, pos=heatmap.cell_centre(row, column))
    expected = inspection.cell_indices(p.labels, p.predicted, row, column, tab.compared().predictions.predicted)
    assert sorted(tab.gallery.gallery.test_indices()) == sorted(expected.tolist())
    assert "moved in or out" in tab.gallery.mode.currentText()
    qtbot.mouseClick(heatmap.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # outside: nothing changes
    assert sorted(tab.gallery.gallery.test_indices()) == sorted(expected.tolist())


def test_gallery_modes_and_sorting(evaluated):
    window, _ids = evaluated
    panel = window.eval_tab.gallery
    inspected, base = window.eval_tab.inspected().predictions, window.eval_tab.compared().predictions
    fixed, broken = inspection.fixed_and_broken(base, inspected)
    test = window.eval_tab.result.test

    panel.set_sort("index")
    panel.set_mode("fixed")
    assert panel.gallery.test_indices() == fixed.tolist()
    assert "fixed" in panel.count_label.text() and "base · seed 0 →" in panel.legend.text()
    if len(fixed):
        first = panel.gallery.gallery_model.index(0)
        assert panel.gallery.gallery_model.data(first).startswith(
            f"{inspected.labels[fixed[0]]}: {base.predicted[fixed[0]]} → {inspected.predicted[fixed[0]]}")
    panel.set_mode("broken")
    assert panel.gallery.test_indices() == broken.tolist()

    panel.set_mode("errors")
    errors = np.flatnonzero(~inspected.correct)
    panel.set_sort("confidence_desc")
    shown = panel.gallery.test_indices()
    assert sorted(shown) == errors.tolist()
    assert np.all(np.diff(inspected.confidence[shown]) <= 0)
    panel.set_sort("brightness_asc")
    shown = panel.gallery.test_indices()
    assert np.all(np.diff(test.brightness[shown]) >= 0)
    panel.set_sort("brightness_desc")
    assert np.all(np.diff(test.brightness[panel.gallery.test_indices()]) <= 0)
    tip = panel.gallery.gallery_model.data(panel.gallery.gallery_model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Test image #{panel.gallery.test_indices()[0]}: true class")


def test_drawing_on_the_canvas_answers_with_both_models(qtbot, evaluated):
    window, _ids = evaluated
    tab = window.eval_tab
    tab.pages.setCurrentIndex(3)
    canvas = tab.draw.canvas
    assert canvas.is_empty and tab.draw.last_answers == []
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 40))
    for y in range(50, 250, 10):  # a vertical stroke: a "1"
        qtbot.mouseMove(canvas, QPoint(140, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 250))
    assert not canvas.is_empty
    answers = tab.draw.last_answers
    assert len(answers) == 2
    for answer in answers:
        # float64 probabilities, each cast to float32 (u of itself), then summed in float32 (nine more roundings)
        assert answer.probabilities.shape == (10,) and abs(answer.probabilities.sum() - 1.0) <= 20 * UNIT_ROUNDOFF
    ink = canvas.ink()
    assert ink[150, 140] == pytest.approx(1.0) and ink[150, 20] == 0.0  # the stroke, and not elsewhere
    assert "base · seed 0" in tab.draw.answer.text() and "feature+LoRA · seed 0" in tab.draw.answer.text()
    assert tab.draw.inference_ms is not None and "ms" in tab.draw.timing.text()
    features = {tab.draw.table.item(r, 0).text(): tab.draw.table.item(r, 1).text()
                for r in range(tab.draw.table.rowCount())}
    image = inspection.mnist_preprocess(ink)
    assert abs(float(features["brightness"]) - image.mean() / 255) <= 0.0005 + 1e-12  # shown to three decimals
    assert [b.opts["height"].max() > 0 for b in tab.draw.plot.bars] == [True, True]

    qtbot.mouseClick(tab.draw.clear_button, Qt.MouseButton.LeftButton)
    assert canvas.is_empty and tab.draw.last_answers == [] and canvas.ink().max() == 0


def test_export_from_the_tab_shows_the_largest_logit_difference(qtbot, evaluated, tmp_path):
    window, ids = evaluated
    tab = window.eval_tab
    target = tmp_path / "merged.safetensors"
    tab.ask_export_path = lambda model_id: str(target)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["export", "finished"], ended.args
    assert target.stat().st_size > 100_000
    text = tab.export_label.text()
    assert ids["feature_lora"] in text and "largest |Δlogit| merged vs unmerged on 200 test images" in text
    assert "float rounding only" in text
    assert tab.export_button.isEnabled()


def test_a_failed_export_says_why_and_the_tab_goes_on(qtbot, evaluated, tmp_path):
    window, _ids = evaluated
    tab = window.eval_tab
    tab.ask_export_path = lambda model_id: str(tmp_path / "no-such-folder" / "merged.safetensors")
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        tab.export()
    assert ended.args[:2] == ["export", "failed"], ended.args
    assert tab.export_label.text().startswith("Export failed: could not write")
    assert window.messages[-1][1] == "Export failed" and tab.export_button.isEnabled()
