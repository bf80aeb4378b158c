"""The Evaluation hint pairs a feature+LoRA model with its control as the core does (comparison.roles: the same
setting, same_setting.setting_key, and seed), so it never calls a run a control the table will not."""

from types import SimpleNamespace

from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.gui.evaluation import hint

RUN = {"dataset": "mnist", "task": "inverted", "method": "lora", "parent": "base-1", "layers": ["conv1"],
       "rank": 8, "alpha": 16.0, "variant": "lora", "epochs": 1, "batch_size": 64, "lr": 0.001}
ASKS_FOR_CONTROL = "tick the feature+LoRA model's control too"


def model(kind: str, seed: int = 0, **changed) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, seed=seed, setting=setting_key({**RUN, **changed}))


def test_a_control_is_the_same_setting_and_seed(qapp):
    feature = model("feature_lora")
    assert ASKS_FOR_CONTROL not in hint.before_evaluating([feature, model("lora")])
    assert ASKS_FOR_CONTROL in hint.before_evaluating([feature, model("lora", seed=1)])
    # the same layers, rank, epochs and seed, but another learning rate: not its control for the core either
    assert ASKS_FOR_CONTROL in hint.before_evaluating([feature, model("lora", lr=0.01)])
