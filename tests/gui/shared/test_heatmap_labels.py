"""A heat map's cell texts (gui/shared/heatmap.py): one per cell, white on a dark cell and dark on a light one,
gone with the data when the map shows its hint."""

import numpy as np

from lora_studio.gui.shared.heatmap import SEQUENTIAL, HeatMap


def test_each_cell_has_its_text_in_a_colour_that_reads_on_it(qtbot):
    heatmap = HeatMap("counts", "predicted", "true")
    qtbot.addWidget(heatmap)
    values = np.array([[0.0, 1.0, 0.5], [1.0, 0.0, 0.1]])
    texts = [["a", "b", ""], ["d", "e", "f"]]
    heatmap.set_matrix(values, (0.0, 1.0), SEQUENTIAL, texts)
    assert [heatmap.cell_text(r, c) for r in range(2) for c in range(3)] == ["a", "b", "", "d", "e", "f"]
    colours = [colour.name() for colour in heatmap.labels._colours]
    assert colours[0] == "#1a1a1a" and colours[1] == "#ffffff"  # white (0) cell: dark text; darkest blue: white
    assert heatmap.labels.boundingRect().width() == 3 and heatmap.labels.boundingRect().height() == 2
    heatmap.grab()  # drawn without error at the widget's size
    heatmap.show_hint("nothing yet")
    assert heatmap.cell_text(0, 0) == "" and heatmap.labels.boundingRect().isEmpty()
    heatmap.set_matrix(values, (0.0, 1.0), SEQUENTIAL)  # no texts asked for: none drawn
    assert heatmap.cell_text(0, 1) == ""
