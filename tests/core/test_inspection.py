"""The inspection computations on hand-checked examples."""

import numpy as np
import pytest
import torch
from float_bounds import UNIT_ROUNDOFF, forward_tolerance

from lora_studio.core.config import LoraConfig, ModelConfig
from lora_studio.core.data.pixels import to_input
from lora_studio.core.evaluation import inspection
from lora_studio.core.evaluation.scores import Predictions
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN


def predictions(labels, predicted):
    labels, predicted = np.array(labels), np.array(predicted)
    probs = np.eye(10, dtype=np.float32)[predicted]
    return Predictions(labels, predicted, probs, 0.0)


def test_fixed_and_broken_sets_by_hand():
    labels = [0, 1, 2, 3, 4, 5]
    base = predictions(labels, [0, 7, 2, 9, 4, 1])  # wrong at 1, 3, 5
    tuned = predictions(labels, [0, 1, 8, 9, 4, 5])  # wrong at 2, 3
    fixed, broken = inspection.fixed_and_broken(base, tuned)
    assert fixed.tolist() == [1, 5] and broken.tolist() == [2]
    with pytest.raises(ValueError):
        inspection.fixed_and_broken(base, predictions([1] * 6, [1] * 6))


def test_errors_by_brightness_bins_by_hand():
    brightness = np.array([0.05, 0.15, 0.15, 0.25, 0.35, 0.38])
    correct = np.array([True, False, True, False, False, True])
    result = inspection.errors_by_brightness(brightness, correct, edges=np.array([0.0, 0.1, 0.2, 0.3, 0.4, 0.5]))
    assert result.images.tolist() == [1, 2, 1, 2, 0]
    assert result.errors.tolist() == [0, 1, 1, 1, 0]
    assert result.error_rate[:4].tolist() == [0.0, 0.5, 1.0, 0.5]
    assert np.isnan(result.error_rate[4])


def test_lora_deltas_have_rank_at_most_r_and_the_right_norm():
    torch.manual_seed(0)
    model = lora.apply_lora(MnistCNN(ModelConfig(feature_dim=1)),
                            LoraConfig(rank=3, alpha=6.0, layers=("conv2", "fc1", "fc2")))
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_()
    deltas = {d.layer: d for d in inspection.lora_deltas(model)}
    assert deltas["fc1"].delta.shape == (64, 785) and deltas["conv2"].delta.shape == (16, 72)
    for d in deltas.values():  # non-zero above float32 rounding of ΔW and its SVD (inspection.rank_tolerance)
        assert inspection.numerical_rank(d.singular_values, d.delta.shape) <= 3
        assert d.scale == 2.0
    fc2 = model.fc2
    expected = (fc2.delta_weight().norm() / fc2.base_weight().norm()).item()
    assert deltas["fc2"].relative_norm == expected  # the same norms of the same tensors
    assert np.array_equal(np.sort(deltas["fc2"].singular_values)[::-1], deltas["fc2"].singular_values)


def test_feature_columns_of_a_model_without_lora_are_the_new_columns():
    model = MnistCNN(ModelConfig(feature_dim=2))
    with torch.no_grad():  # far from the image columns' size: a scale that counted them would more than double
        model.fc1.extra_weight.fill_(10.0)
    columns = inspection.feature_columns(model, 784)
    assert columns.shape == (64, 2)
    assert np.array_equal(columns, model.fc1.extra_weight.detach().numpy())
    # a float32 mean of n = 64·784 magnitudes, in any order: within (n + 1)·u of the exact one (3e-3), relative
    image_columns = model.fc1.weight.detach().double().abs()
    assert inspection.image_column_scale(model, 784) == pytest.approx(image_columns.mean().item(),
                                                                      rel=(image_columns.numel() + 1) * UNIT_ROUNDOFF)


def test_merging_changes_logits_only_by_rounding():
    torch.manual_seed(0)
    model = lora.apply_lora(MnistCNN(ModelConfig(feature_dim=1)), LoraConfig(layers=("conv1", "fc1", "fc2")))
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_(std=0.1)
    images, extra = torch.randint(0, 256, (100, 28, 28), dtype=torch.uint8), torch.randn(100, 1)
    before = model.fc1.base_weight().clone()
    difference = inspection.max_merge_difference(model, images, extra)
    assert 0 <= difference <= forward_tolerance(model, to_input(images), extra).max()
    assert torch.equal(model.fc1.base_weight(), before) and not model.fc1.merged, "the model is left unmerged"


def test_a_drawing_is_boxed_to_20_pixels_and_centred_by_mass():
    drawing = np.zeros((200, 200), dtype=np.float32)
    drawing[20:180, 150:170] = 1.0  # a tall bar near the right edge
    image = inspection.mnist_preprocess(drawing)
    assert image.dtype == np.uint8 and image.shape == (28, 28)
    ys, xs = np.nonzero(image > 0)
    assert ys.max() - ys.min() + 1 == 20  # the longer side fills the 20-pixel box
    mass = image.astype(float)
    assert abs((np.indices((28, 28))[0] * mass).sum() / mass.sum() - 13.5) <= 1.0
    assert abs((np.indices((28, 28))[1] * mass).sum() / mass.sum() - 13.5) <= 1.0
    assert inspection.mnist_preprocess(np.zeros((50, 50))).max() == 0


def test_class_errors_by_hand():
    labels = [0, 0, 1, 1, 1, 2]
    predicted = [0, 1, 1, 2, 0, 2]  # class 0: 1 of 2 wrong; class 1: 2 of 3 wrong; class 2: right
    images, errors = inspection.class_errors(labels, predicted, num_classes=4)
    assert images.tolist() == [2, 3, 1, 0] and errors.tolist() == [1, 2, 0, 0]


