"""The adapter stack's "Combine" row: how the stacked adapters become one adapter (`combineHowCombo`: cat, linear,
svd, ties, magnitude_prune, as PEFT's add_weighted_adapter; each item's tooltip is the core's description of it,
config.COMBINATIONS), the rank svd keeps (`combineRank`, enabled for svd only, at most what every adapted layer
can hold) and `saveCombinationButton`. The stack panel starts the job (stack_jobs.make_combine)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from lora_studio.core.config import COMBINATIONS, RANGES
from lora_studio.gui.i18n import core_texts

SVD = "svd"
#: how each way is called in the window: PEFT's combination_type names, for the translator to keep or gloss
HOW_TITLES = {"cat": QT_TRANSLATE_NOOP("CombineRow", "cat"), "linear": QT_TRANSLATE_NOOP("CombineRow", "linear"),
              "svd": QT_TRANSLATE_NOOP("CombineRow", "svd"), "ties": QT_TRANSLATE_NOOP("CombineRow", "ties"),
              "magnitude_prune": QT_TRANSLATE_NOOP("CombineRow", "magnitude_prune")}


def how_title(how: str) -> str:
    """A way of combining as the window calls it (a name it does not know: as it is)."""
    return QCoreApplication.translate("CombineRow", HOW_TITLES[how]) if how in HOW_TITLES else how


class CombineRow(QWidget):
    sigSave = Signal()  # saveCombinationButton clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.how_combo = QComboBox()
        self.how_combo.setObjectName("combineHowCombo")
        for how, description in COMBINATIONS.items():
            self.how_combo.addItem(how_title(how), how)
            self.how_combo.setItemData(self.how_combo.count() - 1, core_texts.core_text(description),
                                       Qt.ItemDataRole.ToolTipRole)
        self.how_combo.setToolTip(self.tr("How the stacked adapters become one, as PEFT's add_weighted_adapter "
                                          "does; hover over an item to read what it does"))
        self.rank = QSpinBox()
        self.rank.setObjectName("combineRank")
        self.rank.setRange(int(RANGES["rank"][0]), int(RANGES["rank"][0]))
        self.rank.setToolTip(self.tr("svd only: the rank the weighted sum of the adapters' ΔW is cut back to "
                                     "(at most what every adapted layer can hold)"))
        self.save_button = QPushButton(self.tr("Save combination"))
        self.save_button.setObjectName("saveCombinationButton")
        self.save_button.setToolTip(self.tr("Combine the stacked adapters at the sliders' weights into one new "
                                            "LoRA adapter and save it in the model library"))
        self.save_button.clicked.connect(self.sigSave)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Combine")))
        layout.addWidget(self.how_combo, 1)
        layout.addWidget(QLabel(self.tr("rank")))
        layout.addWidget(self.rank)
        layout.addWidget(self.save_button)
        self.how_combo.currentIndexChanged.connect(lambda _index: self._fit())
        self._stacked = False
        self.fit(None, ())

    def how(self) -> str:
        return self.how_combo.currentData()

    def fit(self, svd_rank: int | None, ranks) -> None:
        """A stack was loaded (`svd_rank`: the largest rank svd can keep; `ranks`: its adapters'), or emptied
        (None): svd's rank starts at the largest adapter's rank, within 1 … svd_rank."""
        self._stacked = svd_rank is not None
        if svd_rank is not None:  # within the core's range of ranks, and what the layers can hold
            low, high = RANGES["rank"]
            svd_rank = max(int(low), min(svd_rank, int(high)))
            self.rank.setRange(int(low), svd_rank)
            self.rank.setValue(min(svd_rank, max(ranks)))
        self.save_button.setEnabled(self._stacked)
        self._fit()

    def set_busy(self, busy: bool) -> None:
        """A combination is being saved (or another job holds the worker): no second one."""
        self.save_button.setEnabled(self._stacked and not busy)

    def _fit(self) -> None:
        self.rank.setEnabled(self._stacked and self.how() == SVD)
