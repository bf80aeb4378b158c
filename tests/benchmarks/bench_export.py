"""Exported scripts against the app on the real MNIST (issue 21): the same runs, the same accuracy?

    .venv/bin/python tests/benchmarks/bench_export.py [--seeds 0,1,2] [--base-epochs 2]

One base model (trained here, saved in a temporary library), then for each case and seed: the app's
fine-tuning (`runs.finetune_runs`, as `lora-studio finetune` does), its script from `export_code`, and that
script run in its own `python -I` on the same data folder (its .gz files unpacked by the script itself).
The cases are the issue's: LoRA on conv1 for `inverted`, LoRA on fc1+fc2 for `rotate90`; one epoch each,
r = 8, α = 16, batch 64, Adam 1e-3 with the app's schedule, no extra features.

The target (the issue's Done-when): for each case, the 95 % interval over the seeds of the script's target
accuracy overlaps the app's. Each script's wall time (PyTorch's and PEFT's import included) is reported.
Then the first case's first seed is exported as a notebook too, executed top to bottom by nbclient in a kernel
of this Python (`-I`) on the same data, and its printed accuracies are set beside the script's.
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_training import DEFAULT_DATA, REPO, raw_paths, write_json

CASES = {  # key: (title, task, LoRA layers)
    "conv1_inverted": ("LoRA conv1 on inverted", "inverted", ("conv1",)),
    "fc1_fc2_rotate90": ("LoRA fc1+fc2 on rotate90", "rotate90", ("fc1", "fc2")),
}
LAST_LINE = re.compile(r"target_accuracy=(\d\.\d{4}) source_accuracy=(\d\.\d{4})")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Exported scripts against the app's runs on the real MNIST.")
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                   help=f"root holding MNIST/raw/ with the four IDX files, .gz or not [{DEFAULT_DATA}]")
    p.add_argument("--seeds", default="0,1,2", help="seeds, comma-separated [0,1,2]")
    p.add_argument("--base-epochs", type=int, default=2, help="epochs of the base model [2]")
    p.add_argument("--out", type=Path, default=REPO / "bench-results" / "export.json",
                   help="where to write every figure as JSON [bench-results/export.json]")
    return p.parse_args(argv)


def run_script(script: Path, data_dir: Path, cwd: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-I", str(script), "--data-dir", str(data_dir)], cwd=cwd,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    match = LAST_LINE.fullmatch(last)
    if done.returncode != 0 or not match:
        raise SystemExit(f"the exported script {script} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return {"target_accuracy": float(match[1]), "source_accuracy": float(match[2]), "wall_seconds": seconds}


def run_notebook(notebook_path: Path, cwd: Path) -> dict:
    """The exported notebook executed top to bottom by nbclient, in a kernel of this Python started with -I."""
    import nbformat
    from nbclient import NotebookClient

    kernels = cwd / "jupyter" / "kernels" / "isolated"
    kernels.mkdir(parents=True, exist_ok=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-I", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "isolated", "language": "python"}))
    os.environ["JUPYTER_PATH"] = str(cwd / "jupyter")
    notebook = nbformat.read(notebook_path, as_version=4)
    started = time.perf_counter()
    NotebookClient(notebook, kernel_name="isolated", timeout=3600,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    seconds = time.perf_counter() - started
    printed = "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                      for output in cell.outputs)
    last = printed.strip().splitlines()[-1] if printed.strip() else ""
    match = LAST_LINE.fullmatch(last)
    if not match:
        raise SystemExit(f"the exported notebook {notebook_path} ran but did not end with its accuracies: {last!r}")
    return {"target_accuracy": float(match[1]), "source_accuracy": float(match[2]), "wall_seconds": seconds,
            "cells": sum(cell.cell_type == "code" for cell in notebook.cells)}


def main(argv=None) -> int:
    args = parse_args(argv)
    data_dir = args.data_dir.expanduser().resolve()
    seeds = tuple(int(s) for s in args.seeds.split(","))
    if raw_paths(data_dir) is None:
        print(f"SKIP: export benchmark: the real MNIST is not in {data_dir / 'MNIST' / 'raw'}")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        os.environ["LORA_STUDIO_HOME"] = str(work / "home")  # before lora_studio reads it
        results = measure(data_dir, work, seeds, args.base_epochs)
    report(results, seeds)
    write_json(args.out, {"settings": {"seeds": seeds, "base_epochs": args.base_epochs, "data_dir": str(data_dir)},
                          "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                      "load_average": list(os.getloadavg())},
                          "results": results})
    print(f"\nAll figures: {args.out}")
    return 0


def measure(data_dir: Path, work: Path, seeds: tuple[int, ...], base_epochs: int) -> dict:
    from lora_studio.core.config import LoraConfig, TrainConfig
    from lora_studio.core.data import datasets
    from lora_studio.core.export_code import export_code
    from lora_studio.core.storage.library import ModelLibrary
    from lora_studio.core.workflows import runs
    from lora_studio.core.workflows.plans import FinetunePlan

    source = datasets.load_dataset(data_dir, "mnist")
    library = ModelLibrary(work / "models")
    started = time.perf_counter()
    base_run = runs.train_base_run(source, TrainConfig(epochs=base_epochs), library)
    base_run.check()
    print(f"base: {base_epochs} epochs, test accuracy {100 * base_run.outcome.answers().accuracy:.2f} % "
          f"({time.perf_counter() - started:.1f} s)", flush=True)
    base, record = runs.load_base(library, base_run.model_id)
    results: dict = {"base_accuracy": base_run.outcome.answers().accuracy}
    for key, (title, task, layers) in CASES.items():
        results[key] = {"app": [], "script": []}
        for seed in seeds:
            plan = FinetunePlan(base_run.model_id, LoraConfig(layers=layers), (), False, (seed,),
                                TrainConfig(epochs=1, seed=seed), task=task, method="lora")
            started = time.perf_counter()
            [run] = runs.finetune_runs(base, record, source, plan, library).runs
            run.check()
            m = library.record(run.model_id).metrics
            app = {"target_accuracy": m["target_accuracy"], "source_accuracy": m["source_accuracy"],
                   "wall_seconds": time.perf_counter() - started}
            script = export_code(library, run.model_id, work / f"{key}-{seed}.py", data_dir=data_dir)
            ours = run_script(script, data_dir, work)
            results[key]["app"].append(app)
            results[key]["script"].append(ours)
            print(f"{title}, seed {seed}: target / source accuracy: app {100 * app['target_accuracy']:.2f} / "
                  f"{100 * app['source_accuracy']:.2f} % ({app['wall_seconds']:.1f} s), script "
                  f"{100 * ours['target_accuracy']:.2f} / {100 * ours['source_accuracy']:.2f} % "
                  f"({ours['wall_seconds']:.1f} s)", flush=True)
            if "notebook" not in results:
                notebook = export_code(library, run.model_id, work / f"{key}-{seed}.ipynb", "ipynb", data_dir=data_dir)
                results["notebook"] = {"case": key, "seed": seed, "script": ours, **run_notebook(notebook, work)}
    return results


def report(results: dict, seeds: tuple[int, ...]) -> None:
    from lora_studio.core.evaluation.scores import mean_interval

    print(f"\nbase model: test accuracy {100 * results['base_accuracy']:.2f} %; target accuracy over seeds "
          f"{', '.join(map(str, seeds))} (mean [95 % interval])")
    for key, (title, _, _) in CASES.items():
        app = mean_interval(r["target_accuracy"] for r in results[key]["app"])
        ours = mean_interval(r["target_accuracy"] for r in results[key]["script"])
        app_source = mean_interval(r["source_accuracy"] for r in results[key]["app"])
        ours_source = mean_interval(r["source_accuracy"] for r in results[key]["script"])
        results[key]["summary"] = {"app": app.to_dict(), "script": ours.to_dict(),
                                   "app_source": app_source.to_dict(), "script_source": ours_source.to_dict()}
        if app.ci95 is None or ours.ci95 is None:
            print(f"TARGET: N/A {title}: one seed gives no interval (app {app.points()}, script {ours.points()})")
            continue
        overlap = app.ci95[0] <= ours.ci95[1] and ours.ci95[0] <= app.ci95[1]
        seconds = sum(r["wall_seconds"] for r in results[key]["script"]) / len(seeds)
        print(f"TARGET: {'PASS' if overlap else 'FAIL'} {title}: script {ours.points()} against the app's "
              f"{app.points()} (source accuracy {ours_source.points()} against {app_source.points()}; a script "
              f"run {seconds:.1f} s with its imports): the intervals {'overlap' if overlap else 'do not overlap'}")
    notebook = results.get("notebook")
    if notebook is not None:
        script = notebook["script"]
        print(f"TARGET: PASS the notebook of {CASES[notebook['case']][0]}, seed {notebook['seed']}, executed top to "
              f"bottom ({notebook['cells']} code cells, {notebook['wall_seconds']:.1f} s): target / source "
              f"{100 * notebook['target_accuracy']:.2f} / {100 * notebook['source_accuracy']:.2f} %, the script "
              f"{100 * script['target_accuracy']:.2f} / {100 * script['source_accuracy']:.2f} %")
    print(json.dumps({key: results[key]["summary"] for key in CASES}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
