"""Combining trained adapters (workflows/combine.py, model/combine.py): what PEFT's add_weighted_adapter gives, for
every way, saved in the library with where it came from; and every bad input refused with nothing saved.

Tolerances are float32 rounding: eps times the number of terms each compared value sums, times their size; for
the outputs, float_bounds.forward_tolerance, which adds what the weights' own differences pass on."""

import json
import math
import shutil
from pathlib import Path

import pytest
import torch
from adapter_library import ids, saved_adapter, saved_base
from float_bounds import assert_beyond, assert_within, forward_tolerance
from safetensors.torch import load_file

from lora_studio.core.config import ModelConfig
from lora_studio.core.errors import ConfigError, StorageError
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.storage.record import record_from_config
from lora_studio.core.workflows.combine import combine_adapters, combined_task
from lora_studio.core.workflows.evaluation_report import evaluate_models

peft = pytest.importorskip("peft")

EPS = torch.finfo(torch.float32).eps


@pytest.fixture
def library(tmp_path) -> ModelLibrary:
    library = ModelLibrary(tmp_path / "models")
    saved_base(library)
    return library


def peft_model(library: ModelLibrary, model_ids: list[str]):
    """PEFT's LoRA model on the plain CNN with the base's weights, holding each model's adapter by its id."""
    plain = MnistCNN(ModelConfig(), joined_fc1=True)
    plain.load_state_dict(load_file(library.folder(model_ids[0]) / "model.safetensors"))
    model = peft.PeftModel.from_pretrained(plain, library.folder(model_ids[0]), adapter_name=model_ids[0])
    for model_id in model_ids[1:]:
        model.load_adapter(library.folder(model_id), adapter_name=model_id)
    return model.eval()


# (how, the parents' layers and ranks, weights, svd rank): parents on different layers, on the same ones,
# overlapping; different ranks where the way allows; one parent alone (PEFT then combines linearly)
CASES = [
    ("cat", [(("conv1",), 4), (("fc2",), 8)], [1.0, 0.5], None),
    ("cat", [(("fc1", "fc2"), 4), (("fc1", "fc2"), 8)], [1.5, -0.5], None),
    ("cat", [(("conv1", "conv2", "fc1"), 2), (("conv2", "fc2"), 3)], [0.7, 2.0], None),
    ("linear", [(("conv1",), 4), (("fc2",), 4)], [1.0, 0.5], None),
    ("linear", [(("fc1", "fc2"), 4), (("fc1", "fc2"), 4)], [1.5, -0.5], None),
    ("svd", [(("conv1",), 4), (("fc2",), 8)], [1.0, 0.5], None),
    ("svd", [(("fc1", "fc2"), 4), (("fc1", "fc2"), 8)], [1.5, -0.5], 6),
    ("svd", [(("conv1", "conv2", "fc1"), 2), (("conv2", "fc2"), 3)], [0.7, 2.0], 4),
    ("svd", [(("conv2", "fc1"), 8)], [-0.8], None),
    ("ties", [(("conv1",), 4), (("fc2",), 4)], [1.0, 0.5], None),
    ("ties", [(("conv2", "fc1", "fc2"), 4), (("fc1", "fc2"), 4), (("conv2", "fc2"), 4)], [1.0, -1.0, 0.6], None),
    ("magnitude_prune", [(("fc1", "fc2"), 4), (("fc1", "fc2"), 4)], [1.5, -0.5], None),
]


