"""fc1 of a model with extra input features: the copied image columns and the new feature columns apart.

    y = x[:, :k] Wᵀ + x[:, k:] Eᵀ + b        W (out, k) image columns, E (out, F) extra-feature columns

Fine-tuning trains the new columns E while the copied columns W stay frozen (the
article's text says so; its code froze both). Keeping E a Parameter of its own
means "part of a weight trains" never has to be expressed: the optimizer and the
written-out head step see whole parameters. Files and PEFT want one (out, k + F)
matrix; `model/weights.py` joins and splits it at that boundary, and nowhere else.
"""

import torch
import torch.nn.functional as F
from torch import nn


class FeatureLinear(nn.Module):
    def __init__(self, image_features: int, extra_features: int, out_features: int):
        super().__init__()
        # nn.Linear's own init over the whole input (and the same draws from torch's generator), then split
        whole = nn.Linear(image_features + extra_features, out_features)
        self.in_features, self.out_features, self.image_features = whole.in_features, out_features, image_features
        self.weight = nn.Parameter(whole.weight.detach()[:, :image_features].clone())  # (out, k)
        self.extra_weight = nn.Parameter(whole.weight.detach()[:, image_features:].clone())  # (out, F)
        self.bias = whole.bias
        #: how much of the feature columns acts (lora.set_strength: fine-tuning added them, as it added the
        #: adapters, so strength 0 is the base model without them)
        self.extra_scale = 1.0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        k = self.image_features
        y = F.linear(x[:, :k], self.weight, self.bias)
        if self.extra_scale == 0:
            return y
        extra = F.linear(x[:, k:], self.extra_weight)
        return y + (extra if self.extra_scale == 1 else extra * self.extra_scale)

    def joined_weight(self) -> torch.Tensor:
        """(out, k + F): the single matrix an nn.Linear of the whole input would hold."""
        return torch.cat([self.weight, self.extra_weight], dim=1)

    def effective_weight(self) -> torch.Tensor:
        """The joined weight as the layer acts with it: the feature columns times `extra_scale`."""
        if self.extra_scale == 1:
            return self.joined_weight()
        return torch.cat([self.weight, self.extra_weight * self.extra_scale], dim=1)

    def load_joined_weight(self, weight: torch.Tensor) -> None:
        with torch.no_grad():
            self.weight.copy_(weight[:, : self.image_features])
            self.extra_weight.copy_(weight[:, self.image_features :])

    def extra_repr(self) -> str:
        return f"image_features={self.image_features}, extra_features={self.in_features - self.image_features}, " \
               f"out_features={self.out_features}"
