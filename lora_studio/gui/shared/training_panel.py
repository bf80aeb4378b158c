"""Start / pause / stop, a progress bar and the two live plots: what the Base and LoRA tabs share.

The panel follows one job kind ("base" or "lora") through `AppState`'s signals: the buttons and the bar are a
`JobControls` row (job_controls.py, the Compare tab's too); the panel adds the plots, fed with the job's steps
and epochs, and the bar's text while the job trains. Object names get the tab's prefix (`startBaseButton`,
`loraLossPlot`, …), as PRODUCT.md lists them.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from lora_studio.gui.i18n.words import kind_title
from lora_studio.gui.shared.job_controls import JobControls
from lora_studio.gui.shared.state.app_state import AppState
from lora_studio.gui.shared.style import PHASE_STYLES, colour, progress_text


class TrainingPanel(QWidget):
    def __init__(self, state: AppState, kind: str, prefix: str, start_text: str,
                 on_start: Callable[[], None], parent=None):
        super().__init__(parent)
        self.state, self.kind = state, kind
        self.controls = JobControls(state, kind, prefix, start_text, on_start,
                                    self.tr("Stop after the current batch. A stopped run is not saved."), self)
        self.start_button, self.pause_button = self.controls.start_button, self.controls.pause_button
        self.stop_button, self.progress = self.controls.stop_button, self.controls.progress
        self.prefix = prefix
        self.loss_plot = self.accuracy_plot = None  # made by build_plots(), once the window is up

        buttons = self.controls.buttons()
        buttons.addWidget(self.progress, 1)
        self.plots = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(self.plots, 1)

        state.sigJobStarted.connect(self._on_started)
        state.sigJobEnded.connect(self._on_ended)
        state.sigSteps.connect(self._on_steps)
        state.sigEpoch.connect(self._on_epoch)
        state.sigStatus.connect(self._on_status)
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
        if kind == self.kind:
            self.loss_plot.clear_data()
            self.accuracy_plot.clear_data()

    def _on_ended(self, kind: str, _status: str, _message: str) -> None:
        if kind == self.kind:
            self.loss_plot.flush()
            self.accuracy_plot.flush()

    def _on_status(self, text: str) -> None:
        if self.controls.running and self.progress.value() == 0:
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
        self.controls.show_fraction(fraction)
        if not self.controls.paused:
            overall = progress_text({**progress, "eta_seconds": self.controls.time_left(fraction)})
            self.progress.setFormat(self.tr("Run {0}/{1} · {2}").format(index + 1, len(self.plan), overall)
                                    if len(self.plan) > 1 else overall)

    def _on_epoch(self, kind: str, key: str, info: dict) -> None:
        if kind != self.kind:
            return
        phase, _, seed = key.partition(":")
        name = kind_title(phase) if seed in ("", "0") else None
        self.accuracy_plot.add_epoch(key, info, colour(phase), name)
