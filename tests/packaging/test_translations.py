"""The translations shipped are those of the sources: a forgotten `make translations` fails here.

Also: the wheel carries the .qm files and the Chinese font where gui/i18n/language.py looks for them, and the font
holds every character the translations use.
"""

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_ts_and_qm_are_up_to_date(capsys):
    """The .ts holds exactly the strings the sources mark (lupdate), and the .qm is that .ts compiled."""
    assert load_script().check() == 0, capsys.readouterr().err


def test_the_check_notices_a_qm_that_was_not_rebuilt(tmp_path, monkeypatch, capsys):
    script = load_script()
    stale = tmp_path / "lora_studio_zh_CN.qm"
    stale.write_bytes(b"not the compiled .ts")
    monkeypatch.setattr(script, "qm_path", lambda _language: stale)
    assert script.check() == 1
    assert "make translations" in capsys.readouterr().err


def test_qm_parser_reads_qts_own_translations():
    script = load_script()
    qt = script.qt_catalogue("zh_CN")
    if qt is None:
        pytest.skip("this PySide6 has no qtbase_zh_CN.qm")
    texts = script.qm_translations(qt)
    assert "取消" in texts  # Cancel, on every dialog's button


def test_font_subset_draws_every_character_the_translations_use(qapp):
    from PySide6.QtGui import QRawFont

    from lora_studio.gui.i18n import language as i18n

    script = load_script()
    font = ROOT / "lora_studio" / "resources" / "fonts" / i18n.CJK_FONT
    raw = QRawFont(str(font), 16)
    assert raw.isValid()
    needed = {ch for text in [*script.messages(script.ts_path("zh_CN")).values(), *i18n.LANGUAGES.values()]
              for ch in text if ord(ch) > 0x7F and ch.isprintable()}
    missing = sorted(ch for ch in needed if not raw.supportsCharacter(ord(ch)))
    assert not missing, f"the font lacks {''.join(missing)}: run `make translations`"


def test_cli_language_choices_are_the_windows_languages():
    from lora_studio.cli.parser import build_parser
    from lora_studio.gui.i18n import language as i18n

    gui = build_parser()._subparsers._group_actions[0].choices["gui"]
    option = next(a for a in gui._actions if "--language" in a.option_strings)
    assert tuple(option.choices) == tuple(i18n.LANGUAGES)


@pytest.mark.slow
def test_wheel_carries_the_translations_and_the_font(tmp_path):
    """Built as pip builds it: the package data globs of pyproject.toml reach the files i18n.py opens."""
    completed = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                                "--quiet", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stderr
    wheel = next(tmp_path.glob("lora_studio-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("lora_studio/translations/lora_studio_zh_CN.qm", "lora_studio/translations/__init__.py",
                 "lora_studio/resources/fonts/NotoSansCJKsc-LoRAStudio-subset.otf",
                 "lora_studio/resources/fonts/OFL.txt"):
        assert name in names, name


def test_package_data_lookup_finds_the_catalogue_and_qt_loads_it(qapp):
    from PySide6.QtCore import QTranslator

    from lora_studio.gui.i18n import language as i18n

    path = i18n.catalogue_path("zh_CN")
    assert path.is_file() and path.parent.name == "translations"
    assert QTranslator().load(str(path))


def test_reuse_finishes_a_moved_text_with_its_translation_and_leaves_mere_suggestions(tmp_path, monkeypatch):
    """`--reuse`: a text that moved to another context keeps its one translation; lupdate's suggestion from a merely
    similar text, a text translated two ways and a text with a disambiguation stay for the translator."""
    script = load_script()
    ts = tmp_path / "x.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>old</name>
<message><source>{0} is not a folder</source><translation>{0} 不是文件夹</translation></message>
<message><source>Download</source><translation>下载</translation></message>
</context>
<context><name>other</name>
<message><source>Download</source><translation>下载中</translation></message>
</context>
<context><name>errors</name>
<message><source>{0} is not a folder</source><translation type="unfinished"></translation></message>
<message><source>{0} is not a file</source><translation type="unfinished">{0} 不是文件夹</translation></message>
<message><source>Download</source><translation type="unfinished"></translation></message>
<message><source>{0} is not a folder</source><comment>elsewhere</comment>
<translation type="unfinished"></translation></message>
</context>
</TS>
""", encoding="utf-8")
    monkeypatch.setattr(script, "lupdate", lambda _ts: None)
    assert script.reuse_translations(ts, {}) == [("errors", "{0} is not a folder")]
    finished = script.finished_messages(ts)
    assert finished[("errors", "{0} is not a folder")] == "{0} 不是文件夹"
    assert ("errors", "{0} is not a file") not in finished and ("errors", "Download") not in finished
