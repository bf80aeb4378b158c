"""What the adapter stack is picked from: a base of the library (`stackBaseCombo`) and the LoRA models trained from
it (`stackAdapterCombo`: any layers, variants and ranks, combinations too; those the core cannot stack, a model with
extra inputs, are listed and refused with its reason when added), and `stackAddButton`."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from lora_studio.gui.shared.base_combo import fill_with_bases


class StackPicker(QWidget):
    sigBaseChanged = Signal()  # another base chosen (by a person, or because the chosen one left the library)
    sigAdd = Signal(str)  # the adapter to add, by id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.base_combo = QComboBox()
        self.base_combo.setObjectName("stackBaseCombo")
        self.base_combo.setToolTip(self.tr("The base model: the adapters stacked must all be trained from it"))
        self.base_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.adapter_combo = QComboBox()
        self.adapter_combo.setObjectName("stackAdapterCombo")
        self.adapter_combo.setToolTip(self.tr("The LoRA models trained from this base: any layers, variants and "
                                              "ranks (a model with extra inputs cannot be stacked)"))
        self.adapter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = QPushButton(self.tr("Add to the stack"))
        self.add_button.setObjectName("stackAddButton")
        self.add_button.clicked.connect(lambda: self.adapter_combo.currentData() and self.sigAdd.emit(
            self.adapter_combo.currentData()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Base")))
        layout.addWidget(self.base_combo, 1)
        layout.addWidget(self.adapter_combo, 1)
        layout.addWidget(self.add_button)
        self._models: list = []
        self.base_combo.currentIndexChanged.connect(lambda _index: self._on_base())

    def base_id(self) -> str | None:
        return self.base_combo.currentData()

    def select_base(self, base_id: str) -> bool:
        """Choose the base `base_id`; False when the library does not hold it."""
        index = self.base_combo.findData(base_id)
        if index >= 0:
            self.base_combo.setCurrentIndex(index)
        return index >= 0

    def fill(self, models) -> None:
        """The library's models (AppState's ModelInfo), the choices kept where they are still there."""
        self._models = list(models)
        chosen = self.base_id()
        bases = fill_with_bases(self.base_combo, models)  # as the LoRA and Compare tabs offer them
        index = self.base_combo.findData(chosen)
        self.base_combo.setCurrentIndex(index if index >= 0 else (0 if bases else -1))
        self.base_combo.blockSignals(False)
        if self.base_id() != chosen:
            self._on_base()
        else:
            self._fill_adapters()

    def _fill_adapters(self) -> None:
        base = self.base_id()
        chosen = self.adapter_combo.currentData()
        self.adapter_combo.clear()
        for info in self._models:
            if base is not None and info.parent == base and info.method == "lora" and not info.error:
                self.adapter_combo.addItem(info.label, info.id)
                self.adapter_combo.setItemData(self.adapter_combo.count() - 1, f"{info.id} · {info.settings}",
                                               Qt.ItemDataRole.ToolTipRole)
        index = self.adapter_combo.findData(chosen)
        if index >= 0:
            self.adapter_combo.setCurrentIndex(index)
        self.add_button.setEnabled(self.adapter_combo.count() > 0)

    def _on_base(self) -> None:
        self._fill_adapters()
        self.sigBaseChanged.emit()
