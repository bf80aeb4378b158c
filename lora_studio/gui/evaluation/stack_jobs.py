"""The adapter stack's jobs, run in the worker: score trained LoRA adapters of one base together at the sliders'
weights, their parts, their seed siblings, and save their combination.

Every score is the core's `AdapterStack.accuracies` (evaluation/stack.py: W + Σ w_i·ΔW_i on the frozen base, no
training) on the chosen task's test split and on the source task's. The stacks and the splits stay loaded in a
`StackCache` (background/caches.py) between jobs, so a moved slider costs one scoring of the two splits:
- `make_stack_scores`: the stack at the sliders' weights (loading it first, when it is new: the core refuses, with
  one line, what cannot be stacked), with what the window shows of it before any slider moves: each adapter's
  layers, which layers several adapters share, the composite of their tasks, the largest rank svd can keep;
- `make_parts`: what the stack is judged against, which no slider changes: the base (every weight 0), each
  adapter alone at weight 1, and the combinations saved from it;
- `make_seed_scores`: the same stack made of each seed's runs (the adapters' seed siblings), at the same
  weights, with each of their adapters alone: the spread over seeds;
- `make_combine`: `combine_adapters` with the sliders' weights, saved in the library, then scored as a part.
"""

from __future__ import annotations  # the core in annotations only: it loads after the window shows

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.caches import DataCache, StackCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone

#: (accuracy on the chosen task, accuracy on the source task)
Pair = tuple[float, float]


@dataclass(frozen=True)
class StackedInfo:
    """One adapter of the stack as the window lists it."""

    id: str
    name: str
    layers: tuple[str, ...]  # the layers it adapts, in forward order (the core's StackedAdapter)
    rank: int
    variant: str
    task: str  # what it was trained for
    seed: int


@dataclass(frozen=True)
class StackScored(JobResult):
    ids: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()
    task: str = "same"  # the chosen task, as recorded
    scores: Pair | None = None  # the stack at `weights`
    adapters: tuple[StackedInfo, ...] = ()
    layers: tuple[str, ...] = ()  # every layer some adapter adapts, in forward order
    overlap: dict[str, tuple[int, ...]] = field(default_factory=dict)  # layer → the adapters adapting it
    combined_task: str = "same"  # the composite of the adapters' tasks (workflows/combine.py combined_task)
    svd_rank: int = 1  # the largest rank svd can keep on every adapted layer (and the library allows)


@dataclass(frozen=True)
class PartsScored(JobResult):
    ids: tuple[str, ...] = ()
    task: str = "same"
    base: Pair | None = None  # every weight 0
    alone: tuple[Pair, ...] = ()  # adapter i at weight 1, the others at 0
    saved: tuple[tuple[str, Pair], ...] = ()  # (model id, scores) of each combination saved from the stack


@dataclass(frozen=True)
class SeedsScored(JobResult):
    ids: tuple[str, ...] = ()  # the stack on screen these seeds stand for
    weights: tuple[float, ...] = ()
    task: str = "same"
    seeds: tuple[int, ...] = ()
    stack: tuple[Pair, ...] = ()  # per seed: that seed's stack at `weights`
    alone: tuple[tuple[Pair, ...], ...] = ()  # per adapter, per seed: that seed's adapter alone at weight 1


@dataclass(frozen=True)
class CombinationSaved(JobResult):
    ids: tuple[str, ...] = ()  # its parents
    weights: tuple[float, ...] = ()
    how: str = ""
    model_id: str = ""
    name: str = ""
    task: str = "same"  # the stack's chosen task, `scores` are on it
    scores: Pair | None = None


def _splits(cache: DataCache, stacks: StackCache, root: Path, dataset: str, task: str) -> dict:
    """The chosen task's and the source task's test splits, by task name (one when the task is the source)."""
    return {name: stacks.split(cache, root, dataset, name) for name in dict.fromkeys((task, "same"))}


