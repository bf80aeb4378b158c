"""Remembered settings (QSettings): window geometry and the last value of each control.

`bind` restores a widget's value and saves every change, so nothing depends on
closing the window cleanly. Settings carry a version; `migrate` drops what an
older layout stored rather than feeding a control a value it no longer means.
A settings file is input like any other (another version wrote it, or a person
edited it): a stored value that is not a finite number is ignored, a number
outside a spinner's range is brought within it (`stored_number`).
Tests point QSettings at a temporary folder (tests/gui/conftest.py).
"""

import math

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QListWidget, QSpinBox, QWidget

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
    elif isinstance(widget, (QDoubleSpinBox, QSpinBox)):
        whole = isinstance(widget, QSpinBox)
        value = stored_number(stored, widget.minimum(), widget.maximum(), whole)
        if value is not None:
            widget.setValue(value)
        convert = int if whole else float
        widget.valueChanged.connect(lambda value: settings.setValue(key, convert(value)))
    elif isinstance(widget, QComboBox):
        if stored is not None:
            index = widget.findData(str(stored))
            if index >= 0:
                widget.setCurrentIndex(index)
        widget.currentIndexChanged.connect(lambda _index: settings.setValue(key, widget.currentData()))
    elif isinstance(widget, QListWidget):  # checkable items: the item data of the ticked ones, comma-separated
        items = [widget.item(i) for i in range(widget.count())]
        if isinstance(stored, str | list):  # an INI file gives "" for an empty list, or a list for several
            ticked = set(stored.split(",") if isinstance(stored, str) else map(str, stored)) - {""}
            for item in items:
                item.setCheckState(Qt.CheckState.Checked if str(item.data(Qt.ItemDataRole.UserRole)) in ticked
                                   else Qt.CheckState.Unchecked)
        widget.itemChanged.connect(lambda _item: settings.setValue(key, ",".join(
            str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked)))
    else:
        raise TypeError(f"cannot remember a {type(widget).__name__}")


def stored_number(stored, low: float, high: float, whole: bool = False) -> int | float | None:
    """A stored setting as a number within [low, high], or None when it is not a finite number.

    INI files give text, native formats may give ints or floats of any size. NaN used to reach a
    QDoubleSpinBox, which shows it as its maximum (a learning rate of 100); an int beyond 32 bits
    raised OverflowError in setValue while the window was being built.
    """
    if isinstance(stored, bool) or not isinstance(stored, (int, float, str)):
        return None
    try:
        number = float(stored)
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(number) or (whole and not number.is_integer()):
        return None
    number = min(max(number, low), high)
    return int(number) if whole else number
