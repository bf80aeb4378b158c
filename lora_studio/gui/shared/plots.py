"""Live training plots: curves made once, data appended to buffers, redrawn by a timer at most 20 times a second.

The worker already sends steps in batches (~20 a second); appending only marks
a series dirty, and one single-shot timer per plot calls `setData` on the
changed curves. Long series are drawn with peak downsampling and clipped to
the view, so a 10-epoch run on the full MNIST (9,400 steps) stays cheap.

Most of a redraw's time goes to the axes and their grid, not the curves. Every
plot keeps its axes in a pixmap cache (`dress`), which only holds while the view
stays put: the loss plot therefore does not autorange batch by batch but grows
its view in jumps, a few times a run (`LossPlot`).

Importing this module imports pyqtgraph and NumPy (~0.5 s): the tabs create their
plots in `build_plots()`, called just after the window is first shown.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")

REDRAW_MS = 50
SMOOTHING = 0.9  # exponential moving average of the per-step loss: new = 0.9·old + 0.1·loss



class Buffer:
    """A growing pair of float64 arrays, amortised O(1) appends."""

    def __init__(self):
        self._x = np.empty(256)
        self._y = np.empty(256)
        self.size = 0

    def extend(self, xs, ys) -> None:
        n = len(xs)
        if self.size + n > len(self._x):
            capacity = max(2 * len(self._x), self.size + n)
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self.size : self.size + n] = xs
        self._y[self.size : self.size + n] = ys
        self.size += n

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.size]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.size]


class LivePlot(pg.PlotWidget):
    """A plot of named series fed incrementally; shows a hint while it is empty."""

    def __init__(self, title: str, x_label: str, y_label: str, empty_hint: str, parent=None):
        super().__init__(parent=parent)
        self.setMinimumSize(280, 150)  # low enough that the LoRA tab, settings above, fits a 1280×800 window
        item = self.getPlotItem()
        dress(item, title, x_label, y_label, size="11pt")
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self._legend = item.addLegend(offset=(-10, 10), labelTextSize="9pt")
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._buffers: dict[str, Buffer] = {}
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._redraw)
        self._hint = pg.TextItem(empty_hint, color="#777777", anchor=(0.5, 0.5))
        self._show_hint()

    def series(self, key: str, colour: str, name: str | None = None, width: float = 2.0,
               style=Qt.PenStyle.SolidLine, symbol: str | None = None, alpha: int = 255) -> pg.PlotDataItem:
        """The curve for `key`, created the first time it is asked for."""
        if key not in self._curves:
            qcolour = pg.mkColor(colour)
            qcolour.setAlpha(alpha)
            pen = pg.mkPen(qcolour, width=width, style=style)
            curve = self.getPlotItem().plot(
                [], [], pen=pen, name=name, symbol=symbol, symbolSize=7, symbolBrush=qcolour, symbolPen=qcolour)
            self._curves[key] = curve
            self._buffers[key] = Buffer()
        return self._curves[key]

    def append(self, key: str, xs, ys) -> None:
        if self._hint.scene() is not None:
            self.getPlotItem().removeItem(self._hint)
            self._first_data()
        self._buffers[key].extend(xs, ys)
        self._dirty.add(key)
        if not self._timer.isActive():
            self._timer.start()

    def points(self, key: str) -> int:
        """How many points `key` holds (tests and the screenshots check plots are not empty)."""
        return self._buffers[key].size if key in self._buffers else 0

    def keys(self) -> list[str]:
        return list(self._curves)

    def clear_data(self) -> None:
        """Remove every series (a new run starts with fresh curves and legend)."""
        self._timer.stop()
        for curve in self._curves.values():
            self.getPlotItem().removeItem(curve)
        self._legend.clear()
        self._curves.clear()
        self._buffers.clear()
        self._dirty.clear()
        self._show_hint()

    def flush(self) -> None:
        """Redraw now (used before a screenshot)."""
        self._timer.stop()
        self._redraw()

    def _redraw(self) -> None:
        for key in self._dirty:
            buffer = self._buffers[key]
            self._curves[key].setData(buffer.x, buffer.y)
        self._dirty.clear()

    def _first_data(self) -> None:
        """The hint goes: from now on the view follows the data."""
        self.getPlotItem().enableAutoRange()

    def _show_hint(self) -> None:
        show_hint(self, self._hint)


def show_hint(plot: pg.PlotWidget, hint: pg.TextItem) -> None:
    """An empty plot's hint, centred on a fixed unit range (autoranging an empty plot would jitter)."""
    item = plot.getPlotItem()
    item.disableAutoRange()
    item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    hint.setPos(0.5, 0.5)
    if hint.scene() is None:
        item.addItem(hint)


def plain_axes(item: pg.PlotItem) -> None:
    """Tick labels in the data's own units: no "(x0.001)" rescaling of a loss of 0.05."""
    for name in ("left", "bottom"):
        item.getAxis(name).enableAutoSIPrefix(False)


def dress(item: pg.PlotItem, title: str, x_label: str, y_label: str, *, size: str = "10pt",
          grid: tuple[bool, bool] | None = (True, True), fixed: bool = False) -> None:
    """How every plot of the app looks: a title, labelled axes in plain units and a light grid. `fixed`: the
    app sets the view, so no context menu or auto-range button to lose it with."""
    item.setTitle(title, size=size)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    plain_axes(item)
    if grid:
        item.showGrid(x=grid[0], y=grid[1], alpha=0.25)
    for name in ("left", "bottom"):  # drawn again only when the view or the size changes
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    if fixed:
        item.setMenuEnabled(False)
        item.hideButtons()


