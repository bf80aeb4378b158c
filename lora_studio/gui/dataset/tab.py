"""The Dataset tab: choose, download or import a data set; browse samples; see brightness per class.

Downloading and importing run in the worker (a download is cancellable and
reports progress); what comes back is a `DatasetView` of NumPy copies, which
this tab draws: a grid of training images with label and brightness, filtered
by class, and the brightness distribution of each class — the feature the
LoRA tab will add to the model. The grid can also show any target task made
from the data set (inverted, rotated, …, or a folder of your own images), made
in the worker as a fine-tuning would make it; the histogram stays the data set's.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core.config import DATASETS
from lora_studio.gui.dataset import jobs
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.shared import task_jobs
from lora_studio.gui.shared.image_grid import ImageGrid
from lora_studio.gui.shared.state.app_state import AppState, sentence
from lora_studio.gui.shared.state.loading import DatasetView
from lora_studio.gui.shared.task_combo import TaskCombo

#: ten distinguishable colours on white (matplotlib's tab10)
CLASS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
BINS = 40
TASK_SAMPLES = 200  # a target task's images in the grid: twenty of each class


class DatasetTab(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("datasetTab")
        self.state = state
        self.choose_folder = self._ask_for_folder  # replaced in tests: a file dialog would block them

        self.combo = QComboBox()
        self.combo.setObjectName("datasetCombo")
        for name in DATASETS:
            self.combo.addItem(core_texts.dataset_title(name), name)
        self.combo.setToolTip(self.tr(
            "The data set to train on: 60,000 training and 10,000 test images of 28×28 pixels"))
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setObjectName("downloadButton")
        self.download_button.setToolTip(self.tr(
            "Download the chosen data set from torchvision's mirrors (about 12 MB)"))
        self.import_button = QPushButton(self.tr("Import folder…"))
        self.import_button.setObjectName("importFolderButton")
        self.import_button.setToolTip(self.tr(
            "Use a folder holding the four IDX files (train-images-idx3-ubyte, … ; .gz or not), for offline use"))
        self.progress = QProgressBar()
        self.progress.setObjectName("datasetProgress")
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.info = QLabel(self.tr("Loading PyTorch…"))
        self.info.setObjectName("datasetInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.class_filter = QComboBox()
        self.class_filter.setObjectName("classFilter")
        self.class_filter.setToolTip(self.tr("Show the samples of one class only"))
        self.class_filter.addItem(self.tr("All classes"), -1)
        self.task_combo = TaskCombo("datasetTaskCombo")
        self.task_combo.setToolTip(self.tr(
            "Show the images as a target task makes them from this data set: what a fine-tuning on that task "
            "trains on. The brightness histogram stays the data set's own."))
        self._task_samples: task_jobs.TaskPreviewed | None = None  # the images of the task shown, when not "same"
        self.grid = ImageGrid(self.tr("Download or import a data set to see its images"))
        self.grid.setObjectName("sampleGrid")
        self.grid.setToolTip(self.tr(
            "Training images; under each, its label and its brightness (mean pixel value, 0–1)"))
        self.histogram = None  # made by build_plots(), once the window is up
        self._curves = []

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Data set:")))
        top.addWidget(self.combo)
        top.addWidget(self.download_button)
        top.addWidget(self.import_button)
        top.addWidget(self.progress, 1)
        top.addStretch(1)
        samples = QWidget()
        samples_layout = QVBoxLayout(samples)
        samples_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:")))
        filter_row.addWidget(self.class_filter)
        filter_row.addWidget(QLabel(self.tr("as the target task")))
        filter_row.addWidget(self.task_combo)
        filter_row.addStretch(1)
        samples_layout.addLayout(filter_row)
        samples_layout.addWidget(self.grid, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(samples)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(splitter, 1)

        for widget in (self.combo, self.download_button, self.import_button, self.class_filter, self.task_combo):
            widget.setEnabled(False)
        self.combo.currentIndexChanged.connect(lambda _i: state.select_dataset(self.combo.currentData()))
        self.download_button.clicked.connect(self._on_download_clicked)
        self.import_button.clicked.connect(self.import_folder)
        self.class_filter.currentIndexChanged.connect(self._show_samples)
        self.task_combo.sigTaskChosen.connect(lambda _name: self._request_task())
        state.sigReady.connect(self._on_ready)
        state.sigDatasetChanged.connect(self._on_dataset)
        state.sigJobStarted.connect(self._on_job_started)
        state.sigJobEnded.connect(self._on_job_ended)
        state.sigProgress.connect(self._on_progress)

    def build_plots(self) -> None:
        """Create the histogram (imports pyqtgraph): called once, right after the window is shown."""
        import pyqtgraph as pg

        from lora_studio.gui.shared.plots import dress

        if self.histogram is not None:
            return
        self.histogram = pg.PlotWidget()
        self.histogram.setObjectName("brightnessHistogram")
        self.histogram.setMinimumSize(300, 240)
        self.histogram.setToolTip(self.tr("How bright the images of each class are: the feature the LoRA tab adds"))
        plot = self.histogram.getPlotItem()
        dress(plot, self.tr("Brightness per class"), self.tr("brightness (mean pixel value)"),
              self.tr("share of the class (%)"), size="11pt")
        self._legend = plot.addLegend(offset=(-10, 10), labelTextSize="8pt", colCount=2)
        self.splitter.addWidget(self.histogram)
        self.splitter.setSizes([560, 440])
        self._draw_histogram(self.state.dataset)

    # --- actions ------------------------------------------------------------------------
    def import_folder(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.state.start(jobs.make_import(self.state.cache, self.state.data_root, Path(folder),
                                              self.state.dataset_name, on_done=self.state.take_dataset))

    def _ask_for_folder(self) -> str:
        title = self.tr("Choose a folder holding the four {0} IDX files").format(
            core_texts.dataset_title(self.state.dataset_name))
        return QFileDialog.getExistingDirectory(self, title, str(Path.home()))

    def _on_download_clicked(self) -> None:
        if self.state.busy_kind == "download":
            self.state.stop()
        else:
            self.state.start(jobs.make_download(self.state.cache, self.state.data_root, self.state.dataset_name,
                                                on_done=self.state.take_dataset))

    # --- slots ------------------------------------------------------------------------
    def _on_ready(self) -> None:
        for widget in (self.combo, self.download_button, self.import_button):
            widget.setEnabled(True)
        index = self.combo.findData(self.state.dataset_name)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)
        self._describe_missing()

    def _describe_missing(self) -> None:
        if self.state.dataset is None and not self.state.dataset_available():
            self.info.setText(self.tr("{0} is not on this computer yet. <b>Download</b> it, or <b>Import folder…</b> "
                                      "with its four IDX files when offline.").format(
                core_texts.dataset_title(self.state.dataset_name)))

    def _on_dataset(self, view: DatasetView | None) -> None:
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("All classes"), -1)
        self._task_samples = None
        self.task_combo.setEnabled(view is not None)
        if view is None:
            self.class_filter.blockSignals(False)
            self.class_filter.setEnabled(False)
            self.grid.clear()
            self._draw_histogram(None)
            self._describe_missing()
            return
        for index, english in enumerate(view.classes):
            name = core_texts.class_name(english)
            self.class_filter.addItem(name if name.startswith(str(index)) else f"{index} – {name}", index)
        self.class_filter.blockSignals(False)
        self.class_filter.setEnabled(True)
        self.info.setText(self.tr("<b>{0}</b>: {1} training and {2} test images, in {3}. {4}.").format(
            core_texts.dataset_title(view.name), f"{view.n_train:,}", f"{view.n_test:,}", view.folder,
            core_texts.dataset_licence(view.name, view.licence)))
        self._draw_histogram(view)
        self._request_task()

    def _request_task(self) -> None:
        """Show the chosen target task's images: the data set's own for "same", else made in the worker."""
        view, task = self.state.dataset, self.task_combo.task()
        if view is None or task == "same":
            self.state.cancel_soon("dataset-preview")
            self._task_samples = None
            self._show_samples()
            return
        self._task_samples = None
        self.grid.clear(self.tr("Making the target task's images…"))
        self.state.run_soon("dataset-preview", task_jobs.make_task_preview(
            self.state.cache, self.state.data_root, task, view.name, TASK_SAMPLES, on_done=self._on_task_made))

    def _on_task_made(self, result) -> None:
        view = self.state.dataset
        if not isinstance(result, task_jobs.TaskPreviewed) or view is None or result.source != view.name \
                or result.task != self.task_combo.task():
            return  # another data set or task was chosen meanwhile
        if result.status != "finished":
            self.grid.clear(self.tr("This task cannot be made: {0}").format(sentence(result.message)))
            return
        self._task_samples = result
        self._show_samples()

    def _show_samples(self) -> None:
        import numpy as np

        view = self.state.dataset
        if view is None:
            return
        if self.task_combo.task() != "same" and self._task_samples is None:
            return  # the task's images are being made (or could not be: the grid says why)
        wanted = self.class_filter.currentData()
        if self._task_samples is not None:
            images, labels = self._task_samples.images, self._task_samples.labels
            brightness = images.reshape(len(images), -1).mean(axis=1) / 255.0
        else:
            images, labels, brightness = view.sample_images, view.sample_labels, view.sample_brightness
        chosen = np.arange(len(labels)) if wanted in (None, -1) else np.flatnonzero(labels == wanted)
        chosen = chosen[:200]
        self.grid.set_items(images[chosen], [f"{labels[i]} · {brightness[i]:.2f}" for i in chosen])
        for i, curve in enumerate(self._curves):
            highlighted = wanted in (None, -1) or wanted == i
            curve.setOpacity(1.0 if highlighted else 0.15)
            curve.setZValue(10 if wanted == i else 0)

    def _draw_histogram(self, view: DatasetView | None) -> None:
        if self.histogram is None:
            return
        import numpy as np
        import pyqtgraph as pg

        plot = self.histogram.getPlotItem()
        for curve in self._curves:
            plot.removeItem(curve)
        self._legend.clear()
        self._curves = []
        if view is None:
            return
        values, labels = view.train_brightness, view.train_labels
        edges = np.linspace(float(values.min()), float(values.max()), BINS + 1)
        for index in range(len(view.classes)):
            of_class = values[labels == index]
            counts, _ = np.histogram(of_class, bins=edges)
            share = 100.0 * counts / max(len(of_class), 1)
            colour = CLASS_COLOURS[index % len(CLASS_COLOURS)]
            curve = plot.plot(edges, share, stepMode="center", pen=pg.mkPen(colour, width=2), name=str(index))
            self._curves.append(curve)
        self._show_samples()

    def _on_job_started(self, kind: str) -> None:
        if kind == "download":
            self.download_button.setText(self.tr("Cancel download"))
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Connecting…"))
            self.progress.setVisible(True)
        if kind in ("download", "import"):
            self.import_button.setEnabled(kind != "import")
            self.combo.setEnabled(False)

    def _on_job_ended(self, kind: str, status: str, message: str) -> None:
        if kind in ("download", "import"):
            self.download_button.setText(self.tr("Download"))
            self.import_button.setEnabled(True)
            self.combo.setEnabled(True)
            self.progress.setVisible(False)
            if status != "finished":
                self._describe_missing()

    def _on_progress(self, kind: str, fraction: float, text: str) -> None:
        if kind == "download":
            self.progress.setValue(int(fraction * self.progress.maximum()))
            self.progress.setFormat(self.tr("{0} · %p %").format(text))

    def apply_setup(self, setup) -> None:
        """A lesson's data set (shared.setup.Setup): chosen as if picked here, which loads it when it is here."""
        index = self.combo.findData(setup.dataset)
        if index >= 0:
            self.combo.setCurrentIndex(index)
