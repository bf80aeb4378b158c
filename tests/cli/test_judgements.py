"""The command line words the core's judgements in English (cli/judgements.py): the effect by its verdict, seeds and
basis; why a run learned nothing by its reason and values."""

import pytest

from lora_studio.cli import judgements
from lora_studio.core.evaluation.scores import Effect, Uselessness


def test_the_meaning_follows_the_verdict_and_says_when_one_seed_leaves_training_noise_out():
    assert judgements.effect_meaning(Effect(0.02, (0.01, 0.03), 3, "seeds")).startswith(
        "The extra feature helps: feature+LoRA beats the control by 2.00 points")
    assert judgements.effect_meaning(Effect(-0.02, (-0.03, -0.01), 3, "seeds")).startswith(
        "The extra feature hurts: feature+LoRA trails the control by 2.00 points")
    one = judgements.effect_meaning(Effect(0.001, (-0.001, 0.003), 1, "images"))
    assert one.startswith("No clear effect") and "run more seeds" in one
    assert "run more seeds" not in judgements.effect_meaning(Effect(0.001, (-0.001, 0.003), 2, "seeds"))


@pytest.mark.parametrize(("effect", "expected"), [
    (Effect(0.012, (0.004, 0.02), 3, "seeds"),
     "the extra feature helps (+1.20 points, 95 % interval +0.40 to +2.00, t interval over 3 seeds)"),
    (Effect(0.0, (-0.01, 0.01), 1, "images"),
     "no clear effect: the interval includes zero (+0.00 points, 95 % interval -1.00 to +1.00, paired over test "
     "images, one seed)"),
])
def test_the_effect_in_one_line(effect, expected):
    assert judgements.effect_sentence(effect) == expected


def test_learned_nothing_in_english():
    exploded = Uselessness("exploded", 1e12, 0.95, 2.302585, 0.1, 100.0, True)
    assert judgements.uselessness(exploded) == ("The model learned nothing useful: its test loss exploded to 1e+12 "
                                                "(guessing gives 2.30). The learning rate 100 is probably too high: "
                                                "try 0.001, the article's.")
    chance = Uselessness("chance", 2.3, 0.14, 2.302585, 0.1, 1e-3, False)
    assert judgements.uselessness(chance) == ("The model learned nothing useful: its test accuracy, 14.0 %, is no "
                                              "better than guessing (10 %). More training images or epochs may help.")
