"""Spin boxes whose limits come from core.config.RANGES, so the window accepts what the core accepts."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from lora_studio.core.config import RANGES


def int_spin(name: str, key: str, value: int, tip: str, step: int = 1) -> QSpinBox:
    """A spin box limited to core.config.RANGES[key]."""
    low, high = RANGES[key]
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(int(low), int(min(high, 2**31 - 1)))
    spin.setSingleStep(step)
    spin.setValue(value)
    spin.setToolTip(tip)
    spin.setGroupSeparatorShown(True)
    return spin


def lr_spin(name: str, value: float, tip: str) -> QDoubleSpinBox:
    low, high = RANGES["lr"]
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(6)
    spin.setRange(low, high)
    spin.setSingleStep(0.0005)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin


def subset_spin(name: str, tip: str) -> QSpinBox:
    """How many training images to use; 0 shows as "All"."""
    low, high = RANGES["limit"]
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, int(high))
    spin.setSpecialValueText(QCoreApplication.translate("spinners", "All"))
    spin.setSingleStep(1000)
    spin.setGroupSeparatorShown(True)
    spin.setToolTip(QCoreApplication.translate("spinners", "{0} ({1} or more; “All” uses the whole training set)")
                    .format(tip, int(low)))
    spin.editingFinished.connect(lambda: spin.setValue(max(spin.value(), int(low))) if spin.value() else None)
    return spin


def subset_value(spin: QSpinBox) -> int | None:
    """None for "All"; else at least the core's minimum, also for a value typed but not yet confirmed
    (the spinner goes down to 0 for "All", so 1 to 9 fit in it; started at once, the core refused them)."""
    if not spin.value():
        return None
    return max(spin.value(), int(RANGES["limit"][0]))
