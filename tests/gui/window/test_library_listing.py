"""The model library as the window lists it (gui/shared/state/listing.py): read in the worker when a job ends, re-read
only where a folder changed, and the views (their combos and lists) told only when something did."""

import shutil
import threading

import pytest
from qt_timeouts import JOB_MS

from lora_studio.core import paths
from lora_studio.core.storage.library import ModelLibrary


@pytest.fixture
def reads(monkeypatch):
    """Every model the core's listing reads (ModelLibrary.entry: its JSON files read and checked), and whether
    in the GUI thread. A look at the library that finds nothing changed reads none."""
    calls: list[tuple[str, bool]] = []
    real_entry = ModelLibrary.entry

    def entry(self, model_id):
        calls.append((model_id, threading.current_thread() is threading.main_thread()))
        return real_entry(self, model_id)

    monkeypatch.setattr(ModelLibrary, "entry", entry)
    return calls


class Changes:
    """Counts what the views were told and redrew: sigModelsChanged, and rows put in or taken out of the LoRA
    tab's base combo and the Evaluation tab's model list."""

    def __init__(self, window):
        self.told = 0
        self.rows = {"bases": 0, "evaluation": 0}
        window.state.sigModelsChanged.connect(self._told)
        for name, model in (("bases", window.lora_tab.base_combo.model()),
                            ("evaluation", window.eval_tab.selector.model())):
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(lambda *_args, name=name: self._row(name))

    def _told(self, _models) -> None:
        self.told += 1

    def _row(self, name: str) -> None:
        self.rows[name] += 1

    def none(self) -> bool:
        return self.told == 0 and not any(self.rows.values())


def test_a_training_started_from_the_tab_is_listed_in_the_worker_not_the_gui_thread(qtbot, window, reads):
    changes = Changes(window)
    window.base_tab.epochs.setValue(1)
    with qtbot.waitSignal(window.state.sigJobEnded, timeout=JOB_MS) as ended:
        window.base_tab.panel.start_button.click()
    assert ended.args[:2] == ["base", "finished"]
    model_id = window.state.models[0].id
    assert window.lora_tab.base_combo.currentData() == model_id and changes.told == 1
    assert (model_id, False) in reads and not any(in_gui for _, in_gui in reads), reads
    reads.clear()
    for index in range(window.tabs.count()):  # each shown tab looks at the library: nothing new, nothing read
        window.tabs.setCurrentIndex(index)
    assert reads == [] and changes.told == 1


def test_an_unchanged_library_tells_nobody_and_a_change_rereads_only_its_folder(qtbot, make_window, tiny_data,
                                                                                 train_library, tmp_path, reads):
    root, ids = train_library(tmp_path / "library")
    shutil.copytree(root, paths.models_dir(tiny_data))
    window = make_window()
    state = window.state
    assert {info.id for info in state.models} == set(ids.values())
    changes = Changes(window)
    reads.clear()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    state.refresh_models()
    assert reads == [] and changes.none()

    state.library().rename(ids["feature_lora"], "renamed")
    state.refresh_models()
    assert reads == [(ids["feature_lora"], True)] and changes.told == 1
    assert next(info.name for info in state.models if info.id == ids["feature_lora"]) == "renamed"
    assert changes.rows["bases"] == 0 and changes.rows["evaluation"] > 0  # the bases are the same: left alone

    state.library().delete(ids["control_lora"])
    state.refresh_models()
    assert reads == [(ids["feature_lora"], True)] and changes.told == 2  # nothing left to read of it
    assert {info.id for info in state.models} == {ids["base"], ids["feature_lora"]}

    state.library().rename(ids["base"], "renamed base")
    state.refresh_models()
    assert reads[-1] == (ids["base"], True) and changes.rows["bases"] > 0
    assert window.lora_tab.base_combo.currentText().startswith("renamed base")
