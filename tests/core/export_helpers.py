"""What the export-code tests share: tiny data, a base and its fine-tunings in a library, and running an
exported script in a fresh interpreter that cannot import lora_studio."""

import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data import datasets, synthetic
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import runs
from lora_studio.core.workflows.plans import FinetunePlan

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)

# A meta-path finder ahead of every other (the editable install's included) refuses lora_studio, then the
# script runs as __main__; `-I` keeps PYTHONPATH, the user's site and the current folder out of sys.path.
GUARD = """
import importlib.abc, runpy, sys

class NoLoraStudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lora_studio" or name.startswith("lora_studio."):
            raise ImportError(f"{name} cannot be imported here: an exported script must not need it")
        return None

sys.meta_path.insert(0, NoLoraStudio())
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run_isolated(script: Path, *args, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `script` with `args` in a fresh `python -I` whose imports of lora_studio fail."""
    return subprocess.run([sys.executable, "-I", "-c", GUARD, str(script), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def write_data(root: Path) -> Path:
    """A tiny MNIST (600 training, 200 test images, gzipped as ../shared/datasets has it) and Fashion-MNIST."""
    synthetic.write_folder(datasets.raw_folder(root, "mnist"), n_train=600, n_test=200, seed=0, gz=True)
    synthetic.write_folder(datasets.raw_folder(root, "fashion-mnist"), n_train=300, n_test=100, seed=1)
    return root


def write_own_images(folder: Path, source: datasets.Dataset) -> Path:
    """Four images per class made from the tiny MNIST, in the kinds a person's folder holds: grey PNGs, dark
    ink on white, RGBA with transparency, JPEG; larger than 28×28."""
    images, labels = source.train.images.numpy(), source.train.labels.numpy()
    for label in range(10):
        (folder / str(label)).mkdir(parents=True)
        for k, index in enumerate(np.flatnonzero(labels == label)[:4]):
            picture = Image.fromarray(images[index]).resize((40, 36))
            if k == 1:
                picture = Image.fromarray(255 - np.asarray(picture))
            if k == 2:
                picture = picture.convert("RGBA")
                picture.putalpha(Image.fromarray(np.where(np.asarray(picture)[..., 0] > 40, 255, 0).astype(np.uint8)))
            picture.save(folder / str(label) / f"{k}.{'jpg' if k == 3 else 'png'}")
    return folder


def train_base(source: datasets.Dataset, library: ModelLibrary) -> str:
    run = runs.train_base_run(source, TrainConfig(epochs=2, batch_size=32, lr=3e-3), library)
    return run.model_id


def finetune(library: ModelLibrary, base_id: str, source: datasets.Dataset, root: Path, task: str, method: str,
             lora: LoraConfig | None = None, features: tuple[str, ...] = (), train: TrainConfig = QUICK,
             limit: int | None = None) -> str:
    """Fine-tune the saved base `base_id` once (seed `train.seed`) and save it; its id."""
    base, record = runs.load_base(library, base_id)
    plan = FinetunePlan(base_id, lora=lora or LoraConfig(), features=features, control=False, seeds=(train.seed,),
                        train=train, task=task, method=method, limit=limit)
    [run] = runs.finetune_runs(base, record, source, plan, library, data_root=root).runs
    assert run.finished
    return run.model_id


def export_setup(tmp_path_factory) -> tuple[Path, ModelLibrary, str, datasets.Dataset, Path]:
    """What each export-code test module starts from: (data root, library, base id, source data set, own-images
    folder), in folders of its own."""
    root = write_data(tmp_path_factory.mktemp("data"))
    source = datasets.load_dataset(root, "mnist")
    own = write_own_images(tmp_path_factory.mktemp("own") / "digits", source)
    library = ModelLibrary(tmp_path_factory.mktemp("library"))
    return root, library, train_base(source, library), source, own


def last_line(stdout: str) -> tuple[float, float]:
    """The target and source accuracy of the script's last line, which must be exactly that line's format."""
    import re

    line = stdout.rstrip("\n").splitlines()[-1]
    match = re.fullmatch(r"target_accuracy=(0\.\d{4}|1\.0000) source_accuracy=(0\.\d{4}|1\.0000)", line)
    assert match, f"last line {line!r}"
    return float(match[1]), float(match[2])


def saved_like_a_head_run(setup, task: str) -> str:
    """A `head` model on `task` holding the base's own weights, saved without training: enough for a plan."""
    from lora_studio.core.storage.library import ModelRecord

    _, library, base_id, *_ = setup
    base, record = library.load(base_id)
    run = ModelRecord(kind="head", name="h", dataset="mnist", model=record.model, train=QUICK, parent=base_id,
                      task=task, metrics={"train_images": 100})
    return library.save(base, run)
