"""The 版记 under the text (core.render.imprint_box) and the choice between placements
(core.render.imprint_fit); the placements on paper are measured in test_gongwen_pdf.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from core.office.pdf_pages import pdf_page_count
from core.render.engine import render_document
from core.render.imprint_fit import has_imprint, imprint_under_text_is_right, render_fitted
from core.render.styles import PAGE
from tests.core.gongwen_samples import attached_report, imprinted_report, upward_report

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
    from core.office import libreoffice

    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    rendered, pdf = render_fitted(imprinted_report())
    assert pdf is None
    assert rendered.data == render_document(imprinted_report()).data  # evenPage section, 版记 in its footer
    assert not has_imprint(upward_report())
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "/no/such/soffice")
    rendered, pdf = render_fitted(upward_report())  # no 版记: LibreOffice is not even started
    assert pdf is None and rendered.data == render_document(upward_report()).data


def test_libreoffice_failing_keeps_the_own_page_placement(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.office import libreoffice

    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "/no/such/soffice")  # cannot start: OSError
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


def test_the_placements_from_one_rendering_are_the_documents_rendered_one_by_one() -> None:
    from core.render.imprint_fit import render_placements
    from core.render.imprint_placement import IMPRINT_NEXT_PAGE

    for report in (imprinted_report(), attached_report(), upward_report()):
        placed = render_placements(report)
        assert placed["under_text"].data == render_document(report, imprint_under_text=True).data
        assert placed["next_page"].data == render_document(report, imprint_placement=IMPRINT_NEXT_PAGE).data
        assert placed["own_page"].data == render_document(report).data
        assert all(p.warnings == render_document(report).warnings for p in placed.values())


def test_the_probe_packaged_from_the_rendering_is_the_layout_probe_of_the_exported_document() -> None:
    # render_fitted starts LibreOffice on a probe packaged straight from the rendering (the
    # placements are packaged while it lays out): it must be the probe of what is exported.
    from core.render.imprint_fit import layout_probe, placer
    from core.render.imprint_placement import IMPRINT_OWN_PAGE, IMPRINT_UNDER_TEXT

    def document_xml(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return etree.tostring(etree.fromstring(archive.read("word/document.xml")), method="c14n")

    checked: list[str] = []
    for report in (imprinted_report(), attached_report(), upward_report()):
        place = placer(report)
        probe = place(IMPRINT_UNDER_TEXT, for_layout=True).data
        under = place(IMPRINT_UNDER_TEXT).data
        assert under == render_document(report, imprint_under_text=True).data  # the probe left no trace
        expected = layout_probe(under)
        if expected is None:  # no box to lay out under the text
            assert probe == b""
        else:
            checked.append(report.title)
            assert document_xml(probe) == document_xml(expected)
        assert place(IMPRINT_OWN_PAGE, for_layout=True).data == b""  # no box: nothing to lay out
    assert checked  # at least one report had a probe to compare


def test_the_next_page_placement_is_the_box_on_a_new_page_the_text_not_kept_with_it() -> None:
    from core.render.imprint_placement import IMPRINT_NEXT_PAGE

    report = imprinted_report()  # no 成文日期: the 署名 (keep-with-next) is the text's last paragraph
    body = docx.Document(io.BytesIO(render_document(report, imprint_placement=IMPRINT_NEXT_PAGE).data)).element.body
    holder = xp(body, "w:p[.//wp:anchor]")[0]
    assert [child.tag for child in holder[0]] == [f"{W}pageBreakBefore"]
    assert xp(holder.getprevious(), "string(w:pPr/w:keepNext/@w:val)") == "0"
    assert len(xp(body, "w:sectPr")) == 1 and not xp(body, ".//w:pPr/w:sectPr")  # the text's one section: its footers


def test_the_layout_probe_marks_the_text_end_and_the_imprint_and_lets_the_text_go() -> None:
    from core.render.imprint_fit import layout_probe

    report = imprinted_report()  # no 成文日期: the 署名 (keep-with-next) is the text's last paragraph
    under = render_document(report, imprint_under_text=True).data
    probe = docx.Document(io.BytesIO(layout_probe(under)))
    body = probe.element.body
    holder = xp(body, "w:p[.//wp:anchor]")[0]
    last = holder.getprevious()
    assert xp(last, "string(w:pPr/w:pStyle/@w:val)") == "Signature"
    assert xp(last, "string(w:pPr/w:keepNext/@w:val)") == "0"  # overrides the style's keep-with-next
    assert [child.tag for child in last][-2:] == [f"{W}bookmarkStart", f"{W}bookmarkEnd"]  # after the text
    assert xp(last, "string(w:bookmarkStart/@w:name)") == "baogaoTextEnd"
    first_in_box = xp(holder, ".//w:txbxContent/w:p")[0]
    assert [child.tag for child in first_in_box][:3] == [f"{W}pPr", f"{W}bookmarkStart", f"{W}bookmarkEnd"]
    assert xp(first_in_box, "string(w:bookmarkStart/@w:name)") == "baogaoImprint"
    ids = xp(body, ".//w:bookmarkStart/@w:id")
    assert len(ids) == len(set(ids))
    # Nothing else differs from the document that is exported.
    exported = docx.Document(io.BytesIO(under)).element.body
    for mark in xp(body, ".//w:bookmarkStart | .//w:bookmarkEnd | .//w:keepNext[@w:val='0']"):
        mark.getparent().remove(mark)
    assert etree.tostring(body) == etree.tostring(exported)
    assert layout_probe(render_document(report).data) is None  # the own-page placement has no box


def _pdf(kids: list[list[int]], marks: dict[str, int]) -> bytes:
    """A PDF written the way LibreOffice writes one: plain dictionaries, a classic xref table.
    ``kids``: the pages under each intermediate page-tree node; ``marks``: name → page."""
    pages = sum(len(group) for group in kids)
    first_page = 4 + len(kids)
    objects = {
        1: "<</Type/Catalog/Pages 2 0 R/Dests 3 0 R>>",
        2: f"<</Type/Pages/Kids[{' '.join(f'{4 + i} 0 R' for i in range(len(kids)))}]/Count {pages}>>",
        3: "<<" + "".join(f"/{name}[{first_page + page - 1} 0 R/XYZ 90 700 0]\n" for name, page in marks.items()) + ">>",
    }
    number = first_page
    for index, group in enumerate(kids):
        objects[4 + index] = f"<</Type/Pages/Parent 2 0 R/Kids[{' '.join(f'{number + i} 0 R' for i in range(len(group)))}]/Count {len(group)}>>"
        number += len(group)
    for page in range(first_page, number):
        objects[page] = "<</Type/Page/Parent 4 0 R/Contents 99 0 R>>"
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += f"{key} 0 obj\n{objects[key]}\nendobj\n\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets[key]:010d} 00000 n \n".encode() for key in sorted(objects))
    out += f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pages_of_named_destinations_through_a_nested_page_tree() -> None:
    from core.office.pdf_pages import destination_pages

    pdf = _pdf([[1, 2], [3], [4, 5]], {"baogaoTextEnd": 4, "baogaoImprint": 5, "other": 1})
    assert destination_pages(pdf) == (5, {"baogaoTextEnd": 4, "baogaoImprint": 5, "other": 1})
    assert destination_pages(pdf[: pdf.rindex(b"xref")] + b"startxref\n0\n%%EOF\n") is None
    assert destination_pages(b"%PDF-1.6\nnothing here") is None


@pytest.mark.parametrize(
    ("pages", "text_end", "imprint", "placement"),
    [
        (2, 2, 2, "under_text"),  # the text ends on page 2 and the 版记 fits under it
        (4, 4, 4, "under_text"),
        (3, 2, 3, "own_page"),  # the text fills even page 2: blank page 3, the 版记 on page 4 (no numbers)
        (2, 1, 2, "next_page"),  # the text fills odd page 1: the 版记 on page 2, numbered (it follows text)
        (1, 1, 1, "next_page"),  # ends on odd page 1 with room: the 版记 belongs on page 2
        (3, 3, 3, "next_page"),
    ],
)
def test_the_placement_read_from_one_layout(pages: int, text_end: int, imprint: int, placement: str) -> None:
    from core.render.imprint_fit import placement_from_layout, under_text_from_layout

    pdf = _pdf([list(range(pages))], {"baogaoTextEnd": text_end, "baogaoImprint": imprint})
    assert placement_from_layout(pdf) == placement
    assert under_text_from_layout(pdf) is (placement == "under_text")


def test_a_layout_that_does_not_say_where_things_fell_decides_nothing() -> None:
    from core.render.imprint_fit import under_text_from_layout

    assert under_text_from_layout(_pdf([[1, 2]], {"baogaoImprint": 2})) is None  # no text end
    assert under_text_from_layout(_pdf([[1, 2, 3]], {"baogaoTextEnd": 2, "baogaoImprint": 2})) is None  # 版记 not last
    assert under_text_from_layout(b"not a pdf") is None
