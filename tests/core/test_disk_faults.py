"""A full or read-only disk: a clear error, no partial files, and earlier data and models kept.

Two ways of making the disk misbehave:
- `disk_faults.DiskFault` (works everywhere, also as root): the n-th file-system operation under a
  folder fails with ENOSPC ("full") or EROFS ("read-only"), and every later one too; the tests try
  every n an operation has;
- a real tmpfs, tiny or remounted read-only (only where this process may mount: root with
  CAP_SYS_ADMIN; skipped elsewhere), and chmod for a non-root user: the kernel's own errors.
Covered: data import, model save (new and overwrite), rename, the JSON output of the command line,
export of merged weights, and the command line's messages (one line, exit code 2).
"""

import contextlib
import dataclasses
import errno
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from disk_faults import DiskFault, can_mount, count_operations, snapshot, tmpfs

from lora_studio.cli import main
from lora_studio.core import config as cfg
from lora_studio.core.data import datasets as data
from lora_studio.core.data import synthetic
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.errors import DataError, StorageError
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord

pytestmark = pytest.mark.fuzz
KINDS = ["full", "read-only"]
REASON = {"full": "No space left on device", "read-only": "Read-only file system"}


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue(), err.getvalue()


def assert_one_line(code, err, *mentions):
    assert code == 2, (code, err)
    assert err.startswith("lora-studio: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for text in mentions:
        assert text in err, err


# --- data import -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("disk-sources")
    return [synthetic.write_folder(folder / f"s{i}", 50 + i, 20, seed=i) for i in range(2)]


@pytest.mark.parametrize("kind", KINDS)
def test_import_on_a_failing_disk_keeps_the_earlier_import(kind, sources, tmp_path):
    root = tmp_path / "datasets"
    data.import_folder(sources[0], root, "mnist")
    before = snapshot(root)
    scratch = tmp_path / "scratch"
    shutil.copytree(root, scratch)
    operations = count_operations(scratch, kind, lambda: data.import_folder(sources[1], scratch, "mnist"))
    assert operations >= 6
    for start in range(1, operations + 1):
        with DiskFault(root, kind, start):
            try:
                data.import_folder(sources[1], root, "mnist")
            except DataError as exc:
                message = str(exc)
                assert "\n" not in message and REASON[kind] in message, message
                outcome = "refused"
            else:
                outcome = "imported"  # the disk failed only after the new data set was in place
        after = snapshot(root)
        if outcome == "refused":
            stranded = [p for p in (root / "MNIST").glob(".import-*")]
            if kind == "read-only" and stranded:  # it turned read-only with the staging folder made
                for folder in stranded:
                    os.utime(folder, (0, 0))  # as if long ago: the next look at the data cleans it up
                assert data.is_available(root, "mnist")
                after = snapshot(root)
            assert after == before, f"{kind} disk at operation {start}: the earlier import changed"
        else:
            assert data.load_dataset(root, "mnist").train.labels.numel() == 51  # (cleans up raw.old)
            assert not [p for p in (root / "MNIST").iterdir() if p.name != "raw"], "leftovers"
            data.import_folder(sources[0], root, "mnist")
            assert snapshot(root) == before


def test_import_into_a_data_folder_that_cannot_be_created(tmp_path, sources):
    """The data folder itself cannot be made: mkdir failed before any try and escaped as OSError."""
    with DiskFault(tmp_path, "read-only"):
        with pytest.raises(DataError, match="Read-only file system"):
            data.import_folder(sources[0], tmp_path / "datasets", "mnist")


# --- model library ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def models():
    torch.manual_seed(0)
    base = MnistCNN()
    base_record = ModelRecord(kind="base", name="Base", dataset="mnist", model=base.config, train=cfg.TrainConfig())
    tuned = MnistCNN(cfg.ModelConfig(feature_dim=1))
    lora_config = cfg.LoraConfig(rank=2)
    lora.apply_lora(tuned, lora_config)
    tuned_record = ModelRecord(kind="feature_lora", name="Tuned", dataset="mnist", model=tuned.config,
                               train=cfg.TrainConfig(), lora=lora_config,
                               features=FeatureScaler(("brightness",), (0.1,), (0.05,)))
    return {"base": (base, base_record), "lora": (tuned, tuned_record)}


def fresh(record: ModelRecord) -> ModelRecord:
    return dataclasses.replace(record, id="", created="", versions={})


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("what", ["new", "overwrite"])
def test_save_on_a_failing_disk_keeps_the_library_as_it_was(kind, what, models, tmp_path):
    root = tmp_path / "models"
    library = ModelLibrary(root)
    model, record = models["lora"]
    library.save(*models["base"], "kept")
    if what == "overwrite":
        library.save(model, fresh(record), "m")
    target_id = "m" if what == "overwrite" else "new-one"
    before = snapshot(root)
    scratch = tmp_path / "scratch"
    shutil.copytree(root, scratch)
    operations = count_operations(scratch, kind, lambda: ModelLibrary(scratch).save(model, fresh(record), target_id))
    assert operations >= 10
    for start in range(1, operations + 1):
        with DiskFault(root, kind, start):
            try:
                library.save(model, fresh(record), target_id)
                saved = True
            except StorageError as exc:
                assert "\n" not in str(exc) and REASON[kind] in str(exc) and target_id in str(exc), str(exc)
                saved = False
            hidden = [p.name for p in root.iterdir() if p.name.startswith(".") and p.name != ".lock"]
        if not saved:
            if kind == "full":  # deleting works on a full disk: nothing may be left behind
                assert not hidden, f"operation {start}: {hidden} left behind"
            library.list()  # recovery (with the disk working again)
            assert snapshot(root) == before, f"{kind} disk at operation {start}: the library changed"
        else:  # the disk failed only in the clean-up after the new version was in place
            assert {e.id for e in library.list()} == {"kept", "m", target_id} - ({"m"} if what == "new" else set())
            library.load(target_id)
            if what == "new":
                library.delete(target_id)
            before = snapshot(root)
        for entry in library.list():
            assert entry.record is not None
            library.load(entry.id)


def test_rename_on_a_full_disk_keeps_the_config(models, tmp_path):
    library = ModelLibrary(tmp_path / "models")
    library.save(*models["base"], "m")
    before = snapshot(library.root)
    for start in (1, 2, 3):
        with DiskFault(library.root, "full", start), pytest.raises(StorageError, match="No space left"):
            library.rename("m", "New name")
        assert snapshot(library.root) == before


def test_a_library_folder_that_cannot_be_read_is_a_storage_error(models, tmp_path, monkeypatch):
    """list() called iterdir unguarded: PermissionError escaped and `models list` showed a traceback."""
    library = ModelLibrary(tmp_path / "models")
    library.save(*models["base"], "m")

    def refuse(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(StorageError, match="Permission denied"):
        library.list()


# --- the command line -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_cli_import_on_a_failing_disk_is_one_line(kind, sources, app_home):
    assert run("data", "import", sources[0])[0] == 0
    before = snapshot(app_home / "datasets")
    with DiskFault(app_home, kind):
        code, out, err = run("data", "import", sources[1])
    assert_one_line(code, err, REASON[kind])
    assert snapshot(app_home / "datasets") == before


@pytest.mark.parametrize("kind", KINDS)
def test_cli_json_output_and_export_on_a_failing_disk(kind, models, app_home, tmp_path):
    ModelLibrary(app_home / "models").save(*models["lora"], "m")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "list.json").write_text("[]\n")
    (out_dir / "merged.safetensors").write_bytes(b"earlier")
    before = snapshot(out_dir)
    with DiskFault(out_dir, kind):
        code, _, err = run("models", "list", "--json", out_dir / "list.json")
        assert_one_line(code, err, "list.json", REASON[kind])
        code, _, err = run("models", "export", "m", "--merged", out_dir / "merged.safetensors")
        assert_one_line(code, err, "merged.safetensors", REASON[kind])
        code, _, err = run("models", "export", "m", "--merged", out_dir)
        assert_one_line(code, err, REASON[kind])
    assert snapshot(out_dir) == before, "a failed write left a partial or temporary file"


@pytest.mark.parametrize("kind", KINDS)
def test_cli_training_whose_model_cannot_be_saved_is_one_line(kind, tiny_root, app_home, models):
    ModelLibrary(app_home / "models").save(*models["base"], "kept")
    before = snapshot(app_home / "models")
    with DiskFault(app_home / "models", kind):
        code, _, err = run("train-base", "--data-dir", tiny_root, "--offline", "--epochs", 1, "--limit", 100,
                           "--batch-size", 50)
    # stderr also holds the progress bars of the training that came first: the error is its last line
    assert code == 2 and "Traceback" not in err
    (line,) = [line for line in err.splitlines() if line.startswith("lora-studio:")]
    assert err.rstrip().endswith(line) and "could not save model" in line and REASON[kind] in line, err
    assert snapshot(app_home / "models") == before


# --- the kernel's own errors ---------------------------------------------------------------------------


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")
def test_a_real_full_disk(tmp_path, sources, models, monkeypatch):
    with tmpfs(tmp_path / "disk", 512) as disk:
        home = disk / "home"
        monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
        assert run("data", "import", sources[0])[0] == 0
        ModelLibrary(home / "models").save(*models["base"], "kept")
        filler = disk / "filler"
        with open(filler, "wb") as out:  # fill the disk up
            try:
                while True:
                    out.write(bytes(16384))
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        before = snapshot(home)
        code, _, err = run("data", "import", sources[1])
        assert_one_line(code, err, "No space left on device")
        with pytest.raises(StorageError, match="No space left on device"):
            ModelLibrary(home / "models").save(*models["lora"], "new")
        code, _, err = run("models", "export", "kept", "--merged", disk / "merged.safetensors")
        assert_one_line(code, err, "No space left on device")
        code, _, err = run("models", "list", "--json", disk / "list.json")
        assert_one_line(code, err, "No space left on device")
        filler.unlink()
        assert snapshot(home) == before
        assert not (disk / "merged.safetensors").exists() and not (disk / "list.json").exists()
        assert data.load_dataset(home / "datasets", "mnist").train.labels.numel() == 50


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")
def test_a_real_read_only_disk(tmp_path, sources, models, monkeypatch):
    with tmpfs(tmp_path / "disk", 4096) as disk:
        home = disk / "home"
        monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
        assert run("data", "import", sources[0])[0] == 0
        ModelLibrary(home / "models").save(*models["base"], "kept")
        before = snapshot(home)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        code, _, err = run("data", "import", sources[1])
        assert_one_line(code, err, "Read-only file system")
        code, out, err = run("models", "list")
        assert code == 0 and "kept" in out, err
        code, _, err = run("models", "rename", "kept", "x")
        assert_one_line(code, err, "Read-only file system")
        code, _, err = run("models", "delete", "kept")
        assert_one_line(code, err, "Read-only file system")
        code, _, err = run("models", "export", "kept", "--merged", disk / "merged.safetensors")
        assert_one_line(code, err, "Read-only file system")
        with pytest.raises(StorageError, match="Read-only file system"):
            ModelLibrary(home / "models").save(*models["lora"], "new")
        assert snapshot(home) == before
        ModelLibrary(home / "models").load("kept")


@pytest.mark.skipif(os.geteuid() == 0 or sys.platform == "win32", reason="root writes despite chmod")
def test_a_folder_without_write_permission(tmp_path, sources, models, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
    assert run("data", "import", sources[0])[0] == 0
    ModelLibrary(home / "models").save(*models["base"], "kept")
    before = snapshot(home)
    for folder in (home / "datasets" / "MNIST", home / "models"):
        folder.chmod(0o555)
    try:
        code, _, err = run("data", "import", sources[1])
        assert_one_line(code, err, "Permission denied")
        with pytest.raises(StorageError, match="Permission denied"):
            ModelLibrary(home / "models").save(*models["lora"], "new")
    finally:
        for folder in (home / "datasets" / "MNIST", home / "models"):
            folder.chmod(0o755)
    assert snapshot(home) == before


def test_the_fault_helper_really_fails_writes(tmp_path):
    with DiskFault(tmp_path, "full"):
        with pytest.raises(OSError) as error:
            (tmp_path / "x").write_text("x")
        assert error.value.errno == errno.ENOSPC
        (tmp_path.parent / f"{tmp_path.name}-outside").write_text("fine")  # other folders work
    with DiskFault(tmp_path, "read-only"), pytest.raises(OSError, match="Read-only"):
        json.dump({}, open(tmp_path / "y.json", "w"))


# --- download ------------------------------------------------------------------------------------------


@pytest.fixture()
def mirror(tmp_path, monkeypatch):
    """Generated .gz files served over HTTP on this machine, as torchvision's MNIST mirror."""
    import gzip
    import hashlib
    import http.server
    import threading

    from torchvision import datasets

    served = tmp_path / "served"
    served.mkdir()
    resources = []
    for key, array in synthetic.make_arrays(60, 20, seed=5).items():
        payload = gzip.compress(synthetic.idx_bytes(array))
        (served / f"{data.FILES[key]}.gz").write_bytes(payload)
        resources.append((f"{data.FILES[key]}.gz", hashlib.md5(payload).hexdigest()))
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(served), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(datasets.MNIST, "mirrors", [f"http://127.0.0.1:{server.server_port}/"])
    monkeypatch.setattr(datasets.MNIST, "resources", resources)
    yield served
    server.shutdown()


@pytest.mark.parametrize("kind", KINDS)
def test_download_onto_a_failing_disk_says_so_and_keeps_the_earlier_data(kind, mirror, sources, tmp_path):
    """The data folder's mkdir escaped as OSError; a failed write was blamed on the network ('offline?')."""
    from lora_studio.core.data import download

    root = tmp_path / "datasets"
    data.import_folder(sources[0], root, "mnist")
    before = snapshot(root)
    scratch = tmp_path / "scratch"
    shutil.copytree(root, scratch)
    operations = count_operations(scratch, kind, lambda: download.download("mnist", scratch))
    for start in range(1, operations + 1):
        with DiskFault(root, kind, start):
            try:
                download.download("mnist", root)
                done = True
            except DataError as exc:
                assert REASON[kind] in str(exc) and "offline" not in str(exc), str(exc)
                done = False
        if done:  # only the clean-up after the new data was in place failed
            assert data.load_dataset(root, "mnist").train.labels.numel() == 60
            data.import_folder(sources[0], root, "mnist")
        for stranded in [*root.glob(".download-*"), *(root / "MNIST").glob(".import-*")]:
            assert kind == "read-only", f"operation {start}: {stranded.name} left on a disk that can delete"
            os.utime(stranded, (0, 0))
        assert data.is_available(root, "mnist")  # (and cleans up what a read-only disk stranded)
        assert snapshot(root) == before, f"{kind} disk at operation {start}"

    with DiskFault(tmp_path, "read-only"), pytest.raises(DataError, match="Read-only"):
        download.download("mnist", tmp_path / "new-root")  # the data folder cannot even be made
