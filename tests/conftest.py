"""Fixtures shared by every test: a temp LORA_STUDIO_HOME, tiny generated data, the real MNIST if present."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `make fuzz` runs the fault and fuzz tests (marker `fuzz`) with this hypothesis profile
# (`pytest --hypothesis-profile=fuzz`): 1,000 cases per property and file kind, 50 SIGKILL trials,
# where `make test` runs a few hundred and 5. See docs/RELIABILITY.md.
settings.register_profile("fuzz", max_examples=1000, deadline=None)

REAL_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


@pytest.fixture(autouse=True)
def app_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty app folder: nothing touches the user's data or models."""
    home = tmp_path / "home"
    monkeypatch.setenv("LORA_STUDIO_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def tiny_root(tmp_path_factory) -> Path:
    """A data root holding generated MNIST-like IDX files: <root>/MNIST/raw/ (600 train, 200 test)."""
    from lora_studio.core.data import synthetic

    root = tmp_path_factory.mktemp("tiny-data")
    synthetic.write_folder(root / "MNIST" / "raw", n_train=600, n_test=200, seed=0)
    return root


@pytest.fixture(scope="session")
def tiny_dataset(tiny_root):
    from lora_studio.core.data import datasets as data

    return data.load_dataset(tiny_root, "mnist")


@pytest.fixture(scope="session")
def real_root() -> Path:
    if not (REAL_DATA / "MNIST" / "raw").is_dir():
        pytest.skip(f"the real MNIST is not in {REAL_DATA}")
    return REAL_DATA
