"""The core's texts the window shows, marked for translation on the GUI side (the core must not import Qt).

Each table is keyed by the core's names and holds the core's English (a test holds them together: a task,
feature, kind or data set the core adds without a text here fails it). The functions translate where the
text is shown; a name the window does not know falls back to the core's own English.
Tasks: core/data/task_names.py; features: core/data/features.py (state.features); kinds:
core/config.py KIND_METHODS (plus "base"); data sets: core/data/datasets.py; the budget: core/model/params.py.
"""

from pathlib import Path

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
    """The title of a task as recorded, translated; own images by their folder's name ("Your images: digits").
    The window's one task title (combos, tables, lessons, data titles)."""
    from lora_studio.core.data.task_names import FOLDER_PREFIX, FOLDER_TASK, TASKS  # torch-free

    if name.startswith(FOLDER_PREFIX):
        folder = Path(name[len(FOLDER_PREFIX):])
        return QCoreApplication.translate("TaskCombo", "Your images: {0}").format(folder.name or str(folder))

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


# --- the shapes of the adapted layers (core/model/params.py LayerShape.describe) ----------------------------
LAYER_SHAPES = {
    "conv": QT_TRANSLATE_NOOP("core", "Conv {0}→{1}, {2}×{2}"),
    "linear": QT_TRANSLATE_NOOP("core", "Linear {0}→{1}"),
}


def layer_shape(shape) -> str:
    """A core.model.params.LayerShape as its describe() says it, translated."""
    text = LAYER_SHAPES.get(shape.kind)
    if text is None:
        return shape.describe()
    return QCoreApplication.translate("core", text).format(shape.in_features, shape.out_features, shape.kernel)


# --- class names (core/data/datasets.py class_names: torchvision's) ------------------------------------------
#: each data set's classes in label order; KMNIST's are romanised hiragana, which the translation writes as the
#: characters themselves (with the romanisation)
CLASS_NAMES = {
    "mnist": (
        QT_TRANSLATE_NOOP("classes", "0 - zero"), QT_TRANSLATE_NOOP("classes", "1 - one"),
        QT_TRANSLATE_NOOP("classes", "2 - two"), QT_TRANSLATE_NOOP("classes", "3 - three"),
        QT_TRANSLATE_NOOP("classes", "4 - four"), QT_TRANSLATE_NOOP("classes", "5 - five"),
        QT_TRANSLATE_NOOP("classes", "6 - six"), QT_TRANSLATE_NOOP("classes", "7 - seven"),
        QT_TRANSLATE_NOOP("classes", "8 - eight"), QT_TRANSLATE_NOOP("classes", "9 - nine"),
    ),
    "fashion-mnist": (
        QT_TRANSLATE_NOOP("classes", "T-shirt/top"), QT_TRANSLATE_NOOP("classes", "Trouser"),
        QT_TRANSLATE_NOOP("classes", "Pullover"), QT_TRANSLATE_NOOP("classes", "Dress"),
        QT_TRANSLATE_NOOP("classes", "Coat"), QT_TRANSLATE_NOOP("classes", "Sandal"),
        QT_TRANSLATE_NOOP("classes", "Shirt"), QT_TRANSLATE_NOOP("classes", "Sneaker"),
        QT_TRANSLATE_NOOP("classes", "Bag"), QT_TRANSLATE_NOOP("classes", "Ankle boot"),
    ),
    "kmnist": (
        QT_TRANSLATE_NOOP("classes", "o"), QT_TRANSLATE_NOOP("classes", "ki"), QT_TRANSLATE_NOOP("classes", "su"),
        QT_TRANSLATE_NOOP("classes", "tsu"), QT_TRANSLATE_NOOP("classes", "na"), QT_TRANSLATE_NOOP("classes", "ha"),
        QT_TRANSLATE_NOOP("classes", "ma"), QT_TRANSLATE_NOOP("classes", "ya"), QT_TRANSLATE_NOOP("classes", "re"),
        QT_TRANSLATE_NOOP("classes", "wo"),
    ),
}
_KNOWN_CLASSES = {name for names in CLASS_NAMES.values() for name in names}


def class_name(english: str) -> str:
    """A class name as the core gives it (any data set's), translated; one the window does not know: as it is."""
    return QCoreApplication.translate("classes", english) if english in _KNOWN_CLASSES else english


