"""The Evaluation tab: choose saved models, score them on the test set in the worker, compare them.

The accuracy table puts base, feature+LoRA and control side by side; when a
feature model and a control of the same base are both chosen, the line under
it gives the feature's effect with its 95 % interval. The inspection views
(confusion matrix, misclassified digits, error against brightness, ΔW, a
drawing canvas) are named placeholders until their own issue fills them.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lora_studio.gui import jobs
from lora_studio.gui.state import AppState
from lora_studio.gui.widgets.placeholder import Placeholder

KIND_TITLES = {"base": "base", "feature_lora": "feature+LoRA", "control_lora": "control (LoRA only)"}
COLUMNS = ("Model", "Kind", "Test accuracy", "Δ vs base", "Test loss", "Trained parameters")
VIEWS = (
    ("confusionMatrix", "Confusion matrix", "Evaluate models to see which digits are mistaken for which."),
    ("misclassifiedGallery", "Misclassified digits", "Evaluate models to see the digits they get wrong, "
                                                     "and those LoRA fixed or broke."),
    ("brightnessErrorPlot", "Error rate against brightness", "Evaluate models to see whether dark or bright "
                                                             "digits are the hard ones."),
    ("deltaWView", "ΔW = (α/r)·B·A", "Evaluate a LoRA model to see the update it learned for each layer."),
    ("drawCanvas", "Draw a digit", "Evaluate models to draw a digit and compare their answers."),
)


class EvaluationTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("evalTab")
        self.state = state
        self.selector = QListWidget()
        self.selector.setObjectName("modelSelector")
        self.selector.setToolTip("Tick the models to evaluate on the test set")
        self.selector.setMinimumWidth(260)
        self.evaluate_button = QPushButton("Evaluate on the test set")
        self.evaluate_button.setObjectName("evaluateButton")
        self.evaluate_button.setToolTip("Score the ticked models on the whole test set (in the background)")
        self.evaluate_button.clicked.connect(self.evaluate)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("accuracyTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.effect_label = QLabel("Tick a base model, a feature+LoRA model and its control, then Evaluate.")
        self.effect_label.setObjectName("featureEffectLabel")
        self.effect_label.setWordWrap(True)
        self.effect_label.setToolTip(
            "Feature+LoRA minus control, in test accuracy, with a 95 % interval: an interval that includes zero "
            "means the data cannot tell whether the feature helps")

        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Saved models</b>"))
        left.addWidget(self.selector, 1)
        left.addWidget(self.evaluate_button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.effect_label)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 5)
        top_widget = QWidget()
        top_widget.setLayout(top)
        views = QWidget()
        grid = QGridLayout(views)
        grid.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, Placeholder] = {}
        for index, (name, title, hint) in enumerate(VIEWS):
            self.views[name] = Placeholder(name, title, hint)
            grid.addWidget(self.views[name], index // 3, index % 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_widget)
        splitter.addWidget(views)
        splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.setEnabled(False)
        state.sigReady.connect(lambda: self.setEnabled(True))
        state.sigModelsChanged.connect(self._on_models)
        state.sigEvaluated.connect(self._on_evaluated)
        state.sigJobStarted.connect(lambda kind: self._busy(kind, True))
        state.sigJobEnded.connect(lambda kind, _status, _message: self._busy(kind, False))

    def checked_ids(self) -> list[str]:
        return [self.selector.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.selector.count())
                if self.selector.item(i).checkState() == Qt.CheckState.Checked]

    def evaluate(self) -> None:
        ids = self.checked_ids()
        if not ids:
            self.state.sigMessage.emit("info", "No model chosen", "Tick at least one saved model to evaluate.", "")
            return
        self.state.start(jobs.make_evaluate(self.state.cache, self.state.data_root, self.state.models_root, ids))

    def _busy(self, kind: str, running: bool) -> None:
        if kind == "evaluate":
            self.evaluate_button.setEnabled(not running)
            self.evaluate_button.setText("Evaluating…" if running else "Evaluate on the test set")

    def _on_models(self, models) -> None:
        previously = set(self.checked_ids())
        known = {self.selector.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.selector.count())}
        self.selector.clear()
        for info in models:
            if info.error:
                continue
            item = QListWidgetItem(f"{info.label}\n{KIND_TITLES.get(info.kind, info.kind)} · {info.id}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(info.settings)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # keep earlier ticks; tick models that are new since the last listing (what was just trained)
            fresh = info.id not in known and bool(known)
            item.setCheckState(Qt.CheckState.Checked if info.id in previously or fresh else Qt.CheckState.Unchecked)
            self.selector.addItem(item)

    def _on_evaluated(self, result: dict) -> None:
        rows: list[jobs.EvaluatedModel] = result["rows"]
        base_accuracy = {row.id: row.test_accuracy for row in rows if row.kind == "base"}
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            parent = base_accuracy.get(row.parent) if row.parent else None
            delta = "" if parent is None else f"{100 * (row.test_accuracy - parent):+.2f} points"
            trained = "" if row.trainable_params is None else \
                f"{row.trainable_params:,} of {row.total_params:,}"
            cells = (row.name, KIND_TITLES.get(row.kind, row.kind), f"{100 * row.test_accuracy:.2f} %", delta,
                     f"{row.test_loss:.4f}", trained)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(row.id)
                self.table.setItem(r, column, item)
        effect = result.get("effect")
        self.effect_label.setText(
            f"<b>Feature effect</b> (feature+LoRA − control): {effect['sentence']}." if effect else
            "To see what the extra feature itself adds, tick a feature+LoRA model and the control of the same base.")
        for view in self.views.values():
            view.set_hint("This view arrives in the next version of LoRA Studio; the table above is up to date.")
