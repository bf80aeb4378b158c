"""The Compare tab's plots: accuracy against trainable parameters, learning against forgetting, loss curves.

One marker per setting of a sweep (its mean over seeds), with its 95 % interval over the seeds as an error
bar; colour and marker shape name the method or LoRA variant (one scatter item per group, made once and
fed with `setData`). The parameter axis is logarithmic: the points are placed at log10(parameters) and the
axis labels them in plain numbers. The Pareto front is a step line through the settings on it: the best
accuracy reachable with at most that many parameters. Importing this module imports pyqtgraph and NumPy.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal

from lora_studio.core.vocabulary import VARIANTS
from lora_studio.gui.i18n.words import kind_title, variant_title
from lora_studio.gui.shared.plots import dress, show_hint, smoothed
from lora_studio.gui.shared.style import colour

# the marker of each group (a LoRA variant, or another method), beside its colour (style.colour), so the groups
# stay apart for the common colour-vision deficiencies and in grey print; a variant registered later gets a circle
GROUPS = {"lora": "o", "rslora": "t", "dora": "s", "head": "d", "full": "star", "scratch": "p"}
FRONT_COLOUR = "#444444"
BASE_COLOUR = colour("base")  # the base model, as every plot draws it


@dataclass(frozen=True)
class Point:
    """One setting of a sweep over its seeds (accuracies as fractions)."""

    index: int  # its place in the tab's list of settings
    group: str  # a key of GROUPS
    label: str  # "lora r=4", "head"
    params: int  # trainable parameters
    target: float
    target_ci: tuple[float, float] | None  # None: one seed
    source: float
    source_ci: tuple[float, float] | None
    seeds: int


def group_of(record: dict) -> str:
    """The plot group of a RUN record: its LoRA variant, or its method."""
    return record["variant"] if record["method"] == "lora" else record["method"]


def group_title(group: str) -> str:
    """A group as the legend names it: a LoRA variant's title, or the kind of run of another method."""
    return variant_title(group) if group in VARIANTS else kind_title(group)


class ParamsAxis(pg.AxisItem):
    """A logarithmic axis labelled 1, 10, 100, 1k, 10k, … at the powers of ten only."""

    def logTickStrings(self, values, scale, spacing):
        return [compact(10 ** round(v)) if abs(v - round(v)) < 1e-6 else "" for v in values]


def compact(number: float) -> str:
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if number >= size:
            return f"{number / size:g}{suffix}"
    return f"{number:g}"


