"""Errors a person can act on. Their messages are shown as they are, without a traceback.

This module imports nothing of the project: every other module may raise these."""


class LoraStudioError(Exception):
    """Base of the errors LoRA Studio reports to people.

    Raised as `StorageError(QT_TRANSLATE_NOOP("errors", "{0} is missing"), name)`: an English template marked
    for translation where it is written (core/i18n.py), and the values that fill it. `str(exc)` is the English
    sentence; the window translates `template` (context "errors") and fills in the same `values`. A message
    raised without values is its own template (it must then hold no braces meant as fields)."""

    def __init__(self, template: str = "", *values: object):
        self.template = template
        self.values = values
        super().__init__(template.format(*values) if values else template)


class ConfigError(LoraStudioError, ValueError):
    """A setting is missing, of the wrong type or out of range."""


class DataError(LoraStudioError):
    """A data set is missing, corrupt, or cannot be written or downloaded."""


class StorageError(LoraStudioError):
    """A saved model is missing, broken, from a newer version, or cannot be written."""


class TrainingDiverged(LoraStudioError):
    """The loss became NaN or infinite; the last good weights were kept."""


class Cancelled(LoraStudioError):
    """The user stopped the work."""


#: every error whose message is meant for people
USER_ERRORS = (LoraStudioError,)


def one_line(message: str) -> str:
    """The message on one line, even when it quotes a name, a path or a library's error holding a line break."""
    return message.replace("\r", "\\r").replace("\n", "\\n")
