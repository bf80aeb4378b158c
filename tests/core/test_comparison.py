"""Seeds grouped into settings and the feature's effect over seeds, on hand-made scores."""

import dataclasses
import math

import numpy as np
import pytest

from lora_studio.core.evaluation import comparison
from lora_studio.core.evaluation.scores import Predictions, learned_nothing

SETTING = ("mnist", "base-1", (8, 16.0, ("fc1", "fc2"), "article", "random"), 2, 64, 1e-3, 60000)


def model(kind, seed, accuracy, setting=SETTING, correct=None):
    features = ("brightness",) if kind == "feature_lora" else ()
    return comparison.Scored(f"{kind}-{seed}", f"{kind} seed {seed}", kind, "base-1", seed, setting, features,
                             accuracy, 0.1, 100, 1000, 2.0 + seed, correct)


def test_seeds_of_one_setting_are_one_group_with_mean_and_spread():
    models = [model("feature_lora", 1, 0.97), model("lora", 0, 0.95), model("feature_lora", 0, 0.99),
              model("feature_lora", 0, 0.5, setting=SETTING[:3] + (5,) + SETTING[4:])]  # other epochs
    groups = comparison.group_by_setting(models)
    assert [(g.kind, g.seeds) for g in groups] == [("feature_lora", (0, 1)), ("lora", (0,)),
                                                   ("feature_lora", (0,))]
    assert groups[0].mean_accuracy == pytest.approx(0.98)
    assert groups[0].sd_accuracy == pytest.approx(math.sqrt(2) * 0.01)  # values ±0.01 around the mean
    assert groups[0].mean_seconds == pytest.approx(2.5)
    assert math.isnan(groups[1].sd_accuracy)


def test_effect_over_three_seeds_is_a_t_interval_of_the_differences():
    # differences 0.01, 0.02, 0.03: mean 0.02, sd 0.01, half-width t(2) 4.303 · 0.01 / √3 = 0.02484
    models = [model("feature_lora", s, 0.95 + d) for s, d in enumerate((0.01, 0.02, 0.03))]
    models += [model("lora", s, 0.95) for s in range(3)] + [model("lora", 7, 0.5)]
    result = comparison.seed_effect(models)
    assert result.seeds == (0, 1, 2)
    assert result.effect.mean_delta == pytest.approx(0.02)
    assert result.effect.ci95 == pytest.approx((0.02 - 0.024844, 0.02 + 0.024844), abs=1e-5)
    assert result.effect.method == "t interval over 3 seeds"
    assert result.control_ids == ("lora-0", "lora-1", "lora-2")
    assert result.effect.verdict == "unclear" and result.to_dict()["verdict"] == "unclear"  # reaches below zero
    assert (result.effect.seeds, result.effect.basis) == (3, "seeds")


def test_effect_with_one_common_seed_is_paired_over_images():
    f = model("feature_lora", 0, 0.75, correct=np.array([True, True, True, False]))
    c = model("lora", 0, 0.5, correct=np.array([True, False, True, False]))
    result = comparison.seed_effect([f, c])
    assert result.effect.method == "paired over test images, one seed"
    assert result.effect.mean_delta == pytest.approx(0.25)


def test_no_effect_without_a_control_of_the_same_setting():
    other = SETTING[:2] + ((4, 16.0, ("fc1", "fc2"), "article", "random"),) + SETTING[3:]
    assert comparison.seed_effect([model("feature_lora", 0, 0.9), model("lora", 0, 0.9, other)]) is None
    assert comparison.seed_effect([model("base", 0, 0.9)]) is None


def test_a_lora_model_is_a_control_only_beside_a_feature_model_of_its_setting_and_seed():
    other = SETTING[:2] + ((4, 16.0, ("fc1", "fc2"), "article", "random"),) + SETTING[3:]
    feature, partner = model("feature_lora", 0, 0.9), model("lora", 0, 0.9)
    rank_4 = dataclasses.replace(model("lora", 0, 0.8, setting=other), id="rank-4")
    alone = [model("lora", 1, 0.9), rank_4, model("base", 0, 0.5), model("head", 0, 0.7)]
    roles = comparison.roles([feature, partner, *alone])
    assert roles == {"feature_lora-0": "feature_lora", "lora-0": "control_lora", "lora-1": "lora", "rank-4": "lora",
                     "base-0": "base", "head-0": "head"}
    assert comparison.roles([partner, *alone]) == {m.id: m.kind for m in (partner, *alone)}  # no feature run: none
    groups = comparison.group_by_setting([feature, partner, model("lora", 1, 0.9)])
    assert [comparison.group_role(g, roles) for g in groups] == ["feature_lora", "lora"]  # seed 1 is no control
    assert comparison.group_role(comparison.group_by_setting([partner])[0], roles) == "control_lora"


def predictions_of(accuracy: float, loss: float, n: int = 100) -> Predictions:
    labels = np.arange(n) % 10
    right = int(round(accuracy * n))
    predicted = np.where(np.arange(n) < right, labels, (labels + 1) % 10)
    return Predictions(labels, predicted, np.full((n, 10), 0.1, np.float32), loss)


@pytest.mark.parametrize(
    ("accuracy", "loss", "lr", "expected"),
    [
        (0.95, 0.2, 1e-3, None),  # learned
        (0.16, 2.2, 1e-3, None),  # 1.6 × chance: weak, but something
        (0.14, 2.3, 1e-3, ("chance", False)),
        (0.11, 2.3, 100.0, ("chance", True)),  # the learning rate is more than 10 × the article's
        (0.95, 1e12, 100.0, ("exploded", True)),
        (0.95, math.inf, 0.5, ("exploded", True)),
        (0.95, 24.0, 1e-3, ("exploded", False)),  # above 10 × ln 10 = 23.03
        (0.95, 23.0, 1e-3, None),
    ],
)
def test_a_run_that_learned_nothing_is_recognised_with_its_reason_and_numbers(accuracy, loss, lr, expected):
    why = learned_nothing(predictions_of(accuracy, loss), lr)
    if expected is None:
        assert why is None
        return
    assert (why.reason, why.lr_too_high) == expected
    assert why.accuracy == pytest.approx(accuracy) and why.loss == loss and why.lr == lr
    assert why.chance == pytest.approx(0.1) and why.guess_loss == pytest.approx(math.log(10))
    assert why.article_lr == 1e-3
