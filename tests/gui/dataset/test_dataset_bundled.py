"""First start of a bundle built with DATA: the window imports the bundled data set, then loads it."""

from lora_studio.core import paths
from lora_studio.core.data import bundled, synthetic
from lora_studio.core.data import datasets as data


def _bundle_data(tmp_path, monkeypatch):
    staged = tmp_path / "bundled-data"
    bundled.stage(synthetic.write_folder(tmp_path / "plain", n_train=300, n_test=100, seed=2), staged, "mnist")
    monkeypatch.setattr(bundled, "bundled_data_dir", lambda: staged)  # as if frozen with _internal/bundled-data
    return staged


def test_first_start_imports_bundled_data_and_loads_it(make_window, tmp_path, monkeypatch, app_home):
    _bundle_data(tmp_path, monkeypatch)
    window = make_window()  # waits for PyTorch and for the data set to load
    assert data.is_available(paths.datasets_dir(app_home), "mnist")
    assert window.state.dataset is not None and window.state.dataset.n_train == 300
    assert not [m for m in window.messages if m[0] in ("warning", "error")]


def test_a_damaged_bundled_data_set_is_a_warning_and_the_app_goes_on(make_window, tmp_path, monkeypatch):
    staged = _bundle_data(tmp_path, monkeypatch)
    (staged / "MNIST" / "raw" / "train-labels-idx1-ubyte.gz").write_bytes(b"broken")
    window = make_window()
    assert window.state.ready and window.state.dataset is None
    [(level, title, text)] = window.messages
    assert level == "warning" and title == "Bundled data" and "train-labels" in text


def test_window_icon_and_about_box(make_window):
    from PySide6.QtWidgets import QMessageBox

    import lora_studio
    from lora_studio.gui.app import application

    application()  # what `lora-studio` / LoRAStudio does first: names, desktop file name, icon
    window = make_window()
    assert not window.windowIcon().isNull()
    window.show_about()
    box = window.findChild(QMessageBox)
    assert box is not None and not box.iconPixmap().isNull()
    assert f"LoRA Studio {lora_studio.__version__}" in box.text()
    box.close()
