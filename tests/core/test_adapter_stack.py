"""The live adapter stack (issue 20): one frozen base, several trained LoRA adapters, W + Σ w_i·ΔW_i, no training.

Outputs computed two ways (the stack's summed weights, the adapter model's own forward pass) may differ by float32
rounding only: float_bounds.forward_tolerance, from the model compared with. Predictions are compared where the top
two logits are further apart than the two sides' rounding can move them.
"""

import copy

import pytest
import torch
from float_bounds import assert_within, forward_tolerance

from lora_studio.core.config import RANGES, ConfigError, LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.pixels import to_input
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import StorageError
from lora_studio.core.evaluation.scores import predict
from lora_studio.core.evaluation.stack import AdapterStack
from lora_studio.core.evaluation.strength import accuracy_by_strength
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.adapter_stack import load_stack, task_splits

QUICK = TrainConfig(epochs=1, batch_size=32, lr=3e-3)
#: (name, task, layers, variant, rank) of the adapters trained for these tests
ADAPTERS = (
    ("conv1-inverted", "inverted", ("conv1",), "lora", 8),
    ("fc2-swapped", "swap-labels", ("fc2",), "lora", 4),
    ("fc-rotated", "rotate90", ("fc1", "fc2"), "rslora", 2),
    ("conv2-dora", "inverted", ("conv2",), "dora", 3),
    ("fc1-dora", "noisy", ("fc1",), "dora", 8),
)


@pytest.fixture(scope="module")
def trained(tiny_dataset):
    """A base trained on the tiny MNIST and the adapters of ADAPTERS, each trained one epoch on its task."""
    torch.manual_seed(0)
    base = recipes.train_base(tiny_dataset, TrainConfig(epochs=1, batch_size=32, lr=2e-3))
    adapters = {}
    for name, task, layers, variant, rank in ADAPTERS:
        config = LoraConfig(rank=rank, alpha=16.0, layers=layers, variant=variant, init="kaiming")
        tuned = recipes.finetune(base.model, base.record, make_task(task, tiny_dataset, None), config, (), QUICK,
                                 task=task)
        adapters[name] = tuned
    return base, adapters


def _model(trained, name):
    return trained[1][name].model


def _tolerance(model: torch.nn.Module, images: torch.Tensor) -> torch.Tensor:
    """How far two float32 computations of `model`'s logits for uint8 images may differ (float_bounds.py)."""
    return forward_tolerance(model, to_input(images))


def _own_logits(model, images) -> torch.Tensor:
    with torch.inference_mode():
        return model.eval()(to_input(images))


def _assert_same_answers(logits: torch.Tensor, expected: torch.Tensor, tolerance: torch.Tensor, labels) -> None:
    """Within the tolerance; the same predictions wherever the top two logits of the expected side are further apart
    than twice the row's largest tolerance (no rounding can swap them); the accuracies apart by at most the rest."""
    assert_within(logits, expected, tolerance, "the stack's logits")
    top2 = expected.topk(2, dim=1)
    clear = (top2.values[:, 0] - top2.values[:, 1]) > 2 * tolerance.amax(1)
    assert clear.float().mean() > 0.9  # the comparison says something
    assert torch.equal(logits.argmax(1)[clear], expected.argmax(1)[clear])
    near = int((~clear).sum())
    right = (logits.argmax(1) == labels).sum() - (expected.argmax(1) == labels).sum()
    assert abs(int(right)) <= near


# --- what the stack computes -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [a[0] for a in ADAPTERS])
def test_one_adapter_at_weight_one_is_that_adapters_model(trained, tiny_dataset, name):
    base, _ = trained
    model = _model(trained, name)
    stack = AdapterStack(base.model, [model], [name])
    test = make_task(ADAPTERS[[a[0] for a in ADAPTERS].index(name)][1], tiny_dataset, None).test
    logits, expected = stack.logits(test.images, [1.0]), _own_logits(model, test.images)
    _assert_same_answers(logits, expected, _tolerance(model, test.images), test.labels)
    own = predict(model, test.images, test.labels)
    scored = stack.predict(test, [1.0])
    assert stack.accuracy(test, [1.0]) == scored.accuracy
    assert abs(scored.accuracy - own.accuracy) <= 0.05  # the same up to near-ties, checked image by image above
    assert stack.adapters[0].layers == tuple(n for n in ("conv1", "conv2", "fc1", "fc2") if n in
                                             lora.lora_layers(model))


