"""The Evaluation table gives each model's `lora-studio` command (its tooltip, its context menu's "Copy
command"; the inspected model's with `copyCommandButton`), the one that made it: for the runs of one LoRA
tab fine-tuning, the command that tab showed before they were started (issue 21)."""

import html

import pytest
from command_checks import click_copy, clipboard, copy_button
from PySide6.QtCore import Qt
from qt_timeouts import LONG_JOB_MS

from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows.run_command import record_command


def run(qtbot, window, start, kind: str) -> None:
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=LONG_JOB_MS) as ended:
        start()
    assert ended.args[:2] == [kind, "finished"], ended.args


@pytest.mark.slow
def test_each_evaluated_model_gives_the_command_that_made_it(qtbot, window):
    base = window.base_tab
    base.epochs.setValue(1)
    base.subset.setValue(300)
    base.batch_size.setValue(32)
    base_line = base.command.line()
    run(qtbot, window, base.start, "base")
    lora = window.lora_tab
    lora.epochs.setValue(1)
    lora.subset.setValue(300)
    lora.seeds.setValue(2)
    lora.control_check.setChecked(True)
    lora.task_combo.select("inverted")
    lora_line = lora.command.line()
    run(qtbot, window, lora.start, "lora")

    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    run(qtbot, window, tab.evaluate, "evaluate")
    library = ModelLibrary(window.state.models_root)
    table = tab.table
    model_rows = [(row, model_id) for row, model_id in enumerate(table.row_ids) if model_id is not None]
    assert len({model_id for _row, model_id in model_rows}) == 5  # the base, two seeds of feature+LoRA and control
    in_tooltips = set()
    for row, model_id in model_rows:
        expected = record_command(library.record(model_id), window.state.data_root)
        # the command each saved model gives is the one its tab showed before the run
        assert expected.line() == (base_line if "train-base" in expected.line() else lora_line)
        if html.escape(expected.line()) in table.item(row, 0).toolTip():  # a reference row says what it is instead
            in_tooltips.add(model_id)
        menu = table.command_menu(row)
        [action] = menu.actions()
        assert action.objectName() == "copyCommandAction" and action.text() == "Copy command"
        action.trigger()
        assert clipboard() == expected.line()
    assert in_tooltips == {model_id for _row, model_id in model_rows}
    mean_rows = [row for row, model_id in enumerate(table.row_ids) if model_id is None]
    assert len(mean_rows) == 2 and all(table.command_menu(row) is None for row in mean_rows)

    notes = [str(note) for note in record_command(library.record(tab.inspect_combo.currentData())).notes]
    assert any("This command makes 4 models" in note for note in notes)
    copied, said = click_copy(qtbot, window.state, tab)
    assert copied == lora_line and said == "Command copied to the clipboard"
    tab.inspect(next(model_id for _row, model_id in model_rows if library.record(model_id).kind == "base"))
    copied, _ = click_copy(qtbot, window.state, tab)
    assert copied == base_line
    assert html.escape(base_line) in copy_button(tab).toolTip()
