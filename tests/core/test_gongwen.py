"""公文 elements (issue 15): fields offered per kind, saved, carried over, flagged, checked,
and taken back from an imported document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.checks import run_checks
from core.draft.draft_file import load_draft, loads, save_draft
from core.draft.fields import HEADER_ELECTRONIC, offered_fields
from core.draft.kinds import KindError, get_kind, load_kind
from core.reuse.carryover import carry_over
from core.reuse.flags import DOC_NUMBER, flags_for
from core.reuse.outline_carry import carry_outline
from core.text.doc_number import doc_number_problems, parse_doc_number
from tests.core.gongwen_samples import UNIT, attached_report, upward_report

GONGWEN_CHECKS = ["doc_number_form", "signers_upward", "secrecy_form", "print_date_order"]


# ── fields and kinds ──


def test_kinds_offer_their_elements_with_defaults() -> None:
    summary = get_kind("half_year_summary")
    assert summary.upward and not summary.notice
    assert {"header_mode", "doc_number", "signers", "copy_to", "printer", "print_date"} <= summary.offered
    keypoints = get_kind("annual_keypoints")
    assert keypoints.notice and not keypoints.upward and "signers" not in keypoints.offered
    assert get_kind("work_report").offered == frozenset()
    report = summary.new_report(2024, UNIT)
    assert report.issuer_mark == f"{UNIT}文件"
    assert report.header_mode == ""  # never a red header unless asked


def test_form_rows_follow_the_kind() -> None:
    speech = get_kind("work_report").new_report(2024, UNIT)
    rows = {f.name for f in offered_fields(get_kind("work_report").offered, speech)}
    assert "doc_number" not in rows and "title" in rows
    speech.doc_number = "某组发〔2024〕1号"  # a value typed or imported stays visible
    assert "doc_number" in {f.name for f in offered_fields(frozenset(), speech)}
    summary = get_kind("half_year_summary")
    assert "signers" in {f.name for f in offered_fields(summary.offered, summary.new_report(2024, UNIT))}


def test_a_kind_with_an_unknown_element_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    source = (get_kind("half_year_summary").folder / "kind.toml").read_text(encoding="utf-8")
    (folder / "kind.toml").write_text(source.replace('doc_number = ""', 'doc_numbr = ""'), encoding="utf-8")
    with pytest.raises(KindError, match="doc_numbr"):
        load_kind(folder)
    (folder / "kind.toml").write_text(source.replace('header_mode = "none"', 'header_mode = "red"'), encoding="utf-8")
    with pytest.raises(KindError, match="header_mode"):
        load_kind(folder)


def test_elements_are_saved_and_loaded(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    report = upward_report()
    report.copy_to = "区委办公室"
    report.print_date = "2024-07-02"
    save_draft(report, path)
    back = load_draft(path)
    for name in ("header_mode", "doc_number", "signers", "secrecy", "copy_number", "copy_to", "print_date"):
        assert getattr(back, name) == getattr(report, name), name


def test_drafts_saved_before_the_elements_still_open() -> None:
    # A version-2 draft as saved before issue 15: no 公文 element keys at all.
    old = {"format": "baogao-draft", "version": 2, "report": {"kind": "half_year_summary", "title": "总结"}}
    text = json.dumps(old, ensure_ascii=False)
    from core.draft.draft_file import FORMAT_NAME

    report = loads(text.replace("baogao-draft", FORMAT_NAME))
    assert (report.header_mode, report.doc_number, report.print_date) == ("", "", "")
    assert report.attachment_texts == []
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "format1_half_year.draft.json"
    old_draft = load_draft(fixture)  # format 1, two versions back
    assert (old_draft.header_mode, old_draft.signers, old_draft.copy_to) == ("", "", "")


# ── carry-over ──


def test_carry_over_keeps_signers_clears_print_date_and_flags_the_doc_number() -> None:
    prior = upward_report()
    prior.year = 2023
    prior.doc_number = "某组发〔2023〕5号"
    prior.print_date = "2023-07-03"
    prior.prior_source = "2023年上半年工作总结.docx"
    for draft in (carry_outline(get_kind("half_year_summary"), prior, 2024), carry_over(prior, 2024).report):
        assert draft.signers == "张三 李四"
        assert draft.secrecy == "秘密★1年"
        assert (draft.print_date, draft.copy_number, draft.urgency) == ("", "", "")
        assert draft.doc_number == "某组发〔2023〕5号"
        flagged = [(f.field, f.text) for f in flags_for(draft) if f.rule == DOC_NUMBER]
        assert flagged == [("doc_number", "2023"), ("doc_number", "5")]


def test_an_element_last_year_lacked_starts_from_the_kinds_default() -> None:
    prior = get_kind("half_year_summary").new_report(2023, UNIT)
    prior.issuer_mark = ""  # e.g. imported from a report sent without a 版头
    draft = carry_outline(get_kind("half_year_summary"), prior, 2024)
    assert draft.issuer_mark == f"{UNIT}文件"


def test_a_fresh_doc_number_is_not_flagged() -> None:
    report = upward_report()  # typed this year, not carried from a prior report
    assert [f for f in flags_for(report) if f.rule == DOC_NUMBER] == []


# ── checks ──


@pytest.mark.parametrize(
    ("typed", "spots"),
    [
        ("某组发〔2024〕5号", []),
        ("某组发[2024]5号", ["[2024]"]),
        ("某组发【2024】5号", ["【2024】"]),
        ("某组发（2024）5号", ["（2024）"]),
        ("某组发〔2024〕05号", ["05"]),
        ("某组发〔2024〕第5号", ["第"]),
        ("某组发〔2024〕5", ["5"]),
        ("5号", ["5号"]),
    ],
)
def test_doc_number_form(typed: str, spots: list[str]) -> None:
    assert [typed[p.start : p.end] for p in doc_number_problems(typed)] == spots
    report = upward_report()
    report.doc_number = typed
    assert [f.text for f in run_checks(report, only=["doc_number_form"])] == spots


def test_doc_number_parts() -> None:
    parsed = parse_doc_number("京组发〔2024〕12号")
    assert parsed is not None and (parsed.year, parsed.number) == (2024, "12")


def test_signers_are_expected_on_an_upward_report_with_a_header() -> None:
    report = upward_report()
    report.signers = ""
    assert [f.message for f in run_checks(report, only=["signers_upward"])] == ["上报的报告应在版头标注签发人。"]
    report.header_mode = ""
    assert run_checks(report, only=["signers_upward"]) == []
    keypoints = get_kind("annual_keypoints").new_report(2024, UNIT)
    keypoints.header_mode = HEADER_ELECTRONIC
    assert run_checks(keypoints, only=["signers_upward"]) == []


@pytest.mark.parametrize(
    ("secrecy", "copy_number", "urgency", "count"),
    [
        ("秘密★1年", "000001", "特急", 0),
        ("机密", "000001", "加急", 0),
        ("绝密★长期", "000001", "", 0),
        ("秘密☆1年", "000001", "", 1),
        ("内部", "000001", "", 1),
        ("秘密1年", "000001", "", 1),
        ("秘密★1年", "", "", 1),  # 涉密公文 without 份号
        ("", "", "急件", 1),
    ],
)
def test_secrecy_and_urgency_form(secrecy: str, copy_number: str, urgency: str, count: int) -> None:
    report = upward_report()
    report.secrecy, report.copy_number, report.urgency = secrecy, copy_number, urgency
    assert len(run_checks(report, only=["secrecy_form"])) == count


def test_print_date_is_not_before_the_date_written() -> None:
    report = upward_report()
    report.date, report.print_date = "2024-07-02", "2024-07-01"
    assert [f.text for f in run_checks(report, only=["print_date_order"])] == ["2024-07-01"]
    report.print_date = "2024-07-02"
    assert run_checks(report, only=["print_date_order"]) == []


def test_no_header_no_header_findings() -> None:
    report = upward_report(mode="")
    report.doc_number, report.secrecy, report.signers = "第05号", "内部", ""
    assert run_checks(report, only=GONGWEN_CHECKS) == []


# ── import: the 版头 and 附件 pages come back as fields ──


def test_render_then_import_keeps_header_attachments_and_outline(tmp_path: Path) -> None:
    from core.importing.importer import import_document
    from core.render import render_report

    report = attached_report()
    out = tmp_path / "报告.docx"
    render_report(report, out)
    back = import_document(out).report
    for name in ("title", "addressee", "copy_number", "secrecy", "urgency", "issuer_mark", "doc_number",
                 "header_mode", "attachments", "signature", "date", "copy_to", "printer", "print_date"):
        assert getattr(back, name) == getattr(report, name), name  # the 版记 is read from its footer
    assert back.signers == "张三 李四"
    # The attachment pages come back as parts ticked 作为附件, to be edited like any other part.
    *text, first, second = back.sections
    assert [s.heading for s in text] == [s.heading for s in report.sections]
    assert [(p.heading, p.attachment, p.body) for p in (first, second)] == [
        ("上半年重点工作完成情况", True, ["党建工作完成情况良好。", "组织工作稳步推进。"]),
        ("干部培训计划", True, ["全年培训干部500人次。"]),
    ]
    assert back.attachment_texts == []
    from core.text.plaintext import report_paragraphs

    assert report_paragraphs(back) == report_paragraphs(report)  # 附件说明 and 版记 included, once each


def test_imprint_typed_as_paragraphs_is_taken_from_the_end() -> None:
    from core.importing.importer import parse_text

    text = "\n".join([
        "某组发〔2024〕5号", "", "关于某事的报告", "区委：", "现将有关情况报告如下。", "中共某某区委组织部",
        "2024年7月1日", "抄送：区委办公室，区政府办公室。", "中共某某区委组织部办公室 2024年7月2日印发",
    ])
    report = parse_text(text).report
    assert (report.doc_number, report.copy_to) == ("某组发〔2024〕5号", "区委办公室，区政府办公室")
    assert (report.printer, report.print_date) == ("中共某某区委组织部办公室", "2024-07-02")
    assert report.title == "关于某事的报告" and report.date == "2024-07-01"


def test_documents_without_a_header_are_left_alone() -> None:
    from core.importing.gongwen_parts import take_gongwen_parts

    lines = ["2024年上半年工作总结", "今年以来，我们做了很多工作。", "一、主要做法", "附件1"]
    assert take_gongwen_parts(lines) == ({}, lines)
    # A title with the number of the document it issues under it is no 版头.
    cited = ["关于印发《2024年工作要点》的通知", "某组发〔2024〕1号", "各单位：", "现将……印发给你们。"]
    assert take_gongwen_parts(cited) == ({}, cited)
    plain_organ = ["中共某某区委组织部", "某组发〔2024〕1号", "标题", "正文。"]
    assert take_gongwen_parts(plain_organ) == ({}, plain_organ)


_LINE = st.sampled_from([
    "", "000001", "秘密★1年", "特急", "某某文件", "某组发〔2024〕5号", "某组发〔2024〕5号\t签发人：张三", "标题",
    "区委：", "正文一段。", "一、标题", "2024年7月1日", "附件1", "附件", "抄送：甲。", "乙 2024年7月2日印发",
]) | st.text(max_size=12)


@given(st.lists(_LINE, max_size=20))
def test_taking_parts_never_invents_or_reorders_lines(lines: list[str]) -> None:
    from core.importing.gongwen_parts import take_gongwen_parts

    fields, rest = take_gongwen_parts(lines)
    assert not fields or rest != lines or not any(lines)
    # What is left is one run of the input, in order.
    joined = "\x00".join(lines)
    assert "\x00".join(rest) in joined


@pytest.mark.parametrize(
    ("note", "names"),
    [
        (["附件：1.上半年重点工作完成情况", "2.干部培训计划"], ["上半年重点工作完成情况", "干部培训计划"]),
        (["附件：干部培训计划"], ["干部培训计划"]),
        (["附件：1.甲表", "3.乙表"], []),  # not numbered on: not a 附件说明, left as text
    ],
)
def test_the_attachment_note_before_the_signature_is_read_as_names(note: list[str], names: list[str]) -> None:
    from core.importing.importer import parse_text
    from core.text.plaintext import report_paragraphs

    lines = ["关于某事的报告", "区委：", "现将有关情况报告如下。", "一、基本情况", "工作推进有力。", *note,
             "中共某某区委组织部", "2024年7月1日"]  # fmt: skip
    report = parse_text("\n".join(lines)).report
    assert report.attachments == names
    assert report.signature == "中共某某区委组织部" and report.date == "2024-07-01"
    paragraphs = report_paragraphs(report)
    assert sum(p.startswith("附件：") for p in paragraphs) == 1  # printed once, whichever way it was read