# --- model names (core/workflows/recipes.py base_name, lora_name, method_name) -------------------------------
# A model the window trains is named in the window's language; a stored name is the user's and shown as it is.
#: the features as a model's name and a settings summary write them (the core writes the feature's name)
FEATURE_WORDS = {
    "brightness": QT_TRANSLATE_NOOP("features", "brightness"),
    "contrast": QT_TRANSLATE_NOOP("features", "contrast"),
    "ink": QT_TRANSLATE_NOOP("features", "ink"),
    "width": QT_TRANSLATE_NOOP("features", "width"),
}
#: the tasks as a model's name writes them (the core writes the task's name; recipes.task_label)
TASK_LABELS = {
    "same": QT_TRANSLATE_NOOP("modelnames", "same"),
    "inverted": QT_TRANSLATE_NOOP("modelnames", "inverted"),
    "rotate90": QT_TRANSLATE_NOOP("modelnames", "rotate90"),
    "noisy": QT_TRANSLATE_NOOP("modelnames", "noisy"),
    "swap-labels": QT_TRANSLATE_NOOP("modelnames", "swap-labels"),
    "fashion-mnist": QT_TRANSLATE_NOOP("modelnames", "fashion-mnist"),
    "kmnist": QT_TRANSLATE_NOOP("modelnames", "kmnist"),
}
FOLDER_LABEL = QT_TRANSLATE_NOOP("modelnames", "folder {0}")
#: recipes.METHOD_LABELS
METHOD_LABELS = {
    "head": QT_TRANSLATE_NOOP("modelnames", "Head (fc2)"),
    "full": QT_TRANSLATE_NOOP("modelnames", "Full fine-tuning"),
    "scratch": QT_TRANSLATE_NOOP("modelnames", "From scratch"),
}
BASE_NAME = QT_TRANSLATE_NOOP("modelnames", "Base · {0} · seed {1}")
LORA_NAME = QT_TRANSLATE_NOOP("modelnames", "LoRA r={0} {1} · {2} · seed {3}")
LORA_TASK_NAME = QT_TRANSLATE_NOOP("modelnames", "LoRA r={0} {1} · {2} · {3} · seed {4}")
CONTROL = QT_TRANSLATE_NOOP("modelnames", "control")
METHOD_NAME = QT_TRANSLATE_NOOP("modelnames", "{0} · {1} · seed {2}")


def feature_word(name: str) -> str:
    return _translate("features", FEATURE_WORDS, name, name)


def task_label(task: str) -> str:
    from lora_studio.core.data.task_names import FOLDER_PREFIX

    if task.startswith(FOLDER_PREFIX):
        return QCoreApplication.translate("modelnames", FOLDER_LABEL).format(task.rstrip("/").rsplit("/", 1)[-1])
    return _translate("modelnames", TASK_LABELS, task, task)


def base_name(dataset: str, seed: int) -> str:
    """A base model's name: `dataset` is the data set's name (mnist)."""
    return QCoreApplication.translate("modelnames", BASE_NAME).format(dataset_title(dataset), seed)


def run_name(plan, phase: str, seed: int) -> str:
    """The name of a fine-tuning's run: `plan` a core FinetunePlan, `phase` a record kind (config.KIND_METHODS)."""
    translate = QCoreApplication.translate
    if phase in ("feature_lora", "control_lora"):
        features = plan.features if phase == "feature_lora" else ()
        words = "+" + "+".join(feature_word(f) for f in features) if features else translate("modelnames", CONTROL)
        layers = "+".join(plan.lora.layers)
        if plan.task == "same":
            return translate("modelnames", LORA_NAME).format(plan.lora.rank, layers, words, seed)
        return translate("modelnames", LORA_TASK_NAME).format(plan.lora.rank, layers, task_label(plan.task), words,
                                                               seed)
    method = _translate("modelnames", METHOD_LABELS, phase, phase)
    return translate("modelnames", METHOD_NAME).format(method, task_label(plan.task), seed)


def sweep_run_name(plan, setting, seed: int) -> str:
    """The name of a sweep's run (core/workflows/sweep.py run_sweep's `names`): `plan` a core SweepPlan,
    `setting` one of its Settings; named as the fine-tuning it runs (its one phase) is by run_name."""
    run = plan.finetune_plan(setting, seed)
    ((phase, _seed),) = run.runs()
    return run_name(run, phase, seed)


# --- the core's errors (core/errors.py: an English template marked for translation, and its values) ----------


def user_error(exc: Exception) -> str:
    """An error meant for people (core errors.USER_ERRORS) in the window's language: its template translated
    (context "errors"), filled with its values; a message the catalogue does not hold stays as it is."""
    template = getattr(exc, "template", None)
    if not template:
        return str(exc)
    values = getattr(exc, "values", ())
    text = QCoreApplication.translate("errors", template)
    return text.format(*values) if values else text


def listed(items) -> str:
    """"a, b, c" as the window's language lists things (Chinese: 、)."""
    text = ""
    for item in items:
        text = str(item) if not text else QCoreApplication.translate("jobs", "{0}, {1}", "a list").format(text, item)
    return text