class SettingsPlot(pg.PlotWidget):
    """Settings as markers with error bars, one scatter item per group; a click reports the setting's index."""

    sigPointClicked = Signal(int, bool)  # setting index, double click

    def __init__(self, title: str, x_label: str, y_label: str, hint: str, log_x: bool = False,
                 legend_at: tuple[int, int] | None = (8, 8), parent=None):
        axis = {"bottom": ParamsAxis("bottom")} if log_x else {}
        super().__init__(parent=parent, axisItems=axis)
        self.setMinimumSize(260, 200)
        self.log_x = log_x
        item = self.getPlotItem()
        dress(item, title, x_label, y_label, size="11pt")
        if log_x:
            item.getAxis("bottom").setLogMode(True)
        # top left, where accuracy against size seldom is (it rises to the right); None: no legend (the plot
        # beside it has the same colours and one)
        self.legend = None
        if legend_at is not None:
            self.legend = item.addLegend(offset=legend_at, labelTextSize="9pt", verSpacing=-4,
                                         brush=pg.mkBrush(255, 255, 255, 215), pen=pg.mkPen("#bbbbbb"))
            self.legend.setZValue(20)
        self._scatters: dict[str, pg.ScatterPlotItem] = {}
        self._bars: dict[str, pg.ErrorBarItem] = {}
        self.points: list[Point] = []
        self.chosen: int | None = None
        self._ring = pg.ScatterPlotItem(symbol="o", size=22, brush=None, pen=pg.mkPen("#222222", width=2))
        self._ring.setZValue(11)
        item.addItem(self._ring)
        self._hint = pg.TextItem(hint, color="#777777", anchor=(0.5, 0.5))
        self._show_hint()

    def x_of(self, point: Point) -> tuple[float, float, float]:
        raise NotImplementedError  # (x, left error, right error) in view coordinates

    def y_of(self, point: Point) -> tuple[float, float, float]:
        return _percent(point.target, point.target_ci)

    def set_points(self, points: Sequence[Point]) -> None:
        self.points = list(points)
        if self._hint.scene() is not None and self.points:
            self.getPlotItem().removeItem(self._hint)
            self.getPlotItem().enableAutoRange()
        elif not self.points:
            self._show_hint()
        for group in dict.fromkeys([*GROUPS, *(p.group for p in self.points)]):
            chosen = [p for p in self.points if p.group == group]
            if not chosen and group not in self._scatters:
                continue
            scatter, bars = self._group(group)
            xs = [self.x_of(p) for p in chosen]
            ys = [self.y_of(p) for p in chosen]
            x, y = np.array([v[0] for v in xs]), np.array([v[0] for v in ys])
            scatter.setData(x=x, y=y, data=[p.index for p in chosen])
            bars.setData(x=x, y=y, left=np.array([v[1] for v in xs]), right=np.array([v[2] for v in xs]),
                         bottom=np.array([v[1] for v in ys]), top=np.array([v[2] for v in ys]))
            scatter.setVisible(bool(chosen))
            bars.setVisible(bool(chosen))
            self._legend_entry(group, scatter, bool(chosen))
        self.set_chosen(self.chosen)

    def set_chosen(self, index: int | None) -> None:
        """Ring the setting `index` (the one clicked last); None: no ring."""
        point = next((p for p in self.points if p.index == index), None)
        self.chosen = None if point is None else index
        self._ring.setData(x=[self.x_of(point)[0]] if point else [], y=[self.y_of(point)[0]] if point else [])

    def marker_count(self) -> int:
        """How many markers are drawn (tests and the screenshots check the plot is not empty)."""
        return sum(len(s.data) for s in self._scatters.values() if s.isVisible())

    def _group(self, group: str) -> tuple[pg.ScatterPlotItem, pg.ErrorBarItem]:
        if group not in self._scatters:
            drawn, symbol = colour(group), GROUPS.get(group, "o")
            bars = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), pen=pg.mkPen(drawn, width=1.2), beam=0.0)
            scatter = pg.ScatterPlotItem(symbol=symbol, size=11, brush=pg.mkBrush(drawn),
                                         pen=pg.mkPen("w", width=1), hoverable=True, tip=self._tip,
                                         hoverPen=pg.mkPen("k", width=2))
            scatter.setZValue(10)
            scatter.sigClicked.connect(self._on_clicked)
            self.getPlotItem().addItem(bars)
            self.getPlotItem().addItem(scatter)
            self._scatters[group], self._bars[group] = scatter, bars
        return self._scatters[group], self._bars[group]

    def _legend_entry(self, group: str, scatter, shown: bool) -> None:
        if self.legend is None:
            return
        listed = self.legend.getLabel(scatter) is not None
        if shown and not listed:
            self.legend.addItem(scatter, group_title(group))
        elif not shown and listed:
            self.legend.removeItem(scatter)

    def _tip(self, x, y, data) -> str:
        point = next((p for p in self.points if p.index == data), None)
        return "" if point is None else describe_point(point)

    def _on_clicked(self, _scatter, spots, event) -> None:
        if len(spots):
            self.sigPointClicked.emit(int(spots[0].data()), bool(event.double()))

    def _show_hint(self) -> None:
        show_hint(self, self._hint)


