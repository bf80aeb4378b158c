"""The accuracy table: every evaluated model side by side, and the mean over seeds of each repeated setting.

Rows go base, feature+LoRA, control; the models of one setting (the LoRA tab's
seeds) follow each other, closed by a bold "mean of N seeds" row with the spread
(standard deviation over seeds) — what the feature effect's interval is built on.
"""

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from lora_studio.gui.style import format_seconds

KIND_TITLES = {"base": "base", "feature_lora": "feature+LoRA", "control_lora": "control (LoRA only)"}
KIND_ORDER = {"base": 0, "feature_lora": 1, "control_lora": 2}
COLUMNS = ("Model", "Kind", "Test accuracy", "Δ vs base", "Test loss", "Trained parameters", "Training time",
           "Seed")
TIPS = {
    "Δ vs base": "Test accuracy minus that of the base model it was fine-tuned from (when that one is evaluated too)",
    "Trained parameters": "Parameters the run trained, of all the model's parameters",
    "Training time": "The whole training step: building, feature statistics, caching and training",
    "Test accuracy": "On the whole test set; for a mean over seeds, ± is the standard deviation between seeds",
}
SUMMARY_BACKGROUND = QColor("#eaf1f9")


class AccuracyTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("accuracyTable")
        self.setHorizontalHeaderLabels(COLUMNS)
        for column, name in enumerate(COLUMNS):
            if name in TIPS:
                self.horizontalHeaderItem(column).setToolTip(TIPS[name])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact: many seeds fit
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.row_ids: list[str | None] = []  # the model id of each row (None: a mean-over-seeds row)

    def fill(self, rows: list, groups: list) -> None:
        """rows: evaluation_jobs.EvaluatedModel; groups: core.comparison.Group (the same models by setting)."""
        by_id = {row.id: row for row in rows}
        accuracy = {row.id: row.test_accuracy for row in rows}
        ordered = sorted(groups, key=lambda g: (KIND_ORDER.get(g.kind, 9), -g.mean_accuracy))
        lines: list[tuple[str | None, tuple, bool]] = []
        for group in ordered:
            for member in group.members:
                row = by_id[member.id]
                lines.append((row.id, self._cells(row, accuracy), False))
            if len(group.members) > 1:
                lines.append((None, self._summary(group, accuracy), True))
        self.setRowCount(len(lines))
        self.row_ids = [model_id for model_id, _cells, _summary in lines]
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (model_id, cells, summary) in enumerate(lines):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(model_id or "The mean over the seeds above; ± is their standard deviation")
                if summary:
                    item.setFont(bold)
                    item.setBackground(QBrush(SUMMARY_BACKGROUND))
                self.setItem(r, column, item)

    @staticmethod
    def _cells(row, accuracy: dict) -> tuple:
        parent = accuracy.get(row.parent) if row.parent else None
        delta = "" if parent is None else f"{100 * (row.test_accuracy - parent):+.2f} points"
        trained = "" if row.trainable_params is None else f"{row.trainable_params:,} of {row.total_params:,}"
        seconds = "" if row.wall_seconds is None else _duration(row.wall_seconds)
        return (row.name, KIND_TITLES.get(row.kind, row.kind), f"{100 * row.test_accuracy:.2f} %", delta,
                f"{row.test_loss:.4f}", trained, seconds, str(row.seed))

    @staticmethod
    def _summary(group, accuracy: dict) -> tuple:
        first = group.members[0]
        parents = [accuracy.get(m.parent) for m in group.members]
        deltas = [m.accuracy - p for m, p in zip(group.members, parents, strict=True) if p is not None]
        delta = f"{100 * sum(deltas) / len(deltas):+.2f} points" if deltas else ""
        spread = "" if math.isnan(group.sd_accuracy) else f" ± {100 * group.sd_accuracy:.2f}"
        trained = "" if first.trainable_params is None else f"{first.trainable_params:,} of {first.total_params:,}"
        seconds = "" if group.mean_seconds is None else f"{_duration(group.mean_seconds)} each"
        seeds = ", ".join(str(s) for s in group.seeds)
        return (f"mean of {len(group.members)} seeds", KIND_TITLES.get(group.kind, group.kind),
                f"{100 * group.mean_accuracy:.2f} %{spread}", delta, f"{group.mean_loss:.4f}", trained, seconds,
                seeds)


def _duration(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 60 else format_seconds(seconds)
