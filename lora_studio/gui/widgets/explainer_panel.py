"""How LoRA works, on one layer of the live model (being written: see issue 14)."""

from PySide6.QtWidgets import QWidget

from lora_studio.core.config import LoraConfig
from lora_studio.gui.state import AppState


class ExplainerPanel(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state

    def build_plots(self) -> None:
        pass

    def set_lora_settings(self, config: LoraConfig) -> None:
        pass
