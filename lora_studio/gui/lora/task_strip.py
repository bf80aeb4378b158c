"""The target task's description beside a strip of its sample images (the LoRA tab's `taskPreview`).

The images are made in the worker (`task_jobs.make_task_preview`) from the source data set, started with
`AppState.run_soon`: a strip waits for a running training instead of refusing. They are made only while
the strip is on screen, once the event loop is back (so that the requests of one click make one job); only
the newest request counts. A task that cannot be made shows its one-line reason in the strip and the
status bar.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel

from lora_studio.gui.i18n.core_texts import dataset_title
from lora_studio.gui.shared import task_jobs
from lora_studio.gui.shared.image_grid import CAPTION, GAP, TILE, ImageGrid
from lora_studio.gui.shared.state.app_state import AppState, sentence

COUNT = 40  # images asked for (as many as fit are shown)


class TaskStrip(QGroupBox):
    def __init__(self, state: AppState, key: str, parent=None):
        super().__init__(self.tr("The target task"), parent)
        self.state, self.key = state, key  # key: this strip's place in AppState.run_soon
        self.note = QLabel()
        self.note.setObjectName("taskDescription")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.grid = ImageGrid(self.tr("Sample images of the target task appear here"))
        self.grid.setObjectName("taskPreview")
        self.grid.setToolTip(self.tr(
            "Training images of the target task, made from the base model's data set exactly as the fine-tuning "
            "will see them; under each, its label"))
        self.grid.setFixedHeight(TILE + CAPTION + 2 * GAP)
        row = QHBoxLayout(self)
        row.addWidget(self.note, 2)
        row.addWidget(self.grid, 5)
        self.shown: tuple[str, str] | None = None  # (task, source) shown or being made
        self.wanted: tuple[str, str] | None = None  # (task, source) to show
        self.error = ""  # why the task shown cannot be made ("" when it can)
        self.result: task_jobs.TaskPreviewed | None = None  # what the strip shows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._make)

    def show_task(self, task: str, description: str, source: str) -> None:
        """Show `task` made from the data set `source` (nothing is made again when that is shown already)."""
        self.note.setText(description)
        self.wanted = (task, source)
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def _make(self) -> None:
        if self.wanted is None or not self.state.ready or not self.isVisible() or self.wanted == self.shown:
            return
        task, source = self.wanted
        if not self.state.dataset_available(source):
            self.shown = None
            self.grid.clear(self.tr("The base model's data set ({0}) is not on this computer: the Dataset tab "
                                    "can download it").format(dataset_title(source)))
            return
        self.shown, self.error, self.result = (task, source), "", None
        self.grid.clear(self.tr("Making the target task's images…"))
        self.state.run_soon(self.key, task_jobs.make_task_preview(
            self.state.cache, self.state.data_root, task, source, COUNT, on_done=self._on_made))

    def _on_made(self, result) -> None:
        if not isinstance(result, task_jobs.TaskPreviewed) or (result.task, result.source) != self.shown:
            return  # the choice changed meanwhile: the newer request is on its way
        if result.status != "finished":
            self.shown = None  # asked again next time (the folder may be fixed by then)
            self.error = result.message
            self.grid.clear(self.tr("This task cannot be made: {0}").format(sentence(result.message)))
            self.state.sigStatus.emit(self.tr("The target task cannot be made: {0}").format(result.message))
            return
        self.result = result
        self.grid.set_items(result.images, [str(label) for label in result.labels])
        size = self.tr("{0} test images").format(f"{result.n_test:,}") if result.n_train is None else \
            self.tr("{0} training and {1} test images").format(f"{result.n_train:,}", f"{result.n_test:,}")
        self.grid.setToolTip(self.tr("{0}: {1}; under each image, its label").format(result.title, size))