def _pair(scores: dict[str, float], task: str) -> Pair:
    return scores[task], scores["same"]


def _score(stack, splits: dict, task: str, weights: Sequence[float]) -> Pair:
    return _pair(stack.accuracies(splits, list(weights)), task)


def _svd_rank(stack) -> int:
    """The largest rank svd can keep: min(out, in·kh·kw) of every adapted layer's ΔW, and the library's largest."""
    from lora_studio.core.config import RANGES

    layers = stack.layer_weights([0.0] * len(stack)).values()  # each shaped (out, in) or (out, in, kh, kw)
    return int(min([RANGES["rank"][1], *(min(w.shape[0], w[0].numel()) for w in layers)]))


def make_stack_scores(cache: DataCache, stacks: StackCache, root: Path, models: Path, ids: Sequence[str],
                      weights: Sequence[float], task: str, on_done: OnDone | None = None) -> Job:
    """The stack of `ids` at `weights` on `task` and the source task, with what the window lists of it."""
    ids, weights = tuple(ids), tuple(float(w) for w in weights)

    def run(ctx: JobContext) -> StackScored:
        from lora_studio.core.data.task_names import parse_task
        from lora_studio.core.workflows.combine import combined_task

        stack, records = stacks.stack(models, ids)
        name = parse_task(task).name
        scores = _score(stack, _splits(cache, stacks, root, records[0].dataset, name), name, weights)
        adapters = tuple(StackedInfo(model_id, record.name, adapter.layers, adapter.rank, adapter.variant,
                                     record.task, record.train.seed)
                         for model_id, record, adapter in zip(ids, records, stack.adapters, strict=True))
        message = QCoreApplication.translate("StackJobs", "{0} adapter(s) stacked: {1} % on the chosen task").format(
            len(ids), f"{100 * scores[0]:.2f}")
        return StackScored("finished", message, ids=ids, weights=weights, task=name, scores=scores,
                           adapters=adapters, layers=tuple(stack.layers), overlap=stack.overlap(),
                           combined_task=combined_task([r.task for r in records]), svd_rank=_svd_rank(stack))

    return Job("stack", run, on_done=on_done)


def _parts(stacks: StackCache, stack, splits: dict, task: str, key: tuple) -> tuple[Pair, tuple[Pair, ...]]:
    """The base and each adapter alone, kept in `stacks` under `key` (no slider changes them)."""
    if key not in stacks.scores:
        n = len(stack)
        base = _score(stack, splits, task, [0.0] * n)
        alone = tuple(_score(stack, splits, task, [1.0 if j == i else 0.0 for j in range(n)]) for i in range(n))
        stacks.scores[key] = (base, alone)
    return stacks.scores[key]


def make_parts(cache: DataCache, stacks: StackCache, root: Path, models: Path, ids: Sequence[str], task: str,
               saved: Sequence[str] = (), on_done: OnDone | None = None) -> Job:
    """The base, each adapter of `ids` alone at weight 1 and each saved combination of `saved`, on `task` and the
    source task."""
    ids, saved = tuple(ids), tuple(saved)

    def run(ctx: JobContext) -> PartsScored:
        from lora_studio.core.data.task_names import parse_task

        stack, records = stacks.stack(models, ids)
        name = parse_task(task).name
        splits = _splits(cache, stacks, root, records[0].dataset, name)
        base, alone = _parts(stacks, stack, splits, name, ("parts", str(models), ids, name))
        combinations = tuple((model_id, _saved_scores(stacks, models, model_id, splits, name)) for model_id in saved)
        message = QCoreApplication.translate("StackJobs", "The base and {0} adapter(s) alone scored").format(len(ids))
        return PartsScored("finished", message, ids=ids, task=name, base=base, alone=alone, saved=combinations)

    return Job("stack", run, on_done=on_done)


