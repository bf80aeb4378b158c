"""Make a folder behave like a read-only or a full disk, inside this process (for tests).

chmod cannot do it when the tests run as root (root writes anyway), and a real
small or read-only file system needs a mount. So the file-system calls Python
code goes through are wrapped: for paths under the faulty folder, from the n-th
mutating operation on, they raise OSError(EROFS) or OSError(ENOSPC) as the
kernel would:
- read-only: everything that changes the folder fails (open for writing, write,
  mkdir, rename, replace, unlink, rmdir, fsync);
- full: what needs space fails (open creating a file, write, fsync, mkdir);
  deleting and renaming still work, as on a real full disk.
Counting the operations of a clean run (`DiskFault(...).count`) gives every
point at which a disk can fill up, for tests that try each.
"""

import builtins
import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest import MonkeyPatch

SPACE = {"open", "write", "fsync", "mkdir"}
EVERYTHING = SPACE | {"rename", "replace", "unlink", "rmdir"}


def _fd_path(fd: int) -> str | None:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


class _FaultyFile:
    """A file object whose writes can fail."""

    def __init__(self, file, fault: "DiskFault", path: str):
        self._file, self._fault, self._path = file, fault, path

    def write(self, data):
        self._fault.operation("write", self._path)
        return self._file.write(data)

    def __enter__(self):
        self._file.__enter__()
        return self

    def __exit__(self, *exc):
        return self._file.__exit__(*exc)

    def __iter__(self):
        return iter(self._file)

    def __getattr__(self, name):
        return getattr(self._file, name)


class DiskFault:
    def __init__(self, folder: Path, kind: str = "full", start: int = 1):
        assert kind in ("full", "read-only")
        self.folder = os.path.realpath(folder)
        self.code = errno.ENOSPC if kind == "full" else errno.EROFS
        self.fails = SPACE if kind == "full" else EVERYTHING
        self.start = start
        self.count = 0
        self.log: list[str] = []

    def _under(self, path) -> bool:
        if path is None:
            return False
        path = os.path.realpath(os.fsdecode(path))
        return path == self.folder or path.startswith(self.folder + os.sep)

    def operation(self, kind: str, path) -> None:
        if not self._under(path) or kind not in self.fails:
            return
        self.count += 1
        self.log.append(f"{kind} {path}")
        if self.count >= self.start:
            raise OSError(self.code, os.strerror(self.code), os.fsdecode(path))

    def __enter__(self):
        self._patch = MonkeyPatch()
        real_open, real_os_open, real_fdopen = builtins.open, os.open, os.fdopen
        fault = self

        def _open(file, mode="r", *args, **kwargs):
            writing = isinstance(file, (str, bytes, os.PathLike)) and any(c in mode for c in "wax+")
            if writing:
                fault.operation("open", file)
            handle = real_open(file, mode, *args, **kwargs)
            return _FaultyFile(handle, fault, os.fsdecode(file)) if writing and fault._under(file) else handle

        def _os_open(path, flags, *args, **kwargs):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                fault.operation("open", _joined(path, kwargs.get("dir_fd")))
            return real_os_open(path, flags, *args, **kwargs)

        def _fdopen(fd, mode="r", *args, **kwargs):
            handle = real_fdopen(fd, mode, *args, **kwargs)
            path = _fd_path(fd)
            return _FaultyFile(handle, fault, path) if fault._under(path) and any(c in mode for c in "wa+") else handle

        def _wrap(name, kind, path_of):
            real = getattr(os, name)

            def wrapper(*args, **kwargs):
                fault.operation(kind, path_of(*args, **kwargs))
                return real(*args, **kwargs)
            self._patch.setattr(os, name, wrapper)

        def _joined(path, dir_fd=None):
            if dir_fd is None or os.path.isabs(os.fsdecode(path)):
                return path
            base = _fd_path(dir_fd)
            return None if base is None else os.path.join(base, os.fsdecode(path))

        self._patch.setattr(builtins, "open", _open)
        self._patch.setattr(io, "open", _open)  # what pathlib's write_text and open call
        self._patch.setattr(os, "open", _os_open)
        self._patch.setattr(os, "fdopen", _fdopen)
        _wrap("fsync", "fsync", lambda fd: _fd_path(fd if isinstance(fd, int) else fd.fileno()))
        _wrap("mkdir", "mkdir", lambda path, *a, dir_fd=None, **k: _joined(path, dir_fd))
        _wrap("rename", "rename", lambda src, dst, *a, **k: src)
        _wrap("replace", "replace", lambda src, dst, *a, **k: src)
        _wrap("unlink", "unlink", lambda path, *a, dir_fd=None, **k: _joined(path, dir_fd))
        _wrap("remove", "unlink", lambda path, *a, dir_fd=None, **k: _joined(path, dir_fd))
        _wrap("rmdir", "rmdir", lambda path, *a, dir_fd=None, **k: _joined(path, dir_fd))
        return self

    def __exit__(self, *exc):
        self._patch.undo()
        return False


def count_operations(folder: Path, kind: str, action) -> int:
    """How many operations `action()` does that a `kind` disk could refuse (it runs for real)."""
    with DiskFault(folder, kind, start=10**9) as fault:
        action()
    return fault.count


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder, hidden ones included, with its bytes (folders as None)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


# --- the kernel's own errors: a real tmpfs, where this process may mount one ---------------------------


def can_mount() -> bool:
    return sys.platform == "linux" and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(path: Path, size_kb: int):
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
