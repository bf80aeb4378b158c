"""The live loss plot's view: it moves in a few jumps a run, not with every batch, so its axes and grid come from
their cache (gui/shared/plots.py), while the curve fills at least half of it; the user's zoom is kept."""

import numpy as np

from lora_studio.gui.shared.plots import LossPlot


def view(plot: LossPlot) -> tuple[tuple[float, float], tuple[float, float]]:
    (left, right), (bottom, top) = plot.getPlotItem().getViewBox().viewRange()
    return (left, right), (bottom, top)


def feed(plot: LossPlot, start: int, losses, last_step: int) -> None:
    steps = np.arange(start + 1, start + len(losses) + 1)
    plot.add_steps("base", steps, np.asarray(losses, dtype=float), "#1f77b4", "base", last_step=last_step)
    plot.flush()


def test_the_view_doubles_when_the_curve_reaches_its_edge_and_stops_at_the_runs_end(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    feed(plot, 0, [2.3, 2.1, 1.9], last_step=900)
    (left, right), (bottom, top) = view(plot)
    assert left <= 0 and 6 <= right < 6.5  # twice the steps drawn, with the padding only
    assert bottom <= 0 and 2.3 < top
    moves, last = 0, view(plot)
    for start in range(3, 900, 20):  # the rest of the run, lower losses: the view moves only in doublings
        feed(plot, start, np.linspace(1.8, 0.2, min(20, 900 - start)), last_step=900)
        if view(plot) != last:
            moves, last = moves + 1, view(plot)
            assert last[0][1] >= 900 or last[0][1] >= 2 * min(start + 20, 900)
    assert moves <= 8  # log2(900 / 6) doublings, the last cut at the run's end
    (_, right), _ = view(plot)
    assert 900 <= right < 920  # at the end: the whole run, with the padding only


def test_a_higher_loss_raises_the_top_in_one_jump_with_headroom(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    feed(plot, 0, [1.0], last_step=100)
    feed(plot, 1, [3.0], last_step=100)
    _, (_, top) = view(plot)
    assert top >= 3.0 * LossPlot.LOSS_HEADROOM
    feed(plot, 2, [3.5], last_step=100)  # within the headroom: the view stays
    assert view(plot)[1][1] == top


def test_a_run_without_an_announced_end_grows_in_steps(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    feed(plot, 0, [1.0] * 100, last_step=0)
    (_, right), _ = view(plot)
    assert right >= 200
    feed(plot, 100, [1.0] * 10, last_step=0)  # still inside: no move
    assert view(plot)[0][1] == right


def test_the_users_zoom_is_kept_until_the_next_run(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    feed(plot, 0, [2.0] * 10, last_step=1000)
    box = plot.getPlotItem().getViewBox()
    box.scaleBy((0.5, 0.5))  # what the mouse wheel does; pyqtgraph calls it a manual change
    box.sigRangeChangedManually.emit(box.state["mouseEnabled"])
    zoomed = view(plot)
    feed(plot, 10, [9.0] * 10, last_step=5000)
    assert view(plot) == zoomed
    plot.clear_data()
    feed(plot, 0, [9.0], last_step=50)
    (_, right), (_, top) = view(plot)
    assert 2 <= right < 2.2 and top > 9.0  # the plot's own view again: twice the one step drawn
