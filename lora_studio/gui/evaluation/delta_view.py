"""What LoRA changed: ΔW of each adapted layer, its singular values, and fc1's feature columns.

The numbers come from the core (`inspection.lora_deltas`: `LayerDelta`, `feature_columns`), computed in the
evaluation job: the scale s is the layer's own (α/r, α/√r for rsLoRA), the count of non-zero singular values
is `LayerDelta.nonzero` (the Learn tab's explainer shows the same). The table lists the adapted layers with
‖ΔW‖/‖W‖ and that count (never more than r for LoRA and rsLoRA: that is what "low rank" means; DoRA's
W′ − W also rescales rows and need not be low rank); choosing a row shows that layer's ΔW as a heat map
(diverging colours, white at 0) and its singular values.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from lora_studio.gui.i18n import core_texts
from lora_studio.gui.shared.heatmap import DIVERGING, HeatMap
from lora_studio.gui.shared.plots import dress

COLUMNS = (QT_TRANSLATE_NOOP("DeltaWView", "Layer"), QT_TRANSLATE_NOOP("DeltaWView", "Shape"), "σ ≠ 0", "‖ΔW‖/‖W‖")
FEATURE_COLOURS = ("#d95f02", "#1b9e77", "#7570b3", "#e7298a")
INPUTS = {"conv1": QT_TRANSLATE_NOOP("DeltaWView", "input (1 channel × 3 × 3)"),
          "conv2": QT_TRANSLATE_NOOP("DeltaWView", "input (8 channels × 3 × 3)"),
          "fc1": QT_TRANSLATE_NOOP("DeltaWView", "input (784 image features, then the extra features)"),
          "fc2": QT_TRANSLATE_NOOP("DeltaWView", "input (64 hidden units)")}


#: how each variant makes its scale s from α and r (config.LoraConfig.scale); a variant registered elsewhere is
#: shown by its value alone
SCALE_RULES = {"lora": ("α/r", "{0}/{1}"), "rslora": ("α/√r", "{0}/√{1}"), "dora": ("α/r", "{0}/{1}")}


def scale_words(delta, alpha: float | None) -> str:
    """"α/r = 16/8 = 2", "α/√r = 16/√8 = 5.657": the scale of `delta` (a core LayerDelta), its value the core's."""
    value = f"{delta.scale:.4g}"
    if delta.variant not in SCALE_RULES:
        return value
    rule, filled = SCALE_RULES[delta.variant]
    if alpha is None:
        return f"{rule} = {value}"
    return f"{rule} = {filled.format(f'{alpha:g}', delta.rank)} = {value}"


def _plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setMinimumSize(220, 110)  # two of them and a note in one column: it must fit the tab at 1280×800
    dress(plot.getPlotItem(), title, x_label, y_label, grid=(False, True), fixed=True)
    return plot


