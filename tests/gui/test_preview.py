"""The preview lays the document out like the .docx: same paragraphs, 28 × 22 grid, A4 pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from core.draft.model import Report, Section
from core.render.context import build_context
from core.render.fonts import get_scheme
from gui.document import DraftDocument
from gui.panels.preview_fonts import map_scheme, stand_in_note
from gui.panels.preview_pane import PreviewPane, build_layout
from tests.gui.conftest import SETTLE_MS


def _lines(layout: Any, block_number: int) -> int:
    return layout.document.findBlockByNumber(block_number).layout().lineCount()


def _body(paragraphs: list[str]) -> list[dict[str, str]]:
    return [{"style": "body", "lead": "", "text": t, "part": "body", "section": ""} for t in paragraphs]


def test_body_lines_hold_28_characters_with_a_two_character_indent(app: QApplication) -> None:
    scheme = get_scheme("gb2312")
    fonts = map_scheme(scheme)
    text = "国" * 26 + "家" * 28  # first line 26 after the indent, then a full line of 28
    layout = build_layout(_body([text, text + "民"]), scheme, fonts)
    assert _lines(layout, 0) == 2
    assert _lines(layout, 1) == 3


def test_pages_hold_22_lines(app: QApplication) -> None:
    scheme = get_scheme("gb2312")
    fonts = map_scheme(scheme)
    assert build_layout(_body(["一行。"] * 22), scheme, fonts).pages == 1
    assert build_layout(_body(["一行。"] * 23), scheme, fonts).pages == 2


def test_preview_uses_the_render_context_and_scrolls_to_the_section(app: QApplication, qtbot: Any) -> None:
    sections = [Section(heading=f"第{i}项工作", body=["内容。" * 30] * 3, id=f"s{i}") for i in range(1, 9)]
    doc = DraftDocument(Report(title="2023年工作要点", sections=sections))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    pane.set_document(doc)
    assert pane.paragraphs() == build_context(doc.report).paragraphs
    assert pane.layout_ is not None and pane.layout_.pages >= 3
    assert pane.pages_label.text() == f"共 {pane.layout_.pages} 页"
    first_block = pane.layout_.document.firstBlock().text()
    assert first_block == "2023年工作要点"
    assert pane.layout_.document.findBlockByNumber(1).text() == "一、第1项工作"
    pane.show_section("s8")
    assert pane.scroll.verticalScrollBar().value() > 0


def test_edits_update_the_preview_after_a_short_pause(app: QApplication, qtbot: Any) -> None:
    doc = DraftDocument(Report(sections=[Section(heading="抓党建", id="a")]))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.set_document(doc)
    doc.set_section_field("a", "body", ["新写的一段。"])
    assert pane.is_pending()  # debounced: several keystrokes cause one re-layout
    qtbot.waitUntil(lambda: not pane.is_pending(), timeout=SETTLE_MS)
    texts = [pane.layout_.document.findBlockByNumber(i).text() for i in range(2)]
    assert texts == ["一、抓党建", "新写的一段。"]


def test_missing_fonts_fall_back_to_same_style_and_say_so() -> None:
    scheme = get_scheme("gb2312")
    mapping = map_scheme(scheme, families=["Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif"])
    assert mapping["fangsong"].family == "Noto Serif CJK SC" and not mapping["fangsong"].exact
    assert mapping["heiti"].family == "Noto Sans CJK SC"
    assert mapping["latin"].family == "Liberation Serif"
    assert mapping["title"].bold_stand_in
    assert "预览暂用 Noto Serif CJK SC、Noto Sans CJK SC 代替" in stand_in_note(mapping)
    windows = map_scheme(get_scheme("windows"), families=["FangSong", "KaiTi", "SimHei", "SimSun", "Times New Roman"])
    assert all(f.exact for f in windows.values())  # English names count as the Chinese ones
    assert windows["fangsong"].family == "FangSong"
    assert stand_in_note(windows) == ""
