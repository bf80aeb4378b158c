"""The desktop app (PySide6 + pyqtgraph). Imports the core; the core never imports it."""
