"""The preview's pages follow keep-with-next and two-lines-together as the exported file does.

Every body line here is one 22-line-grid line (a page holds 22), so the expected pages are
counted by hand: (paragraph, first line, last line) on each page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.render.fonts import get_scheme
from gui.panels.preview_fonts import map_scheme
from gui.panels.preview_layout import Layout, build_layout

FOUR_LINES = "国" * 26 + "家" * 28 * 2 + "民" * 5  # 26 after the indent, two full lines, five more


def _paragraph(style: str, text: str, section: str = "") -> dict[str, str]:
    return {"style": style, "lead": "", "text": text, "part": "body", "section": section}


def _ones(count: int) -> list[dict[str, str]]:
    return [_paragraph("body", "一行。") for _ in range(count)]


def _layout(paragraphs: list[dict[str, str]]) -> Layout:
    scheme = get_scheme("gb2312")
    return build_layout(paragraphs, scheme, map_scheme(scheme))


def _pages(layout: Layout) -> list[list[tuple[int, int, int]]]:
    return [[(p.paragraph, p.first, p.last) for p in page] for page in layout.pages]


def test_a_heading_at_the_foot_goes_over_with_its_text(app: QApplication) -> None:
    layout = _layout([*_ones(21), _paragraph("h1", "一、标题", "s1"), *_ones(1)])
    assert _pages(layout) == [[(i, 0, 1) for i in range(21)], [(21, 0, 1), (22, 0, 1)]]
    assert layout.page_of_section("s1") == 1


def test_a_chain_of_headings_goes_over_together(app: QApplication) -> None:
    headings = [
        _paragraph("h1", "一、标题", "s1"),
        _paragraph("h2", "（一）标题", "s2"),
        _paragraph("h3", "1.标题", "s3"),
    ]
    layout = _layout([*_ones(20), *headings, *_ones(1)])
    assert _pages(layout) == [
        [(i, 0, 1) for i in range(20)],
        [(20, 0, 1), (21, 0, 1), (22, 0, 1), (23, 0, 1)],
    ]
    assert [layout.page_of_section(s) for s in ("s1", "s2", "s3")] == [1, 1, 1]


def test_a_chain_taller_than_a_page_is_ignored(app: QApplication) -> None:
    headings = [_paragraph("h3", f"{n}.标题") for n in range(1, 25)]
    layout = _layout([*headings, *_ones(1)])
    assert _pages(layout) == [[(i, 0, 1) for i in range(22)], [(22, 0, 1), (23, 0, 1), (24, 0, 1)]]


def test_the_closing_block_takes_the_last_two_lines_of_text_with_it(app: QApplication) -> None:
    # 19 lines, a four-line paragraph (three fit), one blank line and the 署名, the date.
    closing = [_paragraph("signature", "某某单位"), _paragraph("date", "2025年7月1日")]
    layout = _layout([*_ones(19), _paragraph("body", FOUR_LINES), *closing])
    assert layout.paragraphs[19].line_count == 4
    # The four-line paragraph keeps with the 署名: it goes over whole, as LibreOffice moves it.
    assert _pages(layout) == [[(i, 0, 1) for i in range(19)], [(19, 0, 4), (20, 0, 1), (21, 0, 1)]]


def test_a_paragraph_too_long_to_go_over_keeps_two_lines_with_the_closing_block(app: QApplication) -> None:
    # 23 lines from the page's top: it cannot go over whole, so its last two go with the 署名.
    closing = [_paragraph("signature", "某某单位"), _paragraph("date", "2025年7月1日")]
    layout = _layout([_paragraph("body", "国" * (26 + 28 * 22)), *closing])
    assert layout.paragraphs[0].line_count == 23
    assert _pages(layout) == [[(0, 0, 21)], [(0, 21, 23), (1, 0, 1), (2, 0, 1)]]
    # Without the closing block it breaks where the lines run out: no widow control.
    plain = _layout([_paragraph("body", "国" * (26 + 28 * 22)), *_ones(1)])
    assert _pages(plain) == [[(0, 0, 22)], [(0, 22, 23), (1, 0, 1)]]
