"""Sentences the core writes about scores, rebuilt translatable on the GUI side from the core's numbers.

The core must not import Qt, so its English sentences cannot be translated where they are made. The window
builds its own from the same numbers, word for word the core's in English (tests/gui/i18n/test_score_texts.py
holds them together): the feature's effect (core `comparison.plain_meaning` and the effect's `method`) and a
mean over seeds in percentage points (core `scores.MeanInterval.points`). Numbers keep the core's format.
"""

from PySide6.QtCore import QCoreApplication

CONTEXT = "scores"  # lupdate needs it spelt out in each call


def effect_method(effect: dict) -> str:
    """How the effect's interval was obtained (core `scores.feature_effect`): over seeds when two or more seeds
    of both ran, else over test images. `effect`: core `comparison.SeedEffect.to_dict()`."""
    seeds = len(effect.get("seeds") or ())
    if seeds >= 2:
        return QCoreApplication.translate("scores", "t interval over {0} seeds").format(seeds)
    return QCoreApplication.translate("scores", "paired over test images, one seed")


def effect_meaning(effect: dict) -> str:
    """Does the extra feature help, hurt, or can the data not tell? (core `comparison.plain_meaning`)"""
    low, high = (100 * v for v in effect["ci95"])
    mean = 100 * effect["mean_delta"]
    if low <= 0 <= high:
        text = QCoreApplication.translate(
            "scores", "No clear effect: feature+LoRA scored {0} points against the control, but the 95 % interval "
            "({1} to {2}) includes zero, so the difference may well be chance.").format(
            f"{mean:+.2f}", f"{low:+.2f}", f"{high:+.2f}")
    elif mean > 0:
        text = QCoreApplication.translate(
            "scores", "The extra feature helps: feature+LoRA beats the control by {0} points, and even the low end "
            "of the 95 % interval ({1}) is above zero.").format(f"{mean:.2f}", f"{low:+.2f}")
    else:
        text = QCoreApplication.translate(
            "scores", "The extra feature hurts: feature+LoRA trails the control by {0} points, and even the high "
            "end of the 95 % interval ({1}) is below zero.").format(f"{-mean:.2f}", f"{high:+.2f}")
    if len(effect.get("seeds") or ()) < 2:
        text += " " + QCoreApplication.translate(
            "scores", "With one seed the interval covers only test-set noise: run more seeds to include training "
            "noise.")
    return text


def effect_sentence(effect, seeds: int) -> str:
    """A core `scores.Effect` as its `sentence()` says it, for a fine-tuning of `seeds` seeds (each with its
    control): "the extra feature helps (+1.20 points, 95 % interval +0.40 to +2.00, t interval over 3 seeds)"."""
    low, high = (100 * v for v in effect.ci95)
    if low <= 0 <= high:
        verdict = QCoreApplication.translate("scores", "no clear effect: the interval includes zero")
    elif effect.mean_delta > 0:
        verdict = QCoreApplication.translate("scores", "the extra feature helps")
    else:
        verdict = QCoreApplication.translate("scores", "the extra feature hurts")
    return QCoreApplication.translate("scores", "{0} ({1} points, 95 % interval {2} to {3}, {4})").format(
        verdict, f"{100 * effect.mean_delta:+.2f}", f"{low:+.2f}", f"{high:+.2f}",
        effect_method({"seeds": range(seeds)}))


def points(interval, signed: bool = False) -> str:
    """A core `MeanInterval` as its `points()` writes it: "91.20 % [89.90, 92.50]" or, `signed`, "+3.10 points
    [+1.20, +5.00]"."""
    if signed:
        text = QCoreApplication.translate("scores", "{0} points").format(f"{100 * interval.mean:+.2f}")
        return text if interval.ci95 is None else \
            f"{text} [{100 * interval.ci95[0]:+.2f}, {100 * interval.ci95[1]:+.2f}]"
    text = f"{100 * interval.mean:.2f} %"
    return text if interval.ci95 is None else f"{text} [{100 * interval.ci95[0]:.2f}, {100 * interval.ci95[1]:.2f}]"
