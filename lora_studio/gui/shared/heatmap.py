"""A matrix drawn as a heat map (pyqtgraph): fixed colour levels, optional numbers in the cells, clickable cells.

Row 0 is at the top (matrices read like tables). The image is one `ImageItem`
fed float32 data with fixed `levels`, so a redraw is one texture upload; the
cell texts are one item that draws them all (`CellLabels`). Used for the
confusion matrix (counts, or the difference of two models) and for ΔW.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from lora_studio.gui.shared.plots import dress

#: white → blue for counts: dark text stays readable on the light cells, white text on the dark ones
SEQUENTIAL = pg.ColorMap([0.0, 0.35, 1.0], [(255, 255, 255), (140, 185, 225), (12, 60, 130)])
#: blue – white – red (ColorBrewer RdBu), pure white at the middle, for signed values (levels symmetric around 0)
DIVERGING = pg.ColorMap([0.0, 0.25, 0.5, 0.75, 1.0],
                        [(33, 102, 172), (146, 197, 222), (255, 255, 255), (244, 165, 130), (178, 24, 43)])


class CellLabels(pg.GraphicsObject):
    """The text of every cell, in the window's font at its own size, centred in the cell: one item draws them
    all. (A pg.TextItem each, a hundred QGraphicsItems with a transform of their own, took tens of milliseconds
    of the GUI thread to make and place whenever an evaluation ended.)"""

    def __init__(self):
        super().__init__()
        self._texts: list[str] = []
        self._colours: list[QColor] = []
        self._columns = 0

    def set_cells(self, texts: list[str], colours: list[QColor], columns: int) -> None:
        """`texts` and their `colours` row by row, `columns` to a row."""
        self.prepareGeometryChange()
        self._texts, self._colours, self._columns = texts, colours, columns
        self.update()

    def clear(self) -> None:
        self.set_cells([], [], 0)

    def text(self, index: int) -> str:
        return self._texts[index] if index < len(self._texts) else ""

    def boundingRect(self) -> QRectF:
        rows = len(self._texts) // self._columns if self._columns else 0
        return QRectF(0, 0, self._columns, rows)

    def paint(self, painter, *_args) -> None:
        if not self._texts:
            return
        to_device = painter.transform()  # cells in data units; text in pixels, whatever the zoom
        painter.save()
        painter.resetTransform()
        painter.setFont(QApplication.font())
        corner, far = to_device.map(QPointF(0, 0)), to_device.map(QPointF(1, 1))
        width, height = abs(far.x() - corner.x()), abs(far.y() - corner.y())
        for index, text in enumerate(self._texts):
            if text:
                row, column = divmod(index, self._columns)
                centre = to_device.map(QPointF(column + 0.5, row + 0.5))
                painter.setPen(self._colours[index])
                painter.drawText(QRectF(centre.x() - width, centre.y() - height / 2, 2 * width, height),
                                 Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


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
        self.labels = CellLabels()
        item.addItem(self.labels)
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
        self.labels.clear()
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
        return self.labels.text(row * self._shape[1] + column)

    # --- internals ----------------------------------------------------------------------
    def _set_texts(self, values, levels, colour_map, texts) -> None:
        rows, columns = values.shape
        if texts is None:
            self.labels.clear()
            return
        low, high = levels
        fractions = np.clip((values - low) / max(high - low, 1e-12), 0, 1)
        colours = colour_map.map(fractions.ravel(), mode="float")  # (n, 4) RGBA in [0, 1]
        dark = colours[:, :3] @ np.array([0.2126, 0.7152, 0.0722]) < 0.5  # relative luminance of each cell
        white, black = QColor("#ffffff"), QColor("#1a1a1a")
        self.labels.set_cells([texts[r][c] for r in range(rows) for c in range(columns)],
                              [white if is_dark else black for is_dark in dark], columns)

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
