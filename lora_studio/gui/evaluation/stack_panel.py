"""The Evaluation tab's "Adapter stack" page: LoRA adapters trained on one base, stacked with a weight each, scored
live on a chosen task and on the source task, beside their parts, and combined into a new adapter.

Pick a base (`stackBaseCombo`), then any of its LoRA adapters (`stackAdapterCombo`, `stackAddButton`): the core
loads the stack in the worker and refuses, with its one line in a message box, what cannot be stacked (extra
inputs, another base, a base that changed). The table (`adapterStack`, stack_table.py) shows each adapter's weight
slider and the layers it changes, shared layers in amber. Each slider move asks the worker (a quiet job under one
key: a newer move replaces one still waiting, the window never waits) for the stack's accuracy at the new weights
(stack_jobs.py); the stack stays loaded in the worker's StackCache, so a move costs one scoring of the two test
splits. Once the sliders stand still at the weights scored, the seed siblings are scored too (stack_seeds.py), for
the 95 % interval over seeds. The base and each adapter alone are scored once per stack and task.
`saveCombinationButton` saves `combine_adapters` of the stack at the sliders' weights (`combineHowCombo`,
`combineRank` for svd) as a new model of the library; a core refusal is boxed by AppState, nothing is saved.
`apply_setup(StackSetup)` sets all of it up at once (the Learn tab's lessons).
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lora_studio.gui.evaluation import stack_jobs
from lora_studio.gui.evaluation.combine_row import SVD, CombineRow
from lora_studio.gui.evaluation.stack_picker import StackPicker
from lora_studio.gui.evaluation.stack_scores import StackScores
from lora_studio.gui.evaluation.stack_seeds import seed_family
from lora_studio.gui.evaluation.stack_summary import sentence as stack_sentence
from lora_studio.gui.evaluation.stack_summary import shown_models
from lora_studio.gui.evaluation.stack_table import StackTable
from lora_studio.gui.evaluation.task_choice import fill_stack_tasks, make_combo, select_task
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.shared.setup import StackSetup
from lora_studio.gui.shared.state.app_state import AppState, sentence

SEEDS_AFTER_MS = 300  # the sliders stood still this long at the weights scored: score the seed siblings too


class _Moves:
    """How many times the stack's weights, adapters or task changed: a seed job started at another count is
    stale. A plain Python int, read by the worker (no Qt object crosses threads)."""

    count = 0


class StackPanel(QWidget):
    sigStackChanged = Signal()  # the core accepted other adapters: `ids`, `adapters` changed
    sigScored = Signal()  # the numbers shown changed (the stack, its parts, its seeds or a saved combination)

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.setObjectName("stackPanel")
        self.state = state
        self.ids: tuple[str, ...] = ()  # the adapters stacked, as the core accepted them
        self.adapters: tuple[stack_jobs.StackedInfo, ...] = ()
        self.scored: stack_jobs.StackScored | None = None  # the stack at the last weights scored
        self.parts: stack_jobs.PartsScored | None = None
        self.seeds: stack_jobs.SeedsScored | None = None
        self.saved: list[stack_jobs.CombinationSaved] = []  # combinations saved from this stack
        self.family: dict[int, tuple[str, ...]] = {}  # seed → that seed's runs of the adapters (stack_seeds.py)
        self._asked: tuple[str, ...] | None = None  # the adapters of the stack being loaded
        self._moves = _Moves()
        self._parts_waiting = False  # a parts job was asked for and has not answered
        self._seeds_timer = QTimer(self)
        self._seeds_timer.setSingleShot(True)
        self._seeds_timer.setInterval(SEEDS_AFTER_MS)
        self._seeds_timer.timeout.connect(self._request_seeds)

        self.picker = StackPicker()
        self.base_combo, self.adapter_combo = self.picker.base_combo, self.picker.adapter_combo
        self.picker.sigAdd.connect(self.add)
        self.table = StackTable()
        self.status = QLabel()
        self.status.setObjectName("stackStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.task_combo = make_combo("stackTaskCombo")
        self.task_combo.setToolTip(self.tr("The task the stack is scored on (beside the source task): first, the "
                                           "adapters' tasks together, a task none of them was trained for"))
        self.scores = StackScores()
        self.combine = CombineRow()
        self.how_combo, self.rank, self.save_button = self.combine.how_combo, self.combine.rank, \
            self.combine.save_button
        self.combine.sigSave.connect(lambda: self.save_combination())
        self._lay_out()

        self.picker.sigBaseChanged.connect(self._on_base)
        self.table.sigWeightsChanged.connect(self._request_scores)
        self.table.sigRemove.connect(self.remove)
        self.task_combo.currentIndexChanged.connect(lambda _index: self._on_task())
        state.sigModelsChanged.connect(self._on_models)
        state.sigJobStarted.connect(lambda kind: self._busy(kind, True))
        state.sigJobEnded.connect(lambda kind, _status, _message: self._busy(kind, False))
        self._show()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.picker)
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        left.addWidget(self.combine)
        task = QHBoxLayout()
        task.addWidget(QLabel(self.tr("Scored on")))
        task.addWidget(self.task_combo, 1)
        middle = QVBoxLayout()
        middle.addLayout(task)
        middle.addWidget(self.scores.legend)
        middle.addWidget(self.scores.plot_area, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 10)
        layout.addLayout(middle, 6)
        layout.addWidget(self.scores.table, 8)

    def build_plots(self) -> None:
        self.scores.build_plot()

    # --- what is stacked ------------------------------------------------------------------
    def base_id(self) -> str | None:
        return self.picker.base_id()

    def task(self) -> str:
        return self.task_combo.currentData() or "same"

    def weights(self) -> tuple[float, ...]:
        return self.table.weights()

    def add(self, model_id: str | None = None) -> None:
        """Stack `model_id` (default: the one chosen in stackAdapterCombo) on top, at weight 1; what the core
        refuses is boxed with its reason, and the stack stays as it was."""
        model_id = model_id or self.adapter_combo.currentData()
        if model_id:
            self.set_stack((*self.ids, model_id), (*self.weights(), 1.0))

    def remove(self, index: int) -> None:
        ids, weights = list(self.ids), list(self.weights())
        del ids[index], weights[index]
        self.set_stack(ids, weights)

    def set_stack(self, ids: Sequence[str], weights: Sequence[float], task: str | None = None) -> None:
        """Stack the adapters `ids` at `weights` (−1 … 2), scored on `task` (default: their tasks together). The
        core loads them in the worker; what it refuses leaves the stack as it was, and its reason is boxed."""
        ids, weights = tuple(ids), tuple(weights)
        if not ids:
            self._take(None)
            return
        from lora_studio.core.workflows.combine import combined_task  # the core is loaded: adapters are listed

        tasks = {info.id: info.task for info in self.state.models}
        task = task or combined_task([tasks.get(model_id, "same") for model_id in ids])
        self._asked = ids
        self.status.setText(self.tr("Loading the stack…"))
        self.state.run_soon("stack-load", stack_jobs.make_stack_scores(
            self.state.cache, self.state.stacks, self.state.data_root, self.state.models_root, ids, weights, task,
            on_done=lambda result: self._on_loaded(result, ids, weights, task)))

    def apply_setup(self, setup: StackSetup) -> None:
        """A lesson's stack: its base, its adapters with their weights and its task (None: the adapters' tasks
        together). A base not in the library, or a weight out of range, is said in a message box."""
        from lora_studio.core.config import check_range
        from lora_studio.core.errors import USER_ERRORS

        if self.base_combo.findData(setup.base_id) < 0:
            self.state.tell("warning", self.tr("Adapter stack"),
                            self.tr("Base model {0} is not in the library.").format(setup.base_id))
            return
        try:
            for _model_id, weight in setup.adapters:
                check_range("adapter weight", weight, "adapter_weight")
        except USER_ERRORS as exc:
            self.state.tell("warning", self.tr("Adapter stack"), sentence(core_texts.user_error(exc)) + ".")
            return
        self.picker.select_base(setup.base_id)
        self.set_stack([model_id for model_id, _ in setup.adapters], [w for _, w in setup.adapters], setup.task)

    # --- combining ------------------------------------------------------------------------
    def save_combination(self, how: str | None = None, rank: int | None = None) -> bool:
        """Combine the stack at the sliders' weights `how` (default: combineHowCombo's) and save it; svd keeps
        `rank` (default: combineRank's). False when nothing was started (no stack, or another job runs)."""
        if not self.ids:
            return False
        how = how or self.combine.how()
        if how == SVD and rank is None:
            rank = self.rank.value()
        return self.state.start(stack_jobs.make_combine(
            self.state.cache, self.state.stacks, self.state.data_root, self.state.models_root, self.ids, self.weights(),
            how, rank if how == SVD else None, self.task(), on_done=self._on_combined))

    # --- slots --------------------------------------------------------------------------
    def _on_models(self, models) -> None:
        self.picker.fill(models)  # another base chosen empties the stack (_on_base)
        self.family = seed_family(self.state.models, self.ids)

    def _on_base(self) -> None:
        if self.ids:
            self._take(None)

    def _on_loaded(self, result, ids: tuple[str, ...], weights: tuple[float, ...], task: str) -> None:
        if ids != self._asked:
            return  # another stack was asked for since
        self._asked = None
        if not isinstance(result, stack_jobs.StackScored) or result.status != "finished":
            self.state.tell("warning", self.tr("These adapters cannot be stacked"), sentence(result.message) + ".")
            self._show()
            return
        self._take(result, weights, task)

    def _take(self, result: stack_jobs.StackScored | None, weights: tuple[float, ...] = (),
              task: str | None = None) -> None:
        """The core accepted a new stack (`result`, scored at `weights`), or the stack is emptied (None)."""
        if result is None or result.ids != self.ids:
            self.saved = []
        self.ids = result.ids if result is not None else ()
        self.adapters = result.adapters if result is not None else ()
        self.scored = result
        self.parts = self.seeds = None
        self._moves.count += 1  # a seed job on its way is for the stack before
        self._seeds_timer.stop()
        for key in ("stack", "stack-parts", "stack-seeds"):
            self.state.cancel_soon(key)
        self._parts_waiting = False
        self.family = seed_family(self.state.models, self.ids)
        self.table.blockSignals(True)
        self.table.set_adapters(self.adapters, result.overlap if result is not None else {}, list(weights))
        self.table.blockSignals(False)
        if result is not None:
            fill_stack_tasks(self.task_combo, result.combined_task, [a.task for a in self.adapters])
            select_task(self.task_combo, result.task)
        else:
            self.task_combo.clear()
        self.combine.fit(result.svd_rank if result is not None else None, [a.rank for a in self.adapters])
        self._busy("combine", self.state.busy_kind == "combine")
        self.sigStackChanged.emit()
        self._show()
        if result is not None:
            self._request_parts()
            self._seeds_timer.start()

    def _request_scores(self) -> None:
        """A slider moved: score the stack at the new weights (a newer move replaces this job while it waits), before
        the parts still waiting; the seed siblings wait until the sliders stand still."""
        if not self.ids:
            return
        self._moves.count += 1
        self._seeds_timer.stop()
        self.state.cancel_soon("stack-seeds")
        if self._parts_waiting:
            self.state.cancel_soon("stack-parts")  # asked again below, after the stack: the numbers that move first
        ids, task = self.ids, self.task()
        self.state.run_soon("stack", stack_jobs.make_stack_scores(
            self.state.cache, self.state.stacks, self.state.data_root, self.state.models_root, ids, self.weights(),
            task, on_done=self._on_scored))
        if self._parts_waiting:
            self._request_parts()

    def _request_parts(self) -> None:
        self._parts_waiting = True
        self.state.run_soon("stack-parts", stack_jobs.make_parts(
            self.state.cache, self.state.stacks, self.state.data_root, self.state.models_root, self.ids, self.task(),
            [saved.model_id for saved in self.saved], on_done=self._on_parts))

    def _request_seeds(self) -> None:
        """The sliders stood still at the weights last scored: score the seed siblings there (stopped by a move)."""
        if self.family and self.scored is not None and self.scored.weights == self.weights():
            moves, count = self._moves, self._moves.count
            self.state.run_soon("stack-seeds", stack_jobs.make_seed_scores(
                self.state.cache, self.state.stacks, self.state.data_root, self.state.models_root, self.ids,
                self.family, self.weights(), self.task(), on_done=self._on_seeds, stale=lambda: moves.count != count))

    def _current(self, result) -> bool:
        return result.ids == self.ids and result.task == self.task()

    def _on_task(self) -> None:
        if not self.ids:
            return
        self.scored = self.parts = self.seeds = None
        self._show()
        self._request_scores()  # the seeds of the task before are stale from here
        if not self._parts_waiting:
            self._request_parts()

    def _on_scored(self, result) -> None:
        if not isinstance(result, stack_jobs.StackScored) or result.status != "finished":
            self.status.setText(self.tr("Could not score the stack: {0}").format(result.message))
            return
        if not self._current(result):
            return  # another stack or task by now
        self.scored = result
        self._show()
        if result.weights == self.weights():
            self._seeds_timer.start()

    def _on_parts(self, result) -> None:
        self._parts_waiting = False
        if isinstance(result, stack_jobs.PartsScored) and result.status == "finished" and self._current(result):
            self.parts = result
            self._show()

    def _on_seeds(self, result) -> None:
        if isinstance(result, stack_jobs.SeedsScored) and result.status == "finished" and self._current(result) \
                and result.weights == self.weights():
            self.seeds = result
            self._show()

    def _on_combined(self, result) -> None:
        """The `on_done` of a combination saved here (a refusal is boxed by AppState: a job that is not quiet)."""
        if not isinstance(result, stack_jobs.CombinationSaved) or result.status != "finished":
            return
        if result.ids == self.ids:
            self.saved.append(result)
            self._show()
            if result.task != self.task():
                self._request_parts()

    def _busy(self, kind: str, running: bool) -> None:
        if kind == "combine":
            self.combine.set_busy(running)

    # --- what is shown ----------------------------------------------------------------------
    def shown(self):
        """The models of the plot and the table, in order (stack_summary.shown_models)."""
        return shown_models(self.adapters, self.scored, self.parts, self.seeds, self.saved, self.task())

    def _show(self) -> None:
        if not self.ids:
            self.scores.set_task("", 0)
            self.scores.show_models([])
            self.status.setText(self.tr("Pick a base model, then add the LoRA adapters trained from it: each gets a "
                                        "weight, and the stack is scored on the chosen task without training.")
                                if self.base_combo.count() else self.tr("Train a base model and LoRA adapters from "
                                                                        "it first."))
            self.sigScored.emit()
            return
        self.scores.set_task(core_texts.task_title(self.task()), len(self.seeds.seeds) if self.seeds else 0)
        self.scores.show_models(self.shown())
        self.status.setText(stack_sentence(self.scored, self.parts, self.table.shared_layers()))
        self.sigScored.emit()
