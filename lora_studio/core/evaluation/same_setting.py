"""What makes two runs "the same setting": everything that defines a fine-tuning except its seed and extra inputs.

One key for every place that groups runs: the seeds of one setting in the Evaluation tab and `evaluate`
(comparison.group_by_setting), which LoRA run is the control of which feature+LoRA run (the same setting and
seed, without the extra inputs: comparison.seed_effect, comparison.roles), a sweep's settings and its Pareto front
(workflows/sweep.py), and the Learn tab's lessons finding a person's runs in the library.

It reads a flat mapping: a `ModelRecord.summary()` or a sweep's RUN record (PRODUCT.md). A RUN record names the
base `base_id` where a summary says `parent`, and lacks what every run of one sweep shares (data set, batch size,
learning rate, training images, LoRA's init): those count as None, which is the same for all of them. The LoRA
settings count only for the LoRA method (a RUN record gives the head variant "none" and its trained layers).
"""

from collections.abc import Mapping

#: the LoRA settings that make a setting: only a LoRA run has them
LORA_FIELDS = ("layers", "rank", "alpha", "variant", "lora_plus_ratio", "init", "new_columns", "dropout")
#: the rest, in the key's order after the method and the base
TRAINING_FIELDS = ("epochs", "batch_size", "lr", "train_images")


def setting_key(run: Mapping) -> tuple:
    """(data set, task, method, base, LoRA settings…, epochs, batch size, learning rate, training images,
    combination): equal for two runs exactly when they differ only in their seed and extra inputs."""
    method = run.get("method")
    base = run["parent"] if "parent" in run else run.get("base_id")
    lora = tuple(_hashable(run.get(name)) for name in LORA_FIELDS) if method == "lora" else ()
    return (run.get("dataset"), run.get("task", "same"), method, base, *lora,
            *(run.get(name) for name in TRAINING_FIELDS), run.get("combination"))


def _hashable(value):
    return tuple(value) if isinstance(value, list | tuple) else value
