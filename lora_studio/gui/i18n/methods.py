"""How the window explains each fine-tuning method, in a tooltip (`tip`). The methods and their titles are the
core's (core/vocabulary.py METHODS; words.method_title translates a title).

Texts are marked for translation here and translated where they are shown.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lora_studio.core import vocabulary
from lora_studio.gui.i18n.words import method_description, method_title

CONTEXT = "methods"
METHODS: tuple[str, ...] = tuple(vocabulary.METHODS)  # in the order the core offers them

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


def tip(method: str) -> str:
    text = TIPS.get(method)
    if text is None:  # a method the core added and the window does not explain yet: the core's own words
        return method_description(method) or method
    return QCoreApplication.translate(CONTEXT, text)


def lora_only(method: str) -> str:
    return QCoreApplication.translate(CONTEXT, LORA_ONLY).format(method_title(method))
