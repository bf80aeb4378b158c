"""Adapter strength: a slider over 0–200 % of the inspected model's trained adapters, and the plot of target and
source accuracy against strength with a marker at the slider.

Once the slider (`adapterStrength`) has stood still for `SETTLE_MS`, a job recomputes the inspected model
at that strength in the worker (`strength_jobs`), so a drag asks for one recomputation, not one per pixel,
and the window never waits for it; the marker and the number follow the slider at once. When the result
comes, `at_strength` holds the model's row at that strength and `sigChanged` tells the tab to redraw its
views. The plot (`strengthPlot`) draws the model's accuracy at nine strengths (core `evaluation.strength`),
computed by a job the first time the model is inspected and kept for the evaluation's lifetime; moving along
it costs nothing.
"""

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout

from lora_studio.gui.evaluation import strength_jobs
from lora_studio.gui.i18n.shared_words import SOURCE, TARGET, word
from lora_studio.gui.shared.state.app_state import AppState
from lora_studio.gui.shared.style import TASK_COLOURS

SETTLE_MS = 150  # the slider stood still this long: recompute the views at its value
TRAINED = 100  # percent: the adapters as trained
TARGET_COLOUR, SOURCE_COLOUR = TASK_COLOURS["target"], TASK_COLOURS["source"]


