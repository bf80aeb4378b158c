"""The core's texts the window shows, marked for translation on the GUI side (the core must not import Qt).

Each table is keyed by the core's names and holds the core's English (a test holds them together: a task,
feature, kind or data set the core adds without a text here fails it). The functions translate where the
text is shown; a name the window does not know falls back to the core's own English.
Tasks: core/data/task_names.py; features: core/data/features.py (state.features); kinds:
core/config.py KIND_METHODS (plus "base"); data sets: core/data/datasets.py; the budget: core/model/params.py.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TASK_TITLES = {
    "same": QT_TRANSLATE_NOOP("tasks", "Same task (unchanged)"),
    "inverted": QT_TRANSLATE_NOOP("tasks", "Inverted colours"),
    "rotate90": QT_TRANSLATE_NOOP("tasks", "Rotated by 90°"),
    "noisy": QT_TRANSLATE_NOOP("tasks", "Noisy digits"),
    "swap-labels": QT_TRANSLATE_NOOP("tasks", "Swapped labels (0↔1, 2↔3, …)"),
    "fashion-mnist": QT_TRANSLATE_NOOP("tasks", "Fashion-MNIST (clothes)"),
    "kmnist": QT_TRANSLATE_NOOP("tasks", "KMNIST (cursive Japanese)"),
    "folder:PATH": QT_TRANSLATE_NOOP("tasks", "Your own images (a folder)"),
}
TASK_DESCRIPTIONS = {
    "same": QT_TRANSLATE_NOOP(
        "tasks", "The base's own data set, unchanged: the article's experiment. The base already knows this task, "
        "so an adapter has almost nothing to learn; keep it as the control the other tasks are judged by."),
    "inverted": QT_TRANSLATE_NOOP(
        "tasks", "Every pixel becomes 255 − pixel: dark digits on a white background. The shapes are the same, only "
        "the pixel values changed, and the first layer is the one that reads pixel values: an adapter on "
        "conv1 alone, with a tiny number of parameters, can undo it. Adapting fc1 and fc2 works too, with "
        "many times the parameters."),
    "rotate90": QT_TRANSLATE_NOOP(
        "tasks", "Every image turned a quarter turn anticlockwise. Strokes keep their look but move to new places "
        "and directions, which conv1's 3×3 filters cannot undo: adapting conv1 barely helps here. The fully "
        "connected layers (fc1, fc2), which see the whole image at once, are where adapting pays."),
    "noisy": QT_TRANSLATE_NOOP(
        "tasks", "Gaussian noise with a standard deviation of half the pixel range (drawn from a fixed seed, so "
        "the same every time) added to every pixel, then clipped. The digits are still there under the "
        "noise; an adapter on conv1 can learn to filter it out, and adapting fc1 and fc2 does about as well."),
    "swap-labels": QT_TRANSLATE_NOOP(
        "tasks", "The same images with their labels swapped in pairs: 0↔1, 2↔3, 4↔5, 6↔7, 8↔9. Nothing about the "
        "images changed, only what each class is called, so the change lives in the last layer, fc2 (the "
        "head): adapting conv1 cannot help, while training the head alone does well."),
    "fashion-mnist": QT_TRANSLATE_NOOP(
        "tasks", "Photos of ten kinds of clothing (T-shirt, trouser, …, ankle boot) in MNIST's format: new images "
        "and new classes. Edge and stroke detectors still carry over, so the fully connected layers "
        "matter most; expect the base's own task to be forgotten more than with the small changes."),
    "kmnist": QT_TRANSLATE_NOOP(
        "tasks", "Ten cursive Japanese (Kuzushiji) characters in MNIST's format: handwriting again, with new shapes "
        "and new classes. Strokes carry over from the digits, so the fully connected layers are where "
        "adapting pays."),
    "folder:PATH": QT_TRANSLATE_NOOP(
        "tasks", "Images you made: a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, "
        "any size, colour or grey). Each is made grey and white-on-black, boxed to 20 pixels and centred in 28×28 "
        "like MNIST (leave some background around each digit: the border tells paper from ink); a fifth of each "
        "class is held out as the test split. Which layer matters depends on how your images differ from the "
        "base's."),
}

FEATURE_TITLES = {
    "brightness": QT_TRANSLATE_NOOP("features", "Brightness"),
    "contrast": QT_TRANSLATE_NOOP("features", "Contrast"),
    "ink": QT_TRANSLATE_NOOP("features", "Ink"),
    "width": QT_TRANSLATE_NOOP("features", "Width"),
}
FEATURE_DESCRIPTIONS = {
    "brightness": QT_TRANSLATE_NOOP("features", "mean pixel value (the article's feature)"),
    "contrast": QT_TRANSLATE_NOOP("features", "standard deviation of the pixel values"),
    "ink": QT_TRANSLATE_NOOP("features", "fraction of pixels brighter than half"),
    "width": QT_TRANSLATE_NOOP("features", "fraction of columns that hold ink"),
}

#: the kinds of models in the library (and of runs in a fine-tuning), as tables and legends name them
KIND_TITLES = {
    "base": QT_TRANSLATE_NOOP("kinds", "base"),
    "feature_lora": QT_TRANSLATE_NOOP("kinds", "feature+LoRA"),
    "control_lora": QT_TRANSLATE_NOOP("kinds", "control"),
    "head": QT_TRANSLATE_NOOP("kinds", "head only"),
    "full": QT_TRANSLATE_NOOP("kinds", "full fine-tuning"),
    "scratch": QT_TRANSLATE_NOOP("kinds", "from scratch"),
}

DATASET_TITLES = {
    "mnist": QT_TRANSLATE_NOOP("datasets", "MNIST"),
    "fashion-mnist": QT_TRANSLATE_NOOP("datasets", "Fashion-MNIST"),
    "kmnist": QT_TRANSLATE_NOOP("datasets", "KMNIST"),
}
DATASET_LICENCES = {
    "mnist": QT_TRANSLATE_NOOP("datasets", "MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0"),
    "fashion-mnist": QT_TRANSLATE_NOOP("datasets", "Fashion-MNIST by Zalando Research, MIT"),
    "kmnist": QT_TRANSLATE_NOOP("datasets", "KMNIST by ROIS-DS CODH, CC BY-SA 4.0"),
}

#: core/model/params.py Budget.sentence(), in words a translator can reorder
BUDGET = QT_TRANSLATE_NOOP("core", "Trainable {0} of {1} parameters ({2} %)")


def _translate(context: str, table: dict[str, str], name: str, english: str | None) -> str:
    text = table.get(name)
    if text is None:  # a name the core added and the window does not know yet: the core's own words
        return english if english is not None else name
    return QCoreApplication.translate(context, text)


def task_title(name: str) -> str:
    from lora_studio.core.data.task_names import FOLDER_TASK, TASKS  # torch-free

    info = TASKS.get(name, FOLDER_TASK if name == FOLDER_TASK.name else None)
    return _translate("tasks", TASK_TITLES, name, info.title if info else None)


def task_description(name: str) -> str:
    from lora_studio.core.data.task_names import FOLDER_TASK, TASKS

    info = TASKS.get(name, FOLDER_TASK if name == FOLDER_TASK.name else None)
    return _translate("tasks", TASK_DESCRIPTIONS, name, info.description if info else "")


def feature_title(name: str, english: str | None = None) -> str:
    """`english`: the core's title (state.features carries it), shown for a feature not listed here."""
    return _translate("features", FEATURE_TITLES, name, english)


def feature_description(name: str, english: str | None = None) -> str:
    return _translate("features", FEATURE_DESCRIPTIONS, name, english if english is not None else "")


def kind_title(kind: str) -> str:
    return _translate("kinds", KIND_TITLES, kind, None)


def dataset_title(name: str) -> str:
    return _translate("datasets", DATASET_TITLES, name, None)


def dataset_licence(name: str, english: str | None = None) -> str:
    return _translate("datasets", DATASET_LICENCES, name, english if english is not None else "")


def budget_sentence(budget) -> str:
    """A core.model.params.Budget as its sentence() says it, translated; numbers grouped as in English."""
    return QCoreApplication.translate("core", BUDGET).format(
        f"{budget.trainable:,}", f"{budget.total:,}", f"{budget.percent:.1f}")
