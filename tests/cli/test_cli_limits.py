"""The command line refuses every out-of-range or malformed number with one line and exit code 2, before any work.

The numeric options are found by walking the argument parser, so a new one without a
range fails here. Each is given values just below and just above its range in
config.RANGES, NaN, infinities and text, with everything else valid but pointing at
things that are not there (no data folder, no such model): the number must be the
complaint, i.e. checked before data is read or a model is loaded.
"""

import argparse
import contextlib
import io

import pytest

from lora_studio.cli import main
from lora_studio.cli.parser import build_parser, comma_ints
from lora_studio.core.config import RANGES

#: the RANGES key behind each numeric option (--seeds: each seed, and how many)
OPTION_RANGES = {"--epochs": "epochs", "--base-epochs": "epochs", "--lora-epochs": "epochs",
                 "--batch-size": "batch_size", "--lr": "lr", "--lora-lr": "lr", "--seed": "seed", "--seeds": "seed",
                 "--rank": "rank", "--ranks": "rank", "--alpha": "alpha", "--limit": "limit",
                 "--lora-plus-ratio": "lora_plus_ratio", "--density": "density"}
COMMAND_ARGS = {"experiment": ["--offline"], "train-base": ["--offline"], "finetune": ["no-such-base", "--offline"],
                "evaluate": ["no-such-model"], "sweep": ["--base", "no-such-base", "--offline"],
                "combine": ["no-such-model", "--how", "svd"]}


def numeric_options():
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for command, sub in commands.choices.items():
        for action in sub._actions:
            if action.type in (int, float, comma_ints):
                yield command, action.option_strings[-1], action.type


def bad_values(option: str, kind) -> list[str]:
    low, high = RANGES[OPTION_RANGES[option]]
    if kind is float:
        values = [repr(low / 10), repr(high * 10), "nan", "inf", "-inf", "abc", ""]
    else:
        values = [str(int(low) - 1), str(int(high) + 1), "abc", "1.5", "", "9" * 5000]
    if option == "--seeds":
        values += ["1,1", ",".join(map(str, range(int(RANGES["seeds"][1]) + 1)))]
    return values


CASES = [pytest.param(command, option, value, id=f"{command} {option} {value[:12]!r}")
         for command, option, kind in numeric_options() for value in bad_values(option, kind)]


def test_every_numeric_option_has_a_range():
    found = {option for _, option, _ in numeric_options()}
    assert found <= set(OPTION_RANGES), f"numeric options without a range here: {found - set(OPTION_RANGES)}"
    assert {command for command, _, _ in numeric_options()} <= set(COMMAND_ARGS)


@pytest.mark.parametrize("command, option, value", CASES)
def test_an_out_of_range_number_is_one_line_and_exit_2(command, option, value, tmp_path):
    args = [command, *COMMAND_ARGS[command], "--data-dir", str(tmp_path / "no-data"), f"{option}={value}"]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(args)
        except SystemExit as exit:
            code = exit.code
    message = err.getvalue()
    assert code == 2, message
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert "no-data" not in message and "no-such" not in message, f"the number was not checked first: {message}"
