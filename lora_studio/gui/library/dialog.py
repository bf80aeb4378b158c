"""The model library window: every saved model with its settings and scores; rename, delete, open, export.

Library operations are small file operations (JSON and ~0.3 MB of weights), so
they run in the GUI thread; their errors (`StorageError`) are shown as
messages. The questions it asks go through replaceable callables
(`ask_name`, `confirm`, `ask_export_path`, `open_url`) so tests can answer them. Under the table, the
`lora-studio` command that made the selected model (`libraryCommandView`, shared.command_line), to copy, and
beside it `exportCodeButton` (shared.code_export): the model's run as a standalone PEFT script or notebook.
"""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lora_studio.gui.i18n import shared_words
from lora_studio.gui.i18n.core_texts import dataset_title, user_error
from lora_studio.gui.i18n.words import kind_title
from lora_studio.gui.shared.code_export import ExportCodeButton
from lora_studio.gui.shared.command_line import CommandLine, Made
from lora_studio.gui.shared.state.app_state import AppState

DEFAULT_WIDTH = 1100  # pixels, when the columns need less
#: the columns by their English names (the code finds a column by it); the header shows them translated
COLUMNS = (QT_TRANSLATE_NOOP("LibraryDialog", "Name"), QT_TRANSLATE_NOOP("LibraryDialog", "Kind"),
           QT_TRANSLATE_NOOP("LibraryDialog", "Data"), QT_TRANSLATE_NOOP("LibraryDialog", "Test accuracy"),
           shared_words.TRAINED_PARAMETERS, QT_TRANSLATE_NOOP("LibraryDialog", "Settings"),
           QT_TRANSLATE_NOOP("LibraryDialog", "Created"), QT_TRANSLATE_NOOP("LibraryDialog", "Id"))


