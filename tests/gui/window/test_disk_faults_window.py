"""A full or read-only disk under the window: each failure is a dialog with a readable reason, nothing is lost,
and the app goes on (the same action works once the disk does).

The disk is made to fail inside this process with tests/helpers/disk_faults.py (`DiskFault`: from the n-th
file-system operation under a folder on, ENOSPC or EROFS, also as root, where chmod stops nothing); where this
process may mount (root on Linux), also with a real tmpfs, filled up or remounted read-only, for the kernel's
own errors. The dialogs are the window's non-blocking message boxes (`MainWindow.show_message`, `box.open()`):
the tests find them among the window's children, read them and press OK.
"""

import shutil

import pytest
from disk_faults import DiskFault, can_mount, snapshot, tmpfs
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.data import datasets as data
from lora_studio.core.data import synthetic
from lora_studio.core.storage.library import ModelLibrary

pytestmark = pytest.mark.fuzz
KINDS = ["full", "read-only"]
REASON = {"full": "No space left on device", "read-only": "Read-only file system"}


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("disk-library"), control=False)


@pytest.fixture
def saved_window(open_with_library, trained_library):
    """A ready window on the tiny data, with a base model and a LoRA model in its library."""
    return open_with_library(trained_library)


def dialogs(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, "messageBox") if box.isVisible()]


def dismiss_one(window, title: str, *mentions: str) -> str:
    """The one open message box: its title and what it says; then OK is pressed, as a user would."""
    [box] = dialogs(window)
    text = box.text()
    assert box.windowTitle() == title, (box.windowTitle(), text)
    for mention in mentions:
        assert mention in text, text
    assert "Traceback" not in text and "\n" not in text.strip(), text
    box.button(QMessageBox.StandardButton.Ok).click()
    assert dialogs(window) == []
    return text


def run_job(qtbot, window, start) -> list:
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        start()
    return ended.args


# --- data --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_import_onto_a_failing_disk_is_a_dialog_and_the_earlier_data_stays(kind, qtbot, window, tmp_path):
    source = synthetic.write_folder(tmp_path / "new", n_train=80, n_test=30, seed=5)
    window.dataset_tab.choose_folder = lambda: str(source)
    before = snapshot(window.state.data_root)
    with DiskFault(window.state.data_root, kind):
        status = run_job(qtbot, window, window.dataset_tab.import_folder)
    assert status[:2] == ["import", "failed"]
    dismiss_one(window, "Import failed", REASON[kind], "Could not write the data set")
    assert snapshot(window.state.data_root) == before
    assert window.state.dataset.n_train == 600 and window.dataset_tab.grid.count > 0  # still shown
    assert run_job(qtbot, window, window.dataset_tab.import_folder)[:2] == ["import", "finished"]  # goes on
    assert window.state.dataset.n_train == 80


@pytest.mark.parametrize("kind", KINDS)
def test_download_onto_a_failing_disk_is_a_dialog_and_the_earlier_data_stays(kind, qtbot, window, monkeypatch):
    from mirror import Mirror
    from torchvision import datasets

    mirror = Mirror(window.state.home)
    monkeypatch.setattr(datasets.MNIST, "mirrors", [mirror.url + "slow/"])
    monkeypatch.setattr(datasets.MNIST, "resources", mirror.resources)
    before = snapshot(window.state.data_root)
    try:
        with DiskFault(window.state.data_root, kind):
            status = run_job(qtbot, window, window.dataset_tab.download_button.click)
        assert status[:2] == ["download", "failed"]
        dismiss_one(window, "Download failed", REASON[kind])
        assert "offline" not in status[2]
        assert snapshot(window.state.data_root) == before and window.state.dataset.n_train == 600
        assert run_job(qtbot, window, window.dataset_tab.download_button.click)[:2] == ["download", "finished"]
    finally:
        mirror.close()


