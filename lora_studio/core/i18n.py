"""Marking the core's user-facing texts for translation, without importing Qt.

The core writes English. Texts a person reads (task and data-set titles, class names, error templates, verdicts)
are written once, where the core defines them, inside `QT_TRANSLATE_NOOP(context, text)`. This function returns
the text unchanged; Qt's lupdate finds the calls by their name alone, so the window's catalogue holds them, and
the window translates them where it shows them (`QCoreApplication.translate(context, text)`). The command line
prints the English as it is.

Errors carry their template and values (errors.py), so the window can translate the template and fill it.
"""


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> str:  # noqa: N802 - lupdate's name
    """`text`, marked for lupdate under `context`."""
    return text
