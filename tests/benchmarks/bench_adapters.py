"""Adapters as modules, reproduced with the app's core over seeds on the real MNIST (issue 20, FIELD-NOTES.md).

    .venv/bin/python tests/benchmarks/bench_adapters.py [--seeds 0,1,2]

Per seed: a base trained 2 epochs (the app's defaults otherwise), then four LoRA adapters of it, one epoch each
(r = 8, α = 16, A drawn as PEFT does, B zero, constant Adam 1e-3, batch 64; `runs.finetune_runs`, as
`lora-studio finetune` trains them): conv1 on inverted digits, fc2 on swapped labels, fc1+fc2 on inverted digits,
fc1+fc2 on digits turned by 90°. Then, with no training, the adapter stack (evaluation/stack.py) scores:

- conv1 (inverted) and fc2 (swapped labels) applied together at weights 1, 1, each alone, and the base, on the
  composite task inverted+swap-labels, on inverted, on swap-labels and on the source task. FIELD-NOTES (seed 1):
  together 89.6 % on the composite task, the base 16.8 %;
- the two fc1+fc2 adapters summed (weights 1, 1) and averaged (0.5, 0.5), and each alone, on inverted and on
  rotate90. FIELD-NOTES (seed 1): summed 22.0 % / 82.7 %, averaged 39.3 % / 56.3 %.

Each figure is printed as its mean over the seeds with a 95 % t interval (evaluation/scores.mean_interval), and
every per-seed figure goes to bench-results/adapters.json. Not a timing benchmark: its lines are reports
("TARGET: N/A"). It trains for a few minutes on two cores.
"""

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from bench_training import DEFAULT_DATA, REPO, raw_paths, write_json

LORA = {"rank": 8, "alpha": 16.0, "init": "kaiming"}
#: name: (layers, task) of the adapters trained per seed
ADAPTERS = {
    "conv1 on inverted": (("conv1",), "inverted"),
    "fc2 on swap-labels": (("fc2",), "swap-labels"),
    "fc1+fc2 on inverted": (("fc1", "fc2"), "inverted"),
    "fc1+fc2 on rotate90": (("fc1", "fc2"), "rotate90"),
}
COMPOSE_TASKS = ("inverted+swap-labels", "inverted", "swap-labels", "same")
INTERFERE_TASKS = ("inverted", "rotate90", "same")
#: the stacks scored, as (adapters, their weights per row)
COMPOSE = (("conv1 on inverted", "fc2 on swap-labels"),
           {"the base": (0.0, 0.0), "conv1 on inverted": (1.0, 0.0), "fc2 on swap-labels": (0.0, 1.0),
            "both (1, 1)": (1.0, 1.0)})
INTERFERE = (("fc1+fc2 on inverted", "fc1+fc2 on rotate90"),
             {"the base": (0.0, 0.0), "fc1+fc2 on inverted": (1.0, 0.0), "fc1+fc2 on rotate90": (0.0, 1.0),
              "summed (1, 1)": (1.0, 1.0), "averaged (0.5, 0.5)": (0.5, 0.5)})
#: FIELD-NOTES.md's seed-1 figures (%), for the report lines
FIELD_NOTES = {("compose", "both (1, 1)", "inverted+swap-labels"): 89.6,
               ("compose", "the base", "inverted+swap-labels"): 16.8,
               ("interfere", "summed (1, 1)", "inverted"): 22.0, ("interfere", "summed (1, 1)", "rotate90"): 82.7,
               ("interfere", "averaged (0.5, 0.5)", "inverted"): 39.3,
               ("interfere", "averaged (0.5, 0.5)", "rotate90"): 56.3}


def one_seed(dataset, seed: int) -> dict:
    """Train the base and the adapters with `seed`; score the two stacks. {"compose"|"interfere": {row: {task:
    accuracy}}, "adapters": {name: their own target accuracy as training scored it}, "base_accuracy"}."""
    from lora_studio.core.config import LoraConfig, TrainConfig
    from lora_studio.core.evaluation.stack import AdapterStack
    from lora_studio.core.training.prefix_cache import PrefixCache
    from lora_studio.core.workflows import runs
    from lora_studio.core.workflows.adapter_stack import task_splits
    from lora_studio.core.workflows.plans import FinetunePlan

    started = time.perf_counter()
    with PrefixCache() as cache:  # the fc runs share the frozen convolutions' output, as a sweep does
        base = runs.train_base_run(dataset, TrainConfig(epochs=2, seed=seed), cache=cache)
        base.check()
        model, record = base.outcome.model, base.outcome.record
        adapters, own = {}, {}
        for name, (layers, task) in ADAPTERS.items():
            plan = FinetunePlan("", LoraConfig(layers=layers, **LORA), (), False, (seed,),
                                TrainConfig(epochs=1, lr_schedule="constant"), task=task)
            [run] = runs.finetune_runs(model, record, dataset, plan, cache=cache).runs
            run.check()
            adapters[name], own[name] = run.outcome.model, run.outcome.record.metrics["target_accuracy"]
            print(f"  seed {seed}: {name}: {100 * own[name]:.1f} % on {task}", flush=True)
    splits = task_splits(dataset, sorted({*COMPOSE_TASKS, *INTERFERE_TASKS}))
    scores = {}
    for key, (names, rows), tasks in (("compose", COMPOSE, COMPOSE_TASKS), ("interfere", INTERFERE, INTERFERE_TASKS)):
        stack = AdapterStack(model, [adapters[n] for n in names], list(names))
        scores[key] = {row: {task: stack.accuracy(splits[task], weights) for task in tasks}
                       for row, weights in rows.items()}
    print(f"  seed {seed} done in {time.perf_counter() - started:.0f} s", flush=True)
    return {**scores, "adapters": own, "base_accuracy": record.metrics["test_accuracy"]}


