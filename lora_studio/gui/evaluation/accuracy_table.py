"""The accuracy table: every evaluated model side by side, and the mean over seeds of each repeated setting.

Each model is scored on its target task (what it was fine-tuned for; the base's own data set for "same")
and on the source task (the base's own data set); forgetting is what it lost there: its base's source
accuracy minus its own. For each other task, its base on that task is a reference row: what there was
to gain. Rows go base, references, then the kinds in the core's order (feature+LoRA, control, LoRA, the
other methods); a LoRA model is called a control only beside its feature+LoRA model (core
comparison.roles). The models of one setting (the LoRA tab's seeds) follow each other, closed by a bold "mean
of N seeds" row whose ± is the half-width of a 95 % t interval over the seeds (training noise included). A
model's row shows, in its tooltip, the `lora-studio` command that made it, and its context menu copies it
(`sigCopyCommand`).
"""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem

from lora_studio.core.vocabulary import BASE, kind_order
from lora_studio.gui.i18n import core_texts, shared_words
from lora_studio.gui.i18n.words import kind_title
from lora_studio.gui.shared.command_line import command_tooltip
from lora_studio.gui.shared.style import format_seconds

# the columns' names are their keys (`column`) and, but for those in HEADERS, their headers
COLUMNS = (QT_TRANSLATE_NOOP("AccuracyTable", "Model"), QT_TRANSLATE_NOOP("AccuracyTable", "Kind"),
           QT_TRANSLATE_NOOP("AccuracyTable", "Task"), QT_TRANSLATE_NOOP("AccuracyTable", "Target accuracy"),
           "Δ vs base", QT_TRANSLATE_NOOP("AccuracyTable", "Source accuracy"), "Forgetting",
           QT_TRANSLATE_NOOP("AccuracyTable", "Test loss"), shared_words.TRAINED_PARAMETERS,
           QT_TRANSLATE_NOOP("AccuracyTable", "Training time"), QT_TRANSLATE_NOOP("AccuracyTable", "Seed"))
#: the header of a column whose cells are in percentage points (the name stays the column's key)
HEADERS = {"Δ vs base": QT_TRANSLATE_NOOP("AccuracyTable", "Δ vs base (points)"),
           "Forgetting": QT_TRANSLATE_NOOP("AccuracyTable", "Forgetting (points)")}
TIPS = {
    "Task": QT_TRANSLATE_NOOP("AccuracyTable", "The target task the model was trained for"),
    "Target accuracy": QT_TRANSLATE_NOOP(
        "AccuracyTable", "On the whole test split of the model's target task (for the base: its own data set). "
        "For a mean over seeds, ± is the half-width of the 95 % interval over the seeds"),
    "Δ vs base": QT_TRANSLATE_NOOP(
        "AccuracyTable", "Target accuracy minus that of the base it was fine-tuned from, on the same task: what "
        "the fine-tuning gained"),
    "Source accuracy": QT_TRANSLATE_NOOP(
        "AccuracyTable", "On the test split of the source task, the base's own data set: what is left of the "
        "original skill"),
    "Forgetting": QT_TRANSLATE_NOOP(
        "AccuracyTable", "Base source accuracy minus this model's source accuracy: how much of its original task "
        "the model lost by adapting (+ means it got worse there). Empty when the base is not in the library"),
    "Trained parameters": QT_TRANSLATE_NOOP("AccuracyTable", "Parameters the run trained, of all the model's"),
    "Training time": QT_TRANSLATE_NOOP(
        "AccuracyTable", "The whole training step: building, feature statistics, caching and training"),
}
REFERENCE_TIP = QT_TRANSLATE_NOOP(
    "AccuracyTable", "The base model as it is, on this target task: the reference the fine-tuned models are "
    "measured against")
SUMMARY_TIP = QT_TRANSLATE_NOOP(
    "AccuracyTable", "The mean over the seeds above; ± is the half-width of its 95 % t interval over the seeds")
SUMMARY_BACKGROUND = QColor("#eaf1f9")
MODEL_COLUMN_WIDTH = 210
REFERENCE_BACKGROUND = QColor("#f4f4f4")


translate = QCoreApplication.translate  # lupdate reads translate("AccuracyTable", "…"); _tr's argument it cannot


