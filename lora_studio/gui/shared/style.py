"""Colours, names and texts shared by the plots and the progress bars; light (Qt core only), so the window
can be built before pyqtgraph and NumPy are imported."""

from PySide6.QtCore import QCoreApplication, Qt

#: one colour per phase, readable on white and for the common colour-vision deficiencies (ColorBrewer Dark2)
PHASE_COLOURS = {"base": "#1b6fb5", "feature_lora": "#d95f02", "control_lora": "#5d5a9e",
                 "head": "#1b9e77", "full": "#e7298a", "scratch": "#66a61e"}
#: the control's smoothed loss is dashed: it often lies right on the feature model's
PHASE_STYLES = {"control_lora": Qt.PenStyle.DashLine}


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
