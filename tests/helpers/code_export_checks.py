"""What the tests of "Export as code…" in the window share (tests/gui/evaluation, tests/gui/library): the save
dialog answered, the core's check awaited, the core's own text for a model, and the window's message boxes."""

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_timeouts import JOB_MS

from lora_studio.core.export_code import export_plan, exported_text
from lora_studio.core.storage.library import ModelLibrary


class SaveDialog:
    """QFileDialog.getSaveFileName answered with `path` and the `pick`-th filter it offered; what it was asked
    (title, default file name, filters) is kept."""

    def __init__(self, monkeypatch, path: Path, pick: int = 0):
        self.path, self.pick, self.asked = path, pick, []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._answer)

    def _answer(self, _parent, title, name, filters, *_args, **_kwargs):
        offered = filters.split(";;")
        self.asked.append((title, name, offered))
        return str(self.path), offered[self.pick]


def checked(qtbot, button) -> None:
    """Wait until the core has said whether the button's model can be exported (a quiet job in the worker)."""
    qtbot.waitUntil(lambda: button.reason is not None, timeout=JOB_MS)


def export(qtbot, window, button) -> list:
    """Click the button and wait for its job's end: [kind, status, message]."""
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        button.click()
    return ended.args


def core_text(window, model_id: str, fmt: str, language: str, path: Path) -> str:
    """What the core writes for `model_id` (export_code.exported_text), as the window's export must."""
    plan = export_plan(ModelLibrary(window.state.models_root), model_id, window.state.data_root)
    return exported_text(plan, fmt, language, script_name=path.name)


def same_notebook(written: str, expected: str) -> bool:
    """Two notebooks alike but for their cells' ids (nbformat makes each a random one)."""

    def without_ids(text: str) -> dict:
        notebook = json.loads(text)
        for cell in notebook["cells"]:
            cell.pop("id", None)
        return notebook

    return without_ids(written) == without_ids(expected)


def boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, "messageBox") if box.isVisible()]


def dismiss(window) -> tuple[str, str]:
    """The one open message box's title and text; then OK is pressed."""
    [box] = boxes(window)
    title, text = box.windowTitle(), box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    return title, text
