"""Round trip: import → render → import the .docx gives the same report, character for character."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.draft.model import SIGNATURE_UNSEALED, to_dict
from core.draft.numbering import attachment_names
from core.importing.importer import import_document, parse_text
from core.render import render_report
from core.render.context import build_context
from core.render.package import read_zip
from core.render.title import title_for_untitled
from core.reuse.carryover import infer_year
from tests.conftest import SEED_NAMES, seed_path
from tests.core.test_attachment_import import TABLE_ROWS, report_with, seed_copies, table_file
from tests.golden.samples import SAMPLES


def _comparable(data: Any) -> Any:
    """Everything but the random section ids and the source file name."""
    if isinstance(data, dict):
        return {k: _comparable(v) for k, v in data.items() if k not in ("id", "prior_source")}
    if isinstance(data, list):
        return [_comparable(v) for v in data]
    return data


@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_seed_survives_render_and_reimport(seed: str, tmp_path: Path) -> None:
    first = parse_text(seed_path(seed).read_text(encoding="utf-8"))
    out = tmp_path / f"{seed}.docx"
    render_report(first.report, out)
    second = import_document(out)
    assert second.kind == first.kind
    # The seeds carry no title: the rendered one comes from the kind's pattern.
    assert first.report.title == ""
    expected = to_dict(first.report)
    expected["title"] = title_for_untitled(first.report)[0]
    assert expected["title"]
    expected["year"] = first.report.year or infer_year(first.report)  # the title now names it
    assert _comparable(to_dict(second.report)) == _comparable(expected)
    title_chars = len(expected["title"])
    assert second.report.char_count() == first.report.char_count() + title_chars > 4000


@pytest.mark.parametrize("kind_id", sorted(SAMPLES))
def test_sample_text_survives_render_and_reimport(kind_id: str, tmp_path: Path) -> None:
    # Hand-built samples carry layout flags the parser infers differently (an empty
    # points list, a source marker); what must survive is every paragraph's text.
    report = SAMPLES[kind_id]()
    report.attachments = []  # the importer reads 附件 lines as text, not as attachments
    out = tmp_path / f"{kind_id}.docx"
    render_report(report, out)
    again = import_document(out).report
    assert again.title == report.title
    assert again.subtitle == report.subtitle
    assert again.date == report.date
    assert build_context(again).expected_texts() == build_context(report).expected_texts()


def test_cover_letter_survives_and_the_report_starts_a_new_page(tmp_path: Path) -> None:
    text = (
        "关于印发《XX区委组织部2025年工作要点》的通知\n各党（工）委，区直各单位党组织：\n"
        "现将《XX区委组织部2025年工作要点》印发给你们，请结合实际认真贯彻落实。\n"
        "XX区委组织部2025年工作要点\n2025年是“十四五”规划收官之年。总体要求是：坚持稳中求进。\n"
        "一、突出政治建设\n1.夯实理论武装。坚持把理论学习抓在经常。\n二、建强基层组织\n2.深化党建引领。健全组织体系。\n"
    )
    first = parse_text(text)
    assert len(first.report.cover) == 3
    out = tmp_path / "通知.docx"
    render_report(first.report, out)
    assert b'w:type="page"' in read_zip(out.read_bytes())["word/document.xml"]
    assert _comparable(to_dict(import_document(out).report)) == _comparable(to_dict(first.report))


def test_a_draft_with_attachments_survives_render_and_reimport(tmp_path: Path) -> None:
    attachments = [table_file(tmp_path / "完成情况.docx"), *seed_copies(tmp_path)]
    first = report_with(*attachments)
    assert sum(s.attachment for s in first.sections) == len(attachments)
    out = tmp_path / "带附件.docx"
    render_report(first, out)
    second = import_document(out).report
    table_part = next(s for s in second.sections if s.heading == "2024年上半年重点工作完成情况")
    assert [t.rows for t in table_part.tables] == [TABLE_ROWS]  # not flattened into text
    assert [c.heading for c in table_part.children] == ["主要工作完成情况", "下一步打算"]
    expected = to_dict(first)
    expected["attachments"] = attachment_names(first)  # the 附件说明 comes back as typed names
    # The 落款 left at the kind's default (不加盖印章) is read back from the page by name.
    assert first.signature_layout == "" and second.signature_layout == SIGNATURE_UNSEALED
    expected["signature_layout"] = SIGNATURE_UNSEALED
    assert _comparable(to_dict(second)) == _comparable(expected)
