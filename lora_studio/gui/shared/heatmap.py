"""A matrix drawn as a heat map (pyqtgraph): fixed colour levels, optional numbers in the cells, clickable cells.

Row 0 is at the top (matrices read like tables). The image is one `ImageItem`
fed float32 data with fixed `levels`, so a redraw is one texture upload; the
cell texts are made once per shape and only get `setText` afterwards. Used for
the confusion matrix (counts, or the difference of two models) and for ΔW.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor

from lora_studio.gui.shared.plots import dress

#: white → blue for counts: dark text stays readable on the light cells, white text on the dark ones
SEQUENTIAL = pg.ColorMap([0.0, 0.35, 1.0], [(255, 255, 255), (140, 185, 225), (12, 60, 130)])
#: blue – white – red (ColorBrewer RdBu), pure white at the middle, for signed values (levels symmetric around 0)
DIVERGING = pg.ColorMap([0.0, 0.25, 0.5, 0.75, 1.0],
                        [(33, 102, 172), (146, 197, 222), (255, 255, 255), (244, 165, 130), (178, 24, 43)])


class HeatMap(pg.PlotWidget):
    sigCellClicked = Signal(int, int)  # row, column
    sigCellHovered = Signal(int, int)  # row, column under the mouse; (-1, -1) when it leaves the cells

    def __init__(self, title: str, x_label: str, y_label: str, colour_bar: bool = False, parent=None):
        super().__init__(parent=parent)
        self.setMinimumSize(240, 200)
        item = self.getPlotItem()
        dress(item, title, x_label, y_label, grid=None, fixed=True)
        item.setMouseEnabled(x=False, y=False)
        item.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.colour_bar = None
        if colour_bar:
            self.colour_bar = pg.ColorBarItem(values=(-1, 1), colorMap=DIVERGING, interactive=False, width=14,
                                              colorMapMenu=False)
            self.colour_bar.setImageItem(self.image, insert_in=item)
        self._texts: list[pg.TextItem] = []
        self._shape: tuple[int, int] = (0, 0)
        self._hint = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self.hover_at)
        self._hovered = (-1, -1)

    @property
    def shape(self) -> tuple[int, int]:
        return self._shape

    def set_matrix(self, values: np.ndarray, levels: tuple[float, float], colour_map: pg.ColorMap,
                   texts: list[list[str]] | None = None, ticks: list[str] | None = None) -> None:
        """Draw `values` (rows, columns) with fixed `levels`; `texts` per cell; `ticks` name rows and columns."""
        values = np.asarray(values, dtype=np.float32)
        self._remove_hint()
        self.image.setColorMap(colour_map)
        self.image.setImage(values, levels=levels, autoLevels=False)
        self.image.setRect(0, 0, values.shape[1], values.shape[0])
        if self.colour_bar is not None:
            self.colour_bar.setColorMap(colour_map)
            self.colour_bar.setLevels(levels)
        self._shape = values.shape
        self._hovered = (-1, -1)  # a new matrix: the next move names its cell again
        self._set_texts(values, levels, colour_map, texts)
        item = self.getPlotItem()
        if ticks is not None:
            major = [(i + 0.5, str(t)) for i, t in enumerate(ticks)]
            item.getAxis("bottom").setTicks([major])
            item.getAxis("left").setTicks([major])
        else:
            item.getAxis("bottom").setTicks(None)
            item.getAxis("left").setTicks(None)
        item.getViewBox().setRange(xRange=(0, values.shape[1]), yRange=(0, values.shape[0]), padding=0.02)

    def show_hint(self, text: str) -> None:
        """No data: an empty map with a sentence in the middle."""
        self.image.clear()
        for text_item in self._texts:
            text_item.setVisible(False)
        self._shape = (0, 0)
        item = self.getPlotItem()
        item.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self._hint.setText(text)
        self._hint.setPos(0.5, 0.5)
        if self._hint.scene() is None:
            item.addItem(self._hint)

    def cell_centre(self, row: int, column: int) -> QPoint:
        """Where cell (row, column) appears in the viewport (tests click there)."""
        scene = self.getPlotItem().getViewBox().mapViewToScene(QPointF(column + 0.5, row + 0.5))
        return self.mapFromScene(scene)

    def hover_at(self, scene_pos: QPointF) -> None:
        """The mouse is at `scene_pos`: say which cell it is over when that changes (the mouse-move slot)."""
        cell = self._cell_at(scene_pos) if self._shape[0] else None
        cell = cell or (-1, -1)
        if cell != self._hovered:
            self._hovered = cell
            self.sigCellHovered.emit(*cell)

    def cell_text(self, row: int, column: int) -> str:
        return self._texts[row * self._shape[1] + column].toPlainText() if self._texts else ""

    # --- internals ----------------------------------------------------------------------
    def _set_texts(self, values, levels, colour_map, texts) -> None:
        rows, columns = values.shape
        if texts is None:
            for text_item in self._texts:
                text_item.setVisible(False)
            return
        if len(self._texts) != rows * columns:
            for text_item in self._texts:
                self.getPlotItem().removeItem(text_item)
            self._texts = []
            for r in range(rows):
                for c in range(columns):
                    text_item = pg.TextItem("", anchor=(0.5, 0.5))
                    text_item.setPos(c + 0.5, r + 0.5)
                    self.getPlotItem().addItem(text_item)
                    self._texts.append(text_item)
        low, high = levels
        fractions = np.clip((values - low) / max(high - low, 1e-12), 0, 1)
        colours = colour_map.map(fractions.ravel(), mode="float")  # (n, 4) RGBA in [0, 1]
        for index, text_item in enumerate(self._texts):
            red, green, blue = colours[index][:3]
            dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5  # relative luminance of the cell
            text_item.setText(texts[index // columns][index % columns])
            text_item.setColor(QColor("#ffffff" if dark else "#1a1a1a"))
            text_item.setVisible(True)

    def _remove_hint(self) -> None:
        if self._hint.scene() is not None:
            self.getPlotItem().removeItem(self._hint)

    def _cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        point = self.getPlotItem().getViewBox().mapSceneToView(scene_pos)
        row, column = int(np.floor(point.y())), int(np.floor(point.x()))
        return (row, column) if 0 <= row < self._shape[0] and 0 <= column < self._shape[1] else None

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._shape[0]:
            return
        cell = self._cell_at(event.scenePos())
        if cell is not None:
            self.sigCellClicked.emit(*cell)
