"""Rows with air below their text, for the saved-models list, whose items are two lines (name, kind · id).

Qt measures an item's height in the list's own font; a line that falls back to a taller font for its Chinese
characters (Noto Sans CJK beside DejaVu Sans) can then need a few pixels more than the row has, and Qt drops
the second line and elides the first. Half a line more per row is room enough in either language.
"""

from PySide6.QtWidgets import QStyledItemDelegate


class RoomyRows(QStyledItemDelegate):
    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + option.fontMetrics.height() // 2)
        return size
