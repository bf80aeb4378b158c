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
from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.model.lora import LoRALinear


@dataclass
class _Part:
    """Some columns of a layer's weight: W (out, cols) acting on x[:, cols], and where its gradient goes."""

    weight: torch.Tensor
    columns: slice
    grad: torch.Tensor | None  # None: frozen


@dataclass
class _Layer:
    """One Linear of the head: detached views of its tensors, and the .grad tensors their gradients go into."""

    parts: list[_Part]
    bias: torch.Tensor | None
    bias_grad: torch.Tensor | None
    lora_A: torch.Tensor | None
    lora_B: torch.Tensor | None
    lora_grads: tuple[torch.Tensor | None, torch.Tensor | None]
    scale: float

    @property
    def trained(self) -> bool:
        return any(g is not None for g in (self.bias_grad, *self.lora_grads, *(p.grad for p in self.parts)))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(z, x Aᵀ) for input x; x Aᵀ is None without LoRA."""
        z = None
        for part in self.parts:
            xs = x[:, part.columns]
            if z is None:
                z = torch.addmm(self.bias, xs, part.weight.t()) if self.bias is not None else xs.mm(part.weight.t())
            else:
                z.addmm_(xs, part.weight.t())
        if self.lora_A is None:
            return z, None
        low = x.mm(self.lora_A.t())
        return z.addmm_(low, self.lora_B.t(), alpha=self.scale), low

    def backward(self, dz: torch.Tensor, x: torch.Tensor, low: torch.Tensor | None, need_dx: bool):
        """Write the gradients of the trained tensors; return dx (None unless need_dx)."""
        for part in self.parts:
            if part.grad is not None:
                torch.mm(dz.t(), x[:, part.columns], out=part.grad)
        if self.bias_grad is not None:
            torch.sum(dz, 0, out=self.bias_grad)
        grad_A, grad_B = self.lora_grads
        dlow = None
        if self.lora_A is not None and (grad_A is not None or grad_B is not None or need_dx):
            scaled = dz * self.scale
            if grad_B is not None:
                torch.mm(scaled.t(), low, out=grad_B)
            dlow = scaled.mm(self.lora_B)  # (n, r)
            if grad_A is not None:
                torch.mm(dlow.t(), x, out=grad_A)
        if not need_dx:
            return None
        dx = torch.cat([dz.mm(part.weight) for part in self.parts], 1) if len(self.parts) > 1 else dz.mm(
            self.parts[0].weight)
        return dx if dlow is None else dx.addmm_(dlow, self.lora_A)


class Unsupported(Exception):
    """The model's head is not one this step knows how to differentiate; use autograd."""


def _grad(parameter: nn.Parameter | None, trained: set[int]) -> torch.Tensor | None:
    """The .grad tensor the step writes this parameter's gradient into (None if it is not trained)."""
    if parameter is None or not parameter.requires_grad:
        return None
    if id(parameter) not in trained:
        raise Unsupported("a parameter that requires grad is not one the optimizer steps")
    if parameter.grad is None:
        parameter.grad = torch.zeros_like(parameter)
    return parameter.grad


def _layer(module: nn.Module, trained: set[int]) -> _Layer:
    # exact types: a subclass could compute something else in its forward
    lora_A = lora_B = None
    lora_grads: tuple = (None, None)
    scale = 0.0
    if type(module) is LoRALinear:
        if not module.supports_fast_head:
            raise Unsupported("a LoRA layer this step has no formulas for (merged, dropout, or its variant)")
        lora_A, lora_B, scale = module.lora_A.detach(), module.lora_B.detach(), module.scaling
        lora_grads = (_grad(module.lora_A, trained), _grad(module.lora_B, trained))
        module = module.base_layer
    if type(module) is FeatureLinear:
        k = module.image_features
        parts = [_Part(module.weight.detach(), slice(0, k), _grad(module.weight, trained)),
                 _Part(module.extra_weight.detach(), slice(k, None), _grad(module.extra_weight, trained))]
    elif type(module) is nn.Linear:
        parts = [_Part(module.weight.detach(), slice(None), _grad(module.weight, trained))]
    else:
        raise Unsupported(f"a {type(module).__name__}")
    bias = module.bias.detach() if module.bias is not None else None
    return _Layer(parts, bias, _grad(module.bias, trained), lora_A, lora_B, lora_grads, scale)


class HeadStep:
    """Forward and backward of the head for one batch; gradients are written into the parameters' .grad.

    `params`: the parameters the optimizer steps (all of them in fc1 and fc2, or this step is Unsupported).
    """

    def __init__(self, model: nn.Module, params: list[nn.Parameter]):
        if type(model) is not MnistCNN:
            raise Unsupported(f"a {type(model).__name__}")
        trained = {id(p) for p in params}
        head = {id(p) for p in (*model.fc1.parameters(), *model.fc2.parameters())}
        if not trained <= head:
            raise Unsupported("trained parameters outside the head")
        self.fc1, self.fc2 = _layer(model.fc1, trained), _layer(model.fc2, trained)
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
        """Write the gradients of the last forward's loss into the trained parameters' .grad."""
        if self._saved is None:
            raise RuntimeError("backward() needs a forward() first (and takes one backward per forward)")
        x, low1, h, low2, log_probabilities, labels = self._saved
        self._saved = None
        dz2 = log_probabilities.exp_()  # softmax, in place: log_probabilities is not needed again
        dz2.scatter_add_(1, labels.unsqueeze(1), torch.full((len(labels), 1), -1.0))
        dz2.div_(len(labels))
        dh = self.fc2.backward(dz2, h, low2, need_dx=self.fc1.trained)
        if dh is not None:
            dz1 = dh.masked_fill_(h <= 0, 0.0)  # ReLU: no gradient where the output is 0
            self.fc1.backward(dz1, x, low1, need_dx=False)
