"""The answers of the lessons that stack adapters, quoting the person's own runs: scored by the core in the worker.

What such an answer quotes is not in any record: the stack of the person's two adapters, each alone, and the
base, on tasks none of them was trained for, at the lesson's weights. `StackAnswers` asks the worker for them (a
quiet job, `make_scores`: the core's `load_stack` and `task_splits`, then `AdapterStack.accuracies`, once per
seed the two adapters were run with), keeps what came back by the runs it was for, and meanwhile the answer says
it is scoring. The Evaluation tab's stack page scores the same way, but shows one task and one set of weights at
a time, and the Learn tab never reaches another tab: the answer does its own scoring. The words are in
stack_words.py.
"""

from __future__ import annotations  # the core in annotations only: it loads after the window shows

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.caches import DataCache, StackCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone
from lora_studio.gui.learn import stack_words
from lora_studio.gui.learn.stack_lessons import StackLesson, StackRuns, find_runs

JOB_KEY = "lesson-stack"  # the runner's key: a newer answer's scoring replaces one still waiting
#: (weights, task) → the accuracy of each seed's stack at those weights on that task, in the seeds' order
Table = dict[tuple[tuple[float, ...], str], tuple[float, ...]]


@dataclass(frozen=True)
class StackAnswerScores(JobResult):
    stacks: tuple[tuple[str, ...], ...] = ()  # the ids of each stack scored (one per seed)
    table: Table = field(default_factory=dict)


def make_scores(cache: DataCache, stacks: StackCache, root: Path, models: Path, ids: Sequence[tuple[str, ...]],
                weights: Sequence[tuple[float, ...]], tasks: Sequence[str], on_done: OnDone | None = None) -> Job:
    """Each stack of `ids` at each of `weights`, on each of `tasks` (names as recorded): the core's
    AdapterStack.accuracies on the tasks' test splits made from the adapters' data set. A user error (a base that
    changed, a damaged file) fails the job with the core's one line."""
    ids, weights, tasks = tuple(tuple(i) for i in ids), tuple(tuple(w) for w in weights), tuple(tasks)

    def run(ctx: JobContext) -> StackAnswerScores:
        scores: dict[tuple[tuple[float, ...], str], list[float]] = {}
        for members in ids:
            stack, records = stacks.stack(models, members)
            splits = {task: stacks.split(cache, root, records[0].dataset, task) for task in tasks}
            for w in weights:
                for task, accuracy in stack.accuracies(splits, list(w)).items():
                    scores.setdefault((w, task), []).append(accuracy)
        message = QCoreApplication.translate("lessons", "Your {0} stack(s) scored for the lesson").format(len(ids))
        return StackAnswerScores("finished", message, stacks=ids, table={k: tuple(v) for k, v in scores.items()})

    return Job("stack", run, on_done=on_done)


class StackAnswers:
    """The own figures of the stacking lessons: worded from the worker's scores once they are in, asked for when
    they are not. `on_scored` is called (in the GUI thread) when scores come back, to show the card again."""

    def __init__(self, state, on_scored: Callable[[], None]):
        self.state = state  # AppState
        self.on_scored = on_scored
        self._done: dict[tuple, StackAnswerScores | str] = {}  # by `_key`: the scores, or why there are none
        self._asked: tuple | None = None  # the key of the scoring on its way

    def figures(self, lesson: StackLesson, models) -> list[str] | None:
        """The answer's quote of the person's runs (`models`: state.ModelInfo): None without any, the runs alone
        while one adapter is missing, the stack's scores once the worker has them (asked for here)."""
        runs = find_runs(lesson, models)
        if runs is None or not any(runs.runs):
            return None
        if not runs.complete:
            return stack_words.partial(lesson, runs)
        key = _key(lesson, runs)
        done = self._done.get(key)
        if isinstance(done, StackAnswerScores):
            return stack_words.answer(lesson, runs, done.table)
        if done is not None:
            return [QCoreApplication.translate("lessons", "Your adapters could not be scored together: {0}").format(
                done)]
        if key != self._asked:
            self._ask(lesson, runs, key)
        return [QCoreApplication.translate(
            "lessons", "Scoring your adapters together in the background, {0} stack(s) of them…").format(
            len(runs.stacks()))]

    def _ask(self, lesson: StackLesson, runs: StackRuns, key: tuple) -> None:
        self._asked = key
        state = self.state
        state.run_soon(JOB_KEY, make_scores(
            state.cache, state.stacks, state.data_root, state.models_root, [ids for _, ids in runs.stacks()],
            lesson.weights(), lesson.scored_on, on_done=lambda result: self._on_scores(key, result)))

    def _on_scores(self, key: tuple, result: JobResult) -> None:
        if self._asked == key:
            self._asked = None
        if isinstance(result, StackAnswerScores) and result.status == "finished":
            self._done[key] = result
        else:
            self._done[key] = result.message
        self.on_scored()

    def retry(self) -> None:
        """The library changed: a scoring that failed (a base replaced, a file damaged) is tried again when asked."""
        self._done = {key: done for key, done in self._done.items() if isinstance(done, StackAnswerScores)}


def _key(lesson: StackLesson, runs: StackRuns) -> tuple:
    """What an answer's scores depend on: the lesson and the stacks of the runs (their ids and seeds)."""
    return lesson, runs.stacks()
