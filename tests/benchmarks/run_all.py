"""Run every tests/benchmarks/bench_*.py, one after another, and summarise (what `make bench` does).

    .venv/bin/python tests/benchmarks/run_all.py [NAME …]     # NAME: e.g. training, or bench_training.py

Each script runs in its own process with this Python, its output streamed as it
comes. A script reports on its targets with lines of the form

    TARGET: PASS|FAIL|N/A <name>: <detail>
    SKIP: <reason>

which are gathered into the summary at the end. A missed target is reported,
not a failure: the exit code is non-zero only when a script crashed (exited
non-zero or was killed), or when no script matched.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MARKERS = ("TARGET:", "SKIP:")


def find_scripts(names: list[str]) -> list[Path]:
    scripts = sorted(HERE.glob("bench_*.py"))
    if not names:
        return scripts
    wanted = {n.removesuffix(".py").removeprefix("bench_") for n in names}
    return [s for s in scripts if s.stem.removeprefix("bench_") in wanted]


def run_script(script: Path) -> dict:
    """Run one script, streaming its output; return its exit code, duration and report lines."""
    print(f"\n━━ {script.name} ━━", flush=True)
    started = time.perf_counter()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    reports = []
    try:
        proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                env=env, cwd=REPO, text=True, errors="replace")
    except OSError as exc:
        return {"script": script.name, "code": None, "seconds": 0.0, "reports": [], "error": str(exc)}
    try:
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.startswith(MARKERS):
                reports.append(line.strip())
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        raise
    return {"script": script.name, "code": code, "seconds": time.perf_counter() - started, "reports": reports}


def describe(result: dict) -> str:
    code = result["code"]
    if code is None:
        return f"CRASHED (could not start: {result['error']})"
    if code < 0:
        return f"CRASHED (killed by signal {-code})"
    if code != 0:
        return f"CRASHED (exit code {code})"
    reports = result["reports"]
    if any(r.startswith("SKIP:") for r in reports) and not any(r.startswith("TARGET:") for r in reports):
        return "skipped"
    missed = sum(r.startswith("TARGET: FAIL") for r in reports)
    met = sum(r.startswith("TARGET: PASS") for r in reports)
    if not met and not missed:
        return "ran"
    return f"ran: {met} target(s) met, {missed} missed"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks (tests/benchmarks/bench_*.py) and summarise.")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. training); all by default")
    args = parser.parse_args(argv)
    scripts = find_scripts(args.names)
    if not scripts:
        print(f"no benchmark matches {' '.join(args.names) or 'bench_*.py'} in {HERE}", file=sys.stderr)
        return 2

    results = []
    try:
        for script in scripts:
            results.append(run_script(script))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130

    print("\n━━ summary ━━")
    for result in results:
        print(f"{result['script']:<32} {result['seconds']:7.1f} s   {describe(result)}")
        for report in result["reports"]:
            print(f"    {report}")
    crashed = [r["script"] for r in results if r["code"] != 0]
    if crashed:
        print(f"\n{len(crashed)} benchmark(s) crashed: {', '.join(crashed)}")
        return 1
    missed = sum(r.startswith("TARGET: FAIL") for result in results for r in result["reports"])
    print(f"\nAll {len(results)} benchmark(s) ran; {missed} target(s) missed." if missed
          else f"\nAll {len(results)} benchmark(s) ran; no target missed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
