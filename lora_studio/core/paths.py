"""Where LoRA Studio keeps its files: the only module that asks platformdirs.

Everything lives under one folder, `LORA_STUDIO_HOME` if set (tests, portable
use), else the platform's per-user data folder:
    <home>/datasets/<Name>/raw/   the IDX files, laid out as torchvision does
    <home>/models/<id>/           one saved model each
    <home>/studies/<id>.json      one sweep each (the Compare tab, `lora-studio sweep`)
"""

import os
from pathlib import Path

import platformdirs

APP_NAME = "LoRA Studio"
HOME_ENV = "LORA_STUDIO_HOME"


def app_home() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def datasets_dir(home: Path | None = None) -> Path:
    return (home or app_home()) / "datasets"


def models_dir(home: Path | None = None) -> Path:
    return (home or app_home()) / "models"


def studies_dir(home: Path | None = None) -> Path:
    return (home or app_home()) / "studies"
