"""Words two rooms show alike, in one context ("shared"), so that each has one translation.

A room marks its words in its own context; the same English marked in two rooms is two messages, which a
translator may (and did) translate two ways: "Trained parameters" in the Evaluation table and the model library,
"target" and "source" in the adapter-strength plot and the sweep table, the safetensors file filter of both export
dialogs. Those are written here once; a room translates its words through `translated`, which takes a shared word
from here and any other from the room's own context.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "shared"
TRAINED_PARAMETERS = QT_TRANSLATE_NOOP("shared", "Trained parameters")
TARGET = QT_TRANSLATE_NOOP("shared", "target")  # the target task (its accuracy)
SOURCE = QT_TRANSLATE_NOOP("shared", "source")  # the source task, the base's own data set
SAFETENSORS_FILES = QT_TRANSLATE_NOOP("shared", "safetensors (*.safetensors)")  # a file dialog's filter
WORDS = frozenset((TRAINED_PARAMETERS, TARGET, SOURCE, SAFETENSORS_FILES))


def translated(context: str, text: str) -> str:
    """`text` in the window's language: a shared word from this context, any other from the room's `context`."""
    return QCoreApplication.translate(CONTEXT if text in WORDS else context, text)


def word(text: str) -> str:
    """One of WORDS in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)
