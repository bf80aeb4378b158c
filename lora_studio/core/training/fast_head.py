"""A training step of the head alone (fc1 → ReLU → fc2 → cross-entropy) with its gradients written out.

When everything before fc1 is frozen (LoRA on fc1/fc2, the extra feature's columns), a step is a few small
matrix products on a batch of 64, and autograd's bookkeeping costs more than the arithmetic: measured here
(torch 2.14, 2 cores), forward and backward took ~450 µs a step through autograd and ~250 µs written out,
which is most of a LoRA epoch. The formulas are the textbook ones; tests check them against autograd for
the heads training builds (LoRA on fc1 and/or fc2, the feature columns, trained or frozen biases and
adapters), and `training.train` falls back to autograd for any other model.

For a layer z = x Wᵀ + b + s·(x Aᵀ) Bᵀ, given dz (the loss's gradient at z):
    dW = dzᵀ x (only the trained columns)    db = Σ_rows dz
    dB = s·dzᵀ (x Aᵀ)                         dA = s·(dz B)ᵀ x
    dx = dz W + s·(dz B) A                    and for the loss: dz2 = (softmax(z2) − onehot(y)) / n
"""

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.lora import LoRALinear, PartlyFrozenLinear


@dataclass
class _Layer:
    """One Linear of the head: its tensors (detached views of the parameters) and where their gradients go."""

    weight: torch.Tensor
    bias: torch.Tensor | None
    lora_A: torch.Tensor | None
    lora_B: torch.Tensor | None
    scale: float
    first_trained_column: int | None  # weight columns from here on are trained; None: the weight is frozen
    grads: dict  # "weight" / "bias" / "lora_A" / "lora_B" → the tensor its gradient is written into

    @property
    def trained(self) -> bool:
        return bool(self.grads)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(z, x Aᵀ) for input x; x Aᵀ is None without LoRA."""
        z = torch.addmm(self.bias, x, self.weight.t()) if self.bias is not None else x.mm(self.weight.t())
        if self.lora_A is None:
            return z, None
        low = x.mm(self.lora_A.t())
        return z.addmm_(low, self.lora_B.t(), alpha=self.scale), low

    def backward(self, dz: torch.Tensor, x: torch.Tensor, low: torch.Tensor | None, need_dx: bool):
        """Write the gradients of the trained tensors; return dx (None unless need_dx)."""
        grads = self.grads
        if "weight" in grads:
            torch.mm(dz.t(), x[:, self.first_trained_column :], out=grads["weight"])
        if "bias" in grads:
            torch.sum(dz, 0, out=grads["bias"])
        dlow = None
        if self.lora_A is not None and ("lora_A" in grads or "lora_B" in grads or need_dx):
            scaled = dz * self.scale
            if "lora_B" in grads:
                torch.mm(scaled.t(), low, out=grads["lora_B"])
            dlow = scaled.mm(self.lora_B)  # (n, r)
            if "lora_A" in grads:
                torch.mm(dlow.t(), x, out=grads["lora_A"])
        if not need_dx:
            return None
        dx = dz.mm(self.weight)
        return dx if dlow is None else dx.addmm_(dlow, self.lora_A)


class Unsupported(Exception):
    """The model's head is not one this step knows how to differentiate; use autograd."""


def _layer(module: nn.Module, grad_of: dict) -> _Layer:
    # exact types: a subclass could compute something else in its forward
    if type(module) is LoRALinear:
        if module.merged:
            raise Unsupported("a merged LoRA layer")
        lora_A, lora_B, scale = module.lora_A.detach(), module.lora_B.detach(), module.scale
    elif type(module) in (nn.Linear, PartlyFrozenLinear):
        lora_A = lora_B = None
        scale = 0.0
    else:
        raise Unsupported(f"a {type(module).__name__}")
    weight = module.weight
    first = None
    if weight.requires_grad:
        first = getattr(module, "frozen_columns", None) or 0
    grads = {}
    for name in ("weight", "bias", "lora_A", "lora_B"):
        parameter = getattr(module, name, None)
        if parameter is not None and parameter.requires_grad:
            if id(parameter) not in grad_of:
                raise Unsupported(f"a trained {name} with nowhere to put its gradient")
            grads[name] = grad_of[id(parameter)]
    bias = module.bias.detach() if module.bias is not None else None
    return _Layer(weight.detach(), bias, lora_A, lora_B, scale, first, grads)


class HeadStep:
    """Forward and backward of the head for one batch; gradients go straight into the optimizer's buffers.

    `grad_parts` pairs each trained parameter with the tensor its gradient goes into (for fc1's weight, the
    gradient of its trained columns only, shaped like them).
    """

    def __init__(self, model: nn.Module, grad_parts: list[tuple[nn.Parameter, torch.Tensor]]):
        if type(model) is not MnistCNN:
            raise Unsupported(f"a {type(model).__name__}")
        grad_of = {id(parameter): grad for parameter, grad in grad_parts}
        self.fc1, self.fc2 = _layer(model.fc1, grad_of), _layer(model.fc2, grad_of)
        head = {id(p) for p in (*model.fc1.parameters(), *model.fc2.parameters())}
        if any(id(parameter) not in head for parameter, _ in grad_parts):
            raise Unsupported("trained parameters outside the head")
        self.join_features = model.join_features
        self._saved = None

    def forward(self, flat: torch.Tensor, extra: torch.Tensor | None, labels: torch.Tensor):
        """(logits, mean cross-entropy loss) for conv features `flat` (n, 784) and extra features (n, F)."""
        x = self.join_features(flat, extra)
        z1, low1 = self.fc1.forward(x)
        h = z1.relu_()
        logits, low2 = self.fc2.forward(h)
        log_probabilities = logits.log_softmax(1)
        loss = F.nll_loss(log_probabilities, labels)
        self._saved = (x, low1, h, low2, log_probabilities, labels)
        return logits, loss

    def backward(self) -> None:
        """Write the gradients of the last forward's loss into the optimizer's buffers."""
        if self._saved is None:
            raise RuntimeError("backward() needs a forward() first (and takes one backward per forward)")
        x, low1, h, low2, log_probabilities, labels = self._saved
        self._saved = None
        dz2 = log_probabilities.exp_()  # softmax, in place: log_probabilities is not needed again
        dz2.scatter_add_(1, labels.unsqueeze(1), torch.full((len(labels), 1), -1.0))
        dz2.div_(len(labels))
        dh = self.fc2.backward(dz2, h, low2, need_dx=self.fc1.trained)
        if dh is not None:
            dz1 = torch.ops.aten.threshold_backward(dh, h, 0)  # ReLU: no gradient where the output is 0
            self.fc1.backward(dz1, x, low1, need_dx=False)
