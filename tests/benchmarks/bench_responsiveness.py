"""Responsiveness: how late a 10 ms QTimer on the GUI thread fires over whole runs started from the tabs, their
clicks, starts and ends included (target: p99 ≤ 16 ms, one frame at 60 Hz).

Opens the real window (offscreen unless a display is set) in a temporary LORA_STUDIO_HOME, loads the real
MNIST beside the repository when present (else generated data) and does what a user does, each step a click:
the Base training tab, *Train base model*; the LoRA tab, *Fine-tune with LoRA* with its control; the
Evaluation tab, *Evaluate on the test set* (the models just trained are ticked). Each heartbeat's lateness (the
time between two ticks minus 10 ms) is put in one bucket by when it fired:

- start: from a click (the tab, then its button) to 1 s after the job started (plot resets, first steps);
- end:   from the job's last epoch (its scoring and saving) to 1.5 s after it ended (the library re-read, the
         combos refilled, the summaries and the views that show the new models or the evaluation);
- epoch: 0.3 s after any other epoch's end;  steady: the rest of the run.

Each repetition runs in a fresh process; the figures are medians over repetitions. `--profile` samples the GUI
thread's Python stack whenever it is late (a watchdog thread, `sys._current_frames`) and prints where the time
went, by bucket.

    .venv/bin/python tests/benchmarks/bench_responsiveness.py [--epochs 1] [--repeat 3] [--images N] [--profile]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL_MNIST = REPO.parent / "shared" / "datasets" / "MNIST" / "raw"
TICK_MS = 10
TARGET_P99_MS = 16.0
START_AFTER_S = 1.0  # after a job's start, still "its start": the plots reset, the first steps arrive
END_AFTER_S = 1.5  # after a job's end, still "its end": what the window does with the result
EPOCH_AFTER_S = 0.3
PAUSE_S = 2.0  # between the end of one job and the next click: the end's bucket has closed by then
BUCKETS = ("start", "end", "epoch", "steady")
JOBS = ("base", "lora", "evaluate")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def bucket_of(t: float, job: dict) -> str:
    """Which moment of `job` (its marks: clicks, started, epochs, ended) a heartbeat firing at `t` belongs to. A
    job that ends within a second of its start (an evaluation on a quiet machine) has its end counted as one."""
    started, ended = job.get("started", t), job.get("ended", t)
    if max(started, min(job["epochs"][-1:] + [ended - 0.5])) <= t <= ended + END_AFTER_S:
        return "end"
    if job["clicks"][0] <= t <= started + START_AFTER_S:
        return "start"
    if any(e <= t <= e + EPOCH_AFTER_S for e in job["epochs"]):
        return "epoch"
    return "steady"


# --- one run, in this process -------------------------------------------------------------------------------
def run_once(epochs: int, images: int, profile: bool) -> dict:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="lora-studio-bench-"))
    os.environ["LORA_STUDIO_HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import Qt, QTimer

    import lora_studio
    from lora_studio.core import paths
    from lora_studio.core.data import datasets as data
    from lora_studio.core.data import synthetic
    from lora_studio.gui.app import application, build_main_window

    real = REAL_MNIST.is_dir()
    source = REAL_MNIST if real else synthetic.write_folder(home / "generated", n_train=20_000, n_test=2_000)
    data.import_folder(source, paths.datasets_dir(home), "mnist")

    app = application()
    window = build_main_window()
    window.show()
    state = window.state
    ticks: list[tuple[float, float, float]] = []  # (when, how late, the GUI thread's CPU time since the last tick)
    marks: dict[str, dict] = {}  # job → {"clicks": [t…], "started": t, "epochs": [t…], "ended": t}
    last = [0.0]
    last_cpu = [time.thread_time()]
    recording = [False]
    sampler = None
    if profile:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from gui_stalls import StallSampler

        sampler = StallSampler(last, threshold_s=(TICK_MS + 4) / 1000)

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if recording[0] and last[0]:
            ticks.append((now, max(0.0, (now - last[0]) * 1000 - TICK_MS), (cpu - last_cpu[0]) * 1000))
        last[0], last_cpu[0] = now, cpu

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(TICK_MS)
    heartbeat.timeout.connect(tick)

    def click_tab(job: str, tab) -> None:
        recording[0] = True
        marks[job] = {"clicks": [time.perf_counter()], "epochs": []}
        if sampler is not None:
            sampler.label = f"{job}/click"
        window.tabs.setCurrentWidget(tab)

    def click(job: str, button) -> None:
        marks[job]["clicks"].append(time.perf_counter())
        button.click()

    def base() -> None:
        window.base_tab.epochs.setValue(epochs)
        window.base_tab.subset.setValue(images)
        click_tab("base", window.base_tab)
        QTimer.singleShot(300, lambda: click("base", window.base_tab.panel.start_button))

    def lora() -> None:
        window.lora_tab.epochs.setValue(epochs)
        window.lora_tab.subset.setValue(images)
        window.lora_tab.control_check.setChecked(True)
        click_tab("lora", window.lora_tab)
        QTimer.singleShot(300, lambda: click("lora", window.lora_tab.panel.start_button))

    def evaluate() -> None:
        click_tab("evaluate", window.eval_tab)
        QTimer.singleShot(300, lambda: click("evaluate", window.eval_tab.evaluate_button))

    def finish() -> None:
        recording[0] = False  # quitting waits for the worker's last job: not a moment of the run
        app.quit()

    after = {"base": lora, "lora": evaluate, "evaluate": finish}

    def label(text: str, then: str | None = None, after_s: float = 0.0) -> None:
        """What the stall sampler files its samples under from now on (and, `after_s` later, `then`)."""
        sampler.label = text
        if then is not None:
            QTimer.singleShot(int(after_s * 1000), lambda: sampler.label == text and setattr(sampler, "label", then))

    def on_started(kind: str) -> None:
        if kind in marks:
            marks[kind]["started"] = time.perf_counter()

    def on_epoch(kind: str, _key: str, _info: dict) -> None:
        if kind in marks:
            marks[kind]["epochs"].append(time.perf_counter())

    def on_ended(kind: str, status: str, message: str) -> None:
        print(f"{kind}: {status} {message}", flush=True)
        if kind == "dataset" and not marks:
            QTimer.singleShot(500, base)
        elif kind in marks:
            marks[kind]["ended"] = time.perf_counter()
            if sampler is not None:
                label(f"{kind}/end", f"{kind}/idle", END_AFTER_S)
            QTimer.singleShot(int(PAUSE_S * 1000), after[kind])

    state.sigJobStarted.connect(on_started)
    state.sigEpoch.connect(on_epoch)
    state.sigJobEnded.connect(on_ended)
    if sampler is not None:  # the sampler files what it catches under the moment it is in
        state.sigJobStarted.connect(lambda kind: label(f"{kind}/start", f"{kind}/steady", START_AFTER_S))
        state.sigEpoch.connect(lambda kind, _k, _i: label(f"{kind}/epoch", f"{kind}/steady", EPOCH_AFTER_S))
        # the job's own on_done runs before the views hear that it ended: the worker's report marks the end
        state.runner._worker.sigDone.connect(lambda kind, *_: setattr(sampler, "label", f"{kind}/end"),
                                             Qt.ConnectionType.DirectConnection)
        sampler.start()
    heartbeat.start()
    app.exec()
    heartbeat.stop()
    window.close()
    shutil.rmtree(home, ignore_errors=True)

    report: dict = {"real": real, "code": str(Path(lora_studio.__file__).parent), "load": os.getloadavg()[0],
                    "ticks": [], "worst": []}
    zero = marks["base"]["clicks"][0]
    for t, late, cpu in ticks:
        job = next((name for name in JOBS if name in marks and marks[name]["clicks"][0] <= t
                    and t <= marks[name].get("ended", t) + PAUSE_S), None)
        report["ticks"].append((job, bucket_of(t, marks[job]) if job else "steady", late, cpu, t - zero))
        report["worst"].append((late, cpu, t - zero, job, report["ticks"][-1][1]))
    report["worst"] = sorted(report["worst"], reverse=True)[:8]
    report["marks"] = {job: {key: [v - zero for v in value] if isinstance(value, list) else value - zero
                             for key, value in mark.items()} for job, mark in marks.items()}
    if sampler is not None:
        sampler.stop()
        report["stalls"] = sampler.report()
    return report


# --- several runs, each in its own process ------------------------------------------------------------------
def figures(ticks: list) -> dict[str, float] | None:
    """p50/p99/max of the lateness of `ticks`, and p99/max of the GUI thread's own CPU time between two ticks
    (what it did itself, whatever the other processes on the machine did meanwhile)."""
    if not ticks:
        return None
    late, busy = [tick[2] for tick in ticks], [tick[3] for tick in ticks]
    return {"n": len(ticks), "p50": percentile(late, 50), "p99": percentile(late, 99), "max": max(late),
            "busy p99": percentile(busy, 99), "busy max": max(busy)}


def summarise(report: dict) -> dict[str, dict | None]:
    """One run's figures: over the whole run, per bucket, per job."""
    ticks = report["ticks"]
    out = {"whole run": figures(ticks)}
    for bucket in BUCKETS:
        out[f"around {bucket}" if bucket in ("start", "end") else bucket] = figures(
            [tick for tick in ticks if tick[1] == bucket])
    out["starts and ends"] = figures([tick for tick in ticks if tick[1] in ("start", "end")])
    for job in JOBS:
        out[f"{job} (whole)"] = figures([tick for tick in ticks if tick[0] == job])
        for bucket in ("start", "end"):
            out[f"{job} {bucket}"] = figures([tick for tick in ticks if tick[0] == job and tick[1] == bucket])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--images", type=int, default=0, help="training images (0: all); a quick look")
    parser.add_argument("--repeat", type=int, default=3, help="runs, each in a fresh process (medians reported)")
    parser.add_argument("--profile", action="store_true", help="print where the GUI thread was when it was late")
    parser.add_argument("--once", metavar="JSON", help=argparse.SUPPRESS)  # one run, written to JSON
    args = parser.parse_args()
    if args.once:
        Path(args.once).write_text(json.dumps(run_once(args.epochs, args.images, args.profile)))
        return 0

    runs = []
    with tempfile.TemporaryDirectory(prefix="lora-studio-bench-") as tmp:
        for index in range(args.repeat):
            out = Path(tmp) / f"run{index}.json"
            command = [sys.executable, __file__, "--once", str(out), "--epochs", str(args.epochs),
                       "--images", str(args.images)]
            done = subprocess.run(command + (["--profile"] if args.profile else []), cwd=REPO)
            if done.returncode != 0:
                print(f"run {index + 1} exited with {done.returncode}", file=sys.stderr)
                return 1
            runs.append(json.loads(out.read_text()))
            if args.profile:
                print(runs[-1]["stalls"])
    summaries = [summarise(run) for run in runs]
    loads = ", ".join(f"{run['load']:.2f}" for run in runs)
    print(f"\ncode: {runs[0]['code']}; data: {'the real MNIST' if runs[0]['real'] else 'generated (20,000 images)'}; "
          f"{args.epochs} epoch(s) each on {args.images or 'all'} training images; os.cpu_count() = {os.cpu_count()}; "
          "load average at the end of each run: "
          f"{loads}")
    for index, (run, summary) in enumerate(zip(runs, summaries, strict=True)):
        parts = [f"{name} p99 {s['p99']:.1f} max {s['max']:.1f}" for name, s in summary.items()
                 if s and name in ("whole run", "around start", "around end")]
        print(f"run {index + 1}: " + " | ".join(parts) + " ms")
        marks = "; ".join(f"{job} click {m['clicks'][0]:.1f} s, started {m.get('started', float('nan')):.1f} s, "
                          f"ended {m.get('ended', float('nan')):.1f} s" for job, m in run["marks"].items())
        print(f"  moments: {marks}")
        print("  worst ticks: " + ", ".join(f"{late:.0f} ms (GUI thread busy {cpu:.0f} ms) at {t:.1f} s, {job} {b}"
                                            for late, cpu, t, job, b in run["worst"][:5]))
    print(f"\nheartbeat lateness (ms), median over {len(runs)} run(s) of each figure; busy: the GUI thread's own CPU "
          "time between two ticks")
    print(f"{'':18s} {'ticks':>7s} {'p50':>6s} {'p99':>6s} {'max':>7s} {'busy p99':>9s} {'busy max':>9s}")
    for name in summaries[0]:
        present = [s[name] for s in summaries if s.get(name)]
        if not present:
            continue
        med = {key: statistics.median(s[key] for s in present) for key in present[0]}
        print(f"{name:18s} {med['n']:7,.0f} {med['p50']:6.1f} {med['p99']:6.1f} {med['max']:7.1f} "
              f"{med['busy p99']:9.1f} {med['busy max']:9.1f}")
    whole = statistics.median(s["whole run"]["p99"] for s in summaries)
    verdict = "PASS" if whole <= TARGET_P99_MS else "FAIL"
    print(f"TARGET: {verdict} responsiveness: GUI heartbeat p99 lateness {whole:.1f} ms over whole runs (clicks, "
          f"starts and ends included; median of {len(runs)}), target ≤ {TARGET_P99_MS:g} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
