"""Which settings of a sweep are worth their parameters: the Pareto front of accuracy against size.

A setting is on the front when no other setting reaches at least its accuracy with at most its
trainable parameters, and is strictly better in one of the two. With several seeds a setting is
judged by its mean accuracy over them (`setting_means`), and shown with its 95 % interval.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from lora_studio.core.evaluation.scores import MeanInterval, mean_interval


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """Indices of the (cost, value) points that no other point dominates (lower cost and higher value are
    better), in the order of `points`. Equal points are all on the front: none dominates the other."""
    front = []
    for i, (cost, value) in enumerate(points):
        dominated = any(
            other_cost <= cost and other_value >= value and (other_cost < cost or other_value > value)
            for j, (other_cost, other_value) in enumerate(points) if j != i
        )
        if not dominated:
            front.append(i)
    return front


@dataclass(frozen=True)
class SettingMean:
    """One setting of a sweep over its seeds."""

    key: Hashable  # what makes two runs the same setting (method, variant, layers, rank, ratio)
    runs: tuple[int, ...]  # indices of its runs
    trainable_params: int
    accuracy: MeanInterval  # target accuracy over the seeds
    source_accuracy: MeanInterval


def setting_means(records: Sequence[dict], key_of) -> list[SettingMean]:
    """Group run records (PRODUCT.md's RUN) by `key_of(record)`, in first-seen order, with their means."""
    groups: dict[Hashable, list[int]] = {}
    for index, record in enumerate(records):
        groups.setdefault(key_of(record), []).append(index)
    return [
        SettingMean(key, tuple(indices), int(records[indices[0]]["trainable_params"]),
                    mean_interval(records[i]["target_accuracy"] for i in indices),
                    mean_interval(records[i]["source_accuracy"] for i in indices))
        for key, indices in groups.items()
    ]


def pareto_runs(records: Sequence[dict], key_of) -> list[int]:
    """Indices of the runs whose setting is on the front of mean target accuracy against trainable
    parameters (every seed of such a setting is listed)."""
    means = setting_means(records, key_of)
    front = pareto_front([(m.trainable_params, m.accuracy.mean) for m in means])
    return sorted(i for f in front for i in means[f].runs)
