"""The Evaluation tab: choose saved models, score them on the test set in the worker, and look inside.

Top: the models, Evaluate, the accuracy table (with the mean over seeds) and
the feature's effect in numbers and in words. Then one model is *inspected*
and, optionally, *compared with* another (by default a LoRA model and its
base); the views below follow that choice: errors (confusion matrix and the
gallery of digits, a click on a cell filters the gallery), brightness and
errors, what LoRA changed (ΔW), and a canvas to draw a digit. Everything heavy
was computed by the evaluation job; the views only draw it. The inspected model
can be exported with LoRA merged in (checked against the unmerged one), and the `lora-studio` command
that made it copied (`copyCommandButton`; every model's row of the table has it in its tooltip and its
context menu), or its run written as a standalone PEFT script or notebook (`exportCodeButton`, shared.code_export).

A model fine-tuned for a target task is shown on that task's test split, unless one task is chosen for
all (`evalTaskCombo`: any task, a composite such as inverted+swap-labels included; changing it re-scores
the evaluated models). The adapter-strength slider turns the inspected LoRA model's adapters from 0 (its
base exactly) to 200 %: once it stands still, a job recomputes the model at that
strength in the worker and the views redraw from the result. The "Adapter stack" page (stack_panel.py)
stacks LoRA adapters of one base with a weight each, scores them live and saves their combination.

The views import pyqtgraph and NumPy, so they are made in `build_plots()`,
after the window is up (the window itself is built without them).
"""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core.vocabulary import BASE, kind_order
from lora_studio.gui.evaluation import hint
from lora_studio.gui.evaluation import jobs as evaluation_jobs
from lora_studio.gui.evaluation.accuracy_table import AccuracyTable
from lora_studio.gui.evaluation.labels import model_labels
from lora_studio.gui.evaluation.roomy_rows import RoomyRows
from lora_studio.gui.evaluation.stack_panel import StackPanel
from lora_studio.gui.evaluation.strength_panel import StrengthPanel
from lora_studio.gui.evaluation.task_choice import fill_evaluation_tasks, make_combo, select_task
from lora_studio.gui.i18n import score_texts, shared_words
from lora_studio.gui.i18n.words import kind_title
from lora_studio.gui.shared.code_export import ExportCodeButton
from lora_studio.gui.shared.command_line import command_tooltip, copy_command
from lora_studio.gui.shared.export import make_export
from lora_studio.gui.shared.state.app_state import AppState
from lora_studio.gui.shared.style import colour

PAGES = (("errors", QT_TRANSLATE_NOOP("EvaluationTab", "Errors")),
         ("brightness", QT_TRANSLATE_NOOP("EvaluationTab", "Brightness and errors")),
         ("delta", QT_TRANSLATE_NOOP("EvaluationTab", "What LoRA changed")),
         ("draw", QT_TRANSLATE_NOOP("EvaluationTab", "Draw a digit")),
         ("stack", QT_TRANSLATE_NOOP("EvaluationTab", "Adapter stack")))
SECOND_COLOUR = "#e6ab02"  # when both models shown are of the same colour (no kind has it: style.COLOURS)


class EvaluationTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("evalTab")
        self.state = state
        self.ask_export_path = self._ask_export_path  # replaced in tests: a file dialog would block them
        self.result: evaluation_jobs.Evaluated | None = None  # the last evaluation that finished
        self.roles: dict[str, str] = {}  # what each evaluated model is beside the others (core comparison.roles)
        self.selector = QListWidget()
        self.selector.setObjectName("modelSelector")
        self.selector.setToolTip(self.tr("Tick the models to evaluate on the test set"))
        self.selector.setMinimumWidth(260)
        self.selector.setItemDelegate(RoomyRows(self.selector))
        self.evaluate_button = QPushButton(self.tr("Evaluate on the test set"))
        self.evaluate_button.setObjectName("evaluateButton")
        self.evaluate_button.setToolTip(self.tr("Score the ticked models on the whole test set (in the background)"))
        self.evaluate_button.clicked.connect(self.evaluate)
        self.task_combo = make_combo("evalTaskCombo")
        fill_evaluation_tasks(self.task_combo)
        self.task_combo.setToolTip(self.tr(
            "The task the models are scored on: each its own target task, or all of them on one task, a task none "
            "of them was trained for included (the composites join two changes). The table and the views follow it"))
        self.table = AccuracyTable()
        self.effect_label = QLabel(hint.before_evaluating([]))  # then fitted to the models ticked or evaluated
        self.effect_label.setObjectName("featureEffectLabel")
        self.effect_label.setWordWrap(True)
        self.effect_label.setToolTip(self.tr(
            "Feature+LoRA minus control, in test accuracy, with a 95 % interval: over seeds when several seeds "
            "of both were evaluated, else over test images. An interval that includes zero means the data cannot "
            "tell whether the feature helps"))
        self.inspect_combo = QComboBox()
        self.inspect_combo.setObjectName("inspectModel")
        self.inspect_combo.setToolTip(self.tr("The model the views below show"))
        self.compare_combo = QComboBox()
        self.compare_combo.setObjectName("compareModel")
        self.compare_combo.setToolTip(self.tr("The model it is compared with: 'fixed' and 'broken by LoRA', the "
                                              "difference of confusion matrices and the drawing's second answer"))
        self.export_button = QPushButton(self.tr("Export merged…"))
        self.export_button.setObjectName("exportMergedButton")
        self.export_button.setToolTip(self.tr("Write the inspected model with LoRA merged into its weights (one "
                                              "safetensors file, a plain CNN), checked against the unmerged model"))
        self.export_button.clicked.connect(self.export)
        self.copy_command_button = QPushButton(self.tr("Copy command"))
        self.copy_command_button.setObjectName("copyCommandButton")
        self.copy_command_button.clicked.connect(lambda: self.copy_command(self.inspect_combo.currentData()))
        self.export_code_button = ExportCodeButton(state, "code-check-inspected")
        self.table.command_of = self.command_of
        self.table.sigCopyCommand.connect(self.copy_command)
        self.export_label = QLabel()
        self.export_label.setObjectName("exportResult")
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_code_button.sigWritten.connect(self.export_label.setText)
        for widget in (self.inspect_combo, self.compare_combo, self.export_button, self.copy_command_button):
            widget.setEnabled(False)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Saved models</b>")))
        left.addWidget(self.selector, 1)
        task_row = QHBoxLayout()
        task_row.addWidget(QLabel(self.tr("Scored on")))
        task_row.addWidget(self.task_combo, 1)
        left.addLayout(task_row)
        left.addWidget(self.evaluate_button)
        inspect_row = QHBoxLayout()
        inspect_row.addWidget(QLabel(self.tr("<b>Inspect</b>")))
        inspect_row.addWidget(self.inspect_combo, 3)
        inspect_row.addWidget(QLabel(self.tr("compared with")))
        inspect_row.addWidget(self.compare_combo, 3)
        inspect_row.addWidget(self.export_button)
        inspect_row.addWidget(self.copy_command_button)
        inspect_row.addWidget(self.export_code_button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.effect_label)
        right.addLayout(inspect_row)
        right.addWidget(self.export_label)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 5)
        top_widget = QWidget()
        top_widget.setLayout(top)
        self.pages = QTabWidget()
        self.pages.setObjectName("evalViews")
        self.page: dict[str, QWidget] = {}
        for key, title in PAGES:
            self.page[key] = QWidget()
            QVBoxLayout(self.page[key]).setContentsMargins(4, 4, 4, 4)
            self.pages.addTab(self.page[key], self.tr(title))
        self.confusion = self.gallery = self.brightness = self.delta = self.draw = None  # made by build_plots()
        self.stack = StackPanel(state)
        self.page["stack"].layout().addWidget(self.stack)
        self.strength = StrengthPanel(state)  # beside the views it changes (not beside the stack, its own page)
        self.strength.setFixedWidth(300)
        views = QWidget()
        views_row = QHBoxLayout(views)
        views_row.setContentsMargins(0, 0, 0, 0)
        views_row.addWidget(self.pages, 1)
        views_row.addWidget(self.strength)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_widget)
        splitter.addWidget(views)
        splitter.setSizes([330, 530])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._drawing_models: dict[str, object] = {}
        self._strength_drawing: tuple[object, object] | None = None  # (row at a strength, its DrawingModel)
        self._listed = False  # the library has been listed once (what is there at start is not ticked)
        self.setEnabled(False)
        state.sigReady.connect(lambda: self.setEnabled(True))
        state.sigModelsChanged.connect(self._on_models)
        state.sigJobStarted.connect(lambda kind: self._busy(kind, True))
        state.sigJobEnded.connect(self._on_job_ended)
        self.inspect_combo.currentIndexChanged.connect(lambda _index: self._on_inspected())
        self.strength.sigChanged.connect(self._refresh_views)
        self.compare_combo.currentIndexChanged.connect(lambda _index: self._refresh_views())
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.selector.itemChanged.connect(lambda _item: self._fit_hint())
        self.task_combo.currentIndexChanged.connect(lambda _index: self._on_task())
        self.pages.currentChanged.connect(lambda _index: self.strength.setVisible(
            self.pages.currentWidget() is not self.page["stack"]))

    def build_plots(self) -> None:
        """Make the inspection views (imports pyqtgraph): called once, right after the window is shown."""
        from lora_studio.gui.evaluation.brightness_plot import BrightnessErrorPlot
        from lora_studio.gui.evaluation.confusion_panel import ConfusionPanel
        from lora_studio.gui.evaluation.delta_view import DeltaWView
        from lora_studio.gui.evaluation.draw_panel import DrawPanel
        from lora_studio.gui.evaluation.gallery_panel import GalleryPanel

        self.confusion, self.gallery = ConfusionPanel(), GalleryPanel()
        self.brightness, self.delta, self.draw = BrightnessErrorPlot(), DeltaWView(), DrawPanel()
        errors = QSplitter(Qt.Orientation.Horizontal)
        errors.addWidget(self.confusion)
        errors.addWidget(self.gallery)
        errors.setSizes([480, 800])
        for key, widget in (("errors", errors), ("brightness", self.brightness), ("delta", self.delta),
                            ("draw", self.draw)):
            self.page[key].layout().addWidget(widget)
        self.confusion.sigCellClicked.connect(self.gallery.show_cell)
        self.strength.build_plots()
        self.stack.build_plots()

    # --- actions ------------------------------------------------------------------------
    def checked_ids(self) -> list[str]:
        return [self.selector.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.selector.count())
                if self.selector.item(i).checkState() == Qt.CheckState.Checked]

    def evaluate(self) -> None:
        ids = self.checked_ids()
        if not ids:
            self.state.tell("info", self.tr("No model chosen"), self.tr("Tick at least one saved model to evaluate."))
            return
        self.state.start(evaluation_jobs.make_evaluate(self.state.cache, self.state.data_root,
                                                       self.state.models_root, ids, on_done=self._on_evaluated,
                                                       task=self.chosen_task()))

    def chosen_task(self) -> str | None:
        """The task every model is scored on (evalTaskCombo), or None: each its own."""
        return self.task_combo.currentData() or None

    def choose_task(self, task: str | None) -> bool:
        """Score on `task` from now on (None: each model on its own); False for a task the box does not list."""
        return select_task(self.task_combo, task or "")

    def _on_task(self) -> None:
        """Another task chosen: the models evaluated are scored again on it (the views follow the result)."""
        if self.result is not None and self.checked_ids() and self.state.busy_kind != "evaluate":
            self.evaluate()
        else:
            self._fit_hint()

    def apply_setup(self, setup) -> None:
        """A lesson's "Set it up" (shared.setup.Setup): its adapter stack (Setup.stack, a StackSetup), shown on
        the "Adapter stack" page; a lesson without one leaves this tab alone."""
        if getattr(setup, "stack", None) is None:
            return
        self.pages.setCurrentWidget(self.page["stack"])
        self.stack.apply_setup(setup.stack)

    def show_stack(self, base_id: str, adapters, task: str | None = None) -> None:
        """Stack `adapters` ((model id, weight −1 … 2), in order) of the base `base_id`, scored on `task` (None:
        their tasks together), on the "Adapter stack" page."""
        from lora_studio.gui.shared.setup import StackSetup

        self.pages.setCurrentWidget(self.page["stack"])
        self.stack.apply_setup(StackSetup(base_id, tuple((model_id, float(w)) for model_id, w in adapters), task))

    def export(self) -> None:
        row = self.inspected()
        path = self.ask_export_path(row.id) if row is not None else None
        if path and self.state.start(make_export(self.state.cache, self.state.data_root,
                                                                 self.state.models_root, row.id, Path(path),
                                                                 on_done=self._on_exported)):
            self.export_label.setText(self.tr("Exporting: comparing merged and unmerged outputs on the test set…"))

    def _ask_export_path(self, model_id: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export merged weights"), f"{model_id}-merged.safetensors",
                                              shared_words.translated("EvaluationTab", shared_words.SAFETENSORS_FILES))
        return path or None

    def command_of(self, model_id: str | None):
        """The run_command.Command that made a saved model (AppState reads it with the library); None when
        the model is not in the library any more, or its command cannot be written."""
        return next((info.command for info in self.state.models if info.id == model_id), None)

    def copy_command(self, model_id: str | None) -> None:
        command = self.command_of(model_id)
        if command is not None:
            copy_command(self.state, command)

    def _update_command_button(self) -> None:
        command = self.command_of(self.inspect_combo.currentData())
        self.copy_command_button.setEnabled(command is not None)
        self.copy_command_button.setToolTip(
            command_tooltip(command, self.tr("Copy the lora-studio command that made the inspected model:"))
            if command is not None else self.tr("Copy the lora-studio command that made the inspected model"))

    # --- the chosen models --------------------------------------------------------------
    def rows(self) -> list:
        return list(self.result.rows) if self.result else []

    def inspected(self):
        """The inspected model's row: at the slider's strength once that is computed, else as trained."""
        row = self._row(self.inspect_combo.currentData())
        at = self.strength.at_strength
        return at if row is not None and at is not None and at.id == row.id else row

    def compared(self):
        return self._row(self.compare_combo.currentData())

    def inspect(self, model_id: str, compare_with: str | None = "") -> None:
        """Choose the inspected model (and the compared one; "" keeps it, None: none)."""
        if compare_with is not None and compare_with != "":
            self.compare_combo.setCurrentIndex(self.compare_combo.findData(compare_with))
        elif compare_with is None:
            self.compare_combo.setCurrentIndex(0)
        self.inspect_combo.setCurrentIndex(self.inspect_combo.findData(model_id))

    def _row(self, model_id):
        return next((row for row in self.rows() if row.id == model_id), None)

    def labels(self) -> dict[str, str]:
        """Short, distinct names: "feature+LoRA · seed 1", "control · seed 1"; models that would read the same are
        told apart by the settings that differ ("LoRA r=8 conv1 · seed 0", "rsLoRA r=8 fc1+fc2 · seed 0")."""
        return model_labels(self.rows(), self.roles, {info.id: info for info in self.state.models})

    def role(self, row) -> str:
        """What an evaluated model is beside the others: its kind, or control_lora for a feature model's control."""
        return self.roles.get(row.id, row.kind)

    def _fit_hint(self) -> None:
        """Fit the hint under the table to the models now ticked; the last evaluation's effect stays while the
        ticked models are the ones it evaluated."""
        ticked = set(self.checked_ids())
        if self.result is not None and ticked == {row.id for row in self.result.rows}:
            return
        self.effect_label.setText(hint.before_evaluating([m for m in self.state.models if m.id in ticked],
                                                         self.chosen_task()))

    # --- slots --------------------------------------------------------------------------
    def _busy(self, kind: str, running: bool) -> None:
        if kind == "evaluate":
            self.evaluate_button.setEnabled(not running)
            self.evaluate_button.setText(self.tr("Evaluating…") if running else self.tr("Evaluate on the test set"))
            self.task_combo.setEnabled(not running)  # the evaluation running is on the task chosen
        elif kind == "export":
            self.export_button.setEnabled(not running and self.inspected() is not None)

    def _on_job_ended(self, kind: str, status: str, message: str) -> None:
        self._busy(kind, False)

    def _on_models(self, models) -> None:
        previously = set(self.checked_ids())
        known = {self.selector.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.selector.count())}
        self.selector.blockSignals(True)  # the hint is fitted once, after the list is refilled
        self.selector.clear()
        for info in models:
            if info.error:
                continue
            item = QListWidgetItem(f"{info.label}\n{kind_title(info.kind)} · {info.id}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(info.settings)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # keep earlier ticks; tick models that are new since the last listing (what was just trained, also
            # into a library that was empty), but not the whole library when the app starts
            fresh = info.id not in known and self._listed
            item.setCheckState(Qt.CheckState.Checked if info.id in previously or fresh else Qt.CheckState.Unchecked)
            self.selector.addItem(item)
        self.selector.blockSignals(False)
        self._listed = True
        self._fit_hint()
        self._update_command_button()

    def _on_evaluated(self, result) -> None:
        """The `on_done` of an evaluation started here: an evaluation_jobs.Evaluated, when it finished."""
        if result.status != "finished":
            return
        self.result = result
        self._drawing_models = {}
        self.strength.forget()
        from lora_studio.core.evaluation.comparison import roles

        rows = list(result.rows)
        self.roles = roles([member for group in result.groups for member in group.members])
        # one task chosen for all: a base evaluated on it is already its own reference there
        scored = {(row.id, row.task) for row in rows}
        references = tuple(r for r in result.references if (r.base_id, r.task) not in scored)
        self.table.fill(rows, list(result.groups), references, self.roles)
        effect = result.effect.effect if result.effect else None  # the core's Effect: verdict, seeds, basis
        self.effect_label.setText(
            self.tr("<b>Feature effect</b> (feature+LoRA − control, {0}): {1}").format(
                score_texts.effect_method(effect), score_texts.effect_meaning(effect))
            if effect else hint.after_evaluating([row.kind for row in rows]))
        labels = self.labels()
        choice = _default_choice(rows, self.roles)
        for combo in (self.inspect_combo, self.compare_combo):
            combo.blockSignals(True)
            combo.clear()
        self.compare_combo.addItem(self.tr("nothing"), None)
        for row in rows:
            for combo in (self.inspect_combo, self.compare_combo):
                combo.addItem(labels[row.id], row.id)
                combo.setItemData(combo.count() - 1, row.name, Qt.ItemDataRole.ToolTipRole)
        self.inspect_combo.setCurrentIndex(self.inspect_combo.findData(choice[0]))
        self.compare_combo.setCurrentIndex(self.compare_combo.findData(choice[1]))
        for combo in (self.inspect_combo, self.compare_combo):
            combo.blockSignals(False)
            combo.setEnabled(True)
        self.export_button.setEnabled(self.state.busy_kind != "export")
        self._on_inspected()

    def _on_table_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        model_id = self.table.row_ids[rows[0].row()] if rows and rows[0].row() < len(self.table.row_ids) else None
        if model_id is not None:
            self.inspect(model_id)

    def _on_exported(self, result) -> None:
        """The `on_done` of an export started here: a shared.export.Exported, when it finished."""
        if result.status == "finished":
            self.export_label.setText(self.tr("<b>Exported</b> {0} to {1}: {2}.").format(
                result.model_id, result.path, result.check))
        elif result.status == "stopped":  # the reason is also in a message box
            self.export_label.setText(self.tr("Export stopped: {0}").format(result.message))
        else:
            self.export_label.setText(self.tr("Export failed: {0}").format(result.message))

    def _refresh_views(self) -> None:
        inspected, compared = self.inspected(), self.compared()
        if inspected is None or self.confusion is None:
            return
        if compared is not None and compared.id == inspected.id:
            compared = None
        labels = self.labels()
        test = self.test_of(inspected.task)
        name = labels[inspected.id]
        if inspected is self.strength.at_strength:
            name = self.tr("{0} at {1} %").format(name, self.strength.slider.value())
        first = (name, inspected.predictions)
        second = None
        if compared is not None:  # compared on the inspected model's test images: a base on its task if need be
            answers = self._answers_on(compared, inspected.task)
            second = (labels[compared.id], answers) if answers is not None else None
        self.confusion.set_models(first, second, test.classes)
        self.gallery.set_source(test, first, second)
        from lora_studio.gui.evaluation.brightness_plot import symbol_for

        ordered = sorted((row for row in self.rows() if row.task == inspected.task),
                         key=lambda row: (kind_order(self.role(row)), row.seed))
        curves = [(row.id, labels[row.id], colour(self.role(row)), symbol_for(row.seed),
                   (inspected if row.id == inspected.id else row).brightness_errors) for row in ordered]
        self.brightness.set_data(test.brightness, self.result.edges, curves, (name, inspected.predictions.correct))
        self.delta.set_model(name, inspected)
        shown = [row for row in (compared, inspected) if row is not None]
        colours = [colour(self.role(row)) for row in shown]
        if len(colours) == 2 and colours[0] == colours[1]:
            colours[1] = SECOND_COLOUR
        self.draw.set_models([(name if row is inspected else labels[row.id], colour, self._drawing_model(row))
                              for row, colour in zip(shown, colours, strict=True)])

    def _drawing_model(self, row):
        from lora_studio.core.model.numpy_cnn import DrawingModel

        if row is self.strength.at_strength:  # the inspected model at the slider's strength: its own merged weights
            if self._strength_drawing is None or self._strength_drawing[0] is not row:
                self._strength_drawing = (row, DrawingModel(row.snapshot))
            return self._strength_drawing[1]
        if row.id not in self._drawing_models:
            self._drawing_models[row.id] = DrawingModel(row.snapshot)
        return self._drawing_models[row.id]

    # --- tasks and adapter strength -----------------------------------------------------
    def test_of(self, task: str) -> evaluation_jobs.TestSet:
        """The test split the models trained for `task` were scored on (the data set's own for "same")."""
        tests = self.result.tests or {}
        return tests.get(task) or self.result.test

    def _answers_on(self, row, task: str):
        """`row`'s predictions on `task`'s test split: its own when it was trained for it; a base's from the
        evaluation's references; None when it was not scored there."""
        if row.task == task:
            return row.predictions
        reference = next((r for r in self.result.references if r.base_id == row.id and r.task == task), None)
        return None if reference is None else reference.predictions

    def _on_inspected(self) -> None:
        """A model was chosen to inspect: the slider starts at its trained strength, the plot shows its curve."""
        row = self._row(self.inspect_combo.currentData())
        self._update_command_button()
        self.export_code_button.set_model(self.inspect_combo.currentData())
        test = self.test_of(row.task) if row is not None else None
        self.strength.inspect(row, *((test.brightness, self.result.edges) if test is not None else ()))
        self._refresh_views()


def _default_choice(rows, roles: dict[str, str]) -> tuple[str, str | None]:
    """Inspect the first fine-tuned model in the core's order of kinds (a feature+LoRA model first, else a control,
    a LoRA model, a model of another method), else the first, compared with its base."""
    tuned = sorted((row for row in rows if row.kind != BASE),
                   key=lambda row: (kind_order(roles.get(row.id, row.kind)), row.seed))
    if not tuned:
        return rows[0].id, None
    row = tuned[0]
    base = next((r.id for r in rows if r.id == row.parent), None)
    return row.id, base or next((r.id for r in rows if r.kind == BASE), None)
