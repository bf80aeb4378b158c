"""What bench_tasks.py and bench_sweep.py share: ours (a script's --child) against one base and one LoRA epoch of
the article's way, in alternating order, repeated, on the same decompressed real MNIST."""

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench_training import DEFAULT_DATA, HERE, REPO, ChildFailed, child_env, decompress, raw_paths, run_child


def parser(description: str, results: str) -> argparse.ArgumentParser:
    """The options both scripts take: data, repeats, where the JSON goes, and the hidden --child ROOT OUT."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                   help=f"root holding MNIST/raw/ with the four IDX files, .gz or not [{DEFAULT_DATA}]")
    p.add_argument("--repeat", type=int, default=3, help="runs of each side; figures are medians [3]")
    p.add_argument("--out", type=Path, default=REPO / "bench-results" / results,
                   help=f"where to write every figure as JSON [bench-results/{results}]")
    p.add_argument("--child", nargs=2, metavar=("ROOT", "OUT"), help=argparse.SUPPRESS)
    return p


def start(argv, description: str, results: str, name: str, child, one_run):
    """The opening both scripts' main shares: (args, runs), or None when this process was the child or the data
    is missing (having said so)."""
    args = parser(description, results).parse_args(argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return None
    if args.repeat < 1:
        raise SystemExit("--repeat must be at least 1")
    runs = repeated(args, name, one_run)
    return None if runs is None else (args, runs)


def article_and_ours(script: Path, root: Path, work: Path, index: int) -> tuple[dict, dict]:
    """One run of each side (the article's way: one base and one LoRA epoch), their JSON results."""
    env = child_env(work / "home")
    article_out, ours_out = work / "article.json", work / "ours.json"
    article_cmd = [sys.executable, str(HERE / "article.py"), "--root", str(root), "--out", str(article_out),
                   "--base-epochs", "1", "--lora-epochs", "1"]
    ours_cmd = [sys.executable, str(script), "--child", str(root), str(ours_out)]
    sides = [("article", article_cmd), ("ours", ours_cmd)]
    for side, cmd in sides if index % 2 == 0 else sides[::-1]:  # alternate, against drift
        print(f"\n== run {index + 1}: {side} ==", flush=True)
        run_child(cmd, env, f"[{side}]")
    return json.loads(article_out.read_text()), json.loads(ours_out.read_text())


def repeated(args, name: str, one_run: Callable[[Path, Path, int], dict]) -> list[dict] | None:
    """`one_run(root, work, index)` for each repeat; None (having said why) when the data is missing or a
    side failed."""
    files = raw_paths(args.data_dir.expanduser().resolve())
    if files is None:
        print(f"SKIP: {name} benchmark: the real MNIST is not in {args.data_dir / 'MNIST' / 'raw'}")
        return None
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        work = Path(tmp)
        decompress(files, work / "data")  # both sides read the same decompressed files
        try:
            return [one_run(work / "data", work, index) for index in range(args.repeat)]
        except ChildFailed as exc:
            print(f"\nERROR: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
