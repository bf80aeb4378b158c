"""Marking the core's user-facing texts for translation, without importing Qt.

The core writes English. Texts a person reads (task and data-set titles, class names, error templates, verdicts)
are written once, where the core defines them, inside `QT_TRANSLATE_NOOP(context, text)`. Qt's lupdate finds the
calls by their name alone, so the window's catalogue holds them. The call returns the text as a `Marked` string:
plain English for the command line, which also remembers its context, so the window can translate it where it
shows it (`QCoreApplication.translate(context, text)`) without a table of its own.

A sentence built from a marked template and values is a `Text`: the English, and the template and values that
made it, so the window can translate the template and fill it with the same values. Errors carry their template
and values the same way (errors.py). A value that is itself a word ("learning rate", "a whole number", an
operating system's reason) is passed marked; names, paths and numbers are passed as they are.
"""


class Marked(str):
    """A text marked for translation: its English, with the catalogue context it is held in."""

    context: str
    disambiguation: str | None


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> str:  # noqa: N802 - lupdate's name
    """`text`, marked for lupdate under `context` (and `disambiguation`, when one English text means two things)."""
    marked = Marked(text)
    marked.context, marked.disambiguation = context, disambiguation
    return marked


class Text(str):
    """An English sentence made from a marked template and its values, which keeps both (a status line, a run's
    message): `str` everywhere, and a front end may say `template` in its language, filled with `values`."""

    template: str
    values: tuple

    def __new__(cls, template: str, *values: object) -> "Text":
        text = super().__new__(cls, template.format(*values) if values else template)
        text.template, text.values = template, values
        return text

    def __reduce__(self):  # copies and pickles keep the template and values
        return (Text, (self.template, *self.values))
