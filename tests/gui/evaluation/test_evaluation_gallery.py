"""The gallery is virtualised: thousands of digits cost one index array; only the tiles in view are painted."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lora_studio.gui.evaluation import gallery


def test_twenty_thousand_digits_paint_only_the_visible_tiles(qtbot, monkeypatch):
    painted = []
    paint = gallery.GalleryDelegate.paint
    monkeypatch.setattr(gallery.GalleryDelegate, "paint",
                        lambda self, painter, option, index: (painted.append(index.row()),
                                                              paint(self, painter, option, index)))
    view = gallery.Gallery()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    n = 20_000
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
    labels, predicted = rng.integers(0, 10, n), rng.integers(0, 10, n)
    confidence, brightness = rng.random(n).astype(np.float32), rng.random(n).astype(np.float32)
    order = np.argsort(confidence)
    view.gallery_model.set_items(order, images, labels, predicted, confidence, brightness)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 1000 * gallery.TILE_H)  # laid out in batches
    painted.clear()
    view.viewport().repaint()
    visible = (700 // gallery.TILE_W + 1) * (400 // gallery.TILE_H + 2)
    assert 0 < len(painted) <= visible
    assert view.count() == n and view.test_indices()[:3] == order[:3].tolist()
    assert len(view.findChildren(QWidget)) < 20  # no widget per digit

    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    painted.clear()
    view.viewport().repaint()
    assert 0 < len(painted) <= visible and max(painted) == n - 1  # the last tiles, and only those

    model = view.gallery_model
    text = model.data(model.index(0))
    i = int(order[0])
    assert text == f"{labels[i]} → {predicted[i]}\n{100 * confidence[i]:.0f} % · {brightness[i]:.2f}"
    assert model.data(model.index(0), Qt.ItemDataRole.ToolTipRole).startswith(f"Test image #{i}: true class")