class LibraryDialog(QDialog):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("modelLibrary")
        self.setWindowTitle(self.tr("Model library — LoRA Studio"))
        self.resize(DEFAULT_WIDTH, 420)
        self.state = state
        self.ask_name = self._ask_name
        self.confirm = self._confirm
        self.ask_export_path = self._ask_export_path
        self.open_url = QDesktopServices.openUrl

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("modelLibraryTable")
        self.table.setHorizontalHeaderLabels([shared_words.translated("LibraryDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Settings"), QHeaderView.ResizeMode.Stretch)
        self.command = CommandLine(state, self.selected_command, lines=4, title=self.tr("The command that made it"),
                                   empty_text=self.tr("Select a model to see the lora-studio command that made it."))
        self.command.setObjectName("libraryCommandView")
        self.export_code_button = ExportCodeButton(state, "code-check-library")
        self.command.add_button(self.export_code_button)
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot, tip in (
            ("rename", self.tr("Rename…"), self.rename, self.tr("Give the model a name of your choice")),
            ("delete", self.tr("Delete…"), self.delete, self.tr("Remove the model's folder from the library")),
            ("open", self.tr("Open folder"), self.open_folder, self.tr(
                "Show the model's files: config.json, weights, metrics, and for LoRA models the PEFT adapter")),
            ("export", self.tr("Export merged weights…"), self.export, self.tr(
                "Write one safetensors file with LoRA merged into the weights: a plain CNN anyone can load")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"library_{key}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.command)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemSelectionChanged.connect(self.command.refresh)
        self.table.itemSelectionChanged.connect(lambda: self.export_code_button.set_model(self.selected_id()))
        self.export_code_button.sigWritten.connect(self.where.setText)
        state.sigModelsChanged.connect(self._on_models)
        self._on_models(state.models)

    def fit_width(self) -> None:
        """As wide as the columns' text needs (the long Settings column included), within 90 % of the screen."""
        header = self.table.horizontalHeader()
        columns = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in range(len(COLUMNS)))
        margins = self.layout().contentsMargins()
        wanted = (columns + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
                  + margins.left() + margins.right())
        screen = self.screen()
        limit = int(0.9 * screen.availableGeometry().width()) if screen is not None else wanted
        self.resize(min(max(wanted, DEFAULT_WIDTH), limit), self.height())

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), COLUMNS.index("Id")).text() if rows else None

    def selected_command(self) -> Made:
        """The command that made the selected model (AppState reads it with the library); None: none selected."""
        model_id = self.selected_id()
        info = next((m for m in self.state.models if m.id == model_id), None) if model_id else None
        if info is None:
            return None
        if info.command is None:
            return info.error or self.tr("The command that made {0} cannot be written from its record.").format(
                model_id)
        return info.command

    def select(self, model_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, COLUMNS.index("Id")).text() == model_id:
                self.table.selectRow(row)
                return

    # --- actions ------------------------------------------------------------------------
    def rename(self) -> None:
        model_id = self.selected_id()
        current = next((m.name for m in self.state.models if m.id == model_id), "")
        name = self.ask_name(current) if model_id else None
        if name:
            self._do(lambda: self.state.library().rename(model_id, name),
                     self.tr("Renamed to “{0}”").format(name.strip()))

    def delete(self) -> None:
        model_id = self.selected_id()
        if model_id and self.confirm(self.tr("Delete {0} and its files? This cannot be undone.").format(model_id)):
            self._do(lambda: self.state.library().delete(model_id), self.tr("Deleted {0}").format(model_id))

    def open_folder(self) -> None:
        model_id = self.selected_id()
        if model_id:
            self._do(lambda: self.open_url(QUrl.fromLocalFile(str(self.state.library().folder(model_id)))), "")

    def export(self) -> None:
        """Export in the worker: it first compares merged and unmerged outputs on the test set (~1 s)."""
        model_id = self.selected_id()
        path = self.ask_export_path(model_id) if model_id else None
        if path:
            from lora_studio.gui.shared.export import make_export

            self.state.start(make_export(self.state.cache, self.state.data_root, self.state.models_root, model_id,
                                         Path(path), on_done=self._on_exported))

    def _do(self, action, done: str) -> None:
        from lora_studio.core.errors import USER_ERRORS

        try:
            action()
        except USER_ERRORS as exc:
            self.state.tell("warning", self.tr("Model library"), user_error(exc))
            return
        if done:
            self.state.sigStatus.emit(done)
        self.state.refresh_models()

    # --- questions (replaced in tests) --------------------------------------------------
    def _ask_name(self, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, self.tr("Rename model"), self.tr("New name:"), text=current)
        return name if ok else None

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Model library"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_export_path(self, model_id: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export merged weights"), f"{model_id}-merged.safetensors",
                                              shared_words.translated("LibraryDialog", shared_words.SAFETENSORS_FILES))
        return path or None

    # --- slots --------------------------------------------------------------------------
    def _on_models(self, models) -> None:
        selected = self.selected_id()
        self.table.setRowCount(len(models))
        for row, info in enumerate(models):
            accuracy = "" if info.test_accuracy is None else f"{100 * info.test_accuracy:.2f} %"
            trained = "" if info.trainable_params is None else self.tr("{0} of {1}").format(
                f"{info.trainable_params:,}", f"{info.total_params:,}")
            data = dataset_title(info.dataset) if info.dataset else ""
            cells = (info.name or self.tr("(unreadable)"), kind_title(info.kind), data, accuracy,
                     trained, info.error or info.settings, info.created.replace("T", " "), info.id)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(info.error or info.settings)
                if COLUMNS[column] in ("Test accuracy", "Trained parameters"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.where.setText(self.tr("{0} model(s) in {1}").format(len(models), self.state.models_root))
        if selected:
            self.select(selected)
        self._update_buttons()
        self.command.refresh()  # the same selection may have a new command (its base deleted)

    def _on_exported(self, result) -> None:
        """The `on_done` of an export started here (a shared.export.Exported, when it finished)."""
        if result.status == "finished":
            self.where.setText(self.tr("Exported {0} to {1}: {2}").format(result.model_id, result.path, result.check))

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in self.buttons.values():
            button.setEnabled(chosen)
