"""The Compare tab: its controls, a small real sweep from the window (the same records as `run_sweep`), stop,
reopening a study, CSV export (also onto a failing disk), remembered settings, opening a model in Evaluation."""

import csv

import pytest
from disk_faults import DiskFault
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_timeouts import LONG_JOB_MS

from lora_studio.core import paths
from lora_studio.core.data import datasets as data
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.studies import StudyStore
from lora_studio.core.workflows import runs, sweep
from lora_studio.core.workflows.sweep_plan import SWEEP_RANKS
from lora_studio.gui.background import runner as job_runner
from lora_studio.gui.background import worker


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("compare-library"), control=False)


@pytest.fixture
def compare_window(open_with_library, trained_library):
    """A ready window on the tiny data with a base model in its library, showing the Compare tab."""
    return open_with_library(trained_library, "compare_tab")


def small_sweep(tab, ranks=(1, 2), methods=("lora", "head"), seeds=1, save=False) -> None:
    """LoRA at `ranks` on fc1+fc2 and the head, one epoch each on the tiny data."""
    tab.methods.set_values(methods)
    tab.layers.set_values(("fc1", "fc2"))
    tab.ranks.set_values(ranks)
    tab.variants.set_values(("lora",))
    tab.seeds.setValue(seeds)
    tab.epochs.setValue(1)
    tab.save_models.setChecked(save)


def run_sweep_from(qtbot, window) -> list:
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=LONG_JOB_MS) as ended:
        qtbot.mouseClick(window.compare_tab.start_button, Qt.MouseButton.LeftButton)
    return ended.args


def test_partial_results_come_batched_in_order_in_the_gui_thread_and_all_before_the_result(qtbot, qapp):
    runner = job_runner.JobRunner()
    heard: list = []

    def run(ctx):
        for value in range(50):  # a burst: far more than 20 a second
            ctx.partial({"run": value})
        return worker.JobResult("finished")

    def on_partial(values):
        heard.append((list(values), QThread.currentThread() is QApplication.instance().thread()))

    try:
        with qtbot.waitSignal(runner.sigDone, timeout=LONG_JOB_MS):
            runner.submit(worker.Job("sweep", run, on_partial=on_partial,
                                     on_done=lambda result: heard.append(("done", result.status))))
        *batches, done = heard
        assert done == ("done", "finished")
        assert [v["run"] for values, _ in batches for v in values] == list(range(50))
        assert all(in_gui for _, in_gui in batches) and len(batches) < 50  # sent in a few batches
    finally:
        runner.shutdown()


