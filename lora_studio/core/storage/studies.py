"""Sweeps on disk: one JSON file a study, written whole after every run, so a stopped sweep keeps its runs.

    studies/<id>.json   {"version", "id", "created", "name", "plan", "base_id", "task", "status",
                         "runs": [RUN, …], "pareto": [index into runs, …]}

RUN is PRODUCT.md's run record; `runs_csv` writes runs as CSV. A study file is read back checked: a damaged or
hand-edited one gets a StorageError naming what is wrong, never a traceback.
"""

import csv
import io
import re
import time
from collections.abc import Iterable
from pathlib import Path

from lora_studio.core import files
from lora_studio.core.errors import StorageError, os_reason
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.storage.model_files import json_bytes, read_json

MAX_STUDY_BYTES = 64_000_000  # every step's loss of every run: a large sweep is a few MB
RUN_KEYS = ("model_id", "base_id", "task", "method", "variant", "layers", "rank", "alpha", "lora_plus_ratio",
            "seed", "epochs", "trainable_params", "total_params", "target_accuracy", "source_accuracy",
            "base_target_accuracy", "base_source_accuracy", "forgetting", "wall_seconds", "loss")
#: a study's runs as CSV (`lora-studio sweep --csv`, the Compare tab's export): the RUN record without its loss
CSV_COLUMNS = tuple(key for key in RUN_KEYS if key != "loss")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class StudyStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def new_id(self) -> str:
        base = time.strftime("sweep-%Y%m%d-%H%M%S")
        candidate, n = base, 1
        while (self.root / f"{candidate}.json").exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def save(self, study: dict) -> Path:
        """Write `study` (with its "id") in one piece: the old file or the new one, never a mix."""
        path = self._path(study["id"])
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            files.atomic_write(path, json_bytes(study))
        except OSError as exc:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "could not save the study {0}: {1}"), study["id"],
                               os_reason(exc)) from None
        return path

    def load(self, study_id: str) -> dict:
        return check_study(read_json(self._path(study_id), MAX_STUDY_BYTES), study_id)

    def list(self) -> list[str]:
        """Study ids, newest first."""
        if not self.root.is_dir():
            return []
        return sorted((p.stem for p in self.root.glob("*.json") if _ID.match(p.stem)), reverse=True)

    def _path(self, study_id: str) -> Path:
        if not isinstance(study_id, str) or not _ID.match(study_id):
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not a study id"), repr(study_id))
        return self.root / f"{study_id}.json"


def check_study(data, study_id: str) -> dict:
    """`data` if it is a study LoRA Studio could have written; StorageError naming the first fault."""
    where = f"studies/{study_id}.json"
    if not isinstance(data, dict):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0} is not a JSON object"), where)
    runs, pareto = data.get("runs"), data.get("pareto")
    if not isinstance(runs, list) or not all(isinstance(run, dict) for run in runs):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: runs must be a list of run records"), where)
    for index, run in enumerate(runs):
        missing = [key for key in RUN_KEYS if key not in run]
        if missing:
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: run {1} lacks {2}"), where, index + 1,
                               ", ".join(missing))
        for key in ("trainable_params", "target_accuracy", "source_accuracy", "forgetting"):
            if isinstance(run[key], bool) or not isinstance(run[key], int | float):
                raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: run {1}: {2} must be a number, got {3}"), where,
                                   index + 1, key, f"{run[key]!r:.40}")
    if not isinstance(pareto, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(runs) for i in pareto):
        raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: pareto must list indices of its runs"), where)
    for key in ("base_id", "task", "status"):
        if not isinstance(data.get(key), str):
            raise StorageError(QT_TRANSLATE_NOOP("errors", "{0}: {1} must be text"), where, key)
    return data


def runs_csv(runs: Iterable[dict]) -> str:
    """One line per run, in the order given, under a header of CSV_COLUMNS: layers joined by '+', None (and a key
    a run lacks) as an empty cell. The one writer of both the command line's and the window's CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for run in runs:
        writer.writerow(["+".join(run[key]) if key == "layers" else ("" if run.get(key) is None else run[key])
                         for key in CSV_COLUMNS])
    return buffer.getvalue()
