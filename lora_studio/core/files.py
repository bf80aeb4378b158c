"""Files that survive crashes: atomic writes, fsync, an advisory lock, and folders replaced whole.

`swap_folder` is the pattern the model library and the data-set import share: the
new folder is written beside the old one (`staged_folder`), then swapped in by two
renames, target → aside and staging → target; the old version is removed only once
the new one is in place. A crash between the renames leaves the aside folder and
no target; `recover_swap` puts it back. A crash before them leaves a staging folder,
which each caller clears when it knows no writer is using it.
Standard library only: every layer of the core may use it.
"""

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; recovery then assumes one process writes at a time
    fcntl = None  # type: ignore[assignment]

LOCK = ".lock"  # the lock file `folder_lock` creates in the folder it guards


def write_synced(path: Path, *chunks: bytes | memoryview) -> None:
    """Write `chunks` to a new file at `path` and flush them to the disk before returning."""
    with open(path, "wb") as out:
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def atomic_write(path: Path, payload: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (names created, renamed or removed in it) to the disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a folder (Windows)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def folder_lock(folder: Path, exclusive: bool) -> Iterator[bool]:
    """Hold `folder`'s lock: shared (writers, waiting for it) or exclusive (recovery, only if free at once).

    Yields whether it is held. The kernel drops the lock of a killed process, so a crash never leaves
    it taken. Where there are no advisory locks, or the lock file cannot be made (a read-only folder,
    where nobody can be writing), it yields True without locking.
    """
    if fcntl is None:
        yield True
        return
    try:
        fd = os.open(Path(folder) / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB if exclusive else fcntl.LOCK_SH)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


@contextlib.contextmanager
def staged_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new empty folder in `parent` whose name starts with `prefix`, removed again if the block fails."""
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_folder(staging: Path, target: Path, aside: Path) -> None:
    """Make the complete folder `staging` the new `target`; the previous target, if any, goes via `aside`.

    An OSError before the commit (the rename of `staging`) is raised with the previous target put back;
    after it nothing is reported as failed: the swap happened, and the previous version is gone.
    """
    try:
        fsync_dir(staging)
        if target.exists():
            shutil.rmtree(aside, ignore_errors=True)
            target.rename(aside)
        staging.rename(target)  # the commit point: from here on the new version is the target
    except OSError:
        recover_swap(target, aside)
        raise
    try:
        fsync_dir(target.parent)
    except OSError:
        pass
    shutil.rmtree(aside, ignore_errors=True)


def recover_swap(target: Path, aside: Path) -> None:
    """Finish or undo a `swap_folder` that a crash interrupted: put `aside` back, or remove it once superseded."""
    if not aside.is_dir():
        return
    try:
        if target.exists():
            shutil.rmtree(aside)  # the swap was done, its clean-up was not
        else:
            aside.rename(target)  # the new version never made it: keep the previous one
    except OSError:
        pass  # a read-only folder: it stays as it is (the caller reports the target missing)