def test_a_check_list_ticks_by_its_box_or_its_text(qtbot):
    from lora_studio.gui.compare.check_list import CheckList

    ranks = CheckList("ranks", [(str(r), r, "") for r in SWEEP_RANKS], (1,), columns=4)
    qtbot.addWidget(ranks)
    ranks.resize(300, ranks.height())
    ranks.show()
    qtbot.waitExposed(ranks)
    rect = ranks.visualItemRect(ranks.item(2))  # the rank 4
    text, box = QPoint(rect.right() - 8, rect.center().y()), QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(ranks.viewport(), Qt.MouseButton.LeftButton, pos=text)
    assert ranks.values() == [1, 4]
    qtbot.mouseClick(ranks.viewport(), Qt.MouseButton.LeftButton, pos=box)  # toggled once, not twice
    assert ranks.values() == [1]
    qtbot.mouseClick(ranks.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert ranks.values() == [1, 4]


def test_the_controls_carry_their_names_item_data_and_defaults(compare_window):
    tab = compare_window.compare_tab
    assert compare_window.tabs.tabText(compare_window.tabs.indexOf(tab)) == "Compare"
    assert tab.objectName() == "compareTab"
    for name in ("sweepBaseCombo", "sweepTaskCombo", "sweepMethods", "sweepLayers", "sweepRanks", "sweepVariants",
                 "sweepLoraPlusRatio", "sweepSeeds", "sweepEpochs", "sweepSaveModels", "startSweepButton",
                 "pauseSweepButton", "stopSweepButton", "sweepProgress", "paretoPlot", "forgettingPlot",
                 "sweepLossPlot", "sweepTable", "exportSweepButton", "openStudyButton"):
        assert tab.findChild(object, name) is not None, name
    assert tab.methods.all_values() == ["lora", "head", "full", "scratch"]
    assert tab.layers.all_values() == ["conv1", "conv2", "fc1", "fc2"]
    assert tab.ranks.all_values() == list(SWEEP_RANKS) == [1, 2, 4, 8, 16, 32, 64]
    assert tab.variants.all_values() == ["lora", "rslora", "dora"]
    assert tab.base_combo.currentData() == compare_window.ids["base"]
    assert tab.save_models.isChecked() is False
    assert tab.lora_plus.value() == 1.0
    for values, text in ((tab.ranks, "rank"), (tab.variants, "rsLoRA"), (tab.lora_plus, "LoRA+")):
        assert text in (values.toolTip() + "".join(values.item(i).toolTip() for i in range(values.count()))
                        if hasattr(values, "item") else values.toolTip())
    assert "Pareto front" in tab.view.pareto_plot.toolTip()
    assert tab.view.pareto_plot.getPlotItem().getAxis("bottom").logMode
    assert not tab.pause_button.isEnabled() and not tab.stop_button.isEnabled()


def test_the_summary_counts_runs_and_parameters_before_anything_runs(compare_window):
    tab = compare_window.compare_tab
    small_sweep(tab, ranks=(1, 4), methods=("lora", "head"), seeds=2)
    text = tab.summary.text()
    # LoRA on fc1+fc2: r·(784+64) + r·(64+10) → 922 at r = 1; the head is fc2 with its bias: 650
    assert "6 runs" in text and "3 setting(s) × 2 seed(s)" in text and "650" in text and "3,688" in text, text
    tab.methods.set_values(())
    assert tab.summary.text().startswith("Choose at least one method"), tab.summary.text()
    tab.methods.set_values(("head",))
    assert not tab.lora_box.isEnabled()


def test_a_sweep_from_the_tab_fills_table_and_plots_with_the_records_of_run_sweep(qtbot, compare_window):
    window, tab = compare_window, compare_window.compare_tab
    small_sweep(tab)
    plan = tab.plan()
    assert run_sweep_from(qtbot, window)[:2] == ["sweep", "finished"]
    assert tab.view.table.rowCount() == len(plan.runs()) == 3
    assert tab.view.pareto_plot.marker_count() == 3 and tab.view.forgetting_plot.marker_count() == 3
    assert tab.view.loss_plot.curve_count() >= 1  # the front's runs are selected at the end
    assert tab.progress.value() == tab.progress.maximum() and tab.progress.text().startswith("Finished")
    assert tab.start_button.isEnabled() and not tab.stop_button.isEnabled()

    # the same plan and seeds through the core directly give the same records
    library = ModelLibrary(paths.models_dir(window.state.home))
    base, record = runs.load_base(library, plan.base_id)
    dataset = data.load_dataset(window.state.data_root, record.dataset)
    direct = sweep.run_sweep(plan, base, record, dataset, library, data_root=window.state.data_root)
    keys = ("method", "variant", "rank", "seed", "trainable_params", "target_accuracy", "source_accuracy")
    assert [{k: r[k] for k in keys} for r in tab.view.records] == [{k: r[k] for k in keys} for r in direct.runs]
    # the summary's arithmetic counted what the runs trained
    from lora_studio.gui.compare.tab import setting_params
    assert [setting_params(plan, s) for s, _seed in plan.runs()] == [r["trainable_params"] for r in direct.runs]

    # the front drawn is the study's: its runs, and the step line through their settings
    study = StudyStore(paths.studies_dir(window.state.home)).load(tab.view.study["id"])
    assert tab.view.front_runs == study["pareto"] == direct.pareto
    drawn = {(p.params, p.target) for p in tab.view.pareto_plot.front}
    records = tab.view.records
    assert drawn == {(records[i]["trainable_params"], records[i]["target_accuracy"]) for i in study["pareto"]}
    xs, ys = tab.view.pareto_plot.front_curve.getData()
    corners = {(round(10 ** x), round(y, 9)) for x, y in zip(xs, ys, strict=True)}
    assert {(p, round(100 * a, 9)) for p, a in drawn} <= corners
    table = tab.view.table
    stars = {table.run_at(row) for row in range(table.rowCount()) if table.item(row, 0).text() == "★"}
    assert stars == set(study["pareto"])

    # a click on a marker shows its setting and selects its runs
    tab.view.pareto_plot.sigPointClicked.emit(0, False)
    assert tab.view.pareto_plot.chosen == tab.view.forgetting_plot.chosen == 0  # ringed in both plots
    assert "r = 1" in tab.view.details.text() and "model not kept" in tab.view.details.text()
    assert tab.view.table.selected_runs() == [0] and tab.view.loss_plot.curve_count() == 1
    assert not tab.view.open_model_button.isEnabled()  # models are not kept by default
    assert ModelLibrary(window.state.models_root).list().__len__() == 2  # the base and the fixture's LoRA model

    # sorting keeps each row's run
    tab.view.table.sortItems(7, Qt.SortOrder.DescendingOrder)  # by target accuracy
    order = tab.view.table.run_order()
    assert sorted(order) == [0, 1, 2]
    assert [tab.view.records[i]["target_accuracy"] for i in order] == sorted(
        (r["target_accuracy"] for r in tab.view.records), reverse=True)


def test_a_reopened_study_shows_the_same_rows_and_the_csv_has_one_line_a_run(qtbot, compare_window, tmp_path):
    window, tab = compare_window, compare_window.compare_tab
    small_sweep(tab)
    run_sweep_from(qtbot, window)
    shown = [[tab.view.table.item(row, column).text() for column in range(tab.view.table.columnCount())]
             for row in range(tab.view.table.rowCount())]
    study_id = tab.view.study["id"]
    tab.view.show_runs([], {})
    assert tab.view.table.rowCount() == 0 and tab.view.pareto_plot.marker_count() == 0
    tab._fill_study_menu()
    assert [action.data() for action in tab.study_menu.actions()] == [study_id]
    tab.study_menu.actions()[0].trigger()
    assert [[tab.view.table.item(row, column).text() for column in range(tab.view.table.columnCount())]
            for row in range(tab.view.table.rowCount())] == shown
    assert tab.view.pareto_plot.marker_count() == 3 and study_id in tab.view.study_label.text()

    target = tmp_path / "sweep.csv"
    tab.ask_export_path = lambda _name: str(target)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(target.open()))
    assert len(rows) == 3 and len(target.read_text().splitlines()) == 4
    assert [float(r["target_accuracy"]) for r in rows] == [tab.view.records[i]["target_accuracy"]
                                                          for i in tab.view.table.run_order()]
    assert rows[0]["layers"] in ("fc1+fc2", "fc2")


