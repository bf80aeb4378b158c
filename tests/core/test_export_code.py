"""Export as code (issue 21), in process: the script's parts replicate the app exactly and its comments translate.
The scripts run on their own in test_export_code_runs.py; what is refused: test_export_code_refusals.py.

A part of a script is run here by exec'ing the notebook's cells up to it: the same code as the script's, its
options as plain variables."""

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import torch
from export_helpers import export_setup, finetune, saved_like_a_head_run
from float_bounds import UNIT_ROUNDOFF, assert_layers_agree, assert_within, forward_tolerance

from lora_studio.core import config as cfg
from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data import datasets
from lora_studio.core.data.task_names import folder_task_name
from lora_studio.core.data.tasks import make_task
from lora_studio.core.export_code import comments, export_code, export_plan, exported_text
from lora_studio.core.export_code.comments_zh_cn import ZH_CN
from lora_studio.core.export_code.parts_train import SCHEDULES
from lora_studio.core.export_code.render import WIDTH, columns, render, wrap
from lora_studio.core.export_code.script import sections
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.transfer import transfer_weights
from lora_studio.core.training.schedule import learning_rate


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """(data root, library, base id, source data set, own-images folder)."""
    return export_setup(tmp_path_factory)


def run_parts(plan, until: str) -> dict:
    """The namespace after exec'ing the plan's notebook cells (options, imports, …) up to the section `until`."""
    _, parts = sections(plan, "en", "x.py", notebook=True)
    namespace: dict = {}
    for part in parts:
        exec(compile(part.code, part.key, "exec"), namespace)  # noqa: S102 - the code this module tests
        if part.key == until:
            return namespace
    raise AssertionError(f"no section {until}")


# --- the script makes the app's data, exactly -------------------------------------------------------------


@pytest.mark.parametrize("task", ["same", "inverted", "rotate90", "noisy", "swap-labels", "noisy+inverted",
                                  "inverted+swap-labels", "fashion-mnist", "folder"])
def test_the_script_makes_the_target_task_as_the_app_does(setup, task):
    root, library, _, source, own = setup
    task = folder_task_name(own) if task == "folder" else task
    plan = export_plan(library, saved_like_a_head_run(setup, task), data_dir=root)
    made = run_parts(plan, "t_task")
    app = make_task(task, source, root, limit=100)
    for ours, theirs in [("train_images", app.train.images), ("train_labels", app.train.labels),
                         ("test_images", app.test.images), ("test_labels", app.test.labels),
                         ("source_test_images", source.test.images), ("source_test_labels", source.test.labels)]:
        assert made[ours].dtype == theirs.dtype and torch.equal(made[ours], theirs), ours
    assert plan.train_images == 100 and len(made["train_labels"]) == (30 if task.startswith("folder:") else 100)


def test_the_script_reads_plain_and_gzipped_idx_files(setup, tmp_path):
    """torchvision reads only unpacked files: the script unpacks a .gz-only folder (the tiny MNIST here, and
    ../shared/datasets) into a temporary folder, and reads an unpacked one (Fashion-MNIST here) directly."""
    root, library, *_ = setup
    assert all(p.suffix == ".gz" for p in datasets.raw_folder(root, "mnist").iterdir())
    namespace = run_parts(export_plan(library, saved_like_a_head_run(setup, "same"), data_dir=root), "t_data")
    for name in ("mnist", "fashion-mnist"):
        folder = datasets.dataset_info(name).folder
        images, labels = namespace["read_dataset"](folder, train=False)
        assert torch.equal(images, datasets.load_dataset(root, name).test.images)
    namespace["DATA_DIR"] = str(tmp_path)
    with pytest.raises(SystemExit, match="the data folder must hold MNIST/raw/"):
        namespace["read_dataset"]("MNIST", train=True)


def test_the_script_standardises_the_features_with_the_saved_statistics(setup):
    root, library, base_id, source, _ = setup
    model_id = finetune(library, base_id, source, root, "inverted", "lora", LoraConfig(layers=("fc1",)),
                        ("brightness", "contrast", "ink", "width"), limit=100)
    plan = export_plan(library, model_id, data_dir=root)
    made = run_parts(plan, "t_features")
    images = made["train_images"]
    assert torch.equal(made["feature_inputs"](images), plan.record.features.transform(images))


@pytest.mark.slow  # imports PEFT
@pytest.mark.parametrize(("variant", "init", "new_columns", "layers"), [
    ("lora", "article", "random", ("conv1", "fc1")), ("rslora", "kaiming", "zeros", ("conv2", "fc2")),
    ("dora", "article", "random", ("conv1", "fc1", "fc2"))])
