"""The LoRA tab: choose a base model, the target task and the method; for LoRA, the layers to adapt, rank and
alpha, the extra features; fine-tune.

Every change recomputes the parameter budget with `core.params` (plain
arithmetic, no PyTorch), so the table and `trainableParamsLabel` answer "what
does this choice cost?" at once, even before PyTorch has loaded. The job
fine-tunes the feature model and, when asked, the control (the same LoRA
without the features) for each seed; both are drawn on the same plots. Another method (the head alone,
every weight, a fresh CNN) runs once per seed and leaves the LoRA-only settings aside. A strip shows
sample images of the target task, made in the worker from the base model's data set exactly as the
fine-tuning will make them. Under the parameter count, the `lora-studio finetune` command that makes
the same runs (shared.command_line), made again at every change.
"""

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core.config import LAYERS, LORA_VARIANTS, RANGES, ConfigError, LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.model.params import layer_shapes, method_budget
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.run_command import Command, finetune_command
from lora_studio.gui.background.worker import JobResult, job_title
from lora_studio.gui.i18n import core_texts, methods
from lora_studio.gui.i18n.lora_terms import variant_tip
from lora_studio.gui.i18n.words import method_title, variant_title
from lora_studio.gui.lora import jobs
from lora_studio.gui.lora.task_strip import TaskStrip
from lora_studio.gui.shared.base_combo import fill_with_bases
from lora_studio.gui.shared.command_line import CommandLine
from lora_studio.gui.shared.settings import bind
from lora_studio.gui.shared.spinners import int_spin, lr_spin, subset_spin, subset_value
from lora_studio.gui.shared.state.app_state import AppState, sentence
from lora_studio.gui.shared.task_combo import TaskCombo
from lora_studio.gui.shared.training_panel import TrainingPanel

BATCH_SIZE = 64  # the article's; the LoRA phase is cheap enough that it needs no knob of its own
LAYER_TIPS = {  # translated where shown (context "LoraTab")
    "conv1": QT_TRANSLATE_NOOP("LoraTab", "First convolution (1→8 channels). Adapting it means re-running every "
                                          "convolution in each step."),
    "conv2": QT_TRANSLATE_NOOP("LoraTab", "Second convolution (8→16 channels)."),
    "fc1": QT_TRANSLATE_NOOP("LoraTab", "First fully connected layer (784 conv features + extra features → 64). "
                                        "The article adapts it."),
    "fc2": QT_TRANSLATE_NOOP("LoraTab", "Output layer (64 → 10 classes). The article adapts it."),
}
RANK_TIP = QT_TRANSLATE_NOOP("LoraTab", "Rank r: the inner size of the update ΔW = (α/r)·B·A. A has r rows, B has "
                                        "r columns, so the adapter's parameters grow linearly with r; small r "
                                        "forces a simple update.")
ALPHA_TIP = QT_TRANSLATE_NOOP("LoraTab", "Alpha α: the update is scaled by α/r. Raising α makes the adapter's "
                                         "changes count more without changing how many parameters it has.")
# what FinetunePlan holds: the task and the method are new in issue 12 (a "#:" comment would go to translators)
PLAN_FIELDS = {f.name for f in dataclasses.fields(FinetunePlan)}


