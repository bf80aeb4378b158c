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
class _Adapter:
    """A LoRA layer's A (r, in) and B (out, r), its scale, and where their gradients go."""

    A: torch.Tensor
    B: torch.Tensor
    grad_A: torch.Tensor | None
    grad_B: torch.Tensor | None
    scale: float


@dataclass
class _Layer:
    """One Linear of the head: detached views of its tensors, and the .grad tensors their gradients go into."""

    parts: list[_Part]
    bias: torch.Tensor | None
    bias_grad: torch.Tensor | None
    adapter: _Adapter | None

    @property
    def trained(self) -> bool:
        grads = [self.bias_grad, *(p.grad for p in self.parts)]
        if self.adapter is not None:
            grads += [self.adapter.grad_A, self.adapter.grad_B]
        return any(g is not None for g in grads)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(z, x Aᵀ) for input x; x Aᵀ is None without LoRA."""
        first, *rest = self.parts
        xs = x[:, first.columns]
        z = torch.addmm(self.bias, xs, first.weight.t()) if self.bias is not None else xs.mm(first.weight.t())
        for part in rest:
            z.addmm_(x[:, part.columns], part.weight.t())
        if self.adapter is None:
            return z, None
        low = x.mm(self.adapter.A.t())
        return z.addmm_(low, self.adapter.B.t(), alpha=self.adapter.scale), low

    def backward(self, dz: torch.Tensor, x: torch.Tensor, low: torch.Tensor | None, need_dx: bool):
        """Write the gradients of the trained tensors; return dx (None unless need_dx)."""
        for part in self.parts:
            if part.grad is not None:
                torch.mm(dz.t(), x[:, part.columns], out=part.grad)
        if self.bias_grad is not None:
            torch.sum(dz, 0, out=self.bias_grad)
        dlow = None
        adapter = self.adapter
        if adapter is not None and low is not None and (adapter.grad_A is not None or adapter.grad_B is not None
                                                        or need_dx):
            scaled = dz * adapter.scale
            if adapter.grad_B is not None:
                torch.mm(scaled.t(), low, out=adapter.grad_B)
            dlow = scaled.mm(adapter.B)  # (n, r)
            if adapter.grad_A is not None:
                torch.mm(dlow.t(), x, out=adapter.grad_A)
        if not need_dx:
            return None
        products = [dz.mm(part.weight) for part in self.parts]
        dx = products[0] if len(products) == 1 else torch.cat(products, 1)
        return dx if dlow is None or adapter is None else dx.addmm_(dlow, adapter.A)


class Unsupported(Exception):
    """The model's head is not one this step knows how to differentiate; use autograd."""


def _grad(parameter: torch.Tensor | None, trained: set[int]) -> torch.Tensor | None:
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
    adapter = None
    if type(module) is LoRALinear:
        if not module.supports_fast_head:
            raise Unsupported("a LoRA layer this step has no formulas for (merged, dropout, or its variant)")
        adapter = _Adapter(module.lora_A.detach(), module.lora_B.detach(), _grad(module.lora_A, trained),
                           _grad(module.lora_B, trained), module.scaling)
        module = module.base_layer
    if type(module) is FeatureLinear:
        if module.extra_scale != 1:
            raise Unsupported("feature columns at another strength than as trained")
        k = module.image_features
        parts = [_Part(module.weight.detach(), slice(0, k), _grad(module.weight, trained)),
                 _Part(module.extra_weight.detach(), slice(k, None), _grad(module.extra_weight, trained))]
    elif isinstance(module, nn.Linear) and type(module) is nn.Linear:
        parts = [_Part(module.weight.detach(), slice(None), _grad(module.weight, trained))]
    else:
        raise Unsupported(f"a {type(module).__name__}")
    bias = module.bias
    return _Layer(parts, None if bias is None else bias.detach(), _grad(bias, trained), adapter)


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
        self._saved: tuple | None = None

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
