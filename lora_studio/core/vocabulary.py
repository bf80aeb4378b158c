"""The words every part of LoRA Studio shares, each defined once: how a run ended, the fine-tuning methods, the
LoRA variants, and the kinds of model and run.

Each entry has its name (what files, JSON and code say), its English title, marked for translation where it is
written (`QT_TRANSLATE_NOOP(context, text)`; the window shows `QCoreApplication.translate(context, title)`,
the command line the English), and what else belongs to it: a method's description, a kind's method and
whether it is a control. The order of `KINDS` is the order every table and summary lists them in.

A *kind* names what a model or a run is: `base`, `feature_lora` (LoRA with extra inputs), `lora` (LoRA alone),
`head`, `full`, `scratch`. `control_lora` is a role, not a model: a LoRA run is the control of a feature run
only beside it, in the same fine-tuning (same base, settings and seed). A fine-tuning with extra inputs and a
control names its runs `feature_lora` and `control_lora`; the control is kept in the library as a `lora` model
(`library_kind`), and a `lora` model is shown as a control again only where its feature run is beside it
(evaluation/comparison.py `roles`). Libraries saved before this distinction hold `control_lora` for every LoRA
run without extra inputs, controls or not: they load as `lora`.

Imports nothing of the project but the translation marker: every layer may use it, the window before PyTorch.
"""

from dataclasses import dataclass
from enum import Enum

from lora_studio.core.i18n import QT_TRANSLATE_NOOP

KIND_CONTEXT, METHOD_CONTEXT, VARIANT_CONTEXT, STATUS_CONTEXT = "kinds", "methods", "variants", "statuses"


class Status(str, Enum):
    """How a run, a job or a study ended (RUNNING: a study still going). A `str`, so JSON writes it as its value
    and it equals the plain strings files and older code hold ("finished" == Status.FINISHED)."""

    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    DIVERGED = "diverged"
    FAILED = "failed"

    def __str__(self) -> str:  # "finished", not "Status.FINISHED", in f-strings and messages alike
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


#: each status's English word, marked for translation (a str method already has the name `title`)
STATUS_TITLES = {
    Status.RUNNING: QT_TRANSLATE_NOOP("statuses", "running"),
    Status.FINISHED: QT_TRANSLATE_NOOP("statuses", "finished"),
    Status.STOPPED: QT_TRANSLATE_NOOP("statuses", "stopped"),
    Status.DIVERGED: QT_TRANSLATE_NOOP("statuses", "diverged"),
    Status.FAILED: QT_TRANSLATE_NOOP("statuses", "failed"),
}


@dataclass(frozen=True)
class Method:
    """A way to fine-tune a base model; all take the same epochs, learning rate and data."""

    name: str
    title: str  # marked, context METHOD_CONTEXT
    description: str  # what it trains, marked, context METHOD_CONTEXT


#: the fine-tuning methods by name, in the order they are offered
METHODS: dict[str, Method] = {m.name: m for m in (
    Method("lora", QT_TRANSLATE_NOOP("methods", "LoRA adapters"), QT_TRANSLATE_NOOP(
        "methods", "LoRA: low-rank adapters on the chosen layers, the base's weights frozen")),
    Method("head", QT_TRANSLATE_NOOP("methods", "Head only (fc2)"), QT_TRANSLATE_NOOP(
        "methods", "the head: fc2 alone trained, every other weight frozen")),
    Method("full", QT_TRANSLATE_NOOP("methods", "Full fine-tuning"), QT_TRANSLATE_NOOP(
        "methods", "full fine-tuning: every weight of the base trained")),
    Method("scratch", QT_TRANSLATE_NOOP("methods", "From scratch"), QT_TRANSLATE_NOOP(
        "methods", "from scratch: a fresh CNN, seeded, trained on the target task only")),
)}


@dataclass(frozen=True)
class Variant:
    """A LoRA variant: what it changes in the update (model/lora_variants.py implements it)."""

    name: str
    title: str  # marked, context VARIANT_CONTEXT
    description: str  # marked, context VARIANT_CONTEXT


#: the LoRA variants by name (model/lora_variants.register_variant adds one; config.LORA_VARIANTS is this dict)
VARIANTS: dict[str, Variant] = {v.name: v for v in (
    Variant("lora", QT_TRANSLATE_NOOP("variants", "LoRA"),
            QT_TRANSLATE_NOOP("variants", "plain LoRA: ΔW = (α/r)·B·A")),
    Variant("rslora", QT_TRANSLATE_NOOP("variants", "rsLoRA"), QT_TRANSLATE_NOOP(
        "variants", "rank-stabilised LoRA: ΔW = (α/√r)·B·A, so the update's size does not shrink as r grows")),
    Variant("dora", QT_TRANSLATE_NOOP("variants", "DoRA"), QT_TRANSLATE_NOOP(
        "variants", "weight-decomposed LoRA: a learned magnitude per output times the direction of W + ΔW")),
)}



@dataclass(frozen=True)
class Kind:
    """What a model of the library, or a run of a fine-tuning, is."""

    name: str
    title: str  # marked, context KIND_CONTEXT
    method: str | None  # the method that makes it (None: a base model, trained from nothing)
    features: bool = False  # a LoRA run with the plan's extra inputs
    control: bool = False  # a role: the LoRA run without them beside a feature run of the same settings and seed
    kept_as: str | None = None  # the kind a model of this run is kept as in the library (None: its own)


BASE, FEATURE_LORA, CONTROL_LORA, LORA = "base", "feature_lora", "control_lora", "lora"

#: every kind, in the order tables, legends and summaries list them
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind(BASE, QT_TRANSLATE_NOOP("kinds", "base"), None),
    Kind(FEATURE_LORA, QT_TRANSLATE_NOOP("kinds", "feature+LoRA"), "lora", features=True),
    Kind(CONTROL_LORA, QT_TRANSLATE_NOOP("kinds", "control"), "lora", control=True, kept_as=LORA),
    Kind(LORA, QT_TRANSLATE_NOOP("kinds", "LoRA"), "lora"),
    Kind("head", QT_TRANSLATE_NOOP("kinds", "head only"), "head"),
    Kind("full", QT_TRANSLATE_NOOP("kinds", "full fine-tuning"), "full"),
    Kind("scratch", QT_TRANSLATE_NOOP("kinds", "from scratch"), "scratch"),
)}
#: the kinds a model in the library may be (a control is kept as the LoRA model it is)
LIBRARY_KINDS = tuple(name for name, kind in KINDS.items() if kind.kept_as is None)


def library_kind(name: str) -> str:
    """The kind a model of kind (or run) `name` is kept as: `control_lora` → `lora`; the others are themselves.
    Also how a `control_lora` written by an earlier LoRA Studio is read."""
    kind = KINDS.get(name)
    return kind.kept_as if kind is not None and kind.kept_as else name


def method_of(kind: str) -> str | None:
    """The method that makes a model of `kind` (None for a base or a kind not known)."""
    known = KINDS.get(kind)
    return known.method if known is not None else None


def kind_order(kind: str) -> int:
    """Where `kind` comes in a list of kinds (after every known one when it is not known)."""
    return list(KINDS).index(kind) if kind in KINDS else len(KINDS)


# --- exported code (export_code/): named here, below everything, so the command line and the window offer the
# choices without importing the exporter, which imports PyTorch
EXPORT_FORMATS = ("py", "ipynb")  # a script, a Jupyter notebook
EXPORT_LANGUAGES = ("en", "zh_CN")  # the languages its comments are written in
