"""The `lora-studio` argument parser: commands, options and their defaults (PRODUCT.md's interface)."""

import argparse

import lora_studio
from lora_studio.core import config as cfg
from lora_studio.core.vocabulary import EXPORT_FORMATS, EXPORT_LANGUAGES  # no PyTorch: the parser stays light

DATASET_NAMES = cfg.DATASETS


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit code 2), not a usage dump."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def comma_list(text: str) -> tuple[str, ...]:
    items = tuple(part.strip() for part in text.split(",") if part.strip())
    return () if items in ((), ("none",)) else items


def comma_ints(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected whole numbers separated by commas, got {text!r}") from None


def _data_options(parser, with_download: bool = True) -> None:
    parser.add_argument("--dataset", choices=DATASET_NAMES, default="mnist", help="data set [mnist]")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="a root holding <Name>/raw/ as torchvision lays it out [the app's data folder]")
    if with_download:
        parser.add_argument("--offline", action="store_true", help="never touch the network")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N training images")


def _train_options(parser, epochs: int) -> None:
    parser.add_argument("--epochs", type=int, default=epochs, help=f"epochs [{epochs}]")
    parser.add_argument("--batch-size", type=int, default=64, help="batch size [64]")
    parser.add_argument("--lr", type=float, default=1e-3, help="Adam learning rate [1e-3]")
    parser.add_argument("--seed", type=int, default=0, help="random seed [0]")
    parser.add_argument("--lr-schedule", choices=cfg.LR_SCHEDULES, default="anneal",
                        help="anneal: constant, then down to 0 over the last third; cosine; constant (what a sweep "
                             "uses) [anneal]")


def _lora_options(parser) -> None:
    parser.add_argument("--rank", type=int, default=8, help="LoRA rank r [8]")
    parser.add_argument("--alpha", type=float, default=16.0, help="LoRA alpha; the update is scaled by alpha/r [16]")
    parser.add_argument("--layers", type=comma_list, default=("fc1", "fc2"),
                        help="layers to adapt, from conv1,conv2,fc1,fc2 [fc1,fc2]")
    parser.add_argument("--features", type=comma_list, default=("brightness",),
                        help="extra input features, comma-separated, or 'none' [brightness]")
    parser.add_argument("--init", choices=cfg.LORA_INITS, default="article",
                        help="LoRA A init: the article's N(0, 0.01²) or PEFT's kaiming [article]")
    parser.add_argument("--new-columns", choices=cfg.NEW_COLUMN_INITS, default="random",
                        help="how fc1's new feature columns start [random]")
    _variant_options(parser)


def _variant_options(parser) -> None:
    parser.add_argument("--variant", choices=tuple(cfg.LORA_VARIANTS), default="lora",
                        help="lora: ΔW = (α/r)·B·A; rslora: scaled by α/√r; dora: a learned magnitude per output "
                             "times the direction of W + ΔW [lora]")
    parser.add_argument("--lora-plus-ratio", type=float, default=1.0, metavar="X",
                        help="LoRA+: B's learning rate is X times A's (1 = plain LoRA; the paper uses 16) [1]")


def _task_options(parser) -> None:
    parser.add_argument("--task", default="same", metavar="NAME",
                        help="the target task to fine-tune for (see `lora-studio tasks`: composites such as "
                             "inverted+swap-labels too; folder:PATH for your own images) [same]")
    parser.add_argument("--method", choices=tuple(cfg.METHODS), default="lora",
                        help="lora: adapters on --layers; head: train fc2 only; full: train every weight; scratch: "
                             "a fresh CNN on the target only [lora]")


