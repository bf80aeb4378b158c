"""The learning rate over the steps of a training: the schedules TrainConfig.lr_schedule names."""

import math

from lora_studio.core.config import TrainConfig

ANNEAL_FRACTION = 1 / 3  # the last third of the steps decays the learning rate to zero


def learning_rate(config: TrainConfig, step: int, total_steps: int) -> float:
    """The learning rate at `step` (0-based) of `total_steps`."""
    if config.lr_schedule == "constant":
        return config.lr
    if config.lr_schedule == "cosine":
        return config.lr * 0.5 * (1 + math.cos(math.pi * step / total_steps))
    decay_start = total_steps * (1 - ANNEAL_FRACTION)
    if step < decay_start:
        return config.lr
    return config.lr * (total_steps - step) / (total_steps - decay_start)
