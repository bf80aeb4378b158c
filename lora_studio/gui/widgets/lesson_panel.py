"""The lessons of the Learn tab (being written: see issue 14)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from lora_studio.gui.state import AppState


class LessonPanel(QWidget):
    sigSetUp = Signal(object)  # a lessons.Setup

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
