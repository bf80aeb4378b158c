"""Regenerate docs/screenshots/*.png: each tab after a short real training run (`make screenshots`).

Runs offscreen in a temporary LORA_STUDIO_HOME with its settings in a temporary
folder, on the real MNIST beside the repository when it is there (imported into
the temporary home, never copied into the repository), else on generated data.
Plots are flushed before each grab, so what the PNG shows is what the window shows.
SHOTS_OUT=DIR writes the PNGs there instead (to look at them without touching the repository's).
SHOTS_LANGUAGE=zh_CN takes them with the window in that language, at 1280×800 (the size a translation must
fit); `make screenshots-zh` does so under a virtual X display with the system's real fonts.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
REAL_MNIST = REPO.parent / "shared" / "datasets" / "MNIST" / "raw"
OUT = Path(os.environ.get("SHOTS_OUT") or REPO / "docs" / "screenshots")
LANGUAGE = os.environ.get("SHOTS_LANGUAGE") or None
SIZE = (1280, 800) if LANGUAGE else (1360, 900)


def wait_for(app, predicate, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def draw_seven(canvas) -> None:
    """A hand-drawn-looking 7: a slightly tilted bar, then a long stroke down and to the left."""
    from PySide6.QtCore import QPoint

    points = [(70, 62), (120, 58), (170, 57), (208, 60), (190, 100), (168, 145), (148, 190), (134, 232)]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        canvas.draw_line(QPoint(x0, y0), QPoint(x1, y1))
    canvas.sigDrawn.emit()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lora-studio-shots-"))
    os.environ["LORA_STUDIO_HOME"] = str(home)
    import numpy as np
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QTableWidget

    from lora_studio.core import paths
    from lora_studio.core.data import datasets as data
    from lora_studio.core.data import synthetic
    from lora_studio.gui.app import application, build_main_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    real = REAL_MNIST.is_dir() and not os.environ.get("SHOTS_GENERATED")
    source = REAL_MNIST if real else synthetic.write_folder(home / "generated", n_train=6000, n_test=1000)
    data.import_folder(source, paths.datasets_dir(home), "mnist")
    subset = 20_000 if real else 0

    app = application()
    if LANGUAGE:
        from lora_studio.gui.i18n import language as i18n

        installed = i18n.apply(LANGUAGE, app)
        if installed.missing:
            raise RuntimeError(f"translations not found: {installed.missing}")
    window = build_main_window()
    window.resize(*SIZE)
    window.show()
    state = window.state
    wait_for(app, lambda: state.ready and state.dataset is not None and state.runner.job is None)
    OUT.mkdir(parents=True, exist_ok=True)

    def shoot(widget, name: str) -> None:
        for plot in (window.base_tab.panel, window.lora_tab.panel):
            plot.loss_plot.flush()
            plot.accuracy_plot.flush()
        app.processEvents()
        if widget is window and window.size().toTuple() != SIZE:  # a tab's minimum size outgrew the window
            raise RuntimeError(f"{name}: the window grew to {window.width()}×{window.height()} from "
                               f"{SIZE[0]}×{SIZE[1]} (tests/gui/window/test_fits.py says where)")
        path = OUT / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"wrote {path}")

    def run(start, kind: str) -> None:
        start()
        wait_for(app, lambda: state.runner.job is not None)
        wait_for(app, lambda: state.runner.job is None)
        if window.messages and window.messages[-1][0] == "error":
            raise RuntimeError(window.messages[-1][2])

    window.tabs.setCurrentWidget(window.dataset_tab)
    shoot(window, "dataset")

    window.tabs.setCurrentWidget(window.base_tab)
    window.base_tab.epochs.setValue(3)
    window.base_tab.subset.setValue(subset)
    run(window.base_tab.start, "base")
    shoot(window, "base-training")

    window.tabs.setCurrentWidget(window.lora_tab)
    window.lora_tab.epochs.setValue(2)
    window.lora_tab.subset.setValue(subset)
    window.lora_tab.seeds.setValue(2)  # two seeds of feature+LoRA and control: the effect gets an interval over seeds
    run(window.lora_tab.start, "lora")
    wait_for(app, lambda: window.lora_tab.preview.count > 0)  # the target task's images, made after the run
    shoot(window, "lora")

    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    selector = tab.selector
    for i in range(selector.count()):
        selector.item(i).setCheckState(selector.item(i).checkState().Checked)
    run(tab.evaluate, "evaluate")
    evaluation = tab.result
    if not tab.brightness.curve_count() or not tab.gallery.gallery.count():
        raise RuntimeError("the evaluation views are empty")
    started = time.perf_counter()
    tab._on_evaluated(evaluation)  # what the GUI thread does with the result: the table and every view filled
    filled = time.perf_counter() - started
    tab.pages.setCurrentIndex(0)
    wait_for(app, lambda: tab.strength.points() == 9)  # the inspected model's accuracy against strength
    shoot(window, "evaluation")
    print(f"the views filled from the result in {1000 * filled:.0f} ms in the GUI thread")
    print(f"evaluation of {len(evaluation.rows)} models on {len(evaluation.test.labels):,} test images: "
          f"{evaluation.seconds:.2f} s in the worker")

    # the difference from the base, and a click on the cell that changed most off the diagonal
    tab.confusion.mode.setCurrentIndex(1)
    difference = tab.confusion.matrix()
    off_diagonal = abs(difference) * (1 - np.eye(len(difference), dtype=int))
    row, column = (int(v) for v in np.unravel_index(off_diagonal.argmax(), difference.shape))
    tab.confusion.heatmap.sigCellClicked.emit(row, column)
    shoot(window, "evaluation-difference")

    for index, name in ((1, "evaluation-brightness"), (2, "evaluation-delta-w")):
        tab.pages.setCurrentIndex(index)
        shoot(window, name)

    tab.pages.setCurrentIndex(3)
    draw_seven(tab.draw.canvas)
    if not tab.draw.last_answers:
        raise RuntimeError("the drawing got no answer")
    shoot(window, "evaluation-draw")
    print(f"drawing: pre-processing {tab.draw.preprocess_ms:.2f} ms, {len(tab.draw.last_answers)} models "
          f"{tab.draw.inference_ms:.2f} ms")

    tab.ask_export_path = lambda model_id: str(home / f"{model_id}-merged.safetensors")
    started = time.perf_counter()
    run(tab.export, "export")
    print(f"export merged in {time.perf_counter() - started:.1f} s: {tab.export_label.text()}")

    # a small sweep on a target task: LoRA at four ranks (plain and DoRA), the head and full fine-tuning, 3 seeds
    compare = window.compare_tab
    window.tabs.setCurrentWidget(compare)
    compare.task_combo.select("rotate90")
    compare.methods.set_values(("lora", "head", "full"))
    compare.layers.set_values(("fc1", "fc2"))
    compare.ranks.set_values((1, 4, 16, 64))
    compare.variants.set_values(("lora", "dora"))
    compare.seeds.setValue(3)
    compare.epochs.setValue(1)
    compare.subset.setValue(5000 if real else 0)
    started = time.perf_counter()
    run(compare.start, "sweep")
    if not compare.view.pareto_plot.marker_count() or not compare.view.loss_plot.curve_count():
        raise RuntimeError("the Compare tab's plots are empty")
    compare.view.pareto_plot.sigPointClicked.emit(2, False)  # LoRA r = 16: its details, its runs' loss curves
    shoot(window, "compare")
    print(f"sweep of {compare.view.table.rowCount()} runs in {time.perf_counter() - started:.0f} s")

    dialog = window.show_library()
    dialog.resize(SIZE[0] if LANGUAGE else 1560, 300)  # wide enough for the LoRA settings column
    dialog.table.selectRow(0)
    app.processEvents()
    shoot(dialog.findChild(QTableWidget).window(), "library")
    dialog.close()

    # issue 12: an adapter of a few dozen parameters on conv1 adapts the base to inverted digits, and the
    # Evaluation tab's strength slider turns it down again (what it gains on the target, it loses on the source)
    lora = window.lora_tab
    window.tabs.setCurrentWidget(lora)
    lora.task_combo.select("inverted")
    for name, check in lora.layer_checks.items():
        check.setChecked(name == "conv1")
    lora.feature_checks["brightness"].setChecked(False)
    lora.seeds.setValue(1)
    run(lora.start, "lora")
    wait_for(app, lambda: lora.preview.count > 0)
    shoot(window, "lora-target-task")
    window.tabs.setCurrentWidget(tab)
    inverted = {model.id for model in state.models if model.task == "inverted"}  # by task: titles are translated
    base_id = lora.base_combo.currentData()
    for i in range(selector.count()):
        chosen = selector.item(i).data(Qt.ItemDataRole.UserRole) in inverted | {base_id}
        selector.item(i).setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
    run(tab.evaluate, "evaluate")
    tab.pages.setCurrentIndex(0)
    wait_for(app, lambda: tab.strength.points() == 9)
    tab.strength.slider.setValue(50)
    wait_for(app, lambda: tab.strength.at_strength is not None)
    shoot(window, "evaluation-strength")

    window.tabs.setCurrentWidget(window.learn_tab)  # the explainer draws the newest adapter from the library
    wait_for(app, lambda: window.learn_tab.explainer.adapter is not None)  # read in the worker once seen
    app.processEvents()
    shoot(window, "learn")
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    print(f"data: {'the real MNIST (20,000 training images)' if real else 'generated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
