"""Report fields as one table, proved with 主送机关 (addressee) from form to paper and back."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx

from core.checks import run_checks
from core.draft.draft_file import load_draft, save_draft
from core.draft.fields import FIELD_BY_NAME, REPORT_FIELDS
from core.draft.kinds import get_kind
from core.draft.model import Report, Section
from core.importing.importer import import_document
from core.library import Library
from core.render import render_report
from core.render.engine import default_template, render_document
from core.render.package import read_zip, write_zip
from core.reuse.carryover import carry_over
from core.reuse.outline_carry import carry_outline
from core.text.plaintext import report_text
from core.text.textslots import FIELD_LABELS, iter_slots

# What a Report holds besides its report-level fields: structure and bookkeeping.
NOT_FIELDS = {"kind", "sections", "numbering", "prior_source", "reference_origin", "reference_opening",
              "reference_closing",
              "verified_flags", "ignored_findings", "reviews"}


def addressed_report() -> Report:
    report = get_kind("half_year_summary").new_report(2024, "中共某某区委组织部")
    report.addressee = "XX区委"
    report.opening = ["2024年上半年，区委组织部围绕中心工作，扎实推进各项任务。"]
    report.sections[0].body = ["选派干部参加培训。"]
    return report


def test_every_report_attribute_is_a_row_of_the_table() -> None:
    # A new field on the Report must be added to the table, or nothing would read it.
    attributes = {f.name for f in dataclasses.fields(Report)} - NOT_FIELDS
    assert attributes == set(FIELD_BY_NAME)


def test_one_label_per_field() -> None:
    assert FIELD_BY_NAME["signature"].label == FIELD_LABELS["signature"] == "署名"
    assert FIELD_BY_NAME["addressee"].label == "主送机关"
    assert len({f.label for f in REPORT_FIELDS}) == len(REPORT_FIELDS)


def test_addressee_is_saved_and_loaded(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    save_draft(addressed_report(), path)
    assert load_draft(path).addressee == "XX区委"


def test_addressee_renders_in_its_own_style_under_the_title_with_a_full_width_colon() -> None:
    report = addressed_report()
    report.addressee = "XX区委:"  # a half-width colon typed by the clerk
    document = docx.Document(io.BytesIO(render_document(report).data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    title_at = next(i for i, (style, _) in enumerate(paragraphs) if style == "公文标题")
    assert paragraphs[title_at + 1] == ("主送机关", "XX区委：")
    style = document.styles["主送机关"]
    assert style.paragraph_format.first_line_indent in (None, 0)
    assert style.paragraph_format.alignment is not None and style.paragraph_format.alignment.name == "LEFT"


def test_addressee_comes_back_on_import(tmp_path: Path) -> None:
    out = tmp_path / "报告.docx"
    render_report(addressed_report(), out)
    back = import_document(out).report
    assert back.addressee == "XX区委"
    assert back.opening == addressed_report().opening


def test_addressee_is_kept_by_carry_over_and_flagged_in_carried_text() -> None:
    prior = addressed_report()
    outline_only = carry_outline(get_kind("half_year_summary"), prior)
    assert outline_only.addressee == "XX区委"
    carried = carry_over(prior, 2025)
    assert carried.report.addressee == "XX区委"
    assert [(f.field, f.text) for f in carried.flags if f.field == "addressee"] == [("addressee", "XX")]


def test_addressee_is_checked() -> None:
    report = addressed_report()
    report.addressee = "区委,区政府"
    findings = [f for f in run_checks(report) if f.field == "addressee"]
    assert findings and any("," in f.message or "半角" in f.message for f in findings)
    assert findings[0].place.startswith("主送机关")


def test_addressee_is_found_by_library_search(tmp_path: Path) -> None:
    report = addressed_report()
    report.addressee = "市委组织部干部监督科"
    with Library(tmp_path / "library.sqlite3") as library:
        library.add_report(report, original=report_text(report).encode("utf-8"), file_name="a.txt")
        hits = library.search("干部监督科")
    # Indexed as it stands on paper, under its label as the place.
    assert [(hit.section_path, hit.text) for hit in hits] == [("主送机关", "市委组织部干部监督科：")]


def test_addressee_is_a_text_slot_in_reading_order() -> None:
    report = addressed_report()
    fields = [s.field for s in iter_slots(report) if not s.section_id]
    # The kind's 发文机关标志 (a 版头 element) comes first: the 版头 stands above the title.
    assert fields[:4] == ["issuer_mark", "title", "addressee", "opening"]


def _template_without(kind: str) -> bytes:
    """The shipped template as a unit made it before a paragraph kind existed."""
    members = dict(read_zip(default_template("上半年工作总结")))
    xml = members["word/document.xml"].decode("utf-8")
    block = re.compile(
        r"<w:p>(?:(?!<w:p>).)*?\{%p elif p\.style == '" + kind + r"' %\}.*?</w:p><w:p>.*?</w:p>", re.S
    )
    xml, count = block.subn("", xml)
    assert count == 1
    members["word/document.xml"] = xml.encode("utf-8")
    return write_zip(list(members.items()))


def test_a_template_made_before_the_field_renders_it_as_its_fallback_and_warns() -> None:
    report = addressed_report()
    rendered = render_document(report, template=_template_without("addressee"))
    paragraphs = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(rendered.data)).paragraphs]
    assert ("称谓", "XX区委：") in paragraphs
    assert any("主送机关" in w and "称谓" in w for w in rendered.warnings)


def test_a_template_without_a_fallback_renders_body_text() -> None:
    report = Report(title="标题", sections=[Section(heading="甲")], closing=["结尾。"])
    rendered = render_document(report, template=_template_without("h1"))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(rendered.data)).paragraphs]
    assert "一、甲" in paragraphs
    assert any("一级标题" in w for w in rendered.warnings)


def test_cli_prints_the_addressee_and_renders_it(tmp_path: Path, capsys) -> None:
    from cli.main import main

    source = tmp_path / "上报.txt"
    source.write_text("关于2024年上半年工作情况的报告\n区委：\n2024年上半年，我部扎实推进各项工作。\n一、主要工作\n选派干部参加培训。\n", encoding="utf-8")
    assert main(["import", str(source), "--outline"]) == 0
    assert "ADDRESSEE\t区委" in capsys.readouterr().out.splitlines()
    out = tmp_path / "上报.docx"
    assert main(["render", str(source), "-o", str(out)]) == 0
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert ("主送机关", "区委：") in paragraphs
