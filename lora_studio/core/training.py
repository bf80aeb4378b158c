"""The training loop: data as in-memory tensors, callbacks out, stop and pause in.

Knows nothing of Qt, files or printing. Two things make it fast on a laptop CPU:
the whole split is one tensor (no DataLoader, no per-image decoding), and when
every stage before the first trainable layer is frozen, that prefix is run once
over the data set and training runs on its cached output (LoRA on fc1/fc2 then
never touches the convolutions again).
"""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import TrainConfig
from lora_studio.core.model import LAYER_STAGE, STAGES, to_input

EVAL_CHUNK = 512  # images per forward pass without gradients: measured fastest here (vs 256 … 5000)


@dataclass(frozen=True)
class TrainData:
    """What training sees of one split: images uint8 (N, 28, 28), labels (N,), extra features (N, F)."""

    images: torch.Tensor
    labels: torch.Tensor
    extra: torch.Tensor | None = None

    def __len__(self) -> int:
        return len(self.labels)


@dataclass(frozen=True)
class StepInfo:
    epoch: int  # 0-based
    step: int  # 0-based, within the epoch
    steps_per_epoch: int
    epochs: int
    loss: float
    samples_per_second: float
    elapsed: float  # seconds since training started, set-up included

    @property
    def fraction(self) -> float:
        return (self.epoch * self.steps_per_epoch + self.step + 1) / (self.epochs * self.steps_per_epoch)

    @property
    def eta_seconds(self) -> float:
        return self.elapsed * (1 - self.fraction) / max(self.fraction, 1e-9)


@dataclass(frozen=True)
class EpochInfo:
    epoch: int  # 0-based
    epochs: int
    train_loss: float
    train_accuracy: float  # over the epoch's batches, as they were seen
    test_loss: float | None
    test_accuracy: float | None
    seconds: float


def _ignore(*_args) -> None:
    pass


@dataclass
class Callbacks:
    """What the loop reports; each defaults to doing nothing."""

    on_step: Callable[[StepInfo], None] = _ignore
    on_epoch: Callable[[EpochInfo], None] = _ignore
    on_status: Callable[[str], None] = _ignore  # one-line descriptions of set-up phases


class TrainControl:
    """Stop and pause flags, set from any thread and polled by the loop once per batch."""

    def __init__(self):
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused loop must wake up to stop

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait_while_paused(self) -> None:
        while not self._running.wait(timeout=0.1):
            pass


@dataclass
class TrainResult:
    status: str = "finished"  # finished | stopped | diverged
    message: str = ""
    train_accuracy: list[float] = field(default_factory=list)  # per completed epoch
    test_accuracy: list[float] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    epoch_seconds: list[float] = field(default_factory=list)
    setup_seconds: float = 0.0  # caching the frozen prefix
    wall_seconds: float = 0.0  # everything, set-up included
    steps: int = 0


def first_trainable_stage(model: nn.Module) -> int:
    """The earliest stage holding a parameter that will be trained (len(STAGES) if none)."""
    stages = [
        LAYER_STAGE[name] for name, module in model.named_children()
        if any(p.requires_grad for p in module.parameters())
    ]
    return min(stages, default=len(STAGES))


@torch.inference_mode()
def run_prefix(model: nn.Module, images: torch.Tensor, stop: int) -> torch.Tensor:
    """Stages 0 … stop-1 on uint8 images, in chunks: (N, 1, 28, 28) or the cached activations."""
    chunks = [
        model.run_stages(to_input(images[i : i + EVAL_CHUNK]), 0, stop=stop)
        for i in range(0, len(images), EVAL_CHUNK)
    ]
    return torch.cat(chunks)


@torch.inference_mode()
def evaluate_cached(model, inputs, data: TrainData, start: int) -> tuple[float, float]:
    """(loss, accuracy) of the model on `data`, given its inputs to stage `start`."""
    total_loss, correct = 0.0, 0
    for i in range(0, len(data), EVAL_CHUNK):
        extra = None if data.extra is None else data.extra[i : i + EVAL_CHUNK]
        h = inputs[i : i + EVAL_CHUNK]
        logits = model.run_stages(to_input(h) if start == 0 else h, start, extra)
        labels = data.labels[i : i + EVAL_CHUNK]
        total_loss += F.cross_entropy(logits, labels, reduction="sum").item()
        correct += (logits.argmax(1) == labels).sum().item()
    return total_loss / len(data), correct / len(data)