def test_weight_zero_is_the_base(trained, tiny_dataset):
    base, _ = trained
    models = [_model(trained, "conv1-inverted"), _model(trained, "fc2-swapped")]
    stack = AdapterStack(base.model, models)
    merged = stack.merged_model([0.0, 0.0])
    for key, tensor in weights.plain_state(base.model).items():
        assert torch.equal(weights.plain_state(merged)[key], tensor), key
    test = tiny_dataset.test
    expected = _own_logits(base.model, test.images)
    _assert_same_answers(stack.logits(test.images, [0.0, 0.0]), expected, _tolerance(base.model, test.images),
                         test.labels)


def test_two_adapters_on_different_layers_act_as_both_merged(trained, tiny_dataset):
    base, _ = trained
    conv1, fc2 = _model(trained, "conv1-inverted"), _model(trained, "fc2-swapped")
    stack = AdapterStack(base.model, [conv1, fc2])
    reference = copy.deepcopy(base.model)
    with torch.no_grad():
        reference.conv1.weight.add_(conv1.conv1.delta_weight())
        reference.fc2.weight.add_(fc2.fc2.delta_weight())
    merged = stack.merged_model([1.0, 1.0])
    for key, tensor in weights.plain_state(reference).items():
        assert torch.equal(weights.plain_state(merged)[key], tensor), key
    test = make_task("inverted+swap-labels", tiny_dataset, None).test
    expected = _own_logits(reference, test.images)
    _assert_same_answers(stack.logits(test.images, [1.0, 1.0]), expected, _tolerance(reference, test.images),
                         test.labels)
    assert stack.overlap() == {"conv1": (0,), "fc2": (1,)}


def test_adapters_on_one_layer_add_their_weighted_updates(trained):
    base, _ = trained
    rotated, swapped = _model(trained, "fc-rotated"), _model(trained, "fc2-swapped")
    stack = AdapterStack(base.model, [rotated, swapped], ["rotated", "swapped"])
    assert stack.layers == ("fc1", "fc2") and stack.overlap() == {"fc1": (0,), "fc2": (0, 1)}
    got = stack.layer_weights([0.5, -1.0])
    with torch.no_grad():
        assert torch.equal(got["fc1"], base.model.fc1.weight + 0.5 * rotated.fc1.delta_weight())
        expected = base.model.fc2.weight.clone()
        expected.add_(rotated.fc2.delta_weight(), alpha=0.5).add_(swapped.fc2.delta_weight(), alpha=-1.0)
    assert torch.equal(got["fc2"], expected)
    assert [a.variant for a in stack.adapters] == ["rslora", "lora"] and [a.rank for a in stack.adapters] == [2, 4]


def test_the_strength_slider_is_the_one_adapter_case(trained, tiny_dataset):
    """accuracy_by_strength scales the adapter through its own forward pass; the stack through W + s·ΔW."""
    base, _ = trained
    model = _model(trained, "fc-rotated")
    target, source = make_task("rotate90", tiny_dataset, None).test, tiny_dataset.test
    curve = accuracy_by_strength(model, target, source, strengths=(0.0, 0.5, 1.5, 2.0))
    stack = AdapterStack(base.model, [model])
    for strength, on_target in zip(curve.strengths, curve.target_accuracy, strict=True):
        lora.set_strength(model, strength)
        try:
            expected, tolerance = _own_logits(model, target.images), _tolerance(model, target.images)
        finally:
            lora.set_strength(model, 1.0)
        logits = stack.logits(target.images, [strength])
        _assert_same_answers(logits, expected, tolerance, target.labels)
        assert abs(stack.accuracy(target, [strength]) - on_target) <= 0.05


def test_a_strength_curve_asked_to_stop_ends_at_the_strengths_it_scored(trained, tiny_dataset):
    """The window's curve job stops when the window closes: the curve so far, the adapters back at strength 1."""
    model = _model(trained, "fc-rotated")
    target, source = make_task("rotate90", tiny_dataset, None).test, tiny_dataset.test
    asked = []

    def stop_after_two() -> bool:
        asked.append(True)
        return len(asked) > 2

    curve = accuracy_by_strength(model, target, source, strengths=(0.0, 0.5, 1.5, 2.0), should_stop=stop_after_two)
    assert curve == accuracy_by_strength(model, target, source, strengths=(0.0, 0.5))
    assert {layer.strength for layer in lora.lora_layers(model).values()} == {1.0}


