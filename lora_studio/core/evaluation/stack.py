"""A live stack of trained LoRA adapters on one frozen base: its accuracy for any weights, without training.

Each adapter i was trained from the same base and changes the layers it adapts by ΔW_i, what its LoRA layer's
variant adds to the frozen weight as trained (`delta_weight()`: the scale α/r or α/√r included; for DoRA, W′ − W).
With a weight w_i per adapter (−1 … 2, config.RANGES["adapter_weight"]), the stack acts with

    W + Σ_i w_i · ΔW_i          on every layer some adapter adapts (biases and the other layers: the base's)

so weight 0 is the base, one adapter at weight 1 is that adapter's model, and adapters on different layers act
together as a model holding all their ΔW merged. The single-adapter strength (evaluation/strength.py) is the
one-adapter case, and scores each variant through its own forward pass instead.

Moving a weight must re-score a task's test images at once, so nothing that stays the same is computed twice:
each ΔW_i once, when the stack is made; the frozen stages before the first adapted one (the convolutions, when
only fc1/fc2 are adapted) once per image set, kept in the stack's PrefixCache; the weighted sums are written into
one working copy of the base, and the stages from the first adapted one run over the images in chunks of
EVAL_CHUNK. Not thread-safe: one owner, one thread (the window's worker).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lora_studio.core.config import check_range
from lora_studio.core.data.datasets import Split
from lora_studio.core.data.pixels import to_input
from lora_studio.core.errors import ConfigError
from lora_studio.core.evaluation.scores import Predictions
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import LAYER_STAGE, MnistCNN
from lora_studio.core.model.feature_linear import FeatureLinear
from lora_studio.core.training.prefix_cache import EVAL_CHUNK, PrefixCache

WEIGHT_RANGE = "adapter_weight"  # the config.RANGES key of an adapter's weight


@dataclass(frozen=True)
class StackedAdapter:
    """What a person sees of one adapter in the stack: which layers it touches, and how."""

    name: str  # as the caller named it (a model id), for messages and lists
    layers: tuple[str, ...]  # the layers it adapts, in forward order
    rank: int
    variant: str  # "lora", "rslora" or "dora"


class AdapterStack:
    """Trained LoRA adapters of one base, scored together at any weights (the module's docstring says how)."""

    def __init__(self, base: nn.Module, adapters: Sequence[nn.Module], names: Sequence[str] | None = None):
        """`base`: the plain model the adapters were trained from; `adapters`: LoRA models of it (any layers,
        variants, ranks), left untouched; `names`: one per adapter (default "adapter 1", …).

        ConfigError (one line, naming the adapter) for a base that is not a plain model of this app, an adapter
        without LoRA layers, one with extra input features (its fc1 is wider than the base's), or one trained
        from other weights or another shape than `base`."""
        names = [f"adapter {i + 1}" for i in range(len(adapters))] if names is None else list(names)
        if len(names) != len(adapters):
            raise ValueError("give one name per adapter")
        _check_base(base)
        assert isinstance(base, MnistCNN)
        base_state = weights.plain_state(base)
        self.adapters: tuple[StackedAdapter, ...] = ()
        self._deltas: list[dict[str, torch.Tensor]] = []  # per adapter: layer → ΔW, shaped like the layer's weight
        for name, adapter in zip(names, adapters, strict=True):
            deltas = _adapter_deltas(name, adapter, base, base_state)
            config = next(iter(lora.lora_layers(adapter).values())).config
            self.adapters += (StackedAdapter(name, tuple(deltas), config.rank, config.variant),)
            self._deltas.append(deltas)
        #: every layer some adapter adapts, in forward order
        self.layers: tuple[str, ...] = tuple(n for n in LAYER_STAGE if any(n in d for d in self._deltas))
        self._base = base
        self._work = MnistCNN(base.config)  # the base's copy the weighted sums are written into
        weights.load_plain_state(self._work, base_state)
        self._work.eval().requires_grad_(False)
        self._frozen = {name: getattr(base, name).weight.detach().clone() for name in self.layers}
        # the stages before the first adapted one never change: their output is computed once per image set
        self.start = min((LAYER_STAGE[name] for name in self.layers), default=base.head_stage)
        self._prefixes = PrefixCache()
        self._written: tuple[float, ...] | None = None

    def __len__(self) -> int:
        return len(self.adapters)

    def overlap(self) -> dict[str, tuple[int, ...]]:
        """Each adapted layer with the adapters (their indices) that adapt it: two on one layer may interfere."""
        return {layer: tuple(i for i, d in enumerate(self._deltas) if layer in d) for layer in self.layers}

    def check_weights(self, adapter_weights: Sequence[float]) -> tuple[float, ...]:
        """One weight per adapter, each a number in −1 … 2, as floats; ConfigError otherwise."""
        values = tuple(adapter_weights)
        if len(values) != len(self.adapters):
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "the stack holds {0} adapters but {1} weights were given"),
                              len(self.adapters), len(values))
        for value in values:
            check_range("adapter weight", value, WEIGHT_RANGE)
        return tuple(float(v) for v in values)

    def layer_weights(self, adapter_weights: Sequence[float]) -> dict[str, torch.Tensor]:
        """W + Σ w_i·ΔW_i of every adapted layer: the weights the stack acts with (new tensors)."""
        values = self.check_weights(adapter_weights)
        out = {}
        for layer in self.layers:
            weight = self._frozen[layer].clone()
            for value, deltas in zip(values, self._deltas, strict=True):
                if layer in deltas and value != 0:
                    weight.add_(deltas[layer], alpha=value)
            out[layer] = weight
        return out

    def merged_model(self, adapter_weights: Sequence[float]) -> MnistCNN:
        """A plain model of the base's shape acting as the stack does at these weights (a new one, the caller's)."""
        model = MnistCNN(self._base.config)
        weights.load_plain_state(model, weights.plain_state(self._work))
        with torch.no_grad():
            for layer, weight in self.layer_weights(adapter_weights).items():
                getattr(model, layer).weight.copy_(weight)
        return model.eval()

    @torch.inference_mode()
    def logits(self, images: torch.Tensor, adapter_weights: Sequence[float]) -> torch.Tensor:
        """(N, classes) for uint8 images (N, 28, 28) at these weights."""
        return torch.cat([chunk for chunk in self._chunks(images, adapter_weights)])

    @torch.inference_mode()
    def accuracy(self, split: Split, adapter_weights: Sequence[float]) -> float:
        """The fraction of `split` (a task's test split) classified right at these weights."""
        right, start = 0, 0
        for chunk in self._chunks(split.images, adapter_weights):
            right += int((chunk.argmax(1) == split.labels[start : start + len(chunk)]).sum())
            start += len(chunk)
        return right / len(split)

    def accuracies(self, splits: Mapping[str, Split], adapter_weights: Sequence[float]) -> dict[str, float]:
        """`accuracy` on each of `splits` (by task name: the chosen tasks and the source task's, say)."""
        return {name: self.accuracy(split, adapter_weights) for name, split in splits.items()}

    @torch.inference_mode()
    def predict(self, split: Split, adapter_weights: Sequence[float]) -> Predictions:
        """Its answers on `split` at these weights, as evaluation.scores.predict gives a model's."""
        logits = self.logits(split.images, adapter_weights)
        loss = float(torch.nn.functional.cross_entropy(logits, split.labels))
        probabilities = logits.softmax(1).numpy()
        return Predictions(split.labels.numpy().copy(), probabilities.argmax(1).astype(np.int64), probabilities, loss)

    def clear(self) -> None:
        """Let the kept frozen-prefix outputs go (they come back at the next call)."""
        self._prefixes.clear()

    def _write(self, adapter_weights: Sequence[float]) -> None:
        values = self.check_weights(adapter_weights)
        if values == self._written:
            return
        with torch.no_grad():
            for layer, weight in self.layer_weights(values).items():
                getattr(self._work, layer).weight.copy_(weight)  # keeps the layer's own memory layout
        self._written = values

    def _chunks(self, images: torch.Tensor, adapter_weights: Sequence[float]):
        """The logits, EVAL_CHUNK images at a time (chunks of 128 were the fastest here)."""
        self._write(adapter_weights)
        if len(images) == 0:
            raise ValueError("no images to score")
        inputs = images if self.start == 0 else self._prefixes.output(self._base, images, self.start)
        for i in range(0, len(images), EVAL_CHUNK):
            h = inputs[i : i + EVAL_CHUNK]
            yield self._work.run_stages(to_input(h) if self.start == 0 else h, self.start)


