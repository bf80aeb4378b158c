"""Start the app: the window first, PyTorch afterwards.

`import torch` takes ~2.5 s here, pyqtgraph with NumPy ~0.5 s, a bare PySide6
window ~0.3 s. So the window is built from modules that import neither, shown;
then the plots are made (pyqtgraph), and only then does the worker thread
import PyTorch and the core ("Loading PyTorch…" in the status bar; the tabs enable themselves on
AppState.sigReady). `--quit-after-shown` reports how long the window took to
appear, counted from the start of the process, for the startup benchmark, and
shows each tab once before quitting (the bundle's smoke test). The language is
put in effect before the first widget is made (gui/i18n/language.py).
"""

import os
import sys
import time

_IMPORTED = time.perf_counter()


def process_age() -> float:
    """Seconds since this process started: from /proc on Linux, else since this module was imported."""
    try:
        with open("/proc/self/stat") as stat_file:
            stat = stat_file.read()
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])  # field 22, starttime, in clock ticks
        with open("/proc/uptime") as uptime_file:
            uptime = float(uptime_file.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


def application():
    """The QApplication, created once with the names QSettings uses."""
    from PySide6.QtWidgets import QApplication

    from lora_studio.gui.shared.settings import APPLICATION, ORGANISATION

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("LoRA Studio")
    app.setDesktopFileName("lora-studio")  # ties the windows to resources/lora-studio.desktop (Wayland, docks)
    app.setWindowIcon(app_icon())
    return app


def app_icon():
    """The application icon (package data lora_studio/resources/, also inside the bundle), every size drawn."""
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = files("lora_studio.resources")
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(folder / f"lora-studio-{size}.png"))
    return icon


def build_main_window(load: bool = True):
    """The main window, complete (a QApplication must exist). With `load`, PyTorch starts loading in the
    worker as soon as the event loop runs, so tests and tools get a window that becomes ready by itself."""
    from PySide6.QtCore import QTimer

    from lora_studio.gui.main_window import MainWindow

    window = MainWindow()
    window.build_plots()
    if load:
        QTimer.singleShot(0, window.state.load_core)
    return window


def no_display_message() -> str | None:
    """Why the window cannot open here, before Qt aborts the process with a plugin error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("lora-studio: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Run it in a desktop session, or use the command line: lora-studio --help")


def apply_language(app, language: str | None = None):
    """The window's language in effect before any widget exists (gui/i18n/language.py says how it is chosen)."""
    from lora_studio.gui.i18n import language as i18n
    from lora_studio.gui.shared.settings import open_settings

    installed = i18n.apply(i18n.chosen_language(open_settings(), language), app)
    for name in installed.missing:
        print(f"lora-studio: translation not found: {name}", file=sys.stderr)
    return installed


def visit_tabs(window) -> list[str]:
    """Show each tab once (what the bundle's smoke test asks for), then the one that was showing.
    An error while a tab is drawn prints its traceback, which the smoke test looks for."""
    from PySide6.QtWidgets import QApplication

    was, visited = window.tabs.currentIndex(), []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        visited.append(window.tabs.widget(index).objectName())
    window.tabs.setCurrentIndex(was)
    return visited


def run(quit_after_shown: bool = False, language: str | None = None) -> int:
    problem = no_display_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = application()
    installed = apply_language(app, language)
    from lora_studio.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()  # let the first frame be drawn before anything competes with it
    shown = process_age()
    window.build_plots()  # pyqtgraph and NumPy: ~0.5 s, now that the window is up
    if quit_after_shown:
        print(f"shown_after_s={shown:.3f}", flush=True)
        print(f"language={installed.language}", flush=True)

        def on_ended(kind, _status, _message):
            if kind == "load":
                print(f"ready_after_s={process_age():.3f}", flush=True)
                print(f"tabs_shown={','.join(visit_tabs(window))}", flush=True)
                window.close()

        window.state.sigJobEnded.connect(on_ended)
    window.state.load_core()
    return app.exec()