@pytest.mark.parametrize(("how", "parents", "weights", "rank"), CASES)
def test_the_saved_combination_loads_in_peft_and_answers_as_peft_s_own(library, how, parents, weights, rank):
    """PEFT's add_weighted_adapter on the parents' saved adapters, against our combination saved in the library
    and loaded by PeftModel.from_pretrained onto the same CNN: the same adapter tensors and the same outputs."""
    variants = ("lora", "rslora")  # the second parent's scale is α/√r: PEFT weighs each by its own scale
    model_ids = [saved_adapter(library, "base-0", layers, rank=r, seed=i + 1, variant=variants[min(i, 1)])
                 for i, (layers, r) in enumerate(parents)]
    combined_id = combine_adapters(library, list(zip(model_ids, weights, strict=True)), how, rank=rank)

    theirs = peft_model(library, model_ids)
    theirs.add_weighted_adapter(model_ids, weights, "mix", combination_type=how, svd_rank=rank, density=0.2)
    theirs.set_adapter("mix")
    ours = peft_model(library, [combined_id])
    assert ours.peft_config[combined_id].r == theirs.peft_config["mix"].r == library.record(combined_id).lora.rank
    assert ours.peft_config[combined_id].lora_alpha == theirs.peft_config["mix"].lora_alpha

    layers = {name for layers, _ in parents for name in layers}
    weight_error = {}  # how far ours and PEFT's ΔW are apart (within their bound): what the outputs inherit
    for name in layers:
        mine = dict(ours.named_modules())[f"base_model.model.{name}"]
        peft_layer = dict(theirs.named_modules())[f"base_model.model.{name}"]
        expected = peft_layer.get_delta_weight("mix").flatten(1)
        got = mine.get_delta_weight(combined_id).flatten(1)
        r = mine.r[combined_id]
        # r products summed per entry, on A's and B's mixed from the parents' (a few roundings each); an svd's
        # parents' ΔW come from PEFT's conv-based product for a conv, ours from a matrix product: their rounding
        # moves the singular vectors by eps·‖ΔW‖ over the gap to the singular values cut off
        size = (mine.lora_B[combined_id].weight.flatten(1).abs() @ mine.lora_A[combined_id].weight.flatten(1).abs())
        tolerance = EPS * (r + 2 * len(parents)) * size
        if how == "svd":
            singular = torch.linalg.svdvals(expected)
            gap = singular[r - 1] - (singular[r] if r < len(singular) else 0)
            tolerance = tolerance + EPS * sum(expected.shape) * singular[0] ** 2 / gap
        assert (got - expected).abs().le(tolerance).all(), name
        weight_error[name] = (got - expected).abs().view(mine.get_delta_weight(combined_id).shape)

    x = torch.rand(16, 1, 28, 28)
    own_model = library.load(combined_id)[0]
    with torch.no_grad():
        expected = theirs(x)
        with theirs.disable_adapter():
            base = theirs(x)
        got, own = ours(x), own_model(x)
    tolerance = forward_tolerance(own_model, x, weight_error=weight_error)
    assert_beyond(expected, base, tolerance, what="the combination changes the outputs")
    assert_within(got, expected, tolerance, "our combination in PEFT")
    assert_within(own, expected, tolerance, "our combination")


@pytest.mark.parametrize("parents", [[(("conv1",), 4), (("fc2",), 8)], [(("fc1", "fc2"), 2), (("fc1", "fc2"), 8)],
                                     [(("conv1", "conv2"), 3), (("conv2", "fc1"), 5), (("fc2",), 1)]])
def test_cat_is_the_weighted_sum_of_the_parents_delta_weights(library, parents):
    weights = [1.25, -0.5, 2.0][: len(parents)]
    model_ids = [saved_adapter(library, "base-0", layers, rank=r, seed=i + 1, variant=("lora", "rslora")[i % 2])
                 for i, (layers, r) in enumerate(parents)]
    combined_id = combine_adapters(library, list(zip(model_ids, weights, strict=True)), "cat")
    record = library.record(combined_id)
    assert record.lora.rank == sum(r for _, r in parents)
    assert record.lora.layers == tuple(name for name in ("conv1", "conv2", "fc1", "fc2")
                                       if any(name in layers for layers, _ in parents))
    combined = lora.lora_layers(library.load(combined_id)[0])
    parent_layers = [lora.lora_layers(library.load(i)[0]) for i in model_ids]
    for name, layer in combined.items():
        terms = [(w, p[name]) for w, p in zip(weights, parent_layers, strict=True) if name in p]
        expected = sum(w * p.delta_weight().detach() for w, p in terms)
        size = sum(abs(w) * p.scaling * (p.lora_B.flatten(1).abs() @ p.lora_A.flatten(1).abs()) for w, p in terms)
        # each side sums r products of numbers rounded two or three times: eps · (rank + 3) per unit of size
        tolerance = EPS * (record.lora.rank + 3) * size.view(expected.shape)
        assert (layer.delta_weight().detach() - expected).abs().le(tolerance).all(), name


