"""The training loop: data as in-memory tensors, callbacks out, stop and pause in.

Knows nothing of Qt, files or printing. Two things make it fast on a laptop CPU:
the whole split is one tensor (no DataLoader, no per-image decoding), and when
every stage before the first trainable layer is frozen, that prefix is run once
over the data set and training runs on its cached output (LoRA on fc1/fc2 then
never touches the convolutions again).
"""

import hashlib
import math
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lora_studio.core.config import TrainConfig
from lora_studio.core.data.pixels import to_input
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import LAYER_STAGE, STAGES
from lora_studio.core.training.fast_head import HeadStep, Unsupported
from lora_studio.core.training.optim import Adam
from lora_studio.core.training.run_control import TrainControl

HEAD = STAGES.index("head")
# images per forward pass without gradients. Measured here (60,000 images through the convolutions, medians
# of 6 alternating runs): 100–192 → 0.67 s, 64 → 0.74 s, 512 → 0.88–0.99 s, and 256 → 1.16 s, slower than
# both in two separate measurements. A chunk of 128 keeps conv1's output (3 MB) in cache
EVAL_CHUNK = 128


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
    test_probabilities: np.ndarray | None = None  # (N, classes) after the last completed epoch
    test_loss: float | None = None


def first_trainable_stage(model: nn.Module) -> int:
    """The earliest stage holding a parameter that will be trained (len(STAGES) if none)."""
    stages = [
        LAYER_STAGE[name] for name, module in model.named_children()
        if any(p.requires_grad for p in module.parameters())
    ]
    return min(stages, default=len(STAGES))


@dataclass(frozen=True)
class StageInputs:
    """What the trainable part of a model is fed, for every item of a split.

    start 0: the uint8 images themselves; start 1: the cached conv1 output;
    start 2: the cached conv features (fc1's input without the extra features).
    The extra features stay apart and join per batch, so the cache depends only
    on the frozen prefix and the images: a control run can share its feature
    run's (see `sharing_prefix_outputs`).
    """

    start: int
    tensor: torch.Tensor
    extra: torch.Tensor | None

    @classmethod
    def prepare(cls, model: nn.Module, data: TrainData, start: int) -> "StageInputs":
        tensor = data.images if start == 0 else _prefix_output(model, data.images, start)
        return cls(start, tensor, data.extra)

    def batch(self, index) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(stage input, extra features) of the items at `index` (a slice or an index tensor)."""
        if isinstance(index, torch.Tensor):  # index_select: ~5× faster here than tensor[index] for a batch
            h = self.tensor.index_select(0, index)
            extra = None if self.extra is None else self.extra.index_select(0, index)
        else:
            h = self.tensor[index]
            extra = None if self.extra is None else self.extra[index]
        return (to_input(h) if self.start == 0 else h), extra

    def logits(self, model: nn.Module, index) -> torch.Tensor:
        """The model's output for the items at `index` (a slice or an index tensor)."""
        h, extra = self.batch(index)
        return model.run_stages(h, self.start, extra)


#: prefix outputs kept for reuse while `sharing_prefix_outputs` is active, by images and frozen weights
_shared_outputs: dict | None = None


@contextmanager
def sharing_prefix_outputs():
    """Within this block, trainings whose frozen prefix has the same weights (the LoRA runs of one base model:
    feature, control, every seed) compute its output over a split once, and a base model trained in the block
    leaves its test split's for them (its last evaluation goes through it). On MNIST that is ~0.6 s for the
    training split and ~0.1 s for the test split, and 188 + 31 MB, freed when the block ends."""
    global _shared_outputs
    outer, _shared_outputs = _shared_outputs, {} if _shared_outputs is None else _shared_outputs
    try:
        yield
    finally:
        if outer is None:
            _shared_outputs = None


def _prefix_key(model: nn.Module, images: torch.Tensor, stop: int) -> tuple:
    digest = hashlib.sha256(repr((stop, model.config.pixel_mean, model.config.pixel_std)).encode())
    for name, module in model.named_children():
        if LAYER_STAGE.get(name, len(STAGES)) < stop:
            for tensor in module.state_dict().values():
                digest.update(tensor.detach().contiguous().numpy().tobytes())
    return id(images), images.data_ptr(), tuple(images.shape), digest.hexdigest()


