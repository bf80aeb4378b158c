"""The Dataset tab: data already in the app's folder is found on start; imports and downloads, good and bad."""

import time

from PySide6.QtCore import Qt

from lora_studio.core.data import download, synthetic
from lora_studio.core.errors import Cancelled, DataError


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_data_in_the_app_folder_is_found_on_start_and_shown(window):
    tab = window.dataset_tab
    view = window.state.dataset
    assert view is not None and view.n_train == 600 and view.n_test == 200
    assert tab.grid.count == 200  # at most 200 samples are laid out; the grid draws as many as fit
    assert tab.grid.captions[0] == f"{view.sample_labels[0]} · {view.sample_brightness[0]:.2f}"
    assert len(tab._curves) == 10
    assert "600 training and 200 test images" in tab.info.text()
    assert tab.class_filter.count() == 11 and tab.class_filter.isEnabled()


def test_the_class_filter_shows_one_class(window):
    tab = window.dataset_tab
    tab.class_filter.setCurrentIndex(4)  # "3 - three"
    labels = {caption.split(" · ")[0] for caption in tab.grid.captions}
    assert labels == {"3"}
    assert tab.grid.count == int((window.state.dataset.sample_labels == 3).sum())
    assert tab._curves[3].opacity() == 1.0 and tab._curves[0].opacity() < 0.5


def test_a_missing_data_set_says_how_to_get_it(make_window):
    window = make_window()
    assert window.state.dataset is None
    assert "Download" in window.dataset_tab.info.text() and "Import folder" in window.dataset_tab.info.text()
    assert window.dataset_tab.grid.count == 0


def test_a_broken_import_folder_shows_an_error_and_the_app_goes_on(qtbot, make_window, tmp_path):
    window = make_window()
    broken = synthetic.write_folder(tmp_path / "broken", n_train=50, n_test=20)
    labels = broken / "train-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:-7])  # truncated
    window.dataset_tab.choose_folder = lambda: str(broken)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        click(qtbot, window.dataset_tab.import_button)
    assert ended.args[:2] == ["import", "failed"]
    level, title, text = window.messages[-1]
    assert level == "error" and title == "Import failed" and "train-labels-idx1-ubyte" in text
    assert "Traceback" not in text
    assert window.state.dataset is None and window.dataset_tab.import_button.isEnabled()

    good = synthetic.write_folder(tmp_path / "good", n_train=80, n_test=30, gz=True)
    window.dataset_tab.choose_folder = lambda: str(good)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        click(qtbot, window.dataset_tab.import_button)
    assert ended.args[:2] == ["import", "finished"]
    assert window.state.dataset.n_train == 80 and window.dataset_tab.grid.count == 80


def test_import_from_the_file_menu(qtbot, make_window, tmp_path):
    window = make_window()
    good = synthetic.write_folder(tmp_path / "menu", n_train=40, n_test=10)
    window.dataset_tab.choose_folder = lambda: str(good)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Import data…")
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000):
        action.trigger()
    assert window.state.dataset.n_train == 40


def test_offline_download_points_to_import(qtbot, make_window, monkeypatch):
    def offline(name, root, progress, is_cancelled):
        progress(0.0, "Downloading train-images-idx3-ubyte.gz")
        raise DataError("could not download train-images-idx3-ubyte.gz (no network). If this computer is offline, "
                        "use “Import folder…” with the four IDX files.")

    monkeypatch.setattr(download, "download", offline)
    window = make_window()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=30_000) as ended:
        click(qtbot, window.dataset_tab.download_button)
    assert ended.args[1] == "failed"
    assert window.messages[-1][1] == "Download failed" and "Import folder" in window.messages[-1][2]
    assert window.dataset_tab.download_button.text() == "Download"
    assert not window.dataset_tab.progress.isVisible()


def test_a_download_can_be_cancelled_from_its_button(qtbot, make_window, monkeypatch):
    def slow(name, root, progress, is_cancelled):
        for i in range(1000):
            if is_cancelled():
                raise Cancelled("download cancelled")
            progress(i / 1000, "Downloading train-images-idx3-ubyte.gz")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(download, "download", slow)
    window = make_window()
    tab = window.dataset_tab
    click(qtbot, tab.download_button)
    assert tab.download_button.text() == "Cancel download"
    qtbot.waitUntil(lambda: tab.progress.value() > 0, timeout=10_000)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=10_000) as ended:
        click(qtbot, tab.download_button)
    assert ended.args[:2] == ["download", "stopped"]
    assert window.statusBar().currentMessage().startswith("Download stopped")
