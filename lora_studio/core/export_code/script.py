"""An ExportPlan as the sections of a standalone script: which templates, with which values and comments.

`sections` gives the script's parts in order, each a title, an explanation and its code; `script_text`
writes them as one `.py` file (sections marked `# %%`, which editors run cell by cell) and notebook.py as
notebook cells. The two differ only in their options: argparse in the script, plain variables in the
notebook's first code cell.
"""

from dataclasses import dataclass

from lora_studio.core.data import tasks
from lora_studio.core.export_code import parts_data, parts_model, parts_train
from lora_studio.core.export_code.comments import comment
from lora_studio.core.export_code.plan import ExportPlan
from lora_studio.core.export_code.render import comment_lines, literal, render


@dataclass(frozen=True)
class Section:
    key: str  # its title's key in comments.COMMENTS: "t_data", "t_lora", …
    title: str  # translated
    intro: list[str]  # translated paragraphs
    code: str


class _Writer:
    """Renders templates for one plan in one language."""

    def __init__(self, plan: ExportPlan, language: str, script_name: str, notebook: bool):
        self.plan, self.language = plan, language
        self.values, self.flags, self.words = _values(plan, script_name)
        if not notebook:
            self.flags.add("script")

    def text(self, key: str) -> str:
        return comment(key, self.language, self.words)

    def code(self, *templates: str) -> str:
        return "\n\n\n".join(render(t, self.values, self.flags, self.text) for t in templates)

    def section(self, title: str, intro: list[str], *templates: str) -> Section:
        return Section(title, self.text(title), [self.text(key) for key in intro], self.code(*templates))


def sections(plan: ExportPlan, language: str, script_name: str, notebook: bool) -> tuple[list[str], list[Section]]:
    """(the header's paragraphs, the sections in order); the options section first in a notebook."""
    w = _Writer(plan, language, script_name, notebook)
    method = plan.method
    header = [w.text("title"), w.text(f"about_{method}"), w.text("needs_peft" if method == "lora" else "needs_plain"),
              w.text("usage_ipynb" if notebook else "usage_py"), w.text("same_as_app")]
    options = w.section("t_options", ["options"], _NOTEBOOK_OPTIONS if notebook else _SCRIPT_OPTIONS)
    parts = [Section("t_imports", w.text("t_imports"), [], _imports(plan, notebook)),
             w.section("t_settings", ["settings"], _SETTINGS)]
    if not notebook:
        parts.append(options)
    parts.append(w.section("t_data", ["data"], parts_data.READ_DATASET))
    if plan.own_images is not None:
        parts.append(w.section("t_own_images", ["own_images"], parts_data.OWN_IMAGES))
    parts.append(_task_section(w))
    if plan.record.features is not None:
        functions = [parts_data.FEATURE_FUNCTIONS[name] for name in plan.record.features.names]
        parts.append(w.section("t_features", ["features"], *functions, parts_data.FEATURES))
    parts.append(w.section("t_model", ["model"], parts_model.MODEL))
    if method != "scratch":
        parts.append(w.section("t_base", [], parts_model.BASE_WEIGHTS))
    method_code = {"lora": parts_model.LORA, "head": parts_model.HEAD, "full": parts_model.FULL,
                   "scratch": parts_model.SCRATCH}[method]
    parts.append(w.section(f"t_{method}", [], method_code))
    parts.append(w.section("t_optimizer", [], parts_train.OPTIMIZER,
                           parts_train.SCHEDULES[plan.record.train.lr_schedule]))
    parts.append(w.section("t_train", [], parts_train.ACCURACY, parts_train.TRAIN))
    parts.append(w.section("t_result", ["result"], parts_train.RESULT))
    return header, ([options] if notebook else []) + parts


def script_text(plan: ExportPlan, language: str = "en", script_name: str = "script.py") -> str:
    """The whole `.py` script of `plan`, its comments in `language` ("en" or "zh_CN")."""
    header, parts = sections(plan, language, script_name, notebook=False)
    lines = ["#!/usr/bin/env python3"]
    for paragraph in header:
        lines += comment_lines(paragraph) + ["#"]
    lines.pop()
    for part in parts:
        # one blank line after the imports, as isort has it; two between the other parts, as around functions
        after_imports = lines[-1].startswith(("import", "from"))
        lines += ["", f"# %% {part.title}"] if after_imports else ["", "", f"# %% {part.title}"]
        for paragraph in part.intro:
            lines += comment_lines(paragraph)
        lines.append(part.code)
    return "\n".join(lines) + "\n"


def _task_section(w: _Writer) -> Section:
    plan = w.plan
    if plan.own_images is not None:
        return w.section("t_task", [], parts_data.LOAD_OWN_IMAGES)
    if plan.target_folder is not None:
        return w.section("t_task", ["task_dataset"], parts_data.LOAD_DATASET)
    steps = [parts_data.STEPS[name] for name in dict.fromkeys(plan.transforms)]
    return w.section("t_task", ["task" if plan.transforms else "task_same"], *steps, parts_data.MAKE_TARGET,
                     parts_data.LOAD_DERIVED)


def _imports(plan: ExportPlan, notebook: bool) -> str:
    own, lora, base = plan.own_images is not None, plan.method == "lora", plan.method != "scratch"
    numpy = own or "noisy" in plan.transforms
    standard = [("argparse", not notebook), ("gzip", True), ("hashlib", base), ("itertools", own), ("math", True),
                ("os", own), ("shutil", True), ("tempfile", True)]
    lines = [f"import {name}" for name, wanted in standard if wanted] + ["from pathlib import Path", ""]
    lines += ["import numpy as np"] if numpy else []
    lines += ["import torch", "import torch.nn.functional as F", "import torchvision"]
    lines += ["from peft import LoraConfig, get_peft_model"] if lora else []
    lines += ["from PIL import Image, ImageOps"] if own else []
    lines += ["from safetensors.torch import load_file"] if base else []
    lines += ["from torch import nn"]
    return "\n".join(lines)


