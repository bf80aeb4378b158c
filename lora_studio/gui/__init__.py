"""The desktop app (PySide6 + pyqtgraph). Imports the core; the core never imports it.

app.py starts it; main_window.py wires the tabs (tabs/, which never import each
other) to the shared AppState (state.py); worker.py owns the only thread.
"""
