"""Positions on LibreOffice's PDF of a rendered report, in millimetres from the page's top left.

Words and their boxes come from ``pdftotext -bbox``; glyph baselines, colours and drawn lines
from ``pdftocairo -svg`` (both poppler-utils). Fonts are mapped to the Noto CJK stand-ins
the screenshots use (tests/golden/regenerate.py), so positions do not depend on which CJK
fonts the machine happens to have.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from core.draft.model import Report
from core.office.pdf_pages import PDF_KEEPING_BLANK_PAGES
from core.render import render_report
from core.render.fonts import DEFAULT_SCHEME
from tests.golden.regenerate import convert_to_pdf, screenshot_fontconfig

MM_PER_PT = 25.4 / 72
TEXT_TOP_MM = 37.0  # GB/T 9704 天头
TEXT_LEFT_MM = 28.0
TEXT_WIDTH_MM = 156.0
PAGE_HEIGHT_MM = 297.0
TEXT_BOTTOM_MM = PAGE_HEIGHT_MM - 35.0
KEEP_BLANK_PAGES = PDF_KEEPING_BLANK_PAGES


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Glyph:
    x: float
    baseline: float
    colour: str  # "rgb(100%,0%,0%)"


@dataclass(frozen=True)
class Line:
    x0: float
    x1: float
    y: float
    colour: str
    width: float  # mm


def render_pdfs(
    reports: dict[str, Report], folder: Path, named_fonts: bool = True, scheme: str = DEFAULT_SCHEME
) -> dict[str, Path]:
    """Each report exported in the font ``scheme`` and printed by LibreOffice; ``named_fonts``
    False: as on a machine without the fonts the styles name (仿宋_GB2312, …), where
    fontconfig picks the fallbacks."""
    documents = []
    if named_fonts:
        env = dict(os.environ, FONTCONFIG_FILE=str(screenshot_fontconfig(folder)))
    else:
        env = {key: value for key, value in os.environ.items() if key != "FONTCONFIG_FILE"}
    # The export lays the document out to place the 版记 (core.render.imprint_fit): with the same fonts.
    before = os.environ.get("FONTCONFIG_FILE")
    if named_fonts:
        os.environ["FONTCONFIG_FILE"] = env["FONTCONFIG_FILE"]
    else:
        os.environ.pop("FONTCONFIG_FILE", None)
    try:
        for name, report in reports.items():
            path = folder / f"{name}.docx"
            render_report(report, path, fonts=scheme, keep_backup=False)
            documents.append(path)
    finally:
        if before is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = before
    # Blank pages inserted to reach an even page are printed too: page numbers stay true.
    pdfs = convert_to_pdf(documents, folder, env=env, convert_to=KEEP_BLANK_PAGES)
    return {name: pdf for name, pdf in zip(reports, pdfs, strict=True)}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=30).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def page_words(pdf: Path, page: int) -> list[Word]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    return [
        Word(m.group(5), *(float(v) * MM_PER_PT for v in m.groups()[:4])) for m in _WORD.finditer(out)
    ]


def page_text(pdf: Path, page: int) -> str:
    return "".join(w.text for w in page_words(pdf, page))


def _svg(pdf: Path, page: int) -> str:
    svg = subprocess.run(
        ["pdftocairo", "-svg", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    return svg[svg.find("</defs>") :]


_GLYPH = re.compile(r'<g style="fill:(rgb\([^)]*\));[^"]*">\s*<use xlink:href="[^"]*" x="([-\d.]+)" y="([-\d.]+)"/>')
_LINE = re.compile(
    r'<path style="[^"]*stroke-width:([\d.]+);[^"]*stroke:(rgb\([^)]*\));[^"]*" '
    r'd="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) " transform="matrix\(([-\d.]+),0,0,([-\d.]+),([-\d.]+),([-\d.]+)\)"'
)


def page_glyphs(pdf: Path, page: int) -> list[Glyph]:
    return [
        Glyph(float(x) * MM_PER_PT, float(y) * MM_PER_PT, colour) for colour, x, y in _GLYPH.findall(_svg(pdf, page))
    ]


def page_lines(pdf: Path, page: int) -> list[Line]:
    """Horizontal strokes (paragraph borders), de-duplicated."""
    lines = set()
    for width, colour, x0, y0, x1, y1, a, d, e, f in _LINE.findall(_svg(pdf, page)):
        if y0 != y1:
            continue
        sx, sy, tx, ty = float(a), float(d), float(e), float(f)
        xs = sorted((float(x0) * sx + tx, float(x1) * sx + tx))
        y = float(y0) * sy + ty
        lines.add(
            Line(
                round(xs[0] * MM_PER_PT, 2),
                round(xs[1] * MM_PER_PT, 2),
                round(y * MM_PER_PT, 2),
                colour,
                round(float(width) * abs(sy) * MM_PER_PT, 3),
            )
        )
    return sorted(lines, key=lambda line: line.y)


@dataclass(frozen=True)
class VerticalLine:
    x: float
    top: float
    bottom: float


def page_vertical_lines(pdf: Path, page: int) -> list[VerticalLine]:
    """Vertical strokes (a table's column borders), left to right, de-duplicated."""
    lines = set()
    for _width, _colour, x0, y0, x1, y1, a, d, e, f in _LINE.findall(_svg(pdf, page)):
        if x0 != x1:
            continue
        sx, sy, tx, ty = float(a), float(d), float(e), float(f)
        ys = sorted((float(y0) * sy + ty, float(y1) * sy + ty))
        x = float(x0) * sx + tx
        lines.add(VerticalLine(round(x * MM_PER_PT, 2), round(ys[0] * MM_PER_PT, 2), round(ys[1] * MM_PER_PT, 2)))
    return sorted(lines, key=lambda line: (line.x, line.top))


def baseline_of(pdf: Path, page: int, word: Word) -> float:
    """The baseline of the glyphs inside ``word``'s box."""
    for glyph in page_glyphs(pdf, page):
        if word.x0 - 0.5 <= glyph.x <= word.x1 and word.top <= glyph.baseline <= word.bottom:
            return glyph.baseline
    raise AssertionError(f"no glyph in {word}")


def find_word(pdf: Path, page: int, start: str) -> Word:
    for word in page_words(pdf, page):
        if word.text.startswith(start):
            return word
    raise AssertionError(f"“{start}” not on page {page}")
