"""The Learn tab's explainer: live numbers from the LoRA tab, a trained adapter drawn, every ΔW cell decomposed.

Adapters are saved straight through the core (a LoRA model with a non-zero B, as training leaves it) rather than
trained, so each test costs a window and a library read.
"""

import re

import numpy as np
import pytest
import torch
from float_bounds import UNIT_ROUNDOFF, matmul_tolerance
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QWidget

from lora_studio.core import paths
from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import ModelRecord
from lora_studio.gui.learn.formulas import number

READY_MS = 60_000
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def save_adapter(home, name: str, *, layers=("fc1", "fc2"), rank=4, alpha=8.0, variant="lora",
                 features=("brightness",), seed=0) -> str:
    """A LoRA model in the app's library whose B and A are random (as trained ones are: B is no longer zero)."""
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig(feature_dim=len(features)))
    config = LoraConfig(rank=rank, alpha=alpha, layers=layers, variant=variant)
    lora.apply_lora(model, config)
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_(0, 0.05)
            layer.lora_A.normal_(0, 0.3)
            if variant == "dora":
                layer.lora_magnitude_vector.mul_(1 + 0.1 * torch.randn_like(layer.lora_magnitude_vector))
    n = len(features)
    record = ModelRecord(kind="feature_lora" if n else "control_lora", name=name, dataset="mnist",
                         model=model.config, train=TrainConfig(), lora=config,
                         features=FeatureScaler(tuple(features), (0.13,) * n, (0.04,) * n) if n else None)
    return ModelLibrary(paths.models_dir(home)).save(model, record)


def core_delta(home, model_id: str, layer: str) -> np.ndarray:
    """The core's own ΔW of `layer` (LoRALayer.delta_weight), flattened as the core's inspection does."""
    model, _ = ModelLibrary(paths.models_dir(home)).load(model_id)
    with torch.no_grad():
        return lora.lora_layers(model)[layer].delta_weight().flatten(1).double().numpy()


def delta_tolerance(home, model_id: str, layer: str) -> np.ndarray:
    """How far two float32 computations of s·B·A may differ, cell by cell (float_bounds): r products summed, then
    the scale and the strength; a float64 sum of the same float32 factors is within it too."""
    model, _ = ModelLibrary(paths.models_dir(home)).load(model_id)
    adapted = lora.lora_layers(model)[layer]
    b, a = adapted.lora_B.detach().flatten(1), adapted.lora_A.detach().flatten(1)
    return (abs(adapted.scaling) * matmul_tolerance(b, a, roundings=2)).numpy()


@pytest.fixture
def learn(make_window, qtbot):
    """A ready window showing the Learn tab; returns (window, explainer panel)."""
    window = make_window()
    window.tabs.setCurrentWidget(window.learn_tab)
    return window, window.learn_tab.explainer


def pick(qtbot, panel, model_id: str, layer: str) -> None:
    """Choose the adapter and the layer, and wait until its factors are read and drawn."""
    panel.state.refresh_models()
    panel.adapter_combo.setCurrentIndex(panel.adapter_combo.findData(model_id))
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(layer))
    qtbot.waitUntil(lambda: panel.adapter is not None and panel.adapter.model_id == model_id, timeout=READY_MS)


def hover(panel, row: int, column: int) -> str:
    """Point at cell (row, column) of ΔW through the map's mouse-move slot, with that cell's scene position."""
    heat = panel.maps.delta_map
    heat.hover_at(heat.getPlotItem().getViewBox().mapViewToScene(QPointF(column + 0.5, row + 0.5)))
    return panel.cell_label.text()


def parse(text: str) -> float:
    text = text.replace("−", "-")
    if "×10" in text:
        mantissa, power = text.split("×10")
        return float(mantissa) * 10 ** int(power.translate(SUPERSCRIPT_DIGITS))
    return float(text)


def label_sum(label: str) -> tuple[float, float, float]:
    """(scale, scale × Σ of the products written in the label, the cell's value written in it)."""
    plain = re.sub(r"<[^>]+>", "", label).split("\n")[0]
    match = re.search(r"= (\S+) × \((.*)\) = (\S+?)(?:Column|$)", plain.split("Column")[0] + "Column")
    assert match, plain
    scale, products, value = match.groups()
    total = 0.0
    for product in products.split(" + "):
        b, a = product.split("·")
        total += parse(b.strip("()")) * parse(a.strip("()"))
    return parse(scale), parse(scale) * total, parse(value)


def integer(value: int) -> str:
    """A count as the explainer's plain text shows it: "50 240" (Qt's toPlainText turns its spaces plain)."""
    return f"{value:,}".replace(",", " ")


