"""What the training jobs share (Base training, LoRA): the workflow's reports as the job's signals, and how a
message about a run that did not finish is put together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lora_studio.core.vocabulary import CONTROL_LORA, FEATURE_LORA, Status
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.gui.background.worker import JobContext, translate
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import kind_title, status_title

if TYPE_CHECKING:
    from lora_studio.core.workflows.runs import Listener


def listener(ctx: JobContext, plan: FinetunePlan | None = None) -> Listener:
    """The workflow's reports as the job's signals: each run's curves under "base" or "<phase>:<seed>"."""
    from lora_studio.core.workflows.runs import Listener

    class JobListener(Listener):
        def status(self, text: str) -> None:
            ctx.status(text)

        def phase_started(self, phase: str, seed: int, epochs: int) -> None:
            if plan is None:
                return
            if phase == FEATURE_LORA and plan.features:
                ctx.status(translate("jobs", "Fine-tuning with {0}, seed {1}").format(
                    "+".join(core_texts.feature_word(f) for f in plan.features), seed))
            elif phase == CONTROL_LORA:  # beside the feature run of the same seed: it is its control
                ctx.status(translate("jobs", "Fine-tuning the control, seed {0}").format(seed))
            else:  # a plain LoRA run, or another method
                ctx.status(translate("jobs", "Training: {0}, seed {1}").format(kind_title(phase), seed))

        def callbacks(self, phase: str, seed: int):
            return ctx.callbacks(phase if phase == "base" else f"{phase}:{seed}")

    return JobListener()


def said(status: str, message: str) -> str:
    """How a run that did not finish ended: a stop in the window's words (the core says "stopped by the user"),
    else the core's message, else the status in words."""
    if status == Status.STOPPED:
        return translate("jobs", "stopped by the user")
    return message or status_title(status)


def joined(message: str, more: str) -> str:
    """`more` after `message`: a sentence of its own when `message` ended one (the core's messages may), else
    as a second clause ("stopped by the user; nothing was saved"), punctuated as the language does. The core's
    message (a Text) is said in the window's language."""
    message = core_texts.core_text(message).rstrip()
    if message.endswith((".", "。")):
        return translate("jobs", "{0} {1}.", "a message, then a sentence of its own").format(
            message, f"{more[:1].upper()}{more[1:]}")
    return translate("jobs", "{0}; {1}", "two clauses of one message").format(message, more)
