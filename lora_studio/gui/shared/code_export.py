"""Export as code… (issue 21): a saved fine-tuning written as a standalone PyTorch + PEFT script or Jupyter
notebook (core export_code), from the Evaluation tab (the inspected model) and the model library (the selected one).

`ExportCodeButton` (`exportCodeButton`) follows the model its view points at (`set_model`). Whether that model
can be exported is the core's call (export_code.export_plan reads the record and checks its base's weights
file), so a quiet job asks it in the worker whenever the model or the library changes; a model that cannot be
(a base, a combination of adapters, a base changed since, …) has the button disabled with the core's reason,
in the window's language, as its tooltip. A click asks for the file (the filter picks the format; the model's
id is the default name) and a job writes it in the worker, its comments in the window's language. The core
checks everything first and writes atomically, so a failure leaves nothing behind; the job then ends "failed"
and the window shows its one-line reason in a message box, as for every job. `sigWritten` carries the sentence
saying where the file went and how to run it, for the view to show (the status bar shows it too).
"""

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton

from lora_studio.core.vocabulary import EXPORT_LANGUAGES
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone
from lora_studio.gui.i18n import language
from lora_studio.gui.shared.state.app_state import AppState, sentence

#: the save dialog's filters by format (core export_code.FORMATS): the filter chosen picks the format
FILTERS = {"py": QT_TRANSLATE_NOOP("ExportCodeButton", "Python script (*.py)"),
           "ipynb": QT_TRANSLATE_NOOP("ExportCodeButton", "Jupyter notebook (*.ipynb)")}


@dataclass(frozen=True)
class CodeChecked(JobResult):
    model_id: str = ""
    reason: str = ""  # why the model cannot be exported as code, in the window's language ("": it can)


@dataclass(frozen=True)
class CodeExported(JobResult):
    model_id: str = ""
    path: str = ""
    fmt: str = ""


def window_language() -> str:
    """The language of the exported comments: the window's (Chinese when it is Chinese), else English."""
    installed = language.current()
    return installed.language if installed is not None and installed.language in EXPORT_LANGUAGES else "en"


def chosen_file(path: str | Path, fmt: str) -> tuple[Path, str]:
    """The file and format for what the save dialog gave: `fmt` is its filter's; a name without the format's
    suffix gets it, and a name typed with the other format's suffix is taken at its word."""
    path = Path(path)
    typed = path.suffix.lower().lstrip(".")
    if typed in FILTERS:
        return path, typed
    return path.with_name(f"{path.name}.{fmt}"), fmt


def how_to_run(path: Path, fmt: str) -> str:
    """Where the file went and how to run it, for the status bar (lower case first, as jobs' messages are)."""
    if fmt == "ipynb":
        return QCoreApplication.translate(
            "ExportCodeButton", "wrote {0}; open it in Jupyter: its first code cell holds the data folder, the base "
                                "model's weights file, the seed and the epochs").format(path)
    return QCoreApplication.translate(
        "ExportCodeButton", "wrote {0}; run it with: python {1} [--data-dir DIR] [--base PATH] [--seed N] "
                            "[--epochs N]").format(path, shlex.quote(str(path)))


def make_code_check(models: Path, root: Path, model_id: str, on_done: OnDone | None = None) -> Job:
    """Ask the core whether `model_id` can be exported as code (export_plan: nothing is written)."""

    def run(ctx: JobContext) -> CodeChecked:
        from lora_studio.core.errors import USER_ERRORS
        from lora_studio.core.export_code import export_plan
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.gui.i18n.core_texts import user_error

        try:
            export_plan(ModelLibrary(models), model_id, root)
        except USER_ERRORS as exc:
            return CodeChecked(model_id=model_id, reason=user_error(exc))
        return CodeChecked(model_id=model_id)

    return Job("code-check", run, on_done=on_done)


