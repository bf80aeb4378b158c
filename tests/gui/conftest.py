"""GUI test hygiene: settings in a temp folder, no thread left running, a window on tiny generated data.

LORA_STUDIO_HOME is already a fresh temp folder per test (tests/conftest.py).
"""

import shutil
import sys
import weakref

import pytest
from PySide6.QtCore import QSettings, QThread
from qt_timeouts import JOB_MS, READY_MS

from lora_studio.core import paths
from lora_studio.core.data import synthetic


@pytest.fixture(autouse=True)
def qsettings_in_tmp(tmp_path, qapp):
    """QSettings write into the test's folder, never into the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("LoRA Studio")
    qapp.setApplicationName("LoRA Studio")
    yield


@pytest.fixture(autouse=True)
def started_qthreads(monkeypatch):
    """Fail a test that leaves any QThread running, whoever started it (and stop it, so the next test starts
    clean). As napari's conftest does, `QThread.start` is patched to note every thread started during the
    test and where. The fixture's value gives those of them still running."""
    started: weakref.WeakKeyDictionary[QThread, str] = weakref.WeakKeyDictionary()
    real_start = QThread.start

    def start(self, *args, **kwargs):
        caller = sys._getframe(1)
        started[self] = f"{caller.f_code.co_filename}:{caller.f_lineno}"
        real_start(self, *args, **kwargs)

    def running() -> list[QThread]:
        alive = []
        for thread in list(started):
            try:
                if thread.isRunning():
                    alive.append(thread)
            except RuntimeError:  # its C++ object was deleted: it cannot be running
                pass
        return alive

    monkeypatch.setattr(QThread, "start", start)
    yield running
    left = {thread: started[thread] for thread in running()}
    for thread in left:
        thread.quit()
        thread.wait(10_000)
    assert not left, f"QThread(s) still running after the test, started at {', '.join(left.values())}"


@pytest.fixture
def tiny_data(app_home):
    """Generated MNIST-like IDX files (600 train, 200 test) in the app's own data folder."""
    synthetic.write_folder(paths.datasets_dir(app_home) / "MNIST" / "raw", n_train=600, n_test=200, seed=0)
    return app_home


@pytest.fixture
def make_window(qtbot):
    """Build main windows that are closed (worker joined) at the end of the test."""
    from lora_studio.gui.app import build_main_window

    windows = []

    def make(wait_ready: bool = True):
        window = build_main_window()
        window.confirm_close = lambda _title: True
        windows.append(window)
        window.show()
        if wait_ready:
            qtbot.waitUntil(lambda: window.state.ready, timeout=READY_MS)
            _wait_idle(qtbot, window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()


def _wait_idle(qtbot, window, timeout: int = JOB_MS) -> None:
    """Wait until no job runs (the data set loads by itself when the core is ready)."""
    qtbot.waitUntil(lambda: window.state.runner.job is None, timeout=timeout)


@pytest.fixture
def wait_idle(qtbot):
    return lambda window, timeout=JOB_MS: _wait_idle(qtbot, window, timeout)


@pytest.fixture
def window(make_window, tiny_data):
    """A ready window whose data set (tiny generated MNIST) is loaded."""
    win = make_window()
    return win


def _install_language(qapp, name: str):
    from lora_studio.gui.i18n import language as i18n

    installed = i18n.apply(name, qapp)
    assert not installed.missing, installed.missing
    return installed


@pytest.fixture
def language(request, qapp):
    """The window's language for the test: English unless parametrized (indirectly) with another; English again
    afterwards, for the tests that build English windows."""
    chosen = getattr(request, "param", "en")
    _install_language(qapp, chosen)
    yield chosen
    _install_language(qapp, "en")


@pytest.fixture
def chinese(qapp):
    """The window in Simplified Chinese for the test (its catalogues installed); English again afterwards."""
    yield _install_language(qapp, "zh_CN")
    _install_language(qapp, "en")


@pytest.fixture
def open_with_library(make_window, tiny_data):
    """A function that opens a ready window (on the tiny data) whose model library is a copy of `library` (the
    (root, ids) train_library gives), with `window.ids` its ids by kind, showing the tab `tab` if given."""

    def open_window(library, tab: str | None = None):
        root, ids = library
        shutil.copytree(root, paths.models_dir(tiny_data))
        window = make_window()
        window.ids = dict(ids)
        if tab is not None:
            window.tabs.setCurrentWidget(getattr(window, tab))
        return window

    return open_window


@pytest.fixture(scope="session")
def train_library(tiny_dataset):
    """A function that trains a base model on the tiny data and LoRA models from it (brightness+LoRA, and the
    control unless `control=False`) into a new library folder; returns (library root, ids by kind).
    `base_images`/`base_lr`: a base trained on fewer images, or more slowly, so that it still makes mistakes."""

    def train(folder, *, control: bool = True, base_images: int | None = None, base_lr: float = 3e-3):
        from lora_studio.core.config import LoraConfig, TrainConfig
        from lora_studio.core.data import datasets as data
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows import recipes

        library = ModelLibrary(folder)
        quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
        base_data = data.Dataset(tiny_dataset.info, tiny_dataset.train.first(base_images), tiny_dataset.test)
        base = recipes.train_base(base_data, TrainConfig(epochs=1, batch_size=32, lr=base_lr))
        ids = {"base": library.save(base.model, base.record)}
        runs = [("feature_lora", ("brightness",))] + ([("control_lora", ())] if control else [])
        for kind, features in runs:
            tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), features, quick)
            ids[kind] = library.save(tuned.model, tuned.record)
        return library.root, ids

    return train
