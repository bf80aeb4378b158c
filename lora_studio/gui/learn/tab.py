"""The Learn tab: how LoRA works on the live model (the explainer), and lessons that set up the experiments.

Two panels side by side. The lessons (left) are cards: a question, a "Set it up" button whose `Setup` the
window applies to the other tabs (a tab never reaches another), what to look at, and an answer. The
explainer (right) lays out ΔW = (α/r)·B·A for one layer with the LoRA tab's current rank and alpha, which the
window passes on as they change (`set_lora_settings`), and draws a trained adapter from the library.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from lora_studio.core.config import LoraConfig
from lora_studio.gui.learn.explainer_panel import ExplainerPanel
from lora_studio.gui.learn.lesson_panel import LessonPanel
from lora_studio.gui.shared.state.app_state import AppState


class LearnTab(QWidget):
    sigSetUp = Signal(object)  # a shared.setup.Setup that the window applies to the other tabs

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("learnTab")
        self.state = state
        self.lessons = LessonPanel(state)
        self.explainer = ExplainerPanel(state)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("learnSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.lessons)
        splitter.addWidget(self.explainer)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.lessons.sigSetUp.connect(self.sigSetUp)

    def build_plots(self) -> None:
        self.explainer.build_plots()

    def set_lora_settings(self, config: LoraConfig, features: tuple[str, ...] | None = None) -> None:
        """The LoRA tab's rank, alpha, variant, layers or extra inputs changed: the explainer follows at once."""
        self.explainer.set_lora_settings(config, features)
