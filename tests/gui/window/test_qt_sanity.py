"""The installed PySide6 keeps Python's reference counts right.

PySide6 6.12.0 under Python 3.11 returned None (from every void method) and True
(from every `emit`) without taking a reference: each call drained one, and the
window died with "Fatal Python error: none_dealloc" after a few thousand calls —
a long training or a screenshot run. pyproject.toml keeps such a version out;
this test tells if one comes back.
"""

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar

CALLS = 500


class Emitter(QObject):
    sig = Signal(object)


# From Python 3.12 None and True are immortal (PEP 683): their reference counts are fixed, so the leak cannot
# happen there, and this test could not fail
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12 (PEP 683)")
def test_void_calls_and_emits_keep_the_reference_counts_of_none_and_true(qapp):
    bar, emitter = QProgressBar(), Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        bar.setValue(1)  # a void method: returns None
        emitter.sig.emit(1)  # returns True
    # a few references may come and go for other reasons; a leak is one per call
    assert sys.getrefcount(None) > none_before - CALLS // 10
    assert sys.getrefcount(True) > true_before - CALLS // 10
