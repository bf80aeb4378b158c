"""A fine-tuned model of the library as a standalone training script or Jupyter notebook.

The script reproduces the run with torch, torchvision, safetensors and PEFT alone, never lora_studio: the
article's CNN, the base model's weights (checksum verified), the target task made as the app makes it, LoRA
through `peft.get_peft_model` (or the head, or every weight, trained), Adam at the run's settings and
schedule; it prints the target and the source accuracy, last as `target_accuracy=… source_accuracy=…`.
Its comments explain it to someone who has just used the app, in English or Chinese.

    plan.py       what the script needs, read from the library and checked (errors.py's errors)
    parts_*.py    the code, as templates (render.py's marks); comments.py their comments, translated
    script.py     the `.py` text;  notebook.py  the `.ipynb`
"""

from pathlib import Path

from lora_studio.core.errors import ConfigError, StorageError, os_reason
from lora_studio.core.export_code.comments import LANGUAGES
from lora_studio.core.export_code.plan import ExportPlan, export_plan
from lora_studio.core.export_code.script import script_text
from lora_studio.core.files import atomic_write
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.vocabulary import EXPORT_FORMATS

FORMATS = EXPORT_FORMATS

__all__ = ["FORMATS", "LANGUAGES", "ExportPlan", "export_code", "export_plan", "exported_text"]


def exported_text(plan: ExportPlan, fmt: str, language: str = "en", script_name: str | None = None) -> str:
    """The script (`fmt` "py") or notebook ("ipynb") of `plan`, comments in `language` ("en" or "zh_CN")."""
    if fmt not in FORMATS:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the format must be one of {0}, not {1}"),
                          ", ".join(FORMATS), fmt)
    if fmt == "ipynb":
        from lora_studio.core.export_code.notebook import notebook_text  # nbformat is only needed here

        return notebook_text(plan, language)
    return script_text(plan, language, script_name or f"{plan.model_id}.py")


def export_code(library: ModelLibrary, model_id: str, path: Path, fmt: str = "py", language: str = "en",
                data_dir: Path | None = None) -> Path:
    """Write model `model_id`'s script or notebook to `path` (a folder: `<model_id>.<fmt>` inside it); return it.

    `data_dir` is the data folder the script reads by default (the app's data folder when None). Everything is
    checked before anything is written, and the file is written atomically: a ConfigError, DataError or
    StorageError (one line) leaves nothing behind."""
    plan = export_plan(library, model_id, data_dir)
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / f"{model_id}.{fmt}"
    text = exported_text(plan, fmt, language, script_name=path.name)
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise StorageError(QT_TRANSLATE_NOOP("errors", "could not write {0}: {1}"), path, os_reason(exc)) from None
    return path
