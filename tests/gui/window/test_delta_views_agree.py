"""The Evaluation tab's ΔW view and the Learn tab's explainer say the same of the same adapter: one scale (the core's
`LayerDelta.scale`, α/r or α/√r as the variant has it), one count of non-zero singular values (the core's
`numerical_rank`, also for a value right by its threshold), and words that fit the variant (DoRA's W′ − W is not
claimed low rank). Adapters are saved through the core with chosen factors, not trained."""

import numpy as np
import pytest
import torch

from lora_studio.core import paths
from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.evaluation import inspection
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import ModelRecord
from lora_studio.gui.evaluation import jobs as evaluation_jobs
from lora_studio.gui.evaluation.delta_view import DeltaWView
from lora_studio.gui.learn.formulas import number

READY_MS = 60_000
EPS32 = float(np.finfo(np.float32).eps)


def save(home, layers, rank, alpha, variant="lora", factors=None, seed=0) -> str:
    """A LoRA model (no extra input) in the app's library; `factors(name, layer)` sets a layer's A and B, else
    they are random as a trained adapter's are (DoRA's magnitudes moved off their start, as training moves them)."""
    torch.manual_seed(seed)
    model = MnistCNN(ModelConfig())
    config = LoraConfig(rank=rank, alpha=alpha, layers=layers, variant=variant)
    lora.apply_lora(model, config)
    with torch.no_grad():
        for name, layer in lora.lora_layers(model).items():
            if factors is not None:
                factors(name, layer)
            else:
                layer.lora_B.normal_(0, 0.05)
                layer.lora_A.normal_(0, 0.3)
            if variant == "dora":
                layer.lora_magnitude_vector.mul_(1 + 0.1 * torch.randn_like(layer.lora_magnitude_vector))
    record = ModelRecord(kind="control_lora", name=f"{variant} adapter", dataset="mnist", model=model.config,
                         train=TrainConfig(), lora=config)
    return ModelLibrary(paths.models_dir(home)).save(model, record)


def core_deltas(home, model_id):
    model, record = ModelLibrary(paths.models_dir(home)).load(model_id)
    return model, record, {d.layer: d for d in inspection.lora_deltas(model)}


def delta_view(qtbot, home, model_id) -> DeltaWView:
    """The Evaluation tab's ΔW view showing the model as the evaluation job hands it over."""
    model, record, _ = core_deltas(home, model_id)
    inside = evaluation_jobs._inside(model, record)
    row = evaluation_jobs.EvaluatedModel(
        model_id, record.name, record.kind, None, record.dataset, 0.9, 0.3, None, None, None,
        rank=record.lora.rank, alpha=record.lora.alpha, **inside)
    view = DeltaWView()
    qtbot.addWidget(view)
    view.set_model(record.name, row)
    return view


def explainer(make_window, qtbot, model_id, layer):
    window = make_window()
    window.tabs.setCurrentWidget(window.learn_tab)
    panel = window.learn_tab.explainer
    panel.state.refresh_models()
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(layer))
    panel.adapter_combo.setCurrentIndex(panel.adapter_combo.findData(model_id))
    qtbot.waitUntil(lambda: panel.adapter is not None and panel.adapter.model_id == model_id, timeout=READY_MS)
    return panel


