"""Export as code… on the Evaluation tab (issue 21): `exportCodeButton` writes the inspected model's run as the
core writes it (export_code.exported_text: the script or the notebook the save dialog's filter chose), in the
window's language; a base model has the button disabled with the core's reason; a disk that fails under the
write is a message box and leaves no file."""


import pytest
from code_export_checks import SaveDialog, boxes, checked, core_text, dismiss, export, same_notebook
from disk_faults import DiskFault
from PySide6.QtCore import Qt
from qt_timeouts import JOB_MS

from lora_studio.core.errors import ConfigError
from lora_studio.core.export_code import export_plan
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.gui.i18n.core_texts import user_error
from lora_studio.gui.shared import code_export


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    """A base model and a brightness+LoRA model fine-tuned from it."""
    return train_library(tmp_path_factory.mktemp("export-code-library"), control=False)


@pytest.fixture
def evaluated(language, trained_library, open_with_library, qtbot):
    """A ready window whose Evaluation tab has evaluated the saved models and inspects the LoRA one."""
    window = open_with_library(trained_library, "eval_tab")
    tab = window.eval_tab
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        tab.evaluate()
    assert ended.args[:2] == ["evaluate", "finished"]
    tab.inspect(window.ids["feature_lora"], window.ids["base"])
    return window


def button_of(window):
    [button] = window.eval_tab.findChildren(code_export.ExportCodeButton, "exportCodeButton")
    return button


def layout_holding(layout, widget):
    """The layout, `layout` or one inside it, that holds `widget` (None: none)."""
    if layout.indexOf(widget) >= 0:
        return layout
    children = (layout.itemAt(i).layout() for i in range(layout.count()))
    return next((found for child in children if child is not None
                 for found in [layout_holding(child, widget)] if found is not None), None)


def test_the_button_sits_after_copy_command_in_the_inspect_row(evaluated):
    tab = evaluated.eval_tab
    row = layout_holding(tab.copy_command_button.parentWidget().layout(), tab.copy_command_button)
    index = row.indexOf(tab.copy_command_button)
    assert row.itemAt(index + 1).widget() is button_of(evaluated)
    assert row.indexOf(tab.export_button) == index - 1 and row.indexOf(tab.inspect_combo) >= 0
    assert button_of(evaluated).text() == "Export as code…"


@pytest.fixture
def out(tmp_path):
    """An empty folder to export into (tmp_path holds the app's folder and settings)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_the_script_written_is_the_cores_for_the_inspected_model(evaluated, qtbot, monkeypatch, out):
    button, model_id = button_of(evaluated), evaluated.ids["feature_lora"]
    checked(qtbot, button)
    assert button.isEnabled() and button.reason == "" and model_id in button.toolTip()
    dialog = SaveDialog(monkeypatch, out / "mine.py")
    kind, status, message = export(qtbot, evaluated, button)
    assert (kind, status) == ("export", "finished"), message
    [(_title, default_name, filters)] = dialog.asked
    assert default_name == f"{model_id}.py" and filters == ["Python script (*.py)", "Jupyter notebook (*.ipynb)"]
    written = (out / "mine.py").read_text(encoding="utf-8")
    assert written == core_text(evaluated, model_id, "py", "en", out / "mine.py")
    # where it went and how to run it: under the Inspect row and in the status bar
    shown = evaluated.eval_tab.export_label.text()
    assert shown.startswith(f"Wrote {out / 'mine.py'}") and f"python {out / 'mine.py'}" in shown
    assert str(out / "mine.py") in evaluated.statusBar().currentMessage()
    assert list(out.iterdir()) == [out / "mine.py"]  # no temporary file left beside it


def test_the_notebook_filter_writes_the_cores_notebook(evaluated, qtbot, monkeypatch, out):
    button, model_id = button_of(evaluated), evaluated.ids["feature_lora"]
    checked(qtbot, button)
    SaveDialog(monkeypatch, out / "run", pick=1)  # no suffix typed: the filter's is added
    assert export(qtbot, evaluated, button)[:2] == ["export", "finished"]
    written = (out / "run.ipynb").read_text(encoding="utf-8")
    assert same_notebook(written, core_text(evaluated, model_id, "ipynb", "en", out / "run.ipynb"))
    assert "open it in Jupyter" in evaluated.eval_tab.export_label.text()


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_a_chinese_window_writes_chinese_comments(evaluated, language, qtbot, monkeypatch, out):
    button, model_id = button_of(evaluated), evaluated.ids["feature_lora"]
    checked(qtbot, button)
    SaveDialog(monkeypatch, out / "zh.py")
    assert export(qtbot, evaluated, button)[:2] == ["export", "finished"]
    written = (out / "zh.py").read_text(encoding="utf-8")
    assert written == core_text(evaluated, model_id, "py", "zh_CN", out / "zh.py")
    assert written != core_text(evaluated, model_id, "py", "en", out / "zh.py")
    assert "冻结" in written  # the frozen base, said in Chinese


def test_a_base_model_has_the_button_disabled_with_the_cores_reason(evaluated, qtbot):
    tab, base_id = evaluated.eval_tab, evaluated.ids["base"]
    tab.inspect(base_id)
    button = button_of(evaluated)
    checked(qtbot, button)
    with pytest.raises(ConfigError) as refused:
        export_plan(ModelLibrary(evaluated.state.models_root), base_id, evaluated.state.data_root)
    assert not button.isEnabled() and button.reason == user_error(refused.value)
    assert button.toolTip() == f"Cannot be exported as code: {user_error(refused.value)}"
    assert "is a base model, not a fine-tuning" in button.toolTip()
    tab.inspect(evaluated.ids["feature_lora"])  # back to a fine-tuning: enabled again
    checked(qtbot, button)
    assert button.isEnabled()


@pytest.mark.parametrize(("kind", "reason"), [("full", "No space left on device"),
                                              ("read-only", "Read-only file system")])
def test_a_disk_failing_under_the_write_is_a_box_and_leaves_no_file(evaluated, kind, reason, qtbot, monkeypatch,
                                                                     out):
    button, folder = button_of(evaluated), out
    checked(qtbot, button)
    SaveDialog(monkeypatch, folder / "run.py")
    with DiskFault(folder, kind):
        assert export(qtbot, evaluated, button)[:2] == ["export", "failed"]
    title, text = dismiss(evaluated)
    assert title == "Export failed" and reason in text and str(folder / "run.py") in text
    assert "Traceback" not in text and "\n" not in text.strip()
    assert list(folder.iterdir()) == []  # nothing half-written, no temporary file
    assert boxes(evaluated) == [] and button.isEnabled()  # the app goes on: the same click works now
    assert export(qtbot, evaluated, button)[:2] == ["export", "finished"]
    assert (folder / "run.py").is_file()


@pytest.mark.parametrize(("path", "fmt", "expected"), [
    ("a/run", "py", ("a/run.py", "py")), ("a/run", "ipynb", ("a/run.ipynb", "ipynb")),
    ("a/run.py", "py", ("a/run.py", "py")), ("a/run.v2", "ipynb", ("a/run.v2.ipynb", "ipynb")),
    ("a/run.ipynb", "py", ("a/run.ipynb", "ipynb")),  # the other format's suffix typed: taken at its word
])
def test_the_filter_picks_the_format_and_the_suffix_follows(path, fmt, expected):
    chosen, chosen_fmt = code_export.chosen_file(path, fmt)
    assert (str(chosen), chosen_fmt) == expected