def _check_base(base: nn.Module) -> None:
    if not isinstance(base, MnistCNN) or lora.lora_layers(base):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the base of an adapter stack must be a plain model of "
                                            "this app, without adapters"))
    if base.config.feature_dim:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the base of an adapter stack takes no extra inputs"))


def _adapter_deltas(name: str, adapter: nn.Module, base: MnistCNN,
                    base_state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """ΔW of each layer `adapter` adapts, as trained, after checking that it is a LoRA model of `base`."""
    layers = lora.lora_layers(adapter)
    if not isinstance(adapter, MnistCNN) or not layers:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} is not a LoRA adapter: only LoRA models can be stacked"),
                          name)
    if adapter.config.feature_dim or any(isinstance(m, FeatureLinear) for m in adapter.modules()):
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} takes extra inputs: its fc1 is wider than the base's, so it cannot be stacked"), name)
    if any(layer.merged for layer in layers.values()):
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} has its adapters merged into its weights"), name)
    if adapter.config != base.config:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0} was trained from a base of another shape"), name)
    own = weights.plain_state(adapter)
    differs = next((key for key, tensor in base_state.items() if not torch.equal(own[key], tensor)), None)
    if differs is not None:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "{0} was not trained from this base: its frozen {1} differs from the base's"), name, differs)
    with torch.no_grad():
        # the variant's ΔW as trained, whatever strength the model's adapters are set to now
        return {n: layers[n].variant.delta_weight(layers[n]).detach().clone() for n in LAYER_STAGE if n in layers}
