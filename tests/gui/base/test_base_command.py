"""The Base training tab shows the `lora-studio train-base` command of its settings, and copies it (issue 21)."""

from command_checks import click_copy, copy_button, parsed

from lora_studio.cli.common import train_config
from lora_studio.core.config import DataConfig


def read_back(line: str) -> tuple[DataConfig, object]:
    args = parsed(line)
    assert args.command == "train-base"
    return DataConfig(args.dataset, args.limit), train_config(args)


def test_the_command_follows_every_setting_and_reads_back_as_what_start_would_train(qtbot, window):
    tab = window.base_tab
    window.tabs.setCurrentWidget(tab)
    shown = tab.command.line()
    assert read_back(shown) == tab.settings()
    assert "--data-dir" not in shown  # the data set is in the app's own folder: the command's default
    changes = (lambda: tab.epochs.setValue(5), lambda: tab.batch_size.setValue(32),
               lambda: tab.learning_rate.setValue(0.0035), lambda: tab.seed.setValue(7),
               lambda: tab.subset.setValue(400), lambda: window.state.select_dataset("fashion-mnist"))
    for change in changes:
        before = tab.command.line()
        change()
        after = tab.command.line()
        assert after != before
        assert read_back(after) == tab.settings()
    data, train = tab.settings()
    assert (data, train.epochs, train.batch_size, train.lr, train.seed) == (DataConfig("fashion-mnist", 400), 5, 32,
                                                                            0.0035, 7)
    assert tab.command.text.toPlainText() == tab.command.line()  # no notes for a base's command
    assert tab.command.notes() == []


def test_the_copy_button_puts_exactly_the_shown_line_on_the_clipboard(qtbot, window):
    tab = window.base_tab
    window.tabs.setCurrentWidget(tab)
    tab.seed.setValue(11)
    copied, said = click_copy(qtbot, window.state, tab)
    assert copied == tab.command.line() and "--seed 11" in copied
    assert said == "Command copied to the clipboard"
    assert copy_button(tab).text() == "Copy command" and copy_button(tab).isEnabled()


def test_the_command_is_there_before_the_core_has_loaded(make_window):
    """run_command is torch-free: the tab shows its command while PyTorch is still loading."""
    window = make_window(wait_ready=False)
    assert not window.state.ready
    assert window.base_tab.command.line() == "lora-studio train-base --dataset mnist --epochs 3 --batch-size 64 " \
                                             "--lr 0.001 --seed 0"
