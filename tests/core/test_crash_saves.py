"""SIGKILL a process that is saving models; the library must hold only complete models afterwards.

tests/core/crash_saver.py forks savers that overwrite two models ("stable", a
base model, and "stable-lora", a LoRA model with five files) and save new ones,
again and again. Two ways of killing them:
- at random moments (TRIALS kills, each at a random delay into the saving), the literal test;
- at every file-system operation of a save in turn (open for writing, fsync, mkdir,
  rename, replace, unlink, rmdir), so that each window between two operations is hit
  for certain, including the short one between the two renames of an overwrite.
After each kill, `ModelLibrary.list()` (which recovers) must show only models that
load, each entirely one version (weights, name and metrics agree); an overwritten
model must be the version saved last or the one being saved, never missing; every
save the process reported finished must be there; no .tmp- or .old- folder is left.
"""

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import torch
from hypothesis import settings

from lora_studio.core.storage.library import ModelLibrary

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
TRIALS = 50 if THOROUGH else 5
SAVER = Path(__file__).with_name("crash_saver.py")


class ForkServer:
    """crash_saver.py, started once: each `fork` gives the pid of a new saver."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, str(SAVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)

    def start(self, *args) -> int:
        self.proc.stdin.write(" ".join(map(str, args)) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line.startswith("pid "), f"the fork server said {line!r}"
        return int(line.split()[1])

    def wait(self) -> int:
        line = self.proc.stdout.readline()
        assert line.startswith("exit "), f"the fork server said {line!r}"
        return int(line.split()[1])

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture(scope="module")
def server():
    server = ForkServer()
    yield server
    server.close()


def progress_of(path: Path) -> list[tuple[str, int]]:
    if not path.exists():
        return []
    return [(line.split()[0], int(line.split()[1])) for line in path.read_text().splitlines() if line]


def check_library(root: Path, reported: list[tuple[str, int]], newest: int | None = None) -> Counter:
    """Recover, then check every model; return what the kill left behind (for the report)."""
    hidden = (lambda: [p for p in root.glob(".*") if p.name != ".lock"]) if root.is_dir() else list
    left = Counter(p.name.split("-")[0] for p in hidden())
    library = ModelLibrary(root)
    entries = library.list()
    assert not hidden(), "recovery left hidden folders"
    found = {}
    for entry in entries:
        assert entry.record is not None, f"{entry.id} is broken: {entry.error}"
        model, record = library.load(entry.id)
        version = record.metrics["version"]
        assert record.name == f"v{version}", f"{entry.id}: config.json and metrics.json are from different saves"
        for key, tensor in model.state_dict().items():
            assert torch.all(tensor == version), f"{entry.id}: {key} is not from version {version}"
        found[entry.id] = version
    for model_id, version in reported:
        if model_id.startswith("new-"):
            assert found.get(model_id) == version, f"{model_id} was reported saved but is not there"
    for model_id in ("stable", "stable-lora"):
        done = [v for i, v in reported if i == model_id]
        if done:  # never older than its last reported save; newer only by a save that was under way
            assert model_id in found, f"{model_id} was saved before and is now missing"
            assert done[-1] <= found[model_id] <= newest, \
                f"{model_id}: found version {found[model_id]}, last reported {done[-1]}, newest tried {newest}"
    return left


@pytest.mark.slow
def test_random_kills_leave_complete_models_and_a_previous_version(server, tmp_path):
    rng = random.Random(20261127)
    root, progress = tmp_path / "models", tmp_path / "progress.txt"
    version, leftovers = 1, Counter()
    for trial in range(TRIALS):
        pid = server.start("loop", root, progress, version, trial)
        # the first trials kill the very first saves; later ones up to a few rounds of saves in
        time.sleep(rng.uniform(0, 0.05) if trial < 2 else rng.uniform(0, 1.0))
        os.kill(pid, signal.SIGKILL)
        assert server.wait() == signal.SIGKILL, "the saver ended before it was killed"
        reported = progress_of(progress)
        last = reported[-1][1] if reported else version
        leftovers += check_library(root, reported, newest=last + 1)
        version = last + 1
    print(f"\n{TRIALS} random kills; {len(progress_of(progress))} saves completed; hidden folders found after the "
          f"kills: {dict(leftovers) or 'none'}")


def count_operations(server, tmp_path, kind: str) -> int:
    root, progress = tmp_path / f"count-{kind}", tmp_path / f"count-{kind}.txt"
    for version in (1, 2):  # the second save is an overwrite: that is the one to count
        progress.unlink(missing_ok=True)
        server.start("crash", root, progress, version, kind, 10**6)
        assert server.wait() == 0
    (line,) = progress.read_text().split("\n")[:1]
    return int(line.split()[1])


@pytest.mark.parametrize("kind", ["base", "lora"])
def test_a_kill_before_any_file_operation_of_an_overwrite(server, tmp_path, kind):
    model_id = "stable" if kind == "base" else "stable-lora"
    operations = count_operations(server, tmp_path, kind)
    assert operations >= 10, "the saver's counting is broken"
    points = range(1, operations + 1) if THOROUGH or kind == "lora" else range(1, operations + 1, 3)
    root, progress = tmp_path / "models", tmp_path / "progress.txt"
    server.start("crash", root, progress, 1, kind, 10**6)  # version 1, complete
    assert server.wait() == 0
    leftovers = Counter()
    for version, n in enumerate(points, start=2):
        server.start("crash", root, progress, version, kind, n)
        assert server.wait() == signal.SIGKILL
        leftovers += check_library(root, [])
        library = ModelLibrary(root)
        got = library.record(model_id).metrics["version"]
        assert got in (version - 1, version), f"kill before operation {n}: version {got}"
        # what the next save overwrites must be what is there now: make it the 'previous' version
        if got == version - 1:
            server.start("crash", root, progress, version, kind, 10**6)
            assert server.wait() == 0
    if len(points) == operations:  # every window was hit: between the renames too (.old- left behind)
        assert leftovers[".tmp"] and leftovers[".old"], leftovers
    print(f"\n{kind}: {len(points)} of {operations} crash points; hidden folders found: {dict(leftovers)}")


def test_a_kill_before_any_file_operation_of_a_data_import(server, tmp_path):
    """The data import swaps folders by renaming too: after a kill the old or the new data set is there."""
    from lora_studio.core.data import datasets as data
    from lora_studio.core.data import synthetic

    root, progress = tmp_path / "datasets", tmp_path / "progress.txt"
    sources = [synthetic.write_folder(tmp_path / f"source-{i}", 40 + i, 10, seed=i) for i in range(2)]
    data.import_folder(sources[0], root, "mnist")
    contents = [data.read_folder(source) for source in sources]

    def which() -> int:
        assert data.is_available(root, "mnist"), "no data set after the kill"
        installed = data.load_dataset(root, "mnist")
        for i, arrays in enumerate(contents):
            if len(installed.train) == len(arrays["train", "labels"]):
                return i
        raise AssertionError("the installed data set is neither the old nor the new one")

    server.start("import", sources[1], root, progress, 10**6)
    assert server.wait() == 0
    operations = int(progress.read_text().split()[1])
    data.import_folder(sources[0], root, "mnist")
    for n in range(1, operations + 1):
        before = which()
        server.start("import", sources[1 - before], root, progress, n)
        assert server.wait() == signal.SIGKILL
        assert which() in (0, 1)
    print(f"\nimport: {operations} of {operations} crash points")