def test_opening_a_data_folder_that_cannot_be_made_is_a_dialog(qtbot, make_window, app_home):
    """File › Open data folder made the folder first, outside any try: a raw OSError in a slot."""
    window = make_window()
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Open data folder")
    with DiskFault(app_home, "read-only"):
        action.trigger()
    dismiss_one(window, "Data folder", REASON["read-only"], str(window.state.data_root))


# --- models ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_trained_model_that_cannot_be_saved_is_a_dialog_and_the_library_stays(kind, qtbot, saved_window):
    window = saved_window
    window.base_tab.epochs.setValue(1)
    before = snapshot(window.state.models_root)
    with DiskFault(window.state.models_root, kind):
        kind_, status, message = run_job(qtbot, window, window.base_tab.start)
    assert (kind_, status) == ("base", "failed")
    text = dismiss_one(window, "Base training failed", REASON[kind], "test accuracy", "nothing was saved")
    assert text.startswith("The training finished")
    assert snapshot(window.state.models_root) == before
    assert window.base_tab.panel.start_button.isEnabled()
    assert run_job(qtbot, window, window.base_tab.start)[:2] == ["base", "finished"]  # the app goes on
    assert len(ModelLibrary(window.state.models_root).list()) == 3


@pytest.mark.parametrize("kind", KINDS)
def test_a_lora_job_whose_second_save_fails_says_what_was_saved(kind, qtbot, saved_window, monkeypatch):
    """The feature model is saved, then the disk fails for its control: the message used to be the storage
    error alone, as if nothing had been kept."""
    window = saved_window
    window.lora_tab.epochs.setValue(1)
    real_save, calls = ModelLibrary.save, []

    def save(self, model, record, model_id=None):
        calls.append(record.kind)
        if len(calls) == 1:
            return real_save(self, model, record, model_id)
        with DiskFault(self.root, kind):
            return real_save(self, model, record, model_id)

    monkeypatch.setattr(ModelLibrary, "save", save)
    assert window.lora_tab.base_combo.currentData() == window.ids["base"]
    _, status, message = run_job(qtbot, window, window.lora_tab.start)
    assert status == "failed" and calls == ["feature_lora", "lora"]  # the control, kept as a LoRA model
    dismiss_one(window, "LoRA fine-tuning failed", REASON[kind], "1 finished model(s) were saved")
    entries = ModelLibrary(window.state.models_root).list()
    assert sorted(e.record.kind for e in entries) == ["base", "feature_lora", "feature_lora"]
    assert not [p for p in window.state.models_root.iterdir() if p.name.startswith(".") and p.name != ".lock"]


@pytest.mark.parametrize("kind", KINDS)
def test_library_rename_delete_and_export_on_a_failing_disk_are_dialogs(kind, qtbot, saved_window, tmp_path):
    window = saved_window
    dialog = window.show_library()
    model_id = window.ids["feature_lora"]
    dialog.select(model_id)
    before = snapshot(window.state.models_root)

    dialog.ask_name = lambda current: "A new name"
    with DiskFault(window.state.models_root, kind):
        dialog.rename()
    dismiss_one(window, "Model library", REASON[kind], f"could not rename {model_id}")
    assert snapshot(window.state.models_root) == before

    dialog.confirm = lambda question: True
    with DiskFault(window.state.models_root, kind):
        dialog.delete()
    if kind == "read-only":
        dismiss_one(window, "Model library", REASON[kind], f"could not delete {model_id}")
        assert snapshot(window.state.models_root) == before
    else:  # deleting frees space: it works on a full disk
        assert dialogs(window) == [] and model_id not in {e.id for e in ModelLibrary(window.state.models_root).list()}
        model_id = window.ids["base"]
    ModelLibrary(window.state.models_root).load(model_id)

    target = tmp_path / "out"
    target.mkdir()
    dialog.select(model_id)
    dialog.ask_export_path = lambda _id: str(target / "merged.safetensors")
    with DiskFault(target, kind):
        assert run_job(qtbot, window, dialog.export)[:2] == ["export", "failed"]
    dismiss_one(window, "Export failed", REASON[kind], "merged.safetensors")
    assert list(target.iterdir()) == [], "a partial or temporary file was left"
    assert run_job(qtbot, window, dialog.export)[:2] == ["export", "finished"]  # the app goes on
    assert (target / "merged.safetensors").is_file()


