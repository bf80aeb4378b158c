"""The misclassified digits: all errors, those fixed or broken by LoRA, or one confusion cell; sorted as asked.

The sets come from the core (`fixed_and_broken`, `cell_indices`, `sort_indices`)
on arrays the evaluation job already made; for 10,000 test images that is well
under a millisecond, so it runs here, in the GUI thread. The list itself is the
virtualised `Gallery` (objectName `misclassifiedGallery`).
"""

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lora_studio.gui.evaluation.gallery import Gallery

ERRORS, FIXED, BROKEN, CELL = "errors", "fixed", "broken", "cell"
#: (key, title, tooltip), the texts in English: translated where shown
MODES = (
    (ERRORS, QT_TRANSLATE_NOOP("GalleryPanel", "All errors"),
     QT_TRANSLATE_NOOP("GalleryPanel", "Every test image the inspected model gets wrong")),
    (FIXED, QT_TRANSLATE_NOOP("GalleryPanel", "Fixed by LoRA"), QT_TRANSLATE_NOOP(
        "GalleryPanel", "The compared model (the base) got these wrong, the inspected model gets them right")),
    (BROKEN, QT_TRANSLATE_NOOP("GalleryPanel", "Broken by LoRA"), QT_TRANSLATE_NOOP(
        "GalleryPanel", "The compared model (the base) got these right, the inspected model gets them wrong")),
    (CELL, QT_TRANSLATE_NOOP("GalleryPanel", "Confusion-matrix cell"),
     QT_TRANSLATE_NOOP("GalleryPanel", "The images of the cell last clicked in the confusion matrix")),
)
SORTS = (
    ("confidence_desc", QT_TRANSLATE_NOOP("GalleryPanel", "Most confident first"), "confidence", True),
    ("confidence_asc", QT_TRANSLATE_NOOP("GalleryPanel", "Least confident first"), "confidence", False),
    ("brightness_asc", QT_TRANSLATE_NOOP("GalleryPanel", "Darkest first"), "brightness", False),
    ("brightness_desc", QT_TRANSLATE_NOOP("GalleryPanel", "Brightest first"), "brightness", True),
    ("index", QT_TRANSLATE_NOOP("GalleryPanel", "Test-set order"), None, False),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("GalleryPanel", text)


class GalleryPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.setObjectName("galleryMode")
        for key, title, tip in MODES:
            self.mode.addItem(_tr(title), key)
            self.mode.setItemData(self.mode.count() - 1, _tr(tip), Qt.ItemDataRole.ToolTipRole)
        self.sort = QComboBox()
        self.sort.setObjectName("gallerySort")
        for key, title, _field, _descending in SORTS:
            self.sort.addItem(_tr(title), key)
        self.sort.setToolTip(self.tr("Confident mistakes are the telling ones; sorting by brightness shows whether "
                                     "dark or bright digits go wrong"))
        self.count_label = QLabel(self.tr("Evaluate models to see the digits they get wrong."))
        self.count_label.setObjectName("galleryCount")
        self.count_label.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setStyleSheet("color: #555555;")
        self.gallery = Gallery()
        self.gallery.setObjectName("misclassifiedGallery")
        controls = QHBoxLayout()
        controls.addWidget(self.mode, 1)
        controls.addWidget(QLabel(self.tr("Sort")))
        controls.addWidget(self.sort, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.count_label)
        layout.addWidget(self.gallery, 1)
        layout.addWidget(self.legend)
        self._test = self._inspected = self._reference = None
        self._cell: tuple[int, int, bool] | None = None
        self._set_enabled(CELL, False)
        self.mode.currentIndexChanged.connect(lambda _index: self.refresh())
        self.sort.currentIndexChanged.connect(lambda _index: self.refresh())

    def set_source(self, test, inspected, reference) -> None:
        """test: evaluation_jobs.TestSet; inspected, reference: (label, Predictions), reference may be None."""
        self._test, self._inspected, self._reference = test, inspected, reference
        self._set_enabled(FIXED, reference is not None)
        self._set_enabled(BROKEN, reference is not None)
        self._cell = None
        self._set_enabled(CELL, False)
        self.mode.setItemText(self.mode.findData(CELL), _tr(MODES[3][1]))
        mode = self.mode.currentData()
        if mode == CELL or (mode in (FIXED, BROKEN) and reference is None):
            self.set_mode(ERRORS)  # refreshes
        else:
            self.refresh()

    def show_cell(self, true_class: int, predicted_class: int, difference: bool) -> None:
        """Show the images of one confusion cell (with `difference`: those that entered or left it)."""
        self._cell = (true_class, predicted_class, difference and self._reference is not None)
        index = self.mode.findData(CELL)
        text = self.tr("Cell: true {0} → predicted {1} (moved in or out)") if self._cell[2] else \
            self.tr("Cell: true {0} → predicted {1}")
        self.mode.setItemText(index, text.format(true_class, predicted_class))
        self._set_enabled(CELL, True)
        if self.mode.currentIndex() == index:
            self.refresh()
        else:
            self.mode.setCurrentIndex(index)

    def set_mode(self, key: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(key))

    def set_sort(self, key: str) -> None:
        self.sort.setCurrentIndex(self.sort.findData(key))

    def indices(self) -> np.ndarray:
        """The test-set indices the current mode and order show."""
        from lora_studio.core.evaluation.inspection import cell_indices, fixed_and_broken, sort_indices

        mode = self.mode.currentData()
        _label, p = self._inspected
        reference = self._reference[1] if self._reference is not None else None
        if mode == CELL and self._cell is not None:
            true, guess, moved = self._cell
            chosen = cell_indices(p.labels, p.predicted, true, guess, reference.predicted if moved else None)
        elif mode in (FIXED, BROKEN) and reference is not None:
            fixed, broken = fixed_and_broken(reference, p)
            chosen = fixed if mode == FIXED else broken
        else:
            chosen = np.flatnonzero(~p.correct)
        _key, _title, field, descending = SORTS[max(0, self.sort.currentIndex())]
        if field is None:
            return chosen
        values = p.confidence if field == "confidence" else self._test.brightness
        return sort_indices(chosen, values, descending)

    def refresh(self) -> None:
        if self._inspected is None:
            return
        label, p = self._inspected
        mode = self.mode.currentData()
        shown = self.indices()
        with_reference = mode in (FIXED, BROKEN) or (mode == CELL and self._cell is not None and self._cell[2])
        reference = self._reference if with_reference else None
        self.gallery.gallery_model.set_items(
            shown, self._test.images, p.labels, p.predicted, p.confidence, self._test.brightness,
            None if reference is None else reference[1].predicted, (label, reference[0] if reference else ""))
        self.gallery.scrollToTop()
        total = len(p.labels)
        if mode == CELL and self._cell is not None:
            true, guess, moved = self._cell
            what = (self.tr("images of true {0} that moved into or out of “predicted {1}”").format(true, guess)
                    if moved else self.tr("images of true {0} that {1} calls {2}").format(true, label, guess))
        else:
            compared = reference[0] if reference else ""
            what = {ERRORS: self.tr("errors of {0}").format(label),
                    FIXED: self.tr("fixed: {0} wrong, {1} right").format(compared, label),
                    BROKEN: self.tr("broken: {0} right, {1} wrong").format(compared, label),
                    CELL: self.tr("images")}[mode]
        self.count_label.setText(self.tr("<b>{0}</b> {1} (of {2} test images)").format(
            f"{len(shown):,}", what, f"{total:,}"))
        self.legend.setText(
            self.tr("Under each digit: true: {0} → {1} (red: wrong), confidence · brightness").format(
                reference[0], label)
            if reference else self.tr("Under each digit: true → predicted (red: wrong, green: right), confidence · "
                                      "brightness"))

    def _set_enabled(self, key: str, enabled: bool) -> None:
        self.mode.model().item(self.mode.findData(key)).setEnabled(enabled)
