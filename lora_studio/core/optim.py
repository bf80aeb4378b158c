"""Adam, written out: the same arithmetic as torch.optim.Adam (default betas and eps, no weight decay).

Why not torch.optim.Adam: constructing any torch.optim optimizer imports
torch._dynamo (and with it sympy and triton) on first use. Measured here with
torch 2.14: 1.25 s and about 140 MB of resident memory, for an optimizer of
eight small tensors — a third of the experiment's memory budget. The update
below is torch's own single-tensor Adam, step for step; a test compares the two.
"""

import math

import torch


class Adam:
    """Adam over all trained values at once: the moments are one flat tensor each, and a step is a handful
    of whole-buffer operations instead of seven per parameter (on the CPU, torch's `_foreach_` ops loop over
    the tensors one kernel each).

    `regions`, one per parameter: None, or the index of the only part of it that gets a gradient (fc1's
    new columns; the rest has an exact zero gradient). Adam leaves a zero-gradient element exactly as it is,
    so stepping only the region gives the same weights, without passes over fc1's 50,000 frozen values.
    """

    def __init__(self, params, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 regions=None):
        self.params = [p for p in params]
        self.regions = list(regions) if regions is not None else [None] * len(self.params)
        self.lr, self.betas, self.eps = lr, betas, eps
        with torch.no_grad():  # views of what is trained, made once: a step touches no Python lists
            self.parts = [self._part(p, r) for p, r in zip(self.params, self.regions, strict=True)]
        self.sizes = [part.numel() for part in self.parts]
        # flat buffers, each part's values in logical (row-major) order, and each one's views shaped like it
        self.exp_avg, self.exp_avg_sq, self.denom, self.grads = (torch.zeros(sum(self.sizes)) for _ in range(4))
        self.exp_avg_parts, self.denom_parts = (self._shaped(flat) for flat in (self.exp_avg, self.denom))
        #: where a gradient can be written directly (head.HeadStep does), for `step_written`
        self.grad_parts = self._shaped(self.grads)
        self.steps = [0] * len(self.params)  # per parameter, as torch counts them

    @staticmethod
    def _part(tensor: torch.Tensor, region) -> torch.Tensor:
        return tensor if region is None else tensor[region]

    def _shaped(self, flat: torch.Tensor) -> list[torch.Tensor]:
        return [t.view(part.shape) for t, part in zip(flat.split(self.sizes), self.parts, strict=True)]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self) -> None:
        live = [p.grad is not None for p in self.params]
        for i, alive in enumerate(live):
            self.steps[i] += alive
        if all(live) and len(set(self.steps)) == 1:  # always so in training: the whole buffers at once
            torch.cat([self._part(p.grad, r).reshape(-1) for p, r in zip(self.params, self.regions, strict=True)],
                      out=self.grads)
            self._step_all()
            return
        # torch leaves a parameter without a gradient, and its moments, as they are, and counts steps apart
        moments = [self._shaped(flat) for flat in (self.exp_avg, self.exp_avg_sq)]
        for i, part in enumerate(self.parts):
            if live[i]:
                grad = self._part(self.params[i].grad, self.regions[i])
                denom = torch.empty_like(moments[0][i])
                self._moments(moments[0][i], moments[1][i], grad, denom, self.steps[i])
                self._apply([part], [moments[0][i]], [denom], self.steps[i])

    @torch.no_grad()
    def step_written(self) -> None:
        """A step with every parameter's gradient already written into `grad_parts` (p.grad is not read)."""
        if len(set(self.steps)) != 1:
            raise RuntimeError("step_written after steps that left some parameters without a gradient")
        self.steps = [count + 1 for count in self.steps]
        self._step_all()

    def _step_all(self) -> None:
        step = self.steps[0]
        self._moments(self.exp_avg, self.exp_avg_sq, self.grads, self.denom, step)
        self._apply(self.parts, self.exp_avg_parts, self.denom_parts, step)

    def _moments(self, exp_avg, exp_avg_sq, grad, denom, step: int) -> None:
        # m ← β1·m + (1-β1)·g;  v ← β2·v + (1-β2)·g²;  denom ← √v/√(1-β2^t) + ε
        beta1, beta2 = self.betas
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        torch.sqrt(exp_avg_sq, out=denom).div_(math.sqrt(1 - beta2**step)).add_(self.eps)

    def _apply(self, parts, exp_avg, denom, step: int) -> None:
        # p ← p − lr/(1-β1^t) · m / denom, addcdiv per part as torch's Adam does it (one rounding less than
        # dividing, scaling and adding apart)
        torch._foreach_addcdiv_(parts, exp_avg, denom, -self.lr / (1 - self.betas[0] ** step))
