"""Target tasks by name: what `lora-studio tasks` lists and the window's task combo box shows.

A fine-tuning run adapts a base model trained on its *source* task to a *target* task. This module holds
only names, titles and descriptions, and parses what a person typed; it imports neither PyTorch nor
NumPy, so the window can fill its combo box before they load. `tasks.make_task` builds the data.

A *composite* task joins two or more changes of the source with `+`: the input changes `rotate90`, `noisy`,
`inverted` and the label change `swap-labels`, each at most once, written in the one order they apply in
(COMPOSABLE's), e.g. `noisy+inverted` (noise added, then the colours inverted) or `inverted+swap-labels`. One
order means one name per task, so records and comparisons by name never hold two spellings of the same data;
`swap-labels+inverted` is refused with the name to write instead. `lora-studio tasks` lists every pair
(COMPOSITES); longer joins follow the same rule.
"""

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lora_studio.core.errors import ConfigError, DataError, one_line
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text

FOLDER_PREFIX = "folder:"
FOLDER_FORM = "folder:PATH"  # how the own-images task is listed


@dataclass(frozen=True)
class TaskInfo:
    # as typed on the command line and stored in run records; FOLDER_FORM for own images. Marked: a model's
    # name writes the task by its name (task_label), which the window translates
    name: str
    title: str  # one line, for a combo box or a table
    description: str  # for a learner: what changes, and which layer is expected to matter
    needs_dataset: str | None = None  # another installed data set the task is made of (its DATASETS name)
    parts: tuple[str, ...] = ()  # a composite's single tasks, in the order they apply; () for a single task


_INFOS = (
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "same"), QT_TRANSLATE_NOOP("tasks", "Same task (unchanged)"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "The base's own data set, unchanged: the article's experiment. The base already knows this task, "
            "so an adapter has almost nothing to learn; keep it as the control the other tasks are judged by."),
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "inverted"), QT_TRANSLATE_NOOP("tasks", "Inverted colours"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "Every pixel becomes 255 − pixel: dark digits on a white background. The shapes are the same, only "
            "the pixel values changed, and the first layer is the one that reads pixel values: an adapter on "
            "conv1 alone, with a tiny number of parameters, can undo it. Adapting fc1 and fc2 works too, with "
            "many times the parameters."),
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "rotate90"), QT_TRANSLATE_NOOP("tasks", "Rotated by 90°"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "Every image turned a quarter turn anticlockwise. Strokes keep their look but move to new places "
            "and directions, which conv1's 3×3 filters cannot undo: adapting conv1 barely helps here. The fully "
            "connected layers (fc1, fc2), which see the whole image at once, are where adapting pays."),
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "noisy"), QT_TRANSLATE_NOOP("tasks", "Noisy digits"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "Gaussian noise with a standard deviation of half the pixel range (drawn from a fixed seed, so "
            "the same every time) added to every pixel, then clipped. The digits are still there under the "
            "noise; an adapter on conv1 can learn to filter it out, and adapting fc1 and fc2 does about as well."),
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "swap-labels"), QT_TRANSLATE_NOOP("tasks", "Swapped labels (0↔1, 2↔3, …)"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "The same images with their labels swapped in pairs: 0↔1, 2↔3, 4↔5, 6↔7, 8↔9. Nothing about the "
            "images changed, only what each class is called, so the change lives in the last layer, fc2 (the "
            "head): adapting conv1 cannot help, while training the head alone does well."),
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "fashion-mnist"), QT_TRANSLATE_NOOP("tasks", "Fashion-MNIST (clothes)"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "Photos of ten kinds of clothing (T-shirt, trouser, …, ankle boot) in MNIST's format: new images "
            "and new classes. Edge and stroke detectors still carry over, so the fully connected layers "
            "matter most; expect the base's own task to be forgotten more than with the small changes."),
        needs_dataset="fashion-mnist",
    ),
    TaskInfo(
        QT_TRANSLATE_NOOP("modelnames", "kmnist"), QT_TRANSLATE_NOOP("tasks", "KMNIST (cursive Japanese)"),
        QT_TRANSLATE_NOOP(
            "tasks",
            "Ten cursive Japanese (Kuzushiji) characters in MNIST's format: handwriting again, with new shapes "
            "and new classes. Strokes carry over from the digits, so the fully connected layers are where "
            "adapting pays."),
        needs_dataset="kmnist",
    ),
)
#: the tasks with fixed names, in the order they are listed
TASKS: dict[str, TaskInfo] = {info.name: info for info in _INFOS}

