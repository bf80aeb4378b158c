"""Our Adam takes the same steps as torch.optim.Adam, and imports nothing heavy."""

import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.training import optim
from lora_studio.core.training.optim import Adam


@pytest.fixture(params=["fused", "explicit", "unavailable"])
def kernel(request, monkeypatch):
    """Run a test with torch's fused kernel (what a current torch has), with the fallback that replaces it,
    and with a kernel that turns out to have no CPU implementation (torch before 2.4)."""
    if request.param == "explicit":
        monkeypatch.setattr(optim, "_fused_kernel", None)
    if request.param == "unavailable":
        def no_cpu_kernel(*args, **kwargs):
            raise NotImplementedError("Could not run 'aten::_fused_adam_' with arguments from the 'CPU' backend")
        monkeypatch.setattr(optim, "_fused_kernel", no_cpu_kernel)
    return request.param


def test_same_trajectory_as_torch_adam_with_a_changing_learning_rate(kernel):
    torch.manual_seed(0)
    ours, theirs = MnistCNN(), MnistCNN()
    theirs.load_state_dict(ours.state_dict())
    theirs.fc2.bias.requires_grad_(False)  # a frozen parameter in both
    ours.fc2.bias.requires_grad_(False)
    opt_ours = Adam([p for p in ours.parameters() if p.requires_grad], lr=1e-2)
    # the fused kernel rounds a little differently from the single-tensor update; each matches its own
    opt_theirs = torch.optim.Adam([p for p in theirs.parameters() if p.requires_grad], lr=1e-2,
                                  fused=kernel == "fused", foreach=False)
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
    for (name, a), b in zip(ours.state_dict().items(), theirs.state_dict().values(), strict=True):
        assert torch.allclose(a, b, atol=1e-6), (name, (a - b).abs().max())


def test_zero_gradients_leave_weights_bit_identical(kernel):
    weight = torch.nn.Parameter(torch.randn(4, 5))
    before = weight.detach().clone()
    opt = Adam([weight], lr=0.1)
    for _ in range(3):
        weight.grad = torch.zeros_like(weight)
        weight.grad[:, 3:] = 1.0
        opt.step()
    assert torch.equal(weight[:, :3], before[:, :3]) and not torch.equal(weight[:, 3:], before[:, 3:])


def test_stepping_only_the_region_with_a_gradient_gives_the_same_weights(kernel):
    """fc1's new columns: Adam given only that region must end exactly where Adam over the whole weight does
    (whose other columns have a zero gradient), without keeping moments for the frozen columns."""
    torch.manual_seed(0)
    whole, part = torch.nn.Parameter(torch.randn(6, 9)), torch.nn.Parameter(torch.empty(6, 9))
    part.data.copy_(whole.data)
    region = (slice(None), slice(7, None))
    opt_whole, opt_part = Adam([whole], lr=0.05), Adam([part], lr=0.05, regions=[region])
    assert sum(t.numel() for t in opt_part.exp_avg) == 12  # moments for the region only
    g = torch.Generator().manual_seed(2)
    for _ in range(10):
        grad = torch.zeros(6, 9)
        grad[region] = torch.randn(6, 2, generator=g)
        whole.grad, part.grad = grad.clone(), grad.clone()
        opt_whole.step()
        opt_part.step()
    assert torch.equal(whole, part) and not torch.equal(part[region], torch.zeros(6, 2))


def test_a_parameter_without_a_gradient_is_left_as_torch_leaves_it(kernel):
    torch.manual_seed(0)
    ours = [torch.nn.Parameter(torch.randn(3, 4)), torch.nn.Parameter(torch.randn(5))]
    theirs = [torch.nn.Parameter(p.detach().clone()) for p in ours]
    opt_ours, opt_theirs = Adam(ours, lr=0.1), torch.optim.Adam(theirs, lr=0.1)
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
        assert torch.allclose(a, b, atol=1e-6), (a - b).abs().max()


def test_building_and_stepping_imports_no_dynamo():
    code = ("import sys, torch; from lora_studio.core.training.optim import Adam; "
            "p = torch.nn.Parameter(torch.ones(3)); "
            "o = Adam([p], 0.1); p.grad = torch.ones(3); o.step(); print('torch._dynamo' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_gradients_written_in_place_step_as_gradients_in_grad(kernel):
    torch.manual_seed(0)
    region = (slice(None), slice(7, None))
    a = [torch.nn.Parameter(torch.randn(6, 9)), torch.nn.Parameter(torch.randn(4, 3))]
    b = [torch.nn.Parameter(p.detach().clone()) for p in a]
    opt_a, opt_b = Adam(a, lr=0.05, regions=[region, None]), Adam(b, lr=0.05, regions=[region, None])
    g = torch.Generator().manual_seed(4)
    for _ in range(5):
        grads = [torch.randn(6, 9, generator=g), torch.randn(4, 3, generator=g)]
        for p, grad in zip(a, grads, strict=True):
            p.grad = grad
        opt_a.step()
        opt_b.grad_parts[0].copy_(grads[0][region])
        opt_b.grad_parts[1].copy_(grads[1])
        opt_b.step_written()
    for x, y in zip(a, b, strict=True):
        assert torch.equal(x, y)


def test_a_region_restored_from_outside_is_stepped_from_where_it_now_is(kernel):
    """The divergence guard writes the last good weights back between steps; the next step starts there."""
    weight = torch.nn.Parameter(torch.zeros(3, 5))
    region = (slice(None), slice(4, None))
    opt = Adam([weight], lr=0.1, regions=[region])
    weight.grad = torch.ones(3, 5)
    opt.step()
    with torch.no_grad():
        weight[region] = 7.0
    opt.step()
    assert torch.all(weight[:, 4] < 7.0) and torch.all(weight[:, 4] > 6.5)
    assert torch.equal(weight[:, :4], torch.zeros(3, 4))
