"""ModelLibrary.list(reuse) and entry(): a caller that keeps the entries of unchanged folders lists the library
without reading them again, and gets the same rows, in the same order, as a full listing."""

import torch

from lora_studio.core import config as cfg
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord, newest_first


def saved(library: ModelLibrary, model_id: str, name: str, created: str) -> None:
    torch.manual_seed(0)
    library.save(MnistCNN(), ModelRecord(kind="base", name=name, dataset="mnist", model=cfg.ModelConfig(),
                                         train=cfg.TrainConfig(), created=created), model_id)


def test_entries_given_by_reuse_are_not_read_and_the_listing_is_the_same(tmp_path, monkeypatch):
    library = ModelLibrary(tmp_path / "models")
    saved(library, "old", "Old", "2026-01-01T00:00:00")
    saved(library, "new", "New", "2026-02-01T00:00:00")
    (library.root / "broken").mkdir()  # no config.json: listed with its error
    full = library.list()
    assert [entry.id for entry in full] == ["new", "old", "broken"]
    assert full[2].record is None and full[2].error

    known = {entry.id: entry for entry in full}
    read: list[str] = []
    real_record = ModelLibrary.record
    monkeypatch.setattr(ModelLibrary, "record", lambda self, model_id: read.append(model_id) or real_record(
        self, model_id))
    assert library.list(lambda model_id: known.get(model_id) if model_id != "old" else None) == full
    assert read == ["old"]  # only the folder the caller had no entry for
    assert library.entry("new") == known["new"] and read == ["old", "new"]
    assert newest_first(reversed(full)) == full
