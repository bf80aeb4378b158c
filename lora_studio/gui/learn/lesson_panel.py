"""The lessons of the Learn tab: a list, the chosen lesson's card, "Set it up" and "Show the answer".

"Set it up" emits the lesson's `Setup`; the window applies it to the other tabs (a tab never reaches another).
The card (lessons.card_html) warns when there is no base model to start from, and its answer, shown on request,
quotes the person's own runs once the library has them (lessons_runs), else says what to expect. A lesson that
stacks adapters is set up in stages, the card saying which one the library is at (stack_lessons.py); its answer
is scored in the worker and shown when it comes back (stack_answers.py). Choosing another lesson hides the
answer again, so each is a question before it is an answer; the chosen lesson is remembered between sessions.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lora_studio.core import paths
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.learn import lessons, stack_lessons
from lora_studio.gui.learn.lessons_content import LESSONS
from lora_studio.gui.learn.stack_answers import StackAnswers
from lora_studio.gui.shared.state.app_state import AppState

SETTINGS_KEY = "learn/lesson"


class LessonPanel(QWidget):
    sigSetUp = Signal(object)  # a shared.setup.Setup

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.stacks = StackAnswers(state, on_scored=self.show_card)
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
        state.sigModelsChanged.connect(lambda _models: self._on_models())
        self.list.setCurrentRow(0)

    def lesson(self) -> lessons.Lesson:
        return LESSONS[max(self.list.currentRow(), 0)]

    def select(self, lesson_id: str) -> None:
        index = next((i for i, lesson in enumerate(LESSONS) if lesson.id == lesson_id), None)
        if index is not None:
            self.list.setCurrentRow(index)

    def set_up(self) -> None:
        self.sigSetUp.emit(self.current_setup())

    def current_setup(self) -> lessons.Setup:
        """What Set it up puts into the tabs now: a staged lesson's stage in the library, else the lesson's setup."""
        lesson = self.lesson()
        if lesson.stack is not None:
            self.state.refresh_models()  # a run the command line made meanwhile counts too
        stage = self.stage(lesson)
        return stage.setup if stage is not None else lesson.setup

    def stage(self, lesson: lessons.Lesson) -> stack_lessons.Stage | None:
        """The stage a lesson that stacks adapters is at (None: another lesson, or the library not read yet)."""
        if lesson.stack is None or not self.state.ready:
            return None
        return stack_lessons.stage(lesson.stack, self.state.models, lesson.setup.dataset)

    def remember(self, settings) -> None:
        """Show the lesson chosen last time, and remember each choice."""
        stored = settings.value(SETTINGS_KEY, None)
        if isinstance(stored, str):
            self.select(stored)
        self.list.currentRowChanged.connect(lambda _row: settings.setValue(SETTINGS_KEY, self.lesson().id))

    # --- the card -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.answer_button.isChecked():  # the answer quotes the studies on disk: a sweep may have added one
            self.show_card()

    def show_card(self) -> None:
        lesson = self.lesson()
        answer = lessons.answer_paragraphs(lesson, self.own_figures(lesson)) if self.answer_button.isChecked() \
            else None
        stage = self.stage(lesson)
        names = {info.id: info.name for info in self.state.models} if stage is not None else None
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(lessons.card_html(lesson, self.base_note(lesson), answer,
                                            stage.setup if stage is not None else None,
                                            stage.note if stage is not None else "", names))
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
        """The answer's quote of the person's own runs, or None (no such run, or the core is not loaded yet). A
        stacking lesson's is scored in the worker: until it is, it says so, and the card is shown again after."""
        if not self.state.ready:
            return None
        if lesson.stack is not None:
            return self.stacks.figures(lesson.stack, self.state.models)
        if lesson.own is None:
            return None
        from lora_studio.core.errors import USER_ERRORS

        context = lessons.LessonContext(self.state.models, paths.studies_dir(self.state.home))
        try:
            return lesson.own(context)
        except (*USER_ERRORS, OSError):  # an unreadable study folder: the expectation is shown instead
            return None

    def _on_models(self) -> None:
        self.stacks.retry()
        self.show_card()

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
