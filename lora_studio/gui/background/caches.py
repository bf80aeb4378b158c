"""What the worker keeps between jobs: the data sets it has loaded. Touched from the worker thread only."""

from pathlib import Path


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
