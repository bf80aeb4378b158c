"""run_command: the `lora-studio` command of a tab's plan or of a saved model's record, and what it cannot say.

The round trip through the command line's parser is in tests/cli/test_command_round_trip.py and the commands
executed against the window's runs in tests/cli/test_show_command.py; here: what the builder writes for
records of every kind, the notes, the data folder, and the record's series as config.json keeps it.
"""

import json
import shlex
import subprocess
import sys

import pytest

from lora_studio.core import paths
from lora_studio.core.config import DataConfig, LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.errors import StorageError
from lora_studio.core.i18n import Text
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import Combination, CombinedParent, ModelRecord, Series
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.run_command import (
    BASE_PLACEHOLDER,
    COMBINED_PARENTS,
    NO_SERIES,
    NO_TRAIN_IMAGES,
    Command,
    base_command,
    finetune_command,
    record_command,
    sweep_command,
)
from lora_studio.core.workflows.sweep_plan import SweepPlan


def option(command: Command, name: str) -> str | None:
    argv = list(command.argv)
    return argv[argv.index(name) + 1] if name in argv else None


def tuned_record(kind="feature_lora", series=None, metrics=None, task="same", method=None, **lora) -> ModelRecord:
    features = FeatureScaler(("brightness",), (0.1,), (0.02,)) if kind == "feature_lora" else None
    return ModelRecord(kind=kind, name="m", dataset="mnist", model=ModelConfig(feature_dim=1 if features else 0),
                       train=TrainConfig(epochs=2, seed=7), lora=LoraConfig(**lora) if kind.endswith("lora") else None,
                       features=features, parent="base-1", task=task, method=method, series=series,
                       metrics={"train_images": 60_000} if metrics is None else metrics)


