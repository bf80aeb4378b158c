"""Download MNIST, Fashion-MNIST or KMNIST from torchvision's mirrors, with progress and cancel.

torchvision knows the mirrors, file names and checksums; we stream the files
ourselves so that a progress callback and a cancel check can run between
chunks, then hand the folder to the same validated import as a local folder.
"""

import contextlib
import shutil
import socket
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from lora_studio.core.data import datasets as data
from lora_studio.core.errors import Cancelled, DataError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text

CHUNK = 64 * 1024
TIMEOUT_S = 20
CANCEL_POLL_S = 0.1  # how often a download waiting on the network looks whether it was cancelled
CANCELLED = QT_TRANSLATE_NOOP("errors", "download cancelled")


def download(
    name: str,
    root: Path,
    progress: Callable[[float, str], None] = lambda fraction, status: None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> data.Dataset:
    """Fetch the four files of `name`, check their md5, validate and install them under `root`."""
    from torchvision import datasets
    from torchvision.datasets.utils import check_integrity

    info = data.dataset_info(name)
    source = getattr(datasets, info.folder)
    try:
        Path(root).mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".download-", dir=root))
    except OSError as exc:
        raise _disk_error(Path(root), exc) from None
    try:
        for index, (filename, md5) in enumerate(source.resources):
            def file_progress(fraction, index=index, filename=filename):
                progress((index + fraction) / len(source.resources),
                         Text(QT_TRANSLATE_NOOP("core", "Downloading {0}"), filename))

            path = staging / filename
            _fetch_from_mirrors(source.mirrors, filename, path, file_progress, is_cancelled)
            if not check_integrity(str(path), md5):
                raise DataError(QT_TRANSLATE_NOOP(
                    "errors", "{0}: the download is damaged (checksum mismatch); try again"), filename)
        progress(1.0, Text(QT_TRANSLATE_NOOP("core", "Checking and installing the files")))
        return data.import_folder(staging, root, name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fetch_from_mirrors(mirrors, filename, path, progress, is_cancelled) -> None:
    failures = []
    for mirror in mirrors:
        if is_cancelled():  # not the next mirror once cancelled (each may wait TIMEOUT_S)
            raise Cancelled(CANCELLED)
        try:
            _fetch(mirror + filename, path, progress, is_cancelled)
            return
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            if is_cancelled():  # the connection was hung up on by _hang_up_when_cancelled
                raise Cancelled(CANCELLED) from None
            reason = getattr(exc, "reason", exc)  # the mirror's or the network's own words
            failures.append(f"{mirror}: {os_reason(reason) if isinstance(reason, OSError) else reason}")
    raise DataError(QT_TRANSLATE_NOOP(
        "errors", "could not download {0} ({1}). If this computer is offline, use “Import folder…” (or "
        "`lora-studio data import FOLDER`) with the four IDX files."), filename, "; ".join(failures))


def _fetch(url: str, path: Path, progress, is_cancelled) -> None:
    """Stream `url` into `path`. Network trouble raises OSError (try the next mirror); a disk that
    cannot take the file raises DataError at once (it used to be blamed on the network)."""
    request = urllib.request.Request(url, headers={"User-Agent": "lora-studio"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response, \
            _hang_up_when_cancelled(response, is_cancelled):
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        try:
            out = open(path, "wb")
        except OSError as exc:
            raise _disk_error(path.parent, exc) from None
        with out:
            while chunk := response.read(CHUNK):
                if is_cancelled():
                    raise Cancelled(CANCELLED)
                try:
                    out.write(chunk)
                except OSError as exc:
                    raise _disk_error(path.parent, exc) from None
                done += len(chunk)
                if total:
                    progress(min(done / total, 1.0))
            if is_cancelled():  # the read ended because the connection was hung up on
                raise Cancelled(CANCELLED)
            try:
                out.flush()
            except OSError as exc:
                raise _disk_error(path.parent, exc) from None


@contextlib.contextmanager
def _hang_up_when_cancelled(response, is_cancelled):
    """Shut the connection down as soon as the download is cancelled, which ends a read waiting on it.

    A mirror that stops sending left the read blocked for TIMEOUT_S, and then the next mirror was
    tried: cancelling, or closing the window (which waits for the download to end), took 40 s.
    """
    finished = threading.Event()

    def watch():
        while not finished.wait(CANCEL_POLL_S):
            if is_cancelled():
                with contextlib.suppress(OSError, ValueError):
                    connection = socket.socket(fileno=response.fileno())  # the same socket, not a copy
                    try:
                        connection.shutdown(socket.SHUT_RDWR)
                    finally:
                        connection.detach()  # the response still owns and closes it
                return

    watcher = threading.Thread(target=watch, name="download-cancel-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        finished.set()
        watcher.join()


def _disk_error(folder: Path, exc: OSError) -> DataError:
    return DataError(QT_TRANSLATE_NOOP("errors", "could not write the download into {0}: {1}"), folder,
                     os_reason(exc))
