"""The stacking lessons' own figures in words: the scores of the person's stacks (stack_answers.py) as means over
the seeds with their 95 % intervals (core scores.mean_interval), and what they show.

"Composition" judges the stack on a task none of its adapters saw against the better adapter alone; "interference"
judges, on each adapter's own task, the adapters summed against that adapter alone. The difference is taken seed
by seed (each seed's stack against the same seed's adapters), and only an interval that holds no zero is read as
an effect; one seed gives no interval, and the text says so. Called once PyTorch has loaded (the core's statistics
import NumPy), never when this module is imported.
"""

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.score_texts import points
from lora_studio.gui.learn.stack_lessons import StackLesson, StackRuns, part_title


def _interval(values):
    from lora_studio.core.evaluation.scores import mean_interval

    return mean_interval(values)


def partial(lesson: StackLesson, runs: StackRuns) -> list[str]:
    """While a part is missing: each part trained so far on its own task, and what comes next."""
    lines = []
    for part, found in zip(lesson.parts, runs.runs, strict=True):
        if found and all(m.test_accuracy is not None for m in found):
            lines.append(QCoreApplication.translate("lessons", "{0}: {1} on its own task ({2} seed(s)).").format(
                part_title(part), points(_interval(m.test_accuracy for m in found)), len(found)))
    missing = next(part for part, found in zip(lesson.parts, runs.runs, strict=True) if not found)
    lines.append(QCoreApplication.translate(
        "lessons", "The stack's figures come once {0} is in your library too: click Set it up.").format(
        part_title(missing)))
    return lines


def answer(lesson: StackLesson, runs: StackRuns, table: dict) -> list[str]:
    """The lesson's figures from `table` ((weights, task) → each seed's accuracy, stack_answers.Table)."""
    seeds = [seed for seed, _ in runs.stacks()]
    which = QCoreApplication.translate("lessons", "seeds {0}").format(core_texts.listed(seeds)) \
        if None not in seeds else QCoreApplication.translate("lessons", "the newest runs")
    head = QCoreApplication.translate(
        "lessons", "Your adapters stacked by the core, {0} stack(s) of them ({1}); means over the seeds, 95 % "
        "intervals in brackets:").format(len(seeds), which)
    body = composition(lesson, table) if lesson.measures == "composition" else interference(lesson, table)
    return [head, *body]


def _alone(lesson: StackLesson, i: int) -> tuple[float, ...]:
    return tuple(1.0 if j == i else 0.0 for j in range(len(lesson.parts)))


def _alone_text(part, accuracies) -> str:
    return QCoreApplication.translate("lessons", "{0} alone {1}").format(part_title(part),
                                                                         points(_interval(accuracies)))


def composition(lesson: StackLesson, table: dict) -> list[str]:
    """On the task none of the adapters saw: the base, each alone, both together; and together minus the better
    adapter alone, seed by seed."""
    task = lesson.scored_on[0]
    alone = [table[(_alone(lesson, i), task)] for i in range(len(lesson.parts))]
    together = table[(lesson.stacked[0], task)]
    base = table.get(((0.0,) * len(lesson.parts), task))
    lines = [QCoreApplication.translate(
        "lessons", "On {0}: the base {1}; {2}; both together, without training, {3}.").format(
        core_texts.task_title(task), points(_interval(base[:1])) if base else "?",  # one model, whatever the seed
        core_texts.listed(_alone_text(part, alone[i]) for i, part in enumerate(lesson.parts)),
        points(_interval(together)))]
    gain = _interval(t - max(a[k] for a in alone) for k, t in enumerate(together))
    difference = points(gain, signed=True)
    if gain.n < 2:
        lines.append(QCoreApplication.translate(
            "lessons", "Both together minus the better adapter alone: {0}, from one seed, which says nothing of how "
            "much runs vary: run more seeds (the LoRA tab's Seeds) for an interval.").format(difference))
    elif gain.spans_zero:
        lines.append(QCoreApplication.translate(
            "lessons", "No clear gain from stacking them: both together minus the better adapter alone is {0}, and "
            "the 95 % interval holds zero.").format(difference))
    elif gain.mean > 0:
        lines.append(QCoreApplication.translate(
            "lessons", "They compose: both together beat the better adapter alone by {0}, the whole 95 % interval "
            "above zero. Adapters on different layers, for different changes, add up to a model for a task none "
            "of them saw.").format(difference))
    else:
        lines.append(QCoreApplication.translate(
            "lessons", "They do not compose here: both together minus the better adapter alone is {0}, the whole "
            "95 % interval below zero.").format(difference))
    return lines


def interference(lesson: StackLesson, table: dict) -> list[str]:
    """On each adapter's own task: it alone, the others alone, all summed and all averaged; and summed minus it
    alone, seed by seed."""
    summed, averaged = lesson.stacked[0], lesson.stacked[1]
    lines = []
    for i, task in enumerate(lesson.scored_on):
        title = core_texts.task_title(task)
        own = table[(_alone(lesson, i), task)]
        others = core_texts.listed(_alone_text(part, table[(_alone(lesson, j), task)])
                                   for j, part in enumerate(lesson.parts) if j != i)
        lines.append(QCoreApplication.translate(
            "lessons", "On {0}: {1}; {2}; summed (both at 100 %) {3}; averaged (both at 50 %) {4}.").format(
            title, _alone_text(lesson.parts[i], own), others, points(_interval(table[(summed, task)])),
            points(_interval(table[(averaged, task)]))))
        loss = _interval(s - a for s, a in zip(table[(summed, task)], own, strict=True))
        difference = points(loss, signed=True)
        if loss.n < 2:
            lines.append(QCoreApplication.translate(
                "lessons", "On {0}, summed minus the adapter trained on it: {1}, from one seed, which says nothing "
                "of how much runs vary: run more seeds for an interval.").format(title, difference))
        elif loss.spans_zero:
            lines.append(QCoreApplication.translate(
                "lessons", "On {0}, no clear effect of adding the other adapter: summed minus the adapter trained "
                "on it is {1}, and the 95 % interval holds zero.").format(title, difference))
        elif loss.mean < 0:
            lines.append(QCoreApplication.translate(
                "lessons", "On {0} they interfere: summed minus the adapter trained on it is {1}, the whole 95 % "
                "interval below zero.").format(title, difference))
        else:
            lines.append(QCoreApplication.translate(
                "lessons", "On {0}, adding the other adapter helped: summed minus the adapter trained on it is {1}, "
                "the whole 95 % interval above zero.").format(title, difference))
    return lines
