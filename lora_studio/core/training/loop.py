"""The training loop: data as in-memory tensors, callbacks out, stop and pause in.

Knows nothing of Qt, files or printing, nor which model it trains: it asks the model
for its stages. Two things make it fast on a laptop CPU: the whole split is one
tensor (no DataLoader, no per-image decoding), and when every stage before the
first trainable layer is frozen, that prefix is run once over the data set and
training runs on its output (LoRA on fc1/fc2 then never touches the convolutions
again); a caller's `PrefixCache` lets several runs share that output.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import TrainConfig
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text
from lora_studio.core.model.staged import StagedModel, staged
from lora_studio.core.training.fast_head import HeadStep, Unsupported
from lora_studio.core.training.optim import Adam
from lora_studio.core.training.prefix_cache import (  # noqa: F401 - EVAL_CHUNK: inspection.py imports it from here
    EVAL_CHUNK,
    PrefixCache,
    StageInputs,
    evaluate_inputs,
    first_trainable_stage,
)
from lora_studio.core.training.run_control import TrainControl
from lora_studio.core.training.schedule import learning_rate
from lora_studio.core.vocabulary import Status


@dataclass(frozen=True)
class TrainData:
    """What training sees of one split: images uint8 (N, 28, 28), labels (N,), extra features (N, F)."""

    images: torch.Tensor
    labels: torch.Tensor
    extra: torch.Tensor | None = None

    def __len__(self) -> int:
        return len(self.labels)

#: why a run ended early, as TrainResult.message says it (Texts: the window words them in its language)
STOPPED_BY_USER = Text(QT_TRANSLATE_NOOP("core", "stopped by the user"))
LOSS_DIVERGED = QT_TRANSLATE_NOOP(
    "core", "the loss became {0} at epoch {1}, step {2}: training diverged (learning rate {3:g} is probably too "
    "high). The weights of the last good step were kept.")
WEIGHTS_DIVERGED = QT_TRANSLATE_NOOP(
    "core", "the weights became infinite or NaN in the last step (learning rate {0:g} is probably too high). The "
    "weights of the last good step were kept.")


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


@dataclass
class TrainResult:
    status: Status = Status.FINISHED  # finished, stopped or diverged
    message: str = ""
    train_accuracy: list[float] = field(default_factory=list)  # per completed epoch
    test_accuracy: list[float] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    step_loss: list[float] = field(default_factory=list)  # every step's training loss, as the run record gives it
    epoch_seconds: list[float] = field(default_factory=list)
    setup_seconds: float = 0.0  # caching the frozen prefix
    wall_seconds: float = 0.0  # everything, set-up included
    steps: int = 0
    test_probabilities: np.ndarray | None = None  # (N, classes) after the last completed epoch
    test_loss: float | None = None


def train(
    model: nn.Module,
    train_data: TrainData,
    test_data: TrainData | None,
    config: TrainConfig,
    callbacks: Callbacks | None = None,
    control: TrainControl | None = None,
    param_groups: list[dict] | None = None,
    cache: PrefixCache | None = None,
    keep_test_head_inputs: bool = False,
) -> TrainResult:
    """Train the parameters of `model` that require grad; return how it went.

    `param_groups` (model/lora.py's `parameter_groups`): the trained parameters with a factor of the
    learning rate each (LoRA+); by default every parameter that requires grad, at the plain rate.

    A NaN or infinite loss ends training with status "diverged" and the weights
    of the last step whose loss was finite.

    With a `cache`, the output of the frozen stages over each split is taken from it, or computed and kept
    in it for the runs that follow. `keep_test_head_inputs` asks the last epoch's evaluation to go through
    the input of the model's head over the test split, kept in `cache`: the same numbers, and runs that
    start from this model's stages before the head (LoRA runs from a base) find it there.
    """
    if keep_test_head_inputs and cache is None:
        raise ValueError("keeping the test split's head inputs needs a cache to keep them in")
    model = staged(model)  # the loop asks the model for its stages
    callbacks = callbacks or Callbacks()
    control = control or TrainControl()
    result = TrainResult()
    started = time.perf_counter()
    groups = param_groups if param_groups is not None else [
        {"params": [p for p in model.parameters() if p.requires_grad], "lr_scale": 1.0}]
    if not any(group["params"] for group in groups):
        raise ValueError("the model has no trainable parameters")

    start = first_trainable_stage(model)
    if start > 0:
        callbacks.on_status(Text(QT_TRANSLATE_NOOP("core", "Caching the frozen {0} output"),
                                 " + ".join(model.stages[:start])))
    train_inputs = StageInputs.prepare(model, train_data.images, train_data.extra, start, cache)
    test_inputs = None if test_data is None else StageInputs.prepare(
        model, test_data.images, test_data.extra, start, cache)
    result.setup_seconds = time.perf_counter() - started

    optimizer = Adam(groups, lr=config.lr)
    trained = [p.detach() for p in optimizer.params]  # what the divergence guard copies and restores
    stepper = _stepper(model, train_inputs, optimizer)
    last_good = [t.detach().clone() for t in trained]  # only what training changes: a copy every step
    generator = torch.Generator().manual_seed(config.seed)
    n = len(train_data)
    steps_per_epoch = math.ceil(n / config.batch_size)
    total_steps = steps_per_epoch * config.epochs

    for epoch in range(config.epochs):
        epoch_started = time.perf_counter()
        order = torch.randperm(n, generator=generator)
        loss_sum = 0.0  # a Python float: the loss's value is fetched every step anyway
        correct = torch.zeros((), dtype=torch.long)
        for step in range(steps_per_epoch):
            if control.stop_requested:
                return _finish(result, started, Status.STOPPED, STOPPED_BY_USER)
            control.wait_while_paused()
            if control.stop_requested:
                return _finish(result, started, Status.STOPPED, STOPPED_BY_USER)

            batch = order[step * config.batch_size : (step + 1) * config.batch_size]
            labels = train_data.labels.index_select(0, batch)
            logits, loss = stepper.forward(batch, labels)

            loss_value = loss.item()
            if not math.isfinite(loss_value):
                with torch.no_grad():
                    torch._foreach_copy_(trained, last_good)
                return _finish(
                    result, started, Status.DIVERGED,
                    Text(LOSS_DIVERGED, loss_value, epoch + 1, step + 1, config.lr),
                )
            with torch.no_grad():  # one call for all tensors: a copy_ each cost ~7× more per step here
                torch._foreach_copy_(last_good, trained)

            optimizer.lr = learning_rate(config, epoch * steps_per_epoch + step, total_steps)
            stepper.update(loss)
            result.steps += 1
            result.step_loss.append(loss_value)

            loss_sum += loss_value * len(batch)
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
            if epoch == config.epochs - 1 and keep_test_head_inputs and start < model.head_stage:
                test_inputs = StageInputs.prepare(model, test_data.images, test_data.extra, model.head_stage, cache)
            assert test_inputs is not None  # prepared with the test data
            test_loss, probabilities = evaluate_inputs(model, test_inputs, test_data.labels)
            test_acc = (probabilities.argmax(1) == test_data.labels).float().mean().item()
            result.test_accuracy.append(test_acc)
            result.test_probabilities = probabilities.numpy()
            result.test_loss = test_loss
        result.train_loss.append(loss_sum / n)
        result.train_accuracy.append(correct.item() / n)
        result.epoch_seconds.append(seconds)
        callbacks.on_epoch(EpochInfo(
            epoch, config.epochs, result.train_loss[-1], result.train_accuracy[-1], test_loss, test_acc, seconds
        ))
    # each loss is checked before its step, so only the very last update can leave a NaN unnoticed
    if not all(bool(torch.isfinite(t).all()) for t in trained):
        with torch.no_grad():
            torch._foreach_copy_(trained, last_good)
        return _finish(
            result, started, Status.DIVERGED,
            Text(WEIGHTS_DIVERGED, config.lr),
        )
    return _finish(result, started, Status.FINISHED, "")


class _AutogradStep:
    """A training step through autograd: any model, any trained layers."""

    def __init__(self, model: StagedModel, inputs: StageInputs, optimizer: Adam):
        self.model, self.inputs, self.optimizer = model, inputs, optimizer

    def forward(self, index: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.inputs.logits(self.model, index)
        return logits, F.cross_entropy(logits, labels)

    def update(self, loss: torch.Tensor) -> None:
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


class _HeadStep:
    """A training step of the head alone with its gradients written out (see `head`): ~2× faster."""

    def __init__(self, head_step: HeadStep, inputs: StageInputs, optimizer: Adam):
        self.head, self.inputs, self.optimizer = head_step, inputs, optimizer

    def forward(self, index: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.head.forward(*self.inputs.batch(index), labels)

    def update(self, loss: torch.Tensor) -> None:
        self.head.backward()
        self.optimizer.step()


def _stepper(model: StagedModel, inputs: StageInputs, optimizer: Adam):
    if inputs.start == model.head_stage:
        try:
            return _HeadStep(HeadStep(model, optimizer.params), inputs, optimizer)
        except Unsupported:
            pass
    return _AutogradStep(model, inputs, optimizer)


def _finish(result: TrainResult, started: float, status: Status, message: str) -> TrainResult:
    result.status, result.message = status, message
    result.wall_seconds = time.perf_counter() - started
    return result
