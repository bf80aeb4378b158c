"""The `lora-studio` command of a run: what a tab has set up, or what made a saved model, as argv and one line.

Executed with the same data, the command trains the same models as the window: `train-base` for the Base
training tab, `finetune` for the LoRA tab (every seed, the feature run and its control), `sweep` for the
Compare tab, each taking the core path the window takes (runs.train_base_run, runs.finetune_runs,
sweep.run_sweep). Every setting a tab shows is written, at its default too, so the line reads as the
tab does; settings no tab has are written only when they are not the command's default.

A saved model's command comes from its record: its settings, its training images (`train_images`: keeping
the first N of the same data set is the run itself, limited or not) and, since issue 21, the series of runs
it was one of (record.Series). A combination of adapters (issue 20) was never trained: its command is
`combine`, from the parents, weights and way its record names. What a record cannot tell is said in the
command's notes.

Torch-free, like the plans: the window shows a command before PyTorch has loaded.
"""

import dataclasses
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lora_studio.core import paths
from lora_studio.core.config import RANGES, DataConfig, LoraConfig, TrainConfig
from lora_studio.core.data.task_names import FOLDER_PREFIX
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.sweep_plan import SweepPlan

if TYPE_CHECKING:  # read only: importing storage would load PyTorch
    from lora_studio.core.storage.record import ModelRecord

PROGRAM = "lora-studio"
BASE_PLACEHOLDER = "BASE_ID"  # written where the LoRA or Compare tab has no base model chosen yet
FULL_TRAINING_SPLIT = 60_000  # the training images of MNIST, Fashion-MNIST and KMNIST alike
DEFAULT_BATCH_SIZE, DEFAULT_LR = 64, 1e-3  # the commands' defaults (cli/parser.py)

NO_BASE = QT_TRANSLATE_NOOP("commands", "Choose a base model: the command needs its id in place of {0}.")
SERIES_PART = {
    "feature_lora": QT_TRANSLATE_NOOP("commands", "This command makes {0} models; this one is the run with the "
                                                  "extra inputs, seed {1}."),
    "control_lora": QT_TRANSLATE_NOOP("commands", "This command makes {0} models; this one is the control (no "
                                                  "extra inputs), seed {1}."),
}
SERIES_PART_OTHER = QT_TRANSLATE_NOOP("commands", "This command makes {0} models; this one is seed {1}.")
NO_SERIES = QT_TRANSLATE_NOOP(
    "commands", "Saved before LoRA Studio recorded a fine-tuning's other runs: this command makes this model alone "
                "(seed {0}); whether a control or other seeds ran beside it is not known.")
NO_TRAIN_IMAGES = QT_TRANSLATE_NOOP(
    "commands", "The record does not say how many training images the run used: the command uses them all.")
NO_PARENT = QT_TRANSLATE_NOOP("commands", "The record does not name its base model: put its id in place of {0}.")
BASE_GONE = QT_TRANSLATE_NOOP(
    "commands", "The base model {0} is no longer in the library: the command needs it (or one made the same way).")
NO_DROPOUT = QT_TRANSLATE_NOOP(
    "commands", "LoRA dropout ({0}) cannot be set on the command line: the command trains without it.")
SWEEP_SCHEDULE = QT_TRANSLATE_NOOP(
    "commands", "A sweep always keeps its learning rate constant; this plan asks for the {0} schedule.")
COMBINED_PARENTS = QT_TRANSLATE_NOOP(
    "commands", "This model was combined from other adapters, not trained: the command combines {0} again, so "
                "they must be in the library.")


@dataclass(frozen=True)
class Command:
    argv: tuple[str, ...]  # the arguments after the program's name: what lora_studio.cli.main takes
    # what a command cannot say, or what the model is among its runs: marked templates (context "commands") and
    # their values, which the window says in its language
    notes: tuple[Text, ...] = ()

    def line(self, program: str = PROGRAM) -> str:
        """One line for a POSIX shell, every argument quoted where it must be (paths with spaces too)."""
        return shlex.join((program, *self.argv))

    def to_dict(self) -> dict:
        return {"command": self.line(), "argv": list(self.argv), "notes": [str(note) for note in self.notes]}


