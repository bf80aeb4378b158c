"""The model library shows the `lora-studio` command that made the selected model, as `lora-studio
show-command` prints it (run_command.record_command), with its notes, and copies it (issue 21)."""

import shutil

import pytest
from command_checks import click_copy, copy_button

from lora_studio.core import paths
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows.run_command import record_command


@pytest.fixture(scope="module")
def trained_library(train_library, tmp_path_factory):
    """A base model, its brightness+LoRA model and its control (saved without a series: an older record)."""
    return train_library(tmp_path_factory.mktemp("library-command"))


@pytest.fixture
def saved_models(trained_library, app_home):
    root, ids = trained_library
    shutil.copytree(root, paths.models_dir(app_home))
    return ids


def test_each_models_command_is_the_one_show_command_prints_and_is_copied(qtbot, saved_models, window):
    dialog = window.show_library()
    view = dialog.command
    assert view.objectName() == "libraryCommandView"
    dialog.table.clearSelection()
    assert view.line() is None and not copy_button(dialog).isEnabled()
    assert view.text.toPlainText() == "Select a model to see the lora-studio command that made it."
    library = ModelLibrary(window.state.models_root)
    for kind, model_id in saved_models.items():
        dialog.select(model_id)
        expected = record_command(library.record(model_id), window.state.data_root, base_in_library=True)
        assert view.line() == expected.line(), kind
        assert view.notes() == [str(note) for note in expected.notes]
        assert view.text.toPlainText() == "\n".join([expected.line(), *(f"# {note}" for note in expected.notes)])
        assert ("train-base" in view.line()) == (kind == "base")
        copied, _ = click_copy(qtbot, window.state, dialog)
        assert copied == expected.line()
    dialog.select(saved_models["feature_lora"])
    assert any(note.startswith("Saved before LoRA Studio recorded a fine-tuning's other runs") for note in view.notes())


def test_a_model_whose_base_was_deleted_says_so_under_its_command(saved_models, window):
    dialog = window.show_library()
    dialog.confirm = lambda _question: True
    dialog.select(saved_models["base"])
    dialog.delete()
    dialog.select(saved_models["feature_lora"])
    record = ModelLibrary(window.state.models_root).record(saved_models["feature_lora"])
    expected = record_command(record, window.state.data_root, base_in_library=False)
    assert dialog.command.line() == expected.line()
    assert f"The base model {saved_models['base']} is no longer in the library" in "\n".join(dialog.command.notes())
