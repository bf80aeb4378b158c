"""The window fits 1280×800 on every tab, in English and in Chinese, also after the runs that fill it (issue 15).

A label without word wrap, a plot's minimum size or a column of settings too tall raises a tab's minimum size,
and Qt then grows the whole window past the screen (it did: 1280×814 after a LoRA run, 1392 px wide once a
digit was drawn, as its timing line never wrapped). Here the window is made 1280×800, filled the way a person
fills it (a LoRA run with its control over two seeds, an evaluation of several models with every view shown,
a digit drawn, a merged export, a stack of three adapters, a sweep of a few settings with a marker clicked, the
Learn tab with an adapter drawn and every lesson's answer), and each tab in turn must keep the window's minimum
size within 1280×800, and nothing in it may be squeezed: no widgets laid over one another, none below its minimum
size, no wrapped text short of the height it needs at the width it has (what a screenshot shows as cut or
overlapping text).
"""

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from qt_timeouts import LONG_JOB_MS

from lora_studio.core import paths

SCREEN = (1280, 800)


@pytest.fixture(scope="module")
def library(train_library, tmp_path_factory):
    """A base model, its brightness+LoRA model and the control."""
    return train_library(tmp_path_factory.mktemp("fits-library"))


def minimum(widget: QWidget) -> tuple[int, int]:
    hint, explicit = widget.minimumSizeHint(), widget.minimumSize()
    return max(hint.width(), explicit.width()), max(hint.height(), explicit.height())


def widest(tab: QWidget, axis: int, count: int = 8) -> str:
    """The widgets of `tab` with the largest minimum width (axis 0) or height (axis 1): where to look first."""
    rows = []
    for widget in tab.findChildren(QWidget):
        if widget.isWindow():
            continue
        text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
        wrap = f" wordWrap={widget.wordWrap()}" if isinstance(widget, QLabel) else ""
        rows.append((minimum(widget)[axis], f"{type(widget).__name__} {widget.objectName()!r}{wrap} "
                                            f"minimum {minimum(widget)} {text[:60]!r}"))
    rows.sort(key=lambda row: -row[0])
    return "\n".join(f"  {line}" for _size, line in rows[:count])


def squeezed(top: QWidget) -> list[str]:
    """What a layout squeezed below what it needs, in `top` as shown: widgets laid out over one another (a grid
    short of height does that), widgets smaller than their set minimum size (a plot, a canvas), word-wrapped
    labels given less height than their text needs at their width (cut off)."""
    found = []
    for parent in [top, *top.findChildren(QWidget)]:
        if parent.layout() is None or not parent.isVisible():
            continue
        laid_out = [child for child in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if child.isVisible() and not child.isWindow()]
        for i, first in enumerate(laid_out):
            for second in laid_out[i + 1:]:
                if first.geometry().intersects(second.geometry()):
                    found.append(f"{type(first).__name__} {first.objectName()!r} {first.geometry().getRect()} "
                                 f"overlaps {type(second).__name__} {second.objectName()!r} "
                                 f"{second.geometry().getRect()}")
    for widget in top.findChildren(QWidget):
        least = widget.minimumSize()
        if widget.isVisible() and (widget.width() < least.width() or widget.height() < least.height()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} is {widget.width()}×{widget.height()}, "
                         f"below its minimum {least.width()}×{least.height()}")
    for label in top.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{label.objectName() or 'a label'} {label.width()}×{label.height()} needs {needed} "
                             f"px of height for {label.text()[:60]!r}")
    return found


def check_fits(qtbot, window, where: str) -> None:
    """Every tab, made current in turn, leaves the window within SCREEN; what failed, with its widest widgets."""
    failures = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)  # layouts activate and plots lay out once the event loop runs
        tab = window.tabs.widget(index)
        hint = window.minimumSizeHint()
        size = window.size()
        name = f"{where}, {tab.objectName()}"
        if hint.width() > SCREEN[0] or size.width() > SCREEN[0]:
            failures.append(f"{name}: the window's minimum width is {hint.width()} (window {size.width()}); "
                            f"the tab's widest widgets:\n{widest(tab, 0)}")
        if hint.height() > SCREEN[1] or size.height() > SCREEN[1]:
            failures.append(f"{name}: the window's minimum height is {hint.height()} (window {size.height()}); "
                            f"the tab's tallest widgets:\n{widest(tab, 1)}")
        failures += [f"{name}: {cut}" for cut in squeezed(tab)]
        layout = tab.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped labels at the width the tab has
            needed = layout.totalMinimumHeightForWidth(tab.width())
            if needed > tab.height():
                failures.append(f"{name}: at {tab.width()} px wide the tab needs {needed} px of height, it has "
                                f"{tab.height()}; its tallest widgets:\n{widest(tab, 1)}")
    assert not failures, "\n".join(failures)


