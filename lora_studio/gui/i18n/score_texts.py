"""The core's judgements about scores, worded in the window's language.

The core judges and returns numbers, never prose: the feature's effect (`scores.Effect`: `verdict` helps / hurts /
unclear, over `seeds` seeds, on `basis` seeds or test images), why a run learned nothing (`scores.Uselessness`:
`reason` exploded / chance, with its values), and means over seeds (`scores.MeanInterval`). Here the window
words them with QCoreApplication.translate (context "scores"); the command line words the same judgements in
English (cli/judgements.py). Neither decides anything: a verdict is never re-derived from the interval here.
"""

from PySide6.QtCore import QCoreApplication

CONTEXT = "scores"  # lupdate needs it spelt out in each call


def effect_method(effect) -> str:
    """What the interval of a core `Effect` covers: its seeds, or one seed's test images."""
    if effect.basis == "seeds":
        return QCoreApplication.translate("scores", "t interval over {0} seeds").format(effect.seeds)
    return QCoreApplication.translate("scores", "paired over test images, one seed")


def effect_meaning(effect) -> str:
    """Does the extra feature help, hurt, or can the data not tell? A core `Effect`'s verdict in a sentence."""
    low, high = (100 * v for v in effect.ci95)
    mean = 100 * effect.mean_delta
    if effect.verdict == "unclear":
        text = QCoreApplication.translate(
            "scores", "No clear effect: feature+LoRA scored {0} points against the control, but the 95 % interval "
            "({1} to {2}) includes zero, so the difference may well be chance.").format(
            f"{mean:+.2f}", f"{low:+.2f}", f"{high:+.2f}")
    elif effect.verdict == "helps":
        text = QCoreApplication.translate(
            "scores", "The extra feature helps: feature+LoRA beats the control by {0} points, and even the low end "
            "of the 95 % interval ({1}) is above zero.").format(f"{mean:.2f}", f"{low:+.2f}")
    else:
        text = QCoreApplication.translate(
            "scores", "The extra feature hurts: feature+LoRA trails the control by {0} points, and even the high "
            "end of the 95 % interval ({1}) is below zero.").format(f"{-mean:.2f}", f"{high:+.2f}")
    if effect.basis == "images":
        text += " " + QCoreApplication.translate(
            "scores", "With one seed the interval covers only test-set noise: run more seeds to include training "
            "noise.")
    return text


def effect_sentence(effect) -> str:
    """A core `Effect` in one line: "the extra feature helps (+1.20 points, 95 % interval +0.40 to +2.00, t
    interval over 3 seeds)"."""
    low, high = (100 * v for v in effect.ci95)
    if effect.verdict == "unclear":
        verdict = QCoreApplication.translate("scores", "no clear effect: the interval includes zero")
    elif effect.verdict == "helps":
        verdict = QCoreApplication.translate("scores", "the extra feature helps")
    else:
        verdict = QCoreApplication.translate("scores", "the extra feature hurts")
    return QCoreApplication.translate("scores", "{0} ({1} points, 95 % interval {2} to {3}, {4})").format(
        verdict, f"{100 * effect.mean_delta:+.2f}", f"{low:+.2f}", f"{high:+.2f}", effect_method(effect))


def effect_points(effect) -> str:
    """A core `Effect`'s difference with its interval, in points: "+0.40 points [−0.10, +0.90]"."""
    low, high = (100 * v for v in effect.ci95)
    return QCoreApplication.translate("scores", "{0} points").format(f"{100 * effect.mean_delta:+.2f}") + \
        f" [{low:+.2f}, {high:+.2f}]"


def uselessness(why) -> str:
    """Why a run learned nothing useful (a core `Uselessness`), and what to try."""
    if why.reason == "exploded":
        what = QCoreApplication.translate(
            "scores", "its test loss exploded to {0} (guessing gives {1})").format(
            f"{why.loss:.3g}", f"{why.guess_loss:.2f}")
    else:
        what = QCoreApplication.translate(
            "scores", "its test accuracy, {0} %, is no better than guessing ({1} %)").format(
            f"{100 * why.accuracy:.1f}", f"{100 * why.chance:.0f}")
    advice = QCoreApplication.translate(
        "scores", "The learning rate {0} is probably too high: try {1}, the article's.").format(
        f"{why.lr:g}", f"{why.article_lr:g}") if why.lr_too_high else \
        QCoreApplication.translate("scores", "More training images or epochs may help.")
    return QCoreApplication.translate("scores", "The model learned nothing useful: {0}. {1}").format(what, advice)


def points(interval, signed: bool = False) -> str:
    """A core `MeanInterval` in percentage points: "91.20 % [89.90, 92.50]" or, `signed`, "+3.10 points
    [+1.20, +5.00]"."""
    if signed:
        text = QCoreApplication.translate("scores", "{0} points").format(f"{100 * interval.mean:+.2f}")
        return text if interval.ci95 is None else \
            f"{text} [{100 * interval.ci95[0]:+.2f}, {100 * interval.ci95[1]:+.2f}]"
    text = f"{100 * interval.mean:.2f} %"
    return text if interval.ci95 is None else f"{text} [{100 * interval.ci95[0]:.2f}, {100 * interval.ci95[1]:.2f}]"
