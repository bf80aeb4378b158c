"""The lessons of the Learn tab: a list, the chosen lesson's card, "Set it up" and "Show the answer".

"Set it up" emits the lesson's `Setup`; the window applies it to the other tabs (a tab never reaches another).
The card (lessons.card_html) warns when there is no base model to start from, and its answer, shown on request,
quotes the person's own runs once the library has them (lessons_runs), else says what to expect. Choosing
another lesson hides the answer again, so each is a question before it is an answer; the chosen lesson is
remembered between sessions.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lora_studio.core import paths
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.learn import lessons
from lora_studio.gui.learn.lessons_content import LESSONS
from lora_studio.gui.state.app_state import AppState

SETTINGS_KEY = "learn/lesson"


class LessonPanel(QWidget):
    sigSetUp = Signal(object)  # a shared.setup.Setup

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.list = QListWidget()
        self.list.setObjectName("lessonList")
        self.list.setToolTip(self.tr("Each lesson asks a question and sets up the run that answers it"))
        for lesson in LESSONS:
            item = QListWidgetItem(lessons.tr(lesson.title))
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            item.setToolTip(lessons.tr(lesson.question))
            self.list.addItem(item)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * (len(LESSONS) + 1) + 4)
        self.view = QTextBrowser()
        self.view.setObjectName("lessonView")
        self.view.setOpenLinks(False)
        self.setup_button = QPushButton(self.tr("Set it up"))
        self.setup_button.setObjectName("lessonSetUpButton")
        self.setup_button.setToolTip(self.tr(
            "Put this lesson's settings into the other tabs and show the tab to run it in"))
        self.setup_button.setEnabled(False)  # the base models are known once PyTorch has loaded
        self.answer_button = QPushButton(self.tr("Show the answer"))
        self.answer_button.setObjectName("lessonAnswerButton")
        self.answer_button.setCheckable(True)
        self.answer_button.setToolTip(self.tr("The answer, with the figures of your own runs when you have them"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.answer_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.list.currentRowChanged.connect(self._on_lesson)
        self.setup_button.clicked.connect(self.set_up)
        self.answer_button.toggled.connect(self._on_answer)
        state.sigReady.connect(lambda: self.setup_button.setEnabled(True))
        state.sigModelsChanged.connect(lambda _models: self.show_card())
        self.list.setCurrentRow(0)

    def lesson(self) -> lessons.Lesson:
        return LESSONS[max(self.list.currentRow(), 0)]

    def select(self, lesson_id: str) -> None:
        index = next((i for i, lesson in enumerate(LESSONS) if lesson.id == lesson_id), None)
        if index is not None:
            self.list.setCurrentRow(index)

    def set_up(self) -> None:
        self.sigSetUp.emit(self.lesson().setup)

    def remember(self, settings) -> None:
        """Show the lesson chosen last time, and remember each choice."""
        stored = settings.value(SETTINGS_KEY, None)
        if isinstance(stored, str):
            self.select(stored)
        self.list.currentRowChanged.connect(lambda _row: settings.setValue(SETTINGS_KEY, self.lesson().id))

    # --- the card -------------------------------------------------------------------------
    def show_card(self) -> None:
        lesson = self.lesson()
        answer = lessons.answer_paragraphs(lesson, self.own_figures(lesson)) if self.answer_button.isChecked() \
            else None
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(lessons.card_html(lesson, self.base_note(lesson), answer))
        self.view.verticalScrollBar().setValue(scroll)

    def base_note(self, lesson: lessons.Lesson) -> str:
        """What the card says when there is no base model to start from (known once PyTorch has loaded)."""
        setup = lesson.setup
        if not self.state.ready or lessons.newest_base(self.state.models, setup.dataset) is not None:
            return ""
        return self.tr(
            "You have no base model trained on {0} yet. Set it up takes you to the Base training tab with {1} "
            "epochs set (to the Dataset tab first when {0} is not here yet): train it, then click Set it up "
            "again.").format(
            core_texts.dataset_title(setup.dataset), setup.base_epochs)

    def own_figures(self, lesson: lessons.Lesson) -> list[str] | None:
        """The answer's quote of the person's own runs, or None (no such run, or the core is not loaded yet)."""
        if lesson.own is None or not self.state.ready:
            return None
        from lora_studio.core.errors import USER_ERRORS

        context = lessons.LessonContext(self.state.models, paths.studies_dir(self.state.home))
        try:
            return lesson.own(context)
        except (*USER_ERRORS, OSError):  # an unreadable study folder: the expectation is shown instead
            return None

    def _on_lesson(self, _row: int) -> None:
        self.answer_button.blockSignals(True)
        self.answer_button.setChecked(False)  # each lesson starts as a question
        self.answer_button.setText(self.tr("Show the answer"))
        self.answer_button.blockSignals(False)
        self.show_card()
        self.view.verticalScrollBar().setValue(0)

    def _on_answer(self, shown: bool) -> None:
        self.answer_button.setText(self.tr("Hide the answer") if shown else self.tr("Show the answer"))
        self.show_card()
