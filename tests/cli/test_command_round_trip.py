"""A tab's plan → its `lora-studio` command → the command line's own parser → the same plan (issue 21).

Plans are drawn by hypothesis over every setting a tab has and every one the command can take: each method
and LoRA variant, layers, rank, alpha, LoRA+ ratio, extra inputs, control, epochs, batch size, learning rate
(any float in range: the command writes it so it reads back exactly), schedule, training images, seeds, and
every task, composites and folders of own images whose path holds spaces and quotes. The argv is also joined
into the shown line and split back as a POSIX shell does (shlex), so the quoting is part of the round trip.
"""

import dataclasses
import shlex

from hypothesis import given, settings
from hypothesis import strategies as st

from lora_studio.cli import sweep
from lora_studio.cli.common import finetune_plan, train_config
from lora_studio.cli.parser import build_parser
from lora_studio.core.config import (
    DATASETS,
    LAYERS,
    LORA_INITS,
    LORA_VARIANTS,
    LR_SCHEDULES,
    METHODS,
    NEW_COLUMN_INITS,
    RANGES,
    DataConfig,
    LoraConfig,
    TrainConfig,
)
from lora_studio.core.data.features import FEATURES
from lora_studio.core.data.task_names import COMPOSITES, TASKS, folder_task_name
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.run_command import PROGRAM, base_command, finetune_command, sweep_command
from lora_studio.core.workflows.sweep_plan import SWEEP_RANKS, SweepPlan

ROUND_TRIPS = settings(max_examples=150, deadline=None)


def number(key: str):
    low, high = RANGES[key]
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def whole(key: str, high: int | None = None):
    low, top = RANGES[key]
    return st.integers(int(low), int(high if high is not None else top))


def subset(choices, min_size: int = 1):
    """A non-empty ordered selection of `choices`, each at most once, in any order (the command keeps it)."""
    return st.lists(st.sampled_from(tuple(choices)), min_size=min_size, max_size=len(choices), unique=True).map(tuple)


#: a folder's name: spaces, quotes, a $, a +, non-ASCII; never a path separator or a NUL
FOLDER_NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"), min_size=1,
                      max_size=12).filter(lambda name: name.strip() not in ("", ".", ".."))
TASK = st.one_of(st.sampled_from((*TASKS, *COMPOSITES, "rotate90+inverted+swap-labels")),
                 st.builds(lambda a, b: folder_task_name(f"/tmp/own images/{a}/{b}"), FOLDER_NAME, FOLDER_NAME))
SEEDS = st.lists(whole("seed"), min_size=1, max_size=int(RANGES["seeds"][1]), unique=True).map(tuple)
LIMIT = st.none() | whole("limit")
BASE_ID = st.sampled_from(("base-20261204-120000", "base-20261204-120000-2", "my base"))


@st.composite
def train_configs(draw, schedules=LR_SCHEDULES):
    return TrainConfig(epochs=draw(whole("epochs")), batch_size=draw(whole("batch_size")), lr=draw(number("lr")),
                       seed=0, lr_schedule=draw(st.sampled_from(schedules)))


@st.composite
def lora_configs(draw):
    return LoraConfig(rank=draw(whole("rank")), alpha=draw(number("alpha")), layers=draw(subset(LAYERS)),
                      init=draw(st.sampled_from(LORA_INITS)), new_columns=draw(st.sampled_from(NEW_COLUMN_INITS)),
                      variant=draw(st.sampled_from(tuple(LORA_VARIANTS))),
                      lora_plus_ratio=draw(number("lora_plus_ratio")))


@st.composite
def finetune_plans(draw):
    """What the LoRA tab makes: for another method than LoRA, no adapters, extra inputs or control."""
    method = draw(st.sampled_from(tuple(METHODS)))
    lora = method == "lora"
    return FinetunePlan(draw(BASE_ID), draw(lora_configs()) if lora else LoraConfig(),
                        draw(subset(FEATURES, min_size=0)) if lora else (), draw(st.booleans()) and lora, draw(SEEDS),
                        draw(train_configs()), draw(LIMIT), draw(TASK), method)


