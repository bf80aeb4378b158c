"""What `lora-studio evaluate` prints and writes, built from the core's numbers (the Evaluation tab's, headless).

Pure functions of predictions and records: the table with the mean over seeds,
the feature effect over seeds, fixed/broken counts of each LoRA model against
its base, error rate per brightness bin, and the files (`--confusion-csv`,
`--confusion-json`, `--predictions` as CSV or JSON with brightness per image).
"""

import csv
import io
import json
import math

from rich import box
from rich.table import Table

from lora_studio.cli.terminal import escape, percent
from lora_studio.core.evaluation import inspection
from lora_studio.core.evaluation.comparison import group_role, roles
from lora_studio.core.vocabulary import KINDS, kind_order


def kind_title(kind: str) -> str:
    """A kind (or a role: control_lora) as the table names it: the core's title; an unknown kind by its name."""
    return KINDS[kind].title if kind in KINDS else kind


def model_row(model) -> dict:
    """One model of the JSON's "models" (model: an EvaluatedModel of the core's evaluation report)."""
    record, p = model.record, model.predictions
    m = record.metrics
    return {"id": model.id, "kind": record.kind, "name": record.name, "seed": record.train.seed,
            "parent": record.parent, "task": record.task, "evaluated_on": model.scored_task, "method": record.method,
            "test_accuracy": p.accuracy, "test_loss": p.loss,
            "target_accuracy": model.target_accuracy, "source_accuracy": model.source_accuracy,
            "base_target_accuracy": model.base_target_accuracy, "base_source_accuracy": model.base_source_accuracy,
            "forgetting": model.forgetting,
            "trainable_params": m.get("trainable_params"), "total_params": m.get("total_params"),
            "wall_seconds": m.get("wall_seconds")}


def evaluation_table(title: str, rows: list[dict], groups: list) -> Table:
    """One line per model, base first; after the seeds of one setting, their mean and standard deviation. A LoRA
    model is called a control only beside its feature+LoRA model (comparison.roles).
    (Training times and parameter totals are in --json: the table fits an 80-column terminal.)"""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("id", no_wrap=True)  # ids are copied from here: never cut short
    table.add_column("kind", no_wrap=True)
    for column in ("seed", "accuracy", "loss", "trained"):
        table.add_column(column, justify="right", no_wrap=True)
    by_id = {row["id"]: row for row in rows}
    role = roles([member for group in groups for member in group.members])
    for group in sorted(groups, key=lambda g: kind_order(group_role(g, role))):
        for member in group.members:
            row = by_id[member.id]
            table.add_row(escape(row["id"]), kind_title(role[member.id]), str(row["seed"]),
                          percent(row["test_accuracy"]), f"{row['test_loss']:.4f}",
                          f"{row['trainable_params'] or 0:,}")
        if len(group.members) > 1:
            spread = "" if math.isnan(group.sd_accuracy) else f" (± {100 * group.sd_accuracy:.2f})"
            table.add_row(f"[italic]mean of {len(group.members)} seeds{spread}[/italic]",
                          kind_title(group_role(group, role)), ",".join(map(str, group.seeds)),
                          f"{100 * group.mean_accuracy:.2f} %", f"{group.mean_loss:.4f}", "")
    if any(len(g.members) > 1 for g in groups):
        table.caption = "(± …): the standard deviation of the accuracy over the seeds, in points"
    return table


def task_table(rows: list[dict], on_task: str | None = None) -> Table | None:
    """For models fine-tuned for another task than the base's own: accuracy on that task and on the source task,
    the base's accuracy on that task, and forgetting. None when every model is of the same task (their accuracy
    is the source's). A table of its own: with these columns the evaluation table would not fit 80 columns.
    With `on_task` (`evaluate --task`): every model, bases too, on that task ("task": what it was trained for)."""
    tuned = rows if on_task is not None else [row for row in rows if row["kind"] != "base"]
    if on_task is None and all(row.get("task", "same") == "same" for row in tuned):
        return None
    title = "Target and source tasks" if on_task is None else f"On task {escape(task_shown(on_task))} and the source"
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("id", no_wrap=True)
    table.add_column("task")
    for column in ("target", "source", "base", "forgot"):
        table.add_column(column, justify="right", no_wrap=True)
    for row in tuned:
        forgot = row.get("forgetting")
        table.add_row(escape(row["id"]), escape(task_shown(row["task"])), percent(row["target_accuracy"]),
                      percent(row["source_accuracy"]), percent(row.get("base_target_accuracy")),
                      "–" if forgot is None else f"{100 * forgot:+.2f}")
    if on_task is None:
        table.caption = ("target: on the model's task; source: on the base's own test set; base: the base model on "
                         "the model's task; forgot: the base's source accuracy minus the model's, in points")
    else:
        table.caption = (f"task: what the model was trained for; target: on {escape(task_shown(on_task))}; source: "
                         f"on the base's own test set; base: the model's base on {escape(task_shown(on_task))}; "
                         "forgot: the base's source accuracy minus the model's, in points")
    return table


