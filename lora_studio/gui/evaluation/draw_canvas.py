"""Draw a digit: a canvas, the digit as the models see it (28×28), their class probabilities side by side.

The canvas is white ink on black, as MNIST digits are. Each stroke is
pre-processed the way MNIST was made (`core.inspection.mnist_preprocess`: 20×20
box, centred by centre of mass) and answered by `core.drawing.DrawingModel`s —
NumPy forward passes over the merged weights the evaluation job snapshotted,
owned by this widget. That runs here, in the GUI thread: one image takes well
under a millisecond per model (measured and shown under the plot), less than a
thread hop would, and it keeps answering while the worker is busy training.
"""

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SIDE = 280  # canvas pixels: a digit drawn ~200 px tall becomes MNIST's 20 px box, so 10:1
PEN = 22  # stroke width: MNIST's strokes are 2–3 px in that box
LIVE_MS = 60  # while drawing, answer at most ~16 times a second


class DrawCanvas(QWidget):
    """The drawing surface (objectName `drawCanvas`): left button draws, `clear()` wipes."""

    sigDrawn = Signal()  # the drawing changed (throttled while the mouse moves; at once on release)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setFixedSize(SIDE, SIDE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse (white ink on black, like MNIST)"))
        self._image = QImage(SIDE, SIDE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._last: QPoint | None = None
        self._strokes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_MS)
        self._timer.timeout.connect(self.sigDrawn)

    def sizeHint(self) -> QSize:
        return QSize(SIDE, SIDE)

    @property
    def is_empty(self) -> bool:
        return self._strokes == 0

    def clear(self) -> None:
        self._image.fill(0)
        self._strokes = 0
        self._last = None
        self.update()
        self.sigDrawn.emit()

    def ink(self) -> np.ndarray:
        """The drawing as float32 (SIDE, SIDE), ink in [0, 1]."""
        width, height, stride = self._image.width(), self._image.height(), self._image.bytesPerLine()
        pixels = np.frombuffer(self._image.constBits(), dtype=np.uint8, count=stride * height)
        return pixels.reshape(height, stride)[:, :width].astype(np.float32) / 255.0

    def draw_line(self, start: QPoint, end: QPoint) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), PEN, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(start, end)
        painter.end()
        self._strokes += 1
        self.update()

    # --- mouse --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = event.position().toPoint()
            self.draw_line(self._last, self._last)  # a click leaves a dot
            self._timer.start()

    def mouseMoveEvent(self, event) -> None:
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            self.draw_line(self._last, point)
            self._last = point
            if not self._timer.isActive():
                self._timer.start()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._last is not None:
            self._last = None
            self._timer.stop()
            self.sigDrawn.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.setPen(QColor("#888888"))
        painter.drawRect(QRect(0, 0, SIDE - 1, SIDE - 1))
        if self.is_empty:
            painter.setPen(QColor("#bbbbbb"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        painter.end()


class DigitPreview(QWidget):
    """A 28×28 uint8 image drawn large with visible pixels: what the model is given."""

    def __init__(self, scale: int = 5, parent=None):
        super().__init__(parent)
        self.setObjectName("drawPreview")
        self.setFixedSize(28 * scale, 28 * scale)
        self.setToolTip(self.tr("Your drawing pre-processed like MNIST: scaled into a 20×20 box and centred by its "
                                "centre of mass in 28×28 pixels — exactly what the models see"))
        self._image = QImage()

    def set_image(self, image: np.ndarray | None) -> None:
        if image is None:
            self._image = QImage()
        else:
            image = np.ascontiguousarray(image, dtype=np.uint8)
            self._image = QImage(image.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if not self._image.isNull():
            painter.drawImage(self.rect(), self._image)  # nearest neighbour: pixels stay square
        painter.setPen(QColor("#888888"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class ProbabilityPlot(pg.PlotWidget):
    """Class probabilities of up to a few models, bars side by side per class."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.setObjectName("drawProbabilities")
        self.setMinimumSize(260, 170)  # the Evaluation tab, strength panel beside, must fit 1280×800
        item = self.getPlotItem()
        item.setTitle(self.tr("Class probabilities"), size="10pt")
        item.setLabel("bottom", self.tr("class"))
        item.setLabel("left", self.tr("probability (%)"))
        item.getAxis("bottom").enableAutoSIPrefix(False)
        item.getAxis("left").enableAutoSIPrefix(False)
        item.showGrid(y=True, alpha=0.25)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setRange(xRange=(-0.6, 9.6), yRange=(0, 100), padding=0.02)
        item.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.bars: list[pg.BarGraphItem] = []  # named by coloured squares in the answer line below the plot

    def set_models(self, models: list[tuple[str, str]]) -> None:
        """(label, colour) per model, in the order their bars stand."""
        for bars in self.bars:
            self.removeItem(bars)
        self.bars = []
        width = 0.8 / max(1, len(models))
        for m, (label, colour) in enumerate(models):
            offset = (m - (len(models) - 1) / 2) * width
            bars = pg.BarGraphItem(x=np.arange(10) + offset, height=np.zeros(10), width=width, brush=colour,
                                   pen=None)
            bars.setToolTip(label)
            self.addItem(bars)
            self.bars.append(bars)

    def set_probabilities(self, probabilities: list[np.ndarray | None]) -> None:
        for bars, p in zip(self.bars, probabilities, strict=True):
            bars.setOpts(height=np.zeros(10) if p is None else 100 * np.asarray(p, dtype=float))


def answer_drawing(ink: np.ndarray, models) -> tuple[np.ndarray, list, float, float]:
    """Pre-process a drawing and ask every model: (28×28 image, answers, preprocess ms, inference ms)."""
    from lora_studio.core.evaluation.inspection import mnist_preprocess

    started = time.perf_counter()
    image = mnist_preprocess(ink)
    prepared = time.perf_counter()
    answers = [model.predict(image) for model in models]
    done = time.perf_counter()
    return image, answers, 1000 * (prepared - started), 1000 * (done - prepared)
