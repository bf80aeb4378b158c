"""Training benchmark: the article's way against ours on the real MNIST, in one run (issue 2, PRODUCT.md "Targets").

    .venv/bin/python tests/benchmarks/bench_training.py [--repeat 3] [--base-epochs 3] [--lora-epochs 2]

Each side runs in its own process, one after the other, so that its peak memory
(max RSS, from wait4) is its own and nothing is shared or warmed up between them:

- the article's way: tests/benchmarks/article.py (torchvision ToTensor + DataLoader, batch 64,
  Adam 1e-3, the article's CNN, LoRAWrapper r=8 α=16 on fc1/fc2 and weight transfer), on the
  IDX files decompressed into a temporary folder;
- ours: `lora-studio experiment --data-dir DIR --offline --no-save --json …` (through
  tests/benchmarks/ours_probe.py, which only adds timestamps at the start and end of each phase),
  on the same decompressed files: both sides read the same bytes (ours reads .gz files as well,
  ~0.2 s more for MNIST's, which torchvision's MNIST(download=False) cannot).

Phase times include their set-up. Article base: data sets, loaders, model, optimiser, epochs,
test evaluation. Ours base: loading the IDX files, then everything from the start of the phase
to its test predictions. Article LoRA: feature model, LoRAWrapper, transfer, optimiser, epochs,
test evaluation. Ours feature+LoRA: the same span of our phase (feature statistics, model,
transfer, LoRA, caching the frozen convolutions, epochs, test evaluations). Our control phase
has no counterpart in the article and is reported on its own.

Targets (PRODUCT.md): base ≤ 0.4× the article's time at equal or better test accuracy; LoRA
fine-tuning of fc1+fc2 ≤ 0.15× (set-up included); base test accuracy ≥ 98.5 % after 3 epochs;
peak memory of our whole experiment ≤ 1.0 GB (10^9 bytes). A missed target is reported (a
"TARGET: FAIL" line), not an error: the exit code is non-zero only when something crashed.
With --repeat N every figure is the median of N runs, and each ratio the median of the N
paired ratios.
"""

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from lora_studio.core.vocabulary import KINDS  # the phases' titles; imports nothing heavy

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets"
RAW_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")

BASE_RATIO = 0.40
LORA_RATIO = 0.15
BASE_ACCURACY = 0.985
BASE_ACCURACY_EPOCHS = 3
MEMORY_BYTES = 1_000_000_000


class ChildFailed(RuntimeError):
    pass


# --- running one side ------------------------------------------------------------------------------


class MemorySampler(threading.Thread):
    """Samples a process's VmRSS and RssAnon from /proc every 20 ms: when in the run memory peaks, and how
    much of it is the process's own data (anonymous) rather than mapped library files. Linux only; the
    exact peak comes from wait4's ru_maxrss."""

    def __init__(self, pid: int, started: float):
        super().__init__(daemon=True)
        self.path, self.started, self.samples = Path(f"/proc/{pid}/status"), started, []
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.02):
            try:
                fields = dict(line.split(":", 1) for line in self.path.read_text().splitlines() if ":" in line)
                rss, anon = (int(fields[k].split()[0]) * 1024 for k in ("VmRSS", "RssAnon"))
            except (OSError, KeyError, ValueError):
                continue  # not started yet, or gone
            self.samples.append((time.perf_counter() - self.started, rss, anon))

    def peak(self, start: float = 0.0, end: float = float("inf")) -> dict:
        window = [s for s in self.samples if start <= s[0] <= end]
        if not window:
            return {"rss_bytes": None, "anon_bytes": None}
        return {"rss_bytes": max(s[1] for s in window), "anon_bytes": max(s[2] for s in window)}


# The floor under both sides' memory: what PyTorch itself occupies before any work.
TORCH_ALONE = "import torch; torch.ones(8).sum()"