def train(
    model: nn.Module,
    train_data: TrainData,
    test_data: TrainData | None,
    config: TrainConfig,
    callbacks: Callbacks | None = None,
    control: TrainControl | None = None,
) -> TrainResult:
    """Train the parameters of `model` that require grad; return how it went.

    A NaN or infinite loss ends training with status "diverged" and the weights
    of the last step whose loss was finite.
    """
    callbacks = callbacks or Callbacks()
    control = control or TrainControl()
    result = TrainResult()
    started = time.perf_counter()
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise ValueError("the model has no trainable parameters")

    start = first_trainable_stage(model)
    if start > 0:
        callbacks.on_status(f"Caching the frozen {' and '.join(STAGES[:start])} output")
    train_inputs = run_prefix(model, train_data.images, start) if start else train_data.images
    test_inputs = None
    if test_data is not None:
        test_inputs = run_prefix(model, test_data.images, start) if start else test_data.images
    result.setup_seconds = time.perf_counter() - started

    optimizer = torch.optim.Adam(params, lr=config.lr, fused=True)  # fused: one kernel, not one per tensor
    last_good = [p.detach().clone() for p in params]
    generator = torch.Generator().manual_seed(config.seed)
    n = len(train_data)
    steps_per_epoch = math.ceil(n / config.batch_size)
    total_steps = steps_per_epoch * config.epochs

    for epoch in range(config.epochs):
        epoch_started = time.perf_counter()
        order = torch.randperm(n, generator=generator)
        loss_sum = torch.zeros(())
        correct = torch.zeros((), dtype=torch.long)
        for step in range(steps_per_epoch):
            if control.stop_requested:
                return _finish(result, started, "stopped", "stopped by the user")
            control.wait_while_paused()
            if control.stop_requested:
                return _finish(result, started, "stopped", "stopped by the user")

            batch = order[step * config.batch_size : (step + 1) * config.batch_size]
            h = train_inputs[batch]
            extra = None if train_data.extra is None else train_data.extra[batch]
            labels = train_data.labels[batch]
            logits = model.run_stages(to_input(h) if start == 0 else h, start, extra)
            loss = F.cross_entropy(logits, labels)

            loss_value = loss.item()
            if not math.isfinite(loss_value):
                with torch.no_grad():
                    for p, good in zip(params, last_good, strict=True):
                        p.copy_(good)
                return _finish(
                    result, started, "diverged",
                    f"the loss became {loss_value} at epoch {epoch + 1}, step {step + 1}: training "
                    f"diverged (learning rate {config.lr:g} is probably too high). "
                    "The weights of the last good step were kept.",
                )
            with torch.no_grad():
                for p, good in zip(params, last_good, strict=True):
                    good.copy_(p)

            for group in optimizer.param_groups:
                group["lr"] = learning_rate(config, epoch * steps_per_epoch + step, total_steps)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            result.steps += 1

            loss_sum += loss.detach() * len(batch)
            correct += (logits.detach().argmax(1) == labels).sum()
            elapsed = time.perf_counter() - started
            seen = step * config.batch_size + len(batch)
            callbacks.on_step(StepInfo(
                epoch, step, steps_per_epoch, config.epochs, loss_value,
                seen / max(time.perf_counter() - epoch_started, 1e-9), elapsed,
            ))

        seconds = time.perf_counter() - epoch_started
        test_loss = test_acc = None
        if test_data is not None:
            test_loss, test_acc = evaluate_cached(model, test_inputs, test_data, start)
            result.test_accuracy.append(test_acc)
        result.train_loss.append(loss_sum.item() / n)
        result.train_accuracy.append(correct.item() / n)
        result.epoch_seconds.append(seconds)
        callbacks.on_epoch(EpochInfo(
            epoch, config.epochs, result.train_loss[-1], result.train_accuracy[-1], test_loss, test_acc, seconds
        ))
    return _finish(result, started, "finished", "")


ANNEAL_FRACTION = 1 / 3  # the last third of the steps decays the learning rate to zero


def learning_rate(config: TrainConfig, step: int, total_steps: int) -> float:
    """The learning rate at `step` (0-based) of `total_steps`."""
    if config.lr_schedule == "constant":
        return config.lr
    if config.lr_schedule == "cosine":
        return config.lr * 0.5 * (1 + math.cos(math.pi * step / total_steps))
    decay_start = total_steps * (1 - ANNEAL_FRACTION)
    if step < decay_start:
        return config.lr
    return config.lr * (total_steps - step) / (total_steps - decay_start)


def _finish(result: TrainResult, started: float, status: str, message: str) -> TrainResult:
    result.status, result.message = status, message
    result.wall_seconds = time.perf_counter() - started
    return result
