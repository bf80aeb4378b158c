"""How LoRA works, on one layer of the live model: the Learn tab's explainer (issue 14).

The text (`explainerView`) lays out ΔW = s·B·A (s = α/r, α/√r for rsLoRA; DoRA's rescaled rows) for the layer
picked in `explainerLayerCombo`, with the LoRA tab's rank, alpha, variant and LoRA+ ratio (the window passes
them on as they change: every number follows at once). A trained adapter picked in `explainerAdapterCombo` is
read in the worker (explainer_jobs) and drawn: B, A and s·B·A in their true shapes, ΔW's singular values (the
core's LayerDelta: the same count as the Evaluation tab's ΔW view); pointing at a cell of the map
(`explainerDeltaW`) writes the sum it comes from in `explainerCellLabel`. When the picked adapter did not adapt
the chosen layer, the explainer moves to the first layer it did adapt. The window is built before
NumPy and pyqtgraph load, so the maps and the arithmetic are imported in `build_plots`.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lora_studio.core.config import LAYERS, LoraConfig, ModelConfig
from lora_studio.core.model.params import LayerShape, layer_shapes
from lora_studio.gui.learn import explainer_jobs
from lora_studio.gui.learn import explainer_texts as texts
from lora_studio.gui.learn.formulas import DOT, number, signed, sqrt
from lora_studio.gui.shared.state.app_state import AppState, ModelInfo

JOB_KEY = "explainer"
DEFAULT_LAYER = "fc1"
DEFAULT_FEATURES = ("brightness",)  # the LoRA tab's default extra input, until the window says otherwise
ALL_TERMS = 8  # up to this rank the hover label lists every product; above it, the first few
FIRST_TERMS = 4


class ExplainerPanel(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.config = LoraConfig()
        self.adapter: explainer_jobs.AdapterLoaded | None = None  # the picked adapter's factors, once read
        self.adapter_error = ""  # why the picked adapter could not be read
        self.maps = None  # explainer_maps.FactorMaps, made in build_plots
        self.factors: explainer_jobs.LayerFactors | None = None  # of the chosen layer, when drawn
        self.delta = None  # (d, k) ndarray drawn as ΔW
        self.last_cell = None  # explainer_numbers.CellSum of the last cell pointed at

        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("explainerLayerCombo")
        for name in LAYERS:
            self.layer_combo.addItem(name, name)
        self.layer_combo.setCurrentIndex(LAYERS.index(DEFAULT_LAYER))
        self.layer_combo.setToolTip(self.tr("The layer whose weight and update the explanation is about"))
        self.adapter_combo = QComboBox()
        self.adapter_combo.setObjectName("explainerAdapterCombo")
        self.adapter_combo.setMinimumContentsLength(18)
        self.adapter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.adapter_combo.setToolTip(self.tr("A LoRA model from the library whose trained B, A and ΔW are drawn"))
        choices = QHBoxLayout()
        choices.addWidget(QLabel(self.tr("Layer")))
        choices.addWidget(self.layer_combo)
        choices.addSpacing(12)
        choices.addWidget(QLabel(self.tr("Trained adapter")))
        choices.addWidget(self.adapter_combo, 1)

        self.view = QTextBrowser()
        self.view.setObjectName("explainerView")
        self.view.setOpenLinks(False)
        self.maps_box = QWidget()
        self.maps_layout = QVBoxLayout(self.maps_box)
        self.maps_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_label = QLabel(self.tr("Point at a cell of ΔW to see the sum it comes from."))
        self.cell_label.setObjectName("explainerCellLabel")
        self.cell_label.setWordWrap(True)
        self.cell_label.setTextFormat(Qt.TextFormat.RichText)
        self.cell_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cell_label.setMinimumHeight(48)
        self.cell_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.maps_layout.addWidget(self.cell_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.maps_box)
        splitter.setSizes([400, 330])  # the text first: at 800 px high the maps still get a third
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choices)
        layout.addWidget(splitter, 1)

        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.adapter_combo.currentIndexChanged.connect(self._on_adapter)
        self.tab_features: tuple[str, ...] = DEFAULT_FEATURES  # the LoRA tab's extra inputs
        self._render_later = False  # the settings changed while the panel was hidden
        self._read_later = False  # an adapter was picked while the panel was hidden: read it when shown
        state.sigModelsChanged.connect(self._on_models)
        self._on_models(state.models)
        self.render()

    def build_plots(self) -> None:
        """Make the heat maps and the singular-value plot (imports pyqtgraph and NumPy)."""
        from lora_studio.gui.learn.explainer_maps import FactorMaps

        self.maps = FactorMaps()
        self.maps_layout.insertWidget(0, self.maps, 1)
        self.maps.sigCellHovered.connect(self.show_cell)
        self._draw()

    # --- inputs -------------------------------------------------------------------------
    def set_lora_settings(self, config: LoraConfig, features: tuple[str, ...] | None = None) -> None:
        """The LoRA tab's rank, alpha, variant, LoRA+ ratio or extra inputs changed: the numbers follow (a
        picked adapter's own extra inputs still size its fc1)."""
        self.config = config
        if features is not None:
            self.tab_features = features
        if self.isVisible():
            self.render()
        else:  # "Set it up" changes a dozen controls at once: the text is written once, when it is seen
            self._render_later = True

    @property
    def layer(self) -> str:
        return self.layer_combo.currentData() or DEFAULT_LAYER

    def layer_shape(self) -> LayerShape:
        """The chosen layer's shape; fc1 takes the picked adapter's extra features (or brightness)."""
        model = ModelConfig(feature_dim=len(self.features()))
        return next(s for s in layer_shapes(model) if s.name == self.layer)

    def features(self) -> tuple[str, ...]:
        return self.adapter.features if self.adapter is not None else self.tab_features

    # --- the text -----------------------------------------------------------------------
    def render(self) -> None:
        """Rewrite the text with the current layer, settings and adapter, keeping the reader's place."""
        shape, config = self.layer_shape(), self.config
        summary = None
        if self.adapter is not None:  # NumPy is loaded: the factors came as arrays
            from lora_studio.gui.learn import explainer_numbers

            summary = explainer_numbers.summary(self.adapter, self.layer)
        if self.adapter_error:
            adapter = f"<p>{self.adapter_error}</p>"
        else:
            adapter = texts.adapter_html(summary, self.layer, config, self.adapter_combo.count())
        html = "".join((
            self.tr("<h3>How LoRA works on {0}</h3>").format(self.layer), texts.layer_html(shape, self.features()),
            self.tr("<h4>The update</h4>"), texts.update_html(shape, config),
            self.tr("<h4>Parameters</h4>"), texts.params_html(shape, config),
            self.tr("<h4>The trained adapter</h4>"), adapter,
            self.tr("<h4>What the settings change</h4>"), texts.knobs_html(shape, config),
            self.tr("<h4>The brightness feature</h4>"), texts.feature_html(),
        ))
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.setHtml(html)
        bar.setValue(position)

    # --- the adapter --------------------------------------------------------------------
    def _on_models(self, models: list[ModelInfo]) -> None:
        current = self.adapter_combo.currentData()
        adapters = [m for m in models if m.method == "lora" and not m.error]
        self.adapter_combo.blockSignals(True)
        self.adapter_combo.clear()
        for info in adapters:
            self.adapter_combo.addItem(info.label, info.id)
            self.adapter_combo.setItemData(self.adapter_combo.count() - 1, info.settings, Qt.ItemDataRole.ToolTipRole)
        index = self.adapter_combo.findData(current)
        self.adapter_combo.setCurrentIndex(index if index >= 0 else 0 if adapters else -1)
        self.adapter_combo.blockSignals(False)
        if self.adapter_combo.currentData() != current or not adapters:
            self._on_adapter()

    def _on_adapter(self) -> None:
        self.adapter, self.adapter_error = None, ""
        self._read_later = True
        self._read_adapter()
        self.render()
        self._draw()

    def _read_adapter(self) -> None:
        """Read the picked adapter's factors in the worker, once the panel is seen: at start the worker loads the
        data set first, and nobody waits for maps on a tab they have not opened."""
        if not self._read_later or not self.isVisible():
            return
        self._read_later = False
        model_id = self.adapter_combo.currentData()
        if model_id:
            self.state.run_soon(JOB_KEY, explainer_jobs.make_adapter_factors(
                self.state.models_root, model_id, on_done=self._on_factors))
        else:
            self.state.cancel_soon(JOB_KEY)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._render_later:
            self._render_later = False
            self.render()
        self._read_adapter()

    def _on_factors(self, result) -> None:
        if getattr(result, "model_id", None) != self.adapter_combo.currentData():
            return  # another adapter was picked while this one was read
        if result.status == "finished":
            self.adapter = result
            self._show_an_adapted_layer()
        else:
            self.adapter_error = self.tr("This adapter could not be read: {0}").format(result.message)
        self.render()
        self._draw()

    def _show_an_adapted_layer(self) -> None:
        """A freshly read adapter is shown on a layer it adapted: the chosen one if it did, else its first."""
        from lora_studio.gui.learn import explainer_numbers

        if self.adapter is None or self.adapter.layer(self.layer) is not None:
            return
        layer = explainer_numbers.first_adapted(self.adapter, LAYERS)
        if layer is not None:
            self.layer_combo.blockSignals(True)  # render and draw once, in _on_factors
            self.layer_combo.setCurrentIndex(self.layer_combo.findData(layer))
            self.layer_combo.blockSignals(False)

    def _on_layer(self) -> None:
        self.render()
        self._draw()

    # --- the maps -----------------------------------------------------------------------
    def _draw(self) -> None:
        if self.maps is None:
            return
        from lora_studio.gui.learn import explainer_numbers

        self.factors = self.delta = None
        self.cell_label.setText("")  # a sum of the maps drawn before would be read as this layer's
        if self.adapter is None:
            self.maps.show_hint(self.adapter_error or (
                self.tr("Reading the adapter…") if self.adapter_combo.count()
                else self.tr("Fine-tune a LoRA model to see its B, A and ΔW here")))
            return
        factors = self.adapter.layer(self.layer)
        if factors is None:
            self.maps.show_hint(self.tr("{0} did not adapt {1}").format(self.adapter.name, self.layer))
            return
        self.factors = factors
        self.delta = explainer_numbers.drawn_update(factors)
        low_rank = factors.delta is None or factors.delta.is_low_rank
        self.maps.show_factors(factors.b, factors.a, self.delta, low_rank)
        self.maps.show_singular_values(explainer_numbers.shown_singular_values(factors), self.adapter.rank,
                                       low_rank)
        self.cell_label.setText(self.tr("Point at a cell of ΔW to see the sum it comes from."))

    def show_cell(self, row: int, column: int) -> None:
        """The mouse is over cell (row, column) of ΔW (-1: off the map): write the sum the cell comes from."""
        if self.maps is None or self.factors is None or self.delta is None or row < 0:
            if self.maps is not None:
                self.maps.highlight(-1, -1)
            return
        from lora_studio.gui.learn import explainer_numbers

        self.maps.highlight(row, column)
        cell = explainer_numbers.cell_sum(self.factors, self.delta, row, column)
        self.last_cell = cell
        self.cell_label.setText(self.cell_text(cell) + self._column_text(column))

    def cell_text(self, cell) -> str:
        """"ΔW[3, 17] = (α/r)·Σₜ B[3,t]·A[t,17] = 2 × (0.012·(−0.3) + …) = −0.0214"."""
        terms = [f"{number(b) if i == 0 else signed(b)}{DOT}{signed(a)}"
                 for i, (b, a) in enumerate(zip(cell.b, cell.a, strict=True))]
        if len(terms) > ALL_TERMS:
            terms = terms[:FIRST_TERMS] + ["…"]
        variant = self.adapter.variant
        if variant == "dora":
            text = self.tr("(<i>s</i>·<i>B</i>·<i>A</i>)[{0}, {1}] = <i>s</i>·Σ<sub><i>t</i></sub> "
                           "<i>B</i>[{0},<i>t</i>]·<i>A</i>[<i>t</i>,{1}] = {2} × ({3}) = <b>{4}</b>")
        elif variant == "rslora":
            text = self.tr("Δ<i>W</i>[{0}, {1}] = (α/{5})·Σ<sub><i>t</i></sub> <i>B</i>[{0},<i>t</i>]·"
                           "<i>A</i>[<i>t</i>,{1}] = {2} × ({3}) = <b>{4}</b>")
        else:
            text = self.tr("Δ<i>W</i>[{0}, {1}] = (α/<i>r</i>)·Σ<sub><i>t</i></sub> <i>B</i>[{0},<i>t</i>]·"
                           "<i>A</i>[<i>t</i>,{1}] = {2} × ({3}) = <b>{4}</b>")
        return text.format(cell.row, cell.column, number(cell.scale), " + ".join(terms), number(cell.value, 6),
                           sqrt("<i>r</i>"))

    def _column_text(self, column: int) -> str:
        from lora_studio.gui.learn import explainer_numbers

        meaning = explainer_numbers.column_meaning(self.factors, column, self.adapter.features)
        if isinstance(meaning, tuple):
            return "<br>" + self.tr("Column {0} is input channel {1}, kernel row {2}, kernel column {3}.").format(
                column, *meaning)
        if isinstance(meaning, str):
            return "<br>" + self.tr("Column {0} is the extra input feature “{1}”.").format(column, meaning)
        return ""
