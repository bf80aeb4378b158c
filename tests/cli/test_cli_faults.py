"""The command line against hostile names, broken models and odd folders: one line and exit 2, or success."""

import json
from pathlib import Path

import pytest
import torch
from captured_cli import run

from lora_studio.core import config as cfg
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord


def save_base(home: Path, model_id: str = "m", name: str = "Base") -> ModelLibrary:
    library = ModelLibrary(home / "models")
    torch.manual_seed(0)
    library.save(MnistCNN(), ModelRecord(kind="base", name=name, dataset="mnist", model=cfg.ModelConfig(),
                                         train=cfg.TrainConfig()), model_id)
    return library


MARKUP = ["[/bold] x", "[red]unclosed", "[/]", "a [link=file:///etc]b[/link]", ":thumbs_up: [b]"]


@pytest.mark.parametrize("name", MARKUP)
def test_names_that_look_like_rich_markup_are_shown_as_they_are(name, app_home):
    """A name like '[/bold]' made `models list` and `models rename` crash with rich's MarkupError."""
    save_base(app_home)
    assert run("models", "rename", "m", name)[0] == 0
    code, out, err = run("models", "list")
    assert code == 0 and not err, err
    code, out, err = run("models", "list", "--json", app_home / "l.json")
    assert code == 0 and json.loads((app_home / "l.json").read_text())[0]["name"] == name


def test_a_broken_entry_whose_error_quotes_markup_is_listed(app_home):
    library = save_base(app_home)
    config = json.loads((library.root / "m" / "config.json").read_text())
    config["kind"] = "[/red]"
    (library.root / "m" / "config.json").write_text(json.dumps(config))
    (library.root / "[b]odd").mkdir()  # a folder someone made by hand: listed as broken, not a crash
    code, out, err = run("models", "list")
    assert code == 0 and not err, err
    assert "broken" in out and "[b]odd" in out


def test_metrics_named_like_the_listings_own_fields_do_not_override_them(app_home):
    """A metrics.json holding {"error": false} made `models list --json` report a readable model's error as
    false instead of null (found by the CLI fuzzing); its id, kind and name were open to the same."""
    library = save_base(app_home)
    (library.root / "m" / "metrics.json").write_text(json.dumps(
        {"error": False, "id": "other", "kind": "x", "name": "y", "test_accuracy": 0.5}))
    code, _, err = run("models", "list", "--json", app_home / "l.json")
    assert code == 0 and not err, err
    (listed,) = json.loads((app_home / "l.json").read_text())
    assert listed["error"] is None and listed["id"] == "m" and listed["kind"] == "base" and listed["name"] == "Base"
    assert listed["test_accuracy"] == 0.5


def test_a_home_folder_with_brackets_in_its_path(tmp_path, monkeypatch):
    home = tmp_path / "[/x] home"
    monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
    assert run("models", "list")[0] == 0
    save_base(home)
    code, out, err = run("models", "show", "m")
    assert code == 0 and not err, err


def test_an_error_quoting_a_newline_is_still_one_line(app_home, tmp_path):
    """A key "\\n" in config.json (found by the CLI fuzzing) or a folder name with a newline in it
    made the one-line error two lines."""
    library = save_base(app_home)
    config = json.loads((library.root / "m" / "config.json").read_text())
    config["model"]["\nx"] = 1
    (library.root / "m" / "config.json").write_text(json.dumps(config))
    code, _, err = run("models", "show", "m")
    assert code == 2 and err.count("\n") == 1 and "unknown setting(s) '\\nx'" in err, err
    folder = tmp_path / "two\nlines"
    folder.mkdir()
    code, _, err = run("data", "import", folder)
    assert code == 2 and err.count("\n") == 1 and "two\\nlines" in err, err
