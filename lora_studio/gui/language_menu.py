"""View → Language: English or 简体中文, remembered; it takes effect when LoRA Studio starts next.

Qt translates each string as a widget is made, and this window builds much of its text from data
(tables, plot titles, status lines). Retranslating a live window would need every widget to rebuild its
text on a language-change event, and any one forgotten would stay in the old language. A restart is
right every time: the menu remembers the choice, says so in both languages, and offers to restart now
(closing asks first if a job runs, as quitting does).
"""

import sys

from PySide6.QtCore import QProcess, QProcessEnvironment, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from lora_studio.gui.i18n import language as i18n
from lora_studio.gui.shared.settings import open_settings


class LanguageMenu(QMenu):
    """The languages, each named in its own language; the one in effect is checked."""

    def __init__(self, window: QWidget):
        super().__init__(self.tr("&Language"), window)
        self.setObjectName("languageMenu")
        self.window_ = window
        installed = i18n.current()
        self.in_effect = installed.language if installed is not None else i18n.DEFAULT
        self.ask_restart = self._ask_restart  # replaced in tests: the question would wait for a click
        self.restart = restart_app
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_language: dict[str, QAction] = {}
        for language, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{language}")
            action.setChecked(language == self.in_effect)
            action.setData(language)
            action.triggered.connect(lambda _checked=False, lang=language: self.choose(lang))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_language[language] = action

    def choose(self, language: str) -> None:
        """Remember `language` and, if it is not the one in effect, offer to restart into it."""
        i18n.remember_language(open_settings(), language)
        if language != self.in_effect and self.ask_restart(language):
            self.restart(self.window_)

    def texts(self, language: str) -> tuple[str, str]:
        """The box's title and text in the language in effect, then in the chosen one when they differ."""
        title = self.tr("Language")
        text = self.tr("The window will be in {language} when LoRA Studio starts next. Restart now?")
        if i18n.overridden():
            text += "\n" + self.tr("(LORA_STUDIO_LANGUAGE is set: while it is, it decides the language.)")
        parts = [text.format(language=i18n.LANGUAGES[language])]
        other = QTranslator()
        if language != i18n.DEFAULT and other.load(str(i18n.catalogue_path(language))):
            source = "The window will be in {language} when LoRA Studio starts next. Restart now?"
            translated = other.translate("LanguageMenu", source)
            if translated and translated != parts[0]:
                parts.append(translated.format(language=i18n.LANGUAGES[language]))
        elif language == i18n.DEFAULT and self.in_effect != i18n.DEFAULT:
            parts.append("The window will be in English when LoRA Studio starts next. Restart now?")
        return title, "\n\n".join(parts)

    def _ask_restart(self, language: str) -> bool:
        title, text = self.texts(language)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window_)
        box.setObjectName("languageBox")
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is restart


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this process, less a `--language` that would undo the choice."""
    args = sys.argv[1:]
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--language":
            skip = True
        elif not arg.startswith("--language=") and arg != "--quit-after-shown":
            kept.append(arg)
    if getattr(sys, "frozen", False):  # the bundle: its executable is the program
        return sys.executable, kept
    if sys.argv[0].endswith("__main__.py"):  # started as `python -m lora_studio`
        return sys.executable, ["-m", "lora_studio", *kept]
    return sys.executable, [sys.argv[0], *kept]


def restart_app(window: QWidget) -> bool:
    """Close the window (it asks first if a job runs), then start the app again. False if it stayed open."""
    if not window.close():
        return False
    program, args = restart_command()
    process = QProcess()
    process.setProgram(program)
    process.setArguments(args)
    environment = QProcessEnvironment.systemEnvironment()
    environment.remove(i18n.ENVIRONMENT)  # the choice just made must win
    process.setProcessEnvironment(environment)
    started = process.startDetached()  # a bool, or (bool, pid) in some PySide6 versions
    return bool(started[0] if isinstance(started, tuple) else started)
