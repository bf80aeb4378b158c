"""Evaluation in the worker fills the accuracy table; the model library renames, deletes, opens and exports;
an error inside a job is shown as a readable message and the app goes on."""

import shutil

import pytest
from PySide6.QtCore import Qt
from safetensors.torch import load_file

from lora_studio.core.errors import StorageError
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    """A base model, its brightness+LoRA model and its control, trained once for this module."""
    return train_library(tmp_path_factory.mktemp("library"))


@pytest.fixture
def saved_models(trained_library, app_home):
    """Those three models, copied into this test's own library."""
    from lora_studio.core import paths

    root, ids = trained_library
    shutil.copytree(root, paths.models_dir(app_home))
    return ids


def test_evaluate_fills_the_accuracy_table_with_the_feature_effect(qtbot, saved_models, window):
    tab = window.eval_tab
    assert tab.selector.count() == 3
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        qtbot.mouseClick(tab.evaluate_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["evaluate", "finished"]
    table = tab.table
    assert table.rowCount() == 3
    rows = {table.item(r, 1).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    assert set(rows) == {"base", "feature+LoRA", "control"}  # the LoRA run beside the feature run is its control
    library = ModelLibrary(window.state.models_root)
    by_name = {row[0]: row for row in rows.values()}
    target, delta = table.column("Target accuracy"), table.column("Δ vs base")
    for model_id in saved_models.values():
        record = library.record(model_id)
        assert by_name[record.name][target] == f"{100 * record.metrics['test_accuracy']:.2f} %"
    assert rows["feature+LoRA"][delta].startswith(("+", "-")) and rows["base"][delta] == ""
    assert "Feature effect" in tab.effect_label.text() and "95 % interval" in tab.effect_label.text()
    assert window.eval_tab.result.rows[0].predictions.labels.shape == (200,)


def test_evaluate_without_a_chosen_model_says_so(qtbot, saved_models, window):
    qtbot.mouseClick(window.eval_tab.evaluate_button, Qt.MouseButton.LeftButton)
    assert window.messages[-1][1] == "No model chosen" and window.state.runner.job is None


def test_the_library_lists_renames_deletes_opens_and_exports(qtbot, saved_models, window, tmp_path):
    dialog = window.show_library()
    assert dialog.table.rowCount() == 3
    names = {dialog.table.item(r, 7).text(): dialog.table.item(r, 5).text() for r in range(3)}
    assert "r=8, α=16, fc1+fc2, brightness" in names[saved_models["feature_lora"]]

    dialog.select(saved_models["feature_lora"])
    dialog.ask_name = lambda current: "My brightness model"
    dialog.rename()
    assert ModelLibrary(window.state.models_root).record(saved_models["feature_lora"]).name == "My brightness model"
    assert any(window.eval_tab.selector.item(i).text().startswith("My brightness model")
               for i in range(window.eval_tab.selector.count()))

    opened = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile())
    dialog.select(saved_models["base"])
    dialog.open_folder()
    assert opened == [str(window.state.models_root / saved_models["base"])]

    target = tmp_path / "merged.safetensors"
    dialog.select(saved_models["feature_lora"])
    dialog.ask_export_path = lambda model_id: str(target)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        dialog.export()  # in the worker: merged and unmerged outputs are compared on the test set first
    assert ended.args[:2] == ["export", "finished"], ended.args
    assert "fc1.weight" in load_file(target) and not any(".lora_" in key for key in load_file(target))
    assert "largest |Δlogit| merged vs unmerged on 200 test images" in dialog.where.text()

    dialog.select(saved_models["control_lora"])
    dialog.confirm = lambda question: False
    dialog.delete()
    assert dialog.table.rowCount() == 3
    dialog.confirm = lambda question: True
    dialog.delete()
    assert dialog.table.rowCount() == 2
    assert saved_models["control_lora"] not in {e.id for e in ModelLibrary(window.state.models_root).list()}
    assert window.lora_tab.base_combo.count() == 1


def test_the_library_opens_as_wide_as_its_settings_need_within_the_screen(qtbot, saved_models, window,
                                                                         monkeypatch):
    from PySide6.QtCore import QRect

    from lora_studio.gui.library.dialog import COLUMNS, LibraryDialog

    class WideScreen:
        def availableGeometry(self):
            return QRect(0, 0, 3000, 1000)

    monkeypatch.setattr(LibraryDialog, "screen", lambda self: WideScreen())
    dialog = window.show_library()
    qtbot.waitExposed(dialog)
    settings = COLUMNS.index("Settings")
    assert dialog.width() <= 2700
    assert dialog.table.columnWidth(settings) >= dialog.table.sizeHintForColumn(settings)  # nothing cut off
    monkeypatch.undo()
    dialog.fit_width()  # the test screen: 800 px wide
    assert dialog.width() <= 0.9 * dialog.screen().availableGeometry().width()


def test_models_saved_elsewhere_appear_when_the_tab_is_shown(qtbot, window, saved_models):
    assert window.eval_tab.selector.count() == 0  # saved after the window listed the library
    window.tabs.setCurrentWidget(window.eval_tab)
    assert window.eval_tab.selector.count() == 3


def test_an_error_in_a_job_is_a_readable_message_and_the_app_goes_on(qtbot, window, monkeypatch):
    def broken(*args, **kwargs):
        raise StorageError("the library folder is read-only")

    monkeypatch.setattr(recipes, "train_base", broken)
    window.base_tab.epochs.setValue(1)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        qtbot.mouseClick(window.base_tab.panel.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["base", "failed", "the library folder is read-only"]
    assert window.messages[-1] == ("error", "Base training failed", "The library folder is read-only")
    assert window.statusBar().currentMessage() == "Base training failed: the library folder is read-only"
    assert window.base_tab.panel.start_button.isEnabled()

    monkeypatch.setattr(recipes, "train_base", lambda *a, **k: 1 / 0)  # a bug, not a user error
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        window.base_tab.start()
    assert ended.args[1] == "failed" and "ZeroDivisionError" in ended.args[2]
    assert "Traceback" not in window.messages[-1][2]
    monkeypatch.undo()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=60_000) as ended:
        window.base_tab.start()
    assert ended.args[1] == "finished"


def test_an_unreadable_library_is_said_in_the_status_bar_and_the_app_goes_on(window, monkeypatch):
    def unreadable(self, reuse=None):
        raise StorageError("cannot read the model library: permission denied")

    monkeypatch.setattr(ModelLibrary, "list", unreadable)
    window.state.refresh_models()
    assert "cannot read the model library" in window.statusBar().currentMessage()
    assert window.state.models == [] and window.lora_tab.base_combo.count() == 0
