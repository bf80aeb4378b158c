"""The window's language: which one, its translations, its number formats, and a font for Chinese.

Qt translates a string when a widget is made, so the language is chosen once per process, before any
widget is built (`apply`); a change from View → Language takes effect at the next start (the menu offers
to restart at once). What is chosen, first match wins: `gui --language`, the environment variable
LORA_STUDIO_LANGUAGE (tests, the bundle's smoke test), the choice remembered from the menu, and at first
start the system's language (Chinese → 简体中文, anything else → English).

The command line never comes here: it speaks English.
"""

import os
import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

#: the languages the window speaks, each named in its own language (the menu shows these names)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT = "en"  # the language the source strings are written in: it needs no translation file
SETTING = "ui/language"
ENVIRONMENT = "LORA_STUDIO_LANGUAGE"
#: our translations, package data of lora_studio.translations: lora_studio_<language>.qm
CATALOGUE = "lora_studio_{}.qm"
#: Qt's own (standard buttons, file dialogs, context menus), from Qt's translations folder
QT_CATALOGUES = ("qtbase_{}.qm",)
#: a subset of Noto Sans CJK SC holding the characters the Chinese window uses (packaging/translations.py)
CJK_FONT = "NotoSansCJKsc-LoRAStudio-subset.otf"


def normalise(name: object) -> str | None:
    """One of LANGUAGES for a name as people and locales write it ("zh", "zh-CN", "zh_Hans_CN", "en_GB"…)."""
    if not isinstance(name, str) or not name.strip():
        return None
    code = name.strip().replace("-", "_").split(".")[0].lower()
    if code == "zh" or code.startswith("zh_"):
        return "zh_CN"
    if code in ("en", "c", "posix") or code.startswith("en_"):
        return "en"
    return None


def system_language(locale: QLocale | None = None) -> str:
    """The language to start in when nothing was chosen: Chinese for any Chinese locale, else English."""
    locale = locale if locale is not None else QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else DEFAULT


def chosen_language(settings: QSettings, override: str | None = None) -> str:
    """The language to start in: the option, then the environment, then the remembered choice, then the system's."""
    environment = os.environ.get(ENVIRONMENT)
    if environment and normalise(environment) is None:
        print(f"lora-studio: {ENVIRONMENT}={environment!r} is not one of {', '.join(LANGUAGES)}; ignored",
              file=sys.stderr)
    for candidate in (override, environment, settings.value(SETTING)):
        language = normalise(candidate)
        if language is not None:
            return language
    return system_language()


def remembered_language(settings: QSettings) -> str | None:
    """The language chosen from the menu, if any (None: follow the system)."""
    return normalise(settings.value(SETTING))


def remember_language(settings: QSettings, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings.setValue(SETTING, language)
    settings.sync()  # a restart follows at once: the new process must read it


def overridden() -> bool:
    """Whether the environment fixes the language, so a choice from the menu cannot apply while it is set."""
    return normalise(os.environ.get(ENVIRONMENT)) is not None


def catalogue_path(language: str) -> Path:
    """Where our compiled translation for `language` is: package data, in the wheel and in the bundle alike."""
    return Path(str(files("lora_studio.translations").joinpath(CATALOGUE.format(language))))


def qt_translations_folders() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's translations path, then PySide6's folder (a bundle may lay it out so)."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    return list(dict.fromkeys(folders))


@dataclass
class Installed:
    """What `apply` did: the translators must stay referenced while the application lives."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # catalogues that could not be loaded
    font_family: str | None = None  # the bundled CJK font, when the system had none


_installed: Installed | None = None
_registered_family: str | None = None
_system_locale: QLocale | None = None


def apply(language: str, app: QApplication | None = None) -> Installed:
    """Put `language` into effect for this process: call before any widget is built.

    Removes what an earlier call installed (tests switch languages in one process), installs our
    translation and Qt's, sets the default QLocale so Qt formats numbers the language's way, and for
    Chinese adds the bundled font when no font on the system covers Chinese.
    """
    global _installed, _system_locale
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    app = app or QApplication.instance()
    if _system_locale is None:
        _system_locale = QLocale()  # before we change the default: the system's, or what the process set
    if _installed is not None:
        for translator in _installed.translators:
            app.removeTranslator(translator)
    installed = Installed(language)
    if language == DEFAULT:
        QLocale.setDefault(_system_locale)  # English text; numbers as the system writes them, as before
    else:
        QLocale.setDefault(QLocale(language))
        _load(app, installed, catalogue_path(language))
        for pattern in QT_CATALOGUES:
            name = pattern.format(language)
            found = next((folder / name for folder in qt_translations_folders() if (folder / name).is_file()), None)
            if found is None:
                installed.missing.append(name)
            else:
                _load(app, installed, found)
        if language.startswith("zh"):
            installed.font_family = ensure_chinese_font()
    _installed = installed
    return installed


def _load(app: QApplication, installed: Installed, path: Path) -> None:
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        installed.translators.append(translator)
    else:
        installed.missing.append(str(path))


def system_has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_chinese_font() -> str | None:
    """Register the bundled subset of Noto Sans CJK SC when no font on the system covers Chinese.

    A fresh Debian or a minimal desktop has only Latin fonts (DejaVu): Chinese would be drawn as empty
    boxes. A system font is preferred when there is one: it covers every character, also those in
    text the translation does not hold (file names, a person's own folder names).
    Returns the family registered, or None when none was needed (or the file is missing).
    """
    global _registered_family
    # fontconfig does not count a subset this small as covering Chinese: remember it was registered
    if _registered_family is not None or system_has_chinese_font():
        return _registered_family
    path = Path(str(files("lora_studio.resources").joinpath("fonts", CJK_FONT)))
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    _registered_family = families[0] if families else None
    return _registered_family


def current() -> Installed | None:
    """What the last `apply` installed (None: nothing yet, English as written)."""
    return _installed