_SETTINGS = '''
    MODEL_ID = $model_id
    BASE_ID = $base_id  #?base
    SOURCE = $source  # @s_source
    TARGET = $target  # @s_target  #?target_dataset
    TASK = $task
    BATCH_SIZE = $batch_size
    LEARNING_RATE = $lr
    TRAIN_IMAGES = $train_images  # @s_train_images
    PIXEL_MEAN, PIXEL_STD = $pixel_mean, $pixel_std  # @s_pixels
    DEFAULT_DATA_DIR = $data_dir  #?script
    DEFAULT_BASE_FILE = $base_file  #?script
'''

_SCRIPT_OPTIONS = '''
    parser = argparse.ArgumentParser(description=f"LoRA Studio's run of {MODEL_ID}, as a standalone script")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, metavar="DIR",
                        help="a folder holding <Name>/raw/ as torchvision lays it out [%(default)s]")
    parser.add_argument("--base", default=DEFAULT_BASE_FILE, metavar="PATH",
                        help="the base model's model.safetensors [%(default)s]")  #?base
                        help="not used: a model trained from scratch starts from fresh weights")  #?!base
    parser.add_argument("--seed", type=int, default=$seed, help="random seed [%(default)s]")
    parser.add_argument("--epochs", type=int, default=$epochs, help="epochs [%(default)s]")
    args = parser.parse_args()
    DATA_DIR, BASE_FILE, SEED, EPOCHS = args.data_dir, args.base, args.seed, args.epochs
'''

_NOTEBOOK_OPTIONS = '''
    DATA_DIR = $data_dir
    BASE_FILE = $base_file
    SEED = $seed
    EPOCHS = $epochs
'''


def _values(plan: ExportPlan, script_name: str) -> tuple[dict[str, str], set[str], dict[str, object]]:
    """(the templates' $values as Python literals, their flags, the comments' {fields})."""
    record, model = plan.record, plan.record.model
    train, adapter, features = record.train, record.lora, record.features
    values = {
        "model_id": literal(plan.model_id), "base_id": literal(plan.base_id), "source": literal(plan.source_folder),
        "target": literal(plan.target_folder), "task": literal(record.task),
        "own_images": literal(str(plan.own_images) if plan.own_images else None),
        "batch_size": literal(train.batch_size), "lr": literal(train.lr), "train_images": literal(plan.train_images),
        "pixel_mean": literal(model.pixel_mean), "pixel_std": literal(model.pixel_std),
        "conv1_channels": literal(model.conv1_channels), "conv2_channels": literal(model.conv2_channels),
        "hidden": literal(model.hidden), "num_classes": literal(model.num_classes),
        "base_sha256": literal(plan.base_sha256), "data_dir": literal(str(plan.data_dir)),
        "base_file": literal(str(plan.base_file) if plan.base_file else None),
        "seed": literal(train.seed), "epochs": literal(train.epochs),
        "task_steps": "[" + ", ".join(parts_data.STEP_FUNCTIONS[name] for name in plan.transforms) + "]",
        "noise_sigma": literal(tasks.NOISE_SIGMA), "noise_seed": literal(tasks.NOISE_SEED),
        "noise_block": literal(tasks.NOISE_BLOCK),
        "noise_stream": "{" + ", ".join(f"{literal(k)}: {v}" for k, v in tasks._SPLIT_STREAM.items()) + "}",
    }
    flags = {"base"} if plan.method != "scratch" else set()
    flags |= {"target_dataset"} if plan.target_folder else set()
    flags |= {"limited"} if plan.train_images is not None else set()
    words: dict[str, object] = {
        "name": record.name, "model_id": plan.model_id, "base_id": plan.base_id, "task": record.task,
        "script": script_name, "batch_size": train.batch_size, "train_images": f"{plan.train_images or 0:,}",
        "block": f"{tasks.NOISE_BLOCK:,}", "folder": plan.own_images, "target": plan.target_folder,
        "hidden": model.hidden, "flat": model.flat_dim, "trained": model.hidden * model.num_classes + model.num_classes,
    }
    if features is not None:
        values |= {"feature_functions": "[" + ", ".join(features.names) + "]",
                   "feature_mean": literal(list(features.mean)), "feature_std": literal(list(features.std))}
        flags.add("features")
        words |= {"features": ", ".join(features.names), "features_count": len(features.names),
                  "fc1_inputs": model.flat_dim + len(features.names)}
    if adapter is not None:
        values |= {"rank": literal(adapter.rank), "alpha": literal(adapter.alpha),
                   "layers": literal(list(adapter.layers)), "lora_plus_ratio": literal(adapter.lora_plus_ratio),
                   "dropout": literal(adapter.dropout), "use_rslora": literal(adapter.variant == "rslora"),
                   "use_dora": literal(adapter.variant == "dora")}
        flags |= {adapter.variant, f"{adapter.init}_init"}
        flags |= {"lora_plus"} if adapter.lora_plus_ratio != 1 else set()
        flags |= {"dropout"} if adapter.dropout else set()
        flags |= {f"{'zero' if adapter.new_columns == 'zeros' else 'random'}_columns"} if features else set()
        words |= {"layers": ", ".join(adapter.layers), "rank": adapter.rank, "alpha": f"{adapter.alpha:g}",
                  "scale": f"{adapter.scale:.4g}", "ratio": f"{adapter.lora_plus_ratio:g}",
                  "dropout": f"{adapter.dropout:g}"}
    return values, flags, words
