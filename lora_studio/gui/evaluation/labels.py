"""Short names for the evaluated models that tell them apart by what they are (the Inspect and Compare combos,
the plots' legends): what a model is beside the others and its seed ("feature+LoRA · seed 1", "control · seed 1"),
and, where two would read the same, the settings that differ between them: "LoRA r=8 conv1 · seed 0" against
"rsLoRA r=8 fc1+fc2 · seed 0". Two models of the very same settings and seed differ only in when they were made:
their names (or, named alike, their ids) tell them apart.
"""

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from lora_studio.core.vocabulary import LORA
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import kind_title, variant_title

translate = QCoreApplication.translate  # lupdate reads translate("EvaluationTab", "…"); a helper's argument it cannot


def _adapter(row, info) -> str | None:
    """A LoRA model's variant, rank and layers, as its name writes them ("rsLoRA r=8 fc1+fc2")."""
    if row.rank is None:
        return None
    variant = getattr(info, "variant", None) or "lora"
    layers = "+".join(getattr(info, "layers", ()) or ())
    return " ".join(part for part in (variant_title(variant), f"r={row.rank}", layers) if part)


def _task(row, _info) -> str:
    return core_texts.task_label(row.trained_task)  # what it learned: all may be scored on one chosen task


def _features(row, _info) -> str | None:
    return "+" + "+".join(core_texts.feature_word(name) for name in row.features) if row.features else None


def _alpha(row, _info) -> str | None:
    return None if row.alpha is None else f"α={row.alpha:g}"


def _epochs(_row, info) -> str | None:
    epochs = getattr(info, "epochs", None)
    return None if epochs is None else QCoreApplication.translate("EvaluationTab", "{0} ep").format(epochs)


def _base(row, _info) -> str | None:
    return None if row.parent is None else QCoreApplication.translate("EvaluationTab", "from {0}").format(row.parent)


#: what may tell two models of one kind and seed apart, in the order a label says it
SETTINGS: tuple[Callable, ...] = (_adapter, _task, _features, _alpha, _epochs, _base)


def model_labels(rows, roles: Mapping[str, str], infos: Mapping[str, object]) -> dict[str, str]:
    """A distinct label for each of `rows` (the evaluation's EvaluatedModel), by id. `roles`: what each is beside
    the others (core comparison.roles); `infos`: the library's ModelInfo by id, for the settings a row lacks."""
    seed_text = translate("EvaluationTab", "seed {0}")
    first = {row.id: (roles.get(row.id, row.kind), row.seed) for row in rows}
    alike: dict[tuple, list] = {}
    for row in rows:
        alike.setdefault(first[row.id], []).append(row)
    labels = {}
    for (role, seed), group in alike.items():
        said = {row.id: [] for row in group}
        for setting in SETTINGS if len(group) > 1 else ():
            values = {row.id: setting(row, infos.get(row.id)) for row in group}
            if len(set(values.values())) > 1:  # only what differs within the group
                for row in group:
                    if values[row.id]:
                        said[row.id].append(values[row.id])
        for row in group:
            parts = said[row.id]
            # a plain LoRA model whose adapter is said needs no "LoRA" before it: the variant's title says it
            head = [] if role == LORA and parts and parts[0] == _adapter(row, infos.get(row.id)) else [kind_title(role)]
            labels[row.id] = " · ".join([*head, *parts, seed_text.format(seed)])
    return _apart(rows, labels)


def _apart(rows, labels: dict[str, str]) -> dict[str, str]:
    """Labels still alike (the same settings and seed, made twice) get the model's name, or else its id."""
    counts: dict[str, int] = {}
    for text in labels.values():
        counts[text] = counts.get(text, 0) + 1
    names: dict[str, int] = {}
    for row in rows:
        if counts[labels[row.id]] > 1:
            names[row.name] = names.get(row.name, 0) + 1
    out = dict(labels)
    for row in rows:
        if counts[labels[row.id]] > 1:
            out[row.id] = f"{labels[row.id]} · {row.name if names[row.name] == 1 else row.id}"
    return out
