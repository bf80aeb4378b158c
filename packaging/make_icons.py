"""Draw the application icon: resources/lora-studio.svg and PNGs of it, copied into the package too.

    .venv/bin/python packaging/make_icons.py

The drawing is a handwritten "7" in a 7×7 grid of pixels — the weight matrix W of a layer — with a
column B and a row A beside it: the low-rank update ΔW = B·A that LoRA trains. The SVG is written
from the pattern below and rendered with Qt's SVG renderer, so the PNGs match it exactly. The
top-level resources/ (desktop files, installers) and lora_studio/resources/ (the window's icon, package
data) get the same files; tests/packaging/test_bundle_files.py checks that they do.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources"
PACKAGE = ROOT / "lora_studio" / "resources"
NAME = "lora-studio"
SIZES = (16, 24, 32, 48, 64, 128, 256)

DIGIT = """
#######
.....##
....##.
...##..
..##...
..##...
..##...
"""
B_COLUMN = (1.0, 0.65, 0.85, 0.6, 0.95, 0.7, 0.8)  # the size of each cell of B and A: their values
A_ROW = (0.7, 1.0, 0.6, 0.9, 0.65, 0.95, 0.75)

CELL, PITCH, ORIGIN, GAP = 20, 24, 30, 12
PAPER, INK, ORANGE = "#2b5f8f", "#ffffff", "#f28e2b"


def svg() -> str:
    rows = [line for line in DIGIT.strip().splitlines()]
    side = ORIGIN + 7 * PITCH - (PITCH - CELL) + GAP  # where B and A start
    cells = []
    for r, line in enumerate(rows):
        for c, ch in enumerate(line):
            fill = INK if ch == "#" else PAPER
            cells.append(f'<rect x="{ORIGIN + c * PITCH}" y="{ORIGIN + r * PITCH}" width="{CELL}" height="{CELL}" '
                         f'rx="4" fill="{fill}"/>')
    for i, value in enumerate(B_COLUMN):
        cells.append(_square(side, ORIGIN + i * PITCH, value))
    for i, value in enumerate(A_ROW):
        cells.append(_square(ORIGIN + i * PITCH, side, value))
    body = "\n  ".join(cells)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>LoRA Studio</title>
  <desc>A digit drawn in a 7x7 weight matrix, with the low-rank factors B (column) and A (row) of a LoRA update</desc>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1f5285"/>
      <stop offset="1" stop-color="#143a5e"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="url(#bg)"/>
  {body}
</svg>
"""


def _square(x: float, y: float, value: float) -> str:
    """A cell of B or A as a Hinton diagram draws a number: a square whose size is its value."""
    size = CELL * value
    offset = (CELL - size) / 2
    return (f'<rect x="{x + offset:g}" y="{y + offset:g}" width="{size:g}" height="{size:g}" rx="{3 * value:g}" '
            f'fill="{ORANGE}"/>')


def main() -> int:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it to paint text
    OUT.mkdir(exist_ok=True)
    source = OUT / f"{NAME}.svg"
    source.write_text(svg(), encoding="utf-8")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    written = [source]
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = OUT / f"{NAME}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    for path in written:
        shutil.copyfile(path, PACKAGE / path.name)
    print("\n".join(str(p.relative_to(ROOT)) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
