"""The confusion matrix of the inspected model, or its difference from the compared model; cells are clickable.

Counts are coloured on a log scale (the diagonal holds ~1,000 images per class,
the mistakes a handful: on a linear scale every mistake would look white); the
numbers are printed in the cells. The difference (inspected − compared) uses a
diverging map centred at 0. Clicking a cell emits (true class, predicted class,
difference?) so the gallery can show those images.
"""

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lora_studio.gui.i18n.core_texts import class_name
from lora_studio.gui.shared.heatmap import DIVERGING, SEQUENTIAL, HeatMap

COUNTS, DIFFERENCE = "counts", "difference"


class ConfusionPanel(QWidget):
    sigCellClicked = Signal(int, int, bool)  # true class, predicted class, showing the difference

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.setObjectName("confusionMode")
        self.mode.addItem(self.tr("Counts of the inspected model"), COUNTS)
        self.mode.addItem(self.tr("Difference: inspected − compared"), DIFFERENCE)
        self.mode.setToolTip(self.tr("Counts: how many test images of each true class (row) got each predicted "
                                     "class (column). Difference: how those counts changed from the compared model."))
        self.heatmap = HeatMap(self.tr("Confusion matrix"), self.tr("predicted class"), self.tr("true class"))
        self.heatmap.setObjectName("confusionMatrix")
        self.heatmap.setToolTip(self.tr("Click a cell to see its images in the gallery"))
        self.heatmap.show_hint(self.tr("Evaluate models to see which digits are mistaken for which"))
        self.summary = QLabel()
        self.summary.setObjectName("confusionSummary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show")))
        row.addWidget(self.mode, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.heatmap, 1)
        layout.addWidget(self.summary)
        self._inspected = self._reference = None
        self._classes: list[str] = []
        self.mode.currentIndexChanged.connect(lambda _index: self._redraw())
        self.heatmap.sigCellClicked.connect(
            lambda r, c: self.sigCellClicked.emit(r, c, self.showing_difference))

    @property
    def showing_difference(self) -> bool:
        return self.mode.currentData() == DIFFERENCE and self._reference is not None

    def set_models(self, inspected, reference, classes: list[str]) -> None:
        """inspected, reference: (label, core.evaluation.Predictions); reference may be None."""
        self._inspected, self._reference, self._classes = inspected, reference, list(classes)
        self.mode.model().item(1).setEnabled(reference is not None)
        if reference is None and self.mode.currentData() == DIFFERENCE:
            self.mode.setCurrentIndex(0)  # redraws
        else:
            self._redraw()

    def matrix(self) -> np.ndarray:
        """What the map shows now: counts (classes, classes), or the difference."""
        from lora_studio.core.evaluation.inspection import confusion_difference

        label, predictions = self._inspected
        if self.showing_difference:
            return confusion_difference(predictions, self._reference[1])
        return predictions.confusion()

    def _redraw(self) -> None:
        if self._inspected is None:
            return
        from lora_studio.core.evaluation.inspection import class_errors

        label, predictions = self._inspected
        matrix = self.matrix()
        ticks = [str(i) for i in range(len(matrix))]
        if self.showing_difference:
            bound = float(max(1, np.abs(matrix).max()))
            texts = [[f"{v:+d}" if v else "" for v in row] for row in matrix.tolist()]
            self.heatmap.set_matrix(matrix, (-bound, bound), DIVERGING, texts, ticks)
            self.heatmap.getPlotItem().setTitle(f"{label} − {self._reference[0]}", size="10pt")
            self.summary.setText(self.tr(
                "Red: the inspected model puts more images in that cell, blue: fewer. Each row sums to zero: "
                "what leaves one cell lands in another. On the diagonal, red means more digits right. Click a "
                "cell to see the images that moved in or out of it."))
            return
        texts = [[str(v) if v else "" for v in row] for row in matrix.tolist()]
        self.heatmap.set_matrix(np.log1p(matrix), (0.0, float(np.log1p(matrix.max()))), SEQUENTIAL, texts, ticks)
        self.heatmap.getPlotItem().setTitle(self.tr("{0} · colour on a log scale").format(label), size="10pt")
        images, errors = class_errors(predictions.labels, predictions.predicted, len(matrix))
        rates = errors / np.maximum(images, 1)
        worst = [int(c) for c in np.argsort(-rates, kind="stable")[:3] if errors[c]]
        names = [self.tr("{0} ({1} % wrong)").format(self._name(c), f"{100 * rates[c]:.1f}") for c in worst]
        counts = (f"{int(errors.sum()):,}", f"{len(predictions.labels):,}")
        self.summary.setText(
            self.tr("{0} errors of {1}. Hardest classes: {2}. Click a cell to see its images.").format(
                *counts, ", ".join(names)) if names else
            self.tr("{0} errors of {1}. No mistakes. Click a cell to see its images.").format(*counts))

    def _name(self, c: int) -> str:
        name = class_name(self._classes[c]) if c < len(self._classes) else str(c)
        return name if name.startswith(str(c)) else f"{c} ({name})"  # MNIST's are "1 - one"
