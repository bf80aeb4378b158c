"""A whole rank sweep against one LoRA epoch of the article's way, on the real MNIST, in one run (issue 13).

    .venv/bin/python tests/benchmarks/bench_sweep.py [--repeat 3]

Ours: 7 ranks (1 … 64) × 3 seeds of LoRA on fc1+fc2, one epoch each on the full training set, through
`run_sweep` as the Compare tab and `lora-studio sweep` run it (set-up, the shared frozen-convolution pass,
every run's scoring on target and source included), from a base trained for one epoch first (not timed).
Target (issue 13): at most 3× the article's single LoRA epoch (tests/benchmarks/article.py), measured in the
same run. Reported beside it: what one DoRA epoch costs against one plain LoRA epoch (fc1+fc2, rank 8).
With --repeat N each figure is the median of N runs and each ratio the median of the N paired ratios.
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from bench_training import (
    DEFAULT_DATA,
    HERE,
    REPO,
    ChildFailed,
    child_env,
    decompress,
    median_of,
    raw_paths,
    run_child,
    write_json,
)

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
    env = child_env(work / "home")
    article_out, ours_out = work / "article.json", work / "ours.json"
    article_cmd = [sys.executable, str(HERE / "article.py"), "--root", str(root), "--out", str(article_out),
                   "--base-epochs", "1", "--lora-epochs", "1"]
    ours_cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(ours_out)]
    sides = [("article", article_cmd), ("ours", ours_cmd)]
    for side, cmd in sides if index % 2 == 0 else sides[::-1]:  # alternate, against drift
        print(f"\n== run {index + 1}: {side} ==", flush=True)
        run_child(cmd, env, f"[{side}]")
    article, ours = json.loads(article_out.read_text()), json.loads(ours_out.read_text())
    article_epoch = article["lora"]["epoch_seconds"][0]
    return {"article_lora_epoch": article_epoch, "ours": ours,
            "ratios": {"sweep": ours["sweep_seconds"] / article_epoch,
                       "dora_over_lora": ours["dora_epoch"] / ours["lora_epoch"]}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Time a 7-rank × 3-seed LoRA sweep against one LoRA epoch of the "
                                                 "article's way, in one run; and a DoRA epoch against a LoRA one.")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                        help=f"root holding MNIST/raw/ with the four IDX files, .gz or not [{DEFAULT_DATA}]")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; figures are medians [3]")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "sweep.json",
                        help="where to write every figure as JSON [bench-results/sweep.json]")
    parser.add_argument("--child", nargs=2, metavar=("ROOT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    files = raw_paths(args.data_dir.expanduser().resolve())
    if files is None:
        print(f"SKIP: sweep benchmark: the real MNIST is not in {args.data_dir / 'MNIST' / 'raw'}")
        return 0
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-sweep-") as tmp:
        work = Path(tmp)
        decompress(files, work / "data")  # both sides read the same decompressed files
        try:
            for index in range(args.repeat):
                runs.append(one_run(work / "data", work, index))
        except ChildFailed as exc:
            print(f"\nERROR: {exc}", file=sys.stderr)
            return 1
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