def test_an_export_from_the_evaluation_tab_onto_a_failing_disk_says_why_beside_the_button(qtbot, saved_window,
                                                                                          tmp_path):
    window = saved_window
    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    assert run_job(qtbot, window, tab.evaluate)[:2] == ["evaluate", "finished"]
    tab.ask_export_path = lambda _id: str(tmp_path / "merged.safetensors")
    with DiskFault(tmp_path, "read-only"):
        assert run_job(qtbot, window, tab.export)[:2] == ["export", "failed"]
    dismiss_one(window, "Export failed", REASON["read-only"])
    assert tab.export_label.text().startswith("Export failed: could not write") and tab.export_button.isEnabled()
    assert not (tmp_path / "merged.safetensors").exists()


# --- settings ----------------------------------------------------------------------------------------


def test_settings_that_cannot_be_written_are_said_once_and_the_app_goes_on(qtbot, make_window, tiny_data, tmp_path):
    """QSettings reports a file it cannot write only in status(): the window forgot every setting silently."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be: nothing can be written below it")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(blocker / "settings"))
    window = make_window()
    dismiss_one(window, "Settings are not saved", str(blocker), "will not remember")
    window.base_tab.epochs.setValue(1)
    assert run_job(qtbot, window, window.base_tab.start)[:2] == ["base", "finished"]  # the app goes on
    assert dialogs(window) == []  # said once, not at every change
    window.close()
    assert dialogs(window) == []


# --- the kernel's own errors: a real tmpfs, full or read-only ----------------------------------------


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")
@pytest.mark.parametrize("kind", KINDS)
def test_a_real_full_or_read_only_disk_under_the_window(kind, qtbot, make_window, tmp_path, trained_library,
                                                        monkeypatch):
    """The app's folder and its settings on a small tmpfs, filled up or remounted read-only before the window
    opens: it starts, shows the data and the models, says the settings are not saved, and answers import,
    training, rename and export with dialogs; every earlier file stays."""
    import errno
    import subprocess

    library_root, ids = trained_library
    with tmpfs(tmp_path / "disk", 8192) as disk:
        home = disk / "home"
        monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
        synthetic.write_folder(paths.datasets_dir(home) / "MNIST" / "raw", n_train=600, n_test=200, seed=0)
        shutil.copytree(library_root, paths.models_dir(home))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(disk / "settings"))
        if kind == "full":
            with open(disk / "filler", "wb", buffering=0) as out:
                try:
                    while True:
                        out.write(bytes(16384))
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = snapshot(home)
        window = make_window()
        dismiss_one(window, "Settings are not saved")
        assert window.state.dataset.n_train == 600 and len(window.state.models) == 2

        source = synthetic.write_folder(tmp_path / "source", n_train=80, n_test=30, seed=5)
        window.dataset_tab.choose_folder = lambda: str(source)
        assert run_job(qtbot, window, window.dataset_tab.import_folder)[1] == "failed"
        dismiss_one(window, "Import failed", REASON[kind])

        window.base_tab.epochs.setValue(1)
        assert run_job(qtbot, window, window.base_tab.start)[1] == "failed"
        dismiss_one(window, "Base training failed", REASON[kind], "nothing was saved")

        dialog = window.show_library()
        dialog.select(ids["base"])
        dialog.ask_name = lambda current: "Renamed"
        dialog.rename()
        dismiss_one(window, "Model library", REASON[kind])
        dialog.ask_export_path = lambda _id: str(disk / "merged.safetensors")
        assert run_job(qtbot, window, dialog.export)[1] == "failed"
        dismiss_one(window, "Export failed", REASON[kind])

        assert snapshot(home) == before
        assert data.load_dataset(paths.datasets_dir(home), "mnist").train.labels.numel() == 600
        window.close()