@torch.inference_mode()
def _prefix_output(model: nn.Module, images: torch.Tensor, stop: int) -> torch.Tensor:
    """Stages 0 … stop-1 (frozen) over all images, in chunks, into one tensor filled in place (a list of chunks
    and torch.cat would need twice the memory)."""
    key = _prefix_key(model, images, stop) if _shared_outputs is not None else None
    if key is not None and key in _shared_outputs:
        return _shared_outputs[key]
    cache = None
    for i in range(0, len(images), EVAL_CHUNK):
        chunk = model.run_stages(to_input(images[i : i + EVAL_CHUNK]), 0, stop=stop)
        if cache is None:
            layout = torch.channels_last if chunk.dim() == 4 else torch.contiguous_format
            cache = torch.empty((len(images), *chunk.shape[1:]), memory_format=layout)
        cache[i : i + len(chunk)] = chunk
    if key is not None:
        _shared_outputs[key] = cache
    return cache


def evaluation_inputs(model: nn.Module, data: TrainData) -> StageInputs:
    """What evaluating `model` on `data` runs on: the images, or, within `sharing_prefix_outputs`, the output of
    the convolutions, computed once for every model that has the same ones (a base and its LoRA models)."""
    return StageInputs.prepare(model, data, HEAD if _shared_outputs is not None else 0)


@torch.inference_mode()
def evaluate_inputs(model: nn.Module, inputs: StageInputs, labels: torch.Tensor) -> tuple[float, torch.Tensor]:
    """(mean loss, probabilities (N, classes)) of the model on prepared inputs."""
    total_loss, probabilities = 0.0, []
    for i in range(0, len(labels), EVAL_CHUNK):
        logits = inputs.logits(model, slice(i, i + EVAL_CHUNK))
        total_loss += F.cross_entropy(logits, labels[i : i + EVAL_CHUNK], reduction="sum").item()
        probabilities.append(logits.softmax(1))
    return total_loss / len(labels), torch.cat(probabilities)


def train(
    model: nn.Module,
    train_data: TrainData,
    test_data: TrainData | None,
    config: TrainConfig,
    callbacks: Callbacks | None = None,
    control: TrainControl | None = None,
    param_groups: list[dict] | None = None,
) -> TrainResult:
    """Train the parameters of `model` that require grad; return how it went.

    `param_groups` (model/lora.py's `parameter_groups`): the trained parameters with a factor of the
    learning rate each (LoRA+); by default every parameter that requires grad, at the plain rate.

    A NaN or infinite loss ends training with status "diverged" and the weights
    of the last step whose loss was finite.
    """
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
        callbacks.on_status(f"Caching the frozen {' and '.join(STAGES[:start])} output")
    train_inputs = StageInputs.prepare(model, train_data, start)
    test_inputs = StageInputs.prepare(model, test_data, start) if test_data is not None else None
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
                return _finish(result, started, "stopped", "stopped by the user")
            control.wait_while_paused()
            if control.stop_requested:
                return _finish(result, started, "stopped", "stopped by the user")

            batch = order[step * config.batch_size : (step + 1) * config.batch_size]
            labels = train_data.labels.index_select(0, batch)
            logits, loss = stepper.forward(batch, labels)

            loss_value = loss.item()
            if not math.isfinite(loss_value):
                with torch.no_grad():
                    torch._foreach_copy_(trained, last_good)
                return _finish(
                    result, started, "diverged",
                    f"the loss became {loss_value} at epoch {epoch + 1}, step {step + 1}: training "
                    f"diverged (learning rate {config.lr:g} is probably too high). "
                    "The weights of the last good step were kept.",
                )
            with torch.no_grad():  # one call for all tensors: a copy_ each cost ~7× more per step here
                torch._foreach_copy_(last_good, trained)

            optimizer.lr = learning_rate(config, epoch * steps_per_epoch + step, total_steps)
            stepper.update(loss)
            result.steps += 1

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
            if epoch == config.epochs - 1 and _shared_outputs is not None and start < HEAD \
                    and not lora.lora_layers(model):
                # a base model: the LoRA runs that follow start from its final convolutions. Evaluating through
                # a cached prefix gives the same numbers and saves them the pass over the test set (~0.1 s on
                # MNIST). Not for LoRA models: nothing starts from their convolutions
                test_inputs = StageInputs.prepare(model, test_data, HEAD)
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
            result, started, "diverged",
            f"the weights became infinite or NaN in the last step (learning rate {config.lr:g} is probably too "
            "high). The weights of the last good step were kept.",
        )
    return _finish(result, started, "finished", "")


class _AutogradStep:
    """A training step through autograd: any model, any trained layers."""

    def __init__(self, model: nn.Module, inputs: StageInputs, optimizer: Adam):
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


def _stepper(model: nn.Module, inputs: StageInputs, optimizer: Adam):
    if inputs.start == HEAD:
        try:
            return _HeadStep(HeadStep(model, optimizer.params), inputs, optimizer)
        except Unsupported:
            pass
    return _AutogradStep(model, inputs, optimizer)


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
