"""A lesson's own runs: find them in the library (or the newest sweep) and word their figures for its answer.

Each finder takes a `lessons.LessonContext` and returns the paragraphs to quote, or None when the person has
no such run yet. They are called only once PyTorch has loaded (the core's statistics import it), never when
this module is imported. The library lists the newest model first, so "the first that matches" is the newest.
"""

from collections import defaultdict

from PySide6.QtCore import QCoreApplication

from lora_studio.core.vocabulary import FEATURE_LORA, LORA  # the library's kinds: a control is kept as LoRA
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.score_texts import effect_points, points
from lora_studio.gui.i18n.words import method_title, variant_title


def percent(value: float) -> str:
    return f"{100 * value:.2f} %"


def _usable(model) -> bool:
    return not model.error and model.test_accuracy is not None


def _per_seed(runs: list) -> list:
    """The newest run of each seed: the same settings run again with the same seed are no new evidence."""
    newest: dict = {}
    for m in runs:
        newest.setdefault(m.seed, m)
    return list(newest.values())


def article(ctx) -> list[str] | None:
    """The newest brightness + LoRA run on the base's own task, with its control and its base."""
    feature = next((m for m in ctx.models if m.kind == FEATURE_LORA and m.task == "same" and _usable(m)), None)
    if feature is None:
        return None
    lines = []
    if feature.base_target_accuracy is not None:
        lines.append(QCoreApplication.translate("lessons", "Your base model, before fine-tuning: {0}.").format(
            percent(feature.base_target_accuracy)))
    lines.append(QCoreApplication.translate(
        "lessons", "Feature + LoRA ({0}): {1}, training {2} of {3} parameters.").format(
        feature.name, percent(feature.test_accuracy), f"{feature.trainable_params or 0:,}",
        f"{feature.total_params or 0:,}"))
    control = next((m for m in ctx.models if m.kind == LORA and _usable(m) and m.seed == feature.seed
                    and m.setting == feature.setting), None)
    if control is not None:
        lines.append(QCoreApplication.translate(
            "lessons", "Its control, the same LoRA without the extra input: {0}. Feature minus control: {1} "
            "points.").format(percent(control.test_accuracy),
                              f"{100 * (feature.test_accuracy - control.test_accuracy):+.2f}"))
    return lines


