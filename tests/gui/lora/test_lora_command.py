"""The LoRA tab shows the `lora-studio finetune` command of its plan, follows every control, copies it, and
shows why there is none when a setting is refused (issue 21)."""

import shlex

import pytest
from command_checks import click_copy, copy_button, parsed

from lora_studio.cli.common import finetune_plan
from lora_studio.core.workflows.run_command import BASE_PLACEHOLDER


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("lora-command-library"), control=False)


@pytest.fixture
def lora_window(open_with_library, trained_library):
    """A ready window with a base model in its library, showing the LoRA tab."""
    return open_with_library(trained_library, "lora_tab")


def read_back(line: str):
    args = parsed(line)
    assert args.command == "finetune"
    return finetune_plan(args)


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_command_follows_every_control_and_reads_back_as_the_plan_start_would_run(lora_window):
    tab, base_id = lora_window.lora_tab, lora_window.ids["base"]
    assert tab.base_combo.currentData() == base_id
    assert read_back(tab.command.line()) == tab.plan()
    changes = (
        lambda: tab.task_combo.select("inverted"),
        lambda: tab.layer_checks["conv1"].setChecked(True),
        lambda: tab.layer_checks["fc1"].setChecked(False),
        lambda: tab.rank.setValue(4),
        lambda: tab.alpha.setValue(8.5),
        lambda: choose(tab.variant_combo, "rslora"),
        lambda: tab.lora_plus.setValue(4.0),
        lambda: tab.feature_checks["ink"].setChecked(True),
        lambda: tab.control_check.setChecked(False),
        lambda: tab.epochs.setValue(3),
        lambda: tab.learning_rate.setValue(0.002),
        lambda: tab.subset.setValue(300),
        lambda: tab.seeds.setValue(3),
        lambda: choose(tab.method_combo, "head"),  # the LoRA settings leave the command
        lambda: choose(tab.method_combo, "lora"),
    )
    for change in changes:
        before = tab.command.line()
        change()
        after = tab.command.line()
        assert after != before
        assert read_back(after) == tab.plan()
    words = shlex.split(tab.command.line())
    assert words[1:3] == ["finetune", base_id] and "--data-dir" not in words
    for option, value in (("--task", "inverted"), ("--layers", "conv1,fc2"), ("--rank", "4"), ("--alpha", "8.5"),
                          ("--variant", "rslora"), ("--lora-plus-ratio", "4"), ("--features", "brightness,ink"),
                          ("--epochs", "3"), ("--lr", "0.002"), ("--limit", "300"), ("--seeds", "0,1,2")):
        assert words[words.index(option) + 1] == value, option
    assert "--no-control" in words
    assert tab.command.text.toPlainText() == tab.command.line() and tab.command.notes() == []


def test_another_method_reads_back_as_its_plan_without_the_lora_settings(lora_window):
    tab = lora_window.lora_tab
    choose(tab.method_combo, "full")
    tab.task_combo.select("rotate90")
    line = tab.command.line()
    assert read_back(line) == tab.plan()
    assert "--method full" in line and "--layers" not in line and "--features" not in line


def test_copy_puts_exactly_the_shown_line_on_the_clipboard(qtbot, lora_window):
    tab = lora_window.lora_tab
    tab.rank.setValue(16)
    copied, said = click_copy(qtbot, lora_window.state, tab)
    assert copied == tab.command.line() and "--rank 16" in copied
    assert said == "Command copied to the clipboard"


def test_a_refused_setting_shows_its_reason_instead_of_a_command(lora_window):
    tab = lora_window.lora_tab
    for check in tab.layer_checks.values():
        check.setChecked(False)
    assert tab.command.line() is None
    assert tab.command.reason == "Choose at least one layer for LoRA"
    assert tab.command.text.toPlainText() == "Choose at least one layer for LoRA"
    assert not copy_button(tab).isEnabled()
    tab.layer_checks["fc2"].setChecked(True)
    assert read_back(tab.command.line()) == tab.plan() and copy_button(tab).isEnabled()
    assert tab.command.reason == ""


def test_without_a_base_model_the_command_says_where_its_id_goes(make_window, tiny_data):
    tab = make_window().lora_tab
    assert tab.base_combo.currentData() is None
    line = tab.command.line()
    assert shlex.split(line)[1:3] == ["finetune", BASE_PLACEHOLDER]
    note = f"Choose a base model: the command needs its id in place of {BASE_PLACEHOLDER}."
    assert tab.command.notes() == [note]
    assert tab.command.text.toPlainText() == f"{line}\n# {note}"  # a shell comment under the line
