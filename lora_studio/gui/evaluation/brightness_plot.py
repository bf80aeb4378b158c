"""Error rate against brightness for each evaluated model, and the brightness of errors against all images.

Left: the error rate in each brightness bin (equal-count bins, computed by the
core in the evaluation job), one curve per model. Right: how the brightness of
the inspected model's errors is distributed, against all test images — if the
two shapes differ, brightness and errors are related. Curves are made once per
model and updated with `setData`.
"""

import numpy as np
import pyqtgraph as pg

from lora_studio.gui.shared.plots import dress

DISTRIBUTION_BINS = 30
ALL_COLOUR, ERROR_COLOUR = "#8c8c8c", "#c0392b"


class BrightnessErrorPlot(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.setObjectName("brightnessErrorPlot")
        self.setMinimumSize(420, 220)
        self.rate = self.addPlot(row=0, col=0)
        dress(self.rate, self.tr("Error rate by brightness"),
              self.tr("brightness (mean pixel value; each point: a tenth of the test images)"),
              self.tr("error rate (%)"), fixed=True)
        self.spread = self.addPlot(row=0, col=1)
        dress(self.spread, self.tr("Brightness of the errors against all test images"),
              self.tr("brightness (mean pixel value)"), self.tr("share of the images (%)"), fixed=True)
        self.rate_legend = self.rate.addLegend(offset=(-10, 10), labelTextSize="9pt")
        self.spread_legend = self.spread.addLegend(offset=(-10, 10), labelTextSize="9pt")
        self._all = self.spread.plot([], [], stepMode="center", fillLevel=0, brush=pg.mkBrush(140, 140, 140, 70),
                                     pen=pg.mkPen(ALL_COLOUR, width=1.5), name=self.tr("all test images"))
        self._errors = self.spread.plot([], [], stepMode="center", pen=pg.mkPen(ERROR_COLOUR, width=2.5),
                                        name=self.tr("errors"))
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._hints = [pg.TextItem(self.tr("Evaluate models to see whether dark or bright digits are the hard ones"),
                                   color="#777777", anchor=(0.5, 0.5))]
        self.rate.addItem(self._hints[0])
        self._hints[0].setPos(0.5, 0.5)
        self.rate.setRange(xRange=(0, 1), yRange=(0, 1))

    def curve_count(self) -> int:
        """How many models have a curve with data (tests and screenshots check the plot is not empty)."""
        return sum(1 for curve in self._curves.values() if curve.xData is not None and len(curve.xData))

    def set_data(self, brightness: np.ndarray, edges: np.ndarray, models: list[tuple], inspected) -> None:
        """models: (key, label, colour, symbol, core.inspection.BrightnessErrors) per model;
        inspected: (label, correct (N,) bool), whose errors are drawn against all images."""
        for hint in self._hints:
            if hint.scene() is not None:
                self.rate.removeItem(hint)
        self.rate_legend.clear()
        for key in set(self._curves) - {m[0] for m in models}:
            self.rate.removeItem(self._curves.pop(key))
        middles = (edges[:-1] + edges[1:]) / 2
        for key, label, colour, symbol, binned in models:
            if key not in self._curves:
                self._curves[key] = self.rate.plot([], [], connect="finite")
            curve = self._curves[key]
            curve.setPen(pg.mkPen(colour, width=2))
            curve.setSymbol(symbol)
            curve.setSymbolBrush(colour)
            curve.setSymbolPen(colour)
            curve.setSymbolSize(7)
            curve.setData(middles, 100 * binned.error_rate)
            self.rate_legend.addItem(curve, label)
        highest = max((np.nanmax(m[4].error_rate) for m in models if np.isfinite(m[4].error_rate).any()),
                      default=0.0)
        self.rate.setRange(xRange=(float(edges[0]), float(edges[-1])), yRange=(0, max(100 * highest * 1.15, 1)),
                           padding=0.02)  # from zero: a rise from 1.6 % to 2.9 % must not look like 10×
        label, correct = inspected
        fine = np.linspace(float(brightness.min()), float(brightness.max()), DISTRIBUTION_BINS + 1)
        all_counts, _ = np.histogram(brightness, fine)
        error_counts, _ = np.histogram(brightness[~correct], fine)
        self._all.setData(fine, 100 * all_counts / max(1, all_counts.sum()))
        self._errors.setData(fine, 100 * error_counts / max(1, error_counts.sum()))
        self.spread_legend.clear()
        self.spread_legend.addItem(self._all, self.tr("all {0} test images").format(f"{len(brightness):,}"))
        self.spread_legend.addItem(self._errors, self.tr("the {0} errors of {1}").format(
            f"{int(error_counts.sum()):,}", label))
        self._errors.setVisible(bool(error_counts.sum()))
        self.spread.enableAutoRange()
        self.spread.getViewBox().setLimits(yMin=0)


def symbol_for(seed: int) -> str:
    """Seeds of one kind share its colour and differ by marker."""
    return ("o", "t", "s", "d", "star", "+", "x", "p", "h", "t1")[seed % 10]

