"""The core's shared words as the window says them: kinds of model and run, methods, LoRA variants, how a run ended.

Each title is written once, in the core (lora_studio/core/vocabulary.py), marked for translation there in the
context its table names; the window holds no copy and only translates it here. A name the core does not know
(a variant registered while running, a status an old study file holds) is shown as it is. Which LoRA model is a
control is the core's to say (evaluation/comparison.roles, or a fine-tuning's `control_lora` run): the window
titles the role it is given.
"""

from PySide6.QtCore import QCoreApplication

from lora_studio.core import vocabulary


def _titled(context: str, entry, name: str) -> str:
    return QCoreApplication.translate(context, entry.title) if entry is not None else str(name)


def kind_title(kind: str) -> str:
    """A kind of model or run ("feature+LoRA", "control", "LoRA", "head only"), in the window's language."""
    return _titled(vocabulary.KIND_CONTEXT, vocabulary.KINDS.get(kind), kind)


def method_title(method: str) -> str:
    """A fine-tuning method as a choice names it ("LoRA adapters", "Head only (fc2)")."""
    return _titled(vocabulary.METHOD_CONTEXT, vocabulary.METHODS.get(method), method)


def method_description(method: str) -> str:
    """What a method trains, in a sentence (the core's); "" for a method the core does not know."""
    known = vocabulary.METHODS.get(method)
    return QCoreApplication.translate(vocabulary.METHOD_CONTEXT, known.description) if known is not None else ""


def variant_title(variant: str) -> str:
    """A LoRA variant ("LoRA", "rsLoRA", "DoRA")."""
    return _titled(vocabulary.VARIANT_CONTEXT, vocabulary.VARIANTS.get(variant), variant)


def variant_description(variant: str) -> str:
    """What a variant changes, in a sentence (the core's); "" for a variant the core does not know."""
    known = vocabulary.VARIANTS.get(variant)
    return QCoreApplication.translate(vocabulary.VARIANT_CONTEXT, known.description) if known is not None else ""


def status_title(status: str | None) -> str:
    """How a run, a job or a study ended ("finished", "stopped"…), or "running"; as given when not a status."""
    try:
        known = vocabulary.Status(status)
    except ValueError:
        return str(status)
    return QCoreApplication.translate(vocabulary.STATUS_CONTEXT, vocabulary.STATUS_TITLES[known])


def capitalised(text: str) -> str:
    """The text with a capital first letter, where a word starts a label ("Finished · 3/5 runs"); a language
    without capitals is left as it is."""
    return text[:1].upper() + text[1:]


def job_ended(title: str, status: str, message: str = "") -> str:
    """How a job ended, in one line: "Base training finished", or with the job's message, "Base training
    diverged: the loss became nan …" (`title`: the job's title, already translated)."""
    if message:
        return QCoreApplication.translate("words", "{0} {1}: {2}", "a job, how it ended, its message").format(
            title, status_title(status), message)
    return QCoreApplication.translate("words", "{0} {1}", "a job, how it ended").format(title, status_title(status))
