"""Terminal output: progress bars while training (stderr) and result tables (stdout), with rich."""

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from lora_studio.cli.judgements import uselessness
from lora_studio.core.evaluation.scores import learned_nothing
from lora_studio.core.training.loop import EpochInfo, StepInfo
from lora_studio.core.vocabulary import KINDS, METHODS
from lora_studio.core.workflows.runs import Listener

# Names, ids, paths and error messages come from people and from files: every one of them goes through
# `escape` (rich would read "[/bold]" in a model's name as markup, and crash on it); no :emoji: codes either.
err = Console(stderr=True, emoji=False)
out = Console(emoji=False)


def capitalised(text: str) -> str:
    """The text with a capital first letter ("feature+LoRA" → "Feature+LoRA"), for a heading or a line's start."""
    return text[:1].upper() + text[1:]


#: the methods and the kinds of run as the command line calls them: the core's titles (vocabulary.py), in English,
#: a heading's first letter capitalised; PHASE_TITLES in the order tables list the phases
METHOD_TITLES = {name: method.title for name, method in METHODS.items()}
PHASE_TITLES = {name: capitalised(kind.title) for name, kind in KINDS.items()}


def percent(value) -> str:
    return "–" if value is None else f"{100 * value:.2f} %"


class TrainingBars(Listener):
    """One progress bar per phase (and seed), with loss, samples/s and ETA; a line per finished epoch.

    `title` names the one run of train-base or finetune in warnings; without it, each run is named by its
    phase and seed."""

    def __init__(self, title: str | None = None):
        self.title = title
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"), TextColumn("{task.fields[speed]}"),
            TimeRemainingColumn(), console=err, transient=False,
        )
        self.task = None
        self.warnings: list[str] = []  # runs that finished but learned nothing, said after the results

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()

    def status(self, text: str) -> None:
        self.progress.console.print(f"[dim]{escape(text)}[/dim]")

    def phase_started(self, phase: str, seed: int, epochs: int) -> None:
        title = f"{PHASE_TITLES.get(phase, phase)} (seed {seed})"
        self.task = self.progress.add_task(title, total=None, loss="–", speed="")

    def step(self, phase: str, info: StepInfo) -> None:
        # redrawing is rich's job (10 times a second); updating the numbers is cheap
        self.progress.update(
            self.task, total=info.epochs * info.steps_per_epoch,
            completed=info.epoch * info.steps_per_epoch + info.step + 1,
            loss=f"{info.loss:.3f}", speed=f"{info.samples_per_second:,.0f} img/s",
        )

    def epoch(self, phase: str, info: EpochInfo) -> None:
        self.progress.console.print(
            f"  {PHASE_TITLES.get(phase, phase)} epoch {info.epoch + 1}/{info.epochs}: "
            f"train {percent(info.train_accuracy)}, test {percent(info.test_accuracy)}, {info.seconds:.1f} s"
        )

    def phase_finished(self, phase: str, seed: int, outcome) -> None:
        self.check_learned(self.title or f"{PHASE_TITLES.get(phase, phase)} (seed {seed})", outcome)

    def check_learned(self, title: str, outcome) -> None:
        why = learned_nothing(outcome.predictions, outcome.record.train.lr)
        if why is not None:
            self.warnings.append(f"{title}: {uselessness(why)}")

    def print_warnings(self) -> None:
        for warning in self.warnings:
            err.print(f"[yellow]warning:[/yellow] {escape(warning)}", soft_wrap=True)


def download_bar():
    return Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f} %"),
                    TimeRemainingColumn(), console=err)


def experiment_table(result: dict) -> Table:
    task = "" if result.get("task", "same") == "same" else f" → {escape(result['task'])}"
    table = Table(title=f"LoRA Studio experiment · {result['dataset']}{task} · seeds {result['seeds']}")
    for column in ("phase", "test accuracy", "per seed", "trainable / total", "wall time"):
        table.add_column(column, justify="left" if column == "phase" else "right")
    for phase in PHASE_TITLES:
        row = result.get(phase)
        if not row:
            continue
        table.add_row(
            PHASE_TITLES[phase], percent(row["test_accuracy"]),
            ", ".join(percent(a) for a in row["test_accuracy_per_seed"]),
            f"{row['trainable_params']:,} / {row['total_params']:,}", f"{row['wall_seconds']:.1f} s",
        )
    return table


def models_table(entries) -> Table:
    table = Table(title="Model library")
    for column in ("id", "kind", "name", "data", "test accuracy", "trainable", "created"):
        table.add_column(column)
    for entry in entries:
        if entry.record is None:
            table.add_row(escape(entry.id), "[red]broken[/red]", f"[red]{escape(entry.error)}[/red]", "", "", "", "")
            continue
        r, m = entry.record, entry.record.metrics
        table.add_row(escape(entry.id), r.kind, escape(r.name), r.dataset, percent(m.get("test_accuracy")),
                      f"{m.get('trainable_params') or 0:,}", escape(r.created))
    return table
