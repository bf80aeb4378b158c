"""Formula rich text: numbers as a reader expects them, and fractions Qt really draws as two storeys with a rule."""

from PySide6.QtGui import QTextDocument, QTextTable

from lora_studio.gui.learn import formulas


def tables(document: QTextDocument, html: str) -> list[QTextTable]:
    """Every table Qt builds from `html` in `document` (which owns them), nested ones included."""
    document.setHtml(html)
    found, frames = [], [document.rootFrame()]
    while frames:
        frame = frames.pop()
        if isinstance(frame, QTextTable):
            found.append(frame)
        frames.extend(frame.childFrames())
    return found


def test_numbers_use_a_true_minus_and_powers_of_ten():
    assert formulas.number(-0.021437) == "−0.02144"
    assert formulas.number(2.0) == "2" and formulas.number(0) == "0" and formulas.number(5.656854) == "5.657"
    assert formulas.number(1.2346e-5) == "1.235×10⁻⁵"
    assert formulas.number(-3e7) == "−3×10⁷"
    assert formulas.number(123456) == "123456"
    assert formulas.signed(-0.3) == "(−0.3)" and formulas.signed(0.3) == "0.3"
    assert formulas.integer(50240) == "50\u202f240" and formulas.integer(72) == "72"
    assert formulas.shape(64, 785) == "64 × 785"


def test_a_fraction_is_a_two_row_table_with_a_rule_under_the_numerator():
    html = formulas.display("Δ" + formulas.var("W") + " = ", formulas.frac("α", formulas.var("r")), "· B·A")
    document = QTextDocument()
    outer, inner = sorted(tables(document, html), key=lambda t: t.rows())
    assert (outer.rows(), outer.columns()) == (1, 3)
    assert (inner.rows(), inner.columns()) == (2, 1)
    numerator = inner.cellAt(0, 0).format().toTableCellFormat()
    denominator = inner.cellAt(1, 0).format().toTableCellFormat()
    assert numerator.bottomBorder() > 0 and denominator.bottomBorder() == 0
    assert document.toPlainText().split() == ["ΔW", "=", "α", "r", "·", "B·A"]


def test_square_root_and_markup_helpers():
    assert formulas.sqrt("r") == '√<span style="text-decoration: overline">r</span>'
    assert formulas.sub("m", "i") == "m<sub>i</sub>" and formulas.sup("e", "2") == "e<sup>2</sup>"
    assert formulas.var("W") == "<i>W</i>" and formulas.norm("W") == "‖W‖"
    document = QTextDocument()
    document.setHtml(formulas.sqrt("8"))
    block = document.begin()
    overlined = [f.format.fontOverline() for f in block.textFormats()]  # ["√" plain, "8" overlined]
    assert overlined == [False, True]
