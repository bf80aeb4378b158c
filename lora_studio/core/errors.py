"""Errors a person can act on. Their messages are shown as they are, without a traceback.

This module imports nothing of the project but i18n (which imports nothing): every other module may raise these."""

import errno

from lora_studio.core.i18n import QT_TRANSLATE_NOOP


class LoraStudioError(Exception):
    """Base of the errors LoRA Studio reports to people.

    Raised as `StorageError(QT_TRANSLATE_NOOP("errors", "{0} is missing"), name)`: an English template marked
    for translation where it is written (core/i18n.py), and the values that fill it. `str(exc)` is the English
    sentence; the window translates `template` (context "errors") and fills in the same `values`. A message
    raised without values is its own template (it must then hold no braces meant as fields).

    A value that is a word is passed marked (a `QT_TRANSLATE_NOOP` text, or `os_reason(exc)`), and a value that is
    another LoraStudioError is worded in turn: the window translates both. Other values are names, paths and
    numbers, shown as they are."""

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


#: the operating system's common reasons, in the C library's English (what `strerror` says on Linux), marked so
#: the window can say them in its language
_OS_REASONS = {
    "ENOSPC": QT_TRANSLATE_NOOP("errors", "No space left on device"),
    "EDQUOT": QT_TRANSLATE_NOOP("errors", "Disk quota exceeded"),
    "EROFS": QT_TRANSLATE_NOOP("errors", "Read-only file system"),
    "EACCES": QT_TRANSLATE_NOOP("errors", "Permission denied"),
    "EPERM": QT_TRANSLATE_NOOP("errors", "Operation not permitted"),
    "ENOENT": QT_TRANSLATE_NOOP("errors", "No such file or directory"),
    "EISDIR": QT_TRANSLATE_NOOP("errors", "Is a directory"),
    "ENOTDIR": QT_TRANSLATE_NOOP("errors", "Not a directory"),
    "EEXIST": QT_TRANSLATE_NOOP("errors", "File exists"),
    "ENOTEMPTY": QT_TRANSLATE_NOOP("errors", "Directory not empty"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("errors", "File name too long"),
    "EFBIG": QT_TRANSLATE_NOOP("errors", "File too large"),
    "EIO": QT_TRANSLATE_NOOP("errors", "Input/output error"),
    "EMFILE": QT_TRANSLATE_NOOP("errors", "Too many open files"),
    "EBUSY": QT_TRANSLATE_NOOP("errors", "Device or resource busy"),
    "EXDEV": QT_TRANSLATE_NOOP("errors", "Invalid cross-device link"),
    "ELOOP": QT_TRANSLATE_NOOP("errors", "Too many levels of symbolic links"),
}
_REASON_OF_ERRNO = {getattr(errno, name): reason for name, reason in _OS_REASONS.items() if hasattr(errno, name)}


def os_reason(exc: BaseException) -> str:
    """Why the operating system refused, for a message: a marked word for the common causes (a full or read-only
    disk, a refused permission, …), otherwise the system's own words (`strerror`), or the error's text."""
    reason = _REASON_OF_ERRNO.get(getattr(exc, "errno", None))
    if reason is not None:
        return reason
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
