"""What the adapter stack scores, beside what it is made of: a bar plot (`stackAccuracyPlot`) and a table of the
same numbers (`stackScores`).

One group of two bars per model: the base (every weight 0), each adapter alone at weight 1, the stack at the
sliders' weights (outlined: the one that moves), and each combination saved from it; the left bar is the accuracy
on the chosen task, the right one on the source task (the base's own data set), in the colours every target/source
plot of the app uses. When the adapters have seed siblings, a whisker shows the 95 % interval over seeds (core
scores.mean_interval) and the table adds the mean ± half its width. The bars are made once the window is up
(`build_plot`: pyqtgraph loads after it).
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lora_studio.gui.shared.style import TASK_COLOURS

TASK_COLOUR, SOURCE_COLOUR = TASK_COLOURS["target"], TASK_COLOURS["source"]
NAME, TASK, SOURCE, TASK_SEEDS, SOURCE_SEEDS = range(5)  # the table's columns


translate = QCoreApplication.translate  # lupdate reads translate("StackScores", "…"); a helper's argument it cannot


@dataclass(frozen=True)
class Shown:
    """One model of the plot and the table."""

    key: str  # "base", "alone:<i>", "stack", "saved:<id>"
    axis: str  # its short name under its bars
    name: str  # in the table
    title: str  # what it is, in a sentence (the table's tooltip)
    scores: tuple[float, float] | None  # (chosen task, source task); None while it is computed
    seeds: tuple | None = None  # (MeanInterval on the task, on the source) over seeds, or None


class StackScores:
    """The plot (in `plot_area`, once built), its legend and the table; the panel lays them out."""

    def __init__(self):
        self.legend = QLabel()
        self.legend.setObjectName("stackLegend")
        self.legend.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("stackScores")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(TASK, SOURCE_SEEDS + 1):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(translate(
            "StackScores", "Test accuracy of the base, of each adapter alone (weight 100 %), of the stack at the "
            "sliders' weights and of the combinations saved from it, on the chosen task and on the source task. "
            "With seed siblings in the library (the same settings, other seeds), the mean over seeds ± half its "
            "95 % interval"))
        self.plot = None  # made by build_plot()
        self._bars = self._whiskers = None
        self.shown: list[Shown] = []
        self.plot_area = QWidget()
        self._layout = QVBoxLayout(self.plot_area)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.set_task("", 0)

    def build_plot(self) -> None:
        import numpy as np
        import pyqtgraph as pg

        from lora_studio.gui.shared.plots import dress

        if self.plot is not None:
            return
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("stackAccuracyPlot")
        self.plot.setMinimumSize(260, 150)
        self.plot.setToolTip(self.table.toolTip())
        item = self.plot.getPlotItem()
        dress(item, "", "", translate("StackScores", "accuracy (%)"), size="9pt", grid=(False, True), fixed=True)
        item.setYRange(0, 100, padding=0.05)  # room above 100 for its tick label, in any font
        item.setMouseEnabled(x=False, y=False)
        self._bars = {
            "task": pg.BarGraphItem(x=[], height=[], width=0.38, brush=TASK_COLOUR, pen=None),
            "source": pg.BarGraphItem(x=[], height=[], width=0.38, brush=SOURCE_COLOUR, pen=None),
        }
        self._outline = pg.BarGraphItem(x=[], height=[], width=0.9, brush=None, pen=pg.mkPen("#222222", width=2))
        empty = np.zeros(0)
        self._whiskers = pg.ErrorBarItem(x=empty, y=empty, top=empty, bottom=empty, beam=0.12,
                                         pen=pg.mkPen("#222222", width=1.5))
        for bars in (*self._bars.values(), self._outline, self._whiskers):
            item.addItem(bars)
        self._layout.addWidget(self.plot)
        self.show_models(self.shown)

    def set_task(self, title: str, seeds: int) -> None:
        """The chosen task's title (the legend and the headers), and how many seeds the intervals are over."""
        square = '<span style="color:{0}"><b>■</b></span> {1}'
        self.legend.setText(translate("StackScores", "{0} &nbsp; {1}").format(
            square.format(TASK_COLOUR, title or translate("StackScores", "the chosen task")),
            square.format(SOURCE_COLOUR, translate("StackScores", "the source task"))))
        self.table.setHorizontalHeaderLabels([  # two lines: the table shares its row with the stack and the plot
            "", translate("StackScores", "Task"), translate("StackScores", "Source"),
            translate("StackScores", "Task,\n{0} seeds").format(seeds),
            translate("StackScores", "Source,\n{0} seeds").format(seeds)])
        for column in (TASK_SEEDS, SOURCE_SEEDS):
            self.table.setColumnHidden(column, seeds < 2)

    def show_models(self, shown: list[Shown]) -> None:
        self.shown = list(shown)
        self.table.setRowCount(len(shown))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, model in enumerate(shown):
            cells = [model.name, *(_percent(v) for v in (model.scores or (None, None))),
                     *(_interval(i) for i in (model.seeds or (None, None)))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(model.title)
                if column != NAME:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if model.key == "stack":
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self._draw()

    def _draw(self) -> None:
        if self.plot is None:
            return
        import numpy as np  # loaded with pyqtgraph

        shown = self.shown
        xs = list(range(len(shown)))
        for bars, side, offset in ((self._bars["task"], 0, -0.2), (self._bars["source"], 1, 0.2)):
            bars.setOpts(x=[x + offset for x in xs], height=[100 * m.scores[side] if m.scores else 0 for m in shown])
        stack = [x for x, m in zip(xs, shown, strict=True) if m.key == "stack" and m.scores]
        self._outline.setOpts(x=stack, height=[100 * max(shown[x].scores) for x in stack])
        whiskers = [(x + offset, interval) for x, m in zip(xs, shown, strict=True) if m.seeds
                    for offset, interval in zip((-0.2, 0.2), m.seeds, strict=True) if interval and interval.ci95]
        self._whiskers.setData(  # pyqtgraph subtracts these: arrays, not lists
            x=np.array([x for x, _ in whiskers], dtype=float), y=np.array([100 * i.mean for _, i in whiskers]),
            top=np.array([100 * (i.ci95[1] - i.mean) for _, i in whiskers]),
            bottom=np.array([100 * (i.mean - i.ci95[0]) for _, i in whiskers]))
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks([[(x, m.axis) for x, m in zip(xs, shown, strict=True)]])
        item.setXRange(-0.6, max(len(shown), 1) - 0.4, padding=0)

    def heights(self) -> dict[str, tuple[float, float]]:
        """key → the heights of its two bars, in % (tests and screenshots check what the plot shows)."""
        if self.plot is None:
            return {}
        task, source = (self._bars[side].opts["height"] for side in ("task", "source"))
        return {m.key: (float(t), float(s)) for m, t, s in zip(self.shown, task, source, strict=True)}

    def cells(self, key: str) -> list[str]:
        """The table's row of `key`, as shown."""
        row = next(i for i, m in enumerate(self.shown) if m.key == key)
        return [self.table.item(row, column).text() for column in range(self.table.columnCount())]


def _percent(value: float | None) -> str:
    return "…" if value is None else f"{100 * value:.2f} %"


def _interval(interval) -> str:
    """ "88.10 ± 3.20" (points): the mean over seeds and the half-width of its 95 % interval."""
    if interval is None:
        return ""
    if interval.ci95 is None:
        return f"{100 * interval.mean:.2f}"
    return f"{100 * interval.mean:.2f} ± {50 * (interval.ci95[1] - interval.ci95[0]):.2f}"
