"""What the adapter stack's plot, table and sentence say, from the jobs' results: the base, each adapter alone, the
stack at the weights last scored and the combinations saved from it, with their 95 % intervals over seeds (core
scores.mean_interval); and the same in words, with which layers several adapters change."""

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.evaluation.combine_row import how_title
from lora_studio.gui.evaluation.stack_scores import Shown
from lora_studio.gui.evaluation.stack_table import adapter_label
from lora_studio.gui.i18n import core_texts

translate = QCoreApplication.translate  # lupdate reads translate("StackPanel", "…"); a helper's argument it cannot


def _over_seeds(pairs):
    """(MeanInterval on the task, on the source) over the seeds' scores, or None without them."""
    from lora_studio.core.evaluation.scores import mean_interval  # loaded with the core, before any stack

    return None if not pairs else tuple(mean_interval([p[side] for p in pairs]) for side in (0, 1))


def shown_models(adapters, scored, parts, seeds, saved, task: str) -> list[Shown]:
    """The models of the plot and the table, in order: the base, each adapter alone, the stack, the saved
    combinations. `scored`, `parts`, `seeds`: the stack_jobs results on screen (None: on their way); `saved`: the
    CombinationSaved of this stack; `task`: the task chosen now."""
    base = translate("StackPanel", "base")
    shown = [Shown("base", base, base, translate("StackPanel", "The base: every weight at 0 %"),
                   parts.base if parts else None)]
    for i, adapter in enumerate(adapters):
        shown.append(Shown(f"alone:{i}", str(i + 1), translate("StackPanel", "{0} alone").format(i + 1),
                           translate("StackPanel", "Adapter {0} alone at 100 % (the others at 0 %): {1}").format(
                               i + 1, adapter_label(i, adapter)),
                           parts.alone[i] if parts else None, _over_seeds(seeds.alone[i]) if seeds else None))
    weights = ", ".join(f"{round(100 * w)} %" for w in scored.weights) if scored else ""
    stack = translate("StackPanel", "stack")
    # the seeds' stacks at the weights of the stack shown, else none (they come once the sliders stand still)
    alike = seeds is not None and scored is not None and seeds.weights == scored.weights
    shown.append(Shown("stack", stack, stack, translate("StackPanel", "The stack at {0}").format(weights),
                       scored.scores if scored else None, _over_seeds(seeds.stack) if alike else None))
    rescored = dict(parts.saved) if parts else {}
    hows = [s.how for s in saved]
    for n, combination in enumerate(saved):
        scores = rescored.get(combination.model_id, combination.scores if combination.task == task else None)
        axis = how_title(combination.how)  # under its bars, how it was made: "cat", or "cat 2" for the second
        if hows.count(combination.how) > 1:
            axis = f"{axis} {hows[:n + 1].count(combination.how)}"
        tip = translate("StackPanel", "Saved: {0} ({1})").format(combination.name, combination.model_id)
        shown.append(Shown(f"saved:{combination.model_id}", axis, axis, tip, scores))
    return shown


def sentence(scored, parts, shared: list[str]) -> str:
    """The stack's numbers in words, and where its adapters share layers (`shared`)."""
    overlap = translate("StackPanel", "Several adapters change {0}: their updates add up on the same weights and may "
                                      "interfere.").format(core_texts.listed(shared)) if shared \
        else translate("StackPanel", "No two adapters change the same layer.")
    if scored is None:
        return translate("StackPanel", "Scoring…") + " " + overlap
    task, source = scored.scores
    text = translate("StackPanel", "The stack: {0} on {1}, {2} on the source task.").format(
        f"{100 * task:.2f} %", core_texts.task_title(scored.task), f"{100 * source:.2f} %")
    if parts is not None:
        text += " " + translate("StackPanel", "The base: {0} and {1}.").format(f"{100 * parts.base[0]:.2f} %",
                                                          f"{100 * parts.base[1]:.2f} %")
    return text + " " + overlap
