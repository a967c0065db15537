"""The 版记 under the text (core.render.imprint_box) and the choice between placements
(core.render.imprint_fit); the placements on paper are measured in test_gongwen_pdf.py."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from core.render.engine import render_document
from core.render.imprint_fit import has_imprint, imprint_under_text_is_right, pdf_page_count, render_fitted
from core.render.styles import PAGE
from tests.core.gongwen_samples import imprinted_report, upward_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}


def xp(element: etree._Element, path: str) -> list | str:
    return etree._Element.xpath(element, path, namespaces=NS)


def test_imprint_under_text_is_a_text_box_at_the_text_blocks_foot() -> None:
    document = docx.Document(io.BytesIO(render_document(imprinted_report(), imprint_under_text=True).data))
    body = document.element.body
    assert len(document.sections) == 1  # no section of its own
    anchors = xp(body, ".//wp:anchor")
    assert len(anchors) == 1
    anchor = anchors[0]
    assert xp(anchor, "string(wp:positionV/@relativeFrom)") == "margin"
    assert xp(anchor, "string(wp:positionV/wp:align)") == "bottom"
    assert xp(anchor, "string(wp:positionH/wp:align)") == "center"
    assert xp(anchor, "wp:wrapTopAndBottom")  # nothing beside it
    assert int(xp(anchor, "string(wp:extent/@cx)")) == PAGE.text_width * 635  # 156 mm
    # Exact lines: two text lines of 579 twips, three 1-pt rule lines and their widths (1, 0.75, 1 pt).
    assert int(xp(anchor, "string(wp:extent/@cy)")) == (2 * 579 + 3 * 20 + 20 + 15 + 20) * 635
    inside = xp(anchor, ".//w:txbxContent/w:p")
    assert [(xp(p, "string(w:pPr/w:pStyle/@w:val)"), xp(p, "string(.)")) for p in inside] == [
        ("ImprintRuleThick", ""),
        ("ImprintCopyTo", "抄送：区委办公室，区政府办公室。"),
        ("ImprintRuleThin", ""),
        ("ImprintPrinter", "中共某某区委组织部办公室2024年7月2日印发"),
        ("ImprintRuleThick", ""),
    ]
    assert all(xp(p, "./w:pPr/*")[0].tag == f"{W}pStyle" for p in inside)
    assert not [p for p in inside if xp(p, "./w:pPr/*[not(self::w:pStyle)]")]  # named styles only
    outside = [p for p in body.iter(f"{W}p") if not xp(p, "ancestor::w:txbxContent")]
    assert "抄送" not in "".join(xp(body, ".//w:t[not(ancestor::w:txbxContent)]/text()"))
    assert xp(outside[-1], ".//wp:anchor")  # anchored after the text, on its last page


@pytest.mark.parametrize(
    ("own_page", "under_text", "right"),
    [
        (4, 2, True),  # text ends early on page 2: the 版记 under it, no blank page
        (4, 3, False),  # text fills page 2: the box was pushed to page 3 (odd)
        (2, 1, False),  # text ends on page 1: 版记 on page 2, a page of its own
        (4, 4, False),  # text fills page 3: own page 4 either way; the unnumbered one stands
        (6, 4, True),  # 附件 on pages 2–4 with room under the last
    ],
)
def test_the_text_box_is_chosen_only_for_an_even_last_page_with_room(own_page: int, under_text: int, right: bool) -> None:
    assert imprint_under_text_is_right(own_page, under_text) is right


def test_page_count_of_a_pdf_page_tree() -> None:
    tree = b"%PDF-1.4\n3 0 obj\n<</Type/Outlines/Count 3>>\nendobj\n5 0 obj\n<</Type/Pages\n/Kids[ 1 0 R 4 0 R ]\n/Count 2>>\n"
    assert pdf_page_count(tree) == 2
    assert pdf_page_count(b"not a pdf") is None


def test_without_libreoffice_or_without_imprint_the_own_page_placement_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.importing.readers.legacy as legacy

    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    rendered, pdf = render_fitted(imprinted_report())
    assert pdf is None
    assert rendered.data == render_document(imprinted_report()).data  # evenPage section, 版记 in its footer
    assert not has_imprint(upward_report())
    monkeypatch.setattr(legacy, "find_soffice", lambda: "/no/such/soffice")
    rendered, pdf = render_fitted(upward_report())  # no 版记: LibreOffice is not even started
    assert pdf is None and rendered.data == render_document(upward_report()).data


def test_libreoffice_failing_keeps_the_own_page_placement(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.importing.readers.legacy as legacy

    monkeypatch.setattr(legacy, "find_soffice", lambda: "/no/such/soffice")  # cannot start: OSError
    rendered, pdf = render_fitted(imprinted_report())
    assert pdf is None
    assert rendered.data == render_document(imprinted_report()).data


def test_a_document_with_the_imprint_under_its_text_imports_back_the_same(tmp_path: Path) -> None:
    from core.importing.importer import import_document
    from core.text.plaintext import report_paragraphs

    report = imprinted_report()
    report.date = "2024-07-01"
    path = tmp_path / "报告.docx"
    path.write_bytes(render_document(report, imprint_under_text=True).data)
    back = import_document(path).report
    for name in ("copy_to", "printer", "print_date", "signature", "date"):
        assert getattr(back, name) == getattr(report, name), name  # the 版记 is read from its text box
    assert report_paragraphs(back) == report_paragraphs(report)
