"""Target tasks by name: what `lora-studio tasks` lists and the window's task combo box shows.

A fine-tuning run adapts a base model trained on its *source* task to a *target* task. This module holds
only names, titles and descriptions, and parses what a person typed; it imports neither PyTorch nor
NumPy, so the window can fill its combo box before they load. `tasks.make_task` builds the data.
"""

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from lora_studio.core.errors import ConfigError, DataError, one_line

FOLDER_PREFIX = "folder:"
FOLDER_FORM = "folder:PATH"  # how the own-images task is listed


@dataclass(frozen=True)
class TaskInfo:
    name: str  # as typed on the command line and stored in run records; FOLDER_FORM for own images
    title: str  # one line, for a combo box or a table
    description: str  # for a learner: what changes, and which layer is expected to matter
    needs_dataset: str | None = None  # another installed data set the task is made of (its DATASETS name)


_INFOS = (
    TaskInfo(
        "same", "Same task (unchanged)",
        "The base's own data set, unchanged: the article's experiment. The base already knows this task, "
        "so an adapter has almost nothing to learn; keep it as the control the other tasks are judged by.",
    ),
    TaskInfo(
        "inverted", "Inverted colours",
        "Every pixel becomes 255 − pixel: dark digits on a white background. The shapes are the same, only "
        "the pixel values changed, and the first layer is the one that reads pixel values: an adapter on "
        "conv1 alone, with a tiny number of parameters, can undo it. Adapting fc1 and fc2 works too, with "
        "many times the parameters.",
    ),
    TaskInfo(
        "rotate90", "Rotated by 90°",
        "Every image turned a quarter turn anticlockwise. Strokes keep their look but move to new places "
        "and directions, which conv1's 3×3 filters cannot undo: adapting conv1 barely helps here. The fully "
        "connected layers (fc1, fc2), which see the whole image at once, are where adapting pays.",
    ),
    TaskInfo(
        "noisy", "Noisy digits",
        "Gaussian noise with a standard deviation of half the pixel range (drawn from a fixed seed, so "
        "the same every time) added to every pixel, then clipped. The digits are still there under the "
        "noise; an adapter on conv1 can learn to filter it out, and adapting fc1 and fc2 does about as well.",
    ),
    TaskInfo(
        "swap-labels", "Swapped labels (0↔1, 2↔3, …)",
        "The same images with their labels swapped in pairs: 0↔1, 2↔3, 4↔5, 6↔7, 8↔9. Nothing about the "
        "images changed, only what each class is called, so the change lives in the last layer, fc2 (the "
        "head): adapting conv1 cannot help, while training the head alone does well.",
    ),
    TaskInfo(
        "fashion-mnist", "Fashion-MNIST (clothes)",
        "Photos of ten kinds of clothing (T-shirt, trouser, …, ankle boot) in MNIST's format: new images "
        "and new classes. Edge and stroke detectors still carry over, so the fully connected layers "
        "matter most; expect the base's own task to be forgotten more than with the small changes.",
        needs_dataset="fashion-mnist",
    ),
    TaskInfo(
        "kmnist", "KMNIST (cursive Japanese)",
        "Ten cursive Japanese (Kuzushiji) characters in MNIST's format: handwriting again, with new shapes "
        "and new classes. Strokes carry over from the digits, so the fully connected layers are where "
        "adapting pays.",
        needs_dataset="kmnist",
    ),
)
#: the tasks with fixed names, in the order they are listed
TASKS: dict[str, TaskInfo] = {info.name: info for info in _INFOS}

FOLDER_TASK = TaskInfo(
    FOLDER_FORM, "Your own images (a folder)",
    "Images you made: a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any "
    "size, colour or grey). Each is made grey and white-on-black, boxed to 20 pixels and centred in 28×28 "
    "like MNIST (leave some background around each digit: the border tells paper from ink); a fifth of each "
    "class is held out as the test split. Which layer matters depends on how your images differ from the base's.",
)


@dataclass(frozen=True)
class TaskSpec:
    """A parsed task: its name as it is recorded, its entry in the registry and, for own images, the folder."""

    name: str  # "inverted", …; "folder:" and the absolute path for own images
    info: TaskInfo
    folder: Path | None = None


def task_infos() -> list[TaskInfo]:
    """Every task, the own-images form (`folder:PATH`) last."""
    return [*TASKS.values(), FOLDER_TASK]


def task_names() -> list[str]:
    """Every task's name, `folder:PATH` last: what `lora-studio tasks` lists, one a line."""
    return [info.name for info in task_infos()]


def folder_task_name(folder: str | os.PathLike) -> str:
    """The task name for a folder of own images, with the folder made absolute (records stay meaningful)."""
    return FOLDER_PREFIX + os.path.abspath(os.path.expanduser(os.fspath(folder)))


def parse_task(text: str) -> TaskSpec:
    """A task name as typed → TaskSpec; raise DataError with one line for anything that is not a task.

    The names are exact (`inverted`, not `Inverted`). `folder:PATH` accepts any path, `~` included; whether
    the folder holds usable images is checked when the task is made, not here.
    """
    if not isinstance(text, str):
        raise DataError(f"a task name must be text, got {type(text).__name__}")
    text = text.strip()
    if text in TASKS:
        return TaskSpec(text, TASKS[text])
    if text.startswith(FOLDER_PREFIX):
        path = text[len(FOLDER_PREFIX):].strip()
        if not path:
            raise DataError(f"{FOLDER_FORM}: give the folder after the colon, e.g. folder:~/my-digits")
        name = folder_task_name(path)
        return TaskSpec(name, FOLDER_TASK, Path(name[len(FOLDER_PREFIX):]))
    choices = ", ".join(task_names())
    if not text:
        raise DataError(f"no task given; choose one of {choices}")
    key, candidates = text.partition(":")[0], [*TASKS, "folder"]  # "fold:x" is compared as "fold"
    close = [name for name in candidates if len(key) >= 3 and name.startswith(key)][:1]  # "swap": swap-labels
    close = close or difflib.get_close_matches(key, candidates, n=1)
    hint = "" if not close else f"did you mean {FOLDER_FORM if close[0] == 'folder' else close[0]}? "
    raise DataError(one_line(f"unknown task {text!r}; {hint}choose one of {choices}"))


def check_task(task: str) -> str:
    """The task name as it is recorded (a folder made absolute), or ConfigError for a name that is no task.
    Whether a folder holds usable images is checked when the task's data is made."""
    try:
        return parse_task(task).name
    except DataError as exc:
        raise ConfigError(str(exc)) from None