class ParetoPlot(SettingsPlot):
    """Target accuracy against trainable parameters (log x), with the Pareto front as a step line."""

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("SweepPlots", "Accuracy against trainable parameters"),
                         QCoreApplication.translate("SweepPlots", "trainable parameters (log scale)"),
                         QCoreApplication.translate("SweepPlots", "target accuracy (%)"),
                         QCoreApplication.translate("SweepPlots", "Each finished setting appears here"), log_x=True,
                         parent=parent)
        self.setObjectName("paretoPlot")
        self.front_curve = pg.PlotCurveItem(pen=pg.mkPen(FRONT_COLOUR, width=1.5, style=Qt.PenStyle.DashLine))
        self.front_curve.setZValue(5)
        self.getPlotItem().addItem(self.front_curve)
        self.legend.addItem(self.front_curve, QCoreApplication.translate("SweepPlots", "Pareto front"))
        self.front: list[Point] = []
        self.setToolTip(QCoreApplication.translate("SweepPlots",
            "One marker per setting: its mean target accuracy over the seeds, with a bar for the 95 % interval "
            "when there are several seeds. Further right costs more parameters. The dashed step line is the "
            "Pareto front: the settings that no other setting beats with as many parameters or fewer. A setting "
            "below the line pays for parameters it does not use. Click a marker for its details."))

    def x_of(self, point: Point) -> tuple[float, float, float]:
        return math.log10(max(point.params, 1)), 0.0, 0.0

    def set_front(self, front: Sequence[Point]) -> None:
        """Draw the step line through `front` (the settings on the Pareto front, in any order)."""
        self.front = sorted(front, key=lambda p: (p.params, p.target))
        xs, ys = step_line([(p.params, 100 * p.target) for p in self.front])
        self.front_curve.setData(np.log10(np.maximum(xs, 1)) if len(xs) else xs, ys)


class ForgettingPlot(SettingsPlot):
    """Target accuracy against source accuracy: what each setting learnt against what it forgot."""

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("SweepPlots", "Learning against forgetting"),
                         QCoreApplication.translate("SweepPlots", "source accuracy (%) — the base's own task"),
                         QCoreApplication.translate("SweepPlots", "target accuracy (%)"),
                         QCoreApplication.translate("SweepPlots", "Each finished setting appears here"), legend_at=None,
                         parent=parent)
        self.setObjectName("forgettingPlot")
        self.base = pg.ScatterPlotItem(symbol="+", size=16, pen=pg.mkPen(BASE_COLOUR, width=2.5))
        self.base.setZValue(9)
        self.getPlotItem().addItem(self.base)
        # left of the cross: the base knows its own task best, so it is usually the rightmost point
        self.base_label = pg.TextItem(QCoreApplication.translate("SweepPlots", "base model"), color=BASE_COLOUR,
                                      anchor=(1.05, 1.05))
        self.base_label.setZValue(9)
        self.getPlotItem().addItem(self.base_label)
        self.base_label.setVisible(False)
        self.setToolTip(QCoreApplication.translate("SweepPlots",
            "Each setting's target accuracy (what it learnt) against its accuracy on the base's own task after "
            "fine-tuning (what it kept). The cross is the base model before any fine-tuning: a setting to its "
            "left forgot part of the source task. LoRA with a small rank usually stays close to it; full "
            "fine-tuning moves furthest."))

    def x_of(self, point: Point) -> tuple[float, float, float]:
        return _percent(point.source, point.source_ci)

    def set_base(self, source: float | None, target: float | None) -> None:
        """The base model's accuracies (fractions) on the source and the target task."""
        if source is None or target is None:
            self.base.setData(x=[], y=[])
            self.base_label.setVisible(False)
            return
        self.base.setData(x=[100 * source], y=[100 * target])
        self.base_label.setPos(100 * source, 100 * target)
        self.base_label.setVisible(True)


