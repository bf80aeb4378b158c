"""A trained adapter's factors for the Learn tab's explainer, read from the library in the worker thread.

The explainer draws B, A and ΔW = s·B·A of one layer as matrices, so the job hands back, for every layer the
model adapted, plain NumPy copies: B (d × r), A (r × k), the frozen W (d × k) and DoRA's magnitudes (d,), with the
core's `LayerDelta` of the layer (inspection.lora_deltas: its scale, ΔW, singular values and their count), the
one the Evaluation tab's ΔW view shows too.
A convolution's 4-D tensors are flattened the way PyTorch flattens them (`flatten(1)`, row-major over the
logical indices): column c of A and W is input channel c // (kh·kw), kernel row (c % (kh·kw)) // kw,
kernel column c % kw. The adapters are stored channels-last (NHWC) in memory, which changes where the
numbers sit in memory, not this index order. The scale is the layer's own (`LayerDelta.scale`, from
`LoRALayer.scaling`), so what the explainer multiplies is what the model multiplies.
"""

from __future__ import annotations  # NumPy in annotations only: it loads after the window shows

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.kinds import JobKind
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone
from lora_studio.gui.i18n import core_texts

if TYPE_CHECKING:
    import numpy as np

    from lora_studio.core.evaluation.inspection import LayerDelta

# a quiet kind of job: reading an adapter to explain it is not work the person started
KIND = JobKind.ADAPTER


@dataclass(frozen=True)
class LayerFactors:
    name: str
    b: np.ndarray  # (d, r) float32
    a: np.ndarray  # (r, k) float32: a convolution's (r, in, kh, kw) flattened to (r, in·kh·kw)
    w: np.ndarray  # (d, k) float32: the frozen weight, flattened the same way (fc1: image and feature columns)
    kernel: tuple[int, int] | None = None  # (kh, kw) of a convolution, None for a linear layer
    magnitude: np.ndarray | None = None  # (d,) DoRA's learned magnitude of each row of W + s·B·A
    delta: LayerDelta | None = None  # the core's: scale, ΔW = W′ − W, s·B·A, singular values, non-zero count


@dataclass(frozen=True)
class AdapterLoaded(JobResult):
    model_id: str = ""
    name: str = ""
    rank: int = 0
    alpha: float = 0.0
    variant: str = "lora"
    scale: float = 0.0  # s of ΔW = s·B·A (LayerDelta.scale): α/r, or α/√r for rsLoRA
    features: tuple[str, ...] = ()  # the extra input features fc1 takes (its last columns)
    layers: tuple[LayerFactors, ...] = ()  # in the model's order

    def layer(self, name: str) -> LayerFactors | None:
        return next((factors for factors in self.layers if factors.name == name), None)


def layer_factors(name: str, layer, delta: LayerDelta | None = None) -> LayerFactors:
    """The factors of one `LoRALayer` as NumPy copies, with the core's `delta` of it (also used by the tests)."""
    import torch

    with torch.no_grad():
        a, b, w = layer.lora_A.detach(), layer.lora_B.detach(), layer.base_weight().detach()
        kernel = tuple(a.shape[2:]) if a.dim() == 4 else None
        magnitude = getattr(layer, "lora_magnitude_vector", None)
        return LayerFactors(
            name, b.flatten(1).contiguous().numpy().copy(), a.flatten(1).contiguous().numpy().copy(),
            w.flatten(1).contiguous().numpy().copy(), kernel,
            None if magnitude is None else magnitude.detach().flatten().numpy().copy(), delta)


def make_adapter_factors(models: Path, model_id: str, on_done: OnDone | None = None) -> Job:
    """Read the LoRA model `model_id` from the library in `models` and return its factors."""

    def run(ctx: JobContext) -> AdapterLoaded:
        from lora_studio.core.errors import USER_ERRORS
        from lora_studio.core.evaluation.inspection import lora_deltas
        from lora_studio.core.model.lora import lora_layers
        from lora_studio.core.storage.library import ModelLibrary

        try:
            model, record = ModelLibrary(models).load(model_id)
        except USER_ERRORS as exc:  # a damaged or vanished folder: one line, the panel shows it
            return AdapterLoaded("failed", core_texts.user_error(exc), model_id=model_id)
        if record.lora is None:
            return AdapterLoaded("failed", QCoreApplication.translate("ExplainerJobs", "{0} has no LoRA adapters")
                                 .format(record.name), model_id=model_id)
        layers = lora_layers(model)
        deltas = {delta.layer: delta for delta in lora_deltas(model)}
        scales = {delta.scale for delta in deltas.values()}
        assert len(scales) == 1, "one LoRA config gives every layer the same scale"
        facts = record.summary()
        return AdapterLoaded(
            "finished", QCoreApplication.translate("ExplainerJobs", "{0}: adapters of {1}").format(
                facts["name"], ", ".join(layers)), model_id=model_id, name=facts["name"],
            rank=facts["rank"], alpha=facts["alpha"], variant=facts["variant"], scale=scales.pop(),
            features=facts["features"],
            layers=tuple(layer_factors(name, layer, deltas[name]) for name, layer in layers.items()))

    return Job(KIND, run, on_done=on_done)
