"""The Base training tab: settings for training the CNN from scratch, start/pause/stop, live plots.

It maps its spinners onto the core's `DataConfig` and `TrainConfig` and starts
the job; the shared `TrainingPanel` follows the job. The trained model is saved
by the job into the library, where the LoRA tab finds it. Beside the settings, the `lora-studio
train-base` command that trains the same model (shared.command_line), made again at every change.
"""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lora_studio.core.config import ConfigError, DataConfig, TrainConfig
from lora_studio.core.workflows.run_command import Command, base_command
from lora_studio.gui.background.worker import JobResult, job_title
from lora_studio.gui.base import jobs
from lora_studio.gui.i18n.core_texts import user_error
from lora_studio.gui.shared.command_line import CommandLine
from lora_studio.gui.shared.settings import bind
from lora_studio.gui.shared.spinners import int_spin, lr_spin, subset_spin, subset_value
from lora_studio.gui.shared.state.app_state import AppState, sentence
from lora_studio.gui.shared.training_panel import TrainingPanel


class BaseTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("baseTab")
        self.state = state
        self.epochs = int_spin("baseEpochs", "epochs", 3, self.tr("Passes over the training set (the article: 3)"))
        self.batch_size = int_spin("baseBatchSize", "batch_size", 64,
                                   self.tr("Images per optimiser step (the article: 64)"))
        self.learning_rate = lr_spin("baseLearningRate", 1e-3, self.tr(
            "Adam's learning rate (the article: 0.001). Too high and training diverges."))
        self.seed = int_spin("baseSeed", "seed", 0,
                             self.tr("Random seed: the same seed and settings give the same model"))
        self.subset = subset_spin("baseSubset", self.tr("Use only the first N training images, for a quick run"))

        form = QFormLayout()
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Batch size"), self.batch_size)
        form.addRow(self.tr("Learning rate"), self.learning_rate)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Training images"), self.subset)
        box = QGroupBox(self.tr("Base CNN"))
        box.setLayout(form)
        explain = QLabel(self.tr(
            "Trains the article's small CNN (two convolutions, fc1 784→64, fc2 64→10; 52,138 parameters) "
            "from scratch on the chosen data set. The result is saved in the model library automatically "
            "and becomes the starting point of the LoRA tab."))
        explain.setWordWrap(True)
        explain.setMinimumWidth(300)
        self.command = CommandLine(state, self.command_now)
        self.command.watch(self.epochs.valueChanged, self.batch_size.valueChanged, self.learning_rate.valueChanged,
                           self.seed.valueChanged, self.subset.valueChanged, state.sigDatasetName)
        beside = QVBoxLayout()  # the command under the explanation: room the settings' height leaves anyway
        beside.addWidget(explain)
        beside.addWidget(self.command)
        beside.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(box)
        top.addLayout(beside, 1)

        self.panel = TrainingPanel(state, "base", "base", self.tr("Train base model"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        self.settings_box = box
        self.setEnabled(False)
        state.sigReady.connect(lambda: self.setEnabled(True))

    def settings(self) -> tuple[DataConfig, TrainConfig]:
        """What to train on and how, as the core takes it; ConfigError for a value it refuses."""
        return (DataConfig(self.state.dataset_name, subset_value(self.subset)),
                TrainConfig(epochs=self.epochs.value(), batch_size=self.batch_size.value(),
                            lr=self.learning_rate.value(), seed=self.seed.value()))

    def command_now(self) -> Command:
        """The `lora-studio train-base` command of the settings; ConfigError for a value the core refuses."""
        return base_command(*self.settings(), data_dir=self.state.data_root)

    def start(self) -> None:
        if not self.state.ready:
            return
        if not self.state.dataset_available():
            self.state.tell("info", self.tr("No data yet"),
                            self.tr("Download or import a data set in the Dataset tab before training."))
            return
        try:
            data, config = self.settings()
        except ConfigError as exc:
            self.state.tell("warning", self.tr("Check the settings"), sentence(user_error(exc)))
            return
        self.state.start(jobs.make_train_base(self.state.cache, self.state.data_root, self.state.models_root,
                                              data, config, on_done=self._on_trained))

    def _on_trained(self, result: JobResult) -> None:
        if isinstance(result, jobs.BaseTrained) and result.learned_nothing:
            self.state.tell("warning", self.tr("{0} learned nothing").format(job_title("base")), result.learned_nothing)

    def remember(self, settings) -> None:
        for key, widget in (("base/epochs", self.epochs), ("base/batchSize", self.batch_size),
                            ("base/learningRate", self.learning_rate), ("base/seed", self.seed),
                            ("base/subset", self.subset)):
            bind(settings, key, widget)

    def apply_setup(self, setup) -> None:
        """A lesson's base model to train (shared.setup.Setup): its epochs, on every training image."""
        self.epochs.setValue(setup.base_epochs)
        self.subset.setValue(0)
