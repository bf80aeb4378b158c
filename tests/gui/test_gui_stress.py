"""The window under stress: closed in the middle of every kind of job, start clicked twice, other jobs started
while one runs, settings changed during a run, pause/resume/stop at random moments, many trainings in a row.

What must hold: no thread left running and no "QThread: Destroyed while thread is still running"; the library
holds only complete models that load (a run stopped or closed is not saved, a save under way completes); a job
keeps the settings it started with; memory does not grow run after run. `make fuzz` (the hypothesis profile
"fuzz") runs more trials than `make test`; docs/RELIABILITY.md has the figures. Nothing here times anything:
the only limits are generous guards against a hang.
"""

import gzip
import hashlib
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import settings
from PySide6.QtCore import Qt

from lora_studio.core import data, paths, recipes, synthetic
from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.storage import ModelLibrary

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
CLOSE_ROUNDS = 4 if THOROUGH else 1  # each round closes one window in every scenario of closing_app.py
RANDOM_CONTROL_TRIALS = 40 if THOROUGH else 8
TRAININGS_IN_A_ROW = 20
SCENARIOS = ("base", "lora", "paused", "save", "download", "stall", "evaluate", "import", "export")
HELPER = Path(__file__).with_name("closing_app.py")
JOB_MS = 60_000


# --- shared material ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trained_library(tiny_dataset, tmp_path_factory):
    """A base model, its brightness+LoRA model and its control, trained once for this module."""
    library = ModelLibrary(tmp_path_factory.mktemp("stress-library"))
    quick = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
    base = recipes.train_base(tiny_dataset, quick)
    ids = {"base": library.save(base.model, base.record)}
    for kind, features in (("feature_lora", ("brightness",)), ("control_lora", ())):
        tuned = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), features, quick)
        ids[kind] = library.save(tuned.model, tuned.record)
    return library.root, ids


class Mirror:
    """Generated .gz files served as torchvision's mirror, over /slow/ (throttled) or /stall/ (stops sending
    after its first 8 KB and waits, noting whether the client hangs up)."""

    def __init__(self, folder: Path):
        self.files, self.resources = {}, []
        for key, array in synthetic.make_arrays(600, 200, seed=7).items():
            payload = gzip.compress(synthetic.idx_bytes(array), mtime=0)
            self.files[f"{data.FILES[key]}.gz"] = payload
            self.resources.append((f"{data.FILES[key]}.gz", hashlib.md5(payload).hexdigest()))
        self.stop = threading.Event()
        self.stalled = threading.Event()
        self.hung_up: list[str] = []
        mirror = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server's name)
                mode, _, name = self.path.strip("/").partition("/")
                body = mirror.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for start in range(0, len(body), 2048):
                        if mode == "stall" and start >= 8192:
                            mirror._wait_for_hang_up(self.connection, name)
                            return
                        self.wfile.write(body[start : start + 2048])
                        self.wfile.flush()
                        mirror.stop.wait(0.004)
                except OSError:
                    pass  # the client went away: a cancelled download

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def _wait_for_hang_up(self, connection, name: str) -> None:
        self.stalled.set()
        while not self.stop.is_set():
            readable, _, _ = select.select([connection], [], [], 0.05)
            if readable and not connection.recv(1, 0):
                self.hung_up.append(name)
                return

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()


@pytest.fixture
def mirror(tmp_path):
    served = Mirror(tmp_path)
    yield served
    served.close()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def assert_library_complete(root: Path) -> list:
    """Every model folder is complete and loads; nothing hidden is left but the lock file."""
    library = ModelLibrary(root)
    entries = library.list()
    for entry in entries:
        assert entry.record is not None, f"{entry.id}: {entry.error}"
        model, _ = library.load(entry.id)
        assert all(np.isfinite(p.detach().numpy()).all() for p in model.parameters())
    if root.exists():
        hidden = [p.name for p in root.iterdir() if p.name.startswith(".") and p.name != ".lock"]
        assert not hidden, f"left behind in the library: {hidden}"
    return entries


# --- closing the window in the middle of every kind of job (separate process) ---------------------------


