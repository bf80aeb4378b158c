"""A named, framed box with a title and a hint: where a view will appear once there is something to show.

The Evaluation tab's inspection views (confusion matrix, misclassified gallery,
error against brightness, ΔW, drawing canvas) exist with their object names
from the start, so outside checks can find them; their content comes later.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class Placeholder(QFrame):
    def __init__(self, object_name: str, title: str, hint: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(180, 110)
        self.title = QLabel(f"<b>{title}</b>")
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint, 1)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
