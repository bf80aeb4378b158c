"""What each `lora-studio` command does. Imported only for headless commands: it loads PyTorch."""

import json
from pathlib import Path

import lora_studio
from lora_studio.cli import combine, judgements, show_command, sweep
from lora_studio.cli import evaluation_output as report
from lora_studio.cli import export_code as export_code_command
from lora_studio.cli.common import (
    check_limit,
    data_root,
    ensure_dataset,
    fetch,
    finetune_plan,
    library,
    lora_config,
    saved_id,
    train_config,
    write_json,
    write_text,
)
from lora_studio.cli.terminal import (
    METHOD_TITLES,
    PHASE_TITLES,
    TrainingBars,
    escape,
    experiment_table,
    models_table,
    out,
    percent,
)
from lora_studio.core import config as cfg
from lora_studio.core import paths
from lora_studio.core.data import datasets as data
from lora_studio.core.data.features import check_features
from lora_studio.core.evaluation.scores import Effect, MeanInterval, difference_sentence
from lora_studio.core.workflows import plans, runs
from lora_studio.core.workflows.evaluation_report import evaluate_models
from lora_studio.core.workflows.experiment import run_experiment

# --- commands ------------------------------------------------------------------------------


def experiment(args) -> int:
    config = plans.ExperimentConfig(
        data=cfg.DataConfig(dataset=args.dataset, limit=args.limit),
        base=cfg.TrainConfig(epochs=args.base_epochs, batch_size=args.batch_size, lr=args.lr),
        lora_train=cfg.TrainConfig(epochs=args.lora_epochs, batch_size=args.batch_size,
                                   lr=args.lora_lr if args.lora_lr is not None else args.lr),
        lora=lora_config(args),
        features=check_features(args.features),
        control=args.control,
        seeds=args.seeds,
        task=args.task,
        method=args.method,
    )
    dataset = ensure_dataset(args, args.dataset)
    # the target task is made once here, so a bad folder or a missing data set is said before any training
    target = runs.target_dataset(plans.FinetunePlan("", task=config.task), dataset, data_root(args))
    with TrainingBars() as bars:
        result = run_experiment(config, data_root(args), None if args.no_save else library(), bars, dataset=dataset,
                                target=target)
    out.print(experiment_table(result))
    for line in forgetting_lines(result["forgetting"]):
        out.print(line)
    bars.print_warnings()
    if result["feature_effect"]:
        effect = result["feature_effect"]
        mean, (low, high) = effect["mean_delta"], effect["ci95"]
        out.print(f"Feature effect (feature+LoRA − control): {100 * mean:+.2f} points, "
                  f"95 % interval [{100 * low:+.2f}, {100 * high:+.2f}] ({effect['method']})")
        judged = Effect(mean, (low, high), len(result["seeds"]), effect["basis"])
        out.print(f"In words: {judgements.effect_sentence(judged)}.")
    if args.json:
        write_json(args.json, result)
    return 0


# Each command checks its numbers first: an out-of-range setting is the complaint, not a missing data set.


def train_base(args) -> int:
    config = train_config(args)
    check_limit(args)
    dataset = ensure_dataset(args, args.dataset)
    with TrainingBars("Base CNN") as bars:
        run = runs.train_base_run(dataset, config, library(), bars, name=args.name)
    model_id, outcome = saved_id(run), run.outcome
    out.print(f"Saved base model [bold]{model_id}[/bold]: test accuracy {percent(outcome.predictions.accuracy)}")
    bars.print_warnings()
    if args.json:
        write_json(args.json, {"id": model_id, **outcome.record.metrics})
    return 0


