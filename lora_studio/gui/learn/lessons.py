"""The Learn tab's lessons as data: what each one sets up on the other tabs, and how its card reads.

A `Setup` says what "Set it up" puts into the controls; the window applies it tab by tab (each tab's
`apply_setup`), because a tab never reaches another. A `Lesson` holds its texts, marked for translation
(QT_TRANSLATE_NOOP, context "lessons") and translated where the card is built, and a function that finds
the person's own runs in the library and words their figures (lessons_runs.py). A lesson that stacks trained
adapters is set up in stages instead, and its answer is scored in the worker (stack_lessons.py,
stack_answers.py). The lessons themselves are in lessons_content.py. Nothing here imports PyTorch: the cards are
shown before it has loaded.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import method_title, variant_title
from lora_studio.gui.shared.setup import Setup, SweepSetup  # noqa: F401 - the lessons build these

if TYPE_CHECKING:
    from lora_studio.gui.learn.stack_lessons import StackLesson

CONTEXT = "lessons"  # lupdate needs it spelt out in each call


@dataclass(frozen=True)
class LessonContext:
    """What a lesson's own-run finder may read: the library as the window lists it, and the saved sweeps."""

    models: list  # state.ModelInfo
    studies_dir: Path


@dataclass(frozen=True)
class Lesson:
    id: str  # remembered in the settings: never rename one
    title: str
    question: str
    look: str  # what to look at once it ran
    answer: tuple[str, ...]  # paragraphs: why it comes out as it does
    expect: str  # what a run here gives (measured), shown until the person has a run of their own
    setup: Setup = field(default_factory=Setup)
    own: Callable[[LessonContext], list[str] | None] | None = None  # paragraphs quoting the own runs, or None
    #: a lesson that stacks adapters: `setup` is its first stage, stack_lessons.stage the one it is at
    stack: "StackLesson | None" = None


def tr(text: str) -> str:
    """A lesson's text marked with QT_TRANSLATE_NOOP("lessons", …), in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def newest_base(models, dataset: str):
    """The newest usable base model trained on `dataset` (the library lists the newest first), or None."""
    return next((m for m in models if m.kind == "base" and not m.error and m.dataset == dataset), None)


def setup_lines(setup: Setup, names: dict[str, str] | None = None) -> list[str]:
    """What "Set it up" sets, in words, one line per tab it touches; `names`: the library's names of the models a
    stack holds (by id; an id not in it is shown as it is)."""
    lines = [QCoreApplication.translate("lessons", "Data set: {0}; the newest base model trained on it.").format(
        core_texts.dataset_title(setup.dataset))]
    task = core_texts.task_title(setup.task)
    stack = setup.stack
    if stack is not None:
        names = names or {}
        adapters = core_texts.listed(QCoreApplication.translate("lessons", "{0} at {1} %").format(
            names.get(model_id, model_id), f"{100 * weight:g}") for model_id, weight in stack.adapters)
        lines.append(QCoreApplication.translate(
            "lessons", "Evaluation tab, Adapter stack page: on base {0}, {1}; scored on {2}, without training.").format(
            names.get(stack.base_id, stack.base_id), adapters, core_texts.task_title(stack.task or setup.task)))
        return lines
    sweep = setup.sweep
    if sweep is not None:
        lines.append(QCoreApplication.translate(
            "lessons", "Compare tab: task {0}; methods {1}; LoRA on {2}, ranks {3}, variants {4}; {5} seed(s), "
            "{6} epoch(s) a run, {7}.").format(
            task, core_texts.listed(method_title(m) for m in sweep.methods), "+".join(sweep.layers),
            core_texts.listed(sweep.ranks), core_texts.listed(variant_title(v) for v in sweep.variants),
            sweep.seeds,
            sweep.epochs,
            images(sweep.subset)))
        return lines
    if setup.method == "lora":
        features = "+".join(core_texts.feature_title(f) for f in setup.features) or QCoreApplication.translate(
            "lessons", "none")
        control = QCoreApplication.translate("lessons", "with a control run") if setup.control else \
            QCoreApplication.translate("lessons", "no control run")
        lines.append(QCoreApplication.translate(
            "lessons", "LoRA tab: task {0}; method {1} on {2}, rank {3}, alpha {4:g}, variant {5}, LoRA+ ratio "
            "{6:g}; extra inputs: {7}, {8}; {9} seed(s), {10} epoch(s), learning rate {11:g}, {12}.").format(
            task, method_title(setup.method), "+".join(setup.layers), setup.rank, setup.alpha,
            variant_title(setup.variant),
            setup.lora_plus_ratio, features, control, setup.seeds, setup.epochs, setup.learning_rate,
            images(setup.subset)))
    else:
        lines.append(QCoreApplication.translate(
            "lessons", "LoRA tab: task {0}; method {1}; {2} seed(s), {3} epoch(s), learning rate {4:g}, {5}.").format(
            task, method_title(setup.method), setup.seeds, setup.epochs, setup.learning_rate, images(setup.subset)))
    return lines


def images(subset: int | None) -> str:
    if subset is None:
        return QCoreApplication.translate("lessons", "all training images")
    return QCoreApplication.translate("lessons", "the first {0} training images").format(f"{subset:,}")


def card_html(lesson: Lesson, base_note: str = "", answer: list[str] | None = None, setup: Setup | None = None,
              stage_note: str = "", names: dict[str, str] | None = None) -> str:
    """The card: question, what Set it up does (`setup`, default the lesson's; `stage_note`: which stage a staged
    lesson is at, and why; `base_note`, when there is no base to start from), what to look at, and, when revealed,
    the `answer` paragraphs (see `answer_paragraphs`). Texts are escaped here."""
    headings = {"question": QCoreApplication.translate("lessons", "Question"),
                "setup": QCoreApplication.translate("lessons", "Set it up"),
                "look": QCoreApplication.translate("lessons", "What to look at"),
                "answer": QCoreApplication.translate("lessons", "Answer")}
    parts = [f"<h3>{escape(tr(lesson.title))}</h3>",
             section(headings["question"], [tr(lesson.question)]),
             section(headings["setup"], setup_lines(setup or lesson.setup, names),
                     f"<i>{escape(stage_note)}</i><br>" if stage_note else "")]
    if base_note:
        parts.append(f"<p style='color:#b35900'>{escape(base_note)}</p>")
    parts.append(section(headings["look"], [tr(lesson.look)]))
    if answer is not None:
        parts.append(f"<p><b>{escape(headings['answer'])}</b></p>")
        parts += [f"<p>{escape(paragraph)}</p>" for paragraph in answer]
    return "\n".join(parts)


def section(heading: str, lines: list[str], lead: str = "") -> str:
    """A heading and its lines (escaped here); `lead`: HTML put between them."""
    return f"<p><b>{escape(heading)}</b><br>{lead}" + "<br>".join(escape(line) for line in lines) + "</p>"


def answer_paragraphs(lesson: Lesson, own: list[str] | None) -> list[str]:
    """The answer: why, then the person's own figures, or what to expect until they have run it."""
    paragraphs = [tr(text) for text in lesson.answer]
    if own:
        return paragraphs + [QCoreApplication.translate("lessons", "Your own runs:")] + own
    return paragraphs + [tr(lesson.expect), QCoreApplication.translate(
        "lessons", "You have no run of this lesson in your library yet: click Set it up, run it, and this answer will "
        "quote your own figures.")]
