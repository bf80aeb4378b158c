"""Data inside the bundle (`make bundle DATA=…`): staged at build time, imported into the data folder on start.

The bundle itself is not built here (packaging/smoke_test.sh does that): these call the same functions
with temp folders standing in for the bundle's `_internal/bundled-data/`.
"""

import gzip

import pytest

from lora_studio.core import paths
from lora_studio.core.data import bundled, synthetic
from lora_studio.core.data import datasets as data
from lora_studio.core.errors import DataError
from lora_studio.core.workflows import selftest


@pytest.fixture
def bundle_data(tmp_path):
    """A bundle's data folder, staged from generated plain (not gzipped) IDX files as build.py does."""
    source = synthetic.write_folder(tmp_path / "plain", n_train=120, n_test=40, seed=1)
    staged = tmp_path / "bundled-data"
    raw = bundled.stage(source, staged, "mnist")
    assert raw == staged / "MNIST" / "raw"
    return staged


def test_stage_validates_and_gzips(bundle_data):
    raw = bundle_data / "MNIST" / "raw"
    assert sorted(p.name for p in raw.iterdir()) == sorted(f"{stem}.gz" for stem in data.FILES.values())
    with gzip.open(raw / "train-labels-idx1-ubyte.gz") as labels:
        assert labels.read(4) == bytes([0, 0, 8, 1])
    arrays = data.read_folder(raw)
    assert len(arrays["train", "images"]) == 120 and len(arrays["test", "labels"]) == 40
    assert "MNIST: 120 training and 40 test images" in bundled.check(bundle_data)


def test_stage_copies_gzipped_files_and_accepts_a_torchvision_root(tmp_path, bundle_data):
    again = bundled.stage(bundle_data, tmp_path / "again", "mnist")  # <root>/MNIST/raw, .gz already
    for path in (bundle_data / "MNIST" / "raw").iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes()


def test_stage_refuses_a_bad_folder_before_writing_anything(tmp_path):
    source = synthetic.write_folder(tmp_path / "bad", n_train=50, n_test=20)
    (source / "t10k-labels-idx1-ubyte").write_bytes(b"\x00\x00\x08\x01\x00\x00\x00\x05ab")  # 5 labels, 2 there
    with pytest.raises(DataError, match="t10k-labels"):
        bundled.stage(source, tmp_path / "out", "mnist")
    assert not (tmp_path / "out").exists()
    with pytest.raises(DataError):
        bundled.stage(tmp_path / "nowhere", tmp_path / "out", "mnist")


def test_first_start_imports_what_is_missing_then_leaves_it(bundle_data, app_home):
    root = paths.datasets_dir(app_home)
    [first] = bundled.install_missing(root, bundle_data)
    assert first.status == "imported" and "120 training and 40 test images" in first.message
    assert data.is_available(root, "mnist")
    assert len(data.load_dataset(root, "mnist").train) == 120

    [second] = bundled.install_missing(root, bundle_data)
    assert second.status == "present"

    (data.raw_folder(root, "mnist") / "train-images-idx3-ubyte").unlink()  # a learner deleted a file
    [third] = bundled.install_missing(root, bundle_data)
    assert third.status == "imported" and data.is_available(root, "mnist")


def test_default_data_folder_and_no_bundle(bundle_data, app_home):
    assert bundled.bundle_dir() is None and bundled.bundled_data_dir() is None  # not frozen: from source
    assert bundled.install_missing() == []
    [outcome] = bundled.install_missing(source=bundle_data)  # the data folder under LORA_STUDIO_HOME
    assert outcome.status == "imported" and data.is_available(paths.datasets_dir(), "mnist")


def test_frozen_app_finds_its_bundled_data(bundle_data, monkeypatch):
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(bundle_data.parent), raising=False)
    assert bundled.bundle_dir() == bundle_data.parent
    assert bundled.bundled_data_dir() == bundle_data
    monkeypatch.setattr("sys._MEIPASS", str(bundle_data), raising=False)  # a bundle built without DATA
    assert bundled.bundled_data_dir() is None


def test_a_damaged_bundle_is_reported_not_raised_and_writes_nothing(bundle_data, app_home):
    root = paths.datasets_dir(app_home)
    (bundle_data / "MNIST" / "raw" / "t10k-images-idx3-ubyte.gz").write_bytes(b"not gzip")
    [outcome] = bundled.install_missing(root, bundle_data)
    assert outcome.status == "failed" and "t10k-images" in outcome.message
    assert not data.raw_folder(root, "mnist").exists()
    with pytest.raises(DataError, match="t10k-images"):
        bundled.check(bundle_data)
    with pytest.raises(DataError, match="holds no data set"):
        bundled.check(root)


def test_command_line_installs_bundled_data_first(bundle_data, monkeypatch, capsys):
    from lora_studio.cli import main

    monkeypatch.setattr(bundled, "bundled_data_dir", lambda: bundle_data)
    assert main(["data", "list"]) == 0
    captured = capsys.readouterr()
    assert "imported the bundled MNIST" in captured.err
    assert data.is_available(paths.datasets_dir(), "mnist")
    assert main(["data", "list"]) == 0
    assert "imported" not in capsys.readouterr().err  # once is enough


def test_self_test_checks_bundled_data(bundle_data, monkeypatch):
    reports = []

    def no_generated_data(*_args):
        raise RuntimeError("stop here")  # the checks after it train: not needed to see the bundled check

    monkeypatch.setattr(selftest, "_data", no_generated_data)
    assert not selftest.run_self_test(lambda *report: reports.append(report), bundled_data=bundle_data)
    names = [name for name, _ok, _detail in reports]
    assert names[:3] == ["import torchvision", "bundled data: validate the IDX files",
                         "data: write, validate and import IDX files"]
    assert reports[1][1] and "120 training" in reports[1][2]
