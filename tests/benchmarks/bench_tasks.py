"""Fine-tuning for a target task against the article's way, on the real MNIST, in one run (issue 12).

    .venv/bin/python tests/benchmarks/bench_tasks.py [--repeat 3]

Two epochs of ours, each as a ratio to the article's epoch measured in the same run:

- LoRA on conv1 alone, target task `inverted`: with the first layer adapted nothing is frozen before it, so
  every step runs the whole network (no frozen-convolution cache). Compared with the article's LoRA epoch
  (its LoRAWrapper on fc1/fc2, the frozen convolutions run forward every step).
- `full` fine-tuning (every weight trained) on `inverted`. Compared with the article's base epoch, which
  trains every weight too.

The article's side is tests/benchmarks/article.py with one base and one LoRA epoch; ours is this script run
with --child in its own process: it trains a base for one epoch (not timed: what the fine-tunings start from)
and fine-tunes it through `runs.finetune_runs`, as `lora-studio finetune --task inverted` does. An epoch is
the training loop's own count (metrics' epoch_seconds); a run's set-up and scoring are reported beside it.
These are report lines ("TARGET: N/A"), not targets: the issue sets none. With --repeat N each figure is
the median of N runs and each ratio the median of the N paired ratios.
"""

import json
import os
import platform
import sys
from pathlib import Path

import paired
from bench_training import median_of, write_json

CASES = {  # key: (method, adapted layers, the article's phase it is compared with)
    "lora_conv1": ("lora", ("conv1",), "lora"),
    "full": ("full", ("fc1", "fc2"), "base"),
}
TITLES = {"lora_conv1": "LoRA conv1 epoch on inverted", "full": "full fine-tuning epoch on inverted"}
ARTICLE_TITLES = {"lora": "the article's LoRA epoch (fc1+fc2)", "base": "the article's base epoch"}


def child(root: Path, out: Path) -> None:
    """Ours, in this process: a one-epoch base, then one epoch of each case on `inverted`."""
    from lora_studio.core.config import LoraConfig, TrainConfig
    from lora_studio.core.data import datasets
    from lora_studio.core.workflows import runs
    from lora_studio.core.workflows.plans import FinetunePlan

    dataset = datasets.load_dataset(root, "mnist")
    base = runs.train_base_run(dataset, TrainConfig(epochs=1))
    base.check()
    results = {}
    for key, (method, layers, _) in CASES.items():
        plan = FinetunePlan("", LoraConfig(layers=layers), (), False, (0,), TrainConfig(epochs=1), task="inverted",
                            method=method)
        [run] = runs.finetune_runs(base.outcome.model, base.outcome.record, dataset, plan).runs
        run.check()
        m = run.outcome.record.metrics
        results[key] = {"epoch_seconds": m["epoch_seconds"][0], "wall_seconds": m["wall_seconds"],
                        "trainable_params": m["trainable_params"], "target_accuracy": m["target_accuracy"],
                        "base_target_accuracy": m["base_target_accuracy"], "source_accuracy": m["source_accuracy"]}
        print(f"{key}: epoch {results[key]['epoch_seconds']:.2f} s, target {100 * m['target_accuracy']:.2f} % "
              f"(base {100 * m['base_target_accuracy']:.2f} %)", flush=True)
    out.write_text(json.dumps(results))


def one_run(root: Path, work: Path, index: int) -> dict:
    article, ours = paired.article_and_ours(Path(__file__).resolve(), root, work, index)
    run = {"article": {phase: article[phase]["epoch_seconds"][0] for phase in ("base", "lora")}, "ours": ours}
    run["ratios"] = {key: ours[key]["epoch_seconds"] / run["article"][against]
                     for key, (_, _, against) in CASES.items()}
    return run


def main(argv=None) -> int:
    started = paired.start(argv, "Time one LoRA conv1 and one full fine-tuning epoch on the inverted task against "
                           "the article's epochs, in one run.", "tasks.json", "task", child, one_run)
    if started is None:
        return 0
    args, runs = started
    m = median_of(runs)
    print()
    for key, (_, _, against) in CASES.items():
        ours = m["ours"][key]
        print(f"TARGET: N/A {TITLES[key]}: {m['ratios'][key]:.2f}× {ARTICLE_TITLES[against]} "
              f"({ours['epoch_seconds']:.2f} s vs {m['article'][against]:.2f} s; the whole run with set-up and "
              f"scoring {ours['wall_seconds']:.2f} s; {ours['trainable_params']:,} trained; target accuracy "
              f"{100 * ours['target_accuracy']:.1f} %, the base's {100 * ours['base_target_accuracy']:.1f} %) "
              "(a report, no target)")
    write_json(args.out, {"settings": {"repeat": args.repeat, "data_dir": str(args.data_dir)},
                          "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                      "load_average": list(os.getloadavg())},
                          "median": m, "runs": runs})
    print(f"\nAll figures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
