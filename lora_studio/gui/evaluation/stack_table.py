"""The adapter stack as a table (`adapterStack`): one row per adapter with its weight slider (`adapterWeight_<i>`,
−100 … 200 %, i counted from 0) and, in one column per layer of the CNN, the layers it changes, so which adapters
share a layer is seen before any slider moves: a layer one adapter changes is shaded in that row, a layer two or
more change is amber in every row that changes it (their ΔW add up on the same weights: they may interfere).
The layers come from the core's loaded stack (AdapterStack.overlap), not from the records.
"""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from lora_studio.core.config import LAYERS, RANGES
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import variant_title

WEIGHT_RANGE = tuple(round(100 * v) for v in RANGES["adapter_weight"])  # percent: −100 … 200
ALONE = "#d6e4f5"  # a layer one adapter of the stack changes
SHARED = "#f6c96b"  # a layer several adapters change: amber, readable with black text
NAME, WEIGHT, FIRST_LAYER = 0, 1, 2  # columns; the layers follow, then the remove button


translate = QCoreApplication.translate  # lupdate reads translate("StackTable", "…"); a helper's argument it cannot


def adapter_label(index: int, adapter, lines: int = 1) -> str:
    """ "1 · conv1 r=8 · inverted · seed 0": its place, where it sits and its rank (and its variant when it is not
    plain LoRA: "DoRA fc2 r=4"), what it learned, its seed; on two lines (the table's) from the task on."""
    where = f"{'+'.join(adapter.layers)} r={adapter.rank}"
    if adapter.variant != "lora":
        where = f"{variant_title(adapter.variant)} {where}"
    seed = translate("StackTable", "seed {0}").format(adapter.seed)
    learned = " · ".join((core_texts.task_label(adapter.task), seed))
    return f"{index + 1} · {where}" + ("\n" if lines == 2 else " · ") + learned


class StackTable(QTableWidget):
    sigWeightsChanged = Signal()  # a slider moved
    sigRemove = Signal(int)  # the remove button of that row

    def __init__(self, parent=None):
        super().__init__(0, FIRST_LAYER + len(LAYERS) + 1, parent)
        self.setObjectName("adapterStack")
        self.setHorizontalHeaderLabels([translate("StackTable", "Adapter"), translate("StackTable", "Weight"),
                                        *LAYERS, ""])
        self.setToolTip(translate(
            "StackTable", "The adapters stacked on the base, each with its weight: the stack acts with W + Σ "
            "weight·ΔW on every layer an adapter changes, without any training. The layer columns show which "
            "layers each adapter changes; amber: a layer several adapters change, where their updates add up on the "
            "same weights"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WEIGHT, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(WEIGHT, 160)
        for column in range(FIRST_LAYER, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.sliders: list[QSlider] = []
        self.values: list[QLabel] = []
        self.overlap: dict[str, tuple[int, ...]] = {}

    def set_adapters(self, adapters, overlap: dict[str, tuple[int, ...]], weights: list[float]) -> None:
        """One row per adapter (stack_jobs.StackedInfo) at `weights` (−1 … 2); `overlap`: layer → the adapters
        changing it (AdapterStack.overlap)."""
        self.setRowCount(0)
        self.sliders, self.values, self.overlap = [], [], dict(overlap)
        self.setRowCount(len(adapters))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, adapter in enumerate(adapters):
            name = QTableWidgetItem(adapter_label(row, adapter, lines=2))
            name.setToolTip(f"{adapter.name} ({adapter.id})")
            self.setItem(row, NAME, name)
            self.setCellWidget(row, WEIGHT, self._weight_cell(row, weights[row]))
            for column, layer in enumerate(LAYERS, FIRST_LAYER):
                users = self.overlap.get(layer, ())
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row in users:
                    shared = len(users) > 1
                    item.setText(f"r={adapter.rank}")
                    item.setBackground(QBrush(QColor(SHARED if shared else ALONE)))
                    if shared:
                        item.setFont(bold)
                        item.setToolTip(translate("StackTable", "{0} is changed by adapters {1}: their updates add "
                                                  "up on the same weights, and may interfere").format(
                                                layer, core_texts.listed(str(i + 1) for i in users)))
                    else:
                        item.setToolTip(translate("StackTable", "{0} is changed by this adapter only").format(layer))
                self.setItem(row, column, item)
            remove = QToolButton()
            remove.setObjectName(f"removeAdapter_{row}")
            remove.setText("×")
            remove.setToolTip(translate("StackTable", "Take this adapter out of the stack"))
            remove.clicked.connect(lambda _checked=False, r=row: self.sigRemove.emit(r))
            self.setCellWidget(row, self.columnCount() - 1, remove)
        for column, layer in enumerate(LAYERS, FIRST_LAYER):
            header = QTableWidgetItem(layer)
            if len(self.overlap.get(layer, ())) > 1:
                header.setFont(bold)
                header.setBackground(QBrush(QColor(SHARED)))
                header.setToolTip(translate("StackTable", "Several adapters change {0}").format(layer))
            self.setHorizontalHeaderItem(column, header)
        self.resizeRowsToContents()

    def _weight_cell(self, row: int, weight: float) -> QWidget:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(f"adapterWeight_{row}")
        slider.setRange(*WEIGHT_RANGE)
        slider.setSingleStep(5)
        slider.setPageStep(25)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setTickInterval(100)  # −100, 0 (left out), 100 (as trained), 200
        slider.setValue(round(100 * weight))
        slider.setToolTip(translate("StackTable", "This adapter's weight in the stack: 0 % leaves it out, 100 % adds "
                                    "its update as trained, −100 % takes it away, 200 % counts it twice"))
        value = QLabel(f"{slider.value()} %")
        value.setObjectName(f"adapterWeightValue_{row}")
        value.setMinimumWidth(self.fontMetrics().horizontalAdvance("−100 %") + 6)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        slider.valueChanged.connect(lambda v, label=value: self._on_moved(label, v))
        self.sliders.append(slider)
        self.values.append(value)
        cell = QWidget()
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(slider, 1)
        layout.addWidget(value)
        return cell

    def _on_moved(self, label: QLabel, value: int) -> None:
        label.setText(f"{value} %")
        self.sigWeightsChanged.emit()

    def weights(self) -> tuple[float, ...]:
        return tuple(slider.value() / 100 for slider in self.sliders)

    def shared_layers(self) -> list[str]:
        """The layers several adapters change (what the amber marks)."""
        return [layer for layer, users in self.overlap.items() if len(users) > 1]