class StrengthPanel(QGroupBox):
    sigChanged = Signal()  # `at_strength` changed: the views should redraw

    def __init__(self, state: AppState, parent=None):
        super().__init__(self.tr("Adapter strength"), parent)
        self.setObjectName("strengthPanel")
        self.state = state
        self.row = None  # the inspected model as trained (an evaluation_jobs.EvaluatedModel)
        self.at_strength = None  # the same at the slider's strength, once computed (None at 100 %)
        self._test = None  # (brightness, edges) of the inspected model's test split, for its errors by brightness
        self._models = strength_jobs.InspectedModels()  # the worker's: handed to strength jobs only
        self.curves: dict[str, object] = {}  # model id → its core StrengthCurve, once computed
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("adapterStrength")
        self.slider.setRange(0, 200)
        self.slider.setValue(TRAINED)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(25)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(TRAINED)  # ticks at 0, 100 (as trained) and 200
        self.slider.setToolTip(self.tr(
            "How much of the trained adapters the inspected model uses: its weights become W + s·ΔW. At 0 % it "
            "is the base model exactly, at 100 % the model as trained, at 200 % the update counts twice. Watch "
            "the views below change: turning the adapter down gives back the base's own task and loses the "
            "new one."))
        self.value_label = QLabel()
        self.value_label.setObjectName("adapterStrengthValue")
        self.value_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("200 %") + 8)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = QLabel(self.tr("0 %: the base model exactly · 100 %: as trained · 200 %: twice the update"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666666")
        self.scores = QLabel()
        self.scores.setObjectName("adapterStrengthScores")
        self.scores.setWordWrap(True)
        self.plot = None  # made by build_plots(), once the window is up
        self._curves = self._marker = None
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(row)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(self.scores)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._on_settled)
        self.slider.valueChanged.connect(self._on_moved)
        self._on_moved(TRAINED, settle=False)
        self.inspect(None)

    def build_plots(self) -> None:
        import pyqtgraph as pg

        from lora_studio.gui.shared.plots import dress

        if self.plot is not None:
            return
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("strengthPlot")
        self.plot.setMinimumSize(240, 150)
        self.plot.setToolTip(self.tr(
            "Accuracy of the inspected model against adapter strength, on the target task (what it was trained "
            "for) and on the source task (the base's own data set); the vertical line is the slider"))
        item = self.plot.getPlotItem()
        dress(item, self.tr("Accuracy against strength"), self.tr("adapter strength (%)"), self.tr("accuracy (%)"),
              size="9pt", fixed=True)
        self._curves = {
            "target": item.plot([], [], pen=pg.mkPen(TARGET_COLOUR, width=2), symbol="o", symbolSize=5,
                                symbolBrush=TARGET_COLOUR, symbolPen=TARGET_COLOUR, name=word(TARGET)),
            "source": item.plot([], [], pen=pg.mkPen(SOURCE_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                symbol="s", symbolSize=5, symbolBrush=SOURCE_COLOUR, symbolPen=SOURCE_COLOUR,
                                name=word(SOURCE)),
        }
        self._marker = pg.InfiniteLine(self.slider.value(), angle=90, pen=pg.mkPen("#555555", width=1))
        item.addItem(self._marker)
        item.setXRange(0, 200, padding=0.02)
        item.setYRange(0, 100, padding=0.02)
        self._layout.addWidget(self.plot, 1)

    # --- what the tab tells it ------------------------------------------------------------
    def forget(self) -> None:
        """A new evaluation: nothing inspected, and the worker lets the last model go with the jobs that hold it."""
        self.inspect(None)
        self._models = strength_jobs.InspectedModels()
        self.curves = {}

    def inspect(self, row, brightness=None, edges=None) -> None:
        """Follow the inspected model `row` (None: nothing), scored on a test split whose per-image brightness
        and the evaluation's bin edges are given: the slider back at 100 %, the plot showing its curve."""
        self._timer.stop()
        self.state.cancel_soon("strength")
        self.row, self.at_strength, self._test = row, None, (brightness, edges)
        self.slider.blockSignals(True)
        self.slider.setValue(TRAINED)
        self.slider.blockSignals(False)
        self._on_moved(TRAINED, settle=False)
        self.slider.setEnabled(row is not None and row.has_adapters)
        if row is None:
            self.scores.setText("")
        elif not row.has_adapters:
            self.scores.setText(self.tr("The inspected model has no adapters to turn: a base model, or one "
                                        "trained by another method than LoRA."))
        else:
            self.show_scores(row.target_accuracy, row.source_accuracy)
        curve = None
        if row is not None and row.has_adapters:
            curve = row.strength_curve or self.curves.get(row.id)
            if curve is not None:
                self.state.cancel_soon("strength-curve")
            else:  # made once per model, in the worker
                self.state.run_soon("strength-curve", strength_jobs.make_strength_curve(
                    self.state.cache, self._models, self.state.data_root, self.state.models_root, row.id,
                    on_done=self._on_curve, task=row.task))
        self._draw(curve)

    def _draw(self, curve) -> None:
        if self._curves is None:
            return
        if curve is None:
            for line in self._curves.values():
                line.setData([], [])
            return
        x = [100 * s for s in curve.strengths]
        self._curves["target"].setData(x, [100 * a for a in curve.target_accuracy])
        self._curves["source"].setData(x, [100 * a for a in curve.source_accuracy])
        low = min(min(curve.target_accuracy), min(curve.source_accuracy))
        self.plot.getPlotItem().setYRange(max(0.0, 100 * low - 5), 100, padding=0.02)

    def show_scores(self, target: float, source: float | None) -> None:
        """The inspected model's accuracy at the slider's strength, its words in the colours of the plot's lines."""
        target_words = (_coloured(word(TARGET), TARGET_COLOUR), f"{100 * target:.2f}")
        if source is None:
            text = self.tr("At {0} %: {1} {2} %").format(self.slider.value(), *target_words)
        else:
            text = self.tr("At {0} %: {1} {2} %, {3} {4} %").format(
                self.slider.value(), *target_words, _coloured(word(SOURCE), SOURCE_COLOUR), f"{100 * source:.2f}")
        self.scores.setText(text)

    def points(self) -> int:
        """Points on the target curve (tests and the screenshots check the plot is not empty)."""
        if self._curves is None:
            return 0
        x, _y = self._curves["target"].getData()
        return 0 if x is None else len(x)

    @property
    def strength(self) -> float:
        return self.slider.value() / TRAINED

    # --- slots --------------------------------------------------------------------------
    def _on_moved(self, value: int, settle: bool = True) -> None:
        self.value_label.setText(f"{value} %")
        if self._marker is not None:
            self._marker.setValue(value)
        if settle:
            self._timer.start()  # restarted by each move: fires once the slider stands still

    def _on_settled(self) -> None:
        """The slider stood still: recompute the inspected model at its strength (in the worker)."""
        row, percent = self.row, self.slider.value()
        if row is None or not row.has_adapters:
            return
        if percent == TRAINED:  # the model as trained: what the evaluation gave
            self.state.cancel_soon("strength")
            self.at_strength = None
            self.show_scores(row.target_accuracy, row.source_accuracy)
            self.sigChanged.emit()
            return
        brightness, edges = self._test
        self.state.run_soon("strength", strength_jobs.make_strength(
            self.state.cache, self._models, self.state.data_root, self.state.models_root, row.id,
            percent / TRAINED, brightness, edges, on_done=self._on_applied, task=row.task))

    def _on_curve(self, result) -> None:
        if result.status == "failed":  # the slider works without the plot (a job that raised gives a JobResult)
            self.scores.setText(self.tr("The accuracy against strength could not be computed: {0}").format(
                result.message))
            return
        if not isinstance(result, strength_jobs.StrengthCurveMade) or result.status != "finished":
            return  # stopped (the window closing, a run waiting): computed again the next time it is shown
        self.curves[result.model_id] = result.curve
        if self.row is not None and self.row.id == result.model_id:
            self._draw(result.curve)

    def _on_applied(self, result) -> None:
        row = self.row
        if not isinstance(result, strength_jobs.StrengthApplied) or row is None or result.model_id != row.id:
            return  # another model is inspected by now
        if result.status != "finished":
            self.scores.setText(self.tr("Could not recompute: {0}").format(result.message))
            return
        if round(result.strength * TRAINED) != self.slider.value():
            return  # the slider moved on: its own job is on its way
        p = result.predictions
        self.at_strength = dataclasses.replace(
            row, predictions=p, test_accuracy=p.accuracy, test_loss=p.loss, source_accuracy=result.source_accuracy,
            deltas=result.deltas, snapshot=result.snapshot, brightness_errors=result.brightness_errors)
        self.show_scores(p.accuracy, result.source_accuracy)
        self.sigChanged.emit()


def _coloured(word: str, colour: str) -> str:
    """The word after a line sample of its curve (─ solid or ┄ dashed are not in every font: a bold square)."""
    return f'<span style="color:{colour}"><b>■</b> {word}</span>'
