"""Choosing the window's language, putting it in effect, and View → Language (gui/i18n/language.py,
gui/language_menu.py)."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from lora_studio.gui.i18n import language as i18n
from lora_studio.gui.language_menu import restart_command
from lora_studio.gui.shared.settings import open_settings


@pytest.fixture(autouse=True)
def english_afterwards(qapp, monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    yield
    i18n.apply("en", qapp)


@pytest.mark.parametrize(("name", "language"), [
    ("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("zh", "zh_CN"), ("zh_Hans_CN.UTF-8", "zh_CN"), ("zh_TW", "zh_CN"),
    ("en", "en"), ("en_GB", "en"), ("C", "en"), ("de_DE", None), ("", None), (None, None), (3, None),
])
def test_normalise(name, language):
    assert i18n.normalise(name) == language


def test_system_language_follows_a_chinese_locale_only():
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "zh_CN"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    assert i18n.system_language(QLocale("en_US")) == "en"


def test_option_beats_environment_beats_remembered_choice(monkeypatch):
    settings = open_settings()
    i18n.remember_language(settings, "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    assert i18n.chosen_language(settings) == "en"
    assert i18n.chosen_language(settings, override="zh_CN") == "zh_CN"


def test_first_start_follows_the_system(monkeypatch, capsys):
    settings = open_settings()
    monkeypatch.setattr(i18n, "system_language", lambda locale=None: "zh_CN")
    assert i18n.remembered_language(settings) is None
    assert i18n.chosen_language(settings) == "zh_CN"
    monkeypatch.setenv(i18n.ENVIRONMENT, "klingon")  # a wrong value is said and ignored
    assert i18n.chosen_language(settings) == "zh_CN"
    assert "LORA_STUDIO_LANGUAGE='klingon'" in capsys.readouterr().err


def test_apply_installs_the_translations_and_the_locale(qapp):
    installed = i18n.apply("zh_CN", qapp)
    assert not installed.missing
    assert len(installed.translators) == 2  # ours and Qt's qtbase
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().language() == QLocale.Language.Chinese
    i18n.apply("en", qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() != QLocale.Language.Chinese


FRESH_SYSTEM = """
    from PySide6.QtGui import QTextLayout, QFont
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from lora_studio.gui.i18n import language as i18n
    print("before", i18n.system_has_chinese_font())
    print("registered", i18n.apply("zh_CN", app).font_family)
    layout = QTextLayout("取消", QFont())
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    print("drawn with", sorted({run.rawFont().familyName() for run in layout.glyphRuns()}))
"""


def test_a_system_without_chinese_fonts_draws_chinese_with_the_bundled_subset(tmp_path):
    """Fontconfig limited to DejaVu, as on a fresh Debian: the subset is registered and Qt falls back to it."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not sys.platform.startswith("linux") or not dejavu.is_dir():
        pytest.skip("needs fontconfig and DejaVu")
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{dejavu}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    env = {"FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", textwrap.dedent(FRESH_SYSTEM)], env=env,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert "before False" in completed.stdout
    assert "registered Noto Sans CJK SC" in completed.stdout
    assert "drawn with ['Noto Sans CJK SC']" in completed.stdout


def test_language_menu_remembers_and_offers_a_restart(make_window, qtbot):
    window = make_window(wait_ready=False)
    menu = window.language_menu
    assert [a.text() for a in menu.actions()] == ["English", "简体中文"]
    assert menu.actions_by_language["en"].isChecked()
    asked, restarted = [], []
    menu.ask_restart = lambda language: asked.append(language) or True
    menu.restart = lambda win: restarted.append(win)
    menu.actions_by_language["zh_CN"].trigger()
    assert i18n.remembered_language(open_settings()) == "zh_CN"
    assert asked == ["zh_CN"] and restarted == [window]
    assert menu.actions_by_language["zh_CN"].isChecked() and not menu.actions_by_language["en"].isChecked()
    menu.ask_restart = lambda language: asked.append(language) or False
    menu.actions_by_language["en"].trigger()  # the language in effect: remembered, nothing to restart for
    assert i18n.remembered_language(open_settings()) == "en"
    assert asked == ["zh_CN"] and restarted == [window]
    title, text = menu.texts("zh_CN")
    assert "简体中文" in text and "Restart now?" in text


def test_restart_drops_options_that_would_undo_the_choice(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/venv/bin/lora-studio", "gui", "--language", "zh_CN", "--quit-after-shown"])
    assert restart_command() == (sys.executable, ["/venv/bin/lora-studio", "gui"])
    monkeypatch.setattr(sys, "argv", ["/x/lora_studio/__main__.py", "--language=en"])
    assert restart_command() == (sys.executable, ["-m", "lora_studio"])
