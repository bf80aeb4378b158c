"""The shared words (core/vocabulary.py): one registry each for kinds, methods, variants and statuses, their titles
marked for translation where they are written, and a control that is a role, never a model's kind on disk."""

import ast
import json
from pathlib import Path

import pytest

from lora_studio.core import config, vocabulary
from lora_studio.core.vocabulary import KINDS, METHODS, VARIANTS, Status

SOURCE = Path(vocabulary.__file__)


def marked_texts(path: Path) -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP call in a source file, as lupdate finds them: by the name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
            context, text = (arg.value for arg in node.args[:2])
            found.add((context, text))
    return found


def test_every_title_and_description_is_marked_in_its_context_where_it_is_written():
    marked = marked_texts(SOURCE)
    entries = [(vocabulary.KIND_CONTEXT, kind.title) for kind in KINDS.values()]
    entries += [(vocabulary.METHOD_CONTEXT, text) for m in METHODS.values() for text in (m.title, m.description)]
    entries += [(vocabulary.VARIANT_CONTEXT, text) for v in VARIANTS.values() for text in (v.title, v.description)]
    entries += [(vocabulary.STATUS_CONTEXT, vocabulary.STATUS_TITLES[status]) for status in Status]
    assert set(entries) <= marked
    assert len({kind.title for kind in KINDS.values()}) == len(KINDS)  # no two kinds read the same


def test_kinds_are_made_by_known_methods_and_a_control_is_kept_as_the_lora_model_it_is():
    assert list(KINDS) == ["base", "feature_lora", "control_lora", "lora", "head", "full", "scratch"]  # the order
    assert {kind.method for kind in KINDS.values()} == {None, *METHODS}
    assert [name for name, kind in KINDS.items() if kind.control] == ["control_lora"]
    assert vocabulary.LIBRARY_KINDS == ("base", "feature_lora", "lora", "head", "full", "scratch")
    assert vocabulary.library_kind("control_lora") == "lora"
    assert all(vocabulary.library_kind(kind) == kind for kind in vocabulary.LIBRARY_KINDS)
    assert vocabulary.method_of("control_lora") == vocabulary.method_of("lora") == "lora"
    assert vocabulary.method_of("base") is None and vocabulary.method_of("distilled") is None
    assert vocabulary.kind_order("feature_lora") < vocabulary.kind_order("control_lora") < vocabulary.kind_order(
        "lora") < vocabulary.kind_order("head") < vocabulary.kind_order("distilled")


def test_config_checks_settings_against_the_same_registries():
    assert config.METHODS is METHODS and config.LORA_VARIANTS is VARIANTS
    with pytest.raises(config.ConfigError, match="variant must be one of lora, rslora, dora"):
        config.LoraConfig(variant="vera")


def test_a_status_is_the_string_files_and_older_code_hold():
    assert Status.FINISHED == "finished" and "stopped" == Status.STOPPED and Status("diverged") is Status.DIVERGED
    assert {"failed": 1}[Status.FAILED] == 1  # hashes as its string: dict keys and sets keep working
    assert json.dumps({"status": Status.RUNNING}) == '{"status": "running"}'
    template = "{0}"  # as a translated template is filled
    assert f"{Status.FINISHED}" == str(Status.FINISHED) == "finished" and template.format(Status.STOPPED) == "stopped"
    with pytest.raises(ValueError):
        Status("cancelled")


def test_a_record_never_holds_the_control_role_as_its_kind():
    from lora_studio.core.storage.record import ModelRecord

    record = ModelRecord(kind="control_lora", name="n", dataset="mnist", model=config.ModelConfig(),
                         train=config.TrainConfig(), lora=config.LoraConfig())
    assert (record.kind, record.method, record.config_dict()["kind"]) == ("lora", "lora", "lora")
