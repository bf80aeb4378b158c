"""The explainer's words: "How LoRA works" for one layer, as Qt rich text with the live numbers filled in.

Every paragraph is one translatable unit (QCoreApplication.translate, context "Explainer") with numbered
placeholders; the formulas (formulas.py) and numbers are put in with `format`, so a translator moves whole
sentences and never sees markup for a fraction. Pure Python: the window builds this text before NumPy or
PyTorch load. Shapes come from core.model.params (d outputs, k inputs; a convolution's k is in·kh·kw), the LoRA
tab's scale from LoraConfig.scale and a trained adapter's from its layers (the core's LayerDelta). The
variant decides the words: α/r or α/√r, and for DoRA an update W′ − W that rescales rows and need not be
low rank.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from lora_studio.core.config import LoraConfig
from lora_studio.core.model.params import LayerShape
from lora_studio.gui.i18n import core_texts
from lora_studio.gui.i18n.words import variant_title
from lora_studio.gui.learn.formulas import DOT, display, frac, integer, norm, number, shape, sqrt, sub, var

translate = QCoreApplication.translate
D, K, R, S, W, B, A = var("d"), var("k"), var("r"), var("s"), var("W"), var("B"), var("A")
ALPHA = var("α")
BA = f"{B}{DOT}{A}"
FLAT_CONV_FEATURES = 784  # what conv2's output (16 channels × 7 × 7) gives fc1 when flattened


@dataclass(frozen=True)
class AdapterSummary:
    """What the text says about the trained adapter picked for the chosen layer (numbers from NumPy)."""

    name: str
    rank: int
    alpha: float
    variant: str
    scale: float
    layers: tuple[str, ...]  # the layers it adapted
    adapted: bool  # whether it adapted the chosen layer (the numbers below are then about that layer)
    # the core's LayerDelta of that layer, the numbers the Evaluation tab's ΔW view shows too:
    relative_norm: float = 0.0  # ‖ΔW‖ / ‖W‖, ΔW = W′ − W
    nonzero: int = 0  # singular values of ΔW that are not zero to float32 precision (inspection.numerical_rank)
    singular_count: int = 0  # min(d, k)
    low_rank: bool = True  # ΔW = s·B·A (LoRA, rsLoRA); False for DoRA, whose ΔW also rescales rows
    dora_factors: tuple[float, float] | None = None  # smallest and largest m_i / ‖(W + s·B·A)_i‖


def scale_formula(config: LoraConfig) -> str:
    """s = α/r = 16/8 = 2 (or α/√r for rsLoRA), as a displayed formula."""
    rank, alpha, scale = config.rank, number(config.alpha), number(config.scale)
    if config.variant == "rslora":
        return display(f"{S} = ", frac(ALPHA, sqrt(R)), " = ", frac(alpha, sqrt(str(rank))), f" = {scale}")
    return display(f"{S} = ", frac(ALPHA, R), " = ", frac(alpha, str(rank)), f" = {scale}")


def layer_html(layer: LayerShape, features: tuple[str, ...]) -> str:
    """What the frozen W of `layer` is, and for a convolution how its kernel becomes a matrix row."""
    d, k = layer.out_features, layer.in_features * layer.kernel**2
    if layer.kind == "conv":
        kk = layer.kernel**2
        return translate("Explainer",
            "<p><b>{0}</b> is a convolution from {1} to {2} channels with a {3} × {3} kernel. Its frozen weight is "
            "a tensor of shape ({2}, {1}, {3}, {3}); LoRA treats it as a matrix <i>W</i> of <i>d</i> × <i>k</i> = "
            "{4}: one row per output channel, holding that channel's whole kernel.</p>"
            "<p>The kernel is flattened in PyTorch's row-major order over (input channel, kernel row, kernel "
            "column): column <i>c</i> = channel · {5} + row · {3} + column, so columns 0–{6} are input channel 0's "
            "kernel read row by row, then channel 1's, and so on. The adapters are stored channels-last (NHWC) in "
            "memory for speed: that moves the numbers in memory, not this order, which the heat maps below use "
            "too. <i>A</i> is itself a {3} × {3} convolution from {1} channels to <i>r</i> (as a matrix, "
            "<i>r</i> × {7}) and <i>B</i> a 1 × 1 convolution from <i>r</i> to {2} channels (<i>d</i> × "
            "<i>r</i>).</p>").format(layer.name, layer.in_features, layer.out_features, layer.kernel, shape(d, k),
                                      kk, kk - 1, k)
    if layer.name == "fc1":
        extra = layer.in_features - FLAT_CONV_FEATURES
        if not extra:
            return translate("Explainer",
                "<p><b>fc1</b> is a linear layer, <i>y</i> = <i>W x</i> + <i>b</i>, with <i>W</i> of <i>d</i> × "
                "<i>k</i> = {0}: {1} hidden units, each reading the {2} numbers the convolutions leave (16 channels "
                "× 7 × 7, flattened). No extra input: as in the base.</p>"
            ).format(shape(d, k), d, FLAT_CONV_FEATURES)
        names = core_texts.listed(core_texts.feature_title(name) for name in features)
        return translate("Explainer",
            "<p><b>fc1</b> is a linear layer, <i>y</i> = <i>W x</i> + <i>b</i>, with <i>W</i> of <i>d</i> × "
            "<i>k</i> = {0}: {1} hidden units, each reading the {2} numbers the convolutions leave (16 channels × "
            "7 × 7, flattened) followed by {3} extra input feature(s) ({4}) in the last column(s).</p>"
        ).format(shape(d, k), d, FLAT_CONV_FEATURES, extra, names)
    return translate("Explainer",
        "<p><b>{0}</b> is a linear layer, <i>y</i> = <i>W x</i> + <i>b</i>, with <i>W</i> of <i>d</i> × <i>k</i> = "
        "{1}: {2} outputs, each reading {3} inputs.</p>").format(layer.name, shape(d, k), d, k)


def update_html(layer: LayerShape, config: LoraConfig) -> str:
    """ΔW = (α/r)·B·A (α/√r for rsLoRA) with this layer's d, k and the LoRA tab's r and α filled in; for DoRA the
    rescaled rows W′ and what that makes of ΔW = W′ − W."""
    d, k, r = layer.out_features, layer.in_features * layer.kernel**2, config.rank
    shapes = shape(d, r), shape(r, k), shape(d, k), r
    if config.variant == "dora":
        direction = f"({W} + {S}{DOT}{BA})<sub><i>i</i></sub>"
        formula = display(sub(f"{W}′", var("i")) + " = " + sub(var("m"), var("i")) + " · ",
                          frac(direction, norm(direction)), "&nbsp;&nbsp;&nbsp;", f"Δ{W} = {W}′ − {W}")
        text = translate("Explainer",
            "<p><i>B</i> is <i>d</i> × <i>r</i> = {0} and <i>A</i> is <i>r</i> × <i>k</i> = {1}, so <i>B</i>·<i>A</i> "
            "has the shape of <i>W</i>, {2}, but a rank of at most <i>r</i> = {3}. DoRA adds "
            "<i>s</i>·<i>B</i>·<i>A</i> to <i>W</i> for a direction, then rescales each row <i>i</i> of it to a "
            "learned length <i>m<sub>i</sub></i>. Training moves <i>A</i>, <i>B</i> and <i>m</i>, never <i>W</i>. The "
            "update the layer acts with, Δ<i>W</i> = <i>W</i>′ − <i>W</i>, includes that rescaling of every row, so "
            "it need not be low rank, whatever <i>r</i> is. Inside the direction, <i>B</i>·<i>A</i> is multiplied by "
            "the scale</p>").format(*shapes)
        return formula + text + scale_formula(config)
    fraction = frac(ALPHA, sqrt(R)) if config.variant == "rslora" else frac(ALPHA, R)
    formula = display("Δ" + W + " = ", fraction, f"{DOT} {BA}", "&nbsp;&nbsp;&nbsp;", f"{W}′ = {W} + Δ{W}")
    text = translate("Explainer",
        "<p><i>B</i> is <i>d</i> × <i>r</i> = {0} and <i>A</i> is <i>r</i> × <i>k</i> = {1}, so <i>B</i>·<i>A</i> "
        "has the shape of <i>W</i>, {2}, but a rank of at most <i>r</i> = {3}. <i>A</i> starts small and random "
        "and <i>B</i> at zero, so a fresh adapter changes nothing; training moves only <i>A</i> and <i>B</i>, "
        "never <i>W</i>. The layer computes <i>W x</i> + <i>s</i>·<i>B</i>(<i>A x</i>) + <i>b</i>, with the "
        "scale</p>").format(*shapes)
    return formula + text + scale_formula(config)


def params_html(layer: LayerShape, config: LoraConfig) -> str:
    """Parameters of a full update (d·k) against the adapter's (r·(d + k), + d for DoRA), and the saving."""
    d, k, r = layer.out_features, layer.in_features * layer.kernel**2, config.rank
    full, low_rank, adapter = d * k, r * (d + k), layer.lora_params(r, config.variant)
    rows = [(translate("Explainer", "A full update of <i>W</i>"), f"{D}{DOT}{K}", f"{d} {DOT} {k}", integer(full)),
            (translate("Explainer", "LoRA's <i>B</i> and <i>A</i>"), f"{R}{DOT}({D} + {K})",
             f"{r} {DOT} ({d} + {k})", integer(low_rank))]
    if config.variant == "dora":
        rows.append((translate("Explainer", "DoRA's magnitudes <i>m</i>"), D, str(d), integer(d)))
        rows.append((translate("Explainer", "The whole adapter"), "", "", f"<b>{integer(adapter)}</b>"))
    cells = "".join(f'<tr><td>{a}</td><td style="padding: 0 10px">{b}</td><td>{c}</td>'
                    f'<td align="right" style="padding-left: 10px">= {e}</td></tr>' for a, b, c, e in rows)
    table = f'<table cellspacing="0" cellpadding="2" style="margin: 4px 20px">{cells}</table>'
    if adapter < full:
        saving = translate("Explainer",
            "<p>The adapter trains {0} parameters instead of {1}: {2} % of them, {3} times fewer.</p>"
        ).format(integer(adapter), integer(full), number(100 * adapter / full, 3), number(full / adapter, 3))
    else:
        saving = translate("Explainer",
            "<p>At rank {0} the adapter has {1} parameters, not fewer than the {2} of <i>W</i> itself: on this "
            "small layer LoRA saves parameters only below <i>r</i> = <i>d k</i> / (<i>d</i> + <i>k</i>) = {3}.</p>"
        ).format(r, integer(adapter), integer(full), number(full / (d + k), 3))
    return table + saving


