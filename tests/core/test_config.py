"""Settings: a config survives its JSON round trip, and bad values are refused."""

import json

import pytest

from lora_studio.core.config import ConfigError, LoraConfig, TrainConfig, from_dict, to_dict


def test_config_round_trip_and_validation():
    config = LoraConfig(rank=4, layers=("conv1", "fc2"))
    assert from_dict(LoraConfig, json.loads(json.dumps(to_dict(config)))) == config
    for bad in ({"rank": 0}, {"rank": "8"}, {"rank": True}, {"layers": ["fc9"]}, {"colour": 1}, {"alpha": None}):
        with pytest.raises(ConfigError):
            from_dict(LoraConfig, bad)
    with pytest.raises(ConfigError, match="learning rate"):
        TrainConfig(lr=0)
