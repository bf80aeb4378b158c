"""Colours, names and texts shared by the plots and the progress bars; light (Qt core only), so the window
can be built before pyqtgraph and NumPy are imported."""

from PySide6.QtCore import QCoreApplication, Qt

from lora_studio.core.vocabulary import library_kind

#: one colour per kind of model or run, per method and per LoRA variant, whichever plot draws it; readable on white
#: and for the common colour-vision deficiencies (ColorBrewer Dark2 and a blue). The kind, the method and the
#: variant called "lora" are all plain LoRA: one colour. A control is a plain LoRA run (`colour`).
COLOURS = {"base": "#1b6fb5", "feature_lora": "#d95f02", "lora": "#7570b3", "rslora": "#66a61e", "dora": "#a6761d",
           "head": "#1b9e77", "full": "#e7298a", "scratch": "#666666"}
OTHER_COLOUR = "#333333"  # a kind the window does not know
#: the control's smoothed loss is dashed: it often lies right on the feature model's
PHASE_STYLES = {"control_lora": Qt.PenStyle.DashLine}
#: a fine-tuned model's accuracy on its target task and on its source task (the base's own data set, hence the
#: base's colour)
TASK_COLOURS = {"target": COLOURS["feature_lora"], "source": COLOURS["base"]}


def colour(name: str) -> str:
    """The colour of a kind of model or run, a method or a LoRA variant (a control: the LoRA it is)."""
    return COLOURS.get(library_kind(name), OTHER_COLOUR)


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else \
        f"{seconds // 60}:{seconds % 60:02d}"


def progress_text(progress: dict) -> str:
    """'Epoch 2/3 · %p % · 12,345 samples/s · ETA 0:07' for a progress bar (%p is Qt's percentage)."""
    if progress.get("paused"):
        return QCoreApplication.translate("style", "Paused in epoch {0}/{1} · %p %").format(
            progress["epoch"], progress["epochs"])
    return QCoreApplication.translate("style", "Epoch {0}/{1} · %p % · {2} samples/s · ETA {3}").format(
        progress["epoch"], progress["epochs"], f"{progress['samples_per_second']:,.0f}",
        format_seconds(progress["eta_seconds"]))
