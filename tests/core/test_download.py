"""The download path against a local HTTP server: progress, checksums, cancel, and the offline message."""

import gzip
import hashlib
import http.server
import threading

import pytest
from torchvision import datasets

from lora_studio.core.data import datasets as data
from lora_studio.core.data import download, synthetic
from lora_studio.core.errors import Cancelled, DataError


@pytest.fixture()
def mirror(tmp_path, monkeypatch):
    """Serve generated .gz files over HTTP and point torchvision's MNIST resources at them."""
    served = tmp_path / "served"
    resources = []
    for key, array in synthetic.make_arrays(300, 100).items():
        payload = gzip.compress(synthetic.idx_bytes(array))
        name = f"{data.FILES[key]}.gz"
        (served / name).parent.mkdir(exist_ok=True)
        (served / name).write_bytes(payload)
        resources.append((name, hashlib.md5(payload).hexdigest()))

    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(served), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(datasets.MNIST, "mirrors", ["http://127.0.0.1:1/", f"http://127.0.0.1:{server.server_port}/"])
    monkeypatch.setattr(datasets.MNIST, "resources", resources)
    yield served
    server.shutdown()


def test_download_reports_progress_and_installs_the_data(mirror, tmp_path):
    fractions = []
    dataset = download.download("mnist", tmp_path / "root", lambda f, status: fractions.append(f))
    assert len(dataset.train) == 300 and data.is_available(tmp_path / "root", "mnist")
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert not [p for p in (tmp_path / "root").iterdir() if p.name.startswith(".download-")]


def test_a_damaged_download_is_refused(mirror, tmp_path):
    (mirror / "t10k-labels-idx1-ubyte.gz").write_bytes(b"tampered")
    with pytest.raises(DataError, match="checksum"):
        download.download("mnist", tmp_path / "root")
    assert not data.is_available(tmp_path / "root", "mnist")


def test_cancelling_stops_the_download(mirror, tmp_path):
    with pytest.raises(Cancelled):
        download.download("mnist", tmp_path / "root", is_cancelled=lambda: True)
    assert not data.is_available(tmp_path / "root", "mnist")


def test_offline_points_to_importing_a_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets.MNIST, "mirrors", ["http://127.0.0.1:1/"])
    with pytest.raises(DataError, match="Import folder"):
        download.download("mnist", tmp_path / "root")
