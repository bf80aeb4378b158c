"""The core's judgements in the command line's English: the feature's effect and why a run learned nothing.

The core returns the judgement and its numbers (`scores.Effect`: verdict, seeds, basis; `scores.Uselessness`:
reason and values); the window words them in its language (gui/i18n/score_texts.py), the command line here.
"""

from lora_studio.core.evaluation.scores import Effect, Uselessness

#: the effect's verdict, short (`effect_sentence`)
VERDICT_WORDS = {"helps": "the extra feature helps", "hurts": "the extra feature hurts",
                 "unclear": "no clear effect: the interval includes zero"}


def effect_sentence(effect: Effect) -> str:
    """"the extra feature helps (+1.20 points, 95 % interval +0.40 to +2.00, t interval over 3 seeds)"."""
    low, high = (100 * v for v in effect.ci95)
    return (f"{VERDICT_WORDS[effect.verdict]} ({100 * effect.mean_delta:+.2f} points, 95 % interval "
            f"{low:+.2f} to {high:+.2f}, {effect.method})")


def effect_meaning(effect: Effect) -> str:
    """One sentence a learner can read: does the extra feature help, hurt, or can the data not tell?"""
    low, high = (100 * v for v in effect.ci95)
    mean = 100 * effect.mean_delta
    if effect.verdict == "unclear":
        text = (f"No clear effect: feature+LoRA scored {mean:+.2f} points against the control, but the 95 % "
                f"interval ({low:+.2f} to {high:+.2f}) includes zero, so the difference may well be chance.")
    elif effect.verdict == "helps":
        text = (f"The extra feature helps: feature+LoRA beats the control by {mean:.2f} points, and even the low "
                f"end of the 95 % interval ({low:+.2f}) is above zero.")
    else:
        text = (f"The extra feature hurts: feature+LoRA trails the control by {-mean:.2f} points, and even the "
                f"high end of the 95 % interval ({high:+.2f}) is below zero.")
    if effect.basis == "images":
        text += " With one seed the interval covers only test-set noise: run more seeds to include training noise."
    return text


def uselessness(why: Uselessness) -> str:
    """"The model learned nothing useful: its test loss exploded to 1e+12 (guessing gives 2.30). The learning
    rate 100 is probably too high: try 0.001, the article's." """
    if why.reason == "exploded":
        what = f"its test loss exploded to {why.loss:.3g} (guessing gives {why.guess_loss:.2f})"
    else:
        what = (f"its test accuracy, {100 * why.accuracy:.1f} %, is no better than guessing "
                f"({100 * why.chance:.0f} %)")
    advice = (f"The learning rate {why.lr:g} is probably too high: try {why.article_lr:g}, the article's."
              if why.lr_too_high else "More training images or epochs may help.")
    return f"The model learned nothing useful: {what}. {advice}"
