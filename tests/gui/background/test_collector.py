"""Garbage is collected in the GUI thread while the window is open (gui/background/collector.py says why)."""

import gc
import threading

from PySide6.QtWidgets import QWidget


def test_garbage_made_while_the_worker_allocates_is_collected_in_the_gui_thread(make_window, qtbot):
    window = make_window(wait_ready=False)
    threads: list[str] = []

    def note(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        widget = QWidget()
        widget.cycle = widget  # a Qt object only the cyclic collector can free, as a dialog in a cycle is
        del widget

        def allocate():  # far past generation 0's threshold: automatic collection would run right here
            junk = []
            for _ in range(50_000):
                junk.append([[]])

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: "MainThread" in threads, timeout=5_000)
        assert "worker" not in threads
    finally:
        gc.callbacks.remove(note)
    window.close()
    assert gc.isenabled()  # the last window closed: Python collects by itself again


def test_what_lives_as_long_as_the_app_is_left_out_of_collections_once_the_core_is_loaded(make_window, qtbot):
    """A full collection walks every object: PyTorch and the window are set aside (gc.freeze) when the core has
    loaded, garbage made later is still collected in the GUI thread, and closing hands everything back."""
    assert gc.get_freeze_count() == 0
    window = make_window()
    assert gc.get_freeze_count() > 0  # modules, classes and the window: not walked by every full collection
    collected = []
    gc.callbacks.append(lambda phase, info: phase == "stop" and collected.append(
        (info["collected"], threading.current_thread().name)))
    try:
        widget = QWidget()
        widget.cycle = widget  # garbage made after the core loaded
        del widget
        junk = [[] for _ in range(5_000)]  # past generation 0's threshold
        qtbot.waitUntil(lambda: any(count > 0 for count, _ in collected), timeout=5_000)
        assert {name for _, name in collected} == {"MainThread"} and junk
    finally:
        gc.callbacks.pop()
    window.close()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
