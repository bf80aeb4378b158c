"""Stop and pause flags for long work, set from any thread and polled by the work itself.

Free of PyTorch on purpose: the window creates these before PyTorch has loaded.
"""

import threading


class TrainControl:
    """Stop and pause flags, set from any thread and polled by the loop once per batch."""

    def __init__(self):
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._held = threading.Event()  # set while the work stands still in wait_while_paused

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused loop must wake up to stop

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def held(self) -> bool:
        """Whether the work is standing still at a pause right now (`paused` says only that one was asked for)."""
        return self._held.is_set()

    def wait_until_held(self, timeout: float | None = None) -> bool:
        """Block until the work stands still at a pause; False if `timeout` seconds pass first."""
        return self._held.wait(timeout)

    def wait_while_paused(self) -> None:
        """Called by the work between two steps: return at once, or stand still while paused."""
        if self._running.is_set():
            return
        self._held.set()
        try:
            while not self._running.wait(timeout=0.1):
                pass
        finally:
            self._held.clear()