def test_the_script_starts_from_the_apps_weights(setup, variant, init, new_columns, layers):
    """The seeded draws (fc1's new column, each A) and DoRA's magnitudes are the app's, bit for bit, and the
    wrapped model answers as the app's fine-tuned model would before its first step."""
    root, library, base_id, source, _ = setup
    lora_config = LoraConfig(rank=4, alpha=8.0, layers=layers, variant=variant, init=init, new_columns=new_columns)
    model_id = finetune(library, base_id, source, root, "inverted", "lora", lora_config, ("brightness",),
                        train=cfg.TrainConfig(epochs=1, batch_size=32, lr=3e-3, seed=5), limit=100)
    made = run_parts(export_plan(library, model_id, data_dir=root), "t_lora")
    base, record = library.load(base_id)
    torch.manual_seed(5)  # recipes.finetune's steps, up to training
    generator = torch.Generator().manual_seed(5)
    app = MnistCNN(cfg.ModelConfig(feature_dim=1, pixel_mean=record.model.pixel_mean,
                                   pixel_std=record.model.pixel_std))
    transfer_weights(base, app, new_columns, generator)
    lora.apply_lora(app, lora_config, generator)
    ours = dict(made["model"].named_parameters())
    for name, layer in lora.lora_layers(app).items():
        assert torch.equal(ours[f"base_model.model.{name}.lora_A.default.weight"], layer.lora_A), name
        assert torch.equal(ours[f"base_model.model.{name}.lora_B.default.weight"], layer.lora_B.reshape(
            ours[f"base_model.model.{name}.lora_B.default.weight"].shape))
        if variant == "dora":
            magnitude = ours[f"base_model.model.{name}.lora_magnitude_vector.default.weight"]
            # ‖W‖ per row of n, by PEFT and by the app: each within (n/2 + 1)·u of the exact norm
            fan_in = layer.lora_A[0].numel()
            torch.testing.assert_close(magnitude.flatten(), layer.lora_magnitude_vector, atol=0,
                                       rtol=(fan_in + 2) * UNIT_ROUNDOFF)
    assert torch.equal(made["fc1_weight"], weights.plain_state(app)["fc1.weight"])
    pixels, extra = made["to_pixels"](made["test_images"][:50]), made["feature_inputs"](made["test_images"][:50])
    with torch.no_grad():
        lora_b = lora.lora_layers(app)[layers[0]].lora_B
        lora_b.normal_()  # a trained-looking adapter, in both models, so that ΔW counts in the comparison
        peft_b = ours[f"base_model.model.{layers[0]}.lora_B.default.weight"]
        peft_b.copy_(lora_b.reshape(peft_b.shape))
        # PEFT's layers and the app's: float32 rounding apart, layer by layer and through the network
        assert_layers_agree(app, made["model"], pixels, extra, "the script's")
        assert_within(made["model"](pixels, extra), app(pixels, extra), forward_tolerance(app, pixels, extra),
                      "the script's model")


@pytest.mark.parametrize("schedule", cfg.LR_SCHEDULES)
def test_the_scripts_learning_rate_follows_the_apps_schedule(schedule):
    namespace = {"LEARNING_RATE": 0.01, "math": __import__("math")}
    exec(render(SCHEDULES[schedule], {}, set(), lambda key: key), namespace)  # noqa: S102
    config = TrainConfig(lr=0.01, lr_schedule=schedule)
    for total in (1, 19, 57):
        assert [namespace["learning_rate"](step, total) for step in range(total)] == [
            learning_rate(config, step, total) for step in range(total)]


def test_the_scripts_cnn_computes_what_the_apps_does(setup):
    root, library, base_id, *_ = setup
    made = run_parts(export_plan(library, saved_like_a_head_run(setup, "same"), data_dir=root), "t_model")
    app, _ = library.load(base_id)
    ours = made["ArticleCNN"]()
    ours.load_state_dict(weights.plain_state(app))
    pixels = made["to_pixels"](made["test_images"])
    assert_layers_agree(app, ours, pixels, what="the script's CNN")
    with torch.no_grad():  # ReLU before pooling, NCHW: float32 rounding apart
        assert_within(ours(pixels), app(pixels), forward_tolerance(app, pixels), "the script's CNN")


# --- the text --------------------------------------------------------------------------------------------


def field_names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_comment_has_its_chinese_with_the_same_fields():
    assert set(ZH_CN) == set(comments.COMMENTS.values())
    for english in comments.COMMENTS.values():
        assert field_names(ZH_CN[english]) == field_names(english), english
        assert re.search(r"[\u4e00-\u9fff]", ZH_CN[english]), english


