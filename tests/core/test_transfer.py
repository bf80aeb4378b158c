"""Weight transfer from a base model to a feature model: what is copied, what is new."""

import torch

from lora_studio.core.config import ModelConfig
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.transfer import transfer_weights


def test_transfer_copies_matching_tensors_and_the_784_old_columns():
    torch.manual_seed(0)
    source, target = MnistCNN(), MnistCNN(ModelConfig(feature_dim=1))
    report = transfer_weights(source, target, "random", torch.Generator().manual_seed(0))
    assert set(report.copied) == {"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.bias",
                                  "fc2.weight", "fc2.bias"}
    assert list(report.partly_copied) == ["fc1.weight"]
    assert "columns 0–783 copied, 1 new column(s) random" in report.partly_copied["fc1.weight"]
    assert torch.equal(target.fc1.weight, source.fc1.weight)  # the image columns
    assert target.fc1.extra_weight.abs().sum() > 0
    transfer_weights(source, target, "zeros")
    assert torch.count_nonzero(target.fc1.extra_weight) == 0
