"""The core's texts in the window's language.

The core marks what a person reads where it defines it (core/i18n.py: QT_TRANSLATE_NOOP without Qt, so lupdate
puts it in the catalogue), and its sentences (status lines, run messages, errors) carry their template and values:
the functions here translate them where they are shown (`core_text`, `user_error`), with no copy of the English.
A name the core does not know is shown as it is.
Tasks: core/data/task_names.py; features: core/data/features.py (state.features); data sets:
core/data/datasets.py; the budget: core/model/params.py. Kinds, methods, variants and statuses are titled in the
core (core/vocabulary.py) and translated by words.py; model names are the core's templates (workflows/recipes.py),
filled here in the window's language.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lora_studio.core.data.dataset_names import DATASETS
from lora_studio.core.data.feature_names import FEATURE_INFOS
from lora_studio.core.i18n import Marked, Text

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


def feature_word(name: str) -> str:
    """A feature as a model's name and a settings summary write it ("brightness"), translated."""
    info = FEATURE_INFOS.get(name)
    return core_text(info.name) if info is not None else name


def task_label(task: str) -> str:
    """A task as a model's name writes it (core task_names.task_label), in the window's language."""
    from lora_studio.core.data.task_names import task_label as label

    return label(task, QCoreApplication.translate)


def base_name(dataset: str, seed: int) -> str:
    """A base model's name: `dataset` is the data set's name (mnist). Called in a job: the core is loaded."""
    from lora_studio.core.workflows import recipes

    return recipes.base_name(dataset_title(dataset), seed, QCoreApplication.translate)


def run_name(plan, phase: str, seed: int) -> str:
    """The name of a fine-tuning's run (recipes.lora_name, method_name, in the window's language): `plan` a core
    FinetunePlan, `phase` a kind of run (core vocabulary.KINDS). It says what the run is; a control's name is
    its feature run's without the extra inputs. Called in a job: the core is loaded."""
    from lora_studio.core.vocabulary import FEATURE_LORA, method_of
    from lora_studio.core.workflows import recipes

    say = QCoreApplication.translate
    method = method_of(phase)
    if method != "lora":
        return recipes.method_name(method, plan.task, seed, say)
    features = plan.features if phase == FEATURE_LORA else ()
    return recipes.lora_name(plan.lora, features, plan.task, seed, say, feature_word)


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
