"""The "Draw a digit" page: canvas and Clear, the 28×28 the models see, their answers, the feature values.

The feature table shows each extra feature of the drawing raw (e.g. brightness,
the mean pixel value) and standardised the way the feature model sees it, beside
the training digits' average: a drawing much bolder than MNIST's digits gets
an unusual brightness, and the feature model's answer can show it.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lora_studio.gui.evaluation.draw_canvas import DigitPreview, DrawCanvas, ProbabilityPlot, answer_drawing
from lora_studio.gui.i18n.core_texts import feature_description, feature_title, feature_word

FEATURE_COLUMNS = (QT_TRANSLATE_NOOP("DrawPanel", "Feature"), QT_TRANSLATE_NOOP("DrawPanel", "Your digit"),
                   QT_TRANSLATE_NOOP("DrawPanel", "Standardised"), QT_TRANSLATE_NOOP("DrawPanel", "Training digits"))


class DrawPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.canvas = DrawCanvas()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("drawClearButton")
        self.clear_button.setToolTip(self.tr("Wipe the canvas and draw again"))
        self.preview = DigitPreview()
        self.plot = ProbabilityPlot()
        self.answer = QLabel(self.tr("Evaluate models, then draw a digit: each model's answer appears here."))
        self.answer.setObjectName("drawPrediction")
        self.answer.setWordWrap(True)
        self.timing = QLabel()
        self.timing.setWordWrap(True)  # one long line once a digit is drawn: it must not widen the window
        self.timing.setStyleSheet("color: #666666;")
        self.table = QTableWidget(0, len(FEATURE_COLUMNS))
        self.table.setObjectName("drawFeatures")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("DrawPanel", c) for c in FEATURE_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("The drawing's feature values; 'standardised' is (value − training mean) / "
                                      "training spread: what the feature model is given"))

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Draw here</b> (hold the left button)")))
        left.addWidget(self.canvas)
        left.addWidget(self.clear_button)
        left.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(QLabel(self.tr("<b>What the models see</b>")))
        seen = QHBoxLayout()
        seen.addWidget(self.preview)
        seen.addWidget(QLabel(self.tr("28 × 28 pixels:\nthe drawing boxed\nto 20 × 20 and\ncentred by its\ncentre "
                                      "of mass,\nas MNIST was made")), 1)
        middle.addLayout(seen)
        middle.addWidget(QLabel(self.tr("<b>Its feature values</b>")))
        middle.addWidget(self.table)
        self.table.setMinimumWidth(330)
        self.table.setMaximumHeight(150)  # a few features at most: no tall empty box
        explain = QLabel(self.tr(
            "“Standardised” is (value − training mean) / training spread: the number the feature model is given. "
            "A drawing far bolder or thinner than the training digits gets an unusual value."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555555;")
        middle.addWidget(explain)
        middle.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0, 3, 1)
        grid.addLayout(middle, 0, 1, 3, 1)
        grid.addWidget(self.plot, 0, 2)
        grid.addWidget(self.answer, 1, 2)
        grid.addWidget(self.timing, 2, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 4)
        self.models: list = []  # core.drawing.DrawingModel, in the order of the bars
        self.labels: list[str] = []
        self.colours: list[str] = []
        self.last_answers: list = []
        self.preprocess_ms = self.inference_ms = None
        self.clear_button.clicked.connect(self.canvas.clear)
        self.canvas.sigDrawn.connect(self.update_answers)

    def set_models(self, models: list[tuple[str, str, object]]) -> None:
        """(label, colour, core.drawing.DrawingModel) per model."""
        self.labels = [label for label, _colour, _model in models]
        self.colours = [colour for _label, colour, _model in models]
        self.models = [model for _label, _colour, model in models]
        self.plot.set_models([(label, colour) for label, colour, _model in models])
        self.update_answers()

    def update_answers(self) -> None:
        if not self.models or self.canvas.is_empty:
            self.preview.set_image(None)
            self.plot.set_probabilities([None] * len(self.models))
            self.last_answers = []
            self.table.setRowCount(0)
            if self.models:
                self.answer.setText(self.tr("Draw a digit on the black square: {0} will each say what they see.")
                                    .format(self.tr(" and ").join(self.labels)))
            return
        image, answers, self.preprocess_ms, self.inference_ms = answer_drawing(self.canvas.ink(), self.models)
        self.last_answers = answers
        self.preview.set_image(image)
        self.plot.set_probabilities([a.probabilities for a in answers])
        says = self.tr("<b>{0}</b> says {1} ({2} %)")
        self.answer.setText("&nbsp;&nbsp;".join(
            f"<span style='color:{colour}'>■</span> "
            + says.format(label, a.predicted, f"{100 * a.probabilities.max():.0f}")
            for label, colour, a in zip(self.labels, self.colours, answers, strict=True)))
        self.timing.setText(self.tr("Pre-processing {0} ms, {1} model(s) {2} ms, in the window's own thread").format(
            f"{self.preprocess_ms:.1f}", len(answers), f"{self.inference_ms:.2f}"))
        self._fill_features(image, answers)

    def _fill_features(self, image, answers) -> None:
        from lora_studio.core.model.numpy_cnn import feature_values

        scalers = {}
        for model in self.models:
            if model.scaler:
                for i, name in enumerate(model.scaler.names):
                    scalers.setdefault(name, (model.scaler.mean[i], model.scaler.std[i]))
        names = list(dict.fromkeys(["brightness", *scalers]))
        raw = feature_values(image, names)
        standardised = {}
        for answer in answers:
            for name, (_value, z) in answer.features.items():
                standardised.setdefault(name, z)
        self.table.setRowCount(len(names))
        rows = self.table.verticalHeader().length() + self.table.horizontalHeader().height()
        self.table.setFixedHeight(min(150, rows + 2 * self.table.frameWidth() + 2))
        for r, name in enumerate(names):
            mean_std = scalers.get(name)
            cells = (feature_word(name), f"{raw[name]:.3f}",
                     f"{standardised[name]:+.2f}" if name in standardised else "—",
                     f"{mean_std[0]:.3f} ± {mean_std[1]:.3f}" if mean_std else "—")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not column:  # the name settings and summaries show it by; its title and meaning here
                    item.setToolTip(QCoreApplication.translate("DrawPanel", "{0}: {1}").format(
                        feature_title(name, name), feature_description(name)))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)
