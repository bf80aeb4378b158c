"""Every error the core raises reads in Chinese in the Chinese window, its names, paths and numbers excepted.

The core's errors carry an English template marked for translation where it is raised and the values that fill it
(core/errors.py); a value that is a word (a setting's name, the operating system's reason, another error) is
marked or an error itself. Here the real core functions are driven with bad input, one case per template at
least, and each error is worded by the window (`core_texts.user_error`) under the zh_CN catalogue: once the values
that are names are taken out, no English word may be left (tests/helpers/english_text.py decides what is one).

Which templates exist is read from the source (every `QT_TRANSLATE_NOOP("errors", …)` in lora_studio/core):
each must be raised here or listed in DRIVEN_ELSEWHERE with the test that raises it; and every text the core
marks for the window has its Chinese (test_every_core_text_has_its_chinese), whether raised here or not.
"""

import ast
import errno
import gzip
import os
import re
import string
from pathlib import Path

import numpy as np
import pytest
import torch
from english_text import english_words  # tests/helpers
from PIL import Image
from PySide6.QtCore import QCoreApplication

from lora_studio.core import config, errors
from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data import bundled, datasets, download, idx, own_images, synthetic, tasks
from lora_studio.core.data.dataset_names import dataset_info
from lora_studio.core.data.feature_names import check_features
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.data.task_names import parse_task
from lora_studio.core.errors import LoraStudioError
from lora_studio.core.i18n import Marked, Text
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage import model_files, record
from lora_studio.core.storage.library import ModelLibrary, ModelRecord
from lora_studio.core.storage.studies import StudyStore, check_study
from lora_studio.core.training.loop import LOSS_DIVERGED, TrainResult
from lora_studio.core.workflows import evaluation_report, runs
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.recipes import Outcome
from lora_studio.core.workflows.sweep_plan import SweepPlan
from lora_studio.gui.i18n.core_texts import core_text, user_error

CORE = Path(__file__).resolve().parents[3] / "lora_studio" / "core"
#: the contexts of the core's texts that the window shows (each room's own words are tested with the room)
WINDOW_CONTEXTS = {"errors", "settings", "core", "tasks", "features", "datasets", "classes", "modelnames",
                   "combinations"}
#: templates raised by another test, with the test; their Chinese is checked with every marked text below
#: written as they are in Chinese too: literal values and keys of the files (JSON's true/false, NaN, a study's
#: runs and pareto, config.json's format_version), formats and ids (gzip and its .gz, a model ID), the ways to
#: combine adapters the command line takes (svd, cat), PEFT's LoraConfig
CODE = {"true", "false", "NaN", "runs", "pareto", "format_version", "gzip", "gz", "ID", "svd", "cat", "LoraConfig"}
DRIVEN_ELSEWHERE = {
    "lora_studio/core/evaluation/stack.py": "tests/core/test_adapter_stack.py",
    "lora_studio/core/workflows/adapter_stack.py": "tests/core/test_adapter_stack.py",
    "lora_studio/core/model/combine.py": "tests/core/test_combine.py",
    "lora_studio/core/workflows/combine.py": "tests/core/test_combine.py",
    "lora_studio/core/export_code/": "tests/core/test_export_code.py",
}


