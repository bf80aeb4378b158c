"""Evaluation: predictions on a split, confusion matrices, and the feature's effect with its interval.

"The feature helps" is only a claim when the same LoRA fine-tuning *without*
the feature (the control) does worse by more than chance: `feature_effect`
gives the difference and a 95 % interval — over seeds when there are several,
else over test images (which leaves out training noise, and says so).
"""

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lora_studio.core.model.staged import staged
from lora_studio.core.training.prefix_cache import PrefixCache, evaluate_inputs, evaluation_inputs

# two-sided 95 % quantiles of Student's t for 1 … 30 degrees of freedom
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)
_Z975 = 1.959964


@dataclass(frozen=True)
class Predictions:
    """A model's answers on a split, as NumPy arrays (safe to hand to another thread)."""

    labels: np.ndarray  # (N,) int64, the truth
    predicted: np.ndarray  # (N,) int64
    probabilities: np.ndarray  # (N, classes) float32
    loss: float  # mean cross-entropy

    @property
    def correct(self) -> np.ndarray:
        return self.predicted == self.labels

    @property
    def accuracy(self) -> float:
        return float(self.correct.mean())

    @property
    def confidence(self) -> np.ndarray:
        """Probability given to the predicted class, (N,)."""
        return self.probabilities.max(axis=1)

    def confusion(self) -> np.ndarray:
        return confusion_matrix(self.labels, self.predicted, self.probabilities.shape[1])


