"""The window words the core's judgements (gui/i18n/score_texts.py): the feature's effect by its verdict, seeds and
basis, and why a run learned nothing by its reason and values. Nothing is re-derived here: a verdict the core did
not give is never worded, and the numbers shown are the judgement's own. In English and in Chinese (the zh_CN
catalogue the window loads)."""

import re

import numpy as np
import pytest

from lora_studio.core.evaluation.scores import Effect, Uselessness, feature_effect, mean_interval
from lora_studio.gui.i18n import score_texts

# (mean, ci95) in fractions: helps, hurts, no clear effect, and an interval ending exactly at zero (no clear effect)
EFFECTS = {"helps": (0.031, (0.012, 0.050)), "hurts": (-0.024, (-0.040, -0.008)),
           "unclear": (0.004, (-0.011, 0.019)), "unclear at zero": (0.02, (0.0, 0.04))}
BASES = [(3, "seeds"), (2, "seeds"), (1, "images")]


def effects():
    return [(name, Effect(mean, ci, seeds, basis)) for name, (mean, ci) in EFFECTS.items() for seeds, basis in BASES]


def numbers(text: str) -> list[str]:
    return re.findall(r"[+\-−]?\d+\.\d+", text)


@pytest.mark.parametrize(("name", "effect"), effects())
def test_the_effect_is_worded_by_its_verdict_with_its_own_numbers(name, effect):
    meaning, sentence = score_texts.effect_meaning(effect), score_texts.effect_sentence(effect)
    assert effect.verdict == name.split()[0]
    opening = {"helps": "The extra feature helps", "hurts": "The extra feature hurts", "unclear": "No clear effect"}
    assert meaning.startswith(opening[effect.verdict])
    assert sentence.lower().startswith(opening[effect.verdict].lower())
    low, high = (100 * v for v in effect.ci95)
    assert f"{100 * effect.mean_delta:+.2f} points" in sentence and f"{low:+.2f} to {high:+.2f}" in sentence
    assert ("run more seeds" in meaning) == (effect.basis == "images")
    method = score_texts.effect_method(effect)
    assert method == (f"t interval over {effect.seeds} seeds" if effect.basis == "seeds"
                      else "paired over test images, one seed")
    assert sentence.endswith(f", {method})")


def test_a_verdict_the_core_gives_is_worded_even_where_the_interval_alone_would_say_otherwise():
    """score_texts words `verdict`, not its own reading of the interval: a judgement from the core is the one
    shown (here a made-up Effect subclass whose verdict disagrees with its numbers)."""

    class Judged(Effect):
        @property
        def verdict(self) -> str:
            return "hurts"

    assert score_texts.effect_meaning(Judged(0.03, (0.01, 0.05), 3, "seeds")).startswith("The extra feature hurts")


def test_the_basis_comes_from_feature_effect():
    over_seeds = feature_effect([0.91, 0.93, 0.92], [0.90, 0.91, 0.92])
    assert (over_seeds.seeds, over_seeds.basis) == (3, "seeds")
    assert score_texts.effect_method(over_seeds) == "t interval over 3 seeds"
    correct = np.array([True, False, True, True])
    one_seed = feature_effect([0.75], [0.5], correct, np.array([True, False, False, True]))
    assert (one_seed.seeds, one_seed.basis) == (1, "images")
    assert score_texts.effect_method(one_seed) == "paired over test images, one seed"


USELESS = [Uselessness("exploded", 1e12, 0.95, 2.302585, 0.1, 100.0, True),
           Uselessness("chance", 2.3, 0.112, 2.302585, 0.1, 1e-3, False)]


@pytest.mark.parametrize("why", USELESS)
def test_learned_nothing_is_worded_from_its_reason_and_values(why):
    text = score_texts.uselessness(why)
    assert text.startswith("The model learned nothing useful: ")
    if why.reason == "exploded":
        assert "exploded to 1e+12 (guessing gives 2.30)" in text
    else:
        assert "11.2 %, is no better than guessing (10 %)" in text
    assert ("learning rate 100 is probably too high: try 0.001" in text) == why.lr_too_high
    assert ("More training images or epochs may help." in text) == (not why.lr_too_high)


@pytest.mark.parametrize("values", [[0.912], [0.912, 0.899, 0.925], [-0.031, 0.004]])
def test_points_give_the_mean_and_its_interval(values):
    interval = mean_interval(values)
    text = score_texts.points(interval, signed=True)
    assert text.startswith(f"{100 * interval.mean:+.2f} points")
    assert (interval.ci95 is None) == ("[" not in text)
    assert score_texts.points(interval).startswith(f"{100 * interval.mean:.2f} %")


@pytest.fixture
def chinese(qapp):
    from lora_studio.gui.i18n import language as i18n

    installed = i18n.apply("zh_CN", qapp)
    assert not installed.missing, installed.missing
    yield installed
    i18n.apply("en", qapp)


def english_words(text: str) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in {"LoRA"}]


def test_in_chinese_each_verdict_reads_differently_and_keeps_the_judgements_numbers(chinese):
    worded = {}
    for _name, effect in effects():
        meaning, sentence = score_texts.effect_meaning(effect), score_texts.effect_sentence(effect)
        assert not english_words(meaning) and not english_words(sentence), (meaning, sentence)
        low, high = (100 * v for v in effect.ci95)
        for value in (f"{low:+.2f}", f"{high:+.2f}"):
            assert value in sentence
        assert f"{100 * effect.mean_delta:+.2f}" in sentence
        worded.setdefault(effect.verdict, set()).add(sentence.split("（")[0])
        one_seed_note = score_texts.effect_meaning(Effect(effect.mean_delta, effect.ci95, 1, "images"))
        assert one_seed_note.startswith(meaning.split("。")[0]) and len(one_seed_note) > len(meaning.split("。")[0])
    # three verdicts, three different wordings (an interval ending at zero is "unclear" like the others)
    assert len({next(iter(words)) for words in worded.values()}) == 3
    assert all(len(words) == 1 for words in worded.values())


@pytest.mark.parametrize("why", USELESS)
def test_in_chinese_learned_nothing_has_no_english_left(chinese, why):
    text = score_texts.uselessness(why)
    assert "1e+12" in text or "11.2" in text
    assert not english_words(text), text
