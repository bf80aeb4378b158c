"""Our Adam takes the same steps as torch.optim.Adam, and imports nothing heavy."""

import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.training import optim
from lora_studio.core.training.optim import Adam

REAL_KERNEL = torch._fused_adam_


@pytest.fixture(params=["fused", "missing", "no-cpu-kernel", "changed-signature", "wrong-result", "fails-later"])
def kernel(request, monkeypatch):
    """Run a test with torch's fused kernel (what a current torch has), and with each way the private kernel
    can fail us: absent, without a CPU implementation (torch before 2.4), with another signature, computing
    something else, or raising after a good start. Each but the first must go the documented way."""
    monkeypatch.setattr(optim, "_probed", None)  # probe again, with this test's kernel
    mode = request.param
    if mode == "missing":
        monkeypatch.delattr(torch, "_fused_adam_")
    elif mode == "no-cpu-kernel":
        def no_cpu_kernel(*args, **kwargs):
            raise NotImplementedError("Could not run 'aten::_fused_adam_' with arguments from the 'CPU' backend")
        monkeypatch.setattr(torch, "_fused_adam_", no_cpu_kernel)
    elif mode == "changed-signature":
        def new_signature(params, grads, exp_avgs, exp_avg_sqs, *, learning_rate):
            raise AssertionError("a call with the old arguments never gets here")
        monkeypatch.setattr(torch, "_fused_adam_", new_signature)
    elif mode == "wrong-result":
        monkeypatch.setattr(torch, "_fused_adam_", lambda *args, **kwargs: None)  # changes nothing
    elif mode == "fails-later":
        def flaky(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps, **kwargs):
            if state_steps[0].item() > KERNEL_STEPS:  # the probe and a few steps went through the kernel
                raise RuntimeError("a kernel that broke")
            REAL_KERNEL(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps, **kwargs)
        monkeypatch.setattr(torch, "_fused_adam_", flaky)
    return mode


#: "fails-later": how many steps the kernel takes before it breaks
KERNEL_STEPS = 5


def reference_adam(kernel: str, groups, **options):
    """torch.optim.Adam taking the path ours takes with `kernel`: the same arithmetic in the same order, so the
    two agree to the last bit or two on any CPU. The fused kernel and the single-tensor update round differently
    (on an AVX-512 host by 5e-6 after 25 steps of a CNN), so comparing one with the other would measure the
    host's vector width, not whether ours steps right.

    "fused": the fused kernel throughout; "fails-later": the fused kernel for KERNEL_STEPS steps, then the
    single-tensor update from the moments the kernel left; every other mode: the single-tensor update."""
    if kernel != "fails-later":
        return torch.optim.Adam(groups, fused=kernel == "fused", foreach=False, **options)
    return _HandOver(groups, options)


class _HandOver:
    """torch's fused Adam for KERNEL_STEPS steps, then torch's single-tensor Adam holding its state."""

    def __init__(self, groups, options):
        self.options = options
        self.fused = torch.optim.Adam(groups, fused=True, **options)
        self.param_groups = self.fused.param_groups
        self.taken = 0
        self.single = None

    def zero_grad(self):
        (self.single or self.fused).zero_grad()

    def step(self):
        if self.taken == KERNEL_STEPS:
            groups = [{"params": group["params"], "lr": group["lr"]} for group in self.fused.param_groups]
            self.single = torch.optim.Adam(groups, foreach=False, **self.options)
            for p, state in self.fused.state.items():
                self.single.state[p] = {key: value.clone() for key, value in state.items()}
            self.param_groups = self.single.param_groups
        self.taken += 1
        (self.single or self.fused).step()


def assert_same_arithmetic(a: torch.Tensor, b: torch.Tensor, what="") -> None:
    """Equal but for the last bits: both sides ran the same operations on the same values. Relative to the
    values' size (float32 has 24 bits), with an absolute floor of the same size for values near zero."""
    eps = torch.finfo(torch.float32).eps
    scale = max(a.abs().max().item(), b.abs().max().item(), 1.0)
    torch.testing.assert_close(a, b, rtol=4 * eps, atol=4 * eps * scale, msg=lambda m: f"{what}: {m}")


def test_same_trajectory_as_torch_adam_with_a_changing_learning_rate(kernel):
    torch.manual_seed(0)
    ours, theirs = MnistCNN(), MnistCNN()
    theirs.load_state_dict(ours.state_dict())
    theirs.fc2.bias.requires_grad_(False)  # a frozen parameter in both
    ours.fc2.bias.requires_grad_(False)
    opt_ours = Adam([p for p in ours.parameters() if p.requires_grad], lr=1e-2)
    opt_theirs = reference_adam(kernel, [p for p in theirs.parameters() if p.requires_grad], lr=1e-2)
    g = torch.Generator().manual_seed(1)
    for step in range(25):
        x, y = torch.rand(16, 1, 28, 28, generator=g), torch.randint(0, 10, (16,), generator=g)
        lr = 1e-2 * (1 - step / 25)
        opt_ours.lr = lr
        for group in opt_theirs.param_groups:
            group["lr"] = lr
        for model, opt in ((ours, opt_ours), (theirs, opt_theirs)):
            opt.zero_grad()
            F.cross_entropy(model(x), y).backward()
            opt.step()
    assert (opt_ours._torch_adam is None) == (kernel == "fused")
    for (name, a), b in zip(ours.state_dict().items(), theirs.state_dict().values(), strict=True):
        assert_same_arithmetic(a, b, name)


