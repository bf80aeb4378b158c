"""The kinds of job the worker runs, each defined once: its title in messages, whether the window starts it by
itself (quiet), and whether closing the window while it runs asks first.

A job's kind travels through signals as its string value, so `kind == "lora"` and `kind == JobKind.LORA` are the
same test. Titles are marked for translation here (context "jobs") and translated by `job_title` (a `str` already
has a method called `title`).
"""

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class _About:
    title: str  # "Base training is still running": marked, context "jobs"
    #: started by the window itself to show something (a task's images, a model at another adapter strength, an
    #: adapter read for the explainer): its starter shows how it ended, so the window neither announces it nor
    #: boxes a user error of its own
    quiet: bool = False
    ask_before_closing: bool = False  # its loss would hurt: closing the window while it runs asks first


class JobKind(str, Enum):
    LOAD = "load"
    DATASET = "dataset"
    DOWNLOAD = "download"
    IMPORT = "import"
    BASE = "base"
    LORA = "lora"
    EVALUATE = "evaluate"
    EXPORT = "export"
    CODE_CHECK = "code-check"
    PREVIEW = "preview"
    ADAPTER = "adapter"
    STRENGTH = "strength"
    STACK = "stack"
    COMBINE = "combine"
    SWEEP = "sweep"

    def __str__(self) -> str:  # "lora", as the signals carry it
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @property
    def quiet(self) -> bool:
        return _ABOUT[self].quiet

    @property
    def ask_before_closing(self) -> bool:
        return _ABOUT[self].ask_before_closing


_ABOUT = {
    JobKind.LOAD: _About(QT_TRANSLATE_NOOP("jobs", "Loading PyTorch")),
    JobKind.DATASET: _About(QT_TRANSLATE_NOOP("jobs", "Loading the data set")),
    JobKind.DOWNLOAD: _About(QT_TRANSLATE_NOOP("jobs", "Download"), ask_before_closing=True),
    JobKind.IMPORT: _About(QT_TRANSLATE_NOOP("jobs", "Import"), ask_before_closing=True),
    JobKind.BASE: _About(QT_TRANSLATE_NOOP("jobs", "Base training"), ask_before_closing=True),
    JobKind.LORA: _About(QT_TRANSLATE_NOOP("jobs", "LoRA fine-tuning"), ask_before_closing=True),
    JobKind.EVALUATE: _About(QT_TRANSLATE_NOOP("jobs", "Evaluation")),
    JobKind.EXPORT: _About(QT_TRANSLATE_NOOP("jobs", "Export")),
    # whether a model can be exported as code (core export_code.export_plan): its starter enables its button
    JobKind.CODE_CHECK: _About(QT_TRANSLATE_NOOP("jobs", "Checking the export as code"), quiet=True),
    JobKind.PREVIEW: _About(QT_TRANSLATE_NOOP("jobs", "Task preview"), quiet=True),
    JobKind.ADAPTER: _About(QT_TRANSLATE_NOOP("jobs", "Reading the adapter"), quiet=True),
    JobKind.STRENGTH: _About(QT_TRANSLATE_NOOP("jobs", "Adapter strength"), quiet=True),
    JobKind.STACK: _About(QT_TRANSLATE_NOOP("jobs", "Adapter stack"), quiet=True),
    JobKind.COMBINE: _About(QT_TRANSLATE_NOOP("jobs", "Combining adapters")),
    JobKind.SWEEP: _About(QT_TRANSLATE_NOOP("jobs", "Sweep"), ask_before_closing=True),
}


def job_kind(kind: str) -> JobKind | None:
    """The JobKind named `kind`, or None for a name no job has."""
    try:
        return JobKind(kind)
    except ValueError:
        return None


def job_title(kind: str) -> str:
    """What a kind of job is called, in the user's language (a name no job has: as it is)."""
    known = job_kind(kind)
    return QCoreApplication.translate("jobs", _ABOUT[known].title) if known is not None else str(kind)


def is_quiet(kind: str) -> bool:
    known = job_kind(kind)
    return known is not None and known.quiet


def asks_before_closing(kind: str) -> bool:
    known = job_kind(kind)
    return known is not None and known.ask_before_closing
