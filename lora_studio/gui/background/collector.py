"""Python's cyclic garbage collection, done in the GUI thread only while the window is open, and kept short there.

The collector runs in whichever thread happens to allocate past its threshold. When that is the worker and
the garbage holds a Qt object (a dialog or widget left in a reference cycle), the object is destroyed in the
worker: Qt forbids it, and PySide then waits for the interpreter lock the collecting thread already holds, so
the worker hangs for good (seen here in the test suite: the worker stuck in `gc_collect_main` →
`~QObject` → `Shiboken::GilState::acquire`). So, as Camelot and other PySide apps with worker threads do,
automatic collection is switched off while a window is open and a timer in the GUI thread collects instead,
each generation as soon as the collector's own thresholds say it would have.

What a collection costs is the number of objects it walks, and the GUI thread draws nothing meanwhile. Two
things keep that small:
- the timer looks often, so a young generation is collected while it is still young, not after the worker
  (importing a module in the middle of a job) has made tens of thousands of objects;
- once PyTorch and the core are loaded, `settle()` moves every object then alive into the permanent generation
  (`gc.freeze`): modules, classes and the window, which live as long as the process, are not walked again by
  every full collection. Garbage made later is collected as before; closing the window unfreezes them.
"""

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 50  # how soon garbage made by the worker is looked at; a look costs microseconds
_windows_open = 0  # windows collecting for the process: automatic collection is back when the last one closes


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        global _windows_open
        _windows_open += 1
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()
        self._stopped = False

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is past its threshold (what automatic collection does)."""
        counts = gc.get_count()
        due = [generation for generation in range(3) if counts[generation] > self.thresholds[generation]]
        if due:
            gc.collect(due[-1])

    def stop(self) -> None:
        """The window closed and its worker was joined: collect what is left here, then hand back to Python."""
        global _windows_open
        if self._stopped:
            return
        self._stopped = True
        self.timer.stop()
        gc.unfreeze()  # what `settle` set aside may be garbage now that the window is gone
        gc.collect()
        _windows_open -= 1
        if _windows_open == 0:
            gc.enable()


def settle() -> None:
    """The app's long-lived objects are made (PyTorch and the core are loaded): later full collections leave
    every object alive now out (gc.freeze). Only while a window collects: elsewhere Python's own collector runs,
    and freezing would only hide garbage from it."""
    if _windows_open:
        gc.freeze()
