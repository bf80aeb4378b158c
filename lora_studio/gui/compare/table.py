"""The Compare tab's results table: one row per run of a sweep, sortable by any column (its CSV is the core's
`studies.runs_csv` of the runs in the rows' order).

Rows hold RUN records (PRODUCT.md) as the sweep sends them; each row remembers the index of its run
(`run_at`), so sorting never loses which run a row is. Numbers sort as numbers. A star marks the runs
whose setting is on the Pareto front.
"""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from lora_studio.core.config import LAYERS as ALL_LAYERS
from lora_studio.gui.i18n import shared_words
from lora_studio.gui.i18n.words import method_title, variant_title

CONTEXT = "SweepTable"
RUN_ROLE = Qt.ItemDataRole.UserRole  # column 0: the run's index in the sweep
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # every column: what it sorts by
#: (title, tooltip) of each column
COLUMNS = (
    (QT_TRANSLATE_NOOP("SweepTable", "★"),
     QT_TRANSLATE_NOOP("SweepTable", "On the Pareto front: no other setting reaches its mean target accuracy with "
                                     "fewer trainable parameters")),
    (QT_TRANSLATE_NOOP("SweepTable", "method"),
     QT_TRANSLATE_NOOP("SweepTable", "How the base was adapted: LoRA adapters, the head (fc2) alone, every weight, or "
                                     "a fresh CNN")),
    (QT_TRANSLATE_NOOP("SweepTable", "variant"),
     QT_TRANSLATE_NOOP("SweepTable", "The LoRA variant (LoRA, rsLoRA, DoRA); – for the other methods")),
    (QT_TRANSLATE_NOOP("SweepTable", "layers"),
     QT_TRANSLATE_NOOP("SweepTable", "The layers whose weights the run trained (LoRA: the adapted ones)")),
    (QT_TRANSLATE_NOOP("SweepTable", "rank"),
     QT_TRANSLATE_NOOP("SweepTable", "LoRA's rank r; – for the other methods")),
    (QT_TRANSLATE_NOOP("SweepTable", "seed"),
     QT_TRANSLATE_NOOP("SweepTable", "The seed of the run: the same setting over several seeds shows the training "
                                     "noise")),
    (QT_TRANSLATE_NOOP("SweepTable", "params"),
     QT_TRANSLATE_NOOP("SweepTable", "Trainable parameters: what the run trained")),
    (shared_words.TARGET,
     QT_TRANSLATE_NOOP("SweepTable", "Accuracy on the target task's test split, in per cent")),
    (shared_words.SOURCE,
     QT_TRANSLATE_NOOP("SweepTable", "Accuracy on the base's own task (the source task) after the fine-tuning, in per "
                                     "cent")),
    (QT_TRANSLATE_NOOP("SweepTable", "forgetting"),
     QT_TRANSLATE_NOOP("SweepTable", "Source accuracy lost against the base, in percentage points (negative: it "
                                     "gained)")),
    (QT_TRANSLATE_NOOP("SweepTable", "sec"),
     QT_TRANSLATE_NOOP("SweepTable", "Wall time of the run, in seconds")),
)


def tr(text: str) -> str:
    return shared_words.translated(CONTEXT, text)


class SortItem(QTableWidgetItem):
    """A cell that sorts by its SORT_ROLE value (a number for numeric columns), not by its text."""

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if isinstance(mine, int | float) and isinstance(theirs, int | float):
            return mine < theirs
        return str(mine) < str(theirs)


class SweepTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("sweepTable")
        for column, (title, tip) in enumerate(COLUMNS):
            header = QTableWidgetItem(tr(title))
            header.setToolTip(tr(tip))
            self.setHorizontalHeaderItem(column, header)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # widths fitted to the cells and the header's text (`fit_columns`): Qt's own fitting keeps room for the sort
        # arrow in every column, which cost a third of the table's width
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the runs' order until a click
        self.setToolTip(self.tr("One row per run. Click a header to sort; select rows (Ctrl or Shift for several) "
                                "to overlay their loss curves."))

    def clear_runs(self) -> None:
        self.setRowCount(0)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # some styles draw the header's text bold
        metrics = QFontMetrics(bold)
        for column in range(self.columnCount()):
            title = self.horizontalHeaderItem(column).text()
            width = max(self.sizeHintForColumn(column), metrics.horizontalAdvance(title) + 14)
            header.resizeSection(column, width)

    def add_runs(self, records: Sequence[dict], first_index: int) -> None:
        """Append rows for `records`, the runs numbered `first_index`, `first_index` + 1, … in the sweep."""
        self.setSortingEnabled(False)  # rows inserted while sorting is on are moved between their cells
        for offset, record in enumerate(records):
            row = self.rowCount()
            self.insertRow(row)
            for column, (text, key) in enumerate(_cells(record)):
                item = SortItem(text)
                item.setData(SORT_ROLE, key)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setData(RUN_ROLE, first_index + offset)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if record.get("model_id"):
                    item.setToolTip(self.tr("Saved in the model library as {0}").format(record["model_id"]))
                self.setItem(row, column, item)
        self.setSortingEnabled(True)
        self.fit_columns()

    def run_at(self, row: int) -> int:
        return int(self.item(row, 0).data(RUN_ROLE))

    def run_order(self) -> list[int]:
        """The runs in the order the rows show them (sorted as the user sorted them)."""
        return [self.run_at(row) for row in range(self.rowCount())]

    def mark_front(self, runs: Iterable[int]) -> None:
        front = set(runs)
        for row in range(self.rowCount()):
            on = self.run_at(row) in front
            item = self.item(row, 0)
            item.setText("★" if on else "")
            item.setData(SORT_ROLE, 0 if on else 1)  # front first in ascending order

    def selected_runs(self) -> list[int]:
        return sorted({self.run_at(index.row()) for index in self.selectionModel().selectedRows()})

    def select_runs(self, runs: Iterable[int]) -> None:
        wanted = set(runs)
        self.clearSelection()
        mode = self.selectionMode()
        self.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        first = None
        for row in range(self.rowCount()):
            if self.run_at(row) in wanted:
                self.selectRow(row)
                first = row if first is None else first
        self.setSelectionMode(mode)
        if first is not None:
            self.scrollToItem(self.item(first, 0))


def _cells(record: dict) -> list[tuple[str, object]]:
    """(text, sort key) of each column for a RUN record."""
    rank = record.get("rank")
    return [
        ("", 1),
        (method_title(record["method"]), record["method"]),  # sorted by the core's names, as the CSV has them
        ("–" if record["variant"] == "none" else variant_title(record["variant"]),
         record["variant"]),
        (layers_text(record["layers"]), "+".join(record["layers"])),
        ("–" if rank is None else str(rank), -1 if rank is None else rank),
        (str(record["seed"]), record["seed"]),
        (f"{record['trainable_params']:,}", record["trainable_params"]),
        (f"{100 * record['target_accuracy']:.2f}", record["target_accuracy"]),
        (f"{100 * record['source_accuracy']:.2f}", record["source_accuracy"]),
        (f"{100 * record['forgetting']:+.2f}", record["forgetting"]),
        (f"{record['wall_seconds']:.1f}", record["wall_seconds"]),
    ]


def layers_text(layers: Sequence[str]) -> str:
    """"fc1+fc2"; "all" for every layer (full fine-tuning, from scratch), which would not fit the column."""
    if len(layers) == len(ALL_LAYERS) and set(layers) == set(ALL_LAYERS):
        return QCoreApplication.translate("SweepTable", "all")
    return "+".join(layers)
