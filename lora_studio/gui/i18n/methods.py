"""The fine-tuning methods as the window names and explains them (the core's `config.METHODS` lists them).

Texts are marked for translation here and translated where they are shown (`title`, `tip`).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lora_studio.core import config as core_config

CONTEXT = "methods"
# the methods the core offers, in its order (only LoRA before the core had others)
METHODS: tuple[str, ...] = tuple(getattr(core_config, "METHODS", None) or ("lora",))

TITLES = {
    "lora": QT_TRANSLATE_NOOP("methods", "LoRA adapters"),
    "head": QT_TRANSLATE_NOOP("methods", "Head only (fc2)"),
    "full": QT_TRANSLATE_NOOP("methods", "Full fine-tuning"),
    "scratch": QT_TRANSLATE_NOOP("methods", "From scratch"),
}
TIPS = {
    "lora": QT_TRANSLATE_NOOP(
        "methods", "LoRA: the base's weights stay frozen; small low-rank adapters ΔW = (α/r)·B·A are trained on "
        "the layers chosen below (plus any extra inputs). Few parameters, and the base is still in there: the "
        "Evaluation tab's strength slider turns the adapters down to nothing."),
    "head": QT_TRANSLATE_NOOP(
        "methods", "Head only: every weight stays frozen except the output layer fc2 (650 parameters), trained "
        "directly. Enough when only what the classes are called changed (swapped labels); helpless when the "
        "images themselves changed."),
    "full": QT_TRANSLATE_NOOP(
        "methods", "Full fine-tuning: every weight of the base is trained, starting from its values. The most "
        "freedom to fit the target, and usually the most forgetting of the base's own task."),
    "scratch": QT_TRANSLATE_NOOP(
        "methods", "From scratch: a fresh CNN with random weights, trained on the target task only, with the same "
        "epochs, learning rate and images: what the target costs without the base's knowledge."),
}
LORA_ONLY = QT_TRANSLATE_NOOP(
    "methods", "These settings belong to LoRA; the chosen method ({0}) uses no adapters and no extra inputs. "
    "Choose “LoRA adapters” as the method to change them.")


def title(method: str) -> str:
    return QCoreApplication.translate(CONTEXT, TITLES.get(method, method))


def tip(method: str) -> str:
    text = TIPS.get(method)
    if text is None:  # a method the core added and the window does not know yet: the core's own words
        return getattr(core_config, "METHODS", {}).get(method, method)
    return QCoreApplication.translate(CONTEXT, text)


def lora_only(method: str) -> str:
    return QCoreApplication.translate(CONTEXT, LORA_ONLY).format(title(method))