def _json_option(parser) -> None:
    parser.add_argument("--json", metavar="PATH", help="also write the result as JSON to PATH")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="lora-studio", description="See how LoRA fine-tuning works, on MNIST.")
    parser.add_argument("--version", action="version", version=f"lora-studio {lora_studio.__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser, metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the app (what `lora-studio` alone does)")
    gui.add_argument("--quit-after-shown", action="store_true",
                     help="print shown_after_s=<seconds from start to window shown>, show each tab once, exit")
    gui.add_argument("--language", choices=("en", "zh_CN"),
                     help="the window's language this time (default: as chosen in View → Language, at first "
                          "the system's; the command line always speaks English)")

    exp = commands.add_parser("experiment", help="the article's whole experiment, headless")
    _data_options(exp)
    exp.add_argument("--base-epochs", type=int, default=3, help="base training epochs [3]")
    exp.add_argument("--lora-epochs", type=int, default=2, help="LoRA fine-tuning epochs [2]")
    exp.add_argument("--batch-size", type=int, default=64, help="batch size [64]")
    exp.add_argument("--lr", type=float, default=1e-3, help="base learning rate [1e-3]")
    exp.add_argument("--lora-lr", type=float, help="LoRA learning rate [--lr]")
    _lora_options(exp)
    exp.add_argument("--control", action=argparse.BooleanOptionalAction, default=True,
                     help="also fine-tune the same LoRA without the extra features [on]")
    exp.add_argument("--seeds", type=comma_ints, default=(0,), help="seeds, comma-separated [0]")
    _task_options(exp)
    exp.add_argument("--no-save", action="store_true", help="do not keep the models in the library")
    _json_option(exp)

    base = commands.add_parser("train-base", help="train the base CNN and save it")
    _data_options(base)
    _train_options(base, epochs=3)
    base.add_argument("--name", help="name shown in the library")
    _json_option(base)

    tune = commands.add_parser("finetune", help="fine-tune a saved base model for a target task and save the result")
    tune.add_argument("base_id", metavar="BASE_ID", help="id of a saved base model (see `models list`)")
    _data_options(tune)
    _train_options(tune, epochs=2)
    _lora_options(tune)
    _task_options(tune)
    tune.add_argument("--seeds", type=comma_ints, metavar="LIST",
                      help="several seeds, comma-separated: one run (and its control) each, as the LoRA tab's "
                           "seeds do [--seed]")
    tune.set_defaults(seed=None)  # --seed left out reads None (meaning 0), so that --seed beside --seeds is refused
    tune.add_argument("--control", action=argparse.BooleanOptionalAction, default=False,
                      help="LoRA with extra features: also fine-tune the same LoRA without them, each seed [off]")
    tune.add_argument("--name", help="name shown in the library (several runs: followed by the run and its seed)")
    tune.add_argument("--json", metavar="PATH",
                      help="also write the run record (PRODUCT.md's RUN) as JSON to PATH; several runs: "
                           "{base_id, task, runs: [RUN + phase, features], feature_effect}")

    commands.add_parser(
        "tasks", help="the target tasks a base model can be fine-tuned for, one a line",
        description="The target tasks, one a line: the single ones, every composite of two, folder:PATH last. "
                    "A composite joins two or more of rotate90, noisy, inverted, swap-labels with +, each once, "
                    "written in that order (the order they apply in): e.g. rotate90+inverted+swap-labels.")

    sweep = commands.add_parser("sweep", help="fine-tune one base many ways (methods, ranks, variants, seeds) "
                                              "and compare accuracy against trainable parameters")
    sweep.add_argument("--base", metavar="BASE_ID", help="the base model to start from (see `models list`)")
    sweep.add_argument("--train-base", action="store_true",
                       help="train a base model first (with --dataset, --base-epochs, --batch-size, --lr)")
    sweep.add_argument("--base-epochs", type=int, default=3, help="with --train-base: its epochs [3]")
    _data_options(sweep)
    sweep.add_argument("--task", default="same", metavar="NAME",
                       help="the target task (see `lora-studio tasks`) [same]")
    sweep.add_argument("--methods", type=comma_list, default=("lora",),
                       help="from lora,head,full,scratch, comma-separated [lora]")
    sweep.add_argument("--layers", type=comma_list, default=("fc1", "fc2"),
                       help="the layers LoRA adapts, from conv1,conv2,fc1,fc2 [fc1,fc2]")
    sweep.add_argument("--ranks", type=comma_ints, default=(1, 2, 4, 8), help="LoRA ranks, comma-separated [1,2,4,8]")
    sweep.add_argument("--variants", type=comma_list, default=("lora",),
                       help="from lora,rslora,dora, comma-separated [lora]")
    sweep.add_argument("--alpha", type=float, default=16.0, help="LoRA alpha, the same for every rank [16]")
    sweep.add_argument("--lora-plus-ratio", type=float, default=1.0, metavar="X",
                       help="LoRA+: B's learning rate over A's [1]")
    sweep.add_argument("--seeds", type=comma_ints, default=(0,), help="seeds, comma-separated [0]")
    sweep.add_argument("--epochs", type=int, default=1, help="epochs of each run [1]")
    sweep.add_argument("--batch-size", type=int, default=64, help="batch size [64]")
    sweep.add_argument("--lr", type=float, default=1e-3, help="Adam learning rate [1e-3]")
    sweep.add_argument("--save-models", action="store_true", help="keep every run's model in the library")
    sweep.add_argument("--json", metavar="PATH", help="write the study (run records and the Pareto front) as JSON")
    sweep.add_argument("--csv", metavar="PATH", help="write the run records as CSV, one line per run")

    ev = commands.add_parser("evaluate", help="evaluate saved models on the test set")
    ev.add_argument("model_ids", nargs="+", metavar="ID")
    _data_options(ev, with_download=False)
    ev.add_argument("--task", metavar="NAME",
                    help="score every model, a base too, on this task's test split (see `lora-studio tasks`: "
                         "composites such as inverted+swap-labels too) [each model on its own task]")
    ev.add_argument("--confusion-csv", metavar="PATH", help="write the first model's confusion matrix as CSV")
    ev.add_argument("--confusion-json", metavar="PATH",
                    help="write every model's confusion matrix as JSON (rows: true class, columns: predicted)")
    ev.add_argument("--predictions", metavar="PATH",
                    help="write per-image predictions of every model, with confidence and brightness (.csv or .json)")
    _json_option(ev)

    models = commands.add_parser("models", help="the model library")
    mcmd = models.add_subparsers(dest="models_command", parser_class=OneLineParser, metavar="ACTION", required=True)
    listing = mcmd.add_parser("list", help="every saved model with its scores")
    _json_option(listing)
    mcmd.add_parser("show", help="everything about one model").add_argument("model_id", metavar="ID")
    mcmd.add_parser("delete", help="delete a model").add_argument("model_id", metavar="ID")
    rename = mcmd.add_parser("rename", help="give a model another name")
    rename.add_argument("model_id", metavar="ID")
    rename.add_argument("name")
    export = mcmd.add_parser("export", help="write a model's weights, LoRA merged in, as safetensors")
    export.add_argument("model_id", metavar="ID")
    export.add_argument("--merged", metavar="PATH", required=True, help="where to write the merged weights")

    data = commands.add_parser("data", help="data sets: download or import")
    dcmd = data.add_subparsers(dest="data_command", parser_class=OneLineParser, metavar="ACTION", required=True)
    dcmd.add_parser("download", help="download a data set").add_argument("name", choices=DATASET_NAMES)
    imp = dcmd.add_parser("import", help="import a folder holding the four IDX files (.gz or not)")
    imp.add_argument("folder")
    imp.add_argument("--dataset", choices=DATASET_NAMES, default="mnist", help="which data set it is [mnist]")
    dcmd.add_parser("list", help="which data sets are in the app's data folder")

    shown = commands.add_parser("show-command", help="the lora-studio command that made a saved model")
    shown.add_argument("model_id", metavar="MODEL_ID")
    shown.add_argument("--data-dir", metavar="DIR", help="write this data folder into the command [the app's]")
    _json_option(shown)

    code = commands.add_parser("export-code", help="a fine-tuned model's run as a standalone PyTorch + PEFT script "
                                                   "or Jupyter notebook (never importing lora_studio)")
    code.add_argument("model_id", metavar="MODEL_ID")
    code.add_argument("--format", choices=EXPORT_FORMATS, help="py: a script; ipynb: a notebook [-o's suffix, else py]")
    code.add_argument("-o", "--output", metavar="PATH", required=True,
                      help="the file to write (a folder: MODEL_ID.py or .ipynb in it)")
    code.add_argument("--language", choices=EXPORT_LANGUAGES, default="en", help="the language of its comments [en]")
    code.add_argument("--data-dir", metavar="DIR", help="the data folder it reads by default [the app's]")

    comb = commands.add_parser("combine", help="combine trained LoRA adapters of one base into a new adapter "
                                               "(PEFT's add_weighted_adapter) and save it")
    comb.add_argument("adapters", nargs="+", metavar="ID[:WEIGHT]", help="LoRA models of one base, each with its "
                      "weight from -1 to 2 [1]")
    comb.add_argument("--how", choices=tuple(cfg.COMBINATIONS), required=True,
                      help="; ".join(f"{how}: {what}" for how, what in cfg.COMBINATIONS.items()))
    comb.add_argument("--rank", type=int, help="svd: the new adapter's rank [the largest parent's]")
    comb.add_argument("--density", type=float, default=cfg.COMBINE_DENSITY,
                      help=f"ties, magnitude_prune: the fraction of entries kept [{cfg.COMBINE_DENSITY:g}]")
    comb.add_argument("--name", help="name shown in the library")
    comb.add_argument("--data-dir", metavar="DIR", help="where the base's data set is, to score the combination")
    _json_option(comb)

    commands.add_parser("self-test", help="a quick end-to-end check (train, LoRA, evaluate, save, load)")
    return parser