def cells(shape, extra=()) -> list[tuple[int, int]]:
    """Every cell of a small matrix; corners, a grid and `extra` of a large one."""
    d, k = shape
    if d * k <= 1200:
        return [(i, j) for i in range(d) for j in range(k)]
    rows, columns = np.linspace(0, d - 1, 9).astype(int), np.linspace(0, k - 1, 13).astype(int)
    return sorted({(0, 0), (0, k - 1), (d - 1, 0), (d - 1, k - 1), *extra,
                   *((int(i), int(j)) for i in rows for j in columns)})


def test_rank_and_alpha_spinners_change_the_explainers_numbers_at_once(learn):
    window, panel = learn
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc1"))
    rank, alpha = window.findChild(QWidget, "loraRank"), window.findChild(QWidget, "loraAlpha")
    rank.setValue(8)
    alpha.setValue(16)
    text = panel.view.toPlainText()
    d, k = 64, 785  # fc1 of the article's feature model: 784 convolution features + brightness
    assert f"d × k = {d} × {k}" in text and f"= {integer(d * k)}" in text
    assert f"8 · ({d} + {k})" in text and f"= {integer(8 * (d + k))}" in text and "= 2\n" in text + "\n"

    rank.setValue(4)  # nothing else happens in between: the text follows the spinner's signal at once
    text = panel.view.toPlainText()
    assert f"4 · ({d} + {k})" in text and f"= {integer(4 * (d + k))}" in text
    assert f"r × k = 4 × {k}" in text and "= 4" in text.split("with the scale")[1][:40]

    alpha.setValue(6)
    text = panel.view.toPlainText()
    assert number(6 / 4) in text.split("with the scale")[1][:40]
    assert f"{number(6 / 4)}" == "1.5"
    assert f"= {integer(4 * (d + k))}" in text


def test_dora_and_rslora_settings_change_the_counts_and_the_scale(learn):
    window, panel = learn
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc2"))
    combo = window.findChild(QWidget, "loraVariantCombo")
    window.findChild(QWidget, "loraRank").setValue(4)
    window.findChild(QWidget, "loraAlpha").setValue(16)
    combo.setCurrentIndex(combo.findData("dora"))
    text = panel.view.toPlainText()
    assert f"= {integer(4 * (10 + 64))}" in text and f"= {integer(4 * (10 + 64) + 10)}" in text  # + d magnitudes
    combo.setCurrentIndex(combo.findData("rslora"))
    scale = panel.view.toPlainText().split("with the scale")[1][:60]
    assert "= 8" in scale  # α/√r = 16/2


def test_the_layer_combo_switches_shapes_and_states_the_conv_flattening(learn):
    window, panel = learn
    window.findChild(QWidget, "loraRank").setValue(2)
    expected = {"conv1": (8, 1 * 9), "conv2": (16, 8 * 9), "fc1": (64, 785), "fc2": (10, 64)}
    for layer, (d, k) in expected.items():
        panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(layer))
        text = panel.view.toPlainText()
        assert f"How LoRA works on {layer}" in text
        assert f"d × k = {d} × {k}" in text and f"= {integer(d * k)}" in text
        assert f"2 · ({d} + {k})" in text
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("conv2"))
    text = panel.view.toPlainText()
    assert "(16, 8, 3, 3)" in text and "column c = channel · 9 + row · 3 + column" in text
    assert "columns 0–8 are input channel 0's kernel" in text


@pytest.mark.parametrize(("layers", "layer", "variant", "rank"), [
    (("fc1", "fc2"), "fc2", "lora", 4),
    (("fc1", "fc2"), "fc1", "lora", 4),
    (("conv1", "conv2"), "conv2", "lora", 3),
    (("conv1", "fc2"), "conv1", "rslora", 4),
    (("fc2",), "fc2", "lora", 12),
])
def test_every_hovered_cell_of_delta_w_is_the_sum_of_its_products_and_the_cores_delta(
        learn, qtbot, app_home, layers, layer, variant, rank):
    _, panel = learn
    model_id = save_adapter(app_home, "Adapter", layers=layers, rank=rank, alpha=8.0, variant=variant)
    pick(qtbot, panel, model_id, layer)
    expected, tolerance = core_delta(app_home, model_id, layer), delta_tolerance(app_home, model_id, layer)
    assert panel.delta.shape == expected.shape == panel.maps.delta_map.shape
    assert np.all(np.abs(panel.delta - expected) <= tolerance)
    scale = 8.0 / (rank**0.5 if variant == "rslora" else rank)
    assert panel.adapter.scale == pytest.approx(scale)
    extra = [(3, 784)] if layer == "fc1" else []  # the brightness column
    for row, column in cells(expected.shape, extra):
        label = hover(panel, row, column)
        cell = panel.last_cell
        assert (cell.row, cell.column) == (row, column)
        assert abs(cell.total - cell.value) <= tolerance[row, column]
        assert abs(cell.value - expected[row, column]) <= tolerance[row, column]
        assert len(cell.b) == rank and f"[{row}, {column}]" in label
        if rank <= 8:  # every product written: their sum, as written (4 digits each), is the cell's value
            written_scale, written_total, written_value = label_sum(label)
            assert written_scale == pytest.approx(scale, rel=1e-3)
            # each factor is written to 4 significant digits: a product is off by at most ~1e-3 of itself
            size = scale * sum(abs(b * a) for b, a in zip(cell.b, cell.a, strict=True))
            assert written_total == pytest.approx(cell.value, abs=1e-3 * size + 1e-12)
            assert written_value == pytest.approx(cell.value, rel=1e-5, abs=1e-9)
            assert label.count("·") - 1 >= rank  # (α/r)· plus one · per product
        else:
            assert "…" in label
    if layer.startswith("conv"):
        assert "input channel" in hover(panel, 0, 4) and "kernel row 1, kernel column 1" in panel.cell_label.text()
    if layer == "fc1":
        assert "brightness" in hover(panel, 0, 784)


