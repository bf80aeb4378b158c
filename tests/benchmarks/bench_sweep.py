"""A whole rank sweep against one LoRA epoch of the article's way, on the real MNIST, in one run (issue 13).

    .venv/bin/python tests/benchmarks/bench_sweep.py [--repeat 3]

Ours: 7 ranks (1 … 64) × 3 seeds of LoRA on fc1+fc2, one epoch each on the full training set, through
`run_sweep` as the Compare tab and `lora-studio sweep` run it (set-up, the shared frozen-convolution pass,
every run's scoring on target and source included), from a base trained for one epoch first (not timed).
Target (issue 13): at most 3× the article's single LoRA epoch (tests/benchmarks/article.py), measured in the
same run. Reported beside it: what one DoRA epoch costs against one plain LoRA epoch (fc1+fc2, rank 8).
With --repeat N each figure is the median of N runs and each ratio the median of the N paired ratios.
"""

import json
import os
import platform
import sys
import time
from pathlib import Path

import paired
from bench_training import median_of, write_json

RANKS, SEEDS, TARGET = (1, 2, 4, 8, 16, 32, 64), (0, 1, 2), 3.0


def child(root: Path, out: Path) -> None:
    """Ours, in this process: a one-epoch base, the sweep, then one LoRA and one DoRA epoch."""
    from lora_studio.core.config import TrainConfig
    from lora_studio.core.data import datasets
    from lora_studio.core.storage.library import ModelLibrary
    from lora_studio.core.workflows import runs
    from lora_studio.core.workflows.sweep import run_sweep
    from lora_studio.core.workflows.sweep_plan import Setting, SweepPlan

    dataset = datasets.load_dataset(root, "mnist")
    base = runs.train_base_run(dataset, TrainConfig(epochs=1))
    base.check()
    model, record = base.outcome.model, base.outcome.record
    plan = SweepPlan("", ranks=RANKS, seeds=SEEDS, train=TrainConfig(epochs=1, lr_schedule="constant"))
    started = time.perf_counter()
    study = run_sweep(plan, model, record, dataset, ModelLibrary(out.parent / "models"))
    sweep_seconds = time.perf_counter() - started
    assert study.status == "finished", study.message
    epochs = {}
    for variant in ("lora", "dora"):
        one = SweepPlan("", ranks=(8,), variants=(variant,), train=plan.train)
        [run] = runs.finetune_runs(model, record, dataset, one.finetune_plan(Setting("lora", variant, 8), 0)).runs
        run.check()
        epochs[variant] = run.outcome.record.metrics["epoch_seconds"][0]
    results = {"sweep_seconds": sweep_seconds, "runs": len(study.runs), "lora_epoch": epochs["lora"],
               "dora_epoch": epochs["dora"],
               "accuracy_by_rank": {str(r["rank"]): r["target_accuracy"] for r in study.runs if r["seed"] == 0}}
    print(f"sweep of {len(study.runs)} runs: {sweep_seconds:.2f} s; LoRA epoch {epochs['lora']:.2f} s, "
          f"DoRA epoch {epochs['dora']:.2f} s", flush=True)
    out.write_text(json.dumps(results))


def one_run(root: Path, work: Path, index: int) -> dict:
    article, ours = paired.article_and_ours(Path(__file__).resolve(), root, work, index)
    article_epoch = article["lora"]["epoch_seconds"][0]
    return {"article_lora_epoch": article_epoch, "ours": ours,
            "ratios": {"sweep": ours["sweep_seconds"] / article_epoch,
                       "dora_over_lora": ours["dora_epoch"] / ours["lora_epoch"]}}


def main(argv=None) -> int:
    started = paired.start(argv, "Time a 7-rank × 3-seed LoRA sweep against one LoRA epoch of the article's way, "
                           "in one run; and a DoRA epoch against a LoRA one.", "sweep.json", "sweep", child, one_run)
    if started is None:
        return 0
    args, runs = started
    m = median_of(runs)
    ratio, ours = m["ratios"]["sweep"], m["ours"]
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print()
    print(f"TARGET: {verdict} sweep time: {len(RANKS)} ranks × {len(SEEDS)} seeds of fc1+fc2 LoRA, one epoch each, "
          f"in {ratio:.2f}× the article's single LoRA epoch ({ours['sweep_seconds']:.1f} s vs "
          f"{m['article_lora_epoch']:.1f} s) (target ≤ {TARGET:g}×)")
    print(f"TARGET: N/A DoRA epoch: {m['ratios']['dora_over_lora']:.2f}× a LoRA epoch (fc1+fc2, r = 8: "
          f"{ours['dora_epoch']:.2f} s vs {ours['lora_epoch']:.2f} s; DoRA trains through autograd) (a report)")
    write_json(args.out, {"settings": {"repeat": args.repeat, "data_dir": str(args.data_dir)},
                          "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                      "load_average": list(os.getloadavg())},
                          "median": m, "runs": runs})
    print(f"\nAll figures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
