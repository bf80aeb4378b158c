"""The window's translatable score sentences (gui/i18n/score_texts.py) say in English exactly what the core says.

The core writes them without Qt; the window rebuilds them from the same numbers so that they can be
translated. A change of wording on either side fails these tests first.
"""

import itertools

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from lora_studio.core.evaluation.comparison import SeedEffect
from lora_studio.core.evaluation.scores import Effect, MeanInterval, feature_effect, mean_interval
from lora_studio.gui.i18n import score_texts

# (mean, ci95) in fractions: helps, hurts, no clear effect, and an interval ending exactly at zero
EFFECTS = [(0.031, (0.012, 0.050)), (-0.024, (-0.040, -0.008)), (0.004, (-0.011, 0.019)), (0.02, (0.0, 0.04))]


def _seed_effect(mean: float, ci95: tuple[float, float], seeds: tuple[int, ...]) -> dict:
    method = f"t interval over {len(seeds)} seeds" if len(seeds) >= 2 else "paired over test images, one seed"
    return SeedEffect(Effect(mean, ci95, method), ("f",) * len(seeds), ("c",) * len(seeds), seeds).to_dict()


@pytest.mark.parametrize(("effect", "seeds"), list(itertools.product(EFFECTS, [(0,), (0, 1), (0, 1, 2)])))
def test_the_feature_effect_reads_as_the_cores(effect, seeds):
    as_dict = _seed_effect(*effect, seeds)
    assert score_texts.effect_meaning(as_dict) == as_dict["meaning"]
    assert score_texts.effect_method(as_dict) == as_dict["method"]


def test_the_method_is_the_one_feature_effect_writes():
    """The method text comes from `feature_effect` itself: over seeds, or over test images for one seed."""
    import numpy as np

    over_seeds = feature_effect([0.91, 0.93, 0.92], [0.90, 0.91, 0.92])
    assert score_texts.effect_method({"seeds": [0, 1, 2]}) == over_seeds.method
    correct = np.array([True, False, True, True])
    one_seed = feature_effect([0.75], [0.5], correct, np.array([True, False, False, True]))
    assert score_texts.effect_method({"seeds": [0]}) == one_seed.method


@pytest.mark.parametrize(("effect", "seeds"), list(itertools.product(EFFECTS, [1, 2, 3])))
def test_a_fine_tunings_effect_sentence_is_the_cores(effect, seeds):
    """The LoRA tab's summary after a fine-tuning: core `Effect.sentence()`, with the effect's own method."""
    method = f"t interval over {seeds} seeds" if seeds >= 2 else "paired over test images, one seed"
    core = Effect(*effect, method)
    assert score_texts.effect_sentence(core, seeds) == core.sentence()


@pytest.mark.parametrize("values", [[0.912], [0.912, 0.899, 0.925], [-0.031, 0.004], [0.0, 0.0]])
def test_points_read_as_the_cores(values):
    interval = mean_interval(values)
    assert score_texts.points(interval) == interval.points()
    assert score_texts.points(interval, signed=True) == interval.points(signed=True)
    single = MeanInterval(interval.mean, None, 1)
    assert score_texts.points(single, signed=True) == single.points(signed=True)


class _Upper(QTranslator):
    """A stand-in for a .qm file: every text of the "scores" context in capitals."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "scores" else None

    def isEmpty(self):
        return False


def test_the_sentences_are_translated(qapp):
    translator = _Upper()
    QCoreApplication.installTranslator(translator)
    try:
        effect = _seed_effect(0.004, (-0.011, 0.019), (0, 1, 2))
        assert score_texts.effect_meaning(effect).startswith("NO CLEAR EFFECT: FEATURE+LORA SCORED +0.40 POINTS")
        assert score_texts.effect_method(effect) == "T INTERVAL OVER 3 SEEDS"
        assert score_texts.points(mean_interval([0.01]), signed=True) == "+1.00 POINTS"
        assert score_texts.effect_sentence(Effect(0.031, (0.012, 0.05), "x"), 1) == \
            "THE EXTRA FEATURE HELPS (+3.10 POINTS, 95 % INTERVAL +1.20 TO +5.00, PAIRED OVER TEST IMAGES, ONE SEED)"
    finally:
        QCoreApplication.removeTranslator(translator)
