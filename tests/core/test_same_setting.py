"""One "same setting" key (core/evaluation/same_setting.py) for a saved model's summary and a sweep's run record: equal
exactly when two runs differ only in their seed and their extra inputs."""

import dataclasses

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.evaluation.same_setting import setting_key
from lora_studio.core.storage.record import ModelRecord


def lora_record(**changes) -> ModelRecord:
    record = ModelRecord(kind="feature_lora", name="f", dataset="mnist", model=ModelConfig(feature_dim=1),
                         train=TrainConfig(epochs=2, seed=0), lora=LoraConfig(rank=8, layers=("fc1", "fc2")),
                         features=FeatureScaler(("brightness",), (0.13,), (0.04,)), parent="base-1",
                         metrics={"train_images": 60000})
    return dataclasses.replace(record, **changes)


def test_seed_and_extra_inputs_do_not_make_another_setting_everything_else_does():
    feature = lora_record()
    control = lora_record(kind="control_lora", model=ModelConfig(), features=None, train=TrainConfig(epochs=2, seed=3))
    assert setting_key(feature.summary()) == setting_key(control.summary())  # the control of the feature run
    others = [lora_record(lora=LoraConfig(rank=4, layers=("fc1", "fc2"))),
              lora_record(lora=LoraConfig(rank=8, layers=("fc1", "fc2"), variant="rslora")),
              lora_record(lora=LoraConfig(rank=8, layers=("fc2",))),
              lora_record(lora=LoraConfig(rank=8, layers=("fc1", "fc2"), dropout=0.1)),
              lora_record(train=TrainConfig(epochs=3)), lora_record(train=TrainConfig(epochs=2, lr=3e-3)),
              lora_record(parent="base-2"), lora_record(task="inverted"), lora_record(dataset="kmnist"),
              lora_record(metrics={"train_images": 1000})]
    keys = {setting_key(feature.summary())} | {setting_key(r.summary()) for r in others}
    assert len(keys) == len(others) + 1


def test_a_sweeps_run_records_key_as_their_settings():
    def run(**changes):
        record = {"model_id": None, "base_id": "base-1", "task": "inverted", "method": "lora", "variant": "lora",
                  "layers": ["fc1", "fc2"], "rank": 4, "alpha": 16.0, "lora_plus_ratio": 1.0, "seed": 0, "epochs": 1}
        record.update(changes)
        return record

    assert setting_key(run()) == setting_key(run(seed=1, model_id="x"))
    assert len({setting_key(run()), setting_key(run(rank=8)), setting_key(run(variant="dora")),
                setting_key(run(lora_plus_ratio=4.0)), setting_key(run(alpha=8.0)),
                setting_key(run(layers=["fc2"]))}) == 6
    head = {"method": "head", "variant": "none", "layers": ["fc2"], "rank": None, "alpha": None,
            "lora_plus_ratio": 1.0}
    # the head has no LoRA settings: the RUN record's placeholders for them do not split or join settings
    assert setting_key(run(**head)) == setting_key(run(**{**head, "layers": ["fc1", "fc2", "conv1", "conv2"]}))
    assert setting_key(run(**head)) != setting_key(run(**{**head, "method": "full"}))


def test_a_base_model_and_a_head_run_from_a_summary():
    base = ModelRecord(kind="base", name="b", dataset="mnist", model=ModelConfig(), train=TrainConfig())
    head = ModelRecord(kind="head", name="h", dataset="mnist", model=ModelConfig(), train=TrainConfig(seed=2),
                       parent="base-1", method="head")
    assert base.summary()["rank"] is None and base.summary()["method"] is None and head.summary()["layers"] == ()
    assert setting_key(head.summary()) == setting_key(dataclasses.replace(head, train=TrainConfig(seed=5)).summary())
    assert setting_key(base.summary()) != setting_key(head.summary())


def test_the_summary_is_the_records_facts_flat():
    record = lora_record(metrics={"test_accuracy": 0.98, "trainable_params": 7448, "train_images": 60000})
    facts = record.summary()
    assert (facts["kind"], facts["method"], facts["parent"], facts["task"]) == ("feature_lora", "lora", "base-1",
                                                                                 "same")
    assert (facts["layers"], facts["rank"], facts["alpha"], facts["variant"]) == (("fc1", "fc2"), 8, 16.0, "lora")
    assert (facts["features"], facts["seed"], facts["epochs"], facts["train_images"]) == (("brightness",), 0, 2,
                                                                                          60000)
    assert (facts["test_accuracy"], facts["trainable_params"], facts["forgetting"]) == (0.98, 7448, None)