def summary(per_seed: list[dict]) -> dict:
    """Every figure's mean and 95 % interval over the seeds (fractions)."""
    from lora_studio.core.evaluation.scores import mean_interval

    out: dict = {}
    for key, (_, rows) in (("compose", COMPOSE), ("interfere", INTERFERE)):
        out[key] = {row: {task: mean_interval(s[key][row][task] for s in per_seed).to_dict()
                          for task in per_seed[0][key][row]} for row in rows}
    out["adapters"] = {name: mean_interval(s["adapters"][name] for s in per_seed).to_dict() for name in ADAPTERS}
    out["base_accuracy"] = mean_interval(s["base_accuracy"] for s in per_seed).to_dict()
    return out


def print_table(title: str, key: str, rows: dict, tasks: tuple[str, ...], per_seed: list[dict]) -> None:
    from lora_studio.core.evaluation.scores import mean_interval

    print(f"\n{title} (accuracy in %, mean [95 % interval] over {len(per_seed)} seeds)")
    width = max(len(row) for row in rows) + 2
    print(" " * width + "".join(f"{task:>26}" for task in tasks))
    for row in rows:
        cells = [mean_interval(s[key][row][task] for s in per_seed).points().replace(" %", "")
                 for task in tasks]
        print(f"{row:<{width}}" + "".join(f"{cell:>26}" for cell in cells))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Reproduce FIELD-NOTES' adapter composition over seeds.")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                        help=f"root holding MNIST/raw/ with the four IDX files, .gz or not [{DEFAULT_DATA}]")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds [0,1,2]")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "adapters.json",
                        help="where to write every figure as JSON [bench-results/adapters.json]")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    root = args.data_dir.expanduser().resolve()
    if raw_paths(root) is None:
        reason = f"the real MNIST is not in {args.data_dir / 'MNIST' / 'raw'}"
        print(f"SKIP: adapters benchmark: {reason}")
        write_json(args.out, {"skipped": reason})
        return 0

    from lora_studio.core.data import datasets
    from lora_studio.core.evaluation.scores import mean_interval

    dataset = datasets.load_dataset(root, "mnist")
    started = time.perf_counter()
    per_seed = []
    for seed in seeds:
        print(f"seed {seed}", flush=True)
        per_seed.append(one_seed(dataset, seed))
    print_table("Adapters on different layers, for different changes, applied together", "compose", COMPOSE[1],
                COMPOSE_TASKS, per_seed)
    print_table("Two fc1+fc2 adapters on the same layers", "interfere", INTERFERE[1], INTERFERE_TASKS, per_seed)
    print("\nEach adapter on its own task, as training scored it: " + "; ".join(
        f"{name} {mean_interval(s['adapters'][name] for s in per_seed).points()}" for name in ADAPTERS))
    print()
    for (key, row, task), noted in FIELD_NOTES.items():
        interval = mean_interval(s[key][row][task] for s in per_seed)
        print(f"TARGET: N/A {row} on {task}: {interval.points()} over seeds {args.seeds} (FIELD-NOTES, seed 1: "
              f"{noted:.1f} %) (a report)")
    write_json(args.out, {"settings": {"seeds": seeds, "data_dir": str(args.data_dir), "base_epochs": 2,
                                       "adapter_epochs": 1, "lora": LORA, "lr_schedule": "constant",
                                       "adapters": {n: {"layers": list(lt[0]), "task": lt[1]}
                                                    for n, lt in ADAPTERS.items()}},
                          "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                      "load_average": list(os.getloadavg())},
                          "seconds": time.perf_counter() - started,
                          "summary": summary(per_seed), "per_seed": per_seed})
    print(f"\nAll figures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
