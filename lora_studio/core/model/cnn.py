"""The article's CNN, built from a ModelConfig, split into stages so a frozen prefix can be cached.

    input: pixels in [0, 1], standardised with ModelConfig.pixel_mean / pixel_std
    conv1: Conv2d(1, 8, 3, pad=1) → ReLU → MaxPool2d(2)        (B, 1, 28, 28) → (B, 8, 14, 14)
    conv2: Conv2d(8, 16, 3, pad=1) → ReLU → MaxPool2d(2) → flat (B, 8, 14, 14) → (B, 784)
    head:  Linear(784 + F, 64) → ReLU → Linear(64, 10)          (B, 784) + (B, F) → (B, 10)

F is `feature_dim`: extra per-image values (brightness, …) concatenated to the
flattened conv features as the head begins. Only modules live here; training and LoRA are elsewhere.
"""

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import ModelConfig
from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.model.staged import StagedModel

STAGES = ("conv1", "conv2", "head")
#: which stage each adaptable layer belongs to
LAYER_STAGE = {"conv1": 0, "conv2": 1, "fc1": 2, "fc2": 2}


class MnistCNN(StagedModel):
    stages = STAGES
    head_stage = STAGES.index("head")

    def __init__(self, config: ModelConfig | None = None, joined_fc1: bool = False):
        """`joined_fc1`: fc1 as one nn.Linear over conv and extra features, the layout files and PEFT use
        (model/weights.py); by default a model with extra features keeps their columns apart (FeatureLinear),
        so they can train while the copied columns stay frozen."""
        super().__init__()
        self.config = config = config or ModelConfig()
        self.conv1 = nn.Conv2d(1, config.conv1_channels, 3, padding=1)
        self.conv2 = nn.Conv2d(config.conv1_channels, config.conv2_channels, 3, padding=1)
        if config.feature_dim and not joined_fc1:
            self.fc1: nn.Module = FeatureLinear(config.flat_dim, config.feature_dim, config.hidden)
        else:
            self.fc1 = nn.Linear(config.flat_dim + config.feature_dim, config.hidden)
        self.fc2 = nn.Linear(config.hidden, config.num_classes)
        # NHWC convolutions and pooling are ~5× faster than NCHW ones on the CPU here (max-pooling
        # NCHW alone took a third of each step); the flattened order stays the article's (C, H, W).
        self.to(memory_format=torch.channels_last)

    def forward(self, x: torch.Tensor, extra: torch.Tensor | None = None) -> torch.Tensor:
        """Logits (B, classes) for images x (B, 1, 28, 28) and extra features (B, F)."""
        return self.run_stages(x, 0, extra)

    def run_stages(self, h: torch.Tensor, start: int, extra: torch.Tensor | None = None,
                   stop: int | None = None) -> torch.Tensor:
        """Run stages start … stop-1 (to the last by default) on h, the output of stage start-1 (or the images).

        The extra features join the flattened conv features as the head begins, so
        the output of the convolutions (what a frozen-prefix cache holds) is the same
        whatever extra features a model takes, and `extra` is only used by the head.
        """
        for stage in range(start, len(STAGES) if stop is None else stop):
            if stage == 2:
                h = self.join_features(h, extra)
            h = self._stage(stage, h)
        return h

    def stage_of(self, layer: str) -> int:
        """The stage that runs the child module named `layer` ("conv1", …, "fc2")."""
        if layer not in LAYER_STAGE:
            raise ValueError(f"{layer!r} is not a layer of this model ({', '.join(LAYER_STAGE)})")
        return LAYER_STAGE[layer]

    def prefix_constants(self) -> tuple:
        """The pixel statistics stage 0 standardises with."""
        return self.config.pixel_mean, self.config.pixel_std

    def _stage(self, stage: int, h: torch.Tensor) -> torch.Tensor:
        # Pooling before ReLU gives the same result (max commutes with a monotone function)
        # and runs the ReLU on a quarter of the values.
        if stage == 0:
            h = ((h - self.config.pixel_mean) / self.config.pixel_std).contiguous(memory_format=torch.channels_last)
            return F.relu(pool2x2(self.conv1(h)))
        if stage == 1:
            return F.relu(pool2x2(self.conv2(h))).flatten(1)
        return self.fc2(F.relu(self.fc1(h)))

    def join_features(self, flat: torch.Tensor, extra: torch.Tensor | None) -> torch.Tensor:
        """(B, 784) conv features + (B, F) extra features → fc1's input (B, 784 + F)."""
        if not self.config.feature_dim:
            return flat
        if extra is None or extra.shape != (len(flat), self.config.feature_dim):
            got = None if extra is None else tuple(extra.shape)
            raise ValueError(f"this model needs extra features of shape (B, {self.config.feature_dim}), got {got}")
        return torch.cat([flat, extra], dim=1)


def pool2x2(x: torch.Tensor) -> torch.Tensor:
    """MaxPool2d(2) on a channels-last (N, C, H, W) tensor.

    Without autograd, two elementwise maxima of strided views are 3–4× faster here
    than max_pool2d (which also computes indices); this is what caching the frozen
    prefix and evaluation run. With autograd, max_pool2d's backward is the faster.
    """
    if torch.is_grad_enabled() and x.requires_grad:
        return F.max_pool2d(x, 2)
    v = x.permute(0, 2, 3, 1)  # (N, H, W, C), contiguous for a channels-last x
    rows = torch.maximum(v[:, 0::2], v[:, 1::2])  # (N, H/2, W, C)
    return torch.maximum(rows[:, :, 0::2], rows[:, :, 1::2]).permute(0, 3, 1, 2)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