def task_shown(task: str) -> str:
    """A task as a table shows it: its name, or `folder` and the folder's own name for own images."""
    return f"folder {task.rstrip('/').rsplit('/', 1)[-1]}" if task.startswith("folder:") else task


def fixed_and_broken(rows: list[dict], predictions: dict, references=()) -> list[dict]:
    """For each fine-tuned model whose base was evaluated too (its parent, else the only base given): how many
    test images it fixed (base wrong, model right) and broke (base right, model wrong). A model of another task
    is compared with its base on that task's test images (`references`: the report's BaseReference)."""
    bases = [row["id"] for row in rows if row["kind"] == "base"]
    scored_on = {row["id"]: row.get("evaluated_on", row.get("task", "same")) for row in rows}
    on_task = {(r.base_id, r.task): r.predictions for r in references}
    out = []
    for row in rows:
        if row["kind"] == "base":
            continue
        base = row["parent"] if row["parent"] in bases else (bases[0] if len(bases) == 1 else None)
        if base is None:
            continue
        if scored_on[row["id"]] == scored_on[base]:  # the base's own predictions are on the same test images
            before = predictions[base]
        elif (base, scored_on[row["id"]]) in on_task:
            before = on_task[(base, scored_on[row["id"]])]
        else:
            continue
        fixed, broken = inspection.fixed_and_broken(before, predictions[row["id"]])
        out.append({"base": base, "model": row["id"], "fixed": len(fixed), "broken": len(broken),
                    "net": len(fixed) - len(broken)})
    return out


def brightness_errors(evaluation) -> dict:
    """Error rate per equal-count brightness bin, for every model, on the same edges (of an EvaluationReport)."""
    binned = {m.id: m.brightness_errors for m in evaluation.models}
    first = next(iter(binned.values()))
    return {"edges": evaluation.edges.tolist(), "images": first.images.tolist(),
            "error_rate": {model_id: [None if math.isnan(v) else float(v) for v in b.error_rate]
                           for model_id, b in binned.items()}}


def groups_json(groups: list) -> list[dict]:
    return [{"kind": g.kind, "ids": [m.id for m in g.members], "seeds": list(g.seeds),
             "mean_accuracy": g.mean_accuracy, "sd_accuracy": None if math.isnan(g.sd_accuracy) else g.sd_accuracy}
            for g in groups]


def confusion_csv(matrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["true\\predicted", *range(matrix.shape[1])])
    for label, row in enumerate(matrix):
        writer.writerow([label, *row.tolist()])
    return buffer.getvalue()


def confusion_json(dataset: str, classes: list[str], predictions: dict) -> str:
    """Every model's confusion matrix: rows are the true class, columns the predicted class."""
    return json.dumps({"dataset": dataset, "classes": list(classes), "rows": "true class",
                       "columns": "predicted class",
                       "models": {model_id: p.confusion().tolist() for model_id, p in predictions.items()}}) + "\n"


PREDICTION_FIELDS = ["model", "index", "label", "predicted", "confidence", "correct", "brightness"]


def predictions_text(path: str, predictions: dict, brightness) -> str:
    """One line per model and test image; brightness is the mean pixel value in [0, 1] (the article's feature)."""
    rows = []
    for model_id, p in predictions.items():
        confidence, correct = p.confidence, p.correct
        rows += [{"model": model_id, "index": i, "label": int(p.labels[i]), "predicted": int(p.predicted[i]),
                  "confidence": round(float(confidence[i]), 6), "correct": bool(correct[i]),
                  "brightness": round(float(brightness[i]), 6)} for i in range(len(p.labels))]
    if path.endswith(".json"):
        return json.dumps(rows) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PREDICTION_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
