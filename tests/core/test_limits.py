"""Every numeric setting of the config dataclasses has a range in config.RANGES, checked at both ends and for type.

The fields are found by looking at the dataclasses, so a new numeric setting
without a range fails here. For each: the lowest and highest values are
accepted; just outside either end, NaN, infinities, text, booleans and (for
whole numbers) fractions are refused with a ConfigError, built directly and
through `from_dict` (what config.json goes through).
"""

import dataclasses
import math
import types
import typing
from pathlib import Path

import pytest

from lora_studio.core import config as cfg
from lora_studio.core.workflows import plans

CLASSES = (cfg.DataConfig, cfg.ModelConfig, cfg.LoraConfig, cfg.TrainConfig)


def numeric_fields():
    for cls in CLASSES:
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            hint = hints[field.name]
            if typing.get_origin(hint) in (types.UnionType, typing.Union):
                hint = next(a for a in typing.get_args(hint) if a is not type(None))
            if hint in (int, float):
                yield pytest.param(cls, field.name, hint, id=f"{cls.__name__}.{field.name}")


def range_of(name: str) -> tuple[float, float]:
    key = cfg.RANGE_KEYS.get(name, name)
    assert key in cfg.RANGES, f"{name} has no range in config.RANGES"
    return cfg.RANGES[key]


def just_outside(low, high, kind):
    if kind is int:
        return [low - 1, high + 1]
    return [low - max(abs(low) * 1e-3, 1e-12) if low else -1e-12, high * (1 + 1e-3)]


@pytest.mark.parametrize("cls, name, kind", list(numeric_fields()))
def test_each_numeric_setting_has_a_range_enforced_at_both_ends(cls, name, kind):
    low, high = range_of(name)
    assert low < high and isinstance(low, (int, float)) and isinstance(high, (int, float))
    for value in (low, high):
        if kind is int:
            assert float(value).is_integer()
            value = int(value)
        assert getattr(cls(**{name: value}), name) == value
        assert getattr(cfg.from_dict(cls, {name: value}), name) == value
    for value in just_outside(low, high, kind):
        with pytest.raises(cfg.ConfigError, match="must be between"):
            cls(**{name: value})
        with pytest.raises(cfg.ConfigError):
            cfg.from_dict(cls, {name: value})


@pytest.mark.parametrize("cls, name, kind", list(numeric_fields()))
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, "8", True, [8], {"v": 8}, 2.5],
                         ids=["nan", "inf", "-inf", "text", "bool", "list", "object", "fraction"])
def test_each_numeric_setting_refuses_values_of_the_wrong_kind(cls, name, kind, value):
    low, high = range_of(name)
    if value == 2.5 and (kind is float or not low <= 2.5 <= high):
        pytest.skip("a fraction is a fine value here, or out of range anyway")
    with pytest.raises(cfg.ConfigError):
        cls(**{name: value})
    with pytest.raises(cfg.ConfigError):
        cfg.from_dict(cls, {name: value})


def test_the_experiment_checks_its_seeds_and_features():
    low, high = cfg.RANGES["seeds"]
    plans.ExperimentConfig(seeds=tuple(range(int(high))))
    for bad in ((), tuple(range(int(high) + 1)), (-1,), (2**31,), (1.5,), (True,), ("1",), (1, 1)):
        with pytest.raises(cfg.ConfigError):
            plans.ExperimentConfig(seeds=bad)
    low, high = cfg.RANGES["feature_dim"]
    with pytest.raises(cfg.ConfigError):
        plans.ExperimentConfig(features=tuple(f"f{i}" for i in range(int(high) + 1)))


#: RANGES entries checked by a function rather than a config field: where each is checked
CHECKED_ELSEWHERE = {"adapter_weight": ("model/combine.py", "evaluation/stack.py"), "density": ("model/combine.py",)}


def test_the_ranges_table_has_no_entry_nothing_uses():
    used = {cfg.RANGE_KEYS.get(p.values[1], p.values[1]) for p in numeric_fields()} | {"seeds", "limit"}
    assert set(cfg.RANGES) == used | set(CHECKED_ELSEWHERE)
    core = Path(cfg.__file__).parent
    for key, modules in CHECKED_ELSEWHERE.items():
        for module in modules:
            source = (core / module).read_text(encoding="utf-8")
            assert "check_range(" in source and (f'"{key}"' in source or "WEIGHT_RANGE" in source), (key, module)
