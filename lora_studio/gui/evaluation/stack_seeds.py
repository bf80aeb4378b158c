"""The seed siblings of an adapter stack: the same stack made of each seed's runs, for a 95 % interval over seeds.

Two runs are of one setting when they differ only in their seed (core evaluation/same_setting.py: the library's
ModelInfo.setting), and the base is part of the setting: siblings are adapters of the same base. The stack on
screen holds one run of each adapter's setting; for each seed every one of those settings was run with, that seed's
runs make a stack of their own (the one on screen stands for its own seed). Fewer than two such seeds: no
interval. A stack holding two runs of one setting has no seed siblings (one seed's stack would hold a run twice).
"""

from collections.abc import Sequence


def seed_family(models: Sequence, ids: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """seed → the ids of that seed's run of each adapter of `ids` (in order), for every seed all of them have; {}
    when fewer than two. `models`: the library's ModelInfo (id, seed, setting, error)."""
    by_id = {info.id: info for info in models}
    runs_per_adapter = []
    for model_id in ids:
        info = by_id.get(model_id)
        if info is None or not info.setting or info.seed is None:
            return {}
        runs: dict[int, str] = {}
        for other in models:  # the library's order: of two runs of one setting and seed, the first
            if other.setting == info.setting and other.seed is not None and not other.error:
                runs.setdefault(other.seed, other.id)
        runs[info.seed] = model_id
        runs_per_adapter.append(runs)
    if not runs_per_adapter:
        return {}
    common = set.intersection(*(set(runs) for runs in runs_per_adapter))
    family = {seed: tuple(runs[seed] for runs in runs_per_adapter) for seed in sorted(common)}
    family = {seed: members for seed, members in family.items() if len(set(members)) == len(members)}
    return family if len(family) >= 2 else {}
