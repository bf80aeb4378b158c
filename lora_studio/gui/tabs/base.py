"""The Base training tab: settings for training the CNN from scratch, start/pause/stop, live plots.

It maps its spinners onto `jobs.BaseSettings` and starts the job; the shared
`TrainingPanel` follows the job. The trained model is saved by the job into
the library, where the LoRA tab finds it.
"""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lora_studio.gui import jobs
from lora_studio.gui.settings import bind
from lora_studio.gui.state import AppState
from lora_studio.gui.widgets.spinners import int_spin, lr_spin, subset_spin, subset_value
from lora_studio.gui.widgets.training_panel import TrainingPanel


class BaseTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("baseTab")
        self.state = state
        self.epochs = int_spin("baseEpochs", "epochs", 3, "Passes over the training set (the article: 3)")
        self.batch_size = int_spin("baseBatchSize", "batch_size", 64, "Images per optimiser step (the article: 64)")
        self.learning_rate = lr_spin("baseLearningRate", 1e-3,
                                     "Adam's learning rate (the article: 0.001). Too high and training diverges.")
        self.seed = int_spin("baseSeed", "seed", 0, "Random seed: the same seed and settings give the same model")
        self.subset = subset_spin("baseSubset", "Use only the first N training images, for a quick run")

        form = QFormLayout()
        form.addRow("Epochs", self.epochs)
        form.addRow("Batch size", self.batch_size)
        form.addRow("Learning rate", self.learning_rate)
        form.addRow("Seed", self.seed)
        form.addRow("Training images", self.subset)
        box = QGroupBox("Base CNN")
        box.setLayout(form)
        explain = QLabel(
            "Trains the article's small CNN (two convolutions, fc1 784→64, fc2 64→10; 52,138 parameters) "
            "from scratch on the chosen data set. The result is saved in the model library automatically "
            "and becomes the starting point of the LoRA tab.")
        explain.setWordWrap(True)
        explain.setMinimumWidth(300)
        top = QHBoxLayout()
        top.addWidget(box)
        top.addWidget(explain, 1)

        self.panel = TrainingPanel(state, "base", "base", "Train base model", self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        self.settings_box = box
        self.setEnabled(False)
        state.sigReady.connect(lambda: self.setEnabled(True))

    def settings(self) -> jobs.BaseSettings:
        return jobs.BaseSettings(self.state.dataset_name, self.epochs.value(), self.batch_size.value(),
                                 self.learning_rate.value(), self.seed.value(), subset_value(self.subset))

    def start(self) -> None:
        if not self.state.ready:
            return
        if not self.state.dataset_available():
            self.state.sigMessage.emit("info", "No data yet", "Download or import a data set in the Dataset tab "
                                       "before training.", "")
            return
        self.state.start(jobs.make_train_base(self.state.cache, self.state.data_root, self.state.models_root,
                                              self.settings()))

    def remember(self, settings) -> None:
        for key, widget in (("base/epochs", self.epochs), ("base/batchSize", self.batch_size),
                            ("base/learningRate", self.learning_rate), ("base/seed", self.seed),
                            ("base/subset", self.subset)):
            bind(settings, key, widget)
