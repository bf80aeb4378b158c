"""A virtualised gallery of test digits: a QListView over index arrays, painted by a delegate.

Only the tiles in view are painted, each from the uint8 test images held once
in NumPy; changing the mode or the order swaps one index array (a model reset).
So 10,000 errors cost no more than 10 — no widget, pixmap or item per digit.
Each tile shows the digit at 2×, "true → predicted" (and the compared model's
answer in the fixed/broken modes), the confidence and the brightness.
"""

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

SCALE = 2
TILE_W, TILE_H = 84, 92  # image 56×56 and two caption lines
WRONG, RIGHT = QColor("#c0392b"), QColor("#1e7b34")


class GalleryModel(QAbstractListModel):
    IndexRole = Qt.ItemDataRole.UserRole + 1  # the test-set index of the row's image

    def __init__(self, parent=None):
        super().__init__(parent)
        self._indices = None  # (n,) int64 into the test set
        self._source = None

    def set_items(self, indices, images, labels, predicted, confidence, brightness, reference=None,
                  names: tuple[str, str] = ("", "")) -> None:
        """Show `indices` of the test set; `reference`: the compared model's predictions (fixed/broken modes)."""
        self.beginResetModel()
        self._indices = indices
        self._source = (images, labels, predicted, confidence, brightness, reference, names)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._indices, self._source = None, None
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if (parent is not None and parent.isValid()) or self._indices is None else len(self._indices)

    def test_index(self, row: int) -> int:
        return int(self._indices[row])

    def tile(self, row: int) -> tuple[QImage, str, str, bool]:
        """What the delegate paints: the image, two caption lines, and whether the answer is wrong."""
        images, labels, predicted, confidence, brightness, reference, _names = self._source
        i = int(self._indices[row])
        image = images[i]
        qimage = QImage(image.data, image.shape[1], image.shape[0], image.strides[0],
                        QImage.Format.Format_Grayscale8).copy()  # the copy owns its pixels
        true, guess = int(labels[i]), int(predicted[i])
        first = f"{true} → {guess}" if reference is None else f"{true}: {int(reference[i])} → {guess}"
        second = f"{100 * confidence[i]:.0f} % · {brightness[i]:.2f}"
        return qimage, first, second, guess != true

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._indices is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            _, first, second, _ = self.tile(index.row())
            return f"{first}\n{second}"
        if role == self.IndexRole:
            return self.test_index(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            images, labels, predicted, confidence, brightness, reference, names = self._source
            i = self.test_index(index.row())
            values = (i, int(labels[i]), names[0] or self.tr("the model"), int(predicted[i]),
                      f"{100 * confidence[i]:.1f}", f"{brightness[i]:.3f}")
            if reference is None:
                return self.tr("Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; "
                               "brightness {5}").format(*values)
            return self.tr("Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; brightness {5}; "
                           "{6} said {7}").format(*values, names[1] or self.tr("the compared model"), int(reference[i]))
        return None


class GalleryDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:
        return QSize(TILE_W, TILE_H)

    def paint(self, painter, option, index) -> None:
        model = index.model()
        qimage, first, second, wrong = model.tile(index.row())
        rect = option.rect
        painter.save()
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        side = qimage.width() * SCALE
        painter.drawImage(QRect(rect.x() + (rect.width() - side) // 2, rect.y() + 3, side, side), qimage)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        line = painter.fontMetrics().height()
        top = rect.y() + 5 + side
        painter.setPen(WRONG if wrong else RIGHT)
        painter.drawText(QRect(rect.x(), top, rect.width(), line), Qt.AlignmentFlag.AlignCenter, first)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(rect.x(), top + line, rect.width(), line), Qt.AlignmentFlag.AlignCenter, second)
        painter.restore()


class Gallery(QListView):
    """The view: a wrapping grid of equal tiles, scrolled by pixels, only visible tiles painted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.gallery_model = GalleryModel(self)
        self.setModel(self.gallery_model)
        self.setItemDelegate(GalleryDelegate(self))
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)  # the layout needs no size per item: O(1) per tile, nothing measured
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(2000)
        self.setSpacing(2)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumSize(TILE_W * 3 + 30, TILE_H + 10)

    def count(self) -> int:
        return self.gallery_model.rowCount()

    def test_indices(self) -> list[int]:
        return [self.gallery_model.test_index(r) for r in range(self.count())]
