"""A combo box of the library's base models, as the LoRA and Compare tabs both offer them."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


def fill_with_bases(combo: QComboBox, models) -> list[str]:
    """Put the usable base models of `models` (newest first) into `combo`, their settings as tooltips, and
    return their ids. Signals stay blocked: the caller chooses the current item, then unblocks them."""
    combo.blockSignals(True)
    combo.clear()
    for info in models:
        if info.kind == "base" and not info.error:
            combo.addItem(info.label, info.id)
            combo.setItemData(combo.count() - 1, info.settings, Qt.ItemDataRole.ToolTipRole)
    return [combo.itemData(i) for i in range(combo.count())]
