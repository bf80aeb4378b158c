"""What the trainable part of a model runs on, and a cache of frozen-prefix outputs that runs can share.

A model runs in stages (model/staged.py). When every stage before the first trainable one is frozen,
its output over a split never changes: training computes it once and runs the rest on it (LoRA on
fc1/fc2 then never touches the convolutions again). Runs whose frozen prefix holds the same weights
— the LoRA runs of one base model: feature, control, every seed — compute the same output; a
`PrefixCache` that their caller hands to each of them lets the first compute it and the others reuse
it. The caller owns the cache and decides how long it lives; nothing is shared without one.
"""

import hashlib
import weakref
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from lora_studio.core.data.pixels import to_input
from lora_studio.core.model.staged import StagedModel

# images per forward pass without gradients. A chunk of 128 keeps conv1's output (3 MB) in the CPU's cache;
# both smaller and larger chunks were slower here
EVAL_CHUNK = 128


def first_trainable_stage(model: StagedModel) -> int:
    """The earliest stage holding a parameter that will be trained (len(model.stages) if none)."""
    stages = [
        model.stage_of(name) for name, module in model.named_children()
        if any(p.requires_grad for p in module.parameters())
    ]
    return min(stages, default=len(model.stages))


@dataclass(frozen=True)
class _Entry:
    images: torch.Tensor  # held, so that its id cannot be reused by another tensor while the entry lives
    version: int  # images._version when the output was computed: an in-place change makes the entry stale
    output: torch.Tensor


class PrefixCache:
    """Outputs of frozen model prefixes over image sets, for the runs and predictions of one owner.

    An output is found again for the same images tensor (unchanged since) and a model whose prefix has the
    same settings and the same weights, whichever model object it is: a feature run and its control are
    two models holding copies of one base's convolutions. Not thread-safe: one owner, one thread. Memory
    is freed by `clear()`, at the end of a `with` block, or when the cache is dropped.
    """

    def __init__(self):
        self._entries: dict[tuple, _Entry] = {}
        self._fingerprints = _Fingerprints()

    def __enter__(self) -> "PrefixCache":
        return self

    def __exit__(self, *exc) -> None:
        self.clear()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        """Memory held by the outputs."""
        return sum(e.output.numel() * e.output.element_size() for e in self._entries.values())

    def clear(self) -> None:
        self._entries.clear()

    def output(self, model: StagedModel, images: torch.Tensor, stop: int) -> torch.Tensor:
        """Stages 0 … stop-1 of `model` over uint8 `images` (N, 28, 28): kept here, or computed and kept."""
        key = (id(images), stop, self._fingerprints.of(model, stop))
        entry = self._entries.get(key)
        if entry is not None and entry.images is images and entry.version == _version(images):
            return entry.output
        output = prefix_output(model, images, stop)
        self._entries[key] = _Entry(images, _version(images), output)
        return output


def _version(tensor: torch.Tensor) -> int:
    """How many times the tensor was changed in place (inference tensors keep no count: they are made within
    inference mode, and only changed there)."""
    return -1 if tensor.is_inference() else tensor._version


class _Fingerprints:
    """A digest of each model's prefix, computed once and again only when that prefix changes.

    The digest is remembered per model object with the tensors it was computed from, their version
    counters (bumped by every in-place change, as training makes) and storage addresses (changed by
    assigning `.data`); when any differs, or a layer's settings do, it is computed anew.
    """

    def __init__(self):
        self._known: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def of(self, model: StagedModel, stop: int) -> str:
        description, tensors = model.prefix_state(stop)
        state = (description, [(_version(t), t.data_ptr()) for t in tensors])
        known = self._known.setdefault(model, {}).get(stop)
        if known is not None and known[0] == state and all(a is b for a, b in zip(known[1], tensors, strict=True)):
            return known[2]
        digest = hashlib.sha256(description.encode())
        for tensor in tensors:
            digest.update(repr((tensor.dtype, tuple(tensor.shape))).encode())
            digest.update(tensor.detach().contiguous().view(-1).view(torch.uint8).numpy().tobytes())
        self._known[model][stop] = (state, list(tensors), digest.hexdigest())
        return digest.hexdigest()


@torch.inference_mode()
def prefix_output(model: StagedModel, images: torch.Tensor, stop: int) -> torch.Tensor:
    """Stages 0 … stop-1 over all images, in chunks, into one tensor filled in place (a list of chunks
    and torch.cat would need twice the memory)."""
    output = None
    for i in range(0, len(images), EVAL_CHUNK):
        chunk = model.run_stages(to_input(images[i : i + EVAL_CHUNK]), 0, stop=stop)
        if output is None:
            layout = torch.channels_last if chunk.dim() == 4 else torch.contiguous_format
            output = torch.empty((len(images), *chunk.shape[1:]), memory_format=layout)
        output[i : i + len(chunk)] = chunk
    if output is None:
        raise ValueError("no images to run the stages on")
    return output


@dataclass(frozen=True)
class StageInputs:
    """What the trainable part of a model is fed, for every item of a split.

    start 0: the uint8 images themselves; a later start: the output of stages 0 … start-1 (for the
    article's CNN, start 1 is conv1's output and start 2 the conv features, fc1's input without the
    extra features). The extra features stay apart and join per batch, so the output depends only on the
    frozen prefix and the images: a control run can share its feature run's.
    """

    start: int
    tensor: torch.Tensor
    extra: torch.Tensor | None

    @classmethod
    def prepare(cls, model: StagedModel, images: torch.Tensor, extra: torch.Tensor | None, start: int,
                cache: PrefixCache | None = None) -> "StageInputs":
        """The inputs of stage `start` for these images; the prefix's output comes from `cache` when given."""
        if start == 0:
            tensor = images
        elif cache is not None:
            tensor = cache.output(model, images, start)
        else:
            tensor = prefix_output(model, images, start)
        return cls(start, tensor, extra)

    def batch(self, index) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(stage input, extra features) of the items at `index` (a slice or an index tensor)."""
        if isinstance(index, torch.Tensor):  # index_select: ~5× faster here than tensor[index] for a batch
            h = self.tensor.index_select(0, index)
            extra = None if self.extra is None else self.extra.index_select(0, index)
        else:
            h = self.tensor[index]
            extra = None if self.extra is None else self.extra[index]
        return (to_input(h) if self.start == 0 else h), extra

    def logits(self, model: StagedModel, index) -> torch.Tensor:
        """The model's output for the items at `index` (a slice or an index tensor)."""
        h, extra = self.batch(index)
        return model.run_stages(h, self.start, extra)


def evaluation_inputs(model: StagedModel, images: torch.Tensor, extra: torch.Tensor | None,
                      cache: PrefixCache | None = None) -> StageInputs:
    """What evaluating `model` runs on: the images; or, with a cache, the input of its head (the output of
    the stages before it), computed once for every model that has the same ones (a base and its LoRA models)."""
    return StageInputs.prepare(model, images, extra, model.head_stage if cache is not None else 0, cache)


@torch.inference_mode()
def evaluate_inputs(model: StagedModel, inputs: StageInputs, labels: torch.Tensor) -> tuple[float, torch.Tensor]:
    """(mean loss, probabilities (N, classes)) of the model on prepared inputs."""
    total_loss, probabilities = 0.0, []
    for i in range(0, len(labels), EVAL_CHUNK):
        logits = inputs.logits(model, slice(i, i + EVAL_CHUNK))
        total_loss += F.cross_entropy(logits, labels[i : i + EVAL_CHUNK], reduction="sum").item()
        probabilities.append(logits.softmax(1))
    return total_loss / len(labels), torch.cat(probabilities)