def base_command(data: DataConfig, train: TrainConfig, data_dir: str | os.PathLike | None = None) -> Command:
    """`train-base` for the Base training tab's settings: the data set and how many of its images, epochs,
    batch size, learning rate, seed. `data_dir`: where the data set is, written unless it is the app's folder."""
    argv = ["train-base", "--dataset", data.dataset, *_data_dir(data_dir), "--epochs", _number(train.epochs),
            "--batch-size", _number(train.batch_size), "--lr", _number(train.lr), "--seed", _number(train.seed),
            *_limit(data.limit)]
    if train.lr_schedule != TrainConfig().lr_schedule:
        argv += ["--lr-schedule", train.lr_schedule]
    return Command(tuple(argv))


def finetune_command(plan: FinetunePlan, data_dir: str | os.PathLike | None = None) -> Command:
    """`finetune` for the LoRA tab's plan: every run it makes (each seed; for LoRA the feature run and, when
    asked, its control), from the base model of the library named by `plan.base_id`."""
    notes: list[Text] = []
    argv = ["finetune", _base_id(plan.base_id, notes), *_data_dir(data_dir), "--task", plan.task,
            "--method", plan.method]
    if plan.method == "lora":
        argv += [*_lora_options(plan.lora, notes), "--features", _names(plan.features),
                 "--control" if plan.control else "--no-control"]
    train = plan.train
    argv += ["--epochs", _number(train.epochs), "--lr", _number(train.lr)]
    if train.batch_size != DEFAULT_BATCH_SIZE:
        argv += ["--batch-size", _number(train.batch_size)]
    if train.lr_schedule != TrainConfig().lr_schedule:
        argv += ["--lr-schedule", train.lr_schedule]
    argv += _limit(plan.limit)
    argv += ["--seed", _number(plan.seeds[0])] if len(plan.seeds) == 1 else ["--seeds", _numbers(plan.seeds)]
    return Command(tuple(argv), tuple(notes))


def sweep_command(plan: SweepPlan, data_dir: str | os.PathLike | None = None) -> Command:
    """`sweep` for the Compare tab's plan: methods × ranks × variants over its seeds, from one base model."""
    notes: list[Text] = []
    argv = ["sweep", "--base", _base_id(plan.base_id, notes), *_data_dir(data_dir), "--task", plan.task,
            "--methods", ",".join(plan.methods)]
    if "lora" in plan.methods:  # the other methods read none of these
        argv += ["--layers", _names(plan.layers), "--ranks", _numbers(plan.ranks), "--variants",
                 ",".join(plan.variants), "--alpha", _number(plan.alpha), "--lora-plus-ratio",
                 _number(plan.lora_plus_ratio)]
    train = plan.train
    argv += ["--epochs", _number(train.epochs)]
    if train.batch_size != DEFAULT_BATCH_SIZE:
        argv += ["--batch-size", _number(train.batch_size)]
    if train.lr != DEFAULT_LR:
        argv += ["--lr", _number(train.lr)]
    if train.lr_schedule != "constant":
        notes.append(Text(SWEEP_SCHEDULE, train.lr_schedule))
    argv += [*_limit(plan.limit), "--seeds", _numbers(plan.seeds)]
    if plan.save_models:
        argv.append("--save-models")
    return Command(tuple(argv), tuple(notes))


def record_command(record: "ModelRecord", data_dir: str | os.PathLike | None = None,
                   base_in_library: bool = True) -> Command:
    """The command that made a saved model: `train-base` for a base model; for a fine-tuned one, `finetune`
    making its whole series (every seed, the feature run and its control), a note saying which run it is; for a
    combination of adapters, `combine` (combination_command).
    `base_in_library`: whether the caller found the model's base in its library (a note when it did not)."""
    notes: list[Text] = []
    if record.combination is not None:  # made by `combine`: no training run made it
        return combination_command(record, data_dir)
    limit = _recorded_limit(record, notes)
    if record.kind == "base":
        made = base_command(DataConfig(record.dataset, limit), record.train, data_dir)
        return Command(made.argv, tuple(notes))
    series = record.series
    seed = record.train.seed
    seeds: tuple[int, ...]
    if series is None:  # an older record: this model alone is all that is known
        own_features = tuple(record.features.names) if record.features is not None else ()
        seeds, control, features = (seed,), False, own_features
        notes.append(Text(NO_SERIES, seed))
    else:
        seeds, control, features = series.seeds, series.control, series.features
    if not record.parent:
        notes.append(Text(NO_PARENT, BASE_PLACEHOLDER))
    elif not base_in_library:
        notes.append(Text(BASE_GONE, record.parent))
    plan = FinetunePlan(record.parent or BASE_PLACEHOLDER, record.lora or LoraConfig(), features, control, seeds,
                        dataclasses.replace(record.train, seed=0), limit, record.task, record.method or "lora")
    made = finetune_command(plan, data_dir)
    count = len(plan.runs())
    if series is not None and count > 1:
        notes.append(Text(SERIES_PART.get(record.phase, SERIES_PART_OTHER), count, seed))
    return Command(made.argv, (*made.notes, *notes))


