"""B, A and ΔW = s·B·A of one layer as heat maps laid out like the product, and ΔW's singular values (for DoRA:
the low-rank part s·B·A, and the singular values of the whole update W′ − W).

        A (r × k)
    B   ΔW (d × k)          σ₁ ≥ σ₂ ≥ …
  (d×r)

Each matrix is drawn in its true shape, row 0 at the top, with its own colour levels symmetric around 0
(white is 0). Pointing at a cell of ΔW frames the row of B and the column of A it comes from. Imports
pyqtgraph: made in the explainer's `build_plots`, items created once and only fed afterwards.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGridLayout, QWidget

from lora_studio.gui.shared.heatmap import DIVERGING, HeatMap
from lora_studio.gui.shared.plots import dress

translate = QCoreApplication.translate
FRAME_COLOUR = "#111111"
BAR_COLOUR = "#2166ac"


def _frame(heat: HeatMap) -> QGraphicsRectItem:
    frame = QGraphicsRectItem()
    pen = QPen(pg.mkColor(FRAME_COLOUR))
    pen.setCosmetic(True)  # 2 px on screen, whatever the cells' size
    pen.setWidth(2)
    frame.setPen(pen)
    frame.setVisible(False)
    frame.setZValue(10)
    heat.getPlotItem().addItem(frame)
    return frame


def _levels(matrix: np.ndarray) -> tuple[float, float]:
    top = float(np.abs(matrix).max()) if matrix.size else 0.0
    top = top or 1.0  # an all-zero matrix (a fresh adapter's B) is drawn white
    return -top, top


class FactorMaps(QWidget):
    sigCellHovered = Signal(int, int)  # a cell of ΔW under the mouse; (-1, -1) off the map

    def __init__(self, parent=None):
        super().__init__(parent)
        # B's columns and A's rows share the summed index (named k in the hover sum); labelled on both sides so
        # B's rows line up with ΔW's and A's columns with ΔW's
        # t counts the r inner terms of B·A (k is taken: A's width): B's columns and A's rows
        self.b_map = HeatMap(translate("Explainer", "B (d × r)"), "t", translate("Explainer", "row i"))
        self.a_map = HeatMap(translate("Explainer", "A (r × k)"), "", "t")
        self.delta_map = HeatMap(translate("Explainer", "ΔW = s·B·A (d × k)"),
                                 translate("Explainer", "column j (input)"), "")
        self.delta_map.setObjectName("explainerDeltaW")
        self.delta_map.setToolTip(translate("Explainer", "Point at a cell to see the sum of products it comes from"))
        for heat in (self.b_map, self.a_map, self.delta_map):
            heat.setMinimumSize(60, 60)
        self.b_map.setFixedWidth(110)
        self.a_map.setFixedHeight(100)
        for heat in (self.a_map, self.delta_map):  # equal axes: A's columns stand right above ΔW's
            heat.getPlotItem().getAxis("left").setWidth(48)
        self.frames = {"b": _frame(self.b_map), "a": _frame(self.a_map), "delta": _frame(self.delta_map)}
        self.singular = pg.PlotWidget()
        self.singular.setObjectName("explainerSingularValues")
        self.singular.setMinimumSize(170, 120)
        dress(self.singular.getPlotItem(), translate("Explainer", "σ of ΔW"),
              translate("Explainer", "index"), "σ", grid=(False, True), fixed=True)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_COLOUR, pen=None)
        self.singular.addItem(self.bars)
        self.rank_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#b2182b", style=pg.QtCore.Qt.PenStyle.DashLine),
                                         label="r", labelOpts={"position": 0.9, "color": "#b2182b"})
        self.singular.addItem(self.rank_line)
        self.singular_values = np.zeros(0)  # what the bars show
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.a_map, 0, 1)
        layout.addWidget(self.b_map, 1, 0)
        layout.addWidget(self.delta_map, 1, 1)
        layout.addWidget(self.singular, 0, 2, 2, 1)
        layout.setColumnStretch(1, 3)
        layout.setColumnStretch(2, 1)
        layout.setRowStretch(1, 1)
        self.delta_map.sigCellHovered.connect(self.sigCellHovered)

    def show_factors(self, b: np.ndarray, a: np.ndarray, delta: np.ndarray, low_rank: bool = True) -> None:
        """Draw B (d, r), A (r, k) and s·B·A (d, k): ΔW itself when `low_rank`, DoRA's low-rank part when not."""
        for heat, matrix in ((self.b_map, b), (self.a_map, a), (self.delta_map, delta)):
            heat.set_matrix(matrix, _levels(matrix), DIVERGING)
        title = translate("Explainer", "ΔW = s·B·A (d × k)") if low_rank else \
            translate("Explainer", "s·B·A, DoRA's low-rank part (d × k)")
        self.delta_map.getPlotItem().setTitle(title, size="10pt")
        self.highlight(-1, -1)

    def show_singular_values(self, values: np.ndarray, rank: int, low_rank: bool = True) -> None:
        """ΔW's singular values (DoRA: of W′ − W, which may have more than r non-zero), with r marked."""
        self.singular.getPlotItem().setTitle(translate("Explainer", "σ of ΔW") if low_rank else
                                             translate("Explainer", "σ of W′ − W"), size="10pt")
        self.singular_values = np.asarray(values, dtype=np.float64)
        self.bars.setOpts(x=np.arange(1, len(values) + 1), height=self.singular_values, width=0.7)
        self.rank_line.setPos(rank + 0.5)
        self.rank_line.setVisible(True)
        top = float(self.singular_values.max()) if len(values) else 1.0
        self.singular.getPlotItem().getViewBox().setRange(xRange=(0.3, max(len(values), rank) + 0.7),
                                                          yRange=(0, top or 1.0), padding=0.05)

    def show_hint(self, text: str) -> None:
        """Nothing to draw: the maps say why."""
        self.delta_map.show_hint(text)
        self.b_map.show_hint("")
        self.a_map.show_hint("")
        self.singular_values = np.zeros(0)
        self.bars.setOpts(x=[], height=[])
        self.rank_line.setVisible(False)
        self.highlight(-1, -1)

    def highlight(self, row: int, column: int) -> None:
        """Frame cell (row, column) of ΔW, row `row` of B and column `column` of A; (-1, -1) clears."""
        d, k = self.delta_map.shape
        shown = 0 <= row < d and 0 <= column < k
        for frame in self.frames.values():
            frame.setVisible(shown)
        if shown:
            r = self.b_map.shape[1]
            self.frames["b"].setRect(QRectF(0, row, r, 1))
            self.frames["a"].setRect(QRectF(column, 0, 1, r))
            self.frames["delta"].setRect(QRectF(column, row, 1, 1))
