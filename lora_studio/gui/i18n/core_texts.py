"""The core's texts in the window's language.

The core marks what a person reads where it defines it (core/i18n.py: QT_TRANSLATE_NOOP without Qt, so lupdate
puts it in the catalogue), and its sentences (status lines, run messages, errors) carry their template and values:
the functions here translate them where they are shown (`core_text`, `user_error`), with no copy of the English.
A name the core does not know is shown as it is.
Tasks: core/data/task_names.py; features: core/data/features.py (state.features); kinds:
core/config.py KIND_METHODS (plus "base"); data sets: core/data/datasets.py; the budget: core/model/params.py.
"""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lora_studio.core.data.dataset_names import DATASETS
from lora_studio.core.data.feature_names import FEATURE_INFOS
from lora_studio.core.i18n import Marked, Text

#: the kinds of models in the library (and of runs in a fine-tuning), as tables and legends name them
KIND_TITLES = {
    "base": QT_TRANSLATE_NOOP("kinds", "base"),
    "feature_lora": QT_TRANSLATE_NOOP("kinds", "feature+LoRA"),
    "control_lora": QT_TRANSLATE_NOOP("kinds", "control"),
    "head": QT_TRANSLATE_NOOP("kinds", "head only"),
    "full": QT_TRANSLATE_NOOP("kinds", "full fine-tuning"),
    "scratch": QT_TRANSLATE_NOOP("kinds", "from scratch"),
}

def _translate(context: str, table: dict[str, str], name: str, english: str | None) -> str:
    text = table.get(name)
    if text is None:  # a name the core added and the window does not know yet: the core's own words
        return english if english is not None else name
    return QCoreApplication.translate(context, text)


def kind_title(kind: str) -> str:
    return _translate("kinds", KIND_TITLES, kind, None)


# --- the core's texts (core/i18n.py: marked where the core defines them; Texts and errors: template and values) ---


def core_text(value) -> str:
    """What the core said, in the window's language: a marked text translated in its context; a Text (a status
    line, a run's message, a title made of parts) or an error's template translated and filled with its values,
    each worded the same way; anything else (a name, a path, a number) as it is."""
    if value is None:
        return ""
    if isinstance(value, BaseException):
        return user_error(value)
    if isinstance(value, Text):
        return _filled(value.template, value.values, None)
    if isinstance(value, Marked):
        return QCoreApplication.translate(value.context, value, value.disambiguation)
    return value if isinstance(value, str) else str(value)


def _filled(template: str, values: tuple, context: str | None) -> str:
    """`template` translated (in its own context when marked, else in `context`; a template of neither, such as
    "{0} {1}", is structure) and filled with `values` worded by core_text; numbers keep their formats ({0:,})."""
    context = getattr(template, "context", context)
    text = template
    if context:
        text = QCoreApplication.translate(context, template, getattr(template, "disambiguation", None))
    worded = [core_text(v) if isinstance(v, (str, BaseException)) else v for v in values]
    if not values:
        return text
    try:
        return text.format(*worded)
    except (IndexError, KeyError, ValueError):  # a translation whose fields do not fit: the English, worded
        return template.format(*worded)


def _task(name: str):
    from lora_studio.core.data.task_names import FOLDER_TASK, task_info  # torch-free

    return FOLDER_TASK if name == FOLDER_TASK.name else task_info(name)


def task_title(name: str) -> str:
    """The title of a task as recorded, translated: a composite's too, own images by their folder's name ("Your
    images: digits"); an unknown name as it is. The window's one task title (combos, tables, lessons, data)."""
    from lora_studio.core.data.task_names import FOLDER_PREFIX  # torch-free

    if name.startswith(FOLDER_PREFIX):
        folder = Path(name[len(FOLDER_PREFIX):])
        return QCoreApplication.translate("TaskCombo", "Your images: {0}").format(folder.name or str(folder))
    info = _task(name)
    return core_text(info.title) if info is not None else name


def task_description(name: str) -> str:
    info = _task(name)
    return core_text(info.description) if info is not None else ""


def feature_title(name: str, english: str | None = None) -> str:
    """`english`: the title to show for a feature the core does not know (its name when None)."""
    info = FEATURE_INFOS.get(name)
    if info is None:
        return english if english is not None else name
    return core_text(info.title)


def feature_description(name: str, english: str | None = None) -> str:
    info = FEATURE_INFOS.get(name)
    if info is None:
        return english if english is not None else ""
    return core_text(info.description)


def dataset_title(name: str) -> str:
    info = DATASETS.get(name)
    return core_text(info.title) if info is not None else name


def dataset_licence(name: str, english: str | None = None) -> str:
    info = DATASETS.get(name)
    if info is None:
        return english if english is not None else ""
    return core_text(info.licence)


def budget_sentence(budget) -> str:
    """A core.model.params.Budget as its sentence() says it, translated; numbers grouped as in English."""
    return core_text(budget.sentence())


def layer_shape(shape) -> str:
    """A core.model.params.LayerShape as its describe() says it, translated."""
    return core_text(shape.describe())


#: every data set's class names (core/data/dataset_names.py), which class_name translates
_KNOWN_CLASSES = {name for info in DATASETS.values() for name in info.classes}


def class_name(english: str) -> str:
    """A class name as the core gives it (any data set's), translated; one the window does not know: as it is."""
    return QCoreApplication.translate("classes", english) if english in _KNOWN_CLASSES else english


# --- model names (core/workflows/recipes.py base_name, lora_name, method_name) -------------------------------
# A model the window trains is named in the window's language; a stored name is the user's and shown as it is.
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
    """A feature as a model's name and a settings summary write it ("brightness"), translated."""
    info = FEATURE_INFOS.get(name)
    return core_text(info.name) if info is not None else name


def task_label(task: str) -> str:
    from lora_studio.core.data.task_names import FOLDER_PREFIX

    if task.startswith(FOLDER_PREFIX):
        return QCoreApplication.translate("modelnames", FOLDER_LABEL).format(task.rstrip("/").rsplit("/", 1)[-1])
    info = _task(task)  # a task's name is marked where task_names defines it; a composite's, part by part
    if info is None:
        return task
    return "+".join(core_text(part.name) for part in (_task(p) for p in info.parts) if part) if info.parts \
        else core_text(info.name)


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
    (context "errors"), filled with its values, each worded by core_text (a marked word, another error); a
    message the catalogue does not hold stays as it is. Any other exception: its own message."""
    template = getattr(exc, "template", None)
    if not template:
        return str(exc)
    return _filled(template, tuple(getattr(exc, "values", ())), "errors")


def listed(items) -> str:
    """"a, b, c" as the window's language lists things (Chinese: 、)."""
    text = ""
    for item in items:
        text = str(item) if not text else QCoreApplication.translate("jobs", "{0}, {1}", "a list").format(text, item)
    return text