def adapter_html(summary: AdapterSummary | None, layer: str, config: LoraConfig, listed: int) -> str:
    """The trained adapter: whether it adapted `layer`, ‖ΔW‖/‖W‖, its singular values, DoRA's rescaling."""
    if summary is None:
        if listed:
            return translate("Explainer", "<p>Reading the adapter…</p>")
        return translate("Explainer",
            "<p>There is no LoRA adapter in the library yet: fine-tune one on the LoRA tab, then pick it above to "
            "see its <i>B</i>, <i>A</i> and Δ<i>W</i> in their true shapes.</p>")
    if not summary.adapted:
        return translate("Explainer",
            "<p><b>{0}</b> did not adapt {1}: its adapters are on {2}. Choose one of those layers above, or another "
            "adapter.</p>").format(summary.name, layer, core_texts.listed(summary.layers))
    variant = variant_title(summary.variant)
    if summary.low_rank:
        html = translate("Explainer",
            "<p><b>{0}</b> was trained with <i>r</i> = {1}, α = {2} ({3}), so <i>s</i> = {4}. Below, <i>B</i>, "
            "<i>A</i> and Δ<i>W</i> = <i>s</i>·<i>B</i>·<i>A</i> are drawn in their true shapes (blue negative, red "
            "positive, white zero). Point at a cell of Δ<i>W</i> to see the sum it comes from: row <i>i</i> of "
            "<i>B</i> times column <i>j</i> of <i>A</i>, times <i>s</i>.</p>").format(
            summary.name, summary.rank, number(summary.alpha), variant, number(summary.scale))
        html += display(norm(f"Δ{W}") + " / " + norm(W) + f" = {number(summary.relative_norm, 3)}")
        html += translate("Explainer",
            "<p>The update is {0} % of the frozen weight's size (Frobenius norms). {1} of its {2} singular values "
            "are non-zero, never more than <i>r</i> = {3}: that is what low rank means. The plot beside the maps "
            "shows them.</p>").format(number(100 * summary.relative_norm, 3), summary.nonzero,
                                      summary.singular_count, summary.rank)
    else:
        html = translate("Explainer",
            "<p><b>{0}</b> was trained with <i>r</i> = {1}, α = {2} ({3}), so <i>s</i> = {4}. Below, <i>B</i>, "
            "<i>A</i> and the low-rank part <i>s</i>·<i>B</i>·<i>A</i> of the new direction are drawn in their "
            "true shapes (blue negative, red positive, white zero). Point at a cell of <i>s</i>·<i>B</i>·<i>A</i> "
            "to see the sum it comes from: row <i>i</i> of <i>B</i> times column <i>j</i> of <i>A</i>, times "
            "<i>s</i>.</p>").format(summary.name, summary.rank, number(summary.alpha), variant, number(summary.scale))
        html += display(norm(f"{W}′ − {W}") + " / " + norm(W) + f" = {number(summary.relative_norm, 3)}")
        factors = summary.dora_factors or (1.0, 1.0)
        html += translate("Explainer",
            "<p>This adapter is DoRA: it rescales each row <i>i</i> of <i>W</i> + <i>s</i>·<i>B</i>·<i>A</i> to its "
            "learned length <i>m<sub>i</sub></i> (the factors <i>m<sub>i</sub></i> / ‖row <i>i</i>‖ run from {0} to "
            "{1} here), so the update the layer acts with, Δ<i>W</i> = <i>W</i>′ − <i>W</i>, includes that "
            "rescaling and need not be low rank: its size is {2} of ‖<i>W</i>‖, and {3} of its {4} singular values are "
            "non-zero where <i>s</i>·<i>B</i>·<i>A</i> alone has at most <i>r</i> = {5}. The plot beside the maps "
            "shows those of <i>W</i>′ − <i>W</i>.</p>").format(
            number(factors[0]), number(factors[1]), number(summary.relative_norm, 3), summary.nonzero,
            summary.singular_count, summary.rank)
    if (summary.rank, summary.alpha, summary.variant) != (config.rank, config.alpha, config.variant):
        html += translate("Explainer",
            "<p>The formulas and counts above follow the LoRA tab (<i>r</i> = {0}, α = {1}, {2}); this adapter's "
            "own settings are the ones in this paragraph.</p>").format(
            config.rank, number(config.alpha), variant_title(config.variant))
    return html


