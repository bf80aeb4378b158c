"""Parameter counts by arithmetic, without building a model or importing PyTorch.

The LoRA tab updates "Trainable 7,448 of 59,586 parameters (12.5 %)" on every
click, also before PyTorch has loaded; these formulas give the same numbers as
`param_report.parameter_report` on a real model (a test holds them together).
"""

from dataclasses import dataclass

from lora_studio.core.config import LoraConfig, ModelConfig
from lora_studio.core.i18n import QT_TRANSLATE_NOOP, Text

#: how a layer's shape and the trainable share are said (marked: the window says them in its language)
CONV_SHAPE = QT_TRANSLATE_NOOP("core", "Conv {0}→{1}, {2}×{2}")
LINEAR_SHAPE = QT_TRANSLATE_NOOP("core", "Linear {0}→{1}")
BUDGET = QT_TRANSLATE_NOOP("core", "Trainable {0} of {1} parameters ({2} %)")


@dataclass(frozen=True)
class LayerShape:
    name: str
    kind: str  # "conv" or "linear"
    out_features: int
    in_features: int
    kernel: int = 1  # kernel side for convolutions

    @property
    def weights(self) -> int:
        return self.out_features * self.in_features * self.kernel**2

    @property
    def params(self) -> int:
        return self.weights + self.out_features  # + bias

    def lora_params(self, rank: int, variant: str = "lora") -> int:
        """A: (r, in, k, k) or (r, in); B: (out, r); DoRA adds a magnitude per output."""
        magnitudes = self.out_features if variant == "dora" else 0
        return rank * self.in_features * self.kernel**2 + self.out_features * rank + magnitudes

    def describe(self) -> str:
        if self.kind == "conv":
            return Text(CONV_SHAPE, self.in_features, self.out_features, self.kernel)
        return Text(LINEAR_SHAPE, self.in_features, self.out_features)


def layer_shapes(model: ModelConfig) -> list[LayerShape]:
    return [
        LayerShape("conv1", "conv", model.conv1_channels, 1, 3),
        LayerShape("conv2", "conv", model.conv2_channels, model.conv1_channels, 3),
        LayerShape("fc1", "linear", model.hidden, model.flat_dim + model.feature_dim),
        LayerShape("fc2", "linear", model.num_classes, model.hidden),
    ]


@dataclass(frozen=True)
class Budget:
    trainable: int
    total: int  # base parameters + LoRA parameters

    @property
    def percent(self) -> float:
        return 100.0 * self.trainable / self.total

    def sentence(self) -> str:
        return Text(BUDGET, f"{self.trainable:,}", f"{self.total:,}", f"{self.percent:.1f}")


def lora_budget(model: ModelConfig, lora: LoraConfig) -> Budget:
    """Trainable and total parameters of a LoRA fine-tuning: adapters plus fc1's new feature columns."""
    shapes = layer_shapes(model)
    adapters = sum(s.lora_params(lora.rank, lora.variant) for s in shapes if s.name in lora.layers)
    new_columns = model.hidden * model.feature_dim
    return Budget(adapters + new_columns, sum(s.params for s in shapes) + adapters)


def method_budget(method: str, model: ModelConfig, lora: LoraConfig | None = None) -> Budget:
    """Trainable and total parameters of a fine-tuning by `method` (config.METHODS), as its run counts them: LoRA's
    adapters and fc1's new feature columns (`lora_budget`, of `lora`); the head's fc2; every weight for full
    fine-tuning and a fresh CNN. The LoRA tab, the Compare tab's summary and the Learn tab's lessons all ask here."""
    shapes = layer_shapes(model)
    total = sum(shape.params for shape in shapes)
    if method == "lora":
        return lora_budget(model, lora or LoraConfig())
    if method == "head":
        return Budget(next(shape.params for shape in shapes if shape.name == "fc2"), total)
    return Budget(total, total)
