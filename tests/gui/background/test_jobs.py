"""A job's typed result goes to the code that started it, in the GUI thread; titles come from one table."""

import dataclasses
import shutil

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from qt_timeouts import JOB_MS

from lora_studio.core.vocabulary import Status
from lora_studio.gui.background import worker
from lora_studio.gui.background.runner import JobRunner
from lora_studio.gui.evaluation import jobs as evaluation_jobs


@dataclasses.dataclass(frozen=True)
class Counted(worker.JobResult):
    count: int = 0


def test_the_starters_on_done_gets_the_typed_result_in_the_gui_thread_before_the_views_hear(qtbot, qapp):
    runner = JobRunner()
    heard = []

    def on_done(result):
        heard.append(("on_done", result, QThread.currentThread() is QApplication.instance().thread()))

    runner.sigDone.connect(lambda kind, result: heard.append(("sigDone", kind, result.status)))
    try:
        with qtbot.waitSignal(runner.sigDone, timeout=JOB_MS):
            assert runner.submit(worker.Job("base", lambda ctx: Counted("finished", "done", count=3), on_done=on_done))
        assert heard == [("on_done", Counted("finished", "done", count=3), True), ("sigDone", "base", "finished")]

        heard.clear()
        with qtbot.waitSignal(runner.sigDone, timeout=JOB_MS):
            assert runner.submit(worker.Job("lora", lambda ctx: 1 / 0, on_done=on_done))
        (_, failed, in_gui_thread), _ = heard
        assert type(failed) is worker.JobResult and failed.status == "failed" and in_gui_thread
        assert "ZeroDivisionError" in failed.message and "Traceback" in failed.details
    finally:
        runner.shutdown()


def test_every_job_has_one_title_and_one_kind():
    from lora_studio.gui.background import kinds

    job = worker.Job("lora", lambda ctx: None)
    assert job.kind is kinds.JobKind.LORA and job.title == kinds.job_title(kinds.JobKind.LORA) == "LoRA fine-tuning"
    import lora_studio.gui.main_window as main_window
    import lora_studio.gui.shared.state.app_state as state

    assert main_window.job_title is state.job_title is worker.job_title is kinds.job_title
    assert not hasattr(state, "_title") and not hasattr(worker, "JOB_TITLES") and not hasattr(worker, "QUIET_JOBS")
    assert kinds.job_title("new-kind") == "new-kind"
    with pytest.raises(ValueError):  # a job of no kind is a bug, said where it is made
        worker.Job("new-kind", lambda ctx: None)
    with pytest.raises(ValueError):
        worker.JobResult("cancelled")
    assert worker.JobResult("stopped").status is Status.STOPPED


def test_an_export_reports_to_where_it_was_started(qtbot, window, train_library, tmp_path, wait_idle):
    """From the library dialog: its own line says where the file went; the Evaluation tab's export line stays."""
    library_root, ids = train_library(tmp_path / "library")
    shutil.rmtree(window.state.models_root, ignore_errors=True)
    shutil.copytree(library_root, window.state.models_root)
    window.state.refresh_models()
    dialog = window.show_library()
    dialog.select(ids["feature_lora"])
    dialog.ask_export_path = lambda _id: str(tmp_path / "merged.safetensors")
    before = window.eval_tab.export_label.text()
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        dialog.export()
    assert ended.args[:2] == ["export", "finished"]
    assert dialog.where.text().startswith(f"Exported {ids['feature_lora']} to {tmp_path / 'merged.safetensors'}")
    assert window.eval_tab.export_label.text() == before


def test_an_evaluation_result_reaches_the_evaluation_tab_typed(qtbot, window, train_library, tmp_path):
    library_root, ids = train_library(tmp_path / "library")
    shutil.rmtree(window.state.models_root, ignore_errors=True)
    shutil.copytree(library_root, window.state.models_root)
    window.state.refresh_models()
    tab = window.eval_tab
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(tab.selector.item(i).checkState().Checked)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS):
        tab.evaluate()
    result = tab.result
    assert isinstance(result, evaluation_jobs.Evaluated) and result.status == "finished"
    assert {row.id for row in result.rows} == set(ids.values()) and result.test.labels.shape == (200,)
    assert result.effect.feature_ids == (ids["feature_lora"],) and result.effect.control_ids == (ids["control_lora"],)
    assert tab.table.rowCount() >= len(ids)



def test_the_models_the_window_trains_are_named_in_its_language(qapp, tiny_data, tmp_path):
    """In Chinese, a base and a fine-tuning's models get Chinese names (core_texts.base_name, run_name); the
    summary's clauses and lists are joined as Chinese joins them."""
    from lora_studio.core import paths
    from lora_studio.core.config import DataConfig, TrainConfig
    from lora_studio.core.storage.library import ModelLibrary
    from lora_studio.core.training.run_control import TrainControl
    from lora_studio.core.workflows.plans import FinetunePlan
    from lora_studio.gui.background.caches import DataCache
    from lora_studio.gui.base.jobs import make_train_base
    from lora_studio.gui.i18n import language as i18n
    from lora_studio.gui.lora.jobs import make_finetune

    cache, root, models = DataCache(), paths.datasets_dir(tiny_data), tmp_path / "models"
    context = worker.JobContext(worker.Worker(), TrainControl())
    installed = i18n.apply("zh_CN", qapp)
    try:
        assert not installed.missing
        quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
        base = make_train_base(cache, root, models, DataConfig(dataset="mnist"), quick).run(context)
        assert base.status == "finished", base.message
        plan = FinetunePlan(base_id=base.model_id, train=quick, limit=200)
        tuned = make_finetune(cache, root, models, plan).run(context)
        assert tuned.status == "finished", tuned.message
    finally:
        i18n.apply("en", qapp)
    names = {entry.record.kind: entry.record.name for entry in ModelLibrary(models).list() if entry.record}
    assert names == {"base": "基础模型 · MNIST · 随机种子 0",
                     "feature_lora": "LoRA r=8 fc1+fc2 · +亮度 · 随机种子 0",
                     "lora": "LoRA r=8 fc1+fc2 · 随机种子 0"}  # the control: what it is, LoRA without the input
    assert "；" in tuned.message and "; " not in tuned.message and "points" not in tuned.message
