"""The preview lays the document out like the .docx: same paragraphs, 28 × 22 grid, A4 pages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from core.draft.model import Report, Section
from core.render.context import build_context
from core.render.fonts import get_scheme
from gui.document import DraftDocument
from gui.panels.preview_fonts import map_scheme, stand_in_note
from gui.panels.preview_pane import DEBOUNCE_MS, PreviewPane, build_layout
from tests.gui.conftest import SETTLE_MS


def _lines(layout: Any, paragraph: int) -> int:
    return layout.paragraphs[paragraph].line_count


def _body(paragraphs: list[str]) -> list[dict[str, str]]:
    return [{"style": "body", "lead": "", "text": t, "part": "body", "section": ""} for t in paragraphs]


def test_body_lines_hold_28_characters_with_a_two_character_indent(app: QApplication, layout_fonts: None) -> None:
    scheme = get_scheme("gb2312")
    fonts = map_scheme(scheme)
    text = "国" * 26 + "家" * 28  # first line 26 after the indent, then a full line of 28
    layout = build_layout(_body([text, text + "民"]), scheme, fonts)
    assert _lines(layout, 0) == 2
    assert _lines(layout, 1) == 3


def test_pages_hold_22_lines(app: QApplication) -> None:
    scheme = get_scheme("gb2312")
    fonts = map_scheme(scheme)
    assert build_layout(_body(["一行。"] * 22), scheme, fonts).page_count == 1
    assert build_layout(_body(["一行。"] * 23), scheme, fonts).page_count == 2


def test_preview_uses_the_render_context_and_scrolls_to_the_section(app: QApplication, qtbot: Any) -> None:
    sections = [Section(heading=f"第{i}项工作", body=["内容。" * 30] * 3, id=f"s{i}") for i in range(1, 9)]
    doc = DraftDocument(Report(title="2023年工作要点", sections=sections))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    pane.set_document(doc)
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    assert pane.paragraphs() == build_context(doc.report).paragraphs
    assert pane.layout_ is not None and pane.layout_.page_count >= 3
    assert pane.pages_label.text() == f"共 {pane.layout_.page_count} 页"
    assert pane.layout_.paragraphs[0].text == "2023年工作要点"
    assert pane.layout_.paragraphs[1].text == "一、第1项工作"
    pane.show_section("s8")
    assert pane.scroll.verticalScrollBar().value() > 0


def test_edits_update_the_preview_after_a_short_pause(app: QApplication, qtbot: Any) -> None:
    doc = DraftDocument(Report(sections=[Section(heading="抓党建", id="a")]))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.show()
    pane.set_document(doc)
    doc.set_section_field("a", "body", ["新写的一段。"])
    assert pane.is_pending()  # debounced: several keystrokes cause one re-layout
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    texts = [pane.layout_.paragraphs[i].text for i in range(2)]
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


def test_a_hidden_preview_does_no_work_and_catches_up_when_shown(app: QApplication, qtbot: Any) -> None:
    doc = DraftDocument(Report(sections=[Section(heading="抓党建", id="a")]))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.show()
    pane.set_document(doc)
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    renders = pane.renders
    pane.hide()
    for text in ("第一段。", "第一段。第二句。", "改过的一段。"):
        doc.set_section_field("a", "body", [text])
    qtbot.wait(DEBOUNCE_MS * 3)
    assert pane.renders == renders and not pane.is_pending()  # nothing laid out while hidden
    assert pane.is_busy()  # but it knows it owes a render
    pane.show()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    assert pane.renders == renders + 1  # one render for all three edits
    assert pane.layout_.paragraphs[1].text == "改过的一段。"


def test_a_newer_edit_supersedes_a_render_under_way(app: QApplication, qtbot: Any) -> None:
    doc = DraftDocument(Report(sections=[Section(heading="抓党建", id="a", body=["旧的。"] * 200)]))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.show()
    pane.set_document(doc)  # a render starts
    doc.set_section_field("a", "body", ["新的。"])
    pane.render_now()  # asked again before the first one finished: only this one is shown
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    assert pane.renders == 1
    assert [p.text for p in pane.layout_.paragraphs] == ["一、抓党建", "新的。"]


def _pages(layout: Any) -> list[list[tuple[str, int, int, float]]]:
    """Every page as (paragraph text, first line, last line, y): what is drawn, and where."""
    return [[(layout.paragraphs[p.paragraph].text, p.first, p.last, round(p.y, 3)) for p in page]
            for page in layout.pages]


def _edited_copies(report: Report) -> list[Report]:
    """The draft after typing into the first, a middle and the last section with text."""
    import copy

    with_text = [s for _level, s in report.walk() if s.body]
    copies = []
    for section in (with_text[0], with_text[len(with_text) // 2], with_text[-1]):
        edited = copy.deepcopy(report)
        target = edited.find(section.id)
        assert target is not None
        target.body = [target.body[0] + "新加的一句话，写得长一些，足以多占一行或者把后面的段落推到下一页。" * 2, *target.body[1:]]
        copies.append(edited)
    return copies


@pytest.mark.parametrize("source", ["seed000", "seed001", "seed003", "seed004", "200 pages"])
def test_laying_out_only_what_changed_gives_the_pages_of_a_full_rebuild(app: QApplication, source: str) -> None:
    from gui.panels.preview_layout import ParagraphCache
    from tests.conftest import seed_path
    from tests.long_drafts import long_draft

    if source == "200 pages":
        report = long_draft(200)
    else:
        from core.importing.importer import import_document

        report = import_document(seed_path(source[-3:])).report
    scheme = get_scheme("gb2312")
    fonts = map_scheme(scheme)
    cache = ParagraphCache(scheme, fonts)
    build_layout(build_context(report).paragraphs, scheme, fonts, cache)
    for edited in _edited_copies(report):
        paragraphs = build_context(edited).paragraphs
        kept = len(cache)
        incremental = build_layout(paragraphs, scheme, fonts, cache)
        full = build_layout(paragraphs, scheme, fonts)
        assert kept > 0 and len(cache) == len(full.cache)
        assert incremental.page_count == full.page_count
        assert incremental.section_tops == full.section_tops  # every section on the same page, same place
        assert _pages(incremental) == _pages(full)
    if source == "200 pages":
        assert full.page_count >= 200