def test_a_real_mouse_move_over_a_cell_decomposes_that_cell(learn, qtbot, app_home):
    _, panel = learn
    model_id = save_adapter(app_home, "Adapter", layers=("fc2",), rank=2, alpha=4.0)
    pick(qtbot, panel, model_id, "fc2")
    heat = panel.maps.delta_map
    qtbot.waitUntil(lambda: heat.isVisible() and heat.width() > 100)
    for row, column in ((0, 0), (9, 63), (4, 30)):
        qtbot.mouseMove(heat.viewport(), QPoint(1, 1))  # off the cells first: a move to where the cursor is is none
        qtbot.wait(50)  # pyqtgraph's scene drops moves that come faster than its rate limit (config mouseRateLimit)
        qtbot.mouseMove(heat.viewport(), heat.cell_centre(row, column))
        qtbot.waitUntil(lambda r=row, c=column: panel.last_cell is not None
                        and (panel.last_cell.row, panel.last_cell.column) == (r, c), timeout=2000)
        assert f"[{row}, {column}]" in panel.cell_label.text()


def test_at_most_r_singular_values_are_non_zero_and_the_text_gives_the_relative_norm(learn, qtbot, app_home):
    _, panel = learn
    model_id = save_adapter(app_home, "Adapter", layers=("fc1", "fc2"), rank=3, alpha=6.0)
    pick(qtbot, panel, model_id, "fc1")
    shown = panel.maps.singular_values
    assert len(shown) == 64 and np.count_nonzero(shown) == 3
    delta = core_delta(app_home, model_id, "fc1")
    expected = np.linalg.svd(delta, compute_uv=False)
    # a float32 SVD's singular values are exact for ΔW + E, ‖E‖₂ within a few max(d, k)·u·‖ΔW‖₂ (LAPACK's bound)
    assert np.all(np.abs(shown[:3] - expected[:3]) <= 4 * max(delta.shape) * UNIT_ROUNDOFF * expected[0])
    weight = panel.adapter.layer("fc1").w
    ratio = np.linalg.norm(panel.delta) / np.linalg.norm(weight)
    text = panel.view.toPlainText()
    assert f"‖ΔW‖ / ‖W‖ = {number(ratio, 3)}" in text and "3 of its 64 singular values are non-zero" in text


def test_dora_draws_the_low_rank_part_and_says_how_rows_are_rescaled(learn, qtbot, app_home):
    _, panel = learn
    model_id = save_adapter(app_home, "DoRA adapter", layers=("fc2",), rank=2, alpha=4.0, variant="dora")
    pick(qtbot, panel, model_id, "fc2")
    model, _ = ModelLibrary(paths.models_dir(app_home)).load(model_id)
    layer = lora.lora_layers(model)["fc2"]
    with torch.no_grad():
        low_rank = layer.low_rank_update().double().numpy()
        whole = layer.delta_weight().double().numpy()
    tolerance = delta_tolerance(app_home, model_id, "fc2")
    assert np.all(np.abs(panel.delta - low_rank) <= tolerance) and not np.allclose(panel.delta, whole, atol=1e-4)
    cell = (hover(panel, 2, 5), panel.last_cell)[1]
    assert abs(cell.total - low_rank[2, 5]) <= tolerance[2, 5]
    text = panel.view.toPlainText()
    assert "This adapter is DoRA" in text
    ratio = np.linalg.norm(whole) / np.linalg.norm(layer.base_weight().detach().numpy())
    assert f"its size is {number(ratio, 3)} of ‖W‖" in text