def test_both_views_count_the_same_singular_values_with_one_by_the_threshold(make_window, qtbot, app_home):
    """fc1's s·B·A (64 × 784) built with singular values 1, 2·t and t/2, t the float32 tolerance σmax·784·eps:
    both views count 2, the one above t and not the one below it."""
    tolerance = 784 * EPS32
    wanted = np.array([1.0, 2 * tolerance, 0.5 * tolerance])
    rank, alpha = 3, 6.0
    scale = alpha / rank
    rng = np.random.default_rng(0)
    u, _ = np.linalg.qr(rng.normal(size=(64, rank)))
    v, _ = np.linalg.qr(rng.normal(size=(784, rank)))

    def factors(name, layer):
        if name == "fc1":  # s·B·A = U diag(σ) Vᵀ
            layer.lora_B.copy_(torch.from_numpy(u).float())
            layer.lora_A.copy_(torch.from_numpy((wanted[:, None] * v.T) / scale).float())
        else:
            layer.lora_B.normal_(0, 0.05)
            layer.lora_A.normal_(0, 0.3)

    model_id = save(app_home, ("fc1", "fc2"), rank, alpha, factors=factors)
    _, _, deltas = core_deltas(app_home, model_id)
    fc1 = deltas["fc1"]
    # float32 rounding of the factors, their product and the SVD moves each by some eps·σmax (1e-6 here), not by
    # the t it may reach at worst; a quarter of t keeps each on its side of the line with room, on any CPU
    assert fc1.singular_values[:3] == pytest.approx(wanted, abs=tolerance / 4)
    assert fc1.nonzero == 2 and fc1.tolerance == pytest.approx(fc1.singular_values[0] * tolerance)

    view = delta_view(qtbot, app_home, model_id)
    assert view.table.item(0, 0).text() == "fc1" and view.table.item(0, 2).text() == "2 of 64"
    view.show_layer("fc1")
    assert "2 of 64 non-zero" in view.singular.getPlotItem().titleLabel.text

    panel = explainer(make_window, qtbot, model_id, "fc1")
    assert "2 of its 64 singular values are non-zero" in panel.view.toPlainText()
    assert np.count_nonzero(panel.maps.singular_values) == 2
    assert np.allclose(panel.maps.singular_values[:2], fc1.singular_values[:2], rtol=0, atol=0)


SCALE_WORDS = {"lora": "α/r = 8/4 = 2", "rslora": "α/√r = 8/√4 = 4", "dora": "α/r = 8/4 = 2"}


@pytest.mark.parametrize("variant", ["lora", "rslora", "dora"])
def test_each_variant_shows_the_cores_scale_and_its_own_words_in_both_views(make_window, qtbot, app_home, variant):
    model_id = save(app_home, ("fc2",), 4, 8.0, variant=variant)
    _, _, deltas = core_deltas(app_home, model_id)
    delta = deltas["fc2"]
    assert delta.variant == variant and delta.is_low_rank == (variant != "dora")
    assert delta.scale == LoraConfig(rank=4, alpha=8.0, variant=variant).scale

    view = delta_view(qtbot, app_home, model_id)
    heading, note = view.heading.text(), view.note.text()
    assert f"s = {SCALE_WORDS[variant]}" in heading and f"{delta.scale:g}" == SCALE_WORDS[variant].split(" = ")[-1]
    assert view.table.item(0, 2).text() == f"{delta.nonzero} of 10"
    if variant == "dora":
        assert "ΔW = W′ − W" in heading and "need not be low rank" in note and "at most 4 singular" not in note
        assert delta.nonzero > 4  # the rescaled rows: W′ − W is not low rank, and the view does not claim it
    else:
        assert "ΔW = s·B·A" in heading and "at most 4 singular values can be non-zero" in note
        assert delta.nonzero == 4

    panel = explainer(make_window, qtbot, model_id, "fc2")
    text = panel.view.toPlainText()
    assert f"so s = {number(delta.scale)}." in text and panel.adapter.scale == delta.scale
    assert panel.delta is delta.low_rank or np.array_equal(panel.delta, delta.low_rank)
    heat = panel.maps.delta_map
    from PySide6.QtCore import QPointF

    heat.hover_at(heat.getPlotItem().getViewBox().mapViewToScene(QPointF(5.5, 2.5)))
    cell = panel.last_cell  # the core's float32 cell sums r products and scales them; the hover sums in float64
    allowed = (len(cell.b) + 2) * EPS32 / 2 * abs(cell.scale) * np.abs(np.multiply(cell.b, cell.a)).sum()
    assert cell.scale == delta.scale and cell.total == pytest.approx(cell.value, abs=allowed)
    own = f"{delta.nonzero} of its 10 singular values are non-zero"
    assert own in text
    if variant == "dora":
        assert "need not be low rank" in text and "that is what low rank means" not in text
        assert "‖W′ − W‖ / ‖W‖" in text and f"its size is {number(delta.relative_norm, 3)} of ‖W‖" in text
    else:
        assert "that is what low rank means" in text and "This adapter is DoRA" not in text
        assert f"‖ΔW‖ / ‖W‖ = {number(delta.relative_norm, 3)}" in text
