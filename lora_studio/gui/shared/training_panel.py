"""Start / pause / stop, a progress bar and the two live plots: what the Base and LoRA tabs share.

The panel follows one job kind ("base" or "lora") through `AppState`'s
signals: while that job runs its start button is disabled and pause/stop are
enabled; when it ends, start is enabled again. Object names get the tab's
prefix (`startBaseButton`, `loraLossPlot`, …), as PRODUCT.md lists them.
"""

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from lora_studio.gui.i18n.words import capitalised, kind_title, status_title
from lora_studio.gui.shared.state.app_state import AppState
from lora_studio.gui.shared.style import PHASE_STYLES, colour, progress_text


class TrainingPanel(QWidget):
    def __init__(self, state: AppState, kind: str, prefix: str, start_text: str,
                 on_start: Callable[[], None], parent=None):
        super().__init__(parent)
        self.state, self.kind = state, kind
        title = prefix.capitalize()
        self.start_button = QPushButton(start_text)
        self.start_button.setObjectName(f"start{title}Button")
        self.start_button.clicked.connect(on_start)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName(f"pause{title}Button")
        self.pause_button.setToolTip(self.tr("Pause after the current batch; click again to resume"))
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName(f"stop{title}Button")
        self.stop_button.setToolTip(self.tr("Stop after the current batch. A stopped run is not saved."))
        self.stop_button.clicked.connect(state.stop)
        for button in (self.pause_button, self.stop_button):
            button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{prefix}Progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Not started"))
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.prefix = prefix
        self.loss_plot = self.accuracy_plot = None  # made by build_plots(), once the window is up

        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        self.plots = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(self.plots, 1)

        state.sigJobStarted.connect(self._on_started)
        state.sigJobEnded.connect(self._on_ended)
        state.sigJobPaused.connect(self._on_paused)
        state.sigSteps.connect(self._on_steps)
        state.sigEpoch.connect(self._on_epoch)
        state.sigStatus.connect(self._on_status)
        self._running = False
        self._started_at = 0.0
        self.plan: list[str] = [kind]  # the keys of the runs the job will make, in order (set by the tab)

    def build_plots(self) -> None:
        """Create the live plots (imports pyqtgraph): called once, right after the window is shown."""
        from lora_studio.gui.shared.plots import AccuracyPlot, LossPlot

        if self.loss_plot is not None:
            return
        self.loss_plot = LossPlot()
        self.loss_plot.setObjectName(f"{self.prefix}LossPlot")
        self.accuracy_plot = AccuracyPlot()
        self.accuracy_plot.setObjectName(f"{self.prefix}AccuracyPlot")
        self.plots.addWidget(self.loss_plot, 3)
        self.plots.addWidget(self.accuracy_plot, 2)

    # --- slots ------------------------------------------------------------------------
    def _on_started(self, kind: str) -> None:
        if kind != self.kind:
            return
        self._running = True
        self._started_at = time.monotonic()
        self.start_button.setEnabled(False)
        self.pause_button.setEnabled(True)
        self.pause_button.setText(self.tr("Pause"))
        self.stop_button.setEnabled(True)
        self.loss_plot.clear_data()
        self.accuracy_plot.clear_data()
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))

    def _on_ended(self, kind: str, status: str, message: str) -> None:
        if kind != self.kind:
            return
        self._running = False
        self.start_button.setEnabled(True)
        self.pause_button.setEnabled(False)
        self.pause_button.setText(self.tr("Pause"))
        self.stop_button.setEnabled(False)
        self.loss_plot.flush()
        self.accuracy_plot.flush()
        if status == "finished":
            self.progress.setValue(self.progress.maximum())
        self.progress.setFormat(capitalised(status_title(status)))

    def _on_pause_clicked(self) -> None:
        if self.state.runner.control.paused:
            self.state.resume()
        else:
            self.state.pause()

    def _on_paused(self, kind: str, paused: bool) -> None:
        if kind != self.kind:
            return
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if paused:
            self.progress.setFormat(self.tr("Paused · %p %"))

    def _on_status(self, text: str) -> None:
        if self._running and self.progress.value() == 0:
            self.progress.setFormat(text)

    def _on_steps(self, kind: str, key: str, xs, ys, progress: dict) -> None:
        if kind != self.kind or not len(xs):
            return
        phase, _, seed = key.partition(":")
        name = kind_title(phase) if seed in ("", "0") else None  # a control only in a fine-tuning with a feature run
        self.loss_plot.add_steps(key, xs, ys, colour(phase), name, PHASE_STYLES.get(phase, Qt.PenStyle.SolidLine),
                                 progress.get("last_step", 0))
        # one bar for the whole job: a LoRA job runs the feature model and the control, for each seed
        index = self.plan.index(key) if key in self.plan else 0
        fraction = (index + progress["fraction"]) / max(len(self.plan), 1)
        elapsed = time.monotonic() - self._started_at
        self.progress.setValue(int(round(fraction * self.progress.maximum())))
        if not self.state.runner.control.paused:
            overall = progress_text({**progress, "eta_seconds": elapsed * (1 - fraction) / max(fraction, 1e-9)})
            self.progress.setFormat(self.tr("Run {0}/{1} · {2}").format(index + 1, len(self.plan), overall)
                                    if len(self.plan) > 1 else overall)

    def _on_epoch(self, kind: str, key: str, info: dict) -> None:
        if kind != self.kind:
            return
        phase, _, seed = key.partition(":")
        name = kind_title(phase) if seed in ("", "0") else None
        self.accuracy_plot.add_epoch(key, info, colour(phase), name)