def test_the_windows_csv_of_a_study_is_the_command_lines_byte_for_byte(qtbot, compare_window, tmp_path, capsys):
    """`lora-studio sweep --csv` and the Compare tab's export of the study it saved write the same bytes: one
    writer (core `studies.runs_csv`) for both."""
    from lora_studio.cli import main

    window, tab = compare_window, compare_window.compare_tab
    cli_csv = tmp_path / "cli.csv"
    assert main(["sweep", "--base", window.ids["base"], "--offline", "--methods", "lora,head", "--ranks", "1,2",
                 "--variants", "lora,rslora", "--epochs", "1", "--batch-size", "32", "--csv", str(cli_csv)]) == 0
    capsys.readouterr()
    tab._fill_study_menu()
    [study] = tab.study_menu.actions()
    study.trigger()
    assert tab.view.table.rowCount() == 5
    target = tmp_path / "window.csv"
    tab.ask_export_path = lambda _name: str(target)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == cli_csv.read_bytes()
    assert b"\r" not in target.read_bytes() and cli_csv.read_text().count("\n") == 6  # a header and five runs


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_csv_export_onto_a_failing_disk_is_a_dialog_and_leaves_nothing(qtbot, compare_window, tmp_path, kind):
    window, tab = compare_window, compare_window.compare_tab
    small_sweep(tab, ranks=(1,), methods=("lora",))
    run_sweep_from(qtbot, window)
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "sweep.csv").write_text("the old file\n")
    tab.ask_export_path = lambda _name: str(folder / "sweep.csv")
    with DiskFault(folder, kind):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    level, title, text = window.messages[-1]
    assert (level, title) == ("warning", "Export failed") and str(folder / "sweep.csv") in text
    assert ("No space left" if kind == "full" else "Read-only") in text
    assert [p.name for p in folder.iterdir()] == ["sweep.csv"]  # no temporary file left beside it
    assert (folder / "sweep.csv").read_text() == "the old file\n"
    for box in window.findChildren(QMessageBox, "messageBox"):
        box.close()