class DeltaWView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("deltaWView")
        self.heading = QLabel(self.tr("Evaluate a LoRA model to see the update it learned for each layer."))
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("deltaWTable")
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Pick a layer to see its update. σ ≠ 0: singular values of ΔW that are not "
                                      "zero (to float precision), of all it has; ‖ΔW‖/‖W‖: the size of the update "
                                      "against the frozen weight (Frobenius norms)"))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumWidth(300)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heatmap = HeatMap("ΔW", self.tr("input"), self.tr("output unit"), colour_bar=True)
        self.heatmap.show_hint(self.tr("No LoRA update to show yet"))
        self.singular = _plot(self.tr("Singular values of ΔW"), self.tr("index"), "σ")
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush="#1b6fb5", pen=None)
        self.singular.addItem(self._bars)
        self._rank_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#c0392b", width=1.5, style=Qt.PenStyle.DashLine),
                                          label="r", labelOpts={"position": 0.9, "color": "#c0392b"})
        self.singular.addItem(self._rank_line)
        self.features = _plot(self.tr("fc1's weights for the extra feature"), self.tr("hidden unit"), self.tr("weight"))
        self._feature_bars: list[pg.BarGraphItem] = []
        self._feature_legend = self.features.getPlotItem().addLegend(offset=(-10, 10), labelTextSize="9pt")
        scale_pen = pg.mkPen("#777777", width=1, style=Qt.PenStyle.DashLine)
        self._scale_lines = [pg.InfiniteLine(angle=0, pen=scale_pen) for _ in range(2)]
        for line in self._scale_lines:
            self.features.addItem(line)
        self.feature_note = QLabel()
        self.feature_note.setWordWrap(True)
        self.feature_note.setStyleSheet("color: #555555;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        grid.addWidget(self.table, 1, 0)
        grid.addWidget(self.note, 2, 0, 2, 1)
        grid.addWidget(self.heatmap, 1, 1, 3, 1)
        grid.addWidget(self.singular, 1, 2)
        grid.addWidget(self.features, 2, 2)
        grid.addWidget(self.feature_note, 3, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        self._row = None
        self.table.itemSelectionChanged.connect(self._on_row)

    # --- filling ------------------------------------------------------------------------
    def set_model(self, label: str, row) -> None:
        """row: an evaluation_jobs.EvaluatedModel (None: nothing evaluated)."""
        self._row = row
        self.table.setRowCount(0)
        if row is None or not row.deltas:
            self.heading.setText(
                self.tr("<b>{0}</b>: no LoRA update to show (it is a base model, without LoRA). Inspect a LoRA "
                        "model.").format(label)
                if row is not None else self.tr("Evaluate a LoRA model to see the update it learned."))
            self.heatmap.show_hint(self.tr("Inspect a LoRA model to see ΔW"))
            self._bars.setOpts(x=[], height=[])
            self._rank_line.setVisible(False)
            self.note.setText("")
        else:
            heading = self.update_heading(label, row.deltas[0], row.alpha)
            if row.deltas[0].strength != 1:
                heading += " " + self.tr("At adapter strength {0} %, the maps show {1} × ΔW.").format(
                    f"{100 * row.deltas[0].strength:.0f}", f"{row.deltas[0].strength:g}")
            self.heading.setText(heading)
            self._fill_table(row)
            self.table.selectRow(0)
            self.note.setText(self.update_note(row.deltas[0], row.alpha))
        self._show_features(row)

    def update_heading(self, label: str, delta, alpha: float | None) -> str:
        """What ΔW is for the model's variant, with its scale s as the core computed it (`LayerDelta.scale`)."""
        if not delta.is_low_rank:  # DoRA: W′ − W is not s·B·A
            return self.tr(
                "<b>{0}</b> is DoRA: each row of an adapted layer's weight became W′ = m · (W + s·B·A) / ‖W + "
                "s·B·A‖, with s = {1}, B (out × {2}) times A ({2} × in), and m the row's learned length. The heat "
                "map shows ΔW = W′ − W: the low-rank s·B·A and that rescaling together. Only A, B and m were "
                "trained; W stayed frozen.").format(label, scale_words(delta, alpha), delta.rank)
        return self.tr(
            "<b>{0}</b>: each adapted layer's weight became W + ΔW with ΔW = s·B·A, s = {1}, B (out × {2}) times A "
            "({2} × in). Only A and B were trained; W stayed frozen.").format(
            label, scale_words(delta, alpha), delta.rank)

    def update_note(self, delta, alpha: float | None) -> str:
        """Why ΔW has at most r non-zero singular values, or, for DoRA, why it need not."""
        if not delta.is_low_rank:
            return self.tr(
                "s·B·A has rank at most r = {0}, but W′ − W also rescales every row of W to its learned length: it "
                "need not be low rank, and more than {0} of its singular values can be non-zero. The scale s = {1} "
                "multiplies B·A inside the rescaled direction.").format(delta.rank, scale_words(delta, alpha))
        return self.tr(
            "A product of a (out × {0}) and a ({0} × in) matrix has rank at most r = {0}: at most {0} singular "
            "values can be non-zero, whatever the layer's size. The scale s = {1} multiplies the whole "
            "update.").format(delta.rank, scale_words(delta, alpha))

    def _fill_table(self, row) -> None:
        self.table.setRowCount(len(row.deltas))
        for r, delta in enumerate(row.deltas):
            cells = (delta.layer, f"{delta.delta.shape[0]} × {delta.delta.shape[1]}",
                     self.tr("{0} of {1}").format(delta.nonzero, len(delta.singular_values)),
                     f"{100 * delta.relative_norm:.2f} %")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)

    def show_layer(self, name: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == name:
                self.table.selectRow(r)

    def shown_layer(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def _on_row(self) -> None:
        name = self.shown_layer()
        if self._row is None or name is None:
            return
        delta = next(d for d in self._row.deltas if d.layer == name)
        # the colours span ± the 99.5th percentile of |ΔW|: a few large entries would leave the rest white
        bound = float(max(np.percentile(np.abs(delta.delta), 99.5), 1e-12))
        self.heatmap.set_matrix(delta.delta, (-bound, bound), DIVERGING)
        self.heatmap.getPlotItem().setTitle(self.tr("ΔW of {0} ({1} × {2}), ‖ΔW‖/‖W‖ = {3} %").format(
            name, delta.delta.shape[0], delta.delta.shape[1], f"{100 * delta.relative_norm:.2f}"), size="10pt")
        self.heatmap.getPlotItem().setLabel("bottom", self.tr(INPUTS[name]) if name in INPUTS else self.tr("input"))
        values = delta.singular_values
        self._bars.setOpts(x=np.arange(1, len(values) + 1), height=values, width=0.7)
        self._rank_line.setPos(delta.rank + 0.5)
        self._rank_line.label.setFormat(f"r = {delta.rank}")
        self._rank_line.setVisible(True)
        self.singular.getPlotItem().setTitle(
            self.tr("Singular values of ΔW: {0} of {1} non-zero").format(delta.nonzero, len(values)),
            size="10pt")
        self.singular.getPlotItem().getViewBox().autoRange()

    def _show_features(self, row) -> None:
        for bars in self._feature_bars:
            self.features.removeItem(bars)
        self._feature_bars = []
        self._feature_legend.clear()
        weights = None if row is None else row.feature_weights
        has = weights is not None and weights.size > 0
        for line in self._scale_lines:
            line.setVisible(has)
        if not has:
            self.features.getPlotItem().setTitle(self.tr("fc1's weights for an extra feature"), size="10pt")
            self.feature_note.setText(self.tr("This model has no extra input feature (a base model or the control).")
                                      if row is not None else "")
            return
        hidden, count = weights.shape
        titles = [core_texts.feature_word(name) for name in row.features]  # "brightness"
        width = 0.8 / count
        for f in range(count):
            bars = pg.BarGraphItem(x=np.arange(hidden) + (f - (count - 1) / 2) * width, height=weights[:, f],
                                   width=width, brush=FEATURE_COLOURS[f % len(FEATURE_COLOURS)], pen=None)
            self.features.addItem(bars)
            self._feature_bars.append(bars)
            if count > 1:  # one feature is named in the title
                self._feature_legend.addItem(bars, titles[f])
        scale = row.image_weight_scale or 0.0
        self._scale_lines[0].setPos(scale)
        self._scale_lines[1].setPos(-scale)
        names = titles[0]
        for title in titles[1:]:
            names = self.tr("{0} and {1}").format(names, title)
        self.features.getPlotItem().setTitle(
            self.tr("fc1's weights for {0} (new columns)").format(names) if count > 1 else
            self.tr("fc1's weights for {0} (new column)").format(names), size="10pt")
        self.features.getPlotItem().getViewBox().autoRange()
        strength = float(np.abs(weights).mean())
        self.feature_note.setText(self.tr(
            "One weight per hidden unit multiplies the standardised {0}. Their mean |w| is {1}; dashed: ± the mean "
            "|w| of fc1's 784 image columns ({2}), for scale. (Where LoRA adapts fc1, its part of ΔW is "
            "included.)").format(names, f"{strength:.3f}", f"{scale:.3f}"))
