"""Scores: confusion matrices and the feature's effect with its 95 % interval."""

import math

import numpy as np
import pytest

from lora_studio.core.evaluation.scores import (
    BASES,
    VERDICTS,
    Effect,
    confusion_matrix,
    feature_effect,
    t_quantile_975,
)


def test_confusion_matrix_counts_by_hand():
    labels = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    expected = np.array([[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert np.array_equal(confusion_matrix(labels, predicted, 3), expected)


def test_feature_effect_over_seeds_uses_a_t_interval():
    effect = feature_effect([0.915, 0.925, 0.92], [0.90, 0.90, 0.90])
    deltas = np.array([0.015, 0.025, 0.02])
    half = 4.303 * deltas.std(ddof=1) / math.sqrt(3)
    assert effect.mean_delta == pytest.approx(0.02)
    assert effect.ci95 == pytest.approx((0.02 - half, 0.02 + half))
    assert (effect.verdict, effect.seeds, effect.basis) == ("helps", 3, "seeds") and not effect.spans_zero
    assert effect.method == "t interval over 3 seeds"  # the JSON's label, unchanged
    assert effect.to_dict() == {"mean_delta": effect.mean_delta, "ci95": list(effect.ci95),
                                "method": "t interval over 3 seeds", "verdict": "helps", "basis": "seeds"}
    assert all(type(v) is float for v in effect.ci95)
    assert t_quantile_975(1) == 12.706 and t_quantile_975(1000) == pytest.approx(1.96, abs=1e-3)


def test_feature_effect_with_one_seed_is_paired_over_images_and_can_span_zero():
    f = np.array([1, 1, 0, 1, 0, 1, 1, 1], dtype=bool)
    c = np.array([1, 0, 1, 1, 0, 1, 1, 1], dtype=bool)
    effect = feature_effect([f.mean()], [c.mean()], f, c)
    assert effect.mean_delta == 0.0 and effect.spans_zero
    assert (effect.verdict, effect.seeds, effect.basis) == ("unclear", 1, "images")
    assert effect.method == "paired over test images, one seed"


@pytest.mark.parametrize(("mean", "ci95", "verdict"), [
    (0.02, (0.01, 0.03), "helps"), (-0.02, (-0.03, -0.01), "hurts"), (0.001, (-0.001, 0.003), "unclear"),
    (0.02, (0.0, 0.04), "unclear"), (-0.02, (-0.04, 0.0), "unclear"),  # an interval ending at zero holds it
])
def test_the_verdict_is_helps_hurts_or_unclear_by_the_whole_interval(mean, ci95, verdict):
    assert Effect(mean, ci95, 3, "seeds").verdict == verdict
    assert VERDICTS == ("helps", "hurts", "unclear") and BASES == ("seeds", "images")
