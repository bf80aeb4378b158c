"""What the Evaluation tab suggests under its table, fitted to the models ticked (before an evaluation) or evaluated
(after one): the feature's effect needs a feature+LoRA model beside its control, so that is asked for only when a
feature+LoRA model is there; a target-task run, a sweep's model or a base alone gets a hint of its own.
"""

from PySide6.QtCore import QCoreApplication

from lora_studio.core.vocabulary import BASE, FEATURE_LORA, LORA
from lora_studio.gui.i18n.core_texts import task_title

translate = QCoreApplication.translate  # lupdate reads translate("EvaluationTab", "…"); a helper's argument it cannot


def _same_run(feature, other) -> bool:
    """Whether `other` (a library ModelInfo) is the LoRA run without extra inputs of `feature`'s fine-tuning: the
    same setting (core same_setting.setting_key) and seed, as the core's comparison.roles pairs them."""
    return other.kind == LORA and (other.setting, other.seed) == (feature.setting, feature.seed)


def before_evaluating(ticked: list, task: str | None = None) -> str:
    """The hint for the ticked models (the library's ModelInfo), before they are evaluated on their own tasks, or
    all on `task` (evalTaskCombo's choice)."""
    if not ticked:
        return translate("EvaluationTab", "Tick the saved models to score, then Evaluate.")
    features = [m for m in ticked if m.kind == FEATURE_LORA]
    if any(not any(_same_run(f, m) for m in ticked) for f in features):
        return translate("EvaluationTab", "To see what the extra input adds, tick the feature+LoRA model's control "
                         "too (the same LoRA without it, from the same base, settings and seed; the LoRA tab trains "
                         "both), then Evaluate.")
    if all(m.kind == BASE for m in ticked):
        return translate("EvaluationTab", "Evaluate to score the base model(s) on their test set; tick fine-tuned "
                         "models too to see what fine-tuning changed.")
    if task:
        return translate("EvaluationTab", "Evaluate to score the ticked models on {0} and on their base's own data "
                         "set.").format(task_title(task))
    return translate("EvaluationTab", "Evaluate to score the ticked models: each on the task it was trained for and "
                     "on its base's own data set.")


def after_evaluating(kinds: list[str]) -> str:
    """The hint after an evaluation without a feature effect (`kinds`: the evaluated models' kinds); "" when there
    is nothing to add (no feature+LoRA model: the table says it all)."""
    if FEATURE_LORA not in kinds:
        return ""
    return translate("EvaluationTab", "To see what the extra feature itself adds, evaluate a feature+LoRA model "
                     "together with its control, the same LoRA without the extra input, from the same base and "
                     "settings (the LoRA tab trains both).")