def test_the_builder_needs_no_pytorch():
    """The window shows a tab's command before PyTorch has loaded."""
    probe = ("import sys; from lora_studio.core.workflows import run_command; "
             "print('torch' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_data_set_and_the_seeds_are_always_written():
    command = base_command(DataConfig(), TrainConfig())
    assert command.line() == ("lora-studio train-base --dataset mnist --epochs 3 --batch-size 64 --lr 0.001 "
                              "--seed 0")
    assert option(finetune_command(FinetunePlan("b")), "--seed") == "0"
    assert option(finetune_command(FinetunePlan("b", seeds=(3, 1))), "--seeds") == "3,1"
    assert option(sweep_command(SweepPlan("b")), "--seeds") == "0"


def test_the_data_folder_is_written_absolute_unless_it_is_the_apps(tmp_path, monkeypatch):
    assert "--data-dir" not in base_command(DataConfig(), TrainConfig(), paths.datasets_dir()).argv
    monkeypatch.chdir(tmp_path)
    command = finetune_command(FinetunePlan("b"), "my data")
    assert option(command, "--data-dir") == str(tmp_path / "my data")
    assert "'--data-dir'" not in command.line() and f"'{tmp_path / 'my data'}'" in command.line()


def test_a_plan_without_a_base_gets_a_placeholder_and_says_so():
    for command in (finetune_command(FinetunePlan(None)), sweep_command(SweepPlan(""))):  # type: ignore[arg-type]
        assert BASE_PLACEHOLDER in command.argv
        assert [str(n) for n in command.notes] == [f"Choose a base model: the command needs its id in place of "
                                                   f"{BASE_PLACEHOLDER}."]


def test_what_the_command_line_cannot_set_is_a_note():
    dropout = finetune_command(FinetunePlan("b", lora=LoraConfig(dropout=0.1)))
    assert [str(n) for n in dropout.notes] == ["LoRA dropout (0.1) cannot be set on the command line: the command "
                                               "trains without it."]
    cosine = sweep_command(SweepPlan("b", train=TrainConfig(epochs=1, lr_schedule="cosine")))
    assert "cosine" in str(cosine.notes[0])
    assert Text(NO_SERIES, 5).template == NO_SERIES and "(seed 5)" in str(Text(NO_SERIES, 5))


def test_rare_settings_are_written_only_away_from_their_defaults():
    plain = finetune_command(FinetunePlan("b"))
    assert not {"--init", "--new-columns", "--batch-size", "--lr-schedule", "--limit"} & set(plain.argv)
    rare = finetune_command(FinetunePlan("b", lora=LoraConfig(init="kaiming", new_columns="zeros"), limit=500,
                                         train=TrainConfig(epochs=2, batch_size=32, lr_schedule="cosine")))
    assert [option(rare, o) for o in ("--init", "--new-columns", "--batch-size", "--lr-schedule", "--limit")] == [
        "kaiming", "zeros", "32", "cosine", "500"]


def test_numbers_read_back_exactly():
    command = finetune_command(FinetunePlan("b", lora=LoraConfig(alpha=12.0, lora_plus_ratio=1.1),
                                            train=TrainConfig(lr=1 / 3)))
    assert option(command, "--alpha") == "12" and float(option(command, "--lr")) == 1 / 3
    assert option(command, "--lora-plus-ratio") == "1.1"


def test_a_saved_model_of_a_series_gets_the_command_of_the_whole_series():
    series = Series((0, 7), control=True, features=("brightness",))
    for kind, says in (("feature_lora", "the run with the extra inputs"),
                       ("control_lora", "the control (no extra inputs)")):
        command = record_command(tuned_record(kind, series, rank=2, variant="dora"))
        assert option(command, "--seeds") == "0,7" and "--control" in command.argv
        assert option(command, "--features") == "brightness" and option(command, "--variant") == "dora"
        assert [str(n) for n in command.notes] == [f"This command makes 4 models; this one is {says}, seed 7."]
    alone = record_command(tuned_record("feature_lora", Series((7,), control=False, features=("brightness",))))
    assert alone.notes == () and option(alone, "--seed") == "7"


def test_an_older_record_makes_its_model_alone_with_a_note():
    command = record_command(tuned_record("control_lora"))
    assert option(command, "--features") == "none" and "--no-control" in command.argv
    assert option(command, "--seed") == "7" and [n.template for n in command.notes] == [NO_SERIES]


@pytest.mark.parametrize(("images", "task", "limit"), [
    (60_000, "same", None), (60_000, "fashion-mnist", None), (59_999, "inverted", "59999"), (300, "same", "300"),
    (9, "same", None),  # fewer than any limit: none was given
    (80_000, "folder:/tmp/digits", "80000"),  # own images may be more than MNIST's split
])
def test_the_training_images_come_from_the_record(images, task, limit):
    command = record_command(tuned_record("head", Series((7,), False), metrics={"train_images": images},
                                          task=task, method="head"))
    assert option(command, "--limit") == limit and command.notes == ()


def test_a_record_without_its_training_images_says_the_command_uses_all():
    command = record_command(tuned_record("head", Series((7,), False), metrics={}, method="head"))
    assert "--limit" not in command.argv and [n.template for n in command.notes] == [NO_TRAIN_IMAGES]


def test_a_base_records_command_is_the_base_tabs():
    record = ModelRecord(kind="base", name="b", dataset="kmnist", model=ModelConfig(),
                         train=TrainConfig(epochs=4, batch_size=128, lr=2e-3, seed=9), metrics={"train_images": 1000})
    assert record_command(record) == base_command(DataConfig("kmnist", 1000), record.train)
    assert shlex.split(record_command(record).line())[1] == "train-base"


def test_the_series_is_kept_in_config_json_and_older_records_have_none(tmp_path):
    library = ModelLibrary(tmp_path / "models")
    series = Series((1, 2), control=True, features=("brightness",))
    model_id = library.save(MnistCNN(ModelConfig()), tuned_record("head", series, method="head"))
    config_path = library.folder(model_id) / "config.json"
    config = json.loads(config_path.read_text())
    assert config["series"] == {"seeds": [1, 2], "control": True, "features": ["brightness"]}
    assert library.record(model_id).series == series
    del config["series"]
    config_path.write_text(json.dumps(config))
    assert library.record(model_id).series is None
    for bad in ({"seeds": [], "control": False}, {"seeds": [-1], "control": False}, {"seeds": [1], "control": 1},
                {"seeds": [1]}, {"seeds": [1], "control": False, "colour": 1}):
        config_path.write_text(json.dumps({**config, "series": bad}))
        with pytest.raises(StorageError, match=f"{model_id}: config.json is not valid"):
            library.record(model_id)


def test_a_base_gone_from_the_library_is_a_note():
    record = tuned_record("head", Series((7,), False), method="head")
    assert record_command(record).notes == ()
    [note] = record_command(record, base_in_library=False).notes
    assert note.values == ("base-1",) and str(note).startswith("The base model base-1 is no longer in the library")


# --- a combination of adapters: `combine`, never `finetune` ------------------------------------------------


def combined_record(how: str, parents: tuple[tuple[str, float], ...], rank: int = 4,
                    density: float | None = None) -> ModelRecord:
    """A record as workflows/combine.py writes it (a LoRA model of its base, its first parent's training)."""
    combination = Combination(how, rank, tuple(CombinedParent(i, w) for i, w in parents), density)
    return ModelRecord(kind="lora", name="c", dataset="mnist", model=ModelConfig(), train=TrainConfig(seed=1),
                       lora=LoraConfig(rank=rank, alpha=float(rank), layers=("fc2",)), parent="base-1",
                       method="lora", combination=combination, metrics={"trainable_params": 10})


@pytest.mark.parametrize(("how", "rank", "density", "options"), [
    ("cat", 12, None, []), ("linear", 4, None, []), ("svd", 6, None, ["--rank", "6"]),
    ("ties", 4, 0.35, ["--density", "0.35"]), ("magnitude_prune", 4, 0.2, ["--density", "0.2"]),
])
def test_a_combinations_command_combines_its_parents_again(how, rank, density, options):
    record = combined_record(how, (("adapter-1", 1.0), ("adapter-2", -0.5)), rank, density)
    command = record_command(record, base_in_library=False)  # a combination reads its parents, not the base
    assert list(command.argv) == ["combine", "adapter-1:1", "adapter-2:-0.5", "--how", how, *options]
    [note] = command.notes
    assert note.template == COMBINED_PARENTS and note.values == ("adapter-1, adapter-2",)
    assert "must be in the library" in str(note)


def test_a_combinations_command_names_a_data_folder_to_score_it(tmp_path):
    command = record_command(combined_record("cat", (("a", 2.0),)), tmp_path / "data")
    assert option(command, "--data-dir") == str((tmp_path / "data").absolute())
