"""The lessons that stack trained adapters: the runs each asks for, found in the library, and the stage its "Set it
up" is at.

Such a lesson needs two LoRA adapters trained from one base, and the LoRA tab runs one fine-tuning at a time, so
"Set it up" goes in stages: the first adapter's run on the LoRA tab, then the second's, then, with both in the
library, the Evaluation tab's adapter stack holding them (`stage`). The card says which stage it is at and why. A
run counts for a part of the lesson when it is a LoRA model of the newest base (the one the other tabs are set up
from), trained on the part's task for the lesson's epochs, on exactly the part's layers, without extra inputs, and
not itself a combination of adapters; of several settings, the newest one's seeds count. The epochs keep out the
earlier lessons' runs (conv1 on inverted digits for two epochs, one seed): the answer's figures and their
interval are those of the runs the card sets up. Nothing here imports PyTorch.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.i18n import core_texts
from lora_studio.gui.learn.lessons import Setup, newest_base
from lora_studio.gui.shared.setup import StackSetup

if TYPE_CHECKING:
    from lora_studio.gui.shared.state.app_state import ModelInfo


@dataclass(frozen=True)
class Part:
    """One adapter the lesson stacks: LoRA on `layers`, trained on `task`."""

    layers: tuple[str, ...]
    task: str


@dataclass(frozen=True)
class StackLesson:
    """What a stacking lesson trains, and what its answer scores (stack_answers.py)."""

    #: what the answer judges (stack_words.py): "composition" (the stack on a task none of the parts saw, against
    #: the better part alone) or "interference" (on each part's own task, the stack against that part alone)
    measures: str
    parts: tuple[Part, ...]  # the adapters, in the stack's order
    scored_on: tuple[str, ...]  # the tasks the answer scores on; the stack page is set up on the first
    stacked: tuple[tuple[float, ...], ...]  # the weights the answer quotes the stack at; the first is set up
    with_base: bool = True  # the answer quotes the base (every weight 0) too
    seeds: int = 3  # each run's seeds on the LoRA tab (0, 1, …): the answer's interval is over them
    epochs: int = 1

    def run_setup(self, part: Part) -> Setup:
        """The LoRA tab's run for `part`: r 8, α 16, no extra input, no control."""
        return Setup(tab="loraTab", task=part.task, layers=part.layers, rank=8, alpha=16.0, features=(),
                     control=False, seeds=self.seeds, epochs=self.epochs)

    def weights(self) -> tuple[tuple[float, ...], ...]:
        """Every stack the answer scores: the base (when quoted), each adapter alone at 1, then `stacked`."""
        n = len(self.parts)
        alone = tuple(tuple(1.0 if j == i else 0.0 for j in range(n)) for i in range(n))
        return ((0.0,) * n,) * self.with_base + alone + self.stacked


@dataclass(frozen=True)
class StackRuns:
    """A lesson's runs in the library, from the newest base: per part, its runs of one setting, the newest run of
    each seed, newest first (empty: not trained yet)."""

    base: "ModelInfo"
    runs: tuple[tuple["ModelInfo", ...], ...]

    @property
    def complete(self) -> bool:
        return all(self.runs)

    def stacks(self) -> tuple[tuple[int | None, tuple[str, ...]], ...]:
        """(seed, the ids of that seed's run of each part) for every seed all parts were run with, in seed order;
        with no seed in common, the newest run of each, as one stack of no particular seed."""
        if not self.complete:
            return ()
        by_seed = [{m.seed: m.id for m in runs if m.seed is not None} for runs in self.runs]
        common = sorted(set.intersection(*(set(seeds) for seeds in by_seed)))
        if not common:
            return ((None, tuple(runs[0].id for runs in self.runs)),)
        return tuple((seed, tuple(seeds[seed] for seeds in by_seed)) for seed in common)

    def shown(self) -> tuple[str, ...]:
        """The stack "Set it up" puts on the stack page: the first seed's (the page finds the other seeds itself)."""
        return self.stacks()[0][1]


@dataclass(frozen=True)
class Stage:
    number: int  # 1 … len(parts): that part's run; len(parts) + 1: the stack
    setup: Setup
    note: str  # which stage, and why, in the window's language


def counts_for(model, part: Part, base_id: str, epochs: int) -> bool:
    """Whether the library's `model` (state.ModelInfo) is a run of `part` from the base `base_id` for `epochs`."""
    return (not model.error and model.method == "lora" and model.parent == base_id and model.task == part.task
            and model.epochs == epochs and not model.features and set(model.layers) == set(part.layers)
            and bool(model.setting) and model.setting[-1] is None)  # the key's last field: the combination


def find_runs(lesson: StackLesson, models, dataset: str = "mnist") -> StackRuns | None:
    """The lesson's runs from the newest base on `dataset` (the library lists the newest first); None: no base."""
    base = newest_base(models, dataset)
    if base is None:
        return None
    found = []
    for part in lesson.parts:
        runs = [m for m in models if counts_for(m, part, base.id, lesson.epochs)]
        newest: dict = {}
        for m in runs:
            if m.setting == runs[0].setting:
                newest.setdefault(m.seed, m)
        found.append(tuple(newest.values()))
    return StackRuns(base, tuple(found))


def part_title(part: Part) -> str:
    return QCoreApplication.translate("lessons", "LoRA on {0} trained on {1}").format(
        "+".join(part.layers), core_texts.task_title(part.task))


def stage(lesson: StackLesson, models, dataset: str = "mnist") -> Stage:
    """Where the lesson stands in the library `models` (state.ModelInfo, newest first): the first part not
    trained from the newest base yet (the first part when there is no base: the card's base note says what to do
    first), else the stack of them all."""
    steps = len(lesson.parts) + 1
    found = find_runs(lesson, models, dataset)
    if found is None:
        first = lesson.parts[0]
        return Stage(1, lesson.run_setup(first), QCoreApplication.translate(
            "lessons", "Step 1 of {0}: {1}, once there is a base model.").format(steps, part_title(first)))
    missing = next((i for i, runs in enumerate(found.runs) if not runs), None)
    trained = [QCoreApplication.translate("lessons", "{0} ({1} seed(s))").format(part_title(part), len(runs))
               for part, runs in zip(lesson.parts, found.runs, strict=True) if runs]
    if missing is not None:
        part = lesson.parts[missing]
        note = QCoreApplication.translate(
            "lessons", "Step {0} of {1}: your library has no {2} for {3} epoch(s) from base {4} yet, so Set it up "
            "prepares that run on the LoRA tab. Click Set it up again once it has finished.").format(
            missing + 1, steps, part_title(part), lesson.epochs, found.base.name)
        if trained:
            note += " " + QCoreApplication.translate("lessons", "Already there: {0}.").format(
                core_texts.listed(trained))
        return Stage(missing + 1, lesson.run_setup(part), note)
    task = lesson.scored_on[0]
    stack = StackSetup(found.base.id, tuple(zip(found.shown(), lesson.stacked[0], strict=True)), task)
    note = QCoreApplication.translate(
        "lessons", "Step {0} of {0}: both adapters are in your library ({1}). Set it up stacks them on the "
        "Evaluation tab, without training.").format(steps, core_texts.listed(trained))
    return Stage(steps, Setup(tab="evalTab", task=task, features=(), control=False, stack=stack), note)
