"""The main window: wiring only — tabs, menus, status bar, messages, closing.

Each tab is built around `AppState` and knows nothing of the others or of
this window; here they are put in a QTabWidget, given menu entries and
shortcuts, and their messages are shown. Closing while a job runs asks first,
then stops the job and joins the worker thread (AppState.shutdown).
"""

import platform

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStatusBar, QTabWidget

import lora_studio
from lora_studio.core.config import ConfigError
from lora_studio.gui.background.collector import GuiThreadCollector
from lora_studio.gui.background.kinds import asks_before_closing, job_title
from lora_studio.gui.base.tab import BaseTab
from lora_studio.gui.compare.tab import CompareTab
from lora_studio.gui.dataset.tab import DatasetTab
from lora_studio.gui.evaluation.tab import EvaluationTab
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import job_ended
from lora_studio.gui.language_menu import LanguageMenu
from lora_studio.gui.learn.tab import LearnTab
from lora_studio.gui.library.dialog import LibraryDialog
from lora_studio.gui.lora.tab import LoraTab
from lora_studio.gui.shared.settings import bind, open_settings, stored_number
from lora_studio.gui.shared.state.app_state import AppState


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("LoRA Studio"))
        self.state = state or AppState(self)
        self.collector = GuiThreadCollector(self)  # garbage holding Qt objects is never collected in the worker
        self.settings = open_settings()
        self.confirm_close = self._ask_close  # replaced in tests: a modal question would block them
        self.messages: list[tuple[str, str, str]] = []  # (level, title, text) of every box shown

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.dataset_tab = DatasetTab(self.state)
        self.base_tab = BaseTab(self.state)
        self.lora_tab = LoraTab(self.state)
        self.eval_tab = EvaluationTab(self.state)
        self.compare_tab = CompareTab(self.state)
        self.learn_tab = LearnTab(self.state)
        for tab, title, tip in (
            (self.dataset_tab, self.tr("Dataset"), self.tr("Choose, download or import the images")),
            (self.base_tab, self.tr("Base training"), self.tr("Train the CNN from scratch")),
            (self.lora_tab, self.tr("LoRA"), self.tr("Fine-tune low-rank adapters plus an extra input feature")),
            (self.eval_tab, self.tr("Evaluation"), self.tr("Compare saved models on the test set")),
            (self.compare_tab, self.tr("Compare"),
             self.tr("Sweep methods, LoRA ranks and variants: accuracy against trainable parameters")),
            (self.learn_tab, self.tr("Learn"),
             self.tr("How LoRA works, on the live model, and lessons that set up the experiments")),
        ):
            self.tabs.setTabToolTip(self.tabs.addTab(tab, title), tip)
        self.setCentralWidget(self.tabs)
        self.library_dialog: LibraryDialog | None = None

        self.setStatusBar(QStatusBar())
        self.job_label = QLabel()
        self.statusBar().addPermanentWidget(self.job_label)
        self.statusBar().showMessage(self.tr("Loading PyTorch…"))
        self._build_menus()

        self.lora_tab.sigSettingsChanged.connect(self._pass_lora_settings)
        self._pass_lora_settings()
        self.state.sigReady.connect(self._on_ready)
        self.state.sigStatus.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.state.sigMessage.connect(self.show_message)
        self.state.sigOpenModel.connect(self.open_in_evaluation)
        self.learn_tab.sigSetUp.connect(self.set_up)
        self._inspect_after: tuple[str, str | None] | None = None  # (model, its base) once evaluated
        self.state.sigJobStarted.connect(self._on_job_started)
        self.state.sigJobEnded.connect(self._on_job_ended)
        self.state.sigLoadFailed.connect(
            lambda text: self.statusBar().showMessage(self.tr("PyTorch could not load: {0}").format(text)))
        self._restore()
        QTimer.singleShot(0, self._check_settings)  # once the window is up

    def build_plots(self) -> None:
        """The plots import pyqtgraph and NumPy (~0.5 s): made just after the window is first shown."""
        self.dataset_tab.build_plots()
        self.base_tab.panel.build_plots()
        self.lora_tab.panel.build_plots()
        self.eval_tab.build_plots()
        self.compare_tab.build_plots()
        self.learn_tab.build_plots()

    # --- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        def action(menu, text, slot, shortcut=None, tip=""):
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action(file_menu, self.tr("&Import data…"), self._import_data, "Ctrl+I",
               self.tr("Import a folder holding the four IDX files"))
        action(file_menu, self.tr("&Open data folder"), self._open_data_folder, "Ctrl+Shift+O",
               self.tr("Show where the data sets are kept"))
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")  # the platform key is empty on some desktops

        run_menu = self.menuBar().addMenu(self.tr("&Run"))
        action(run_menu, self.tr("Train &base model"), self.base_tab.start, "Ctrl+B")
        action(run_menu, self.tr("Fine-tune with &LoRA"), self.lora_tab.start, "Ctrl+R")
        action(run_menu, self.tr("&Evaluate chosen models"), self.eval_tab.evaluate, "Ctrl+E")
        action(run_menu, self.tr("Run the s&weep"), self.compare_tab.start, "Ctrl+Shift+R",
               self.tr("Start the sweep set up in the Compare tab"))
        run_menu.addSeparator()
        action(run_menu, self.tr("&Pause or resume"), self.state.toggle_pause, "Ctrl+P")
        action(run_menu, self.tr("&Stop"), self.state.stop, "Ctrl+.")

        models_menu = self.menuBar().addMenu(self.tr("&Models"))
        action(models_menu, self.tr("Model &library…"), self.show_library, "Ctrl+M",
               self.tr("Every saved model: rename, delete, open its folder, export merged weights"))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, title in enumerate((self.tr("Dataset"), self.tr("Base training"), self.tr("LoRA"),
                                       self.tr("Evaluation"), self.tr("Compare"), self.tr("Learn"))):
            action(view_menu, title, lambda _checked=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}")
        view_menu.addSeparator()
        self.language_menu = LanguageMenu(self)  # English / 简体中文: remembered, applied at the next start
        view_menu.addMenu(self.language_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(help_menu, self.tr("&About LoRA Studio"), self.show_about)

    def _pass_lora_settings(self) -> None:
        """The Learn tab's explainer follows the LoRA tab's settings; while they are invalid (no layer ticked) it
        keeps the last valid ones, and the LoRA tab itself says what is wrong."""
        try:
            config = self.lora_tab.lora_config()
        except ConfigError:
            return
        self.learn_tab.set_lora_settings(config, self.lora_tab.features())

    def _import_data(self) -> None:
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.dataset_tab.import_folder()

    def _open_data_folder(self) -> None:
        folder = self.state.data_root
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a read-only or full disk: it was a raw exception in this slot
            self.show_message("warning", self.tr("Data folder"), self.tr(
                "Could not create the data folder {0}: {1}.").format(folder, exc.strerror or exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_library(self) -> LibraryDialog:
        first = self.library_dialog is None
        if first:
            self.library_dialog = LibraryDialog(self.state, self)
        self.state.refresh_models()
        if first:  # later openings keep the size the user gave it
            self.library_dialog.fit_width()
        self.library_dialog.show()
        self.library_dialog.raise_()
        return self.library_dialog

    def open_in_evaluation(self, model_id: str) -> None:
        """Evaluate a saved model with its base in the Evaluation tab and inspect it (AppState.open_model)."""
        self.state.refresh_models()  # a model a sweep just saved is listed
        parent = next((m.parent for m in self.state.models if m.id == model_id), None)
        tab, wanted = self.eval_tab, {model_id, parent}
        for i in range(tab.selector.count()):
            item = tab.selector.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
        self.tabs.setCurrentWidget(tab)
        tab.evaluate()
        self._inspect_after = (model_id, parent) if self.state.busy_kind == "evaluate" else None

    def set_up(self, setup) -> None:
        """A lesson's "Set it up" (shared.setup.Setup): its settings into the tabs, then the tab it runs in. With no
        base model on its data set yet, the Base training tab set to train one (the Dataset tab first when the
        data set is not here); the lesson's card says so too. A lesson's adapter stack (Setup.stack) goes to the
        Evaluation tab's stack page instead of the LoRA tab."""
        from lora_studio.gui.learn.lessons import newest_base

        self.state.refresh_models()  # a base trained by the command line meanwhile counts too
        self.dataset_tab.apply_setup(setup)
        base = newest_base(self.state.models, setup.dataset)
        if setup.stack is None:  # a lesson's adapter stack is the Evaluation tab's: the LoRA tab keeps its run
            self.lora_tab.apply_setup(setup, base.id if base else None)
        self.compare_tab.apply_setup(setup, base.id if base else None)
        if base is not None:
            self.eval_tab.apply_setup(setup)
            tab = next(self.tabs.widget(i) for i in range(self.tabs.count())
                       if self.tabs.widget(i).objectName() == setup.tab)
            done = self.tr("Set up from {0}: ready to run") if setup.stack is None else self.tr(
                "Set up from {0}: the adapters stacked on the Evaluation tab")
            self.statusBar().showMessage(done.format(base.name), 8000)
        else:
            self.base_tab.apply_setup(setup)
            title = core_texts.dataset_title(setup.dataset)
            here = self.state.dataset_available(setup.dataset)
            tab = self.base_tab if here else self.dataset_tab
            self.statusBar().showMessage(self.tr(
                "No base model trained on {0} yet: train one in the Base training tab, then click Set it up "
                "again").format(title) if here else self.tr(
                "No base model trained on {0} yet: download or import {0} here, train a base model in the Base "
                "training tab, then click Set it up again").format(title))
        self.tabs.setCurrentWidget(tab)

    def about_text(self) -> str:
        import pyqtgraph
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        torch_version = self.state.torch_version or self.tr("loading…")
        from lora_studio.core.data.dataset_names import DATASETS  # torch-free: the box opens before PyTorch loads

        licences = "<br>".join(core_texts.dataset_licence(name) for name in DATASETS)
        return (f"<h3>LoRA Studio {lora_studio.__version__}</h3>"
                + self.tr("<p>See how LoRA fine-tuning works: train a small CNN, add an input feature, fine-tune "
                          "low-rank adapters, and compare with a control.</p>") +
                f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version} · "
                f"pyqtgraph {pyqtgraph.__version__} · PyTorch {torch_version}</p>"
                + self.tr("<p><b>Data licences</b><br>{0}</p>").format(licences)
                + self.tr("<p>Files are kept in {0}</p>").format(self.state.home))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About LoRA Studio"))
        if not self.windowIcon().isNull():  # the application icon (set by gui.app.application)
            box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- messages -----------------------------------------------------------------------
    def show_message(self, level: str, title: str, text: str, details: str = "") -> None:
        """A window-modal box that does not block the event loop (training goes on behind it)."""
        self.messages.append((level, title, text))
        icon = {"error": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning}.get(
            level, QMessageBox.Icon.Information)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("messageBox")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_ready(self) -> None:
        self.statusBar().showMessage(self.tr("Ready · PyTorch {0}").format(self.state.torch_version), 5000)

    def _on_job_started(self, kind: str) -> None:
        if kind != "load":
            self.job_label.setText(self.tr("{0} running…").format(job_title(kind)))

    def _on_job_ended(self, kind: str, status: str, message: str) -> None:
        self.job_label.setText("")
        if kind == "evaluate" and self._inspect_after is not None:
            (model_id, parent), self._inspect_after = self._inspect_after, None
            if status == "finished":
                self.eval_tab.inspect(model_id, parent)
        if kind == "load":
            return
        self.statusBar().showMessage(self.ended_text(kind, status, message))  # stays until the next message

    def ended_text(self, kind: str, status: str, message: str) -> str:
        """How a job ended, for the status bar: "Base training finished: test accuracy …"."""
        if kind == "dataset" and status == "finished":
            return self.tr("Loaded {0}").format(message)
        return job_ended(job_title(kind), status, message)

    # --- remembered state and closing ---------------------------------------------------
    def _restore(self) -> None:
        # a damaged or hand-edited settings file may hold anything: only bytes are a geometry or a state
        geometry = self.settings.value("window/geometry")
        if not isinstance(geometry, (QByteArray, bytes)) or not self.restoreGeometry(geometry):
            self.resize(1280, 860)
        state = self.settings.value("window/state")
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)
        bind(self.settings, "dataset/name", self.dataset_tab.combo)
        self.state.dataset_name = self.dataset_tab.combo.currentData()
        self.base_tab.remember(self.settings)
        self.lora_tab.remember(self.settings)
        self.compare_tab.remember(self.settings)
        self.learn_tab.lessons.remember(self.settings)
        tab = stored_number(self.settings.value("window/tab", 0), 0, self.tabs.count() - 1, whole=True)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def _check_settings(self) -> None:
        """QSettings never raises: a settings file it cannot write (read-only or full disk, a file where its
        folder should be) shows only in status(), and every setting was forgotten silently."""
        self.settings.sync()
        status = self.settings.status()
        if status == QSettings.Status.AccessError:
            self.show_message("warning", self.tr("Settings are not saved"), self.tr(
                "LoRA Studio cannot write its settings file {0}. It works as usual, but will not remember the window "
                "and the values of its controls next time.").format(self.settings.fileName()))
        elif status == QSettings.Status.FormatError:
            self.show_message("warning", self.tr("Settings are not read"), self.tr(
                "The settings file {0} could not be read: LoRA Studio starts with its defaults.").format(
                self.settings.fileName()))

    def _on_tab_changed(self, index: int) -> None:
        self.settings.setValue("window/tab", index)
        self.state.refresh_models()  # models saved by the command line meanwhile appear too

    def _ask_close(self, running: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Quit LoRA Studio?"),
            self.tr("{0} is still running. Stop it and quit? A run that has not finished is not saved.").format(
                running))
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:
        running = self.state.runner.job
        if running is not None and asks_before_closing(running.kind) and not self.confirm_close(running.title):
            event.ignore()
            return
        self.statusBar().showMessage(self.tr("Stopping…"))
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.state.shutdown()  # stops the job within one batch and joins the worker thread
        self.collector.stop()
        if self.library_dialog is not None:
            self.library_dialog.close()
        event.accept()

