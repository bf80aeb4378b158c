"""Remembered settings (QSettings): window geometry and the last value of each control.

`bind` restores a widget's value and saves every change, so nothing depends on
closing the window cleanly. Settings carry a version; `migrate` drops what an
older layout stored rather than feeding a control a value it no longer means.
Tests point QSettings at a temporary folder (tests/gui/conftest.py).
"""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QWidget

ORGANISATION = "LoRA Studio"
APPLICATION = "LoRA Studio"
VERSION = 1


def open_settings() -> QSettings:
    # the default format (native unless changed): tests switch it to INI files in a temp folder
    settings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    migrate(settings)
    return settings


def migrate(settings: QSettings) -> None:
    stored = settings.value("settingsVersion", None)
    if stored is not None and str(stored) != str(VERSION):
        settings.clear()  # version 1 is the first layout: anything else is from a build we cannot read
    settings.setValue("settingsVersion", VERSION)


def bind(settings: QSettings, key: str, widget: QWidget) -> None:
    """Restore `widget` from `key` (if stored and valid) and store each change."""
    stored = settings.value(key, None)
    if isinstance(widget, QCheckBox):
        if stored is not None:
            widget.setChecked(str(stored).lower() in ("true", "1"))
        widget.toggled.connect(lambda checked: settings.setValue(key, bool(checked)))
    elif isinstance(widget, QDoubleSpinBox):
        if stored is not None:
            try:
                widget.setValue(float(stored))
            except (TypeError, ValueError):
                pass
        widget.valueChanged.connect(lambda value: settings.setValue(key, float(value)))
    elif isinstance(widget, QSpinBox):
        if stored is not None:
            try:
                widget.setValue(int(stored))
            except (TypeError, ValueError):
                pass
        widget.valueChanged.connect(lambda value: settings.setValue(key, int(value)))
    elif isinstance(widget, QComboBox):
        if stored is not None:
            index = widget.findData(str(stored))
            if index >= 0:
                widget.setCurrentIndex(index)
        widget.currentIndexChanged.connect(lambda _index: settings.setValue(key, widget.currentData()))
    else:
        raise TypeError(f"cannot remember a {type(widget).__name__}")