def test_one_parent_is_rescaled_as_peft_does_whatever_the_way(library):
    adapter_id = saved_adapter(library, "base-0", ("conv1", "fc1"), rank=4, seed=1)
    combined_id = combine_adapters(library, [(adapter_id, -0.5)], "svd")
    record = library.record(combined_id)
    assert (record.combination.how, record.lora.rank) == ("linear", 4)
    parent = lora.lora_layers(library.load(adapter_id)[0])
    for name, layer in lora.lora_layers(library.load(combined_id)[0]).items():
        expected = -0.5 * parent[name].delta_weight().detach()
        a, b = parent[name].lora_A.flatten(1), parent[name].lora_B.flatten(1)
        size = 0.5 * parent[name].scaling * (b.abs() @ a.abs())
        assert (layer.delta_weight().detach() - expected).abs().le(EPS * (4 + 3) * size.view(expected.shape)).all()
    with pytest.raises(ConfigError, match="svd of two or more adapters only; linear gives rank 4"):
        combine_adapters(library, [(adapter_id, 1.0)], "svd", rank=2)


def test_the_record_says_where_the_combination_came_from(library, tiny_dataset):
    """Parents and weights, how and rank in config.json; a plain LoRA model of the same base, on the composite
    of its parents' tasks, scored there and on the source task against the base, as fine-tuned models are."""
    conv = saved_adapter(library, "base-0", ("conv1",), rank=4, seed=1, task="inverted")
    head = saved_adapter(library, "base-0", ("fc2",), rank=8, seed=2, task="swap-labels")
    combined_id = combine_adapters(library, [(conv, 1.0), (head, 0.5)], "svd", rank=3,
                                   load_dataset=lambda name: tiny_dataset)
    assert combined_id.startswith("combined-")
    saved = json.loads((library.folder(combined_id) / "config.json").read_text())
    assert saved["combination"] == {"how": "svd", "rank": 3, "density": None,
                                    "parents": [{"id": conv, "weight": 1.0}, {"id": head, "weight": 0.5}]}
    record = library.record(combined_id)
    assert (record.parent, record.task) == ("base-0", "inverted+swap-labels")
    assert (record.lora.rank, record.lora.alpha) == (3, 3.0)
    assert record.lora.variant == "lora" and record.features is None and record.model == ModelConfig()
    assert record.name == "Combined svd r=3: 1×conv1 inverted + 0.5×fc2 swap-labels"
    adapter_config = json.loads((library.folder(combined_id) / "adapter_config.json").read_text())
    assert (adapter_config["r"], adapter_config["lora_alpha"], adapter_config["use_rslora"]) == (3, 3.0, False)

    report = evaluate_models(library, [combined_id], lambda name: tiny_dataset)
    [evaluated] = report.models
    m = record.metrics
    assert m["target_accuracy"] == m["test_accuracy"] == evaluated.target_accuracy
    assert (m["source_accuracy"], m["base_target_accuracy"]) == (evaluated.source_accuracy,
                                                                evaluated.base_target_accuracy)
    assert m["forgetting"] == pytest.approx(evaluated.forgetting)
    assert m["trainable_params"] == sum(t.numel() for t in load_file(
        library.folder(combined_id) / "adapter_model.safetensors").values())
    assert record_from_config(record.config_dict(), combined_id).combination == record.combination