def knobs_html(layer: LayerShape, config: LoraConfig) -> str:
    """One paragraph each for rank, alpha, rsLoRA, DoRA, LoRA+ and merge, each with its formula."""
    d, r, alpha = layer.out_features, config.rank, config.alpha
    plain, stable = alpha / r, alpha / r**0.5
    parts = [
        translate("Explainer",
            "<p><b>Rank <i>r</i></b> is the inner size of <i>B</i>·<i>A</i>. It bounds how many independent "
            "directions the update can have and sets the adapter's size, which grows in step with it. Here "
            "<i>r</i> = {0}.</p>").format(r),
        # DoRA's ΔW also rescales rows: only its B·A is bounded by r
        display(translate("Explainer", "rank", "the rank of a matrix, as a formula writes it: rank(ΔW)"),
                f"({BA if config.variant == 'dora' else 'Δ' + W}) ≤ {R}"),
        translate("Explainer",
            "<p><b>Alpha α</b> scales the update. With plain LoRA the scale is α/<i>r</i>, so a higher rank at "
            "the same α damps each direction; keeping α/<i>r</i> fixed (α = 2<i>r</i> is common) keeps the "
            "update's size comparable across ranks. With Adam, a larger α acts much like a larger learning rate "
            "for the adapter. Here α/<i>r</i> = {0}.</p>").format(number(plain)),
        display(f"Δ{W} = ", frac(ALPHA, R), f"{DOT} {BA}"),
        translate("Explainer",
            "<p><b>rsLoRA</b> (rank-stabilised LoRA) divides by √<i>r</i> instead of <i>r</i>, so the update keeps "
            "its size as the rank grows and a higher rank can actually learn more. At these settings its scale is "
            "{0} where plain LoRA's is {1}.</p>").format(number(stable), number(plain)),
        display(f"{S} = ", frac(ALPHA, sqrt(R))),
        translate("Explainer",
            "<p><b>DoRA</b> (weight-decomposed LoRA) splits each row of the new weight into a length and a "
            "direction: the direction is that row of <i>W</i> + <i>s</i>·<i>B</i>·<i>A</i>, the length "
            "<i>m<sub>i</sub></i> is learned, starting at the row's own length. It adds <i>d</i> = {0} parameters, "
            "one magnitude per output, to the adapter.</p>").format(d),
        display(sub(f"{W}′", var("i")) + " = " + sub(var("m"), var("i")) + " · ",
                frac(f"({W} + {S}{DOT}{BA})<sub><i>i</i></sub>", norm(f"({W} + {S}{DOT}{BA})<sub><i>i</i></sub>"))),
        translate("Explainer",
            "<p><b>LoRA+</b> changes training, not the formula: <i>B</i> learns with a learning rate λ times "
            "<i>A</i>'s, because <i>B</i> starts at zero and has further to go. Here λ = {0} (1 is plain "
            "LoRA).</p>").format(number(config.lora_plus_ratio)),
        display(sub(var("η"), B) + " = λ · " + sub(var("η"), A)),
        translate("Explainer",
            "<p><b>Merge</b> writes the update into the frozen weight once training is done (DoRA writes its "
            "<i>W</i>′). The merged layer computes exactly what the adapted one did, with one matrix and no extra "
            "work; unmerging restores <i>W</i>. The model library's “export merged weights” does this.</p>"),
        display(f"{W} ← {W} + Δ{W}"),
    ]
    return "".join(parts)


def feature_html() -> str:
    """The seed article's brightness feature: fc1's extra column, and why its effect needs a control run."""
    return translate("Explainer",
        "<p><b>The article's brightness feature.</b> The fine-tuned model's fc1 takes one more input than the "
        "base's: after the 784 convolution features comes the image's mean brightness (standardised). So its "
        "<i>W</i> gains a column, column 784 (the 785th). The base model's 784 columns are copied and stay frozen; "
        "the new one starts random and is trained directly, beside the adapters (fc1's <i>A</i> also has a column "
        "for it).</p>"
        "<p><b>Why its effect needs a control.</b> A fine-tuned model can score higher simply because it trained "
        "longer, with new parameters, on the same data. To see what the brightness column itself adds, the app "
        "also runs a control: the same LoRA fine-tuning, same seeds and epochs, without the extra feature. The "
        "feature's effect is the difference between the two, with its uncertainty over seeds (the Evaluation "
        "tab's accuracy table).</p>")
