"""The Compare tab shows the `lora-studio sweep` command of its plan, follows every control, copies it (also
while the text is closed), and shows why there is none when a choice is refused (issue 21)."""

import shlex

import pytest
from command_checks import click_copy, copy_button, parsed

from lora_studio.cli import sweep


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("compare-command-library"), control=False)


@pytest.fixture
def compare_window(open_with_library, trained_library):
    return open_with_library(trained_library, "compare_tab")


def read_back(line: str):
    args = parsed(line)
    assert args.command == "sweep" and not args.train_base
    return sweep.plan_from(args, args.base)


def test_the_command_follows_every_control_and_reads_back_as_the_plan_start_would_run(compare_window):
    tab, base_id = compare_window.compare_tab, compare_window.ids["base"]
    assert tab.base_combo.currentData() == base_id
    assert read_back(tab.command.line()) == tab.plan()
    changes = (
        lambda: tab.task_combo.select("swap-labels"),
        lambda: tab.methods.set_values(("lora", "head", "full")),
        lambda: tab.layers.set_values(("conv1", "fc2")),
        lambda: tab.ranks.set_values((2, 16)),
        lambda: tab.variants.set_values(("lora", "dora")),
        lambda: tab.alpha.setValue(8.0),
        lambda: tab.lora_plus.setValue(2.5),
        lambda: tab.seeds.setValue(2),
        lambda: tab.epochs.setValue(2),
        lambda: tab.subset.setValue(300),
        lambda: tab.save_models.setChecked(True),
    )
    for change in changes:
        before = tab.command.line()
        change()
        after = tab.command.line()
        assert after != before
        assert read_back(after) == tab.plan()
    words = shlex.split(tab.command.line())
    assert words[1:4] == ["sweep", "--base", base_id] and "--data-dir" not in words
    for option, value in (("--task", "swap-labels"), ("--methods", "lora,head,full"), ("--layers", "conv1,fc2"),
                          ("--ranks", "2,16"), ("--variants", "lora,dora"), ("--alpha", "8"),
                          ("--lora-plus-ratio", "2.5"), ("--epochs", "2"), ("--limit", "300"), ("--seeds", "0,1")):
        assert words[words.index(option) + 1] == value, option
    assert "--save-models" in words
    assert tab.command.notes() == []  # the Compare tab's constant learning rate is the sweep's own


def test_the_text_opens_and_closes_and_copy_works_either_way(qtbot, compare_window):
    tab = compare_window.compare_tab
    command = tab.command
    assert not command.is_open() and not command.text.isVisible()  # the default: closed, the results keep the room
    copied, said = click_copy(qtbot, compare_window.state, tab)
    assert copied == command.line() and said == "Command copied to the clipboard"
    command.toggle.click()
    assert command.is_open() and command.text.isVisible()
    assert command.text.toPlainText() == command.line()
    tab.seeds.setValue(3)
    copied, _ = click_copy(qtbot, compare_window.state, tab)
    assert copied == command.line() and "--seeds 0,1,2" in copied


def test_the_open_text_is_remembered(make_window, tiny_data):
    window = make_window()
    window.compare_tab.command.set_open(True)
    window.close()
    assert make_window().compare_tab.command.is_open()


def test_a_refused_choice_shows_its_reason_instead_of_a_command(compare_window):
    tab = compare_window.compare_tab
    tab.command.set_open(True)
    tab.methods.set_values(())
    assert tab.command.line() is None
    assert tab.command.reason == "Choose at least one method"
    assert tab.command.text.toPlainText() == tab.command.reason
    assert not copy_button(tab).isEnabled()
    tab.methods.set_values(("head",))
    line = tab.command.line()
    assert read_back(line) == tab.plan() and copy_button(tab).isEnabled()
    assert "--layers" not in line  # what only LoRA reads is left out