def test_a_combination_of_combinations_and_of_an_old_library_s_adapter(tmp_path):
    """The control adapter of a library saved by f21d0a9 (conv1, fc1, fc2, r = 4) combines with itself; the
    combination is a LoRA model of that base like any other, so it combines again."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "library_f21d0a9" / "models"
    shutil.copytree(fixture, tmp_path / "models")
    library = ModelLibrary(tmp_path / "models")
    control = "control-lora-20261201-113414"
    half = combine_adapters(library, [(control, 0.5), (control, 0.5)], "cat")  # ΔW, at rank 8
    again = combine_adapters(library, [(half, 2.0), (control, -1.0)], "svd", rank=4)  # 2 ΔW − ΔW, cut to rank 4
    parent = lora.lora_layers(library.load(control)[0])
    for name, layer in lora.lora_layers(library.load(again)[0]).items():
        expected = parent[name].delta_weight().detach().flatten(1)
        size = parent[name].lora_B.flatten(1).abs() @ parent[name].lora_A.flatten(1).abs() * parent[name].scaling
        singular = torch.linalg.svdvals(expected)  # rank 4: the cut loses nothing but rounding
        tolerance = EPS * (8 + 3) * 3 * size + EPS * sum(expected.shape) * singular[0] ** 2 / singular[3]
        assert (layer.delta_weight().detach().flatten(1) - expected).abs().le(tolerance).all(), name


def test_the_task_of_a_combination():
    assert combined_task(["same", "same"]) == "same"
    assert combined_task(["inverted", "inverted", "same"]) == "inverted"
    assert combined_task(["swap-labels", "inverted"]) == "inverted+swap-labels"
    assert combined_task(["noisy+inverted", "swap-labels"]) == "noisy+inverted+swap-labels"
    assert combined_task(["fashion-mnist", "inverted"]) == "same"


# --- refused, with nothing saved ---------------------------------------------------------------------------------


def bad_inputs(library: ModelLibrary) -> dict:
    """What each bad input is: (parents, how, options), the error and the words that must be in its message."""
    fc = saved_adapter(library, "base-0", ("fc1", "fc2"), rank=4, seed=1)
    conv = saved_adapter(library, "base-0", ("conv1",), rank=8, seed=2)
    big = saved_adapter(library, "base-0", ("fc2",), rank=40, seed=3)
    dora = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=4, variant="dora")
    feature = saved_adapter(library, "base-0", ("fc1", "fc2"), rank=4, seed=5, feature_dim=1)
    other_base = saved_base(library, seed=1)
    elsewhere = saved_adapter(library, other_base, ("fc2",), rank=4, seed=6)
    moved = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=7, base_noise=0.01)
    return {
        "weight above 2": ([(fc, 2.5), (conv, 1.0)], "cat", {}, ConfigError, "adapter weight must be between -1 and 2"),
        "weight below -1": ([(fc, 1.0), (conv, -1.5)], "cat", {}, ConfigError, "between -1 and 2, got -1.5"),
        "weight not a number": ([(fc, math.nan)], "cat", {}, ConfigError, "adapter weight must be between"),
        "no adapter": ([], "cat", {}, ConfigError, "at least one adapter"),
        "unknown way": ([(fc, 1.0)], "sum", {}, ConfigError, "how must be one of cat, linear, svd, ties"),
        "unknown id": ([(fc, 1.0), ("adapter-99", 1.0)], "cat", {}, StorageError, "no model 'adapter-99'"),
        "a base model": ([(fc, 1.0), ("base-0", 1.0)], "cat", {}, ConfigError, "base-0 is a base model, not a LoRA"),
        "DoRA": ([(fc, 1.0), (dora, 1.0)], "cat", {}, ConfigError, "adapter-4 is a DoRA adapter"),
        "extra inputs": ([(feature, 1.0), (fc, 1.0)], "cat", {}, ConfigError,
                         "adapter-5 takes extra inputs (brightness)"),
        "different bases": ([(fc, 1.0), (elsewhere, 1.0)], "cat", {}, ConfigError,
                            "different bases cannot be combined: adapter-1 was trained from base-0, "
                            "adapter-6 from base-1"),
        "different base weights": ([(fc, 1.0), (moved, 1.0)], "cat", {}, StorageError,
                                   "adapter-1 and adapter-7 were trained on different weights of base base-0"),
        "svd rank above a layer's": ([(fc, 1.0), (conv, 1.0)], "svd", {"rank": 9}, ConfigError,
                                     "svd cannot keep rank 9: conv1's ΔW is 8 × 9, so it has at most 8 singular "
                                     "values"),
        "svd rank above fc2's": ([(fc, 1.0), (conv, 1.0)], "svd", {"rank": 11}, ConfigError, "fc2's ΔW is 10 × 64"),
        "svd rank out of range": ([(fc, 1.0), (conv, 1.0)], "svd", {"rank": 0}, ConfigError, "rank must be between 1"),
        "rank for cat": ([(fc, 1.0), (conv, 1.0)], "cat", {"rank": 4}, ConfigError, "cat gives rank 12"),
        "cat rank above 64": ([(big, 1.0), (big, 1.0)], "cat", {}, ConfigError,
                              "would have rank 80, above the largest"),
        "linear of two ranks": ([(fc, 1.0), (conv, 1.0)], "linear", {}, ConfigError,
                                "linear needs adapters of one rank, these have ranks 4, 8"),
        "ties of two ranks": ([(fc, 1.0), (conv, 1.0)], "ties", {}, ConfigError, "ties needs adapters of one rank"),
        "density": ([(fc, 1.0), (fc, 0.5)], "ties", {"density": 1.5}, ConfigError,
                    "density must be between 0.01 and 1"),
    }


def test_bad_inputs_are_refused_with_a_clear_message_and_nothing_saved(library):
    cases = bad_inputs(library)
    before = ids(library)
    for what, (parents, how, options, error, words) in cases.items():
        with pytest.raises(error) as caught:
            combine_adapters(library, parents, how, **options)
        message = str(caught.value)
        assert words in message and "\n" not in message, what
        assert ids(library) == before, what


def test_a_base_that_changed_since_the_adapters_were_trained_is_refused(library):
    fc = saved_adapter(library, "base-0", ("fc1", "fc2"), rank=4, seed=1)
    head = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=2)
    base, record = library.load("base-0")
    with torch.no_grad():
        base.fc1.weight.add_(1e-3)
    library.save(base, record, "base-0")  # the same id, other weights
    before = ids(library)
    with pytest.raises(StorageError, match="base base-0 changed since adapter-1 was trained"):
        combine_adapters(library, [(fc, 1.0), (head, 1.0)], "cat")
    assert ids(library) == before
    library.delete("base-0")  # gone: the adapters' own copies of the weights they were trained on are used
    combined_id = combine_adapters(library, [(fc, 1.0), (head, 1.0)], "cat")
    assert library.record(combined_id).parent == "base-0"


def test_an_adapter_file_that_fails_its_checksum_is_refused(library):
    fc = saved_adapter(library, "base-0", ("fc1", "fc2"), rank=4, seed=1)
    head = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=2)
    path = library.folder(head) / "adapter_model.safetensors"
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01  # one bit of a weight: still a valid number
    path.write_bytes(bytes(raw))
    before = ids(library)
    with pytest.raises(StorageError, match="adapter-2/adapter_model.safetensors is damaged"):
        combine_adapters(library, [(fc, 1.0), (head, 1.0)], "linear")
    assert ids(library) == before


def test_a_damaged_combination_record_is_refused_on_reading(library):
    fc = saved_adapter(library, "base-0", ("fc1", "fc2"), rank=4, seed=1)
    combined_id = combine_adapters(library, [(fc, 1.0), (fc, 0.5)], "linear")
    data = library.record(combined_id).config_dict()
    for change, words in [({"how": "sum"}, "how must be one of"), ({"rank": 5}, "of the combination's rank"),
                          ({"parents": [{"id": fc, "weight": 3.0}]}, "Combination.parents must be a list"),
                          ({"parents": []}, "at least one parent")]:
        damaged = {**data, "combination": {**data["combination"], **change}}
        with pytest.raises(StorageError, match=words):
            record_from_config(damaged, combined_id)


def test_peft_itself_scales_by_root_r_after_an_rslora_first_parent_and_ours_does_not(library):
    """Why the combination is always saved as plain LoRA with alpha = r: PEFT's copies the first parent's
    use_rslora while setting lora_alpha = r, so after an rsLoRA parent its combination acts √r times too strongly."""
    first = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=1, variant="rslora")
    second = saved_adapter(library, "base-0", ("fc2",), rank=4, seed=2)
    theirs = peft_model(library, [first, second])
    theirs.add_weighted_adapter([first, second], [1.0, 1.0], "mix", combination_type="cat")
    combined_id = combine_adapters(library, [(first, 1.0), (second, 1.0)], "cat")
    fc2 = dict(theirs.named_modules())["base_model.model.fc2"]
    ours = lora.lora_layers(library.load(combined_id)[0])["fc2"]
    assert fc2.scaling["mix"] == pytest.approx(math.sqrt(8)) and ours.scaling == 1.0
    size = ours.lora_B.abs() @ ours.lora_A.abs()
    assert (fc2.get_delta_weight("mix") / math.sqrt(8) - ours.delta_weight()).abs().le(EPS * 11 * size).all()
