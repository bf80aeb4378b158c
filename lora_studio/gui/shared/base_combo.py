"""A combo box of the library's base models, as the LoRA and Compare tabs both offer them."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


def fill_with_bases(combo: QComboBox, models) -> list[str]:
    """Put the usable base models of `models` (newest first) into `combo`, their settings as tooltips, and
    return their ids; the items stay as they are when they would be the same (a LoRA model was added, say).
    Signals stay blocked: the caller chooses the current item, then unblocks them."""
    combo.blockSignals(True)
    wanted = [(info.label, info.id, info.settings) for info in models if info.kind == "base" and not info.error]
    shown = [(combo.itemText(i), combo.itemData(i), combo.itemData(i, Qt.ItemDataRole.ToolTipRole))
             for i in range(combo.count())]
    if wanted != shown:
        combo.clear()
        for label, model_id, settings in wanted:
            combo.addItem(label, model_id)
            combo.setItemData(combo.count() - 1, settings, Qt.ItemDataRole.ToolTipRole)
    return [model_id for _, model_id, _ in wanted]
