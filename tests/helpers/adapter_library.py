"""A library holding a base CNN and LoRA adapters on it with random, trained-looking weights (for tests that
combine adapters: no training needed, and B far from zero so every adapter changes the outputs)."""

import torch

from lora_studio.core.config import LoraConfig, ModelConfig, TrainConfig
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.model import lora, weights
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord


def saved_base(library: ModelLibrary, seed: int = 0, model_id: str | None = None) -> str:
    torch.manual_seed(seed)
    base = MnistCNN(ModelConfig())
    record = ModelRecord(kind="base", name=f"base {seed}", dataset="mnist", model=ModelConfig(),
                         train=TrainConfig(seed=seed))
    return library.save(base, record, model_id or f"base-{seed}")


def saved_adapter(library: ModelLibrary, base_id: str, layers: tuple[str, ...], rank: int = 4, seed: int = 1,
                  variant: str = "lora", task: str = "same", feature_dim: int = 0, base_noise: float = 0.0) -> str:
    """A LoRA model of `base_id` (kind control_lora; alpha 2r) with A, B ~ N(0, 0.1²), saved as `adapter-<seed>`.
    `base_noise` moves the base weights it keeps, as if it had been trained on another version of the base."""
    base, base_record = library.load(base_id)
    config = LoraConfig(rank=rank, alpha=2.0 * rank, layers=layers, variant=variant)
    model_config = ModelConfig(feature_dim=feature_dim)
    tensors = weights.plain_state(base)
    if feature_dim:
        tensors["fc1.weight"] = torch.cat([tensors["fc1.weight"], torch.zeros(64, feature_dim)], dim=1)
    generator = torch.Generator().manual_seed(seed)
    if base_noise:
        tensors = {k: v + base_noise * torch.randn(v.shape, generator=generator) for k, v in tensors.items()}
    model = MnistCNN(model_config)
    weights.load_plain_state(model, tensors)
    lora.apply_lora(model, config, generator)
    with torch.no_grad():
        for layer in lora.lora_layers(model).values():
            layer.lora_A.copy_(torch.randn(layer.lora_A.shape, generator=generator) * 0.1)
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=generator) * 0.1)
    features = FeatureScaler(("brightness",), (0.1,), (0.05,)) if feature_dim else None
    record = ModelRecord(kind="feature_lora" if feature_dim else "control_lora", name=f"adapter {seed}",
                         dataset=base_record.dataset, model=model_config, train=TrainConfig(seed=seed), lora=config,
                         parent=base_id, task=task, features=features)
    return library.save(model, record, f"adapter-{seed}")


def ids(library: ModelLibrary) -> list[str]:
    return sorted(entry.id for entry in library.list())
