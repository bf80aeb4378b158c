"""The Compare tab: fine-tune one base many ways — methods, LoRA ranks and variants, over seeds — and compare.

The controls on the left make a `SweepPlan` (torch-free, so the summary of what the sweep will do — how
many runs, how many trainable parameters each — is there before PyTorch has loaded). Start runs the whole
sweep as one job (`sweep_jobs.make_sweep`); each finished run's record arrives as it finishes and fills
the table (one row per run) and the two plots: target accuracy against trainable parameters, one marker
per setting at its mean over the seeds with its 95 % interval and the Pareto front drawn, and target
against source accuracy (what a setting learnt against what it forgot). The runs selected in the table
show their loss curves. A click on a marker shows its setting and selects its runs; a saved model opens
in the Evaluation tab (through `AppState.open_model`: tabs never import each other).

Every sweep is a study file (written by the core after each run); "Open study…" shows one again, and
the table can be exported as CSV. The plots import pyqtgraph, so they are made in `build_plots()`.
Above the results, the `lora-studio sweep` command that runs the same sweep (shared.command_line; it opens
and closes: the controls' column has no height to spare, the results give some when asked).
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core import paths
from lora_studio.core.config import LAYERS, LORA_VARIANTS, RANGES, ConfigError, ModelConfig, TrainConfig
from lora_studio.core.model.params import method_budget
from lora_studio.core.workflows.run_command import Command, sweep_command
from lora_studio.core.workflows.sweep_plan import SWEEP_RANKS, Setting, SweepPlan
from lora_studio.gui.compare import jobs as sweep_jobs
from lora_studio.gui.compare.check_list import CheckList
from lora_studio.gui.compare.view import SweepView
from lora_studio.gui.i18n import core_texts, methods
from lora_studio.gui.i18n.lora_terms import layer_tip, tip, variant_tip
from lora_studio.gui.i18n.words import capitalised, method_title, status_title, variant_title
from lora_studio.gui.shared.base_combo import fill_with_bases
from lora_studio.gui.shared.command_line import CommandLine
from lora_studio.gui.shared.job_controls import JobControls
from lora_studio.gui.shared.settings import bind
from lora_studio.gui.shared.spinners import int_spin, subset_spin, subset_value
from lora_studio.gui.shared.state.app_state import AppState, sentence
from lora_studio.gui.shared.style import format_seconds
from lora_studio.gui.shared.task_combo import TaskCombo

BATCH_SIZE, LEARNING_RATE = 64, 1e-3  # as `lora-studio sweep` defaults them


def setting_params(plan: SweepPlan, setting: Setting) -> int:
    """Trainable parameters of one setting of `plan`, by arithmetic, as its run will count them (the core's
    `params.method_budget` of the run's fine-tuning)."""
    return method_budget(setting.method, ModelConfig(), plan.finetune_plan(setting, plan.seeds[0]).lora).trainable


class CompareTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("compareTab")
        self.state = state
        self.ask_export_path = self._ask_export_path  # replaced in tests: a file dialog would block them
        self._live = False  # the shown sweep is the one running
        self._total = 0  # runs in the running sweep

        self.base_combo = QComboBox()
        self.base_combo.setObjectName("sweepBaseCombo")
        self.base_combo.setToolTip(self.tr("The trained base model every run starts from"))
        self.base_combo.setPlaceholderText(self.tr("Train a base model first"))
        self.base_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.base_combo.setMinimumContentsLength(12)
        self.task_combo = TaskCombo("sweepTaskCombo")
        self.methods = CheckList("sweepMethods", [(method_title(m), m, methods.tip(m)) for m in methods.METHODS],
                                 ("lora", "head"), columns=2)
        self.methods.setToolTip(tip("methods"))
        self.layers = CheckList("sweepLayers", [(name, name, layer_tip(name)) for name in LAYERS], ("fc1", "fc2"),
                                columns=4)
        self.layers.setToolTip(tip("layers"))
        self.ranks = CheckList("sweepRanks", [(str(r), r, tip("rank")) for r in SWEEP_RANKS], (1, 2, 4, 8), columns=4)
        self.ranks.setToolTip(tip("rank"))
        self.variants = CheckList("sweepVariants", [
            (variant_title(v), v, variant_tip(v)) for v in LORA_VARIANTS], ("lora",),
            columns=3)
        self.alpha = self._double_spin("sweepAlpha", "alpha", 16.0, 2, tip("alpha"))
        self.lora_plus = self._double_spin("sweepLoraPlusRatio", "lora_plus_ratio", 1.0, 1, tip("lora_plus"))
        self.seeds = int_spin("sweepSeeds", "seeds", 1, tip("seeds"))
        self.epochs = int_spin("sweepEpochs", "epochs", 1, tip("epochs"))
        self.subset = subset_spin("sweepSubset", tip("subset"))
        self.save_models = QCheckBox(self.tr("Keep every run's model in the library"))
        self.save_models.setObjectName("sweepSaveModels")
        self.save_models.setToolTip(tip("save"))
        self.summary = QLabel()
        self.summary.setObjectName("sweepSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr("What Start will run, counted before anything is trained"))

        self.controls = JobControls(state, "sweep", "sweep", self.tr("Start sweep"), self.start, self.tr(
            "Stop after the current batch: the runs that finished are kept in the study, the one running is dropped"
        ), self)
        self.start_button, self.pause_button = self.controls.start_button, self.controls.pause_button
        self.stop_button, self.progress = self.controls.stop_button, self.controls.progress
        self.start_button.setToolTip(self.tr("Run every setting for every seed, one after another"))
        self.open_button = QPushButton(self.tr("Open study…"))
        self.open_button.setObjectName("openStudyButton")
        self.open_button.setToolTip(self.tr("Show a sweep run before (every sweep is saved as a study)"))
        self.study_menu = QMenu(self.open_button)
        self.study_menu.setObjectName("studyMenu")
        self.study_menu.aboutToShow.connect(self._fill_study_menu)
        self.open_button.setMenu(self.study_menu)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportSweepButton")
        self.export_button.setToolTip(self.tr("Write the table as CSV: one line per run, in the table's order"))
        self.export_button.clicked.connect(self.export_csv)

        self.view = SweepView(state)
        self.command = CommandLine(state, self.command_now, lines=4, collapsible=True)
        self._build_layout()

        for widget in (self.methods, self.layers, self.ranks, self.variants):
            widget.sigChanged.connect(self._update_summary)
        for spin in (self.alpha, self.lora_plus, self.seeds, self.epochs, self.subset):
            spin.valueChanged.connect(self._update_summary)
        self.task_combo.sigTaskChosen.connect(lambda _name: self._update_summary())
        self.base_combo.currentIndexChanged.connect(lambda _index: self._update_summary())
        self.setEnabled(False)
        state.sigReady.connect(lambda: self.setEnabled(True))
        state.sigModelsChanged.connect(self._on_models)
        state.sigJobStarted.connect(self._on_started)
        state.sigJobEnded.connect(self._on_ended)
        state.sigSteps.connect(self._on_steps)
        # after _on_models: the base combo is filled with its signals blocked
        self.command.watch(self.methods.sigChanged, self.layers.sigChanged, self.ranks.sigChanged,
                           self.variants.sigChanged, self.alpha.valueChanged, self.lora_plus.valueChanged,
                           self.seeds.valueChanged, self.epochs.valueChanged, self.subset.valueChanged,
                           self.save_models.toggled, self.task_combo.sigTaskChosen,
                           self.base_combo.currentIndexChanged, state.sigModelsChanged)
        self._update_summary()

    def _double_spin(self, name: str, key: str, value: float, decimals: int, text: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(*RANGES[key])
        spin.setDecimals(decimals)
        spin.setValue(value)
        spin.setToolTip(text)
        return spin

    def _build_layout(self) -> None:
        what = QGroupBox(self.tr("What to compare"))
        form = QFormLayout(what)
        form.addRow(self.tr("Base model"), self.base_combo)
        form.addRow(self.tr("Target task"), self.task_combo)
        form.addRow(self.tr("Methods"), self.methods)
        self.lora_box = QGroupBox(self.tr("LoRA settings"))
        lora = QFormLayout(self.lora_box)
        lora.addRow(self.tr("Layers"), self.layers)
        lora.addRow(self.tr("Ranks r"), self.ranks)
        lora.addRow(self.tr("Variants"), self.variants)
        lora.addRow(self.tr("Alpha α"), self.alpha)
        lora.addRow(self.tr("LoRA+ ratio"), self.lora_plus)
        training = QGroupBox(self.tr("Every run"))
        train_form = QFormLayout(training)
        train_form.addRow(self.tr("Seeds"), self.seeds)
        train_form.addRow(self.tr("Epochs"), self.epochs)
        train_form.addRow(self.tr("Training images"), self.subset)
        train_form.addRow(self.save_models)
        buttons = self.controls.buttons()
        files = QHBoxLayout()
        files.addWidget(self.open_button)
        files.addWidget(self.export_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 6, 0)
        for box in (what, self.lora_box, training):
            left.addWidget(box)
        left.addWidget(self.summary)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addLayout(files)
        left.addStretch(1)
        controls = QWidget()
        controls.setLayout(left)
        scroll = QScrollArea()  # on a small screen the controls scroll instead of being cut off
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(controls.sizeHint().width() + 16)
        scroll.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

        right = QVBoxLayout()
        right.addWidget(self.command)
        right.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(right, 1)

    def build_plots(self) -> None:
        """Make the plots (imports pyqtgraph): called once, right after the window is shown."""
        self.view.build_plots()

    # --- reading the controls -----------------------------------------------------------
    def plan(self, base_id: str | None = None) -> SweepPlan:
        """The sweep the controls ask for (seeds 0, 1, …); ConfigError for a choice the core refuses."""
        return SweepPlan(
            base_id if base_id is not None else (self.base_combo.currentData() or ""), task=self.task_combo.task(),
            methods=tuple(self.methods.values()), layers=tuple(self.layers.values()),
            ranks=tuple(self.ranks.values()), variants=tuple(self.variants.values()), alpha=self.alpha.value(),
            lora_plus_ratio=self.lora_plus.value(), seeds=tuple(range(self.seeds.value())),
            train=TrainConfig(epochs=self.epochs.value(), batch_size=BATCH_SIZE, lr=LEARNING_RATE,
                              lr_schedule="constant"),
            limit=subset_value(self.subset), save_models=self.save_models.isChecked())

    def command_now(self) -> Command:
        """The `lora-studio sweep` command of the plan; ConfigError for a choice the core refuses."""
        return sweep_command(self.plan(), data_dir=self.state.data_root)

    def summary_text(self) -> str:
        try:
            plan = self.plan(base_id="")
        except ConfigError as exc:
            return sentence(core_texts.user_error(exc)) + "."
        settings = plan.settings()
        counts = sorted(setting_params(plan, s) for s in settings)
        total = method_budget("full", ModelConfig()).total  # the CNN's own parameters
        images = self.tr("{0:,} training images").format(plan.limit) if plan.limit else self.tr(
            "all training images")
        text = self.tr("<b>{0} runs</b>: {1} setting(s) × {2} seed(s), {3} epoch(s) each on {4}.").format(
            len(plan.runs()), len(settings), len(plan.seeds), plan.train.epochs, images)
        if counts[0] == counts[-1]:
            return text + " " + self.tr("{0:,} trainable parameters each, of {1:,} in the CNN.").format(
                counts[0], total)
        return text + " " + self.tr("From {0:,} to {1:,} trainable parameters a run, of {2:,} in the CNN.").format(
            counts[0], counts[-1], total)

    # --- actions ------------------------------------------------------------------------
    def start(self) -> None:
        if not self.state.ready:
            return
        if self.base_combo.currentData() is None:
            self.state.tell("info", self.tr("No base model"), self.tr(
                "Train a base model in the Base training tab first: every run of a sweep starts from it."))
            return
        try:
            plan = self.plan()
        except ConfigError as exc:
            self.state.tell("warning", self.tr("Check the settings"), sentence(core_texts.user_error(exc)) + ".")
            return
        job = sweep_jobs.make_sweep(self.state.cache, self.state.data_root, self.state.models_root,
                                    paths.studies_dir(self.state.home), plan, on_runs=self._on_runs,
                                    on_done=self._on_done)
        if self.state.start(job):
            self._total = len(plan.runs())
            self.view.show_runs([], {"id": "", "base_id": plan.base_id, "task": plan.task, "status": "running"})
            self._live = True

    def open_study(self, study_id: str) -> bool:
        """Show the saved study `study_id`; False (and a message) when it cannot be read."""
        from lora_studio.core.errors import StorageError
        from lora_studio.core.storage.studies import StudyStore

        try:
            study = StudyStore(paths.studies_dir(self.state.home)).load(study_id)
        except StorageError as exc:
            self.state.tell("warning", self.tr("The study cannot be opened"),
                            sentence(core_texts.user_error(exc)) + ".")
            return False
        self.view.show_runs(study["runs"], study)
        finished = study.get("status") == "finished"
        self.progress.setValue(self.progress.maximum() if finished else 0)
        self.progress.setFormat(self.tr("Study {0} · {1} runs").format(status_title(study.get("status")),
                                                                       len(study["runs"])))
        return True

    def export_csv(self) -> None:
        """Write the table as CSV, in one piece (a failed write leaves nothing half-written)."""
        from lora_studio.core import files
        from lora_studio.core.storage.studies import runs_csv

        records = self.view.records
        if not records:
            self.state.tell("info", self.tr("Nothing to export"), self.tr("Run a sweep or open a study first."))
            return
        path = self.ask_export_path(f"{self.view.study.get('id') or 'sweep'}.csv")
        if not path:
            return
        try:
            ordered = [records[index] for index in self.view.table.run_order()]
            files.atomic_write(Path(path), runs_csv(ordered).encode("utf-8"))
        except OSError as exc:  # a read-only folder or a full disk: the temporary file is removed
            self.state.tell("warning", self.tr("Export failed"), self.tr("Could not write {0}: {1}.").format(
                path, exc.strerror or exc))
            return
        self.state.sigStatus.emit(self.tr("Wrote {0} runs to {1}").format(len(records), path))

    def remember(self, settings) -> None:
        for key, widget in (("compare/methods", self.methods), ("compare/layers", self.layers),
                            ("compare/ranks", self.ranks), ("compare/variants", self.variants),
                            ("compare/alpha", self.alpha), ("compare/loraPlusRatio", self.lora_plus),
                            ("compare/seeds", self.seeds), ("compare/epochs", self.epochs),
                            ("compare/subset", self.subset), ("compare/saveModels", self.save_models)):
            bind(settings, key, widget)
        self.command.remember(settings, "compare/commandOpen")
        stored = settings.value("compare/task", None)
        if isinstance(stored, str):
            self.task_combo.select(stored)
        self.task_combo.sigTaskChosen.connect(lambda name: settings.setValue("compare/task", name))
        self._update_summary()

    def _ask_export_path(self, name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the sweep as CSV"), str(Path.home() / name),
                                              self.tr("CSV (*.csv)"))
        return path or None

    def _fill_study_menu(self) -> None:
        self.study_menu.clear()
        ids: list[str] = []
        if self.state.ready:
            from lora_studio.core.storage.studies import StudyStore

            ids = StudyStore(paths.studies_dir(self.state.home)).list()
        for study_id in ids:
            action = self.study_menu.addAction(study_id)
            action.setData(study_id)
            action.triggered.connect(lambda _checked=False, s=study_id: self.open_study(s))
        if not ids:
            self.study_menu.addAction(self.tr("No saved studies yet")).setEnabled(False)

    def _update_summary(self) -> None:
        self.summary.setText(self.summary_text())
        self.lora_box.setEnabled("lora" in self.methods.values())

    # --- slots --------------------------------------------------------------------------
    def _on_runs(self, records: list) -> None:
        """Runs of the running sweep that finished (the job's partial results)."""
        if not self._live:
            return
        self.view.add_runs(records)
        self.controls.show_fraction(len(self.view.records) / max(self._total, 1))

    def _on_done(self, result) -> None:
        live, self._live = self._live, False
        if not live or not isinstance(result, sweep_jobs.SweepDone) or result.study is None:
            return
        study = result.study
        self.view.finish(study)  # the models it saved were listed by the worker as it ended

    def _on_models(self, models) -> None:
        current = self.base_combo.currentData()
        fill_with_bases(self.base_combo, models)
        index = self.base_combo.findData(current) if current else -1
        self.base_combo.setCurrentIndex(index if index >= 0 else (0 if self.base_combo.count() else -1))
        self.base_combo.blockSignals(False)

    def _on_started(self, kind: str) -> None:
        self.open_button.setEnabled(kind != "sweep")

    def _on_ended(self, kind: str, status: str, message: str) -> None:
        if kind != "sweep":
            return
        self.open_button.setEnabled(True)
        self.progress.setFormat(self.tr("{0} · {1}/{2} runs").format(
            capitalised(status_title(status)), len(self.view.records), self._total))

    def _on_steps(self, kind: str, key: str, _xs, _ys, progress: dict) -> None:
        """One bar for the whole sweep: finished runs plus the running one's share, and the time left."""
        if kind != "sweep" or not self._total or self.controls.paused:
            return
        index = int(key.rpartition(":")[2] or 0)
        fraction = min((index + progress["fraction"]) / self._total, 1.0)
        self.controls.show_fraction(fraction)
        self.progress.setFormat(self.tr("Run {0}/{1} · %p % · ETA {2}").format(
            min(index + 1, self._total), self._total, format_seconds(self.controls.time_left(fraction))))

    def apply_setup(self, setup, base_id: str | None) -> None:
        """A lesson's sweep (shared.setup.Setup.sweep) into the controls, on the base `base_id` (None: the choice
        stays as it is). A lesson without a sweep leaves this tab alone."""
        sweep = setup.sweep
        if sweep is None:
            return
        if base_id is not None and self.base_combo.findData(base_id) >= 0:
            self.base_combo.setCurrentIndex(self.base_combo.findData(base_id))
        self.task_combo.select(setup.task)
        self.methods.set_values(sweep.methods)
        self.layers.set_values(sweep.layers)
        self.ranks.set_values(sweep.ranks)
        self.variants.set_values(sweep.variants)
        self.alpha.setValue(setup.alpha)
        self.lora_plus.setValue(setup.lora_plus_ratio)
        self.seeds.setValue(sweep.seeds)
        self.epochs.setValue(sweep.epochs)
        self.subset.setValue(sweep.subset or 0)