class RunLossPlot(pg.PlotWidget):
    """The per-step training loss of chosen runs, overlaid, smoothed as the training plots smooth it."""

    MAX_NAMED = 6  # up to this many runs: a colour and a legend line each; more: their group's colour
    PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d")

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.setObjectName("sweepLossPlot")
        self.setMinimumSize(200, 180)
        item = self.getPlotItem()
        dress(item, QCoreApplication.translate("SweepPlots", "Loss of the selected runs"),
              QCoreApplication.translate("SweepPlots", "step"),
              QCoreApplication.translate("SweepPlots", "loss (smoothed)"), size="11pt")
        item.getViewBox().setDefaultPadding(0.05)  # the last step's tick label stays inside the plot
        self.legend = item.addLegend(offset=(-8, 8), labelTextSize="8pt", verSpacing=-6,
                                     brush=pg.mkBrush(255, 255, 255, 215), pen=pg.mkPen("#bbbbbb"))
        self._curves: list[pg.PlotDataItem] = []
        self._hint = pg.TextItem(
            QCoreApplication.translate("SweepPlots", "Select runs in the table to compare their loss"), color="#777777",
            anchor=(0.5, 0.5))
        self._shown = 0
        self.set_runs([])

    def set_runs(self, runs: Sequence[tuple[str, str, Sequence[float]]]) -> None:
        """Draw (label, group, per-step losses) for each run; the curves are reused. A few runs get a colour and a
        legend line each; many are coloured by their group (GROUPS), with one legend line a group."""
        item = self.getPlotItem()
        while len(self._curves) < len(runs):
            curve = item.plot([], [])
            self._curves.append(curve)
        self.legend.clear()
        named = len(runs) <= self.MAX_NAMED
        listed: set[str] = set()
        for i, curve in enumerate(self._curves):
            if i < len(runs):
                label, group, losses = runs[i]
                ys = smoothed(losses)
                curve.setData(np.arange(1, len(ys) + 1), ys)
                drawn = self.PALETTE[i] if named else colour(group)
                curve.setPen(pg.mkPen(drawn, width=1.8))
                curve.setVisible(True)
                if named:
                    self.legend.addItem(curve, label)
                elif group not in listed:
                    listed.add(group)
                    self.legend.addItem(curve, group_title(group))
            else:
                curve.setData([], [])
                curve.setVisible(False)
        self._shown = len(runs)
        if runs and self._hint.scene() is not None:
            item.removeItem(self._hint)
            item.enableAutoRange()
        elif not runs:
            item.disableAutoRange()
            item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            self._hint.setPos(0.5, 0.5)
            if self._hint.scene() is None:
                item.addItem(self._hint)

    def curve_count(self) -> int:
        return self._shown


def step_line(front: Sequence[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """The staircase through (cost, value) points sorted by cost: from each point across to the next one's cost,
    then up to its value; the best value reachable at each cost."""
    xs, ys = [], []
    for i, (cost, value) in enumerate(front):
        if i:
            xs.append(cost)
            ys.append(front[i - 1][1])
        xs.append(cost)
        ys.append(value)
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def describe_point(point: Point) -> str:
    seeds = QCoreApplication.translate("SweepPlots", "{0} seeds").format(point.seeds) if point.seeds > 1 else \
        QCoreApplication.translate("SweepPlots", "1 seed")
    return QCoreApplication.translate(
        "SweepPlots", "{0}\n{1:,} trainable parameters\ntarget {2}\nsource {3}\n{4}").format(
        point.label, point.params, _interval_text(point.target, point.target_ci),
        _interval_text(point.source, point.source_ci), seeds)


def _interval_text(mean: float, ci: tuple[float, float] | None) -> str:
    text = f"{100 * mean:.2f} %"
    return text if ci is None else f"{text} [{100 * ci[0]:.2f}, {100 * ci[1]:.2f}]"


def _percent(mean: float, ci: tuple[float, float] | None) -> tuple[float, float, float]:
    """(value, distance down to the interval's low end, distance up to its high end), in per cent. The bar stops at
    0 and 100 %: a t interval over two or three seeds can reach beyond, where no accuracy lies."""
    if ci is None:
        return 100 * mean, 0.0, 0.0
    return 100 * mean, 100 * (mean - max(ci[0], 0.0)), 100 * (min(ci[1], 1.0) - mean)
