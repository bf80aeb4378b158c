"""`lora-studio sweep`: methods × ranks × variants over seeds from one base, as the Compare tab runs them."""

from rich import box
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from lora_studio.cli.common import data_root, ensure_dataset, library, saved_id, write_json, write_text
from lora_studio.cli.terminal import TrainingBars, err, escape, out, percent
from lora_studio.core import config as cfg
from lora_studio.core import paths
from lora_studio.core.storage.studies import StudyStore, runs_csv
from lora_studio.core.workflows import runs
from lora_studio.core.workflows.sweep import Study, SweepListener, run_sweep
from lora_studio.core.workflows.sweep_plan import SweepPlan


class SweepBars(TrainingBars, SweepListener):
    """The training bars of each run, titled by its setting, under one bar for the whole sweep."""

    def __init__(self, total: int):
        super().__init__()
        self.overall = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=err)
        self.runs = self.overall.add_task("Sweep", total=total)

    def __enter__(self):
        self.overall.start()
        return super().__enter__()

    def __exit__(self, *exc):
        super().__exit__(*exc)
        self.overall.stop()

    def run_started(self, index: int, total: int, setting, seed: int) -> None:
        self.title = f"{setting.label()}, seed {seed}"

    def phase_started(self, phase: str, seed: int, epochs: int) -> None:
        self.task = self.progress.add_task(self.title or phase, total=None, loss="–", speed="")

    def phase_finished(self, phase: str, seed: int, outcome) -> None:
        super().phase_finished(phase, seed, outcome)
        self.overall.advance(self.runs)
        if self.task is not None:  # one run's bar at a time: a sweep has dozens
            self.progress.remove_task(self.task)
            self.task = None


def plan_from(args, base_id: str) -> SweepPlan:
    train = cfg.TrainConfig(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr, lr_schedule="constant")
    return SweepPlan(base_id, task=args.task, methods=args.methods, layers=args.layers, ranks=args.ranks,
                     variants=args.variants, alpha=args.alpha, lora_plus_ratio=args.lora_plus_ratio,
                     seeds=args.seeds, train=train, limit=args.limit, save_models=args.save_models)


def run(args) -> int:
    if not args.base and not args.train_base:
        raise cfg.ConfigError("give --base BASE_ID, or --train-base to train one first")
    plan = plan_from(args, args.base or "")  # every setting checked before anything is trained
    cfg.check_range("base epochs", args.base_epochs, "epochs", whole=True)
    lib = library()
    if args.base:
        base, record = runs.load_base(lib, args.base)
        args.dataset = record.dataset
        dataset = ensure_dataset(args, record.dataset)
    else:
        dataset = ensure_dataset(args, args.dataset)
        base_config = cfg.TrainConfig(epochs=args.base_epochs, batch_size=args.batch_size, lr=args.lr,
                                      seed=plan.seeds[0])
        with TrainingBars("Base CNN") as bars:
            trained = runs.train_base_run(dataset, base_config, lib, bars)
        plan = plan_from(args, saved_id(trained))
        base, record = trained.outcome.model, trained.outcome.record
        out.print(f"Saved base model [bold]{plan.base_id}[/bold]: test accuracy "
                  f"{percent(trained.outcome.answers().accuracy)}")
    with SweepBars(len(plan.runs())) as bars:
        study = run_sweep(plan, base, record, dataset, lib, StudyStore(paths.studies_dir()), bars,
                          data_root=data_root(args))
    out.print(sweep_table(study))
    if study.path is not None:
        out.print(f"Study saved as {escape(str(study.path))}")
    bars.print_warnings()
    if args.json:
        write_json(args.json, study.to_json())
    if args.csv:
        write_text(args.csv, runs_csv(study.runs))
    if study.status != "finished":
        err.print(f"lora-studio: the sweep {study.status} after {len(study.runs)} run(s): {escape(study.message)}")
        return 1
    return 0


def sweep_table(study: Study) -> Table:
    front = set(study.pareto)
    table = Table(title=f"Sweep from {escape(study.plan.base_id)} → {escape(study.plan.task)} "
                        f"({len(study.runs)} runs; ★ on the Pareto front)", box=box.SIMPLE_HEAD)
    # narrow columns: a sweep's table has to fit an 80-column terminal (the times are in --json and --csv)
    for column in ("", "method", "variant", "r", "seed", "trainable", "target %", "source %", "forgot"):
        table.add_column(column, justify="left" if column in ("method", "variant") else "right", no_wrap=True,
                         min_width=len(column))
    for index, r in enumerate(study.runs):
        table.add_row("★" if index in front else "", r["method"], r["variant"],
                      "–" if r["rank"] is None else str(r["rank"]), str(r["seed"]), f"{r['trainable_params']:,}",
                      f"{100 * r['target_accuracy']:.1f}", f"{100 * r['source_accuracy']:.1f}",
                      f"{100 * r['forgetting']:+.1f}")
    return table