def combination_command(record: "ModelRecord", data_dir: str | os.PathLike | None = None) -> Command:
    """`combine PARENT:WEIGHT … --how H [--rank R] [--density D]` for a model that `lora-studio combine` (or the
    window's adapter stack) made: the same parents, weights and way give the same adapter tensors, and a note
    says that the parents must be in the library. `--rank` only for svd (the other ways refuse a rank they do
    not give), `--density` only for the ways that read it; `data_dir`: where the base's data set is, to score it."""
    combination = record.combination
    assert combination is not None
    argv = ["combine", *(f"{parent.id}:{_number(parent.weight)}" for parent in combination.parents),
            "--how", combination.how]
    if combination.how == "svd":
        argv += ["--rank", _number(combination.rank)]
    if combination.density is not None:
        argv += ["--density", _number(combination.density)]
    argv += _data_dir(data_dir)
    parents = ", ".join(dict.fromkeys(parent.id for parent in combination.parents))
    return Command(tuple(argv), (Text(COMBINED_PARENTS, parents),))


# --- pieces -------------------------------------------------------------------------------------------


def _number(value: float) -> str:
    """A number as Python reads it back exactly (repr), without a float's needless '.0'."""
    text = repr(value)
    return text[:-2] if isinstance(value, float) and text.endswith(".0") else text


def _numbers(values: tuple[int, ...]) -> str:
    return ",".join(_number(v) for v in values)


def _names(names: tuple[str, ...]) -> str:
    return ",".join(names) if names else "none"  # the parser reads 'none' as no names


def _limit(limit: int | None) -> list[str]:
    return [] if limit is None else ["--limit", _number(limit)]


def _data_dir(data_dir: str | os.PathLike | None) -> list[str]:
    """`--data-dir DIR` (made absolute: the command may run elsewhere), unless it is the app's data folder."""
    if data_dir is None:
        return []
    folder = Path(data_dir).expanduser().absolute()
    return [] if folder == paths.datasets_dir().expanduser().absolute() else ["--data-dir", str(folder)]


def _base_id(base_id: str | None, notes: list[Text]) -> str:
    if base_id:
        return base_id
    notes.append(Text(NO_BASE, BASE_PLACEHOLDER))
    return BASE_PLACEHOLDER


def _lora_options(lora: LoraConfig, notes: list[Text]) -> list[str]:
    argv = ["--layers", ",".join(lora.layers), "--rank", _number(lora.rank), "--alpha", _number(lora.alpha),
            "--variant", lora.variant, "--lora-plus-ratio", _number(lora.lora_plus_ratio)]
    default = LoraConfig()
    if lora.init != default.init:
        argv += ["--init", lora.init]
    if lora.new_columns != default.new_columns:
        argv += ["--new-columns", lora.new_columns]
    if lora.dropout != default.dropout:
        notes.append(Text(NO_DROPOUT, lora.dropout))
    return argv


def _recorded_limit(record: "ModelRecord", notes: list[Text]) -> int | None:
    """The `--limit` that gives a saved run its training images: the number it used. None when no limit can
    have cut them: fewer than the smallest limit, or a whole MNIST-format training split (own images can be
    more, so a folder task keeps its number)."""
    images = record.metrics.get("train_images")
    if not isinstance(images, int) or isinstance(images, bool):
        notes.append(Text(NO_TRAIN_IMAGES))
        return None
    low, high = RANGES["limit"]
    if not low <= images <= high or (images >= FULL_TRAINING_SPLIT and not record.task.startswith(FOLDER_PREFIX)):
        return None
    return images
