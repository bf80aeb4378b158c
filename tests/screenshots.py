"""Regenerate docs/screenshots/*.png: each tab after a short real training run (`make screenshots`).

Runs offscreen in a temporary LORA_STUDIO_HOME with its settings in a temporary
folder, on the real MNIST beside the repository when it is there (imported into
the temporary home, never copied into the repository), else on generated data.
Plots are flushed before each grab, so what the PNG shows is what the window shows.
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
OUT = REPO / "docs" / "screenshots"
SIZE = (1360, 900)


def wait_for(app, predicate, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lora-studio-shots-"))
    os.environ["LORA_STUDIO_HOME"] = str(home)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTableWidget

    from lora_studio.core import data, paths, synthetic
    from lora_studio.gui.app import application, build_main_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    real = REAL_MNIST.is_dir() and not os.environ.get("SHOTS_GENERATED")
    source = REAL_MNIST if real else synthetic.write_folder(home / "generated", n_train=6000, n_test=1000)
    data.import_folder(source, paths.datasets_dir(home), "mnist")
    subset = 20_000 if real else 0

    app = application()
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
        path = OUT / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"wrote {path.relative_to(REPO)}")

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
    run(window.lora_tab.start, "lora")
    shoot(window, "lora")

    window.tabs.setCurrentWidget(window.eval_tab)
    selector = window.eval_tab.selector
    for i in range(selector.count()):
        selector.item(i).setCheckState(selector.item(i).checkState().Checked)
    run(window.eval_tab.evaluate, "evaluate")
    shoot(window, "evaluation")

    dialog = window.show_library()
    dialog.resize(1300, 300)
    dialog.table.selectRow(0)
    app.processEvents()
    shoot(dialog.findChild(QTableWidget).window(), "library")
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    print(f"data: {'the real MNIST (20,000 training images)' if real else 'generated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