class LoraTab(QWidget):
    sigSettingsChanged = Signal()  # rank, alpha, variant, LoRA+ ratio, layers or features changed (Learn follows)

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("loraTab")
        self.state = state
        self.base_combo = QComboBox()
        self.base_combo.setObjectName("baseModelCombo")
        self.base_combo.setToolTip(self.tr("The trained base model to start from: its weights stay frozen"))
        self.base_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.base_combo.setMinimumContentsLength(28)
        self.base_combo.setPlaceholderText(self.tr("Train a base model first"))
        self.task_combo = TaskCombo("targetTaskCombo")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("methodCombo")
        for name in methods.METHODS:
            self.method_combo.addItem(method_title(name), name)
            self.method_combo.setItemData(self.method_combo.count() - 1, methods.tip(name),
                                          Qt.ItemDataRole.ToolTipRole)
        self.method_combo.setToolTip(self.tr(
            "How the base is adapted to the target task. All methods get the same epochs, learning rate and "
            "images, so their scores can be compared; hover over an item to read what it trains."))
        self.method_note = QLabel()
        self.method_note.setObjectName("methodNote")
        self.method_note.setWordWrap(True)
        self.task_strip = TaskStrip(state, "lora-preview")
        self.preview = self.task_strip.grid

        self.layer_checks: dict[str, QCheckBox] = {}
        self.layer_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        layer_grid = QGridLayout()
        for column, title in enumerate((self.tr("Layer"), self.tr("Shape"), self.tr("Frozen"),
                                        self.tr("LoRA params"))):
            header = QLabel(f"<b>{title}</b>")
            layer_grid.addWidget(header, 0, column, alignment=Qt.AlignmentFlag.AlignLeft if column < 2
                                 else Qt.AlignmentFlag.AlignRight)
        for row, name in enumerate(LAYERS, start=1):
            check = QCheckBox(name)
            check.setObjectName(f"loraLayer_{name}")
            check.setChecked(name in LoraConfig().layers)
            check.setToolTip(self.tr(LAYER_TIPS[name]))
            labels = (QLabel(), QLabel(), QLabel())
            labels[0].setToolTip(self.tr("The layer's weight shape"))
            labels[1].setToolTip(self.tr("Parameters of this layer that stay frozen during fine-tuning"))
            labels[2].setToolTip(self.tr("Parameters of its adapter at the current rank: r·(in·k²) for A plus out·r "
                                         "for B"))
            layer_grid.addWidget(check, row, 0)
            for column, label in enumerate(labels, start=1):
                align = Qt.AlignmentFlag.AlignLeft if column == 1 else Qt.AlignmentFlag.AlignRight
                layer_grid.addWidget(label, row, column, alignment=align)
            self.layer_checks[name], self.layer_labels[name] = check, labels
        self.new_columns_label = QLabel()
        self.new_columns_label.setWordWrap(True)
        layer_grid.addWidget(self.new_columns_label, len(LAYERS) + 1, 0, 1, 4)

        self.rank = int_spin("loraRank", "rank", LoraConfig().rank, self.tr(RANK_TIP))
        alpha_low, alpha_high = RANGES["alpha"]
        self.alpha = QDoubleSpinBox()
        self.alpha.setObjectName("loraAlpha")
        self.alpha.setRange(alpha_low, alpha_high)
        self.alpha.setDecimals(2)
        self.alpha.setValue(LoraConfig().alpha)
        self.alpha.setToolTip(self.tr(ALPHA_TIP))
        self.variant_combo = QComboBox()
        self.variant_combo.setObjectName("loraVariantCombo")
        for name in LORA_VARIANTS:
            self.variant_combo.addItem(variant_title(name), name)
            self.variant_combo.setItemData(self.variant_combo.count() - 1, variant_tip(name),
                                           Qt.ItemDataRole.ToolTipRole)
        self.variant_combo.setToolTip(self.tr("How the adapter becomes a weight: LoRA, rsLoRA or DoRA"))
        plus_low, plus_high = RANGES["lora_plus_ratio"]
        self.lora_plus = QDoubleSpinBox()
        self.lora_plus.setObjectName("loraPlusRatio")
        self.lora_plus.setRange(plus_low, plus_high)
        self.lora_plus.setDecimals(1)
        self.lora_plus.setValue(LoraConfig().lora_plus_ratio)
        self.lora_plus.setToolTip(self.tr("LoRA+: B learns this many times faster than A (1 = plain LoRA; the LoRA+ "
                                          "paper uses 16)"))
        self.scale_label = QLabel()
        self.scale_label.setObjectName("loraScaleLabel")
        self.scale_label.setToolTip(self.tr("How strongly the low-rank update B·A is added to the frozen weight"))

        self.feature_box = QGroupBox(self.tr("Extra inputs to fc1"))
        self.feature_box.setToolTip(self.tr("Per-image values appended to fc1's input; their new weights are trained "
                                            "too"))
        self.feature_layout = QVBoxLayout(self.feature_box)
        self.feature_checks: dict[str, QCheckBox] = {}
        self._loading_features = QLabel(self.tr("Loading the feature list…"))
        self.feature_layout.addWidget(self._loading_features)
        self.control_check = QCheckBox(self.tr("Also run a control without the extra features"))
        self.control_check.setObjectName("controlRunCheck")
        self.control_check.setChecked(True)
        self.control_check.setToolTip(self.tr(
            "The same LoRA fine-tuning without the extra inputs. Only the difference between the two says what "
            "the feature itself adds; fine-tuning alone also gains a little."))
        self._control_tip = self.control_check.toolTip()

        self.epochs = int_spin("loraEpochs", "epochs", 2, self.tr("Passes over the training set (the article: 2)"))
        self.learning_rate = lr_spin("loraLearningRate", 1e-3, self.tr("Adam's learning rate for the adapters"))
        self.subset = subset_spin("loraSubset", self.tr("Use only the first N training images"))
        self.seeds = int_spin("loraSeeds", "seeds", 1, self.tr(
            "Repeat the fine-tuning with seeds 0, 1, …: the spread shows training noise, and the feature's effect "
            "then gets an interval over seeds"))
        self.budget_label = QLabel()
        self.budget_label.setObjectName("trainableParamsLabel")
        self.budget_label.setToolTip(self.tr("Adapters plus fc1's new feature columns, against all parameters of the "
                                              "model"))
        font = self.budget_label.font()
        font.setBold(True)
        self.budget_label.setFont(font)
        self.budget_label.setWordWrap(True)  # beside the settings, not a row of its own: the tab fits 800 px

        start_box = QGroupBox(self.tr("Start from, adapt to"))
        start_form = QFormLayout(start_box)
        start_form.addRow(self.tr("Base model"), self.base_combo)
        start_form.addRow(self.tr("Target task"), self.task_combo)
        start_form.addRow(self.tr("Method"), self.method_combo)
        start_form.addRow(self.method_note)
        layers_box = QGroupBox(self.tr("Layers to adapt"))
        layers_box.setLayout(layer_grid)
        adapter_box = QGroupBox(self.tr("Adapter"))
        adapter_form = QFormLayout(adapter_box)
        adapter_form.addRow(self.tr("Rank r"), self.rank)
        adapter_form.addRow(self.tr("Alpha α"), self.alpha)
        adapter_form.addRow(self.tr("Variant"), self.variant_combo)
        adapter_form.addRow(self.tr("Scale"), self.scale_label)
        adapter_form.addRow(self.tr("LoRA+ ratio"), self.lora_plus)
        training_box = QGroupBox(self.tr("Training"))
        training_form = QFormLayout(training_box)
        training_form.addRow(self.tr("Epochs"), self.epochs)
        training_form.addRow(self.tr("Learning rate"), self.learning_rate)
        training_form.addRow(self.tr("Training images"), self.subset)
        training_form.addRow(self.tr("Seeds"), self.seeds)
        left = QVBoxLayout()
        left.addWidget(start_box)
        left.addWidget(layers_box)
        middle = QVBoxLayout()
        middle.addWidget(adapter_box)
        middle.addWidget(self.feature_box)
        middle.addWidget(self.control_check)
        middle.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(training_box)
        right.addWidget(self.budget_label)
        self.command = CommandLine(state, self.command_now, lines=6)
        right.addWidget(self.command)
        right.addStretch(1)
        settings_row = QHBoxLayout()
        settings_row.addLayout(left, 3)
        settings_row.addLayout(middle, 2)
        settings_row.addLayout(right, 2)
        self._lora_only = (layers_box, adapter_box, self.feature_box)
        self._lora_tips = {widget: widget.toolTip() for widget in self._lora_only}

        self.panel = TrainingPanel(state, "lora", "lora", self.tr("Fine-tune with LoRA"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(settings_row)
        layout.addWidget(self.task_strip)
        layout.addWidget(self.panel, 1)

        for check in self.layer_checks.values():
            check.toggled.connect(self._update_budget)
        self.rank.valueChanged.connect(self._update_budget)
        self.alpha.valueChanged.connect(self._update_budget)
        self.variant_combo.currentIndexChanged.connect(lambda _index: self._update_budget())
        for check in self.layer_checks.values():
            check.toggled.connect(self.sigSettingsChanged)
        for signal in (self.rank.valueChanged, self.alpha.valueChanged, self.lora_plus.valueChanged,
                       self.variant_combo.currentIndexChanged):
            signal.connect(lambda _value: self.sigSettingsChanged.emit())
        self.method_combo.currentIndexChanged.connect(lambda _index: self._on_method())
        self.task_combo.sigTaskChosen.connect(lambda _name: self._on_task())
        self.base_combo.currentIndexChanged.connect(lambda _index: self._request_preview())
        self.setEnabled(False)
        self._settings = None
        state.sigReady.connect(self._on_ready)
        state.sigModelsChanged.connect(self._on_models)
        state.sigDatasetChanged.connect(lambda _view: self._request_preview())
        # after _on_models: the base combo is filled with its signals blocked
        self.command.watch(self.sigSettingsChanged, self.method_combo.currentIndexChanged,
                           self.task_combo.sigTaskChosen, self.base_combo.currentIndexChanged,
                           self.control_check.toggled, self.epochs.valueChanged, self.learning_rate.valueChanged,
                           self.subset.valueChanged, self.seeds.valueChanged, state.sigModelsChanged)
        self._on_method()
        self._on_task()

    # --- reading the controls -----------------------------------------------------------
    def layers(self) -> tuple[str, ...]:
        return tuple(name for name in LAYERS if self.layer_checks[name].isChecked())

    def features(self) -> tuple[str, ...]:
        if not self.feature_checks:  # before the core has loaded, the default: the article's brightness
            return ("brightness",)
        return tuple(name for name, check in self.feature_checks.items() if check.isChecked())

    def lora_config(self) -> LoraConfig:
        return LoraConfig(rank=self.rank.value(), alpha=self.alpha.value(), layers=self.layers(),
                          variant=self.variant_combo.currentData(), lora_plus_ratio=self.lora_plus.value())

    def method(self) -> str:
        return self.method_combo.currentData() or "lora"

    def task(self) -> str:
        return self.task_combo.task()

    def plan(self) -> FinetunePlan:
        """The fine-tunings the controls ask for (seeds 0, 1, …); ConfigError for a value the core refuses.
        Another method than LoRA takes no adapters, extra inputs or control: theirs are left at the defaults."""
        lora = self.method() == "lora"
        chosen = {"task": self.task(), "method": self.method()}
        return FinetunePlan(
            self.base_combo.currentData(), self.lora_config() if lora else LoraConfig(),
            self.features() if lora else (), self.control_check.isChecked(),
            tuple(range(self.seeds.value())),
            TrainConfig(epochs=self.epochs.value(), batch_size=BATCH_SIZE, lr=self.learning_rate.value()),
            subset_value(self.subset), **{k: v for k, v in chosen.items() if k in PLAN_FIELDS})

    def command_now(self) -> Command:
        """The `lora-studio finetune` command of the plan; ConfigError for a value the core refuses."""
        return finetune_command(self.plan(), data_dir=self.state.data_root)

    # --- actions ------------------------------------------------------------------------
    def start(self) -> None:
        if not self.state.ready:
            return
        if self.base_combo.currentData() is None:
            self.state.tell("info", self.tr("No base model"), self.tr(
                "Train a base model in the Base training tab first: LoRA fine-tunes a copy of it."))
            return
        try:
            plan = self.plan()
        except ConfigError as exc:
            self.state.tell("warning", self.tr("Check the settings"), sentence(core_texts.user_error(exc)))
            return
        job = jobs.make_finetune(self.state.cache, self.state.data_root, self.state.models_root, plan,
                                 on_done=self._on_trained)
        if self.state.start(job):
            self.panel.plan = [f"{phase}:{seed}" for phase, seed in plan.runs()]

    def _on_trained(self, result: JobResult) -> None:
        if isinstance(result, jobs.LoraTrained) and result.learned_nothing:
            self.state.tell("warning", self.tr("{0} learned nothing").format(job_title("lora")),
                            result.learned_nothing)

    def remember(self, settings) -> None:
        self._settings = settings
        for name, check in self.layer_checks.items():
            bind(settings, f"lora/layer_{name}", check)
        for key, widget in (("lora/rank", self.rank), ("lora/alpha", self.alpha), ("lora/variant", self.variant_combo),
                            ("lora/loraPlusRatio", self.lora_plus),
                            ("lora/control", self.control_check), ("lora/epochs", self.epochs),
                            ("lora/learningRate", self.learning_rate), ("lora/subset", self.subset),
                            ("lora/seeds", self.seeds), ("lora/method", self.method_combo)):
            bind(settings, key, widget)
        stored = settings.value("lora/task", None)
        if isinstance(stored, str):  # a folder is added back to the list; one that is gone says so in the strip
            self.task_combo.select(stored)
        self.task_combo.sigTaskChosen.connect(lambda name: settings.setValue("lora/task", name))
        self._on_method()

    # --- slots --------------------------------------------------------------------------
    def _on_ready(self) -> None:
        self._loading_features.deleteLater()
        for name, english_title, english_description in self.state.features:
            title = core_texts.feature_title(name, english_title)
            description = core_texts.feature_description(name, english_description)
            check = QCheckBox(f"{title} — {description}")
            check.setObjectName(f"feature_{name}")
            check.setChecked(name == "brightness")
            check.setToolTip(self.tr("Append the image's {0} ({1}) to fc1's input, standardised with the training "
                                     "set's mean and spread").format(core_texts.feature_word(name), description))
            if self._settings is not None:
                bind(self._settings, f"lora/feature_{name}", check)
            check.toggled.connect(self._update_budget)
            check.toggled.connect(self.sigSettingsChanged)
            self.feature_layout.addWidget(check)
            self.feature_checks[name] = check
        self.setEnabled(True)
        self._on_method()
        self._request_preview()
        self.sigSettingsChanged.emit()  # the remembered extra inputs are known only now

    def _on_models(self, models) -> None:
        current = self.base_combo.currentData()
        known = {self.base_combo.itemData(i) for i in range(self.base_combo.count())}
        ids = fill_with_bases(self.base_combo, models)
        fresh = [model_id for model_id in ids if model_id not in known]
        # a base model just trained is the one to fine-tune next; otherwise keep the user's choice
        chosen = fresh[0] if fresh and known else (current if current in ids else (ids[0] if ids else None))
        self.base_combo.setCurrentIndex(self.base_combo.findData(chosen) if chosen else -1)
        self.base_combo.blockSignals(False)
        self._request_preview()  # the chosen base may be of another data set than before

    def _on_method(self) -> None:
        """Enable the LoRA-only settings for LoRA; for another method, say why they are off."""
        method = self.method()
        lora = method == "lora"
        for widget in self._lora_only:
            widget.setEnabled(lora)
            widget.setToolTip(self._lora_tips[widget] if lora else methods.lora_only(method))
        aside = "" if lora else " " + self.tr("The layers, rank, alpha and extra inputs apply to LoRA only.")
        self.method_note.setText(methods.tip(method) + aside)
        self.panel.start_button.setText(self.tr("Fine-tune with LoRA") if lora else
                                        self.tr("Train: {0}").format(method_title(method)))
        self._update_budget()

    def _on_task(self) -> None:
        self._request_preview()

    def _request_preview(self) -> None:
        """The strip shows the chosen task, made from the base model's data set (in the worker)."""
        self.task_strip.show_task(self.task(), self.task_combo.description(), self._source_dataset())

    def _source_dataset(self) -> str:
        """The source task's data set: the chosen base model's (else the one chosen in the Dataset tab)."""
        base = self.base_combo.currentData()
        info = next((m for m in self.state.models if m.id == base), None)
        return info.dataset if info is not None and info.dataset else self.state.dataset_name

    def _update_control(self) -> None:
        """A control is the same LoRA without the extra inputs: with none ticked, or another method, there is nothing
        to compare it with, and the box is off (its tick kept for when there is)."""
        method = self.method()
        usable = method == "lora" and bool(self.features())
        self.control_check.setEnabled(usable)
        self.control_check.setToolTip(self._control_tip if usable else methods.lora_only(method) if method != "lora"
                                      else self.tr("A control runs beside a run with extra inputs: tick one above"))

    def _update_budget(self) -> None:
        self._update_control()
        if self.method() != "lora":
            self._update_method_budget()
            return
        rank, features = self.rank.value(), self.features()
        root = "√r" if self.variant_combo.currentData() == "rslora" else "r"
        scale = LoraConfig(rank=rank, alpha=self.alpha.value(), variant=self.variant_combo.currentData()).scale
        self.scale_label.setText(f"α/{root} = {scale:g}  (α = {self.alpha.value():g}, r = {rank})")
        model = ModelConfig(feature_dim=len(features))
        new_columns = model.hidden * model.feature_dim
        for shape in layer_shapes(model):
            shape_label, frozen_label, lora_label = self.layer_labels[shape.name]
            checked = self.layer_checks[shape.name].isChecked()
            frozen = shape.params - (new_columns if shape.name == "fc1" else 0)
            shape_label.setText(core_texts.layer_shape(shape))
            frozen_label.setText(f"{frozen:,}")
            params = shape.lora_params(rank, self.variant_combo.currentData())
            lora_label.setText(f"{params:,}" if checked else f"({params:,})")
            lora_label.setEnabled(checked)
        self.new_columns_label.setText(
            self.tr("fc1 also gets {0} new input column(s) for the extra features: {1} trainable parameters.").format(
                len(features), f"{new_columns:,}") if features else
            self.tr("No extra features: this run is a plain LoRA fine-tuning (what the control does)."))
        try:
            self.budget_label.setText(core_texts.budget_sentence(method_budget("lora", model, self.lora_config())))
        except ConfigError as exc:
            self.budget_label.setText(sentence(core_texts.user_error(exc)))

    def _update_method_budget(self) -> None:
        """The head trains fc2; full fine-tuning and a fresh CNN train every weight of the plain CNN."""
        self.budget_label.setText(core_texts.budget_sentence(method_budget(self.method(), ModelConfig())))

    def apply_setup(self, setup, base_id: str | None) -> None:
        """A lesson's fine-tuning (shared.setup.Setup) into the controls, from the base `base_id` (None: the
        choice stays as it is). A lesson's sweep belongs to the Compare tab: it leaves this tab alone."""
        if setup.sweep is not None:
            return
        if base_id is not None and self.base_combo.findData(base_id) >= 0:
            self.base_combo.setCurrentIndex(self.base_combo.findData(base_id))
        self.task_combo.select(setup.task)
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(setup.method), 0))
        for name, check in self.layer_checks.items():
            check.setChecked(name in setup.layers)
        self.rank.setValue(setup.rank)
        self.alpha.setValue(setup.alpha)
        self.variant_combo.setCurrentIndex(max(self.variant_combo.findData(setup.variant), 0))
        self.lora_plus.setValue(setup.lora_plus_ratio)
        for name, check in self.feature_checks.items():
            check.setChecked(name in setup.features)
        self.control_check.setChecked(setup.control)
        self.seeds.setValue(setup.seeds)
        self.epochs.setValue(setup.epochs)
        self.learning_rate.setValue(setup.learning_rate)
        self.subset.setValue(setup.subset or 0)
