"""`lora-studio export-code MODEL_ID --format py|ipynb -o PATH` (issue 21): what it writes, and what it refuses
with one line on stderr, exit code 2 and nothing written. The scripts themselves: tests/core/test_export_code*.py."""

import ast
import json

import nbformat
import pytest
from captured_cli import run

from lora_studio.cli import parser
from lora_studio.core import export_code


def quick(root):
    return ["--data-dir", root, "--offline", "--batch-size", 32, "--lr", 3e-3, "--limit", 100]


@pytest.fixture(scope="module")
def models(tiny_root, tmp_path_factory):
    """(base id, a LoRA model's id), trained on the tiny data in one app folder for the whole module."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LORA_STUDIO_HOME", str(home))
        folder = tmp_path_factory.mktemp("runs")
        assert run("train-base", *quick(tiny_root), "--epochs", 1, "--json", folder / "b.json")[0] == 0
        base_id = json.loads((folder / "b.json").read_text())["id"]
        assert run("finetune", base_id, *quick(tiny_root), "--epochs", 1, "--task", "rotate90", "--layers", "fc1",
                   "--rank", 2, "--json", folder / "f.json")[0] == 0
        model_id = json.loads((folder / "f.json").read_text())["model_id"]
    return home, base_id, model_id


@pytest.fixture
def home(models, monkeypatch):
    monkeypatch.setenv("LORA_STUDIO_HOME", str(models[0]))
    return models[0]


def test_the_parser_offers_the_cores_formats_and_languages():
    subcommands = next(a for a in parser.build_parser()._actions if a.dest == "command").choices
    options = {action.dest: action.choices for action in subcommands["export-code"]._actions}
    assert tuple(options["format"]) == export_code.FORMATS and tuple(options["language"]) == export_code.LANGUAGES


def test_export_code_writes_a_script(models, home, tiny_root, tmp_path):
    _, base_id, model_id = models
    code, printed, err = run("export-code", model_id, "-o", tmp_path / "run.py", "--data-dir", tiny_root)
    assert (code, err) == (0, "")
    assert f"Wrote the script of {model_id} to {tmp_path / 'run.py'}; run it with: python" in printed
    text = (tmp_path / "run.py").read_text(encoding="utf-8")
    ast.parse(text)
    assert f'DEFAULT_DATA_DIR = "{tiny_root}"' in text
    assert 'RANK, ALPHA, TARGET_MODULES = 2, 16.0, ["fc1"]' in text
    assert f'{home / "models" / base_id / "model.safetensors"}' in text


def test_the_format_follows_the_suffix_and_a_folder_gets_the_models_name(models, home, tmp_path):
    model_id = models[2]
    assert run("export-code", model_id, "-o", tmp_path / "run.ipynb", "--language", "zh_CN")[0] == 0
    notebook = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    assert "用 PEFT 实现 LoRA" in "".join(cell.source for cell in notebook.cells)
    assert run("export-code", model_id, "--format", "ipynb", "-o", tmp_path)[0] == 0
    nbformat.validate(nbformat.read(tmp_path / f"{model_id}.ipynb", as_version=4))


@pytest.mark.parametrize(("which", "message"), [
    ("base", "{base} is a base model, not a fine-tuning: export a model fine-tuned from it"),
    ("missing", "no model 'nothing-here' in"),
])
def test_what_cannot_be_exported_is_refused_in_one_line(models, home, tmp_path, which, message):
    _, base_id, _ = models
    model_id = base_id if which == "base" else "nothing-here"
    code, printed, err = run("export-code", model_id, "-o", tmp_path / "run.py")
    assert code == 2 and printed == ""
    assert err.startswith("lora-studio: " + message.format(base=base_id)) and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_a_usage_error(models, home, tmp_path):
    code, _, err = run("export-code", models[2], "--format", "pdf", "-o", tmp_path / "run.pdf")
    assert code == 2 and "invalid choice: 'pdf'" in err and list(tmp_path.iterdir()) == []
