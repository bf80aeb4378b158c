"""Errors a person can act on. Their messages are shown as they are, without a traceback."""

from lora_studio.core.config import ConfigError


class LoraStudioError(Exception):
    """Base of the errors LoRA Studio reports to people."""


class DataError(LoraStudioError):
    """A data set is missing, corrupt, or cannot be written or downloaded.

    `reason` names the case for a program, `values` are what the message puts into it (paths, file names), so
    the window can say the same in its own language; the message is the English. None for the cases the
    window shows as they are."""

    def __init__(self, message: str, reason: str | None = None, values: tuple[str, ...] = ()):
        super().__init__(message)
        self.reason = reason
        self.values = values


class StorageError(LoraStudioError):
    """A saved model is missing, broken, from a newer version, or cannot be written."""


class TrainingDiverged(LoraStudioError):
    """The loss became NaN or infinite; the last good weights were kept."""


class Cancelled(LoraStudioError):
    """The user stopped the work."""


#: every error whose message is meant for people (ConfigError is a ValueError from config.py,
#: which stays free of other imports so the window can use it before anything else loads)
USER_ERRORS = (LoraStudioError, ConfigError)


def one_line(message: str) -> str:
    """The message on one line, even when it quotes a name, a path or a library's error holding a line break."""
    return message.replace("\r", "\\r").replace("\n", "\\n")