def run_child(cmd: list[str], env: dict, prefix: str) -> tuple[dict, MemorySampler]:
    """Run cmd, stream its output with a prefix; return its wall and CPU time and peak RSS (bytes)."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
                            errors="replace", cwd=REPO)
    sampler = MemorySampler(proc.pid, started)
    sampler.start()
    tail = []
    for line in proc.stdout:
        line = line.rstrip()
        if line.strip():
            print(f"  {prefix} {line}", flush=True)
            tail = (tail + [line])[-20:]
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone (RUSAGE_CHILDREN would be a max over all)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    if code != 0:
        raise ChildFailed(f"{prefix} exited with {code}: {' '.join(cmd)}\n" + "\n".join(tail))
    return {
        "process_seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_bytes": usage.ru_maxrss * 1024,  # ru_maxrss is in KiB on Linux
        "peak_anon_bytes": sampler.peak()["anon_bytes"],  # sampled: the process's own data, libraries excluded
        "load_average": [load_before, os.getloadavg()[0]],  # 1-minute, before and after: others' work on the CPUs
    }, sampler


def child_env(home: Path) -> dict:
    env = dict(os.environ, PYTHONUNBUFFERED="1", LORA_STUDIO_HOME=str(home), COLUMNS="110")
    env.pop("PYTHONPATH", None)
    return env


def run_article(article_root: Path, work: Path, args) -> dict:
    out = work / "article.json"
    cmd = [sys.executable, str(HERE / "article.py"), "--root", str(article_root), "--out", str(out),
           "--base-epochs", str(args.base_epochs), "--lora-epochs", str(args.lora_epochs)]
    proc, _ = run_child(cmd, child_env(work / "home"), "[article]")
    result = json.loads(out.read_text())
    for phase in ("base", "lora"):
        p = result[phase]
        p["other_seconds"] = p["wall_seconds"] - p["setup_seconds"] - sum(p["epoch_seconds"]) - p["eval_seconds"]
    return {**result, **proc}


def run_ours(data_root: Path, work: Path, args) -> dict:
    out, times = work / "ours.json", work / "ours-times.json"
    cli = ["experiment", "--data-dir", str(data_root), "--offline", "--no-save", "--json", str(out),
           "--base-epochs", str(args.base_epochs), "--lora-epochs", str(args.lora_epochs)]
    print(f"  [ours] lora-studio {' '.join(cli)}", flush=True)
    cmd = [sys.executable, str(HERE / "ours_probe.py"), str(times), *cli]
    proc, sampler = run_child(cmd, child_env(work / "home"), "[ours]")
    result, marks = json.loads(out.read_text()), json.loads(times.read_text())
    ours = {"import_seconds": marks["imported"], "data_load_seconds": marks["loaded"] - marks["imported"], **proc,
            "peak_before_phases": sampler.peak(0, marks["loaded"])}
    for mark in marks["phases"]:
        phase, span = mark["phase"], mark["end"] - mark["start"]
        p = result[phase]
        ours[phase] = {
            "span_seconds": span,  # phase start → phase finished (scored), as the probe saw it
            "json_wall_seconds": p["wall_seconds"],  # the phase's own account, in the command's JSON
            "epoch_seconds": p["epoch_seconds"],
            # set-up (statistics, model, transfer, LoRA, caching the frozen convolutions) and test evaluations
            "besides_epochs_seconds": span - sum(p["epoch_seconds"]),
            "test_accuracy": p["test_accuracy"],
            "trainable_params": p["trainable_params"],
            "peak": sampler.peak(mark["start"], mark["end"]),  # sampled memory during this phase
        }
    # Phases are timed by the probe (it sees the whole step, whatever the core counts); the base phase also
    # gets the data loading, as the article's does.
    ours["base"]["wall_seconds"] = ours["data_load_seconds"] + ours["base"]["span_seconds"]
    for phase in ("feature_lora", "control_lora"):
        if phase in ours:
            ours[phase]["wall_seconds"] = ours[phase]["span_seconds"]
    ours["feature_effect"] = result.get("feature_effect")
    return ours


def one_run(article_root: Path, work: Path, args, index: int) -> dict:
    sides = ["article", "ours"] if index % 2 == 0 else ["ours", "article"]  # alternate, against drift
    run = {}
    for side in sides:
        print(f"\n== run {index + 1}/{args.repeat}: {side} ==", flush=True)
        run[side] = run_article(article_root, work, args) if side == "article" else run_ours(article_root, work, args)
    a, o = run["article"], run["ours"]
    run["ratios"] = {
        "base": o["base"]["wall_seconds"] / a["base"]["wall_seconds"],
        "lora": o["feature_lora"]["wall_seconds"] / a["lora"]["wall_seconds"],
        "process": o["process_seconds"] / a["process_seconds"],
    }
    return run


# --- figures ---------------------------------------------------------------------------------------


def median_of(values: list):
    """Element-wise median of same-shaped JSON-like values (numbers, lists of numbers, dicts)."""
    first = values[0]
    if isinstance(first, bool) or first is None or isinstance(first, str):
        return first
    if isinstance(first, int | float):
        return statistics.median(values)
    if isinstance(first, dict):
        return {k: median_of([v[k] for v in values if k in v]) for k in first}
    if isinstance(first, list) and all(isinstance(v, list) and len(v) == len(first) for v in values):
        return [median_of(list(column)) for column in zip(*values, strict=True)]
    return first


def targets(m: dict, args) -> list[dict]:
    a, o, r = m["article"], m["ours"], m["ratios"]
    base_acc_ok = o["base"]["test_accuracy"] >= a["base"]["test_accuracy"]
    rows = [
        {
            "name": "base time", "value": r["base"], "target": f"≤ {BASE_RATIO:.2f}× at equal or better accuracy",
            "pass": r["base"] <= BASE_RATIO and base_acc_ok,
            "detail": f"{r['base']:.2f}× the article's time, accuracy {pct(o['base']['test_accuracy'])} "
                      f"vs {pct(a['base']['test_accuracy'])}",
        },
        {
            "name": "LoRA time", "value": r["lora"], "target": f"≤ {LORA_RATIO:.2f}×, set-up included",
            "pass": r["lora"] <= LORA_RATIO,
            "detail": f"{r['lora']:.2f}× the article's time (fc1+fc2, set-up included)",
        },
        {
            "name": "base accuracy", "value": o["base"]["test_accuracy"],
            "target": f"≥ {pct(BASE_ACCURACY)} after {BASE_ACCURACY_EPOCHS} epochs",
            "pass": o["base"]["test_accuracy"] >= BASE_ACCURACY if args.base_epochs == BASE_ACCURACY_EPOCHS else None,
            "detail": f"{pct(o['base']['test_accuracy'])} after {args.base_epochs} epochs",
        },
        {
            "name": "peak memory", "value": o["peak_rss_bytes"], "target": f"≤ {MEMORY_BYTES / 1e9:.1f} GB",
            "pass": o["peak_rss_bytes"] <= MEMORY_BYTES,
            "detail": f"{mb(o['peak_rss_bytes'])} max RSS for the whole experiment (base, feature+LoRA, control)",
        },
    ]
    return rows


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.2f} %"


def mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def mb_or(n: float | None) -> str:
    return "–" if n is None else mb(n)


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "N/A"}[ok]


def secs(xs) -> str:
    return " + ".join(f"{x:.2f}" for x in xs)


def print_report(m: dict, rows: list[dict], args) -> None:
    a, o, r = m["article"], m["ours"], m["ratios"]
    by_name = {row["name"]: row for row in rows}
    print()
    print(f"Training benchmark · real MNIST · base {args.base_epochs} epochs, LoRA {args.lora_epochs} epochs · "
          f"{args.repeat} run(s){', medians' if args.repeat > 1 else ''} · torch {m['torch']}, "
          f"{a['torch_threads']} threads, {os.cpu_count()} CPUs")
    cpus = os.cpu_count() or 1
    busy = max(a["load_average"] + o["load_average"]) > cpus
    print(f"machine load (1-min average, before → after): article {a['load_average'][0]:.1f} → "
          f"{a['load_average'][1]:.1f}, ours {o['load_average'][0]:.1f} → {o['load_average'][1]:.1f}"
          + (f" — above {cpus} CPUs: other work competed for them, timings are noisy" if busy else ""))
    print()
    line = "{:<44} {:>10} {:>8} {:>7}  {:<22} {}"
    print(line.format("phase (wall time, set-up included)", "article s", "ours s", "ratio", "target", "result"))
    print(line.format("base training", f"{a['base']['wall_seconds']:.2f}", f"{o['base']['wall_seconds']:.2f}",
                      f"{r['base']:.2f}×", f"≤ {BASE_RATIO:.2f}×, acc ≥ article",
                      verdict(by_name["base time"]["pass"])))
    print(line.format("LoRA fine-tuning fc1+fc2 (+brightness)", f"{a['lora']['wall_seconds']:.2f}",
                      f"{o['feature_lora']['wall_seconds']:.2f}", f"{r['lora']:.2f}×", f"≤ {LORA_RATIO:.2f}×",
                      verdict(by_name["LoRA time"]["pass"])))
    if "control_lora" in o:
        print(line.format("control LoRA, no feature (ours only)", "–", f"{o['control_lora']['wall_seconds']:.2f}",
                          "–", "–", "info"))
    print(line.format("whole process (ours also runs the control)", f"{a['process_seconds']:.2f}",
                      f"{o['process_seconds']:.2f}", f"{r['process']:.2f}×", "–", "info"))

    print()
    print("where the time goes (seconds; epochs listed one by one)")
    for key, title in (("base", "article base "), ("lora", "article LoRA ")):
        p = a[key]
        what = "data sets, loaders, model" if key == "base" else "feature model, LoRAWrapper, transfer"
        print(f"  {title}: {p['wall_seconds']:.2f} = set-up ({what}) {p['setup_seconds']:.2f} "
              f"+ epochs {secs(p['epoch_seconds'])} + test evaluation {p['eval_seconds']:.2f}")
    for key, title in (("base", "ours base    "), ("feature_lora", "ours LoRA    "), ("control_lora", "ours control ")):
        if key not in o:
            continue
        p = o[key]
        load = f"loading the IDX files {o['data_load_seconds']:.2f} + " if key == "base" else ""
        what = "statistics, model" if key == "base" else "statistics, model, transfer, LoRA, caching the frozen convs"
        print(f"  {title}: {p['wall_seconds']:.2f} = {load}epochs {secs(p['epoch_seconds'])} "
              f"+ besides the epochs {p['besides_epochs_seconds']:.2f} ({what}; test evaluations) "
              f"[the JSON's wall_seconds: {p['json_wall_seconds']:.2f}]")
    print(f"  processes    : article {a['process_seconds']:.1f} s wall, {a['cpu_seconds']:.1f} s CPU; ours "
          f"{o['process_seconds']:.1f} s wall, {o['cpu_seconds']:.1f} s CPU, of which {o['import_seconds']:.2f} s "
          "importing PyTorch before any work (not counted in a phase, on either side)")

    print()
    acc = "{:<34} {:>10} {:>10}   {}"
    print(acc.format("test accuracy", "article", "ours", ""))
    print(acc.format("base", pct(a["base"]["test_accuracy"]), pct(o["base"]["test_accuracy"]),
                     f"target ≥ {pct(BASE_ACCURACY)} after {BASE_ACCURACY_EPOCHS} epochs: "
                     f"{verdict(by_name['base accuracy']['pass'])}"))
    print(acc.format("LoRA (+brightness)", pct(a["lora"]["test_accuracy"]), pct(o["feature_lora"]["test_accuracy"]),
                     ""))
    if "control_lora" in o:
        print(acc.format("control LoRA (no feature, ours)", "–", pct(o["control_lora"]["test_accuracy"]), ""))
    effect = o.get("feature_effect")
    if effect:
        low, high = effect["ci95"]
        print(f"  ours: feature effect {100 * effect['mean_delta']:+.2f} points, 95 % interval "
              f"[{100 * low:+.2f}, {100 * high:+.2f}]")
    print(acc.format("trainable parameters, LoRA phase", f"{a['lora']['trainable_params']:,}",
                     f"{o['feature_lora']['trainable_params']:,}",
                     "(the article's code leaves the new fc1 column frozen; ours trains it)"))

    print()
    print(f"peak memory (max RSS of the process): article {mb(a['peak_rss_bytes'])}, "
          f"ours {mb(o['peak_rss_bytes'])} for the whole experiment; target ours ≤ {MEMORY_BYTES / 1e9:.1f} GB: "
          f"{verdict(by_name['peak memory']['pass'])}")
    print(f"  sampled every 20 ms — own data (RssAnon) at its peak: article {mb_or(a['peak_anon_bytes'])}, "
          f"ours {mb_or(o['peak_anon_bytes'])}; the rest is mapped library code (PyTorch)")
    phases = [("before the phases (imports, data)", o["peak_before_phases"])]
    phases += [(KINDS[k].title, o[k]["peak"]) for k in ("base", "feature_lora", "control_lora") if k in o]
    print("  ours, peak RSS / RssAnon while: " + "; ".join(
        f"{title} {mb_or(peak['rss_bytes'])} / {mb_or(peak['anon_bytes'])}" for title, peak in phases))
    alone = m["torch_alone"]
    print(f"  PyTorch alone (import, one operation; in both sides' figures): {mb(alone['peak_rss_bytes'])} max RSS, "
          f"own data {mb_or(alone['peak_anon_bytes'])}; its mapped part varies with the page cache "
          "(README, Benchmarks)")
    print()
    for row in rows:
        print(f"TARGET: {verdict(row['pass'])} {row['name']}: {row['detail']} (target {row['target']})")


# --- main ------------------------------------------------------------------------------------------


def raw_paths(data_dir: Path) -> dict[str, Path] | None:
    raw = data_dir / "MNIST" / "raw"
    found = {}
    for stem in RAW_FILES:
        candidates = [raw / f"{stem}.gz", raw / stem]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            return None
        found[stem] = path
    return found


def decompress(files: dict[str, Path], root: Path) -> None:
    """The four IDX files, uncompressed, into root/MNIST/raw/ (what torchvision's MNIST(download=False) reads)."""
    raw = root / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for stem, path in files.items():
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as src, open(raw / stem, "wb") as dst:
            shutil.copyfileobj(src, dst)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Time the article's way and ours (lora-studio experiment) on the real MNIST, in one run; "
                    "print per-phase wall times, ratios, test accuracies and peak memory against the targets.",
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                        help=f"root holding MNIST/raw/ with the four IDX files, .gz or not [{DEFAULT_DATA}]")
    parser.add_argument("--base-epochs", type=int, default=3, help="base training epochs, both sides [3]")
    parser.add_argument("--lora-epochs", type=int, default=2, help="LoRA fine-tuning epochs, both sides [2]")
    parser.add_argument("--epochs", type=int, metavar="N",
                        help="shorthand: N epochs for both phases (a quick smoke run: --epochs 1)")
    # one run is at the mercy of the host's noise (single runs moved the ratios by ±30 % here)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; figures are medians [3]")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "training.json",
                        help="where to write every figure as JSON [bench-results/training.json]")
    args = parser.parse_args(argv)
    if args.epochs is not None:
        args.base_epochs = args.lora_epochs = args.epochs
    for name in ("base_epochs", "lora_epochs", "repeat"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2) + "\n")
    tmp.replace(path)