def _saved_scores(stacks: StackCache, models: Path, model_id: str, splits: dict, task: str) -> Pair:
    """A saved combination is a LoRA adapter of the base: scored as a stack of one at weight 1, as the parts are."""
    key = ("saved", str(models), model_id, task)
    if key not in stacks.scores:
        stack, _records = stacks.stack(models, (model_id,))
        stacks.scores[key] = _score(stack, splits, task, [1.0])
    return stacks.scores[key]


def make_seed_scores(cache: DataCache, stacks: StackCache, root: Path, models: Path, ids: Sequence[str],
                     family: dict[int, tuple[str, ...]], weights: Sequence[float], task: str,
                     on_done: OnDone | None = None, stale: Callable[[], bool] = lambda: False) -> Job:
    """For each seed of `family` (seed → that seed's run of each adapter of `ids`, in order), its stack at `weights`
    and each of its adapters alone, on `task` and the source task. `stale()` (read in the worker: a plain Python
    value, no Qt object) says the sliders moved on: the job stops before its next seed, its work no longer wanted."""
    ids, weights = tuple(ids), tuple(float(w) for w in weights)
    seeds = tuple(sorted(family))

    def run(ctx: JobContext) -> SeedsScored:
        from lora_studio.core.data.task_names import parse_task

        name = parse_task(task).name
        per_seed, alone = [], []
        for seed in seeds:
            if stale():
                return SeedsScored("stopped", "", ids=ids, weights=weights, task=name)
            members = tuple(family[seed])
            stack, records = stacks.stack(models, members)
            splits = _splits(cache, stacks, root, records[0].dataset, name)
            per_seed.append(_score(stack, splits, name, weights))
            alone.append(_parts(stacks, stack, splits, name, ("parts", str(models), members, name))[1])
        message = QCoreApplication.translate("StackJobs", "The stack scored over {0} seeds").format(len(seeds))
        return SeedsScored("finished", message, ids=ids, weights=weights, task=name, seeds=seeds,
                           stack=tuple(per_seed), alone=tuple(zip(*alone, strict=True)))

    return Job("stack", run, on_done=on_done)


def make_combine(cache: DataCache, stacks: StackCache, root: Path, models: Path, ids: Sequence[str],
                 weights: Sequence[float], how: str, rank: int | None, task: str,
                 on_done: OnDone | None = None) -> Job:
    """Combine the adapters `ids` with `weights` `how` (rank: svd's), save the result in the library (scored on its
    own task by the core, as `lora-studio combine` does) and score it on the stack's `task` and the source task.
    A user error (adapters of different bases, a base that changed, a damaged file, a weight out of range, a rank
    svd cannot keep) fails the job with the core's one line, and nothing is saved."""
    ids, weights = tuple(ids), tuple(float(w) for w in weights)

    def run(ctx: JobContext) -> CombinationSaved:
        from lora_studio.core.data.task_names import parse_task
        from lora_studio.core.storage.library import ModelLibrary
        from lora_studio.core.workflows.combine import combine_adapters

        name = parse_task(task).name
        library = ModelLibrary(models)
        ctx.status(QCoreApplication.translate("StackJobs", "Combining {0} adapters ({1})").format(len(ids), how))
        model_id = combine_adapters(library, list(zip(ids, weights, strict=True)), how, rank,
                                    load_dataset=lambda dataset: cache.get(root, dataset), data_root=root,
                                    say=QCoreApplication.translate)  # its name in the window's language
        record = library.record(model_id)
        splits = _splits(cache, stacks, root, record.dataset, name)
        scores = _saved_scores(stacks, models, model_id, splits, name)
        message = QCoreApplication.translate("StackJobs", "Saved {0} ({1}): {2} % on the chosen task").format(
            record.name, model_id, f"{100 * scores[0]:.2f}")
        return CombinationSaved("finished", message, ids=ids, weights=weights, how=how, model_id=model_id,
                                name=record.name, task=name, scores=scores)

    return Job("combine", run, on_done=on_done)