def test_the_frozen_prefix_is_computed_once_per_image_set(trained, tiny_dataset):
    base, _ = trained
    fc_only = AdapterStack(base.model, [_model(trained, "fc-rotated"), _model(trained, "fc2-swapped")])
    assert fc_only.start == 2  # fc1 is in the head: both convolutions run once
    first = fc_only.accuracy(tiny_dataset.test, [1.0, 0.0])
    other = make_task("rotate90", tiny_dataset, None).test
    fc_only.accuracy(other, [0.3, 0.7])
    assert len(fc_only._prefixes) == 2
    fc_only.accuracy(tiny_dataset.test, [1.0, 1.0])
    assert len(fc_only._prefixes) == 2 and fc_only.accuracy(tiny_dataset.test, [1.0, 0.0]) == first
    assert AdapterStack(base.model, [_model(trained, "conv2-dora")]).start == 1
    with_conv1 = AdapterStack(base.model, [_model(trained, "conv1-inverted"), _model(trained, "fc2-swapped")])
    assert with_conv1.start == 0
    with_conv1.accuracy(tiny_dataset.test, [1.0, 1.0])
    assert len(with_conv1._prefixes) == 0


def test_the_models_given_are_left_as_they_were(trained, tiny_dataset):
    base, _ = trained
    model = _model(trained, "conv1-inverted")
    before = {k: v.clone() for k, v in model.state_dict().items()}
    base_before = {k: v.clone() for k, v in base.model.state_dict().items()}
    AdapterStack(base.model, [model]).accuracy(tiny_dataset.test, [2.0])
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert all(torch.equal(base_before[k], v) for k, v in base.model.state_dict().items())


def test_an_empty_stack_is_the_base(trained, tiny_dataset):
    base, _ = trained
    stack = AdapterStack(base.model, [])
    test = tiny_dataset.test
    assert stack.layers == () and stack.accuracy(test, []) == predict(base.model, test.images, test.labels).accuracy


# --- refusals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "message"), [
    ([2.5, 0.0], "adapter weight must be between -1 and 2, got 2.5"),
    ([0.0, -1.01], "adapter weight must be between -1 and 2"),
    ([float("nan"), 0.0], "adapter weight must be between"),
    ([True, 0.0], "adapter weight must be a number"),
    ([1.0], "the stack holds 2 adapters but 1 weights were given"),
])
def test_weights_out_of_range_are_refused(trained, tiny_dataset, values, message):
    base, _ = trained
    stack = AdapterStack(base.model, [_model(trained, "conv1-inverted"), _model(trained, "fc2-swapped")])
    with pytest.raises(ConfigError, match=message.replace("(", "\\(")):
        stack.accuracy(tiny_dataset.test, values)
    assert RANGES["adapter_weight"] == (-1.0, 2.0)
    assert stack.accuracy(tiny_dataset.test, [-1.0, 2.0]) >= 0  # the ends are allowed


def test_an_adapter_of_other_weights_or_another_base_is_refused(trained):
    base, _ = trained
    changed = copy.deepcopy(_model(trained, "fc2-swapped"))
    with torch.no_grad():
        changed.conv2.weight[0, 0, 0, 0] += 1e-3
    with pytest.raises(ConfigError, match="^swapped was not trained from this base: its frozen conv2.weight differs"):
        AdapterStack(base.model, [_model(trained, "conv1-inverted"), changed], ["inverted", "swapped"])
    other = MnistCNN(ModelConfig(hidden=32))
    lora.apply_lora(other, LoraConfig(layers=("fc2",)))
    with pytest.raises(ConfigError, match="^wide was trained from a base of another shape"):
        AdapterStack(base.model, [other], ["wide"])


def test_models_that_are_no_plain_adapters_are_refused(trained, tiny_dataset):
    base, adapters = trained
    with pytest.raises(ConfigError, match="^the base is not a LoRA adapter"):
        AdapterStack(base.model, [base.model], ["the base"])
    feature = recipes.finetune(base.model, base.record, tiny_dataset, LoraConfig(), ("brightness",), QUICK)
    with pytest.raises(ConfigError, match="^feature takes extra inputs: its fc1 is wider than the base's"):
        AdapterStack(base.model, [feature.model], ["feature"])
    with pytest.raises(ConfigError, match="must be a plain model of this app, without adapters"):
        AdapterStack(_model(trained, "conv1-inverted"), [_model(trained, "fc2-swapped")])
    merged = copy.deepcopy(_model(trained, "fc2-swapped"))
    lora.merge(merged)
    with pytest.raises(ConfigError, match="has its adapters merged"):
        AdapterStack(base.model, [merged])