def make_code_export(models: Path, root: Path, model_id: str, path: Path, fmt: str, comments: str,
                     on_done: OnDone | None = None) -> Job:
    """Write `model_id`'s script (`fmt` "py") or notebook ("ipynb") to `path`, comments in `comments` ("en" or
    "zh_CN"); the script reads the data from `root` by default. A core error fails the job: nothing written."""

    def run(ctx: JobContext) -> CodeExported:
        from lora_studio.core.export_code import export_code
        from lora_studio.core.storage.library import ModelLibrary

        written = export_code(ModelLibrary(models), model_id, path, fmt, comments, root)
        return CodeExported(message=how_to_run(written, fmt), model_id=model_id, path=str(written), fmt=fmt)

    return Job("export", run, on_done=on_done)


class ExportCodeButton(QPushButton):
    """"Export as code…" for the model a view points at; `key` is its place among the window's quiet jobs."""

    sigWritten = Signal(str)  # where the file went and how to run it, as a sentence

    def __init__(self, state: AppState, key: str, parent=None):
        super().__init__(parent)
        self.setText(self.tr("Export as code…"))
        self.setObjectName("exportCodeButton")
        self.state, self.key = state, key
        self.ask_path: Callable[[str], tuple[Path, str] | None] = self._ask_path  # replaced in tests
        self.model_id: str | None = None
        self.reason: str | None = None  # why it cannot be exported ("": it can; None: not known yet)
        self._writing = False
        self.clicked.connect(self.export)
        state.sigModelsChanged.connect(lambda _models: self.recheck())  # e.g. its base deleted, or back
        self._show()

    def set_model(self, model_id: str | None) -> None:
        """Point at `model_id` (None: no model): the core is asked whether it can be exported."""
        if model_id != self.model_id:
            self.model_id = model_id
            self.recheck()

    def recheck(self) -> None:
        self.reason = None
        if self.model_id is not None and self.state.ready:
            self.state.run_soon(self.key, make_code_check(self.state.models_root, self.state.data_root,
                                                          self.model_id, on_done=self._on_checked))
        else:
            self.state.cancel_soon(self.key)
        self._show()

    def export(self) -> None:
        model_id = self.model_id
        if model_id is None or self.reason != "" or self._writing:
            return
        chosen = self.ask_path(model_id)
        if not chosen:
            return
        path, fmt = chosen
        if self.state.start(make_code_export(self.state.models_root, self.state.data_root, model_id, Path(path),
                                             fmt, window_language(), on_done=self._on_written)):
            self._writing = True
            self._show()

    def _ask_path(self, model_id: str) -> tuple[Path, str] | None:
        filters = {QCoreApplication.translate("ExportCodeButton", text): fmt for fmt, text in FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export as code"), f"{model_id}.py",
                                                   ";;".join(filters))
        return chosen_file(path, filters.get(chosen, "py")) if path else None

    def _on_checked(self, result: JobResult) -> None:
        if not isinstance(result, CodeChecked):  # an unexpected failure: the window has boxed it
            if self.reason is None:
                self.reason = result.message
        elif result.model_id == self.model_id:  # else a check for a model no longer shown: another follows
            self.reason = result.reason
        self._show()

    def _on_written(self, result: JobResult) -> None:
        self._writing = False
        self._show()
        if isinstance(result, CodeExported) and result.status == "finished":
            self.sigWritten.emit(sentence(result.message))

    def _show(self) -> None:
        self.setEnabled(bool(self.model_id) and self.reason == "" and not self._writing)
        if self.model_id is None:
            tip = self.tr("Choose a fine-tuned model to write its run as a standalone PyTorch + PEFT script")
        elif self.reason is None:
            tip = self.tr("Checking whether {0} can be exported as code…").format(self.model_id)
        elif self.reason:
            tip = self.tr("Cannot be exported as code: {0}").format(self.reason)
        else:
            tip = self.tr("Write {0}'s run as a standalone Python script or Jupyter notebook that trains it again "
                          "with PyTorch and PEFT (no LoRA Studio needed), commented for a reader who has just "
                          "used the app").format(self.model_id)
        self.setToolTip(tip)
