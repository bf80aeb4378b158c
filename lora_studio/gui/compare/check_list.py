"""A compact list of checkable items in a fixed number of columns: which methods, layers, ranks, variants.

Each item's data (Qt.UserRole) is the value it stands for (a method name, a rank); `values()` gives the
ticked ones in the list's order. The list is exactly as tall as its rows, so it never scrolls, and each
item may carry a tooltip. `settings.bind` remembers the ticked values.
"""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QSizePolicy


class CheckList(QListWidget):
    sigChanged = Signal()  # an item was ticked or unticked

    def __init__(self, object_name: str, items: Sequence[tuple[str, object, str]], checked: Iterable,
                 columns: int, parent=None):
        """`items`: (text, value, tooltip) each; `checked`: the values ticked at first."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.columns = max(1, columns)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        ticked = set(checked)
        for text, value, tip in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
            if tip:
                item.setToolTip(tip)
            self.addItem(item)
        self.setCurrentRow(-1)  # no focus frame on the first item until the list is used
        self.itemChanged.connect(lambda _item: self.sigChanged.emit())
        self._row_height = self.fontMetrics().height() + 10
        self.setFixedHeight(self.rows() * self._row_height + 2 * self.frameWidth() + 2)
        # a click anywhere on an item's text ticks it, not only on its little box
        self.itemClicked.connect(self._toggle)
        self._pressed: dict[int, Qt.CheckState] = {}

    def rows(self) -> int:
        return -(-self.count() // self.columns)

    def values(self) -> list:
        """The ticked items' values, in the list's order."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def all_values(self) -> list:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()]

    def set_values(self, values: Iterable) -> None:
        ticked = set(values)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ticked
                               else Qt.CheckState.Unchecked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def _toggle(self, item: QListWidgetItem) -> None:
        if item.checkState() == self._pressed.get(self.row(item)):  # not toggled by its box: the click was on the text
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)

    def mousePressEvent(self, event) -> None:
        self._pressed = {row: item.checkState() for row, item in enumerate(self._items())}
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:
        # cells of equal width, a pixel short of filling the row (a full row wraps its last item onto the next)
        width = max(1, (self.viewport().width() - 2) // self.columns)
        self.setGridSize(QSize(width, self._row_height))
        for item in self._items():
            item.setSizeHint(QSize(width - 2, self._row_height - 2))
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        widest = max((self.fontMetrics().horizontalAdvance(item.text()) for item in self._items()), default=0)
        return QSize(self.columns * (widest + 30) + 2 * self.frameWidth() + 2, self.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
