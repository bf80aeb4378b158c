"""Export as code… in the model library (issue 21): `exportCodeButton`, beside the command of the selected model,
writes that model's run as the core writes it (the script or the notebook the save dialog's filter chose), in
the window's language, and says where on the library's info line; a base model and a combination of adapters
have it disabled with the core's reason; a disk that fails under the write is a message box and no file."""


import pytest
from code_export_checks import SaveDialog, checked, core_text, dismiss, export, same_notebook
from disk_faults import DiskFault

from lora_studio.core.errors import ConfigError
from lora_studio.core.export_code import export_plan
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows.combine import combine_adapters
from lora_studio.gui.i18n.core_texts import user_error
from lora_studio.gui.shared.code_export import ExportCodeButton


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    """A base model, its brightness+LoRA model and its control (a LoRA model without extra inputs)."""
    return train_library(tmp_path_factory.mktemp("library-export-code"))


@pytest.fixture
def library_window(language, trained_library, open_with_library):
    return open_with_library(trained_library)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def opened(window, model_id: str):
    """The library dialog with `model_id` selected, and its export button."""
    dialog = window.show_library()
    dialog.select(model_id)
    [button] = dialog.findChildren(ExportCodeButton, "exportCodeButton")
    return dialog, button


def test_the_button_sits_beside_the_copy_button_of_the_command(library_window):
    dialog, button = opened(library_window, library_window.ids["feature_lora"])
    row = dialog.command.buttons
    assert row.indexOf(button) == row.indexOf(dialog.command.copy_button) + 1
    assert button.text() == "Export as code…"


def test_the_script_and_the_notebook_written_are_the_cores(library_window, qtbot, monkeypatch, out):
    model_id = library_window.ids["feature_lora"]
    dialog, button = opened(library_window, model_id)
    checked(qtbot, button)
    assert button.isEnabled()
    SaveDialog(monkeypatch, out / "lib.py")
    assert export(qtbot, library_window, button)[:2] == ["export", "finished"]
    assert (out / "lib.py").read_text(encoding="utf-8") == core_text(library_window, model_id, "py", "en",
                                                                     out / "lib.py")
    assert dialog.where.text().startswith(f"Wrote {out / 'lib.py'}; run it with: python {out / 'lib.py'}")

    dialog.select(library_window.ids["control_lora"])  # another model, as a notebook
    checked(qtbot, button)
    SaveDialog(monkeypatch, out / "control.ipynb", pick=1)
    assert export(qtbot, library_window, button)[:2] == ["export", "finished"]
    assert same_notebook((out / "control.ipynb").read_text(encoding="utf-8"),
                         core_text(library_window, library_window.ids["control_lora"], "ipynb", "en",
                                   out / "control.ipynb"))
    assert dialog.where.text().startswith(f"Wrote {out / 'control.ipynb'}; open it in Jupyter")


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_a_chinese_window_writes_chinese_comments(library_window, language, qtbot, monkeypatch, out):
    model_id = library_window.ids["feature_lora"]
    _dialog, button = opened(library_window, model_id)
    checked(qtbot, button)
    SaveDialog(monkeypatch, out / "zh.ipynb", pick=1)
    assert export(qtbot, library_window, button)[:2] == ["export", "finished"]
    written = (out / "zh.ipynb").read_text(encoding="utf-8")
    assert same_notebook(written, core_text(library_window, model_id, "ipynb", "zh_CN", out / "zh.ipynb"))
    assert "冻结" in written


def test_a_base_and_a_combination_have_the_button_disabled_with_the_cores_reason(library_window, qtbot):
    window = library_window
    library = ModelLibrary(window.state.models_root)
    combined = combine_adapters(library, [(window.ids["control_lora"], 0.5)], "linear")
    window.state.refresh_models()
    dialog, button = opened(window, window.ids["base"])
    for model_id, says in ((window.ids["base"], "is a base model, not a fine-tuning"),
                           (combined, "combines other adapters and was never trained")):
        dialog.select(model_id)
        checked(qtbot, button)
        with pytest.raises(ConfigError) as refused:
            export_plan(library, model_id, window.state.data_root)
        assert not button.isEnabled() and says in button.reason
        assert button.toolTip() == f"Cannot be exported as code: {user_error(refused.value)}"
    dialog.table.clearSelection()
    assert button.model_id is None and not button.isEnabled()


def test_a_read_only_disk_is_a_box_and_leaves_no_file(library_window, qtbot, monkeypatch, out):
    _dialog, button = opened(library_window, library_window.ids["feature_lora"])
    checked(qtbot, button)
    SaveDialog(monkeypatch, out / "lib.py")
    with DiskFault(out, "read-only"):
        assert export(qtbot, library_window, button)[:2] == ["export", "failed"]
    title, text = dismiss(library_window)
    assert title == "Export failed" and "Read-only file system" in text and str(out / "lib.py") in text
    assert list(out.iterdir()) == []