def feature_effect(ctx) -> list[str] | None:
    """The feature's effect over seeds: the per-seed pairs of feature and control runs of one setting (the
    setting with the most pairs; the newest among equals), judged by the core (`scores.feature_effect`: its
    verdict over the seeds' differences) and worded here."""
    from lora_studio.core.evaluation.scores import feature_effect as judge
    from lora_studio.core.evaluation.scores import mean_interval

    pairs: dict[tuple, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for m in ctx.models:
        if m.kind in (FEATURE_LORA, LORA) and m.task == "same" and _usable(m) and m.seed is not None:
            pairs[m.setting][m.seed].setdefault(m.kind, m.test_accuracy)  # the newest run of a seed counts
    complete = {key: [s for s in seeds.values() if len(s) == 2] for key, seeds in pairs.items()}
    if not any(complete.values()):
        return None
    runs = max(complete.values(), key=len)  # max keeps the first (newest) of equals
    n = len(runs)
    if n < 2:  # one seed: the library keeps no per-image answers, and one run says nothing of the spread
        difference = 100 * (runs[0][FEATURE_LORA] - runs[0][LORA])
        verdict = QCoreApplication.translate(
            "lessons", "Feature minus control, one seed: {0}. One seed says nothing of how much runs vary: run "
            "this lesson's five seeds to get an interval.").format(
            QCoreApplication.translate("scores", "{0} points").format(f"{difference:+.2f}"))
    else:
        effect = judge([run[FEATURE_LORA] for run in runs], [run[LORA] for run in runs])
        difference = effect_points(effect)
        if effect.verdict == "unclear":
            verdict = QCoreApplication.translate(
                "lessons", "No clear effect: feature minus control is {0} over {1} seeds, and the 95 % interval "
                "holds zero, so the difference may well be chance.").format(difference, effect.seeds)
        elif effect.verdict == "helps":
            verdict = QCoreApplication.translate(
                "lessons", "The feature helps: feature minus control is {0} over {1} seeds, the whole 95 % "
                "interval above zero.").format(difference, effect.seeds)
        else:
            verdict = QCoreApplication.translate(
                "lessons", "The feature hurts: feature minus control is {0} over {1} seeds, the whole 95 % "
                "interval below zero.").format(difference, effect.seeds)
    feature = mean_interval(run[FEATURE_LORA] for run in runs)
    control = mean_interval(run[LORA] for run in runs)
    return [QCoreApplication.translate("lessons", "Feature + LoRA: {0}; control: {1} (means over {2} seed(s), "
                                       "95 % intervals in brackets).").format(points(feature), points(control), n),
            verdict]


def task_runs(task: str):
    """A finder of the runs on `task`: one line per method and set of layers, its mean over the seeds."""

    def find(ctx) -> list[str] | None:
        from lora_studio.core.evaluation.scores import mean_interval

        groups: dict[tuple, list] = defaultdict(list)
        for m in ctx.models:
            if m.task == task and m.method and _usable(m):
                groups[m.setting].append(m)  # one setting: its seeds (core same_setting.setting_key)
        if not groups:
            return None
        groups = {key: _per_seed(runs) for key, runs in groups.items()}
        first = next(iter(groups.values()))[0]
        lines = []
        if first.base_target_accuracy is not None:
            lines.append(QCoreApplication.translate("lessons", "The base as it is, on {0}: {1}.").format(
                core_texts.task_title(task), percent(first.base_target_accuracy)))
        for runs in groups.values():
            run = runs[0]
            what = QCoreApplication.translate("lessons", "LoRA on {0}, r = {1}").format(
                "+".join(run.layers), run.rank) if run.method == "lora" else method_title(run.method)
            lines.append(QCoreApplication.translate(
                "lessons", "{0} ({1} trainable parameters, {2} epoch(s), {3} seed(s)): {4} on the task; {5} on the "
                "base's own digits.").format(
                what, f"{run.trainable_params or 0:,}", run.epochs, len(runs),
                points(mean_interval(m.test_accuracy for m in runs)), _source(runs)))
        return lines

    return find


def _source(runs) -> str:
    known = [m.source_accuracy for m in runs if m.source_accuracy is not None]
    return percent(sum(known) / len(known)) if known else "?"


def forgetting(ctx) -> list[str] | None:
    """The newest run on another task than the base's own, with the runs of the same setting over seeds."""
    from lora_studio.core.evaluation.scores import mean_interval

    newest = next((m for m in ctx.models if m.task != "same" and m.method and m.forgetting is not None
                   and _usable(m)), None)
    if newest is None:
        return None
    runs = _per_seed([m for m in ctx.models
                      if m.setting == newest.setting and m.forgetting is not None and _usable(m)])
    return [QCoreApplication.translate(
        "lessons", "{0}, on {1}: {2} on the task (the base: {3}); on the base's own digits {4}, where the base "
        "scored {5}. Forgetting: {6} ({7} seed(s)).").format(
        newest.name, core_texts.task_title(newest.task), points(mean_interval(m.test_accuracy for m in runs)),
        percent(newest.base_target_accuracy or 0), points(mean_interval(m.source_accuracy for m in runs)),
        percent(newest.base_source_accuracy or 0), points(mean_interval(m.forgetting for m in runs), signed=True),
        len(runs))]


def merged(ctx) -> list[str] | None:
    """The newest LoRA model (one like the lesson's, brightness on the same task, first): its parameters with
    the adapters beside the weights, and merged into them."""
    from lora_studio.core.config import LoraConfig, ModelConfig
    from lora_studio.core.model.params import method_budget

    adapted = [m for m in ctx.models if m.method == "lora" and m.rank and _usable(m)]
    model = next((m for m in adapted if m.kind == FEATURE_LORA and m.task == "same"), adapted[0] if adapted else None)
    if model is None:
        return None
    config = ModelConfig(feature_dim=len(model.features))
    plain = method_budget("full", config).total  # the CNN's own parameters
    adapters = method_budget("lora", config, LoraConfig(rank=model.rank, layers=model.layers,
                                                        variant=model.variant or "lora")).total - plain
    return [QCoreApplication.translate(
        "lessons", "{0}: {1} parameters with its adapters beside the weights ({2} of them trained). Merged, it is "
        "a plain CNN of {3} parameters: the adapters' {4} numbers are folded into the weights they adapt.").format(
        model.name, f"{model.total_params or plain + adapters:,}", f"{model.trainable_params or 0:,}",
        f"{plain:,}", f"{adapters:,}")]


def rank_sweep(ctx) -> list[str] | None:
    """The newest Compare study: each setting's mean target accuracy over its seeds, by trainable parameters."""
    from lora_studio.core.errors import StorageError
    from lora_studio.core.evaluation.pareto import setting_means
    from lora_studio.core.evaluation.same_setting import setting_key
    from lora_studio.core.storage.studies import StudyStore

    store = StudyStore(ctx.studies_dir)
    for study_id in store.list():
        try:
            study = store.load(study_id)
        except StorageError:
            continue
        if study["runs"]:
            break
    else:
        return None
    lines = [QCoreApplication.translate("lessons", "Your newest sweep, {0}, on {1}:").format(
        study.get("id", ""), core_texts.task_title(study["task"]))]
    best: dict[int, float] = {}
    for setting in sorted(setting_means(study["runs"], setting_key), key=lambda s: s.trainable_params):
        run = study["runs"][setting.runs[0]]
        method, variant, rank = run["method"], run["variant"], run["rank"]
        what = f"{variant_title(variant)} {'+'.join(run['layers'])} r = {rank}" if method == "lora" \
            else method_title(method)
        lines.append(QCoreApplication.translate("lessons", "{0}: {1} trainable parameters, {2}.").format(
            what, f"{setting.trainable_params:,}", points(setting.accuracy)))
        if method == "lora" and variant == "lora":
            best[rank] = max(best.get(rank, 0.0), setting.accuracy.mean)
    if len(best) >= 2:
        top = max(best.values())
        enough = min(rank for rank, value in best.items() if value >= top - 0.01)
        lines.append(QCoreApplication.translate(
            "lessons", "The smallest rank within one point of your best LoRA rank: r = {0}.").format(enough))
    return lines
