"""What the headless commands share: where data and models are, reading a data set, writing a result file."""

import dataclasses
import json
from pathlib import Path

from lora_studio.cli.terminal import download_bar
from lora_studio.core import config as cfg
from lora_studio.core import paths
from lora_studio.core.data import datasets as data
from lora_studio.core.data import download
from lora_studio.core.data.features import check_features
from lora_studio.core.errors import DataError, StorageError
from lora_studio.core.files import atomic_write
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import plans, runs


def data_root(args) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else paths.datasets_dir()


def library() -> ModelLibrary:
    return ModelLibrary(paths.models_dir())


def ensure_dataset(args, name: str) -> data.Dataset:
    """The data set, downloaded first when it is missing and the network is allowed."""
    root = data_root(args)
    data.recover_interrupted_import(root, name)
    if not data.is_available(root, name):
        if getattr(args, "offline", True):
            raise DataError(
                f"{data.dataset_info(name).title} is not in {data.raw_folder(root, name)}; "
                "import it with `lora-studio data import FOLDER` or run without --offline to download it"
            )
        fetch(name, root)
    dataset = data.load_dataset(root, name)
    limit = getattr(args, "limit", None)
    if limit is not None:
        cfg.check_range("limit", limit)
    return data.Dataset(dataset.info, dataset.train.first(limit), dataset.test)


def fetch(name: str, root: Path) -> data.Dataset:
    with download_bar() as bar:
        task = bar.add_task(f"Downloading {data.dataset_info(name).title}", total=1.0)
        return download.download(name, root, lambda fraction, status: bar.update(task, completed=fraction))


def write_json(path: str, payload) -> None:
    try:
        atomic_write(Path(path), (json.dumps(payload, indent=2) + "\n").encode())
    except OSError as exc:
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None


def check_limit(args) -> None:
    if getattr(args, "limit", None) is not None:
        cfg.DataConfig(limit=args.limit)


def train_config(args) -> cfg.TrainConfig:
    return cfg.TrainConfig(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr,
                           seed=args.seed if args.seed is not None else 0, lr_schedule=args.lr_schedule)


def finetune_plan(args) -> plans.FinetunePlan:
    """`finetune`'s options as the plan the LoRA tab makes: one run per seed (`--seeds`, else `--seed`), and for
    LoRA the feature run and, with `--control`, its control. Another method takes no adapters, extra inputs or
    control, as in the window, so its plan holds their defaults whatever was typed."""
    if args.seeds is not None and args.seed is not None:
        raise cfg.ConfigError("give --seed or --seeds, not both")
    seeds = args.seeds if args.seeds is not None else (args.seed if args.seed is not None else 0,)
    lora, adapter, features = args.method == "lora", lora_config(args), check_features(args.features)  # all checked
    return plans.FinetunePlan(args.base_id, adapter if lora else cfg.LoraConfig(), features if lora else (),
                              args.control and lora, seeds,
                              dataclasses.replace(train_config(args), seed=0), limit=args.limit, task=args.task,
                              method=args.method)


def lora_config(args) -> cfg.LoraConfig:
    return cfg.LoraConfig(rank=args.rank, alpha=args.alpha, layers=args.layers, init=args.init,
                          new_columns=args.new_columns, variant=args.variant, lora_plus_ratio=args.lora_plus_ratio)


def saved_id(run: runs.Run) -> str:
    """The id the run was saved under; its error when it did not finish or could not be saved."""
    if run.error is not None:
        raise run.error
    if not run.finished:
        raise DataError(run.message)
    return run.model_id


def write_text(path: str, text: str) -> None:
    try:
        atomic_write(Path(path), text.encode())
    except OSError as exc:
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