def test_every_comment_is_marked_for_lupdate_in_the_export_context():
    tree = ast.parse(Path(comments.__file__).read_text(encoding="utf-8"))
    table = next(node.value for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)
                 and getattr(node.target, "id", "") == "COMMENTS")
    assert isinstance(table, ast.Dict) and len(table.values) == len(comments.COMMENTS)
    for call in table.values:
        assert isinstance(call, ast.Call) and call.func.id == "QT_TRANSLATE_NOOP", ast.dump(call)
        assert call.args[0].value == "export"


def test_the_chinese_script_is_the_english_one_with_chinese_comments(setup):
    root, library, base_id, source, _ = setup
    model_id = finetune(library, base_id, source, root, "noisy", "lora",
                        LoraConfig(layers=("conv1", "fc1"), variant="dora", lora_plus_ratio=2.0), ("brightness",),
                        limit=100)
    plan = export_plan(library, model_id, data_dir=root)
    english, chinese = (exported_text(plan, "py", language) for language in ("en", "zh_CN"))

    def code(text):
        return [line for line in text.splitlines() if not line.lstrip().startswith("#")]

    assert [re.sub(r"  # .*", "", line) for line in code(english)] == \
        [re.sub(r"  # .*", "", line) for line in code(chinese)]
    chinese_comments = [line for line in chinese.splitlines() if line.lstrip().startswith("#")]
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", line)) for line in chinese_comments) > 40
    read = "".join(line.lstrip()[2:] for line in chinese_comments).replace(" ", "")  # unwrapped, spaces aside
    for text in ("这就是冻结的 W", "可学习的幅值", "s = α/r = 16/8 = 2", "LoRA+：B 的学习速度是 A 的 2 倍"):
        assert text.replace(" ", "") in read
    assert all(columns(line) <= WIDTH for line in chinese_comments)
    assert not re.search(r"[\u4e00-\u9fff]", english)


def test_comments_wrap_at_spaces_and_between_chinese_characters():
    assert wrap("aaa bbb ccc", 7) == ["aaa bbb", "ccc"]
    lines = wrap("冻结基础模型的全部权重：这就是冻结的 W。它在每一层旁加上一个适配器，增量就在这里。", 20)
    assert all(columns(line) <= 20 for line in lines) and "".join(lines).count("W") == 1
    assert not any(line[0] in "，。：；" for line in lines)


def test_render_keeps_the_lines_of_the_flags_set_and_fills_values():
    template = """
        x = $value
        y = 1  #?on
        y = 2  #?!on
        # @note
        z = 3  # @note
    """
    assert render(template, {"value": "[1, 2]"}, {"on"}, lambda key: f"<{key}>") == \
        "x = [1, 2]\ny = 1\n# <note>\nz = 3  # <note>"
    assert "y = 2" in render(template, {"value": "0"}, set(), str)


@pytest.mark.parametrize("method", ["lora", "head", "full", "scratch"])
def test_an_exported_script_passes_ruff(setup, tmp_path, method):
    root, library, base_id, source, own = setup
    task = folder_task_name(own) if method == "scratch" else "noisy"
    features = ("brightness",) if method == "lora" else ()
    model_id = finetune(library, base_id, source, root, task, method, LoraConfig(lora_plus_ratio=4.0), features,
                        limit=100)
    script = export_code(library, model_id, tmp_path / "s.py", "py", "zh_CN", data_dir=root)
    ruff = Path(sys.executable).with_name("ruff")
    checked = subprocess.run([str(ruff), "check", "--isolated", "--line-length", "120", "--select", "E,F,W,I,B",
                              str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_the_notebook_holds_the_options_first_and_the_scripts_code(setup, tmp_path):
    root, library, base_id, *_ = setup
    model_id = saved_like_a_head_run(setup, "rotate90")
    path = export_code(library, model_id, tmp_path, "ipynb", data_dir=root)
    assert path == tmp_path / f"{model_id}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert code[0] == (f'DATA_DIR = "{root}"\nBASE_FILE = "{library.folder(base_id) / "model.safetensors"}"\n'
                       "SEED = 0\nEPOCHS = 1")
    script = exported_text(export_plan(library, model_id, data_dir=root), "py")
    assert all(cell in script for cell in code[2:])  # every cell after the options and the imports
    assert notebook.cells[0].cell_type == "markdown" and notebook.cells[0].source.startswith("# “h” (")
