"""Several seeds from the LoRA tab become one setting in the Evaluation tab: a mean row per setting and the
feature's effect with a t interval over the seeds."""

from PySide6.QtCore import Qt

from lora_studio.core.storage.library import ModelLibrary


def run(qtbot, window, button, kind):
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=120_000) as ended:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ended.args[:2] == [kind, "finished"], ended.args
    return ended.args


def test_two_seeds_from_the_lora_tab_are_aggregated_with_a_t_interval(qtbot, window):
    base = window.base_tab
    base.epochs.setValue(1)
    base.batch_size.setValue(32)
    base.learning_rate.setValue(0.003)
    run(qtbot, window, base.panel.start_button, "base")
    lora = window.lora_tab
    lora.epochs.setValue(1)
    lora.learning_rate.setValue(0.003)
    lora.seeds.setValue(2)
    run(qtbot, window, lora.panel.start_button, "lora")
    records = [e.record for e in ModelLibrary(window.state.models_root).list()]
    # the controls are kept as what they are, LoRA models; beside their feature runs they are called controls
    assert sorted((r.kind, r.train.seed) for r in records if r.kind != "base") == [
        ("feature_lora", 0), ("feature_lora", 1), ("lora", 0), ("lora", 1)]

    tab = window.eval_tab
    window.tabs.setCurrentWidget(tab)
    assert len(tab.checked_ids()) == 5  # the new models are ticked
    for i in range(tab.selector.count()):
        tab.selector.item(i).setCheckState(Qt.CheckState.Checked)
    run(qtbot, window, tab.evaluate_button, "evaluate")

    table = tab.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [row[1] for row in cells] == ["base", "feature+LoRA", "feature+LoRA", "feature+LoRA",
                                         "control", "control", "control"]
    means = [row for row, model_id in zip(cells, table.row_ids, strict=True) if model_id is None]
    assert [row[0] for row in means] == ["mean of 2 seeds", "mean of 2 seeds"]
    target, source, forgetting, seeds = (table.column(name) for name in (
        "Target accuracy", "Source accuracy", "Forgetting", "Seed"))
    assert all(" ± " in row[target] and row[seeds] == "0, 1" for row in means)
    feature = [r for r in tab.rows() if r.kind == "feature_lora"]
    assert means[0][target].startswith(f"{100 * sum(r.test_accuracy for r in feature) / 2:.2f} %")
    # the same task: source accuracy is the target accuracy, and forgetting is the base's minus it
    base = next(r for r in tab.rows() if r.kind == "base")
    assert means[0][source] == means[0][target]
    lost = [base.target_accuracy - r.target_accuracy for r in feature]
    assert means[0][forgetting].startswith(f"{100 * sum(lost) / 2:+.2f} ± ")
    effect = tab.result.effect
    assert (effect.effect.seeds, effect.effect.basis) == (2, "seeds") and effect.seeds == (0, 1)
    assert "t interval over 2 seeds" in tab.effect_label.text()
    assert tab.brightness.curve_count() == 5
    assert sorted(tab.labels().values()) == ["base · seed 0", "control · seed 0", "control · seed 1",
                                             "feature+LoRA · seed 0", "feature+LoRA · seed 1"]
    table.selectRow(2)  # a model row: it becomes the inspected model
    assert tab.inspected().id == table.row_ids[2]