def test_a_picked_adapter_is_shown_on_a_layer_it_adapted_and_another_layer_says_it_was_not(learn, qtbot, app_home):
    """An adapter of conv1 alone, picked while the explainer is on fc1: it moves to conv1 (the adapter's only
    layer) instead of saying "did not adapt fc1"; choosing fc1 afterwards says so, and shows no maps."""
    _, panel = learn
    model_id = save_adapter(app_home, "Conv adapter", layers=("conv1",), rank=2)
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc1"))
    panel.state.refresh_models()
    panel.adapter_combo.setCurrentIndex(panel.adapter_combo.findData(model_id))
    qtbot.waitUntil(lambda: panel.adapter is not None and panel.adapter.model_id == model_id, timeout=READY_MS)
    text = panel.view.toPlainText()
    assert panel.layer == "conv1" and "How LoRA works on conv1" in text and "did not adapt" not in text
    assert panel.maps.delta_map.shape == (8, 9) and "[2, 5] =" in hover(panel, 2, 5)
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc1"))  # the reader's own choice is kept
    assert panel.delta is None and panel.maps.delta_map.shape == (0, 0)
    assert "Conv adapter did not adapt fc1: its adapters are on conv1" in panel.view.toPlainText()
    assert "[2, 5] =" not in panel.cell_label.text()  # conv1's sum is not left under fc1's empty maps
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("conv1"))
    assert panel.maps.delta_map.shape == (8, 9)


def test_only_lora_models_are_offered_and_no_adapter_is_explained(learn, app_home):
    window, panel = learn
    assert panel.adapter_combo.count() == 0
    assert "no LoRA adapter in the library yet" in panel.view.toPlainText()
    library = ModelLibrary(paths.models_dir(app_home))
    library.save(MnistCNN(), ModelRecord(kind="base", name="Base", dataset="mnist", model=ModelConfig(),
                                         train=TrainConfig()))
    save_adapter(app_home, "Adapter")
    window.state.refresh_models()
    assert [panel.adapter_combo.itemText(i).split(" ·")[0] for i in range(panel.adapter_combo.count())] == ["Adapter"]


def test_an_adapter_is_read_only_once_the_learn_tab_is_seen(make_window, qtbot, app_home):
    """At start the worker loads the data set; the explainer's adapter waits until someone opens the Learn tab."""
    model_id = save_adapter(app_home, "Adapter", layers=("fc2",), rank=2, alpha=4.0)
    window = make_window()
    panel = window.learn_tab.explainer
    window.tabs.setCurrentWidget(window.lora_tab)
    window.state.refresh_models()
    assert panel.adapter_combo.currentData() == model_id
    qtbot.wait(300)
    assert panel.adapter is None and window.state.runner.job is None
    window.tabs.setCurrentWidget(window.learn_tab)
    qtbot.waitUntil(lambda: panel.adapter is not None and panel.adapter.model_id == model_id, timeout=READY_MS)


def test_fc1_of_an_adapter_without_extra_inputs_reads_784_numbers_and_says_so(learn, qtbot, app_home):
    _, panel = learn
    model_id = save_adapter(app_home, "Control", layers=("fc1",), rank=2, features=())
    pick(qtbot, panel, model_id, "fc1")
    text = panel.view.toPlainText()
    assert "64 × 784" in text and "No extra input" in text and "0 extra" not in text


def test_fc1_follows_the_lora_tabs_extra_inputs_until_an_adapter_is_picked(learn):
    window, panel = learn
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc1"))
    assert "64 × 785" in panel.view.toPlainText()  # brightness, ticked by default
    window.lora_tab.feature_checks["contrast"].setChecked(True)
    assert "64 × 786" in panel.view.toPlainText()
    for check in window.lora_tab.feature_checks.values():
        check.setChecked(False)
    assert "64 × 784" in panel.view.toPlainText()


def test_the_explainer_starts_with_the_extra_inputs_the_lora_tab_remembered(make_window, qtbot):
    """The feature checkboxes exist only once PyTorch has loaded, after the window passed its first settings."""
    from PySide6.QtCore import QSettings

    settings = QSettings()  # where the window reads its remembered values (tests/gui/conftest.py)
    settings.setValue("lora/feature_brightness", False)
    settings.sync()
    window = make_window()
    panel = window.learn_tab.explainer
    window.tabs.setCurrentWidget(window.learn_tab)
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("fc1"))
    assert window.lora_tab.features() == ()
    assert "64 × 784" in panel.view.toPlainText()


def test_settings_changed_while_the_learn_tab_is_hidden_are_shown_when_it_is_opened(make_window):
    window = make_window()
    panel = window.learn_tab.explainer
    window.tabs.setCurrentWidget(window.lora_tab)
    window.lora_tab.rank.setValue(3)
    window.tabs.setCurrentWidget(window.learn_tab)
    assert "r = 3" in panel.view.toPlainText()