def smoothed(losses, start: float | None = None) -> np.ndarray:
    """The exponential moving average of per-step losses (SMOOTHING), as every loss curve of the app draws it,
    continuing from `start` (the average so far) or beginning at the first loss."""
    values = np.asarray(losses, dtype=np.float64)
    out = np.empty(len(values))
    value = start if start is not None else (float(values[0]) if len(values) else 0.0)
    for i, loss in enumerate(values):
        value = SMOOTHING * value + (1 - SMOOTHING) * loss
        out[i] = value
    return out


class LossPlot(LivePlot):
    """Per-step training loss, faint, with its moving average drawn over it.

    Its view spans from step 0 to twice the last step drawn, doubled again whenever the curve reaches its right
    edge but never past the step at which the runs end (`add_steps`'s `last_step`, known when a run starts),
    and from a loss of 0 to a little above the highest loss seen, raised in jumps of LOSS_HEADROOM: it moves a
    few times a run instead of with every batch, and the curve fills at least half of it. Once the user zooms
    or pans, the view is theirs until the next run."""

    LOSS_HEADROOM = 1.25  # the view's top, as a multiple of the highest loss, each time that loss passes it

    def __init__(self, title: str | None = None, parent=None):
        translate = QCoreApplication.translate
        super().__init__(title or translate("LossPlot", "Training loss"), translate("LossPlot", "step"),
                         translate("LossPlot", "cross-entropy loss"),
                         translate("LossPlot", "The loss appears here while training runs"), parent)
        self._smoothed: dict[str, float] = {}
        self._last_step = 0.0
        self._view: tuple[float, float] | None = None  # the (right, top) the view was last set to
        self._users_view = False
        self.getPlotItem().getViewBox().sigRangeChangedManually.connect(self._on_user_range)

    def add_steps(self, key: str, xs: np.ndarray, losses: np.ndarray, colour: str, name: str | None,
                  style=Qt.PenStyle.SolidLine, last_step: float = 0.0) -> None:
        """Draw `losses` at steps `xs` of the run `key`; `last_step`: the step at which that run will end."""
        self._last_step = max(self._last_step, float(last_step))
        self.series(f"{key}/raw", colour, None, width=1.0, alpha=60)
        self.series(key, colour, name, width=2.0, style=style)
        self.append(f"{key}/raw", xs, losses)
        if not len(losses):
            return
        average = smoothed(losses, self._smoothed.get(key))  # carried on from the steps drawn before
        self._smoothed[key] = float(average[-1])
        self.append(key, xs, average)

    def clear_data(self) -> None:
        super().clear_data()
        self._smoothed.clear()
        self._last_step, self._view, self._users_view = 0.0, None, False

    def _first_data(self) -> None:
        pass  # the view is set by _fit_view, not autoranged

    def _redraw(self) -> None:
        super()._redraw()
        self._fit_view()

    def _fit_view(self) -> None:
        filled = [buffer for buffer in self._buffers.values() if buffer.size]
        if self._users_view or not filled:
            return
        right = max(float(buffer.x[-1]) for buffer in filled)  # steps only grow along a series
        highest = max(float(buffer.y.max()) for buffer in filled)
        view_right, view_top = self._view or (0.0, 0.0)
        if right <= view_right and highest <= view_top:
            return
        if right > view_right:  # room for as many steps again, up to the announced end if there is one
            view_right = min(2 * right, self._last_step) if right <= self._last_step else 2 * right
        if highest > view_top:
            view_top = highest * self.LOSS_HEADROOM
        self._view = (view_right, view_top)
        self.getPlotItem().setRange(xRange=(0, view_right), yRange=(0, view_top), padding=0.02)

    def _on_user_range(self, *_args) -> None:
        self._users_view = True


class AccuracyPlot(LivePlot):
    """Train (dashed) and test (solid) accuracy after each epoch, in per cent."""

    def __init__(self, title: str | None = None, parent=None):
        translate = QCoreApplication.translate
        super().__init__(title or translate("AccuracyPlot", "Accuracy per epoch"), translate("AccuracyPlot", "epoch"),
                         translate("AccuracyPlot", "accuracy (%)"),
                         translate("AccuracyPlot", "Accuracy appears after the first epoch"), parent)
        self._legend.setOffset((-10, -10))  # bottom right: accuracy curves rise towards the top
        self._legend.setColumnCount(2)  # train and test side by side: half the rows, in a plot only 150 px high

    def _redraw(self) -> None:
        super()._redraw()
        # Keep the bottom third free for the legend: after LoRA, test accuracy sits flat at the bottom of the
        # data (train above it) and an autoranged plot put it right under the legend.
        filled = [buffer.y for buffer in self._buffers.values() if buffer.size]
        if filled:
            low, high = min(float(y.min()) for y in filled), max(float(y.max()) for y in filled)
            span = max(high - low, 0.2)
            self.getPlotItem().setYRange(low - 0.6 * span, high + 0.08 * span, padding=0)

    def add_epoch(self, key: str, info: dict, colour: str, name: str | None) -> None:
        epoch = info["epoch"]
        if info["epochs"] <= 20:  # whole epochs only: "1.5" is not an epoch
            self.getPlotItem().getAxis("bottom").setTickSpacing(major=1, minor=1)
        else:
            self.getPlotItem().getAxis("bottom").setTickSpacing()
        self.series(f"{key}/train", colour, self.tr("{0} · train").format(name) if name else None, width=1.5,
                    style=Qt.PenStyle.DashLine, symbol="t")
        self.append(f"{key}/train", [epoch], [100 * info["train_accuracy"]])
        if info.get("test_accuracy") is not None:
            self.series(f"{key}/test", colour, self.tr("{0} · test").format(name) if name else None, width=2.0,
                        symbol="o")
            self.append(f"{key}/test", [epoch], [100 * info["test_accuracy"]])
