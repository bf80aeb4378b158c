"""One word, one place: the kinds, methods, LoRA variants and statuses are titled once, in the core's registry
(core/vocabulary.py), and the window translates those titles (gui/i18n/words.py) instead of keeping its own.

The scan below reads every module of the program for a table of titles keyed by those names, so a second
table anywhere (the window, the command line, the benchmarks) fails it, whatever words it holds.
"""

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from lora_studio.core import vocabulary
from lora_studio.gui.background.kinds import JobKind, asks_before_closing, is_quiet, job_title
from lora_studio.gui.i18n import words

ROOT = Path(__file__).resolve().parents[3]
NAMES = {*vocabulary.KINDS, *vocabulary.METHODS, *vocabulary.VARIANTS, *(s.value for s in vocabulary.Status)}
SCANNED = [*sorted((ROOT / "lora_studio").rglob("*.py")), ROOT / "tests" / "benchmarks" / "bench_training.py"]
REGISTRY = ROOT / "lora_studio" / "core" / "vocabulary.py"


def _text(node: ast.AST) -> str | None:
    """The text a dict value holds: a string, a marked string QT_TRANSLATE_NOOP(context, text), or tr(text)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and node.args:
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in ("QT_TRANSLATE_NOOP", "translate") and len(node.args) >= 2:
            return _text(node.args[1])
        if name == "tr":
            return _text(node.args[0])
    return None


def _looks_like_a_title(text: str) -> bool:
    """A word or a short phrase; not a colour ("#1b6fb5"), a plot marker ("o", "star") or a tooltip's sentence."""
    if text.startswith("#") or len(text) > 40:
        return False
    return not (len(text) <= 4 and text.islower())


def title_tables(path: Path) -> list[str]:
    """Where `path` holds a dict literal mapping two or more of the registry's names to titles."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict):
            continue
        titled = [key.value for key, value in zip(node.keys, node.values, strict=True)
                  if isinstance(key, ast.Constant) and key.value in NAMES
                  and (text := _text(value)) is not None and _looks_like_a_title(text)]
        if len(titled) >= 2:
            found.append(f"{path.name}:{node.lineno} titles {', '.join(titled)}")
    return found


def test_no_module_but_the_registry_keeps_a_table_of_titles():
    tables = [where for path in SCANNED if path != REGISTRY for where in title_tables(path)]
    assert tables == []


def test_the_scan_finds_a_table_of_titles_written_anywhere(tmp_path):
    """The scan itself: the tables this issue removed would each be found."""
    copy = tmp_path / "copy.py"
    copy.write_text('from PySide6.QtCore import QT_TRANSLATE_NOOP\n'
                    'KIND_TITLES = {"feature_lora": QT_TRANSLATE_NOOP("t", "feature+LoRA"), "control_lora": '
                    'QT_TRANSLATE_NOOP("t", "control (LoRA only)")}\n'
                    'PHASE_NAMES = {"feature_lora": "feature+LoRA", "head": "head only"}\n'
                    'VARIANT_TITLES = {"lora": "LoRA", "rslora": "rsLoRA"}\n'
                    'def ended(self, status):\n'
                    '    return {"finished": self.tr("Finished"), "failed": self.tr("Failed")}.get(status)\n'
                    'COLOURS = {"base": "#1b6fb5", "lora": "#7570b3"}\n'
                    'MARKERS = {"lora": "o", "dora": "s"}\n'
                    'TIPS = {"lora": "LoRA: the frozen weight plus a low-rank update; only A and B are trained.", '
                    '"dora": "DoRA: each output is split into a length and a direction."}\n')
    assert [where.rsplit(":", 1)[1] for where in title_tables(copy)] == [
        "2 titles feature_lora, control_lora", "3 titles feature_lora, head", "4 titles lora, rslora",
        "6 titles finished, failed"]


class _Marking(QTranslator):
    """A stand-in for a .qm file: every text written [context|text], so a title that is not translated shows."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{context}|{source}]"

    def isEmpty(self):
        return False


@pytest.fixture
def marking(qapp):
    translator = _Marking()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_kind_method_variant_and_status_is_translated_from_the_registry(marking):
    for name, kind in vocabulary.KINDS.items():
        assert words.kind_title(name) == f"[kinds|{kind.title}]"
    for name, method in vocabulary.METHODS.items():
        assert words.method_title(name) == f"[methods|{method.title}]"
        assert words.method_description(name) == f"[methods|{method.description}]"
    for name, variant in vocabulary.VARIANTS.items():
        assert words.variant_title(name) == f"[variants|{variant.title}]"
    for status in vocabulary.Status:
        title = vocabulary.STATUS_TITLES[status]
        assert words.status_title(status) == words.status_title(status.value) == f"[statuses|{title}]"
    assert words.job_ended("Sweep", "stopped", "by you") == "[words|Sweep [statuses|stopped]: by you]"


def test_a_name_the_core_does_not_know_is_shown_as_it_is(qapp):
    assert words.kind_title("distilled") == "distilled" and words.method_title("lottery") == "lottery"
    assert words.variant_title("vera") == "vera" and words.status_title("paused") == "paused"
    assert words.status_title(None) == "None" and words.method_description("lottery") == ""
    assert words.kind_title("control_lora") == "control" and words.kind_title("lora") == "LoRA"


def test_each_kind_of_job_is_titled_and_judged_once(marking):
    assert job_title("lora") == job_title(JobKind.LORA) == "[jobs|LoRA fine-tuning]"
    assert job_title("new-kind") == "new-kind"
    quiet = {kind.value for kind in JobKind if kind.quiet}  # what the window starts by itself to show something
    assert {"preview", "adapter", "strength"} <= quiet and not quiet & {"load", "base", "lora", "evaluate", "sweep"}
    asking = {kind.value for kind in JobKind if kind.ask_before_closing}
    assert asking == {"download", "import", "base", "lora", "sweep"}
    assert is_quiet("adapter") and not is_quiet("evaluate") and not is_quiet("new-kind")
    assert asks_before_closing("sweep") and not asks_before_closing("export")
    assert job_title(JobKind.ADAPTER) != job_title(JobKind.PREVIEW)  # reading an adapter is no task preview