FOLDER_TASK = TaskInfo(
    FOLDER_FORM, QT_TRANSLATE_NOOP("tasks", "Your own images (a folder)"),
    QT_TRANSLATE_NOOP(
        "tasks",
        "Images you made: a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any "
        "size, colour or grey). Each is made grey and white-on-black, boxed to 20 pixels and centred in 28×28 "
        "like MNIST (leave some background around each digit: the border tells paper from ink); a fifth of each "
        "class is held out as the test split. Which layer matters depends on how your images differ from the "
        "base's."),
)


#: the single tasks a composite may join, in the order they apply: where strokes are, noise on the pixels,
#: the pixels' colours, then what each class is called. The other tasks are whole data sets, not changes.
COMPOSABLE = ("rotate90", "noisy", "inverted", "swap-labels")
COMPOSITE_JOIN = "+"
#: how a composite's title and description are made from its parts' (the window translates the same templates)
COMPOSITE_TITLE = QT_TRANSLATE_NOOP("tasks", "{0} + {1}")
COMPOSITE_ORDER = QT_TRANSLATE_NOOP("tasks", "{0}, then {1}")
COMPOSITE_DESCRIPTION = QT_TRANSLATE_NOOP(
    "tasks", "The same images changed in turn: {0}. No single task is this one, "
    "so it tests whether adapters trained on the parts, each where its change lives, can be stacked on one "
    "base and work together without further training. The parts: {1}")
COMPOSITE_PART = QT_TRANSLATE_NOOP("tasks", "{0}: {1}")


def composite_name(parts) -> str:
    """The name of the composite of `parts` (single task names, in the order they apply): "inverted+swap-labels"."""
    return COMPOSITE_JOIN.join(parts)


def _composite_info(parts: tuple[str, ...]) -> TaskInfo:
    """A composite's title and description, made of its parts' as Texts (the window says them in its language)."""
    infos = [TASKS[part] for part in parts]
    title: str = infos[0].title
    order: str = infos[0].title
    described: str = Text(COMPOSITE_PART, infos[0].title, infos[0].description)
    for info in infos[1:]:
        title = Text(COMPOSITE_TITLE, title, info.title)
        order = Text(COMPOSITE_ORDER, order, info.title)
        described = Text("{0} {1}", described, Text(COMPOSITE_PART, info.title, info.description))
    return TaskInfo(composite_name(parts), title, Text(COMPOSITE_DESCRIPTION, order, described), parts=parts)


#: the composites `lora-studio tasks` lists: every pair of COMPOSABLE, in its order
COMPOSITES: dict[str, TaskInfo] = {
    info.name: info for info in (_composite_info((first, second)) for i, first in enumerate(COMPOSABLE)
                                 for second in COMPOSABLE[i + 1:])}


@dataclass(frozen=True)
class TaskSpec:
    """A parsed task: its name as it is recorded, its entry in the registry and, for own images, the folder."""

    name: str  # "inverted", …; "folder:" and the absolute path for own images
    info: TaskInfo
    folder: Path | None = None


def task_infos() -> list[TaskInfo]:
    """Every single task, the own-images form (`folder:PATH`) last (composites: `listed_tasks`)."""
    return [*TASKS.values(), FOLDER_TASK]


def task_names() -> list[str]:
    """Every single task's name, `folder:PATH` last."""
    return [info.name for info in task_infos()]


def listed_tasks() -> list[TaskInfo]:
    """What `lora-studio tasks` lists, one a line: the single tasks, the composites of two, `folder:PATH` last."""
    return [*TASKS.values(), *COMPOSITES.values(), FOLDER_TASK]


def task_info(name: str) -> TaskInfo | None:
    """The title and description of a task as it is recorded (any composite, a folder's name too); None for
    a name that is no task."""
    try:
        return parse_task(name).info
    except DataError:
        return None


#: how a model's name writes an own-images task: by its folder's own name
FOLDER_LABEL = QT_TRANSLATE_NOOP("modelnames", "folder {0}")


def task_label(task: str, say: Callable[[str, str], str] = lambda _context, text: text) -> str:
    """A task as a model's name shows it, in the language `say` (context, marked text) gives: its name (marked
    in the context "modelnames" where TASKS defines it), part by part for a composite, or the folder's own name
    for own images. English by default; the window passes QCoreApplication.translate."""
    if task.startswith(FOLDER_PREFIX):
        return say("modelnames", FOLDER_LABEL).format(task.rstrip("/").rsplit("/", 1)[-1])
    return COMPOSITE_JOIN.join(say("modelnames", part) for part in task.split(COMPOSITE_JOIN))