def marked_texts(contexts=None) -> dict[tuple[str, str, str | None], list[str]]:
    """(context, text, disambiguation) → where each `QT_TRANSLATE_NOOP` of lora_studio/core marks it."""
    found: dict[tuple[str, str, str | None], list[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP" \
                    and all(isinstance(a, ast.Constant) for a in node.args):
                context, text, *rest = (a.value for a in node.args)
                if contexts is None or context in contexts:
                    where = f"{path.relative_to(CORE.parents[1]).as_posix()}:{node.lineno}"
                    found.setdefault((context, text, rest[0] if rest else None), []).append(where)
    return found


# --- the cases: real core functions given bad input --------------------------------------------------------------


def idx_file(path: Path, ndim_code: int, dims: tuple[int, ...], payload: bytes) -> Path:
    path.write_bytes(bytes([0, 0, 8, ndim_code]) + b"".join(d.to_bytes(4, "big") for d in dims) + payload)
    return path


def png(path: Path, pixels: np.ndarray) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels.astype(np.uint8)).save(path)
    return path


def digit(side: int = 28) -> np.ndarray:
    pixels = np.zeros((side, side), dtype=np.uint8)
    pixels[side // 4: 3 * side // 4, side // 2 - 1: side // 2 + 1] = 255  # a stroke on black: a "1"
    return pixels


def refuse(code: int):
    def raising(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return raising


def base_model(library: ModelLibrary, model_id: str = "base", dataset: str = "mnist") -> str:
    torch.manual_seed(0)
    return library.save(MnistCNN(ModelConfig()), ModelRecord(kind="base", name="b", dataset=dataset,
                                                              model=ModelConfig(), train=TrainConfig()), model_id)


def lora_model(library: ModelLibrary, base_id: str, model_id: str = "adapter", scale: float = 0.0) -> str:
    model = MnistCNN(ModelConfig())
    lora.apply_lora(model, LoraConfig(layers=("fc2",)))
    if scale:
        with torch.no_grad():  # finite adapters whose product is not: merging them overflows float32
            for layer in lora.lora_layers(model).values():
                layer.lora_A.fill_(scale)
                layer.lora_B.fill_(scale)
    return library.save(model, ModelRecord(kind="control_lora", name="a", dataset="mnist", model=ModelConfig(),
                                           train=TrainConfig(), lora=LoraConfig(layers=("fc2",)), parent=base_id),
                        model_id)


def config_of(library: ModelLibrary, model_id: str) -> dict:
    return library.record(model_id).config_dict()


def diverged_run(status: str, message: str = "") -> runs.Run:
    outcome = Outcome(None, None, TrainResult(status=status, message=message), None, 0, 0, 0.0)
    return runs.Run("feature_lora", 3, outcome)


class Case:
    """What a case may use: a fresh folder, a library in it, the tiny data set, monkeypatch."""

    def __init__(self, folder: Path, monkeypatch, tiny_dataset):
        self.folder, self.monkeypatch, self.tiny = folder, monkeypatch, tiny_dataset
        self.library = ModelLibrary(folder / "models")

    def path(self, name: str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def dir(self, name: str) -> Path:
        path = self.folder / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def _truncated_png(c: Case) -> Path:
    good = png(c.path("t/whole.png"), np.random.default_rng(0).integers(0, 256, (64, 64)))  # noise: no compression
    cut = c.path("t/cut.png")
    cut.write_bytes(good.read_bytes()[:400])
    return cut


def _count_mismatch(c: Case, split: str) -> Path:
    folder = synthetic.write_folder(c.dir(f"mismatch-{split}"), n_train=20, n_test=10)
    idx_file(folder / f"{split}-labels-idx1-ubyte", 1, (9,), bytes(9))
    return folder


def _flipped_weights(c: Case) -> Path:
    path = c.path("flip/model.safetensors")
    raw = bytearray(model_files.checksummed_safetensors({"w": torch.ones(4)}))
    raw[-1] ^= 0x01
    path.write_bytes(bytes(raw))
    return path


def _record_with(c: Case, **changes) -> dict:
    data = config_of(c.library, base_model(c.library))
    data.update(changes)
    return data


def _feature_model_config(c: Case) -> dict:
    data = config_of(c.library, lora_model(c.library, base_model(c.library)))
    data["kind"], data["model"]["feature_dim"] = "feature_lora", 1
    data["features"] = {"names": ["brightness"], "mean": [0.1], "std": [1e-12]}
    return data


CASES = {
    # config.py: settings
    "not a number": lambda c: TrainConfig(lr="fast"),
    "not a whole number": lambda c: TrainConfig(epochs=1.5),
    "out of range": lambda c: TrainConfig(lr=500.0),
    "not a choice": lambda c: LoraConfig(variant="vera"),
    "no layer": lambda c: LoraConfig(layers=()),
    "a layer twice": lambda c: LoraConfig(layers=("fc1", "fc1")),
    "settings not an object": lambda c: config.from_dict(TrainConfig, []),
    "unknown setting": lambda c: config.from_dict(TrainConfig, {"speed": 1}),
    "text wanted": lambda c: config.check_type("name", 3, str),
    "text values wanted": lambda c: config.check_type("layers", "fc1", tuple[str, ...]),
    "one text value wrong": lambda c: config.check_type("layers", ["fc1", 2], tuple[str, ...]),
    "whole numbers wanted": lambda c: config.check_type("seeds", [0.5], tuple[int, ...]),
    "numbers wanted": lambda c: config.check_type("loss", ["x"], list[float]),
    "true or false wanted": lambda c: config.check_type("merged", 1, bool),
    "true/false values wanted": lambda c: config.check_type("flags", [1], tuple[bool, ...]),
    "an object wanted": lambda c: config.check_type("versions", [], dict),
    "objects wanted": lambda c: config.check_type("parents", [1], tuple[dict, ...]),
    "a number too large": lambda c: config.check_type("lr", 10**400, float),
    "no seed": lambda c: FinetunePlan(base_id="b", seeds=()),
    "a seed twice": lambda c: FinetunePlan(base_id="b", seeds=(1, 1)),
    "a feature twice": lambda c: FinetunePlan(base_id="b", features=("ink", "ink")),
    "a sweep with no method": lambda c: SweepPlan("b", methods=()),
    "a sweep listing a rank twice": lambda c: SweepPlan("b", ranks=(4, 4)),
    "unknown feature": lambda c: check_features(["colour"]),
    "feature statistics": lambda c: FeatureScaler.from_dict({"names": ["ink"], "mean": [0.1], "std": [0.0]}),
    "a series without seeds": lambda c: record.Series(seeds=(), control=False),
    "a combination of nothing": lambda c: record.Combination(how="cat", rank=4, parents=()),
    # data sets
    "unknown data set": lambda c: dataset_info("emnist"),
    "data set not installed": lambda c: datasets.load_dataset(c.dir("empty-root"), "kmnist"),
    "a file missing": lambda c: datasets.read_folder(c.dir("empty")),
    "not a folder to import": lambda c: datasets.locate_import_source(c.folder / "nowhere", "mnist"),
    "no IDX file to import": lambda c: datasets.locate_import_source(c.dir("no-idx"), "mnist"),
    "test images and labels disagree": lambda c: datasets.read_folder(_count_mismatch(c, "t10k")),
    "training images and labels disagree": lambda c: datasets.read_folder(_count_mismatch(c, "train")),
    "a full disk on import": lambda c: (c.monkeypatch.setattr(datasets.files, "staged_folder", refuse(errno.ENOSPC)),
                                        datasets.import_folder(synthetic.write_folder(c.dir("src"), 20, 10),
                                                               c.dir("root"), "mnist")),
    "a truncated images file on import": lambda c: datasets.import_folder(
        idx_file(synthetic.write_folder(c.dir("cut"), 20, 10) / "train-images-idx3-ubyte", 3, (20, 28, 28), bytes(9)
                 ).parent, c.dir("root2"), "mnist"),
    "no bundled data set": lambda c: bundled.check(c.dir("bundle")),
    "the other data set of a task": lambda c: tasks.make_task("kmnist", c.tiny, c.dir("no-kmnist")),
    "download cancelled": lambda c: download._fetch_from_mirrors(["http://127.0.0.1:9/"], "f.gz", c.path("f.gz"),
                                                                 lambda *a: None, lambda: True),
    "no mirror answers": lambda c: download._fetch_from_mirrors(["http://127.0.0.1:9/"], "f.gz", c.path("f.gz"),
                                                                lambda *a: None, lambda: False),
    "a damaged download": lambda c: (
        c.monkeypatch.setattr(download, "_fetch_from_mirrors", lambda _m, _f, path, *_a: path.write_bytes(b"x")),
        download.download("mnist", c.dir("dl"))),
    "a read-only disk for a download": lambda c: (c.monkeypatch.setattr(Path, "mkdir", refuse(errno.EROFS)),
                                                  download.download("mnist", c.folder / "ro")),
    # IDX files
    "a label out of range": lambda c: idx.read_labels(idx_file(c.path("l"), 1, (2,), bytes([3, 12]))),
    "named .gz, not gzip": lambda c: idx.read_images(idx_file(c.path("x.gz"), 3, (1, 28, 28), bytes(784))),
    "corrupt gzip": lambda c: (c.path("c.gz").write_bytes(gzip.compress(bytes(2000))[:30]),
                               idx.read_images(c.path("c.gz"))),
    "gzip ending without a word": lambda c: (c.monkeypatch.setattr(idx.gzip, "open", lambda *a: (_ for _ in ()).throw(
        EOFError())), c.path("e.gz").write_bytes(gzip.compress(b"x")), idx.read_images(c.path("e.gz"))),
    "IDX file not found": lambda c: idx.read_images(c.folder / "nope"),
    "IDX path is a folder": lambda c: idx.read_images(c.dir("a-folder")),
    "IDX permission denied": lambda c: (c.monkeypatch.setattr(idx, "open", refuse(errno.EACCES), raising=False),
                                        idx.read_images(c.path("p"))),
    "too short": lambda c: (c.path("s").write_bytes(b"\0\0"), idx.read_images(c.path("s"))),
    "no IDX magic": lambda c: (c.path("m").write_bytes(b"\1\2\3\4"), idx.read_images(c.path("m"))),
    "labels where images are wanted": lambda c: idx.read_images(idx_file(c.path("l1"), 1, (1,), bytes(1))),
    "images where labels are wanted": lambda c: idx.read_labels(idx_file(c.path("i3"), 3, (1, 28, 28), bytes(784))),
    "header truncated": lambda c: (c.path("h").write_bytes(bytes([0, 0, 8, 3, 0, 0])), idx.read_images(c.path("h"))),
    "no items": lambda c: idx.read_labels(idx_file(c.path("n"), 1, (0,), b"")),
    "too many items": lambda c: idx.read_labels(idx_file(c.path("big"), 1, (2_000_000,), b"")),
    "images of another size": lambda c: idx.read_images(idx_file(c.path("10"), 3, (1, 10, 10), bytes(100))),
    "truncated payload": lambda c: idx.read_images(idx_file(c.path("tr"), 3, (5, 28, 28), bytes(1))),
    "trailing bytes": lambda c: idx.read_labels(idx_file(c.path("tb"), 1, (1,), bytes(3))),
    # own images
    "no such folder": lambda c: own_images.scan_folder(c.folder / "nope"),
    "a file, not a folder": lambda c: own_images.scan_folder(png(c.path("f.png"), digit())),
    "a class folder misnamed": lambda c: (c.dir("own/x"), own_images.scan_folder(c.folder / "own")),
    "no class folders": lambda c: own_images.scan_folder(c.dir("own-empty")),
    "too many images": lambda c: (c.monkeypatch.setattr(own_images, "MAX_IMAGES", 1),
                                  [png(c.path(f"many/1/{i}.png"), digit()) for i in range(2)],
                                  own_images.scan_folder(c.folder / "many")),
    "a folder in a class": lambda c: (c.dir("sub/1/inner"), own_images.scan_folder(c.folder / "sub")),
    "not an image by its name": lambda c: (c.path("txt/1/a.txt").write_text("x"), own_images.scan_folder(
        c.folder / "txt")),
    "a broken link": lambda c: (c.dir("link/1"), os.symlink(c.folder / "gone.png", c.folder / "link/1/a.png"),
                                own_images.scan_folder(c.folder / "link")),
    "an empty class": lambda c: (c.dir("none/3"), own_images.scan_folder(c.folder / "none")),
    "one image in a class": lambda c: (png(c.path("one/4/a.png"), digit()), own_images.scan_folder(c.folder / "one")),
    "a class folder that cannot be listed": lambda c: (
        png(c.path("locked/4/a.png"), digit()), c.monkeypatch.setattr(own_images.os, "listdir", refuse(errno.EACCES)),
        own_images.scan_folder(c.folder / "locked")),
    "a decompression bomb": lambda c: (c.monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100),
                                       own_images.read_image(png(c.path("bomb.png"), digit(64)))),
    "an image that may not be read": lambda c: (c.monkeypatch.setattr(Image, "open", refuse(errno.EACCES)),
                                                own_images.read_image(c.path("x.png"))),
    "an image removed meanwhile": lambda c: own_images.read_image(c.folder / "gone.png"),
    "not an image": lambda c: (c.path("fake.png").write_text("hello"), own_images.read_image(c.path("fake.png"))),
    "a truncated image": lambda c: own_images.read_image(_truncated_png(c)),
    "a blank image": lambda c: own_images.read_image(png(c.path("blank.png"), np.full((28, 28), 200))),
    "a tiny image": lambda c: own_images.read_image(png(c.path("tiny.png"), digit(4))),
    "a huge image": lambda c: (c.monkeypatch.setattr(own_images, "MAX_SIDE", 16),
                               own_images.read_image(png(c.path("huge.png"), digit(20)))),
    # task names
    "a task name that is no text": lambda c: parse_task(5),
    "a folder task without a folder": lambda c: parse_task("folder:"),
    "no task": lambda c: parse_task(""),
    "a misspelt task": lambda c: parse_task("invertd"),
    "an unknown task": lambda c: parse_task("qqqq"),
    "a composite missing a part": lambda c: parse_task("noisy+"),
    "a data set in a composite": lambda c: parse_task("noisy+kmnist"),
    "a misspelt part": lambda c: parse_task("noisy+invertd"),
    "an unknown part": lambda c: parse_task("noisy+qqqq"),
    "a part twice": lambda c: parse_task("noisy+noisy"),
    "parts out of order": lambda c: parse_task("inverted+noisy"),
    # the model library
    "not a model id": lambda c: c.library.record("../x"),
    "NaN weights refused": lambda c: c.library.save(
        MnistCNN(ModelConfig()).apply(lambda m: [p.data.fill_(float("nan")) for p in m.parameters(recurse=False)]),
        ModelRecord(kind="base", name="n", dataset="mnist", model=ModelConfig(), train=TrainConfig())),
    "a full disk on save": lambda c: (c.monkeypatch.setattr("lora_studio.core.files.staged_folder",
                                                            refuse(errno.ENOSPC)), base_model(c.library)),
    "an empty name": lambda c: c.library.rename(base_model(c.library), " "),
    "a read-only disk on rename": lambda c: (base_model(c.library), c.monkeypatch.setattr(
        "lora_studio.core.files.atomic_write", refuse(errno.EROFS)), c.library.rename("base", "new")),
    "delete refused": lambda c: (base_model(c.library), c.monkeypatch.setattr(
        "lora_studio.core.storage.library.shutil.rmtree", refuse(errno.EPERM)), c.library.delete("base")),
    "merging overflows": lambda c: c.library.export_merged(lora_model(c.library, base_model(c.library), scale=1e20),
                                                           c.folder / "merged.safetensors"),
    "export to a read-only folder": lambda c: (base_model(c.library), c.monkeypatch.setattr(
        "lora_studio.core.files.atomic_write", refuse(errno.EROFS)), c.library.export_merged("base", c.folder)),
    "an unreadable library": lambda c: (base_model(c.library), c.monkeypatch.setattr(Path, "iterdir", refuse(
        errno.EACCES)), c.library.list()),
    "adapter tensors PEFT cannot load": lambda c: (lora_model(c.library, base_model(c.library)), c.monkeypatch.setattr(
        "lora_studio.core.model.weights.load_peft_state_dict", lambda *a: (_ for _ in ()).throw(KeyError(
            "unexpected adapter tensor 'x'")))
        , c.library.load("adapter")),
    "no such model": lambda c: c.library.record("missing"),
    "a base to fine-tune that is no base": lambda c: runs.load_base(c.library, lora_model(c.library,
                                                                                          base_model(c.library))),
    # the files of a model
    "a JSON file too large": lambda c: (c.path("j/big.json").write_text("[1, 2]"), model_files.read_json(
        c.folder / "j/big.json", limit=1)),
    "a JSON file missing": lambda c: model_files.read_json(c.folder / "j/none.json"),
    "a JSON file that is a folder": lambda c: model_files.read_json(c.dir("j/dir.json")),
    "not JSON": lambda c: (c.path("j/bad.json").write_text("{"), model_files.read_json(c.folder / "j/bad.json")),
    "unusable JSON": lambda c: (c.path("j/n.json").write_text("1" * 5000), model_files.read_json(
        c.folder / "j/n.json")),
    "weights too large": lambda c: (c.monkeypatch.setattr(model_files, "MAX_WEIGHTS_BYTES", 1), c.path(
        "w/big.safetensors").write_bytes(b"xx"), model_files.read_tensors(c.folder / "w/big.safetensors")),
    "weights missing": lambda c: model_files.read_tensors(c.folder / "w/none.safetensors"),
    "weights unreadable": lambda c: model_files.read_tensors(c.dir("w/dir.safetensors")),
    "not safetensors": lambda c: (c.path("w/bad.safetensors").write_bytes(b"garbage!"), model_files.read_tensors(
        c.folder / "w/bad.safetensors")),
    "weights damaged": lambda c: model_files.read_tensors(_flipped_weights(c)),
    "tensors of another model": lambda c: model_files.check_tensors({"a": torch.ones(1)}, {"b": torch.ones(1)}, "m"),
    "float64 tensors": lambda c: model_files.check_tensors({"a": torch.ones(1)}, {"a": torch.ones(1).double()}, "m"),
    "tensors of another shape": lambda c: model_files.check_tensors({"a": torch.ones(1)}, {"a": torch.ones(2)}, "m"),
    "NaN tensors": lambda c: model_files.check_tensors({"a": torch.ones(1)}, {"a": torch.full((1,), torch.nan)}, "m"),
    # a model's record
    "config.json not an object": lambda c: record.record_from_config([], "m"),
    "no format_version": lambda c: record.record_from_config({}, "m"),
    "a newer format": lambda c: record.record_from_config({"format_version": 99}, "m"),
    "config.json invalid": lambda c: record.record_from_config({"format_version": 1}, "m"),
    "features and inputs disagree": lambda c: record.record_from_config(
        {**config_of(c.library, lora_model(c.library, base_model(c.library))),
         "model": {**ModelConfig().__dict__, "feature_dim": 1}}, "m"),
    "a kind and a method that disagree": lambda c: record.record_from_config(_record_with(c, method="head"), "m"),
    "LoRA settings missing": lambda c: record.record_from_config(
        {**config_of(c.library, lora_model(c.library, base_model(c.library))), "lora": None}, "m"),
    "LoRA settings where none belong": lambda c: record.record_from_config(
        _record_with(c, kind="head", method="head", lora=config.to_dict(LoraConfig())), "m"),
    "features where none belong": lambda c: record.record_from_config(
        _record_with(c, kind="head", method="head", features={"names": ["ink"], "mean": [0.1], "std": [0.1]}), "m"),
    "a base on another task": lambda c: record.record_from_config(_record_with(c, task="inverted"), "m"),
    "a base in a series": lambda c: record.record_from_config(
        _record_with(c, series={"seeds": [0], "control": False, "features": []}), "m"),
    "feature statistics out of range": lambda c: record.record_from_config(_feature_model_config(c), "m"),
    "metrics.json not an object": lambda c: record.check_metrics([], "m"),
    "a negative count": lambda c: record.check_metrics({"trainable_params": -1}, "m"),
    # studies
    "a study on a full disk": lambda c: (c.monkeypatch.setattr("lora_studio.core.files.atomic_write", refuse(
        errno.ENOSPC)), StudyStore(c.folder / "studies").save({"id": "sweep-1"})),
    "not a study id": lambda c: StudyStore(c.folder / "studies").load("../x"),
    "a study not an object": lambda c: check_study([], "s"),
    "a study's runs not a list": lambda c: check_study({"runs": {}}, "s"),
    "a run lacking keys": lambda c: check_study({"runs": [{}]}, "s"),
    "a run's score not a number": lambda c: check_study({"runs": [_run({"target_accuracy": "high"})]}, "s"),
    "a pareto front of no runs": lambda c: check_study({"runs": [_run({})], "pareto": [5]}, "s"),
    "a study's task not text": lambda c: check_study({"runs": [_run({})], "pareto": [0], "base_id": 3}, "s"),
    # workflows
    "models of two data sets": lambda c: evaluation_report.evaluate_models(
        c.library, [base_model(c.library, "a"), base_model(c.library, "b", dataset="kmnist")], lambda _name: c.tiny),
    "evaluation stopped": lambda c: evaluation_report.evaluate_models(
        c.library, [base_model(c.library)], lambda _name: c.tiny, _Stopping()),
    "a run diverged": lambda c: diverged_run("diverged", Text(LOSS_DIVERGED, float("nan"), 1, 7, 100.0)).check(),
    "a run stopped": lambda c: diverged_run("stopped").check(),
}


def _run(values: dict) -> dict:
    from lora_studio.core.storage.studies import RUN_KEYS

    return {**dict.fromkeys(RUN_KEYS, 0), **values}


class _Stopping:
    def status(self, text): ...
    def progress(self, fraction, text): ...
    def is_cancelled(self):
        return True


# --- what the window makes of them ------------------------------------------------------------------------------


def english_left(text: str, names=(), context: str = "", source: str = "") -> list[str]:
    """The English words of a worded message once its names, its code (`lora-studio …`, 'same') and CODE are taken
    out; a KMNIST class may keep its romanisation beside the hiragana (the glossary's rule)."""
    for name in sorted((n for n in names if len(n) > 1), key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9_.]){re.escape(name)}(?![A-Za-z0-9_])", " ", text)  # a whole token
    text = re.sub(r"`[^`]*`|'[^'\s]+'", " ", text)
    for token in CODE | ({source} if context == "classes" else set()):
        text = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(token)}(?![A-Za-z0-9_])", " ", text)
    return english_words(text)


def templates_in(value, found: set[tuple[str, str]]) -> None:
    """Every marked text `value` is made of: the error's or Text's template, the marked words among its values."""
    if isinstance(value, LoraStudioError) or isinstance(value, Text):
        template = value.template
        found.add((getattr(template, "context", "errors"), template))
        for inner in value.values:
            templates_in(inner, found)
    elif isinstance(value, Marked):
        found.add((value.context, str(value)))


def names_in(value) -> list[str]:
    """The values shown as they are (names, paths, numbers, a library's own words), innermost included."""
    if isinstance(value, (LoraStudioError, Text)):
        return [name for inner in value.values for name in names_in(inner)]
    if isinstance(value, Marked):
        return []
    return [str(value)]


@pytest.fixture(scope="module")
def raised(tmp_path_factory, tiny_dataset):
    """Each case's error, raised by the core."""
    found = {}
    for name, case in CASES.items():
        with pytest.MonkeyPatch.context() as monkeypatch:
            folder = tmp_path_factory.mktemp("case")
            try:
                case(Case(folder, monkeypatch, tiny_dataset))
            except LoraStudioError as exc:
                found[name] = exc
            else:
                found[name] = None
    return found


@pytest.fixture
def chinese(qapp):
    from lora_studio.gui.i18n import language as i18n

    installed = i18n.apply("zh_CN", qapp)
    assert not installed.missing, installed.missing
    yield
    i18n.apply("en", qapp)


def test_every_case_raises_an_error_of_the_core(raised):
    assert not [name for name, exc in raised.items() if exc is None]


def test_every_error_reads_in_chinese_but_its_names(raised, chinese):
    left = []
    for name, exc in raised.items():
        if exc is None:
            continue
        worded = user_error(exc)
        words = english_left(worded, names_in(exc))
        if words or worded == str(exc):
            left.append(f"{name}: {worded!r}   [{', '.join(words)}]")
    assert not left, "English left in the Chinese window's errors:\n" + "\n".join(left)


def test_every_error_template_of_the_core_is_raised_here_or_listed(raised):
    exercised: set[tuple[str, str]] = set()
    for exc in raised.values():
        templates_in(exc, exercised)
    exercised |= {("errors", reason) for reason in errors._OS_REASONS.values()
                  if core_text(errors.os_reason(OSError(getattr(errno, _errno_name(reason)), "x"))) is not None}
    missing = []
    for (context, text, _comment), where in marked_texts({"errors"}).items():
        if (context, text) in exercised:
            continue
        if any(place.startswith(prefix) for place in where for prefix in DRIVEN_ELSEWHERE):
            continue
        missing.append(f"{text!r} ({', '.join(where)})")
    assert not missing, "errors no case raises:\n" + "\n".join(missing)


def _errno_name(reason: str) -> str:
    return next(name for name, text in errors._OS_REASONS.items() if text == reason)


def test_every_core_text_has_its_chinese(chinese):
    """Every text the core marks for the window is translated, with no English word outside its fields, and with
    no field the English does not fill (a slip that would break the message)."""
    left = []
    for (context, text, comment), where in marked_texts(WINDOW_CONTEXTS).items():
        translated = QCoreApplication.translate(context, text, comment)
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        used = {f for _, f, _, _ in string.Formatter().parse(translated) if f is not None}
        words = english_left(re.sub(r"\{[^}]*\}", " ", translated), context=context, source=text)
        untranslated = translated == text and english_left(re.sub(r"\{[^}]*\}", " ", text), context=context,
                                                           source=text)
        if words or untranslated or not used <= fields:
            left.append(f"{context} {text!r} → {translated!r} ({where[0]})")
    assert not left, f"{len(left)} core texts lack their Chinese:\n" + "\n".join(left)
