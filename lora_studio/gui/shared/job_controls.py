"""Start, pause/resume and stop buttons and a progress bar that follow one kind of job: the Base training, LoRA
and Compare tabs each have one row of them.

The row follows its job through `AppState`'s signals: while the job runs, start is disabled and pause and stop
enabled; pause reads "Resume" while the job waits; the bar says "Starting…", "Paused · n %" and, at the end,
how the job ended. It also keeps the job's working time (`elapsed`), pauses left out, which the tabs' time-left
estimates are reckoned from. Object names get the tab's prefix (`startBaseButton`, `pauseSweepButton`,
`loraProgress`, …), as PRODUCT.md lists them.
"""

import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QSizePolicy

from lora_studio.gui.i18n.words import capitalised, status_title
from lora_studio.gui.shared.state.app_state import AppState


class JobControls(QObject):
    def __init__(self, state: AppState, kind: str, prefix: str, start_text: str, on_start: Callable[[], None],
                 stop_tip: str, parent=None):
        super().__init__(parent)
        self.state, self.kind = state, kind
        title = prefix[:1].upper() + prefix[1:]
        self.start_button = QPushButton(start_text)
        self.start_button.setObjectName(f"start{title}Button")
        self.start_button.clicked.connect(on_start)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName(f"pause{title}Button")
        self.pause_button.setToolTip(self.tr("Pause after the current batch; click again to resume"))
        self.pause_button.clicked.connect(state.toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName(f"stop{title}Button")
        self.stop_button.setToolTip(stop_tip)
        self.stop_button.clicked.connect(state.stop)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{prefix}Progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)  # a bar that was never set shows no text
        self.progress.setFormat(self.tr("Not started"))
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.running = self._paused = False
        self._started_at = self._paused_at = 0.0
        self._show_running(False)
        state.sigJobStarted.connect(self._on_started)
        state.sigJobEnded.connect(self._on_ended)
        state.sigJobPaused.connect(self._on_paused)

    def buttons(self) -> QHBoxLayout:
        """The three buttons in a row (the caller places the bar)."""
        row = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            row.addWidget(button)
        return row

    @property
    def paused(self) -> bool:
        """The running job waits, paused (as its last pause signal said)."""
        return self.running and self._paused

    def elapsed(self) -> float:
        """Seconds the running job has worked, the time it waited paused left out."""
        now = self._paused_at if self.paused else time.monotonic()
        return now - self._started_at

    def show_fraction(self, fraction: float) -> None:
        self.progress.setValue(int(round(min(max(fraction, 0.0), 1.0) * self.progress.maximum())))

    def time_left(self, fraction: float) -> float:
        """The running job's time left when `fraction` of it is done, at the pace it has worked so far."""
        return self.elapsed() * (1 - fraction) / max(fraction, 1e-9)

    # --- slots ------------------------------------------------------------------------
    def _show_running(self, running: bool) -> None:
        self.running, self._paused = running, False
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Pause"))
        self.stop_button.setEnabled(running)

    def _on_started(self, kind: str) -> None:
        if kind != self.kind:
            return
        self._started_at = time.monotonic()
        self._show_running(True)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))

    def _on_ended(self, kind: str, status: str, _message: str) -> None:
        if kind != self.kind:
            return
        self._show_running(False)
        if status == "finished":
            self.progress.setValue(self.progress.maximum())
        self.progress.setFormat(capitalised(status_title(status)))

    def _on_paused(self, kind: str, paused: bool) -> None:
        if kind != self.kind or not self.running:
            return
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self._paused = paused
        if paused:
            self._paused_at = time.monotonic()
            self.progress.setFormat(self.tr("Paused · %p %"))
        else:
            self._started_at += time.monotonic() - self._paused_at