def test_stop_keeps_the_finished_runs_and_the_study_file(qtbot, compare_window, monkeypatch):
    window, tab = compare_window, compare_window.compare_tab
    real = sweep.run_sweep

    def pause_after_the_first_run(*args, on_run, control, **kwargs):
        def first(study, setting, record):
            on_run(study, setting, record)
            control.pause()  # the next run stands still at its first batch, until Stop
        return real(*args, on_run=first, control=control, **kwargs)

    monkeypatch.setattr(sweep, "run_sweep", pause_after_the_first_run)
    small_sweep(tab, ranks=(1, 2, 4))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view.table.rowCount() == 1 and window.state.runner.control.held, timeout=LONG_JOB_MS)
    assert tab.stop_button.isEnabled() and not tab.start_button.isEnabled()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=LONG_JOB_MS) as ended:
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    kind, status, message = ended.args
    assert (kind, status) == ("sweep", "stopped") and "after 1 of 4 runs" in message, message
    assert tab.view.table.rowCount() == 1 and tab.view.pareto_plot.marker_count() == 1
    assert tab.progress.text().startswith("Stopped")
    study = StudyStore(paths.studies_dir(window.state.home)).load(tab.view.study["id"])
    assert study["status"] == "stopped" and len(study["runs"]) == 1
    assert study["runs"][0]["target_accuracy"] == tab.view.records[0]["target_accuracy"]


def test_the_models_a_sweep_keeps_are_named_in_the_windows_language(qtbot, qapp, compare_window):
    """With the Chinese translation loaded, the models a sweep saves get Chinese names (core_texts.sweep_run_name
    through run_sweep's `names`); the command line's sweep keeps the core's English ones (tests/core)."""
    from lora_studio.gui.i18n import language as i18n

    window, tab = compare_window, compare_window.compare_tab
    small_sweep(tab, ranks=(1,), methods=("lora", "head"), save=True)
    installed = i18n.apply("zh_CN", qapp)
    try:
        assert not installed.missing, installed.missing
        assert run_sweep_from(qtbot, window)[:2] == ["sweep", "finished"]
    finally:
        i18n.apply("en", qapp)  # the tests after this one build English windows
    library = ModelLibrary(window.state.models_root)
    names = [library.record(record["model_id"]).name for record in tab.view.records]
    assert names == ["LoRA r=1 fc1+fc2 · 随机种子 0", "仅输出层（fc2） · 同一任务 · 随机种子 0"]  # no "control"


def test_the_settings_are_remembered(make_window, tiny_data, compare_window):
    tab = compare_window.compare_tab
    small_sweep(tab, ranks=(2, 16), methods=("lora", "full"), seeds=3)
    tab.variants.set_values(("rslora", "dora"))
    tab.lora_plus.setValue(16)
    tab.task_combo.select("inverted")
    compare_window.close()
    again = make_window().compare_tab
    assert again.ranks.values() == [2, 16] and again.methods.values() == ["lora", "full"]
    assert again.variants.values() == ["rslora", "dora"] and again.seeds.value() == 3
    assert again.lora_plus.value() == 16 and again.task_combo.task() == "inverted"


def test_a_kept_model_opens_in_the_evaluation_tab(qtbot, compare_window, wait_idle):
    window, tab = compare_window, compare_window.compare_tab
    small_sweep(tab, ranks=(2,), methods=("lora", "head"), save=True)
    run_sweep_from(qtbot, window)
    model_id = tab.view.records[0]["model_id"]
    assert model_id and tab.view.records[1]["model_id"]
    tab.view.pareto_plot.sigPointClicked.emit(0, False)
    assert tab.view.open_model_button.isEnabled()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=LONG_JOB_MS) as ended:
        qtbot.mouseClick(tab.view.open_model_button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == ["evaluate", "finished"]
    assert window.tabs.currentWidget() is window.eval_tab
    assert window.eval_tab.inspect_combo.currentData() == model_id
    assert set(window.eval_tab.checked_ids()) == {model_id, window.ids["base"]}
    assert window.eval_tab.compare_combo.currentData() == window.ids["base"]
    wait_idle(window)