def predict(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, extra: torch.Tensor | None = None,
    cache: PrefixCache | None = None,
) -> Predictions:
    """Run `model` over uint8 images (N, 28, 28) in chunks. Models predicting with one `cache` run the stages
    before their head once between those that have the same ones (a base and the LoRA models made from it)."""
    model = staged(model)
    model.eval()
    loss, probabilities = evaluate_inputs(model, evaluation_inputs(model, images, extra, cache), labels)
    probs = probabilities.numpy()
    return Predictions(labels.numpy().copy(), probs.argmax(1), probs, loss)


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, num_classes: int = 10) -> np.ndarray:
    """Counts (classes, classes): row = true class, column = predicted class."""
    flat = np.asarray(labels, dtype=np.int64) * num_classes + np.asarray(predicted, dtype=np.int64)
    return np.bincount(flat, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


#: what an effect says, for every front end to word: the whole 95 % interval above zero, below it, or holding it
VERDICTS = ("helps", "hurts", "unclear")
#: what the interval covers: the differences of two or more seeds (training noise included), or one seed's test
#: images, paired (test-set noise only)
BASES = ("seeds", "images")


@dataclass(frozen=True)
class Effect:
    """Feature+LoRA minus control, in test accuracy (0.01 = one percentage point), and the judgement it gives.

    The core judges (`verdict`, over `seeds` seeds, on `basis`); each front end words it (the window in its
    language, gui/i18n/score_texts.py; the command line in English, cli/evaluation_output.py)."""

    mean_delta: float
    ci95: tuple[float, float]
    seeds: int  # how many seeds of both runs it is over
    basis: str  # one of BASES: "seeds" (a t interval over the seeds' differences) or "images" (one seed)

    @property
    def spans_zero(self) -> bool:
        return self.ci95[0] <= 0 <= self.ci95[1]

    @property
    def verdict(self) -> str:
        """"unclear" when the interval holds zero (the difference may well be chance), else "helps" or "hurts"."""
        if self.spans_zero:
            return "unclear"
        return "helps" if self.mean_delta > 0 else "hurts"

    @property
    def method(self) -> str:
        """How the interval was obtained, as the JSON files have always named it ("t interval over 3 seeds"): a
        label for files; people are told `basis` and `seeds` in their front end's words."""
        return f"t interval over {self.seeds} seeds" if self.basis == "seeds" else "paired over test images, one seed"

    def to_dict(self) -> dict:
        return {"mean_delta": self.mean_delta, "ci95": list(self.ci95), "method": self.method,
                "verdict": self.verdict, "basis": self.basis}


def t_quantile_975(degrees_of_freedom: int) -> float:
    if degrees_of_freedom < 1:
        raise ValueError("need at least one degree of freedom")
    return _T975[degrees_of_freedom - 1] if degrees_of_freedom <= len(_T975) else _Z975


def feature_effect(
    feature_accuracy: list[float],
    control_accuracy: list[float],
    feature_correct: np.ndarray | None = None,
    control_correct: np.ndarray | None = None,
) -> Effect:
    """The effect and its 95 % interval.

    With two or more seeds: a t interval of the per-seed differences (training
    noise included). With one seed: a paired interval over test images from
    the per-image correctness of both models (test-set noise only).
    """
    deltas = np.asarray(feature_accuracy, dtype=float) - np.asarray(control_accuracy, dtype=float)
    if len(deltas) >= 2:
        half = t_quantile_975(len(deltas) - 1) * deltas.std(ddof=1) / math.sqrt(len(deltas))
        mean = float(deltas.mean())
        return Effect(mean, (float(mean - half), float(mean + half)), len(deltas), "seeds")
    if feature_correct is None or control_correct is None:
        raise ValueError("one seed: pass the per-image correctness of both models")
    paired = feature_correct.astype(float) - control_correct.astype(float)  # each -1, 0 or 1
    mean = float(paired.mean())
    half = _Z975 * paired.std(ddof=1) / math.sqrt(len(paired))
    return Effect(mean, (float(mean - half), float(mean + half)), 1, "images")


@dataclass(frozen=True)
class MeanInterval:
    """A mean over seeds with its 95 % t interval (None for a single seed: one run says nothing of the spread)."""

    mean: float
    ci95: tuple[float, float] | None
    n: int

    @property
    def spans_zero(self) -> bool:
        """Whether the interval holds zero (a difference that may well be chance); a single seed cannot tell."""
        return self.ci95 is None or self.ci95[0] <= 0 <= self.ci95[1]

    def to_dict(self) -> dict:
        return {"mean": self.mean, "ci95": None if self.ci95 is None else list(self.ci95), "seeds": self.n}

    def points(self, signed: bool = False) -> str:
        """In percentage points, e.g. "91.20 % [89.90, 92.50]" or, `signed`, "+3.10 points [+1.20, +5.00]"."""
        if signed:
            text = f"{100 * self.mean:+.2f} points"
            return text if self.ci95 is None else f"{text} [{100 * self.ci95[0]:+.2f}, {100 * self.ci95[1]:+.2f}]"
        text = f"{100 * self.mean:.2f} %"
        return text if self.ci95 is None else f"{text} [{100 * self.ci95[0]:.2f}, {100 * self.ci95[1]:.2f}]"


def mean_interval(values) -> MeanInterval:
    """The mean of per-seed values and its 95 % t interval over the seeds (training noise included)."""
    array = np.asarray(list(values), dtype=float)
    if len(array) == 0:
        raise ValueError("no values to average")
    mean = float(array.mean())
    if len(array) < 2:
        return MeanInterval(mean, None, 1)
    half = t_quantile_975(len(array) - 1) * array.std(ddof=1) / math.sqrt(len(array))
    return MeanInterval(mean, (float(mean - half), float(mean + half)), len(array))


def difference_sentence(name: str, interval: MeanInterval) -> str:
    """A difference over seeds in words, e.g. forgetting: "no clear effect" when its interval holds zero."""
    if interval.ci95 is None:
        return f"{name}: {interval.points(signed=True)} (one seed: run more seeds for an interval)"
    if interval.spans_zero:
        return f"{name}: no clear effect ({interval.points(signed=True)}, 95 % interval over {interval.n} seeds)"
    return f"{name}: {interval.points(signed=True)} (95 % interval over {interval.n} seeds)"


ARTICLE_LR = 1e-3
#: a test loss this many times that of guessing (ln of the number of classes) has exploded
EXPLODED = 10
#: why a finished run is of no use (`Uselessness.reason`)
USELESS_REASONS = ("exploded", "chance")


@dataclass(frozen=True)
class Uselessness:
    """Why a run that "finished" learned nothing useful, with the numbers that show it; each front end words it."""

    reason: str  # one of USELESS_REASONS: "exploded" (the test loss) or "chance" (accuracy no better than guessing)
    loss: float  # its mean test loss (may be inf)
    accuracy: float  # its test accuracy, a fraction
    guess_loss: float  # the loss of guessing uniformly: ln(classes)
    chance: float  # the accuracy of guessing: 1 / classes
    lr: float  # the learning rate it was trained with
    lr_too_high: bool  # more than ten times the article's: the likely cause, so the advice is to lower it
    article_lr: float = ARTICLE_LR  # what to try instead


def learned_nothing(predictions: Predictions, lr: float) -> Uselessness | None:
    """Why a run that "finished" is no use, or None: its test loss exploded, or its accuracy is no better than
    guessing. With Adam, even a learning rate of 100 keeps every weight finite, so the loss never becomes NaN
    and nothing stops the run (the core's "diverged"): "test accuracy 12 %, saved" alone would say all is well."""
    classes = predictions.probabilities.shape[1]
    chance, loss, accuracy = 1 / classes, predictions.loss, predictions.accuracy
    exploded = not math.isfinite(loss) or loss > EXPLODED * math.log(classes)
    if not exploded and accuracy >= 1.5 * chance:
        return None
    return Uselessness("exploded" if exploded else "chance", loss, accuracy, math.log(classes), chance, lr,
                       lr > 10 * ARTICLE_LR)