def test_closing_the_window_at_random_moments_of_every_job_ends_cleanly(trained_library, mirror, tmp_path):
    """One process closes one window per trial (the last close ends it as the app ends): base and LoRA training
    at a random step, paused, while a model is written, a throttled and a stalled download, evaluation, import
    and export. Seeded: `make test` closes each scenario once, `make fuzz` four times at other moments."""
    library_root, ids = trained_library
    source = synthetic.write_folder(tmp_path / "import-source", n_train=300, n_test=100, seed=3)
    trials = []
    for round_ in range(CLOSE_ROUNDS):
        for scenario in SCENARIOS:
            home = tmp_path / f"{scenario}-{round_}"
            synthetic.write_folder(paths.datasets_dir(home) / "MNIST" / "raw", n_train=600, n_test=200, seed=0)
            if scenario in ("lora", "evaluate", "export"):
                shutil.copytree(library_root, paths.models_dir(home))
            trials.append({"scenario": scenario, "seed": 1000 * round_ + SCENARIOS.index(scenario),
                           "home": str(home), "source": str(source), "export_id": ids["feature_lora"],
                           "export_path": str(home / "merged.safetensors"),
                           "mirror": mirror.url + ("stall/" if scenario == "stall" else "slow/")})
    before = {t["home"]: (snapshot(paths.datasets_dir(Path(t["home"]))), snapshot(paths.models_dir(Path(t["home"]))))
              for t in trials}
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"trials": trials, "resources": mirror.resources}))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(HELPER), str(plan)], capture_output=True, text=True, env=env,
                          timeout=240 + 120 * CLOSE_ROUNDS)  # a guard against a hang, not a limit on speed
    assert done.returncode == 0, done.stderr[-4000:]
    for bad in ("Destroyed while thread", "Traceback", "Fatal", "Exception"):
        assert bad not in done.stderr, done.stderr[-4000:]
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "done", done.stdout[-2000:]
    reports = [json.loads(line) for line in lines[:-1]]
    assert len(reports) == len(trials)
    for report in reports:  # pytest -s shows them: the figures of docs/RELIABILITY.md
        print("closed:", json.dumps(report))

    for trial, report in zip(trials, reports, strict=True):
        home, scenario = Path(trial["home"]), trial["scenario"]
        what = f"{scenario} (seed {trial['seed']}): {report}"
        assert not report["thread_running"], what
        assert report.get("started") or scenario == "evaluate", what
        data_before, models_before = before[trial["home"]]
        entries = assert_library_complete(paths.models_dir(home))
        new = [e for e in entries if e.id not in ids.values()]
        if scenario in ("base", "paused"):  # closed mid-training: nothing saved, unless it had finished
            assert len(new) == (1 if report.get("ended") == "finished" else 0), what
        elif scenario == "save":  # closed while the model was written: the save completed
            assert [e.record.kind for e in new] == ["base"], what
        elif scenario == "lora":  # the runs that finished before the close, in order, each complete
            order = ["feature_lora", "control_lora"] * 2
            kinds = [e.record.kind for e in sorted(new, key=lambda e: (e.record.created, e.id))]
            assert sorted(kinds) == sorted(order[: len(kinds)]), what
        else:
            assert snapshot(paths.models_dir(home)) == models_before, what
        datasets = paths.datasets_dir(home)
        if scenario == "import":  # an import cannot be stopped: it completed before the window closed
            assert len(data.load_dataset(datasets, "mnist").train) == 300, what
        else:  # a download closed mid-way changed nothing
            assert snapshot(datasets) == data_before, what
        if scenario == "export":
            exported = Path(trial["export_path"])
            from safetensors.torch import load_file

            assert "fc1.weight" in load_file(exported), what
            assert [p.name for p in exported.parent.iterdir() if p.name.startswith(".")] == [], what
    # the stalled download was cancelled by hanging up on the mirror, not by waiting for its timeout
    assert mirror.hung_up, ("the stalled downloads never hung up", json.dumps(reports))


def test_cancelling_a_stalled_download_stops_it_at_once(qtbot, make_window, mirror, monkeypatch, tiny_data):
    """A mirror that stops sending kept the read waiting for its 20 s timeout, then the next mirror was tried
    (the same wait again): "Cancel download" ended 40 s later as "Download failed … offline?", and closing the
    window froze it as long. The connection is now hung up on as soon as the download is cancelled."""
    from torchvision import datasets

    from lora_studio.core import download

    monkeypatch.setattr(datasets.MNIST, "mirrors", [mirror.url + "stall/"] * 2)
    monkeypatch.setattr(datasets.MNIST, "resources", mirror.resources)
    monkeypatch.setattr(download, "TIMEOUT_S", 600)  # only cancelling can end it (60 s below guard a hang)
    window = make_window()
    before = snapshot(window.state.data_root)
    tab = window.dataset_tab
    qtbot.mouseClick(tab.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(mirror.stalled.is_set, timeout=JOB_MS)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        qtbot.mouseClick(tab.download_button, Qt.MouseButton.LeftButton)  # "Cancel download"
    assert ended.args[:2] == ["download", "stopped"], ended.args
    assert mirror.hung_up == ["train-images-idx3-ubyte.gz"]  # one connection, hung up on; no second mirror
    assert snapshot(window.state.data_root) == before and window.state.dataset is not None
    assert tab.download_button.text() == "Download" and not [m for m in window.messages if m[0] == "error"]
