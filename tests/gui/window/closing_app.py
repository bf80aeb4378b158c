"""Windows closed at random moments of their jobs, in one process: the subject of test_gui_stress.py.

Run as `python closing_app.py PLAN.json`. PyTorch is imported once; then, for each trial of the plan, the
app's home is pointed at the trial's folder (prepared by the test: data, models), a main window is built,
and once it is ready and idle the trial's job is started and the window closed at a moment drawn from the
trial's seed, as a user would close it (the "Stop it and quit?" question answered yes). `app.exec()`
returns when the window has closed; the window is then deleted and garbage-collected, so a worker thread
still running would abort the process ("QThread: Destroyed while thread is still running"), which the test
would see. The last window's close ends the process the way the app ends. One JSON line per trial on stdout.

Scenarios (the job, and when the window is closed):
    base      base training, 100 epochs of batch 8: after k steps
    lora      LoRA, 2 seeds with controls (4 runs saved one by one): after k steps
    paused    base training paused after k steps, closed while paused
    save      base training of 1 epoch, closed while its model is being written (the save is slowed)
    download  a download from a throttled mirror: after a random share of it
    stall     a download from a mirror that stops sending: once it stalls
    evaluate  evaluating every model of the library: after a random delay
    import    importing a folder: after a random delay (imports cannot be stopped: they complete)
    export    exporting merged weights from the library: after a random delay
"""

import gc
import json
import os
import random
import sys
import time
from pathlib import Path


def main(plan_path: str) -> None:
    plan = json.loads(Path(plan_path).read_text())
    import torch  # noqa: F401  (once, before the first window: each window then only waits for the core)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from torchvision import datasets

    from lora_studio.core.data import download
    from lora_studio.core.storage import library as storage
    from lora_studio.gui.app import application, build_main_window

    datasets.MNIST.mirrors = []  # never the real mirrors: each trial names the test's own
    datasets.MNIST.resources = [tuple(r) for r in plan["resources"]]
    download.TIMEOUT_S = 600  # a stalled download can end only by being cancelled (the test's timeout guards)

    app = application()
    app.setQuitOnLastWindowClosed(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    slow_save = {"armed": False, "window": None, "close": None}
    real_write = storage.ModelLibrary._write_folder

    def write_folder(self, model_id, files):
        if slow_save["armed"]:  # the user closes the window while the model is being written
            slow_save["armed"] = False
            QTimer.singleShot(0, slow_save["window"], slow_save["close"])  # runs in the window's (GUI) thread
            time.sleep(0.3)  # the GUI thread is in closeEvent, waiting for this job, by now
        return real_write(self, model_id, files)

    storage.ModelLibrary._write_folder = write_folder

    for index, trial in enumerate(plan["trials"]):
        os.environ["LORA_STUDIO_HOME"] = trial["home"]
        datasets.MNIST.mirrors = [trial["mirror"]] if trial.get("mirror") else []
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, trial["home"] + "/settings")
        rng = random.Random(trial["seed"])
        report = {"trial": index, "scenario": trial["scenario"], "seed": trial["seed"]}
        window = build_main_window()
        window.confirm_close = lambda _title: True
        window.show()
        run_trial(window, trial, rng, report, slow_save)
        began = time.monotonic()
        app.exec()  # returns once the window has closed (its worker joined)
        report["seconds"] = round(time.monotonic() - began, 2)  # for the record only: nothing asserts it
        report["thread_running"] = window.state.runner._thread.isRunning()
        print(json.dumps(report), flush=True)
        window.deleteLater()
        QApplication.sendPostedEvents()
        del window
        gc.collect()
    print("done", flush=True)


def run_trial(window, trial, rng, report, slow_save) -> None:
    from PySide6.QtCore import Qt, QTimer

    state = window.state
    scenario = trial["scenario"]
    steps = {"n": 0}

    def close():
        if not window.isVisible():
            return  # closed already (the job ended, and the moment drawn came after)
        report.setdefault("closed_during", state.busy_kind)
        report.setdefault("steps", steps["n"])
        window.close()

    def close_soon(ms: int = 0):
        QTimer.singleShot(ms, window, close)  # with the window as context: dropped if it is gone

    def on_steps(_kind, _key, xs, _ys, _progress):
        steps["n"] += len(xs)
        if steps["n"] >= report.get("close_after_steps", 10**9) and "armed" not in report:
            report["armed"] = True
            if scenario == "paused":
                state.pause()
                close_soon(rng.randint(0, 200))
            else:
                close_soon()

    def on_progress(kind, fraction, _text):
        if kind == "download" and fraction >= report.get("close_at_fraction", 2) and "armed" not in report:
            report["armed"] = True
            close_soon()

    def on_ended(kind, status, _message):
        if kind not in ("load", "dataset"):
            report["ended"] = status
            close_soon()  # the job ended before the moment drawn: close now

    state.sigSteps.connect(on_steps)
    state.sigProgress.connect(on_progress)
    state.sigJobEnded.connect(on_ended)

    def start():
        if not state.ready or state.runner.job is not None:
            QTimer.singleShot(20, window, start)
            return
        if scenario in ("base", "paused", "save"):
            window.base_tab.epochs.setValue(1 if scenario == "save" else 100)
            window.base_tab.batch_size.setValue(32 if scenario == "save" else 8)
            report["close_after_steps"] = rng.randint(1, 40)
            if scenario == "save":
                slow_save.update(armed=True, window=window, close=close)
                report["close_after_steps"] = 10**9
            window.base_tab.start()
        elif scenario == "lora":
            tab = window.lora_tab
            tab.epochs.setValue(3)
            tab.seeds.setValue(2)
            tab.control_check.setChecked(True)
            report["close_after_steps"] = rng.randint(1, 4 * 3 * 10)  # 4 runs of 3 epochs of 10 steps
            tab.start()
        elif scenario in ("download", "stall"):
            window.dataset_tab.download_button.click()
            if scenario == "download":
                report["close_at_fraction"] = rng.uniform(0.0, 0.9)
            else:  # the mirror stops sending after its first bytes: no progress is reported from then on
                close_soon(rng.randint(100, 400))
        elif scenario == "evaluate":
            tab = window.eval_tab
            window.tabs.setCurrentWidget(tab)  # lists the library
            for i in range(tab.selector.count()):
                tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
            tab.evaluate()
            close_soon(rng.randint(0, 300))
        elif scenario == "import":
            window.dataset_tab.choose_folder = lambda: trial["source"]
            window.dataset_tab.import_folder()
            close_soon(rng.randint(0, 50))
        elif scenario == "export":
            dialog = window.show_library()
            dialog.select(trial["export_id"])
            dialog.ask_export_path = lambda _model_id: trial["export_path"]
            dialog.export()
            close_soon(rng.randint(0, 100))
        report["started"] = state.busy_kind

    QTimer.singleShot(0, window, start)


if __name__ == "__main__":
    main(sys.argv[1])