def parsed(argv: tuple[str, ...]):
    """The command line's reading of the shown line, split as a shell splits it."""
    words = shlex.split(shlex.join((PROGRAM, *argv)))
    assert words[0] == PROGRAM
    return build_parser().parse_args(words[1:])


@ROUND_TRIPS
@given(dataset=st.sampled_from(DATASETS), limit=LIMIT, train=train_configs(), seed=whole("seed"))
def test_the_base_tabs_command_reads_back_as_its_settings(dataset, limit, train, seed):
    data, train = DataConfig(dataset, limit), TrainConfig(train.epochs, train.batch_size, train.lr, seed,
                                                          train.lr_schedule)
    args = parsed(base_command(data, train).argv)
    assert args.command == "train-base"
    assert (DataConfig(args.dataset, args.limit), train_config(args)) == (data, train)


@ROUND_TRIPS
@given(plan=finetune_plans())
def test_the_lora_tabs_command_reads_back_as_its_plan(plan):
    args = parsed(finetune_command(plan).argv)
    assert args.command == "finetune"
    assert finetune_plan(args) == plan


@st.composite
def sweep_plans(draw):
    methods = draw(subset(METHODS))
    lora = "lora" in methods
    return SweepPlan(draw(BASE_ID), task=draw(TASK), methods=methods,
                     layers=draw(subset(LAYERS)) if lora else ("fc1", "fc2"),
                     ranks=draw(subset(SWEEP_RANKS)) if lora else (1, 2, 4, 8),
                     variants=draw(subset(LORA_VARIANTS)) if lora else ("lora",),
                     alpha=draw(number("alpha")) if lora else 16.0,
                     lora_plus_ratio=draw(number("lora_plus_ratio")) if lora else 1.0, seeds=draw(SEEDS),
                     train=draw(train_configs(schedules=("constant",))), limit=draw(LIMIT),
                     save_models=draw(st.booleans()))


@ROUND_TRIPS
@given(plan=sweep_plans())
def test_the_compare_tabs_command_reads_back_as_its_plan(plan):
    args = parsed(sweep_command(plan).argv)
    assert args.command == "sweep" and not args.train_base
    assert sweep.plan_from(args, args.base) == plan


def test_without_lora_a_sweep_leaves_out_what_only_lora_reads_and_still_runs_the_same():
    """The Compare tab keeps its LoRA choices while LoRA is unticked; the command leaves them out, and the plan
    it reads back differs in them alone: every run is the same fine-tuning by the same method, whose adapter
    settings (which only LoRA reads: recipes.finetune) are left aside."""
    plan = SweepPlan("b", methods=("head", "full"), layers=("conv1",), ranks=(64,), variants=("dora",), alpha=3.0,
                     seeds=(0, 5), train=TrainConfig(epochs=2, lr_schedule="constant"))
    argv = sweep_command(plan).argv
    assert not {"--layers", "--ranks", "--variants", "--alpha", "--lora-plus-ratio"} & set(argv)
    args = parsed(argv)
    back = sweep.plan_from(args, args.base)
    assert back != plan

    def runs(sweep_plan):
        return [dataclasses.replace(sweep_plan.finetune_plan(*run), lora=None) for run in sweep_plan.runs()]

    assert runs(back) == runs(plan) and len(runs(plan)) == 4


def test_a_folder_with_spaces_is_one_quoted_word_of_the_line():
    plan = FinetunePlan("b", task="folder:/tmp/my digits/it's here", seeds=(0, 1))
    line = finetune_command(plan).line()
    assert "'folder:/tmp/my digits/it'\"'\"'s here'" in line
    assert shlex.split(line)[shlex.split(line).index("--task") + 1] == "folder:/tmp/my digits/it's here"
