"""The live loss plot's view: it spans the run from its first batch and moves in a few jumps, not with every
batch, so its axes and grid come from their cache (gui/shared/plots.py); the user's zoom is kept."""

import numpy as np

from lora_studio.gui.shared.plots import LossPlot


def view(plot: LossPlot) -> tuple[tuple[float, float], tuple[float, float]]:
    (left, right), (bottom, top) = plot.getPlotItem().getViewBox().viewRange()
    return (left, right), (bottom, top)


def feed(plot: LossPlot, start: int, losses, last_step: int) -> None:
    steps = np.arange(start + 1, start + len(losses) + 1)
    plot.add_steps("base", steps, np.asarray(losses, dtype=float), "#1f77b4", "base", last_step=last_step)
    plot.flush()


def test_the_view_spans_the_whole_run_from_its_first_batch(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    feed(plot, 0, [2.3, 2.1, 1.9], last_step=900)
    (left, right), (bottom, top) = view(plot)
    assert left <= 0 and 900 <= right < 1000  # the run's last step in view, with the padding only
    assert bottom <= 0 and 2.3 < top
    first = view(plot)
    for start in range(3, 600, 20):  # later batches with lower losses: nothing moves
        feed(plot, start, np.linspace(1.8, 0.2, 20), last_step=900)
    assert view(plot) == first


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
    assert right >= 125
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
    assert 50 <= right < 60 and top > 9.0