def finetune(args) -> int:
    plan = finetune_plan(args)  # every setting checked before the base is loaded
    lib = library()
    base, record = runs.load_base(lib, args.base_id)
    args.dataset = record.dataset
    dataset = ensure_dataset(args, record.dataset)
    target = runs.target_dataset(plan, dataset, data_root(args))  # a bad folder is said before any training
    several = len(plan.runs()) > 1
    title = "LoRA fine-tuning" if plan.method == "lora" else METHOD_TITLES[plan.method]

    def names(phase: str, seed: int) -> str:  # one --name for several models would tell them apart by nothing
        return f"{args.name} · {PHASE_TITLES[phase]} · seed {seed}"

    with TrainingBars(None if several else title) as bars:
        done = runs.finetune_runs(base, record, dataset, plan, lib, bars, name=args.name, target=target,
                                  names=names if args.name and several else None)
    for run in done.runs:
        model_id, outcome = saved_id(run), run.outcome  # the run that ended the series early raises here
        m = outcome.record.metrics
        what = PHASE_TITLES[run.phase] + f", seed {run.seed}" if several else title
        out.print(f"Saved {escape(what)} model [bold]{model_id}[/bold] ({escape(plan.task)}): "
                  f"{outcome.trainable_params:,} of {outcome.total_params:,} parameters trained")
        out.print(f"  target accuracy {percent(m['target_accuracy'])} (the base: "
                  f"{percent(m['base_target_accuracy'])}), source accuracy {percent(m['source_accuracy'])} "
                  f"(the base: {percent(m['base_source_accuracy'])}), forgetting {100 * m['forgetting']:+.2f} points")
    effect = done.effect()
    if effect is not None:
        out.print(f"Feature effect (feature+LoRA − control): {escape(judgements.effect_sentence(effect))}")
    bars.print_warnings()
    if args.json:
        write_json(args.json, finetune_json(done, args.base_id, plan) if several else
                   runs.run_record(done.runs[0], args.base_id))
    return 0


def finetune_json(done: runs.FinetuneRuns, base_id: str, plan: plans.FinetunePlan) -> dict:
    """`finetune --json` for several runs: each run's RUN record, with its phase and extra inputs (which tell a
    feature run from its control), in the order they ran, and the features' effect when every seed has both."""
    effect = done.effect()
    return {"version": lora_studio.__version__, "base_id": base_id, "task": plan.task,
            "runs": [{**runs.run_record(run, base_id), "phase": run.phase,
                      "features": list(plan.features) if run.phase == "feature_lora" else []}
                     for run in done.runs],
            "feature_effect": effect.to_dict() if effect is not None else None}


def forgetting_lines(scores: dict) -> list[str]:
    """Per fine-tuned phase of an experiment: target and source accuracy and forgetting, with 95 % intervals
    over the seeds when there are several."""
    lines = []
    for phase, s in scores.items():
        target, source, forgot = (MeanInterval(s[k]["mean"], tuple(s[k]["ci95"]) if s[k]["ci95"] else None,
                                               s[k]["seeds"])
                                  for k in ("target_accuracy", "source_accuracy", "forgetting"))
        lines.append(f"{escape(PHASE_TITLES.get(phase, phase))}: target {target.points()} (the base: "
                     f"{percent(s['base_target_accuracy'])}), source {source.points()} (the base: "
                     f"{percent(s['base_source_accuracy'])}); {escape(difference_sentence('forgetting', forgot))}")
    if any(s["forgetting"]["ci95"] for s in scores.values()):
        lines.append("[…]: 95 % intervals over the seeds; forgetting = the base's source accuracy − the model's")
    return lines


