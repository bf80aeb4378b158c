"""What the Compare tab shows of a sweep: the two plots of its settings, the table of its runs, their losses.

`show_runs` shows a whole study (or nothing yet); `add_runs` appends runs as a running sweep finishes them
and redraws on a timer, so a burst of short runs costs one redraw. The runs are grouped into settings (mean
and 95 % interval over seeds, `core.evaluation.pareto.setting_means`) and the Pareto front is computed as
the study file computes it. A click on a marker rings it in both plots, shows the setting in words and
selects its runs, whose loss curves appear; its model, when the sweep kept it, opens in the Evaluation tab
through `AppState.open_model`. The plots import pyqtgraph: they are made in `build_plots()`.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from lora_studio.core.workflows.sweep_plan import Setting
from lora_studio.gui.compare.table import SweepTable
from lora_studio.gui.i18n import core_texts, score_texts
from lora_studio.gui.i18n.words import method_title, status_title, variant_title
from lora_studio.gui.shared.state.app_state import AppState


def run_label(record: dict) -> str:
    """"LoRA r=4", "DoRA r=16", "Head only (fc2)": a run's setting, short, in the window's language (the core's
    `Setting.title`)."""
    return core_texts.core_text(Setting.of_run(record).title())


class SweepView(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.records: list[dict] = []  # the shown sweep's RUN records, in the order they finished
        self.study: dict = {}  # the shown study's id, base_id, task, status (its runs are `records`)
        self.settings_runs: list[tuple[int, ...]] = []  # the runs of each setting the plots show
        self.front_runs: list[int] = []  # the runs whose setting is on the Pareto front
        self.chosen: int | None = None  # the setting clicked last
        self.pareto_plot = self.forgetting_plot = self.loss_plot = None  # made by build_plots()

        self.study_label = QLabel(self.tr("No sweep yet: choose what to compare and press Start."))
        self.study_label.setObjectName("sweepStudyLabel")
        self.study_label.setWordWrap(True)
        self.details = QLabel(self.tr("Click a marker to see its setting."))
        self.details.setObjectName("sweepDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(3 * self.details.fontMetrics().lineSpacing())
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.open_model_button = QPushButton(self.tr("Open in Evaluation"))
        self.open_model_button.setObjectName("sweepOpenModelButton")
        self.open_model_button.setToolTip(self.tr(
            "Evaluate the clicked setting's model (its first seed) against its base in the Evaluation tab (a "
            "double click on the marker does too). Only models kept in the library can be opened: tick “Keep "
            "every run's model” before the sweep."))
        self.open_model_button.setEnabled(False)
        self.open_model_button.clicked.connect(self.open_chosen_model)
        self.table = SweepTable()
        self.table.itemSelectionChanged.connect(self._show_losses)

        self.plot_row = QSplitter(Qt.Orientation.Horizontal)
        self.result_row = QSplitter(Qt.Orientation.Horizontal)
        self.result_row.addWidget(self.table)
        middle = QWidget()
        details = QHBoxLayout(middle)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.details, 1)
        details.addWidget(self.open_model_button, 0, Qt.AlignmentFlag.AlignTop)
        results = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.plot_row, middle, self.result_row):
            results.addWidget(widget)
        results.setStretchFactor(0, 5)
        results.setStretchFactor(2, 4)
        results.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.study_label)
        layout.addWidget(results, 1)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(50)
        self._redraw_timer.timeout.connect(self.redraw)

    def build_plots(self) -> None:
        """Make the plots (imports pyqtgraph): called once, right after the window is shown."""
        from lora_studio.gui.compare.plots import ForgettingPlot, ParetoPlot, RunLossPlot

        if self.pareto_plot is not None:
            return
        self.pareto_plot, self.forgetting_plot, self.loss_plot = ParetoPlot(), ForgettingPlot(), RunLossPlot()
        self.plot_row.addWidget(self.pareto_plot)
        self.plot_row.addWidget(self.forgetting_plot)
        self.result_row.addWidget(self.loss_plot)
        self.result_row.setSizes([720, 280])  # the table's numbers first; the loss curves need less room
        for plot in (self.pareto_plot, self.forgetting_plot):
            plot.sigPointClicked.connect(self.choose)
        self.redraw()

    # --- what is shown ------------------------------------------------------------------
    def show_runs(self, records: list[dict], study: dict) -> None:
        """Show these run records (a study's, or none yet) and the study's id, base, task and status."""
        self.records = list(records)
        self.study = {key: study.get(key) for key in ("id", "base_id", "task", "status")}
        self.chosen = None
        self.table.clear_runs()
        self.table.add_runs(self.records, 0)
        self.details.setText(self.tr("Click a marker to see its setting."))
        self.open_model_button.setEnabled(False)
        self._redraw_timer.stop()
        self.redraw()
        self._select_front()
        self.update_label()

    def add_runs(self, records: list[dict]) -> None:
        """Runs a running sweep has just finished: rows now, the plots at the next redraw."""
        first = len(self.records)
        self.records.extend(records)
        self.table.add_runs(records, first)
        self._redraw_timer.start()
        self.update_label()

    def finish(self, study: dict) -> None:
        """The running sweep ended: `study` is its study file's content."""
        if len(study["runs"]) != len(self.records):  # not expected: every partial result is sent before the end
            self.show_runs(study["runs"], study)
            return
        self.study = {key: study.get(key) for key in ("id", "base_id", "task", "status")}
        self._redraw_timer.stop()
        self.redraw()
        self._select_front()
        self.update_label()

    def update_label(self) -> None:
        if not self.study.get("base_id"):
            return
        name = self.study.get("id") or self.tr("new sweep")
        self.study_label.setText(self.tr("<b>{0}</b> · from {1} to the task “{2}” · {3} run(s) · {4}").format(
            name, self.study["base_id"], core_texts.task_title(self.study.get("task") or "same"), len(self.records),
            status_title(self.study.get("status"))))

    def redraw(self) -> None:
        """Group the runs into settings (mean and interval over seeds); redraw the plots and the table's stars."""
        if self.pareto_plot is None:
            return
        from lora_studio.gui.compare.plots import Point, group_of

        if not self.records:
            self.settings_runs, self.front_runs = [], []
            for plot in (self.pareto_plot, self.forgetting_plot):
                plot.set_points([])
            self.pareto_plot.set_front([])
            self.forgetting_plot.set_base(None, None)
            self._show_losses()
            return
        from lora_studio.core.evaluation.pareto import pareto_front, setting_means
        from lora_studio.core.evaluation.same_setting import setting_key

        means = setting_means(self.records, setting_key)
        points = [Point(index, group_of(self.records[m.runs[0]]), run_label(self.records[m.runs[0]]),
                        m.trainable_params, m.accuracy.mean, m.accuracy.ci95, m.source_accuracy.mean,
                        m.source_accuracy.ci95, m.accuracy.n) for index, m in enumerate(means)]
        front = pareto_front([(m.trainable_params, m.accuracy.mean) for m in means])  # as Study.pareto has it
        self.settings_runs = [m.runs for m in means]
        self.front_runs = sorted(i for f in front for i in means[f].runs)
        self.pareto_plot.set_points(points)
        self.pareto_plot.set_front([points[f] for f in front])
        self.forgetting_plot.set_points(points)
        first = self.records[0]
        self.forgetting_plot.set_base(first["base_source_accuracy"], first["base_target_accuracy"])
        self.table.mark_front(self.front_runs)

    # --- a setting chosen ---------------------------------------------------------------
    def choose(self, index: int, double: bool = False) -> None:
        """The setting `index` was clicked: ringed, described, its runs selected; a double click opens its model."""
        if index >= len(self.settings_runs):
            return
        self.chosen = index
        for plot in (self.pareto_plot, self.forgetting_plot):
            if plot is not None:
                plot.set_chosen(index)
        runs = self.settings_runs[index]
        self.table.select_runs(runs)
        known = {info.id for info in self.state.models}
        if any(self.records[i].get("model_id") not in known | {None} for i in runs):
            self.state.refresh_models()  # saved by the sweep running now: the library is re-read at its end
        self.details.setText(self._describe(runs))
        self.open_model_button.setEnabled(self.chosen_model() is not None)
        if double:
            self.open_chosen_model()

    def chosen_model(self) -> str | None:
        """The clicked setting's first model still in the library (a study outlives models deleted since)."""
        if self.chosen is None or self.chosen >= len(self.settings_runs):
            return None
        kept = {info.id for info in self.state.models}
        return next((self.records[i]["model_id"] for i in self.settings_runs[self.chosen]
                     if self.records[i].get("model_id") in kept), None)

    def open_chosen_model(self) -> None:
        model_id = self.chosen_model()
        if model_id is not None:
            self.state.open_model(model_id)

    def _describe(self, runs: tuple[int, ...]) -> str:
        from lora_studio.core.evaluation.scores import mean_interval

        first = self.records[runs[0]]
        if first["method"] == "lora":
            what = self.tr("<b>{0} r = {1}</b> on {2}, α = {3:g}, LoRA+ {4:g}").format(
                variant_title(first["variant"]), first["rank"], "+".join(first["layers"]),
                first["alpha"], first["lora_plus_ratio"])
        else:
            what = f"<b>{method_title(first['method'])}</b>"
        scores = [mean_interval(self.records[i][key] for i in runs)
                  for key in ("target_accuracy", "source_accuracy", "forgetting")]
        text = self.tr("{0} · {1:,} trainable parameters · {2} seed(s): target {3}, source {4}, forgetting {5}")\
            .format(what, first["trainable_params"], len(runs), score_texts.points(scores[0]),
                    score_texts.points(scores[1]), score_texts.points(scores[2], signed=True))
        if runs[0] in self.front_runs:
            text += " · " + self.tr("on the Pareto front")
        if self.chosen_model() is None:
            text += " · " + self.tr("model not kept")
        return text

    def _select_front(self) -> None:
        """Show some loss curves at once: the first seed of each setting on the front."""
        if not self.records or self.table.selected_runs():
            return
        first_seed = min(r["seed"] for r in self.records)
        self.table.select_runs(i for i in self.front_runs if self.records[i]["seed"] == first_seed)

    def _show_losses(self) -> None:
        if self.loss_plot is None:
            return
        from lora_studio.gui.compare.plots import group_of

        self.loss_plot.set_runs([
            (self.tr("{0} · seed {1}").format(run_label(record), record["seed"]), group_of(record), record["loss"])
            for record in (self.records[i] for i in self.table.selected_runs())])
