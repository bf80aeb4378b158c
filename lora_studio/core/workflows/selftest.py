"""A quick end-to-end check of an installation: data, training, LoRA, evaluation, saving, loading.

Used by `lora-studio self-test` and by the bundled app, where it proves that
PyTorch, torchvision and safetensors were all packed correctly. It writes only
to a temporary folder, and uses generated data so it needs no network.
"""

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from lora_studio.core.config import LoraConfig, TrainConfig
from lora_studio.core.data import bundled, synthetic
from lora_studio.core.data import datasets as data
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows import recipes


def run_self_test(report: Callable[[str, bool, str], None], bundled_data: Path | None = None) -> bool:
    """Run every check, calling report(name, ok, detail) after each; True when all passed.

    `bundled_data` (default: the bundle's, when it was built with DATA) is validated too."""
    bundled_data = bundled_data or bundled.bundled_data_dir()
    with tempfile.TemporaryDirectory(prefix="lora-studio-self-test-") as folder:
        tmp = Path(folder)
        state: dict[str, Any] = {}
        checks = [
            ("import torchvision", lambda: _torchvision()),
            *([("bundled data: validate the IDX files", lambda: bundled.check(bundled_data))] if bundled_data else []),
            ("data: write, validate and import IDX files", lambda: _data(tmp, state)),
            ("base training (1 epoch)", lambda: _base(state)),
            ("LoRA fine-tuning with brightness", lambda: _lora(state)),
            ("save and load through the library", lambda: _storage(tmp, state)),
        ]
        all_ok = True
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check()
                ok = True
            except Exception as exc:  # noqa: BLE001 - a self-test reports every failure and goes on
                detail, ok = f"{type(exc).__name__}: {exc}", False
            report(name, ok, f"{detail} ({time.perf_counter() - started:.1f} s)")
            all_ok &= ok
            if not ok and name.startswith(("data", "base")):
                break  # later checks need this one
        return all_ok


def _torchvision() -> str:
    import torchvision
    from torchvision.ops import nms  # needs the compiled operators a bundle can miss

    nms(torch.tensor([[0.0, 0.0, 1.0, 1.0]]), torch.tensor([1.0]), 0.5)
    return f"torch {torch.__version__}, torchvision {torchvision.__version__}"


def _data(tmp: Path, state: dict) -> str:
    source = synthetic.write_folder(tmp / "source", n_train=1000, n_test=300, gz=True)
    state["dataset"] = data.import_folder(source, tmp / "datasets", "mnist")
    return f"{len(state['dataset'].train)} training and {len(state['dataset'].test)} test images"


def _base(state: dict) -> str:
    outcome = recipes.train_base(state["dataset"], TrainConfig(epochs=1, batch_size=32, lr=3e-3))
    state["base"] = outcome
    accuracy = outcome.answers().accuracy
    _require(accuracy > 0.5, f"accuracy only {accuracy:.1%}")
    return f"test accuracy {accuracy:.1%}"


def _lora(state: dict) -> str:
    base = state["base"]
    outcome = recipes.finetune(base.model, base.record, state["dataset"], LoraConfig(), ("brightness",),
                               TrainConfig(epochs=1, batch_size=32, lr=3e-3))
    state["lora"] = outcome
    _require(outcome.trainable_params == 7448, f"{outcome.trainable_params} trainable parameters, expected 7448")
    return f"test accuracy {outcome.answers().accuracy:.1%}, {outcome.trainable_params:,} trainable"


def _storage(tmp: Path, state: dict) -> str:
    library = ModelLibrary(tmp / "models")
    outcome = state["lora"]
    model_id = library.save(outcome.model, outcome.record)
    loaded, record = library.load(model_id)
    images = state["dataset"].test.images[:64]
    extra = recipes.extra_features(record, images)
    with torch.no_grad():
        from lora_studio.core.data.pixels import to_input

        same = torch.allclose(loaded(to_input(images), extra), outcome.model(to_input(images), extra), atol=1e-5)
    _require(same, "the loaded model answers differently from the saved one")
    return f"saved and reloaded {model_id}"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)