def main(argv=None) -> int:
    args = parse_args(argv)
    args.data_dir = args.data_dir.expanduser().resolve()
    files = raw_paths(args.data_dir)
    settings = {"base_epochs": args.base_epochs, "lora_epochs": args.lora_epochs, "repeat": args.repeat,
                "data_dir": str(args.data_dir)}
    if files is None:
        reason = f"the real MNIST is not in {args.data_dir / 'MNIST' / 'raw'} (four IDX files, .gz or not)"
        print(f"SKIP: training benchmark: {reason}")
        write_json(args.out, {"skipped": reason, "settings": settings})
        return 0

    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-training-") as tmp:
        work = Path(tmp)
        article_root = work / "article-data"
        decompress(files, article_root)
        try:
            torch_alone, _ = run_child([sys.executable, "-c", TORCH_ALONE], child_env(work / "home"), "[torch]")
            for i in range(args.repeat):
                runs.append(one_run(article_root, work, args, i))
        except ChildFailed as exc:
            print(f"\nERROR: {exc}", file=sys.stderr)
            return 1

    m = median_of(runs)
    m["torch"] = m["article"]["torch"]
    m["torch_alone"] = torch_alone
    rows = targets(m, args)
    print_report(m, rows, args)
    write_json(args.out, {
        "settings": settings,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "torch": m["torch"], "load_average": list(os.getloadavg())},
        "targets": rows,
        "median": m,
        "runs": runs,
    })
    print(f"\nAll figures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
