"""The model library as the window lists it: re-read only where a model's folder changed, from either thread.

Listing the library reads and checks two small JSON files per model (core/storage). The window lists it after
every job it announces, in the worker thread (AppState hands `refresh` to the runner as its work between
jobs), and on demand in the GUI thread (a tab shown, a rename in the library dialog). Either way the core's
listing reads again only the folders whose config.json or metrics.json changed since the last look (their
stat: inode, size, times; the library rewrites a file by replacing it): a look at an unchanged library costs a
directory scan and a few stats per model, and tells nobody anything.
"""

import os
import threading
from collections.abc import Callable
from pathlib import Path

FileStat = tuple[int, int, int, int] | None  # inode, size, mtime and ctime in ns; None: no such file
Signature = tuple[FileStat, FileStat]  # a model's config.json and metrics.json, as they are on disk


class LibraryListing:
    """The rows of a model library, kept up to date by `refresh`, which is safe to call from any thread."""

    def __init__(self, root: Path, rows: Callable[[list], list]):
        self.root = Path(root)
        self._rows = rows  # the core's entries (newest first) → what the views show; called under the lock
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[Signature, object]] = {}  # model id → (its signature, the core's Entry)
        self._generation = -1  # grows by one with each change; -1: not listed yet
        self._latest: list = []

    def refresh(self) -> tuple[int, list]:
        """Look at the library, have the core read again the folders that changed, and return the newest rows
        with their generation: the same number as last time when nothing changed. Raises the core's
        StorageError when the library folder cannot be read."""
        from lora_studio.core.storage.library import CONFIG, METRICS, ModelLibrary

        with self._lock:
            seen: dict[str, Signature] = {}
            root = str(self.root)

            def reuse(model_id: str):
                """The entry known for `model_id` when its files are as they were (looked at before reading)."""
                folder = os.path.join(root, model_id)
                seen[model_id] = signature = (_stat(os.path.join(folder, CONFIG)), _stat(os.path.join(folder, METRICS)))
                known = self._entries.get(model_id)
                return known[1] if known is not None and known[0] == signature else None

            entries = ModelLibrary(self.root).list(reuse)
            fresh = {entry.id: (seen[entry.id], entry) for entry in entries}
            unchanged = fresh.keys() == self._entries.keys() and all(
                fresh[key][1] is self._entries[key][1] for key in fresh)
            if self._generation < 0 or not unchanged:
                self._entries = fresh
                self._latest = self._rows(entries)
                self._generation += 1
            return self._generation, self._latest


def _stat(path: str) -> FileStat:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns
