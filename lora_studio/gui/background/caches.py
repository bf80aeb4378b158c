"""What the worker keeps between jobs: the data sets it has loaded, and the adapter stacks the Evaluation tab
scores. Touched from the worker thread only."""

from pathlib import Path
from typing import Any


class DataCache:
    """Data sets loaded by jobs, kept for the next job. Used from the worker thread only."""

    def __init__(self):
        self._loaded: dict[tuple[str, str], object] = {}

    def get(self, root: Path, name: str):
        from lora_studio.core.data import datasets as data

        key = (str(root), name)
        if key not in self._loaded:
            data.recover_interrupted_import(root, name)
            self._loaded[key] = data.load_dataset(root, name)
        return self._loaded[key]

    def put(self, root: Path, dataset) -> None:
        self._loaded[(str(root), dataset.info.name)] = dataset

    def forget(self, root: Path, name: str) -> None:
        self._loaded.pop((str(root), name), None)


class StackCache:
    """The adapter stacks (core evaluation/stack.py) loaded by the stack jobs (AppState.stacks: the Evaluation tab's
    stack page and the Learn tab's stacking lessons), with the test splits they are scored on, kept between jobs
    so that moving a weight costs a scoring, not a load; and what does not depend on the weights (the base's and
    each adapter's own scores), by the caller's key. At most `keep` stacks (the one on screen and its seed
    siblings') stay, the least recently used go first. Used from the worker thread only."""

    def __init__(self, keep: int = 8):
        self.keep = keep
        self._stacks: dict[tuple, tuple[object, list]] = {}  # (models root, ids) → (AdapterStack, records)
        self._splits: dict[tuple[str, str, str], object] = {}  # (data root, data set, task) → test Split
        self.scores: dict[tuple, Any] = {}  # the jobs' weight-independent scores, by their own keys

    def stack(self, models: Path, ids) -> tuple:
        """(AdapterStack, records) of the LoRA models `ids` of the library in `models`, loaded once (the core's
        load_stack refuses, with one line, what cannot be stacked)."""
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows.adapter_stack import load_stack

        key = (str(models), tuple(ids))
        found = self._stacks.pop(key, None)
        if found is None:
            found = load_stack(ModelLibrary(models), list(ids))
        self._stacks[key] = found  # the most recently used last
        while len(self._stacks) > self.keep:
            self._stacks.pop(next(iter(self._stacks)))
        return found

    def split(self, data: DataCache, root: Path, dataset: str, task: str):
        """The test split of `task` ("same": the data set's own) made from the data set `dataset`."""
        from lora_studio.core.workflows.adapter_stack import task_splits

        key = (str(root), dataset, task)
        if key not in self._splits:
            self._splits[key] = task_splits(data.get(root, dataset), [task], root)[task]
        return self._splits[key]