def _tr(text: str) -> str:
    return shared_words.translated("AccuracyTable", text)


class AccuracyTable(QTableWidget):
    sigCopyCommand = Signal(str)  # a model id whose command the context menu's "Copy command" asks for

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("accuracyTable")
        self.setHorizontalHeaderLabels([_tr(HEADERS.get(name, name)) for name in COLUMNS])
        for column, name in enumerate(COLUMNS):
            if name in TIPS:
                self.horizontalHeaderItem(column).setToolTip(_tr(TIPS[name]))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact: many seeds fit
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # the names are long ("LoRA r=8 conv1 · inverted · control · seed 0"): a fixed share, elided (the tooltip
        # has the whole name), so that the scores beside them stay in view; the table scrolls for the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, MODEL_COLUMN_WIDTH)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.row_ids: list[str | None] = []  # the model id of each row (None: a mean-over-seeds row)
        self.command_of: Callable[[str], object] = lambda _model_id: None  # a model's run_command.Command (the tab's)

    @staticmethod
    def column(name: str) -> int:
        return COLUMNS.index(name)

    def fill(self, rows: list, groups: list, references: tuple = (), roles: dict[str, str] | None = None) -> None:
        """rows: evaluation_jobs.EvaluatedModel; groups: core.comparison.Group (the same models by setting);
        references: core.workflows.evaluation_report.BaseReference, the bases on their fine-tuned models' tasks;
        roles: each model's kind beside the others (core comparison.roles: control_lora for a feature model's
        control), its own kind when not given."""
        from lora_studio.core.evaluation.comparison import group_role  # loaded with the evaluation

        by_id = {row.id: row for row in rows}
        roles = roles if roles is not None else {row.id: row.kind for row in rows}
        role_of = {id(g): group_role(g, roles) for g in groups}
        ordered = sorted(groups, key=lambda g: (kind_order(role_of[id(g)]), -g.mean_accuracy))
        evaluated_bases = {row.id for row in rows if row.kind == "base"}
        # a base evaluated on its own data set is its own reference; on another task, a row of its own
        shown = [(r.base_id, self._reference_cells(r, by_id), "reference") for r in references
                 if r.task != "same" or r.base_id not in evaluated_bases]
        lines: list[tuple[str | None, tuple, str]] = []  # (model id, cells, style: "" | summary | reference)
        for group in ordered:
            if shown and group.kind != BASE:  # the references right after the bases
                lines, shown = lines + shown, []
            for member in group.members:
                lines.append((member.id, self._cells(by_id[member.id], by_id, roles.get(member.id, member.kind)), ""))
            if len(group.members) > 1:
                lines.append((None, self._summary(group, by_id, role_of[id(group)]), "summary"))
        lines += shown
        self.setRowCount(len(lines))
        self.row_ids = [model_id for model_id, _cells, _style in lines]
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (model_id, cells, style) in enumerate(lines):
            tip = self._model_tip(model_id, cells[0]) if style == "" else None
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= self.column("Target accuracy"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if style == "summary":
                    item.setFont(bold)
                    item.setBackground(QBrush(SUMMARY_BACKGROUND))
                    item.setToolTip(_tr(SUMMARY_TIP))
                elif style == "reference":
                    item.setBackground(QBrush(REFERENCE_BACKGROUND))
                    item.setToolTip(_tr(REFERENCE_TIP))
                else:
                    item.setToolTip(tip)
                self.setItem(r, column, item)

    def _model_tip(self, model_id: str | None, name: str) -> str:
        """A model's row's tooltip, the same in each of its cells: its name and id, and its command."""
        command = self.command_of(model_id) if model_id else None
        heading = f"{name} ({model_id})"
        return command_tooltip(command, heading) if command is not None else heading

    def command_menu(self, row: int) -> QMenu | None:
        """The context menu of `row`: "Copy command" for a model's row (None for a mean over seeds)."""
        model_id = self.row_ids[row] if 0 <= row < len(self.row_ids) else None
        if model_id is None:
            return None
        menu = QMenu(self)
        action = menu.addAction(translate("AccuracyTable", "Copy command"))
        action.setObjectName("copyCommandAction")
        action.setToolTip(translate("AccuracyTable", "The lora-studio command that made this model"))
        action.setEnabled(self.command_of(model_id) is not None)
        action.triggered.connect(lambda _checked=False: self.sigCopyCommand.emit(model_id))
        return menu

    def contextMenuEvent(self, event) -> None:
        menu = self.command_menu(self.rowAt(event.pos().y()))
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    # --- cells ----------------------------------------------------------------------------
    @staticmethod
    def _base_target(row, by_id: dict) -> float | None:
        """The base's accuracy on this model's task: from the evaluation's reference, or the base's own row."""
        if row.base_target_accuracy is not None:
            return row.base_target_accuracy
        parent = by_id.get(row.parent) if row.parent else None
        return parent.target_accuracy if parent is not None and parent.task == row.task else None

    @classmethod
    def _cells(cls, row, by_id: dict, role: str) -> tuple:
        base = cls._base_target(row, by_id)
        delta = "" if base is None else f"{100 * (row.target_accuracy - base):+.2f}"
        trained = "" if row.trainable_params is None else _of(row.trainable_params, row.total_params)
        seconds = "" if row.wall_seconds is None else _duration(row.wall_seconds)
        return (row.name, kind_title(role), core_texts.task_title(row.task), _percent(row.target_accuracy),
                delta, _percent(row.source_accuracy), _forgetting(row), f"{row.test_loss:.4f}", trained, seconds,
                str(row.seed))

    @staticmethod
    def _reference_cells(reference, by_id: dict) -> tuple:
        base = by_id.get(reference.base_id)
        name = base.name if base is not None else reference.base_id
        return (translate("AccuracyTable", "{0} (reference)").format(name),
                translate("AccuracyTable", "base, as it is"), core_texts.task_title(reference.task),
                _percent(reference.target_accuracy), "", _percent(reference.source_accuracy), "",
                f"{reference.predictions.loss:.4f}", "", "", "")

    @classmethod
    def _summary(cls, group, by_id: dict, role: str) -> tuple:
        from lora_studio.core.evaluation.scores import mean_interval  # loaded with the evaluation

        members = [by_id[m.id] for m in group.members]
        first = members[0]
        target = mean_interval([m.target_accuracy for m in members])
        bases = [cls._base_target(m, by_id) for m in members]
        gains = [m.target_accuracy - b for m, b in zip(members, bases, strict=True) if b is not None]
        sources = [m.source_accuracy for m in members if m.source_accuracy is not None]
        forgetting = [m.forgetting for m in members if m.forgetting is not None]
        trained = "" if first.trainable_params is None else _of(first.trainable_params, first.total_params)
        seconds = "" if group.mean_seconds is None else \
            translate("AccuracyTable", "{0} each").format(_duration(group.mean_seconds))
        return (translate("AccuracyTable", "mean of {0} seeds").format(len(members)), kind_title(role),
                core_texts.task_title(first.task), _plus_minus(target),
                _plus_minus(mean_interval(gains), signed=True) if gains else "",
                _plus_minus(mean_interval(sources)) if sources else "",
                _plus_minus(mean_interval(forgetting), signed=True) if forgetting and first.kind != BASE else "",
                f"{group.mean_loss:.4f}", trained, seconds, ", ".join(str(s) for s in group.seeds))


def _of(trained: int, total: int | None) -> str:
    """ "1,234 of 52,138" trained parameters."""
    return translate("AccuracyTable", "{0} of {1}").format(f"{trained:,}", f"{total:,}")


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.2f} %"


def _forgetting(row) -> str:
    if row.kind == "base" or row.forgetting is None:
        return ""
    return f"{100 * row.forgetting:+.2f}"


def _plus_minus(interval, signed: bool = False) -> str:
    """ "91.20 % ± 0.80" (or, in points, "+3.10 ± 1.20"): the mean and the half-width of its 95 % interval."""
    text = f"{100 * interval.mean:+.2f}" if signed else f"{100 * interval.mean:.2f} %"
    if interval.ci95 is None:
        return text
    return f"{text} ± {100 * (interval.ci95[1] - interval.ci95[0]) / 2:.2f}"


def _duration(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 60 else format_seconds(seconds)