def run(qtbot, window, start, kind: str) -> None:
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=LONG_JOB_MS) as ended:
        start()
    assert ended.args[:2] == [kind, "finished"], ended.args


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_every_tab_fits_1280_by_800_after_the_runs_that_fill_it(language, make_window, tiny_data, library, qtbot,
                                                                tmp_path):
    root, ids = library
    shutil.copytree(root, paths.models_dir(tiny_data))
    window = make_window()
    window.resize(*SCREEN)
    qtbot.wait(20)
    check_fits(qtbot, window, "at the start")

    lora = window.lora_tab  # a LoRA run with its control, for two seeds: the legend holds four runs
    window.tabs.setCurrentWidget(lora)
    lora.epochs.setValue(1)
    lora.subset.setValue(300)
    lora.seeds.setValue(2)
    lora.control_check.setChecked(True)
    run(qtbot, window, lora.start, "lora")
    check_fits(qtbot, window, "after a LoRA run with its control")

    tab = window.eval_tab  # every model evaluated, every view shown, a digit drawn, a model exported
    window.tabs.setCurrentWidget(tab)
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    run(qtbot, window, tab.evaluate, "evaluate")
    cut = []
    for page in range(tab.pages.count()):  # each view of the Evaluation tab: only the one shown is laid out
        tab.pages.setCurrentIndex(page)
        qtbot.wait(20)
        cut += [f"view {page}: {problem}" for problem in squeezed(tab)]
    assert not cut, "\n".join(cut)
    tab.pages.setCurrentWidget(tab.page["draw"])  # Draw a digit stays current: check_fits sees it drawn
    canvas = tab.draw.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 40))
    for y in range(50, 250, 10):
        qtbot.mouseMove(canvas, QPoint(140, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 250))
    assert tab.draw.last_answers and tab.draw.timing.text()
    tab.ask_export_path = lambda model_id: str(tmp_path / f"{model_id}-merged.safetensors")
    run(qtbot, window, tab.export, "export")
    assert tab.export_label.text()
    check_fits(qtbot, window, f"after evaluating {tab.selector.count()} models, a drawing and an export")

    stack = tab.stack  # three LoRA adapters of the base stacked, scored with their parts
    tab.pages.setCurrentWidget(tab.page["stack"])
    plain = [info for info in window.state.models if info.method == "lora" and not info.features]
    adapters = [info.id for info in plain if info.parent == plain[0].parent][:3]
    assert len(adapters) == 3
    stack.set_stack(adapters, [1.0, 0.5, -0.5])
    qtbot.waitUntil(lambda: stack.ids == tuple(adapters) and stack.scored is not None and stack.parts is not None,
                    timeout=LONG_JOB_MS)
    assert stack.table.rowCount() == 3 and len(stack.scores.heights()) == 5
    check_fits(qtbot, window, "with a stack of three adapters")

    compare = window.compare_tab  # a sweep of a few settings, a marker clicked: the table, details, legends
    window.tabs.setCurrentWidget(compare)
    compare.task_combo.select("rotate90")
    compare.methods.set_values(("lora", "head"))
    compare.layers.set_values(("fc1", "fc2"))
    compare.ranks.set_values((1, 16))
    compare.variants.set_values(("lora", "dora"))
    compare.seeds.setValue(2)
    compare.epochs.setValue(1)
    run(qtbot, window, compare.start, "sweep")
    compare.view.pareto_plot.sigPointClicked.emit(1, False)
    assert compare.view.chosen is not None
    check_fits(qtbot, window, "after a sweep")

    learn = window.learn_tab  # an adapter drawn in the explainer, and every lesson with its answer
    window.tabs.setCurrentWidget(learn)
    panel = learn.explainer
    panel.adapter_combo.setCurrentIndex(panel.adapter_combo.findData(ids["feature_lora"]))
    qtbot.waitUntil(lambda: panel.adapter is not None and panel.adapter.model_id == ids["feature_lora"],
                    timeout=LONG_JOB_MS)
    lessons = learn.lessons
    for row in range(lessons.list.count()):
        lessons.list.setCurrentRow(row)
        lessons.answer_button.setChecked(True)
        qtbot.wait(10)
    check_fits(qtbot, window, "with an adapter in the Learn tab and the lessons' answers")