def evaluate(args) -> int:
    check_limit(args)
    evaluation = evaluate_models(library(), args.model_ids, lambda name: ensure_dataset(args, name),
                                 data_root=data_root(args), on_task=args.task)
    rows, predictions = [report.model_row(m) for m in evaluation.models], evaluation.predictions
    # every model on one task (--task): its test images, and the table says which task
    scored = evaluation.tasks[evaluation.task] if evaluation.task is not None and evaluation.tasks else None
    brightness = evaluation.brightness if scored is None else scored.brightness
    if scored is None:
        title = f"Evaluation on {evaluation.title} test set ({len(evaluation.labels):,} images)"
    else:
        title = (f"Evaluation on task {report.task_shown(scored.task)}, made from {evaluation.title} "
                 f"({len(scored.labels):,} test images)")
    out.print(report.evaluation_table(escape(title), rows, evaluation.groups))
    tasks = report.task_table(rows, evaluation.task)
    if tasks is not None:
        out.print(tasks)
    result = {"dataset": evaluation.dataset, "task": evaluation.task, "test_images": len(brightness),
              "models": rows,
              "groups": report.groups_json(evaluation.groups),
              "fixed_broken": report.fixed_and_broken(rows, predictions, evaluation.references),
              "brightness_errors": report.brightness_errors(evaluation)}
    if result["fixed_broken"]:
        on = "the model's task" if evaluation.task is None else escape(report.task_shown(evaluation.task))
        out.print(f"Against the base (on {on}): fixed = base wrong, model right; broken = base right, model wrong")
    for item in result["fixed_broken"]:
        out.print(f"  {escape(item['model'])}: fixed {item['fixed']:,}, broken {item['broken']:,}, "
                  f"net {item['net']:+,} (base {escape(item['base'])})")
    effect = evaluation.effect.to_dict() if evaluation.effect else None
    if evaluation.effect is not None and effect:  # the core judges; the command line words it, also in --json
        effect["sentence"] = judgements.effect_sentence(evaluation.effect.effect)
        effect["meaning"] = judgements.effect_meaning(evaluation.effect.effect)
        result["feature_effect"] = effect
        out.print(f"Feature effect: {effect['sentence']}")
        out.print(f"In words: {effect['meaning']}")
    first = predictions[args.model_ids[0]]
    if args.confusion_csv:
        write_text(args.confusion_csv, report.confusion_csv(first.confusion()))
    if args.confusion_json:
        write_text(args.confusion_json, report.confusion_json(evaluation.dataset, evaluation.classes, predictions))
    if args.predictions:
        write_text(args.predictions, report.predictions_text(args.predictions, predictions, brightness))
    if args.json:
        write_json(args.json, result)
    return 0


def listing_json(entry) -> dict:
    """One model of `models list --json`: its metrics, then its id, error, kind and name, which a metrics.json
    holding keys of those names (a damaged or hand-edited file) must not override."""
    own = {"id": entry.id, "error": entry.error}
    if entry.record is None:
        return own
    return {**entry.record.metrics, **own, "kind": entry.record.kind, "name": entry.record.name}


def models(args) -> int:
    lib = library()
    action = args.models_command
    if action == "list":
        entries = lib.list()
        out.print(models_table(entries) if entries else f"No models yet in {escape(str(lib.root))}.")
        if args.json:
            write_json(args.json, [listing_json(e) for e in entries])
    elif action == "show":
        record = lib.record(args.model_id)
        out.print_json(json.dumps({**record.config_dict(), "metrics": record.metrics}))
        out.print(f"folder: {escape(str(lib.folder(args.model_id)))}")
    elif action == "delete":
        lib.delete(args.model_id)
        out.print(f"Deleted {args.model_id}.")
    elif action == "rename":
        lib.rename(args.model_id, args.name)
        out.print(f"Renamed {args.model_id} to {escape(repr(args.name))}.")
    elif action == "export":
        path = lib.export_merged(args.model_id, Path(args.merged))
        out.print(f"Wrote the merged weights of {args.model_id} to {escape(str(path))}.")
    return 0


def data_command(args) -> int:
    root = paths.datasets_dir()
    if args.data_command == "download":
        dataset = fetch(args.name, root)
    elif args.data_command == "import":
        dataset = data.import_folder(Path(args.folder).expanduser(), root, args.dataset)
    else:
        for name, info in data.DATASETS.items():
            state = "ready" if data.is_available(root, name) else "not here"
            out.print(f"{info.title:<14} {state:<9} {escape(str(data.raw_folder(root, name)))}")
        return 0
    out.print(f"{dataset.info.title} is ready in {escape(str(data.raw_folder(root, dataset.info.name)))}: "
              f"{len(dataset.train):,} training and {len(dataset.test):,} test images.")
    return 0


def self_test(args) -> int:
    from lora_studio.core.workflows.selftest import run_self_test

    def report(name, ok, detail):
        out.print(f"[{'green' if ok else 'red'}]{'ok  ' if ok else 'FAIL'}[/] {escape(name)}: {escape(detail)}")

    ok = run_self_test(report)
    out.print("self-test passed" if ok else "[red]self-test failed[/red]")
    return 0 if ok else 1


COMMANDS = {
    "experiment": experiment, "train-base": train_base, "finetune": finetune, "evaluate": evaluate,
    "models": models, "data": data_command, "self-test": self_test, "sweep": sweep.run, "combine": combine.run,
    "show-command": show_command.run,
    "export-code": export_code_command.run,
}
