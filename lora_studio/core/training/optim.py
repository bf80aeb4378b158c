"""Adam over parameter groups, through torch's own fused Adam kernel, called directly.

Why not torch.optim.Adam: constructing any torch.optim optimizer imports
torch._dynamo (and with it sympy and triton) on first use, which costs more
time and memory than this whole optimizer's work in a LoRA run. Why the fused
kernel (`torch._fused_adam_`, what torch.optim.Adam(fused=True) runs): one call
per group updates every tensor, each in a single pass.

The kernel is a private operator, so it is trusted only after a probe: the
first Adam built tries it on a one-element tensor against the textbook update.
Where that fails (a torch without a CPU kernel, a changed signature, a wrong
result), or a later call raises, the documented torch.optim.Adam takes over
with the moments so far, and the steps continue where they were.
"""

import math

import torch

# the kernel updates each tensor's memory as one flat array: parameters, gradients and moments must be dense
# and laid out alike (it silently mis-updates anything else)


def _dense(tensor: torch.Tensor) -> bool:
    return tensor.is_contiguous() or tensor.is_contiguous(memory_format=torch.channels_last)


class Adam:
    """Adam (default betas and eps, no weight decay) over groups of parameters.

    `groups`: parameters, or dicts {"params": [...], "lr_scale": s} (model/lora.py's `parameter_groups`);
    a group's learning rate is `lr × s`, so the schedule sets one `lr` and LoRA+ keeps B's rate a multiple
    of A's. Steps read each parameter's `.grad`; a parameter without one is left alone, as torch does.
    """

    def __init__(self, groups, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        groups = list(groups)
        if groups and not isinstance(groups[0], dict):
            groups = [{"params": groups, "lr_scale": 1.0}]
        self.groups = [(list(group["params"]), float(group.get("lr_scale", 1.0))) for group in groups]
        self.params = [p for params, _ in self.groups for p in params]
        self.lr, self.betas, self.eps = lr, betas, eps
        self.exp_avg = [torch.zeros_like(p) for p in self.params]  # zeros_like keeps each one's layout
        self.exp_avg_sq = [torch.zeros_like(p) for p in self.params]
        self.steps = [torch.zeros(()) for _ in self.params]  # per parameter, as torch counts them
        self._index = {id(p): i for i, p in enumerate(self.params)}
        self._torch_adam = None if _kernel_usable() and all(map(_dense, self.params)) else self._documented()

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self) -> None:
        if self._torch_adam is not None:
            for group, (_, scale) in zip(self._torch_adam.param_groups, self.groups, strict=True):
                group["lr"] = self.lr * scale
            self._torch_adam.step()
            return
        for k, (params, scale) in enumerate(self.groups):
            try:
                self._fused_step(params, self.lr * scale)
            except (RuntimeError, TypeError, NotImplementedError):  # the private kernel failed: go the documented
                self._torch_adam = self._documented()  # way from here on, from where this group is now
                self._step_groups_from(k)
                return

    def _step_groups_from(self, first: int) -> None:
        """A documented step of groups `first`… only (the groups before were stepped by the kernel)."""
        held = [(p, p.grad) for params, _ in self.groups[:first] for p in params]
        for p, _ in held:
            p.grad = None
        try:
            self.step()
        finally:
            for p, grad in held:
                p.grad = grad

    def _fused_step(self, params: list[torch.nn.Parameter], lr: float) -> None:
        live = [self._index[id(p)] for p in params if p.grad is not None]
        if not live:
            return
        grads = [_like(self.params[i].grad, self.params[i]) for i in live]
        steps = [self.steps[i] for i in live]
        torch._foreach_add_(steps, 1.0)  # the kernel reads the count of the step it takes
        try:
            torch._fused_adam_(
                [self.params[i] for i in live], grads, [self.exp_avg[i] for i in live],
                [self.exp_avg_sq[i] for i in live], [], steps, lr=lr, beta1=self.betas[0], beta2=self.betas[1],
                weight_decay=0.0, eps=self.eps, amsgrad=False, maximize=False,
            )
        except BaseException:
            torch._foreach_sub_(steps, 1.0)
            raise

    def _documented(self):
        """torch.optim.Adam over the same groups, holding the moments and step counts so far."""
        torch_adam = torch.optim.Adam([{"params": params, "lr": self.lr * scale} for params, scale in self.groups],
                                      lr=self.lr, betas=self.betas, eps=self.eps, foreach=False)
        for i, p in enumerate(self.params):
            if self.steps[i].item() > 0:
                torch_adam.state[p] = {"step": self.steps[i].clone(), "exp_avg": self.exp_avg[i],
                                       "exp_avg_sq": self.exp_avg_sq[i]}
        return torch_adam


def _like(tensor: torch.Tensor, layout: torch.Tensor) -> torch.Tensor:
    """`tensor` with `layout`'s strides (autograd may lay a gradient out otherwise than its parameter)."""
    if tensor.stride() == layout.stride():
        return tensor
    out = torch.empty_like(layout)
    out.copy_(tensor)
    return out


_probed: bool | None = None


def _kernel_usable() -> bool:
    """Whether torch's fused Adam kernel runs here and gives the textbook update (probed once)."""
    global _probed
    if _probed is None:
        _probed = _probe()
    return _probed


def _probe() -> bool:
    kernel = getattr(torch, "_fused_adam_", None)
    if kernel is None:
        return False
    param, grad = torch.ones(1), torch.full((1,), 0.5)
    exp_avg, exp_avg_sq, step = torch.zeros(1), torch.zeros(1), torch.ones(())
    try:
        kernel([param], [grad], [exp_avg], [exp_avg_sq], [], [step], lr=0.1, beta1=0.9, beta2=0.999,
               weight_decay=0.0, eps=1e-8, amsgrad=False, maximize=False)
    except (RuntimeError, TypeError, NotImplementedError):
        return False
    # step 1: m = 0.05, v = 0.00025; p = 1 − 0.1 · (m / 0.1) / (√(v / 0.001) + ε) = 0.9
    expected = 1 - 0.1 * (0.05 / 0.1) / (math.sqrt(0.00025 / 0.001) + 1e-8)
    return abs(param.item() - expected) < 1e-6