# --- from the library --------------------------------------------------------------------------------------


@pytest.fixture
def library(trained, tmp_path):
    base, adapters = trained
    library = ModelLibrary(tmp_path / "models")
    base_id = library.save(base.model, base.record)
    ids = {"base": base_id}
    for name, outcome in adapters.items():
        outcome.record.parent = base_id
        ids[name] = library.save(outcome.model, outcome.record)
    return library, ids


def test_load_stack_reads_adapters_of_one_base_from_the_library(library, trained, tiny_dataset):
    lib, ids = library
    stack, records = load_stack(lib, [ids["conv1-inverted"], ids["fc2-swapped"]])
    assert [a.name for a in stack.adapters] == [ids["conv1-inverted"], ids["fc2-swapped"]]
    assert [r.task for r in records] == ["inverted", "swap-labels"]
    splits = task_splits(tiny_dataset, ["same", "inverted+swap-labels", "same"])
    assert list(splits) == ["same", "inverted+swap-labels"] and splits["same"] is tiny_dataset.test
    base, _ = trained
    expected = AdapterStack(base.model, [_model(trained, "conv1-inverted"), _model(trained, "fc2-swapped")])
    for split in splits.values():
        assert torch.equal(stack.logits(split.images, [1.0, 0.5]), expected.logits(split.images, [1.0, 0.5]))
    assert stack.accuracies(splits, [1.0, 0.5]) == {name: expected.accuracy(split, [1.0, 0.5])
                                                    for name, split in splits.items()}
    lib.delete(ids["base"])  # the adapters carry the weights they were trained on
    again, _ = load_stack(lib, [ids["conv1-inverted"], ids["fc2-swapped"]])
    assert torch.equal(again.logits(tiny_dataset.test.images, [1.0, 0.5]),
                       expected.logits(tiny_dataset.test.images, [1.0, 0.5]))


def test_load_stack_refuses_with_one_line(library, trained, tiny_dataset):
    lib, ids = library
    base, adapters = trained
    other = recipes.train_base(tiny_dataset, TrainConfig(epochs=1, batch_size=64, lr=1e-3, seed=5))
    other_id = lib.save(other.model, other.record)
    stranger = recipes.finetune(other.model, lib.record(other_id), tiny_dataset, LoraConfig(layers=("fc2",)), (),
                                QUICK)
    stranger_id = lib.save(stranger.model, stranger.record)
    head = recipes.finetune(base.model, lib.record(ids["base"]), tiny_dataset, LoraConfig(), (), QUICK, method="head")
    head_id = lib.save(head.model, head.record)
    cases = [
        ([], ConfigError, "choose at least one adapter to stack"),
        ([ids["fc2-swapped"], ids["fc2-swapped"]], ConfigError, f"{ids['fc2-swapped']} is in the stack twice"),
        ([ids["fc2-swapped"], stranger_id], ConfigError,
         f"adapters of different bases cannot be stacked: {ids['fc2-swapped']} was trained from {ids['base']}, "
         f"{stranger_id} from {other_id}"),
        ([head_id], ConfigError, f"{head_id} is a head model, not a LoRA adapter"),
        (["no-such-model"], StorageError, "no model 'no-such-model'"),
    ]
    for chosen, error, message in cases:
        with pytest.raises(error) as caught:
            load_stack(lib, chosen)
        assert message in str(caught.value) and "\n" not in str(caught.value)
    # the library's base changed after the adapters were trained from it
    changed = copy.deepcopy(base.model)
    with torch.no_grad():
        changed.fc1.weight.mul_(1.01)
    record = copy.deepcopy(lib.record(ids["base"]))
    lib.delete(ids["base"])
    lib.save(changed, record, ids["base"])
    with pytest.raises(ConfigError, match=f"was not trained on these weights of base {ids['base']} "
                                          "\\(its frozen fc1.weight differs\\)"):
        load_stack(lib, [ids["fc2-swapped"]])