def folder_task_name(folder: str | os.PathLike) -> str:
    """The task name for a folder of own images, with the folder made absolute (records stay meaningful)."""
    return FOLDER_PREFIX + os.path.abspath(os.path.expanduser(os.fspath(folder)))


def parse_task(text: str) -> TaskSpec:
    """A task name as typed → TaskSpec; raise DataError with one line for anything that is not a task.

    The names are exact (`inverted`, not `Inverted`). `folder:PATH` accepts any path, `~` included (and `+`:
    a folder is never a composite); whether the folder holds usable images is checked when the task is made,
    not here. A composite is checked here whole: its parts, their order, none twice.
    """
    if not isinstance(text, str):
        raise DataError(QT_TRANSLATE_NOOP("errors", "a task name must be text, got {0}"), type(text).__name__)
    text = text.strip()
    if text in TASKS:
        return TaskSpec(text, TASKS[text])
    if text.startswith(FOLDER_PREFIX):
        path = text[len(FOLDER_PREFIX):].strip()
        if not path:
            raise DataError(QT_TRANSLATE_NOOP("errors", "{0}: give the folder after the colon, e.g. {1}"),
                            FOLDER_FORM, "folder:~/my-digits")
        name = folder_task_name(path)
        return TaskSpec(name, FOLDER_TASK, Path(name[len(FOLDER_PREFIX):]))
    if COMPOSITE_JOIN in text:
        return _parse_composite(text)
    choices, joinable = ", ".join(task_names()), ", ".join(COMPOSABLE)
    if not text:
        raise DataError(QT_TRANSLATE_NOOP("errors", "no task given; choose one of {0}, or join two or more of {1} "
                                                    "with +"), choices, joinable)
    key, candidates = text.partition(":")[0], [*TASKS, "folder"]  # "fold:x" is compared as "fold"
    close = [name for name in candidates if len(key) >= 3 and name.startswith(key)][:1]  # "swap": swap-labels
    close = close or difflib.get_close_matches(key, candidates, n=1)
    if close:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "unknown task {0}; did you mean {1}? choose one of {2}, or join two or more of {3} with +"),
            repr(text), FOLDER_FORM if close[0] == "folder" else close[0], choices, joinable)
    raise DataError(QT_TRANSLATE_NOOP(
        "errors", "unknown task {0}; choose one of {1}, or join two or more of {2} with +"),
        repr(text), choices, joinable)


def _parse_composite(text: str) -> TaskSpec:
    """`text`, holding a +, as a composite task: two or more COMPOSABLE parts, each once, in COMPOSABLE's order."""
    parts = tuple(part.strip() for part in text.split(COMPOSITE_JOIN))
    shown, allowed = one_line(repr(text)), ", ".join(COMPOSABLE)
    if not all(parts):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0}: a task is missing beside a +; a composite task joins two or more of {1} with +"),
            shown, allowed)
    for part in parts:
        if part not in COMPOSABLE:
            if part in TASKS or part.startswith(FOLDER_PREFIX):
                raise DataError(QT_TRANSLATE_NOOP(
                    "errors", "{0} cannot be part of a composite task: only {1} can be joined with +"),
                    repr(part), allowed)
            close = [name for name in COMPOSABLE if len(part) >= 3 and name.startswith(part)][:1]
            close = close or difflib.get_close_matches(part, COMPOSABLE, n=1)
            if close:
                raise DataError(QT_TRANSLATE_NOOP(
                    "errors", "unknown task {0} in {1}; did you mean {2}? a composite task joins two or more of "
                    "{3} with +"), repr(part), shown, close[0], allowed)
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "unknown task {0} in {1}; a composite task joins two or more of {2} with +"),
                repr(part), shown, allowed)
    twice = next((part for i, part in enumerate(parts) if part in parts[:i]), None)
    if twice is not None:
        raise DataError(QT_TRANSLATE_NOOP("errors", "{0} appears twice in {1}: each change can be used once"),
                        twice, shown)
    ordered = tuple(sorted(parts, key=COMPOSABLE.index))
    if ordered != parts:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "write {0} instead of {1}: a composite task's parts are written in the order they apply, "
            "which is {2}"), composite_name(ordered), one_line(text), allowed)
    name = composite_name(parts)
    return TaskSpec(name, COMPOSITES.get(name) or _composite_info(parts))


def check_task(task: str) -> str:
    """The task name as it is recorded (a folder made absolute), or ConfigError for a name that is no task.
    Whether a folder holds usable images is checked when the task's data is made."""
    try:
        return parse_task(task).name
    except DataError as exc:
        raise ConfigError(exc.template, *exc.values) from None
