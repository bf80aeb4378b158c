"""A grid of small grayscale images with a caption under each, painted in one widget.

One widget painting QImages is far cheaper than a QLabel per digit, and it
reflows to its width: as many columns as fit, as many rows as the height allows.
"""

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

TILE = 56  # a 28×28 image drawn at 2×, crisp (nearest neighbour)
CAPTION = 16
GAP = 8


class ImageGrid(QWidget):
    def __init__(self, empty_text: str | None = None, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(TILE * 4 + GAP * 5, TILE + CAPTION + 2 * GAP)
        self._captions: list[str] = []
        self._qimages: list[QImage] = []
        self.empty_text = empty_text if empty_text is not None else QCoreApplication.translate("ImageGrid", "No images")

    def set_items(self, images, captions: list[str]) -> None:
        """images: NumPy uint8 (n, H, W); captions: n short strings."""
        import numpy as np  # not at import time: the window is built before NumPy loads

        if len(images) != len(captions):
            raise ValueError("one caption per image")
        images = np.ascontiguousarray(images, dtype=np.uint8)
        self._captions = list(captions)
        self._qimages = [
            QImage(img.data, img.shape[1], img.shape[0], img.strides[0], QImage.Format.Format_Grayscale8).copy()
            for img in images
        ]
        self.update()

    def clear(self, empty_text: str | None = None) -> None:
        if empty_text is not None:
            self.empty_text = empty_text
        self._captions, self._qimages = [], []
        self.update()

    @property
    def count(self) -> int:
        return len(self._captions)

    @property
    def captions(self) -> list[str]:
        return list(self._captions)

    def visible_count(self) -> int:
        columns, rows = self._layout()
        return min(self.count, columns * rows)

    def sizeHint(self) -> QSize:
        return QSize(8 * (TILE + GAP) + GAP, 4 * (TILE + CAPTION + GAP) + GAP)

    def _layout(self) -> tuple[int, int]:
        columns = max(1, (self.width() - GAP) // (TILE + GAP))
        rows = max(1, (self.height() - GAP) // (TILE + CAPTION + GAP))
        return columns, rows

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        if not self._qimages:
            painter.setPen(QColor("#777777"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        columns, rows = self._layout()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        for index in range(min(len(self._qimages), columns * rows)):
            row, column = divmod(index, columns)
            x = GAP + column * (TILE + GAP)
            y = GAP + row * (TILE + CAPTION + GAP)
            painter.drawImage(QRect(x, y, TILE, TILE), self._qimages[index])
            painter.setPen(text_colour)
            painter.drawText(QRect(x - GAP // 2, y + TILE, TILE + GAP, CAPTION),
                             Qt.AlignmentFlag.AlignCenter, self._captions[index])
        painter.end()