def test_each_group_steps_at_its_share_of_the_learning_rate(kernel):
    """LoRA+: B's group at `ratio` times the rate of the rest, as torch.optim.Adam's own groups do it."""
    torch.manual_seed(0)
    ours = [torch.nn.Parameter(torch.randn(4, 3)), torch.nn.Parameter(torch.randn(5, 4))]
    theirs = [torch.nn.Parameter(p.detach().clone()) for p in ours]
    opt_ours = Adam([{"params": [ours[0]], "lr_scale": 1.0}, {"params": [ours[1]], "lr_scale": 16.0}], lr=1e-3)
    opt_theirs = reference_adam(kernel, [{"params": [theirs[0]], "lr": 1e-3}, {"params": [theirs[1]], "lr": 16e-3}])
    g = torch.Generator().manual_seed(5)
    for _ in range(8):
        grads = [torch.randn(4, 3, generator=g), torch.randn(5, 4, generator=g)]
        for params, opt in ((ours, opt_ours), (theirs, opt_theirs)):
            for p, grad in zip(params, grads, strict=True):
                p.grad = grad.clone()
            opt.step()
    for a, b in zip(ours, theirs, strict=True):
        assert_same_arithmetic(a.detach(), b.detach())
    torch.manual_seed(0)
    start = torch.randn(4, 3), torch.randn(5, 4)
    # Adam moves each value by about its learning rate a step: 8 steps at 16e-3 move far more than at 1e-3
    assert (ours[1].detach() - start[1]).abs().mean() > 8 * (ours[0].detach() - start[0]).abs().mean()


def test_zero_gradients_leave_weights_bit_identical(kernel):
    weight = torch.nn.Parameter(torch.randn(4, 5))
    before = weight.detach().clone()
    opt = Adam([weight], lr=0.1)
    for _ in range(3):
        weight.grad = torch.zeros_like(weight)
        weight.grad[:, 3:] = 1.0
        opt.step()
    assert torch.equal(weight[:, :3], before[:, :3]) and not torch.equal(weight[:, 3:], before[:, 3:])


def test_a_parameter_without_a_gradient_is_left_as_torch_leaves_it(kernel):
    torch.manual_seed(0)
    ours = [torch.nn.Parameter(torch.randn(3, 4)), torch.nn.Parameter(torch.randn(5))]
    theirs = [torch.nn.Parameter(p.detach().clone()) for p in ours]
    opt_ours, opt_theirs = Adam(ours, lr=0.1), reference_adam(kernel, theirs, lr=0.1)
    g = torch.Generator().manual_seed(3)
    for step in range(6):
        grads = [torch.randn(3, 4, generator=g), torch.randn(5, generator=g) if step % 2 else None]
        for params, opt in ((ours, opt_ours), (theirs, opt_theirs)):
            for p, grad in zip(params, grads, strict=True):
                p.grad = None if grad is None else grad.clone()
            opt.step()
        if step == 0:
            assert torch.equal(ours[1], theirs[1])  # not stepped at all yet
    for a, b in zip(ours, theirs, strict=True):
        assert_same_arithmetic(a.detach(), b.detach())


@pytest.mark.slow
def test_building_and_stepping_imports_no_dynamo():
    code = ("import sys, torch; from lora_studio.core.training.optim import Adam; "
            "p = torch.nn.Parameter(torch.ones(3)); "
            "o = Adam([p], 0.1); p.grad = torch.ones(3); o.step(); print('torch._dynamo' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_weights_restored_from_outside_are_stepped_from_where_they_now_are(kernel):
    """The divergence guard writes the last good weights back between steps; the next step starts there."""
    weight = torch.nn.Parameter(torch.zeros(3, 5))
    opt = Adam([weight], lr=0.1)
    weight.grad = torch.ones(3, 5)
    opt.step()
    with torch.no_grad():
        weight[:, 4] = 7.0
    opt.step()
    assert torch.all(weight[:, 4] < 7.0) and torch.all(weight[:, 4] > 6.5)
    assert torch.all(weight[:, :4] < -0.15)  # two steps of ~0.1 down from zero


def test_a_gradient_laid_out_unlike_its_parameter_is_stepped_right(kernel):
    """A channels-last conv weight with a gradient in the default layout (the kernel walks raw memory). The
    reference steps the same values laid out plainly: Adam is elementwise, so the layout must not matter."""
    torch.manual_seed(0)
    ours = torch.nn.Parameter(torch.randn(8, 4, 3, 3).contiguous(memory_format=torch.channels_last))
    theirs = torch.nn.Parameter(ours.detach().contiguous())
    opt_ours, opt_theirs = Adam([ours], lr=0.05), reference_adam(kernel, [theirs], lr=0.05)
    for _ in range(4):
        grad = torch.randn(8, 4, 3, 3)
        ours.grad, theirs.grad = grad.clone(), grad.clone()
        opt_ours.step()
        opt_theirs.step()
    assert_same_arithmetic(ours.detach(), theirs.detach())