def test_confusion_difference_by_hand_and_rows_sum_to_zero():
    labels = [0, 1, 2, 3, 4, 5]
    base = predictions(labels, [0, 7, 2, 9, 4, 1])
    tuned = predictions(labels, [0, 1, 8, 9, 4, 5])
    difference = inspection.confusion_difference(tuned, base)
    expected = np.zeros((10, 10), dtype=np.int64)
    expected[1, 7], expected[1, 1] = -1, +1  # 1 moved from "7" to right
    expected[2, 2], expected[2, 8] = -1, +1  # 2 moved from right to "8"
    expected[5, 1], expected[5, 5] = -1, +1
    assert np.array_equal(difference, expected)
    assert not difference.sum(axis=1).any()
    with pytest.raises(ValueError):
        inspection.confusion_difference(tuned, predictions([1] * 6, [1] * 6))


def test_cell_indices_for_one_model_and_for_a_difference():
    labels = np.array([4, 4, 4, 4, 9, 4])
    predicted = np.array([9, 4, 9, 4, 9, 1])
    assert inspection.cell_indices(labels, predicted, 4, 9).tolist() == [0, 2]
    assert inspection.cell_indices(labels, predicted, 4, 4).tolist() == [1, 3]
    reference = np.array([9, 9, 4, 4, 9, 9])
    # true 4 → 9: image 0 stays (both say 9), 1 left the cell, 2 entered it, 5 left it
    assert inspection.cell_indices(labels, predicted, 4, 9, reference).tolist() == [1, 2, 5]


def test_sort_indices_orders_a_subset_and_keeps_ties_in_place():
    values = np.array([0.5, 0.9, 0.1, 0.9, 0.3])
    assert inspection.sort_indices([0, 1, 2, 3], values).tolist() == [2, 0, 1, 3]
    assert inspection.sort_indices([0, 1, 2, 3], values, descending=True).tolist() == [1, 3, 0, 2]
    assert inspection.sort_indices([], values).tolist() == []


def test_brightness_edges_hold_equal_counts():
    brightness = np.arange(100) / 100.0
    edges = inspection.brightness_edges(brightness, bins=4)
    assert edges.tolist() == pytest.approx([0.0, 0.2475, 0.495, 0.7425, 0.99])
    binned = inspection.errors_by_brightness(brightness, np.ones(100, bool), edges=edges)
    assert binned.images.tolist() == [25, 25, 25, 25] and binned.errors.tolist() == [0, 0, 0, 0]
    assert len(inspection.brightness_edges(np.full(10, 0.2))) == 2  # constant: one bin, not an error


def test_numerical_rank_counts_what_is_above_numpys_float32_tolerance():
    eps = float(np.finfo(np.float32).eps)
    tolerance = 3.0 * 785 * eps  # σmax · max(d, k) · eps for fc1's 64 × 785
    assert inspection.rank_tolerance(np.array([3.0, 1.0]), (64, 785)) == pytest.approx(tolerance)
    values = np.array([3.0, 1.0, 1.01 * tolerance, 0.99 * tolerance, 0.0])
    assert inspection.numerical_rank(values, (64, 785)) == 3
    assert inspection.numerical_rank(values, (8, 785 * 2)) == 2  # a longer side: more rounding to allow for
    # on a float32 matrix, NumPy's matrix_rank draws the same line; values a factor 2 either side of it stay on their
    # side whatever the CPU (float32 rounding moves them by about eps·σmax·few, 1e-6 of σmax, far below tolerance)
    values = np.array([3.0, 1.0, 2 * tolerance, 0.5 * tolerance, 0.0])
    assert inspection.numerical_rank(np.zeros(4), (4, 9)) == 0 and inspection.numerical_rank(np.array([]), (0, 9)) == 0
    # the same values agree with NumPy's own matrix_rank on a float32 matrix built with them
    rng = np.random.default_rng(0)
    u, _ = np.linalg.qr(rng.normal(size=(64, 5)))
    v, _ = np.linalg.qr(rng.normal(size=(785, 5)))
    matrix = (u * values) @ v.T
    assert np.linalg.matrix_rank(matrix.astype(np.float32)) == inspection.numerical_rank(values, matrix.shape)


def test_trained_lora_delta_has_numerical_rank_at_most_r():
    torch.manual_seed(1)
    model = lora.apply_lora(MnistCNN(ModelConfig()), LoraConfig(rank=2, layers=("fc1", "fc2")))
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_B.normal_()
    for d in inspection.lora_deltas(model):
        assert inspection.numerical_rank(d.singular_values, d.delta.shape) == d.nonzero == 2
        assert len(d.singular_values) == min(d.delta.shape)


def test_feature_columns_add_the_lora_part_of_fc1():
    torch.manual_seed(0)
    model = lora.apply_lora(MnistCNN(ModelConfig(feature_dim=1)), LoraConfig(rank=2, layers=("fc1",)))
    plain = inspection.feature_columns(model, 784)
    assert np.array_equal(plain, model.fc1.base_layer.extra_weight.detach().numpy())  # B = 0: no update yet
    with torch.no_grad():
        model.fc1.lora_B.fill_(0.5)
    expected = model.fc1.base_layer.extra_weight + model.fc1.delta_weight()[:, 784:]  # the same sums, entry by entry
    assert np.array_equal(inspection.feature_columns(model, 784), expected.detach().numpy())
