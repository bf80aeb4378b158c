"""Limits on input in the window: remembered settings (QSettings) holding anything, and the subset spinner.

A settings file is input like any other: written by another version, edited by hand, damaged. Whatever it
holds, the window must start, and every spinner must show a value within core.config.RANGES (a NaN
learning rate used to come back as 100, the top of the range; a number too large for a 32-bit int, or a
window state that was not bytes, stopped the window from being built at all). That every spinner has the
core's range is tested in test_gui_window.py.
"""

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox

from lora_studio.core.config import RANGES
from lora_studio.gui.shared.settings import bind
from lora_studio.gui.shared.spinners import int_spin, lr_spin, subset_spin, subset_value

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
CASES = 1000 if THOROUGH else 200
FUZZ = settings(max_examples=CASES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

#: what a settings file may hold: numbers of any size, NaN and infinities, text, bytes, lists, booleans
STORED = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),  # what QSettings can hold
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "-1e400", "9" * 400, "1e12", "2147483648", "3.5", "0x10",
                     " 7 ", "", "true", "None", "@Invalid()", "1_000"]),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.lists(st.integers(min_value=-(2**31), max_value=2**31), max_size=3),
    st.booleans(),
)


def spinners():
    return [int_spin("epochs", "epochs", 3, ""), int_spin("seed", "seed", 0, ""), int_spin("rank", "rank", 8, ""),
            lr_spin("lr", 1e-3, ""), subset_spin("subset", "")]


def in_range(spin: QAbstractSpinBox) -> bool:
    value = spin.value()
    return math.isfinite(value) and spin.minimum() <= value <= spin.maximum()


@FUZZ
@given(stored=STORED, reopen=st.booleans())
@example(stored=0.0078125, reopen=False)  # more decimals than the learning-rate spinner shows
def test_a_spinner_restored_from_any_stored_value_stays_in_range(qapp, tmp_path, stored, reopen):
    """reopen: read back from the file (an INI file gives text); else the typed value (as native formats keep it)."""
    path = str(tmp_path / "fuzz.ini")
    store = QSettings(path, QSettings.Format.IniFormat)
    store.clear()
    for spin in spinners():
        store.setValue(spin.objectName(), stored)
    if reopen:
        store.sync()
        store = QSettings(path, QSettings.Format.IniFormat)
    for spin in spinners():
        default = spin.value()
        bind(store, spin.objectName(), spin)  # must not raise, whatever the value
        assert in_range(spin), (spin.objectName(), stored, spin.value())
        number = _finite_number(store.value(spin.objectName()))
        if number is None:
            assert spin.value() == default, f"{spin.objectName()}: {stored!r} is not a number, yet became the value"
        elif isinstance(spin, QSpinBox) and not float(number).is_integer():
            assert spin.value() == default, f"{spin.objectName()}: a fraction {stored!r} became the value"
        else:
            expected = min(max(number, spin.minimum()), spin.maximum())
            # a QDoubleSpinBox holds what it shows: 0.0078125 is 0.007813 at 6 decimals
            shown = 0.5 * 10 ** -spin.decimals() if isinstance(spin, QDoubleSpinBox) else 0
            assert spin.value() == pytest.approx(expected, rel=1e-6, abs=shown * 1.001), (spin.objectName(), stored)


def _finite_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


TAMPERED = [
    # the values a damaged or hand-edited settings file may hold for the window's own keys
    {"base/epochs": 10**12, "lora/rank": "1e400", "base/seed": -(2**40)},
    {"base/learningRate": float("nan"), "lora/learningRate": "inf", "lora/alpha": "-inf"},
    {"window/tab": 10**12, "window/geometry": 12, "window/state": "hello"},
    {"window/tab": "-3", "window/geometry": [1, 2], "window/state": b"\x00garbage"},
    {"window/tab": float("nan"), "window/geometry": b"", "window/state": QByteArray(b"\xff" * 40)},
    {"base/subset": 5, "lora/subset": 10**15, "lora/seeds": 0, "base/batchSize": "64.5", "dataset/name": [1]},
    {"lora/control": "maybe", "lora/layer_fc1": 3, "lora/feature_brightness": b"x", "settingsVersion": 1},
]


@pytest.mark.parametrize("values", TAMPERED, ids=[",".join(v)[:40] for v in TAMPERED])
def test_the_window_starts_with_a_tampered_settings_file_and_every_spinner_is_in_range(make_window, values):
    store = QSettings()
    store.setValue("settingsVersion", 1)
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    window = make_window()  # used to raise OverflowError / TypeError while building the window
    spins = window.findChildren(QSpinBox) + window.findChildren(QDoubleSpinBox)
    assert len(spins) >= 11
    for spin in spins:
        assert in_range(spin), (spin.objectName(), spin.value())
    assert window.base_tab.learning_rate.value() != RANGES["lr"][1], "a NaN learning rate became 100"
    assert 0 <= window.tabs.currentIndex() < window.tabs.count()


def test_a_subset_below_its_minimum_is_raised_to_it_even_before_editing_ends(qapp):
    """The spinner runs from 0 ("All") so that "All" can be chosen; 1 to 9 are below the core's minimum (10),
    and a value typed but not yet confirmed (Ctrl+B straight after typing) reached the core, which refused it."""
    spin = subset_spin("subset", "")
    low = int(RANGES["limit"][0])
    for typed in range(1, low):
        spin.setValue(typed)
        assert subset_value(spin) == low
    spin.setValue(0)
    assert subset_value(spin) is None
    spin.setValue(low + 1)
    assert subset_value(spin) == low + 1
