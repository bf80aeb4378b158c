"""Formulas as Qt rich text, for the Learn tab's explainer: no web engine, no LaTeX, nothing fetched.

Qt's HTML subset has no inline boxes, so anything two-storey (a fraction) is a table: a formula shown on
its own line is a one-row table whose cells sit side by side, and a fraction is a two-row table nested in
one of them with a rule (a bottom border, which Qt 6 draws per cell) under the numerator. A square root
is √ followed by its radicand under an overline. Numbers are written with a true minus sign and powers of
ten as superscripts (plain Unicode, so the same text works in a QLabel and in a tooltip).
"""

import math

MINUS = "\u2212"
TIMES = "\u00d7"
DOT = "\u00b7"
SUPERSCRIPTS = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
RULE = "border-bottom: 1px solid #202020"
#: the cells' own spacing is zero: formulas read as one line, and the fraction's rule touches its numbers
_TABLE = '<table cellspacing="0" cellpadding="0" style="border-collapse: collapse"'


def var(name: str) -> str:
    """A variable in italics, as mathematics sets it (W, d, k, r; Greek letters too)."""
    return f"<i>{name}</i>"


def sub(base: str, index: str) -> str:
    return f"{base}<sub>{index}</sub>"


def sup(base: str, power: str) -> str:
    return f"{base}<sup>{power}</sup>"


def sqrt(radicand: str) -> str:
    return f'√<span style="text-decoration: overline">{radicand}</span>'


def norm(inner: str) -> str:
    return f"‖{inner}‖"


def frac(numerator: str, denominator: str) -> str:
    """A stacked fraction: a small table with a rule under the numerator (place it in a `display` cell)."""
    return (f'{_TABLE}><tr><td align="center" style="{RULE}; padding: 0 2px">{numerator}</td></tr>'
            f'<tr><td align="center" style="padding: 0 2px">{denominator}</td></tr></table>')


def display(*cells: str) -> str:
    """A formula on its own line, centred: each cell (text, or a `frac`) side by side, vertically centred."""
    tds = "".join(f'<td style="vertical-align: middle; padding: 0 1px">{cell}</td>' for cell in cells)
    return f'{_TABLE} align="center" style="margin: 4px 0"><tr>{tds}</tr></table>'


def shape(rows: int, columns: int) -> str:
    """A matrix shape, "64 × 785"."""
    return f"{rows} {TIMES} {columns}"


def integer(value: int) -> str:
    """A count with thousands separated by narrow no-break spaces: no locale reads them as a decimal point, and
    a number never breaks across lines. (Qt's toPlainText gives them back as plain spaces.)"""
    return f"{value:,}".replace(",", "\u202f")


def number(value: float, digits: int = 4) -> str:
    """`value` to `digits` significant digits: "−0.02144", "2", "1.234×10⁻⁵" (tiny or huge: a power of ten)."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    exponent = math.floor(math.log10(abs(value)))
    if -4 <= exponent < digits + 2:
        text = f"{value:.{max(digits - 1 - exponent, 0)}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        mantissa = f"{value / 10**exponent:.{digits - 1}f}".rstrip("0").rstrip(".")
        text = f"{mantissa}{TIMES}10{str(exponent).translate(SUPERSCRIPTS)}"
    return text.replace("-", MINUS)


def signed(value: float, digits: int = 4) -> str:
    """A number as a factor in a product: negative ones in parentheses, "(−0.3)"."""
    text = number(value, digits)
    return f"({text})" if value < 0 else text
