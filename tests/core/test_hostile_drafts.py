"""Hostile suite: bad drafts. Each is refused at load with the field named, never a crash
later and never silently wrong output; nothing in the folder changes."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.core.hostile_support import (
    assert_clear_refusal,
    assert_success,
    changed_files,
    draft_text,
    good_report,
    run_cli,
    snapshot,
    write_draft,
)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(report: dict[str, Any]) -> None:
        target: Any = report
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _nest(depth: int) -> Callable[[dict[str, Any]], None]:
    def change(report: dict[str, Any]) -> None:
        section: dict[str, Any] = {"heading": "底层"}
        for level in range(depth - 1):
            section = {"heading": f"第{level}层", "children": [section]}
        report["sections"] = [section]

    return change


BAD_FIELDS = [
    ("title-number", _set(("title",), 123), "“标题”应为文字"),
    ("null-paragraph", _set(("opening",), [None]), "“开头第1段”应为文字"),
    ("year-as-string", _set(("year",), "2024"), "“年度”应为整数"),
    ("year-out-of-range", _set(("year",), 99999), "“年度”99999 不在 1900—2200 之间"),
    ("year-true", _set(("year",), True), "“年度”应为整数"),
    ("date-number", _set(("date",), 20250101), "“成文日期”应为文字"),
    ("sections-string", _set(("sections",), "一、主要工作"), "“各部分”应为列表"),
    ("body-string", _set(("sections", 1, "body"), "一段文字"), "“第2部分的正文”应为列表"),
    ("body-paragraph-number", _set(("sections", 0, "body"), ["第一段", 5]), "“第1部分的正文第2段”应为文字"),
    ("point-null", _set(("sections", 1, "points"), [{"text": None}]), "“第2部分的第1个要点”应为文字"),
    ("point-string", _set(("sections", 1, "points"), ["一是加强"]), "“第2部分的第1个要点”应为一组字段"),
    ("child-heading-object", _set(("sections", 0, "children", 0, "heading"), {"a": 1}), "“第1部分第1小节的标题”应为文字"),
    ("run-in-string", _set(("sections", 0, "run_in"), "yes"), "“第1部分的标题接排”应为 true 或 false"),
    ("layout-unknown", _set(("sections", 0, "points_layout"), "grid"), "“第1部分的要点排法”只能是"),
    ("levels-two-placeholders", _set(("numbering",), {"levels": [{"fmt": "{cn}{n}"}]}), "“编号方式的第1级序号”最多含一个"),
    ("levels-fmt-null", _set(("numbering",), {"levels": [{"fmt": None}]}), "“编号方式的第1级序号”应为文字"),
    ("points-format-n", _set(("numbering",), {"points": "{n}是"}), "“编号方式的要点序号”须含一个 {cn}"),
    ("numbering-list", _set(("numbering",), []), "“编号方式”应为一组字段"),
    ("too-deep-sections", _nest(10), "超过 8 级"),
    ("too-many-top-sections", _set(("sections",), [{"heading": "项"}] * 10_000), "有 10000 项，超过上限 9999 项"),
    ("heading-two-million-chars", _set(("sections", 0, "heading"), "长" * 2_000_000), "过长"),
    ("header-mode-unknown", _set(("header_mode",), "red"), "“版头”只能是"),
    ("attachment-texts-string", _set(("attachment_texts",), "附件一"), "“附件正文”应为列表"),
    ("report-a-list", lambda report: report.clear(), "“报告内容”应为一组字段"),
]


@pytest.mark.parametrize(("change", "words"), [case[1:] for case in BAD_FIELDS], ids=[c[0] for c in BAD_FIELDS])
def test_a_bad_field_is_named(tmp_path: Path, change: Callable[[dict[str, Any]], None], words: str) -> None:
    report = copy.deepcopy(good_report())
    change(report)
    payload: Any = report or []
    draft = write_draft(tmp_path / "坏.draft.json", payload)
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "坏.draft.json", "草稿中", words)
    assert changed_files(before, snapshot(tmp_path)) == set()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("deep-arrays", '{"format": "baogao-draft", "version": 1, "report": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "嵌套超过 40 层"),
        ("deep-objects", '{"format": "baogao-draft", "version": 1, "report": '
         + '{"a":' * 2_000 + "1" + "}" * 2_000 + "}", "嵌套超过 40 层"),
        ("brackets-inside-strings-are-text", draft_text({**good_report(), "title": "[" * 5_000}), ""),
        ("year-with-5000-digits", '{"format": "baogao-draft", "version": 1, "report": {"year": '
         + "9" * 5_000 + "}}", "无法识别的数值"),
        ("version-string", '{"format": "baogao-draft", "version": "1", "report": {}}', "版本"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "",
)
def test_malformed_json_is_refused_without_recursion(tmp_path: Path, name: str, content: str, words: str) -> None:
    draft = tmp_path / "坏.draft.json"
    draft.write_text(content, encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "-o", tmp_path / "输出.docx")
    if not words:  # brackets inside text are text: the draft is fine
        assert_success(result)
        assert changed_files(before, snapshot(tmp_path)) == {"输出.docx"}
        return
    assert_clear_refusal(result, "坏.draft.json", words)
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_a_draft_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "坏.draft.json"
    draft.write_bytes(draft_text(good_report()).encode("gb18030"))
    result = run_cli("render", draft, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "不是 UTF-8")


def _document_texts(path: Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs]


def test_one_hundred_and_twenty_sections_are_numbered_in_chinese(tmp_path: Path) -> None:
    report = good_report()
    report["sections"] = [{"heading": f"第{i}项工作"} for i in range(1, 121)]
    draft = write_draft(tmp_path / "长.draft.json", report)
    result = run_cli("render", draft, "-o", tmp_path / "输出.docx")
    assert_success(result)
    texts = _document_texts(tmp_path / "输出.docx")
    assert {"九十九、第99项工作", "一百、第100项工作", "一百零一、第101项工作", "一百二十、第120项工作"} <= set(texts)


def test_copied_section_ids_are_made_unique(tmp_path: Path) -> None:
    from core.draft.draft_file import load_draft

    report = good_report()
    report["sections"] = [{"heading": "甲", "id": "same"}, {"heading": "乙", "id": "same"}, {"heading": "丙", "id": ""}]
    draft = write_draft(tmp_path / "重.draft.json", report)
    ids = [section.id for _, section in load_draft(draft).walk()]
    assert ids[0] == "same" and len(set(ids)) == 3 and all(ids)


def test_a_valid_draft_round_trips_unchanged(tmp_path: Path) -> None:
    from core.draft.draft_file import dumps, load_draft

    draft = write_draft(tmp_path / "好.draft.json", good_report())
    text = dumps(load_draft(draft))  # gives the sections their ids
    draft.write_text(text, encoding="utf-8")
    assert dumps(load_draft(draft)) == text
    assert json.loads(text)["report"]["sections"][0]["children"][0]["heading"] == "党建工作"


def test_render_output_has_no_stray_parts(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "好.draft.json", good_report())
    assert_success(run_cli("render", draft, "-o", tmp_path / "输出.docx"))
    with zipfile.ZipFile(tmp_path / "输出.docx") as package:
        assert "word/document.xml" in package.namelist()


def test_a_deep_draft_stays_within_a_gigabyte_in_a_child(tmp_path: Path) -> None:
    from tests.core.hostile_support import run_cli_limited

    draft = tmp_path / "深.draft.json"
    draft.write_text('{"format": "baogao-draft", "version": 1, "report": ' + "[" * 500_000 + "]" * 500_000 + "}",
                     encoding="utf-8")
    result = run_cli_limited(tmp_path, "render", draft, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "深.draft.json", "嵌套超过 40 层")


def test_every_field_of_the_model_is_checked() -> None:
    # A field added to the model must be added to the checks, or a bad value slips through
    # (points, children, points_layout and tables have their own checks in validate._sections;
    # numbering and reviews theirs in validate._numbering and validate._reviews; an attachment
    # part's own numbering is checked by validate._numbering too).
    from core.draft import validate
    from core.draft.fields import REPORT_FIELDS
    from core.draft.model import Report, Section

    checked_report = {row.name for row in REPORT_FIELDS} | set(validate._REPORT_TEXTS) | set(validate._REPORT_LISTS)
    assert set(Report.__dataclass_fields__) - checked_report == {"sections", "numbering", "reviews"}
    checked_section = set(validate._SECTION_TEXTS) | set(validate._SECTION_LISTS) | set(validate._SECTION_FLAGS)
    assert set(Section.__dataclass_fields__) - checked_section == {
        "points", "children", "points_layout", "tables", "numbering"}


def test_a_bad_numbering_of_an_attachment_part_is_named(tmp_path: Path) -> None:
    report = good_report()
    report["sections"][0]["numbering"] = {"levels": [{"fmt": "{cn}{n}"}]}
    draft = write_draft(tmp_path / "坏.draft.json", report)
    assert_clear_refusal(run_cli("render", draft, "-o", tmp_path / "输出.docx"), "“第1部分的编号方式的第1级序号”最多含一个")


def test_a_bad_recognition_mark_is_named(tmp_path: Path) -> None:
    report = good_report()
    report["sections"][0]["recognized_by"] = 3
    draft = write_draft(tmp_path / "坏.draft.json", report)
    assert_clear_refusal(run_cli("render", draft, "-o", tmp_path / "输出.docx"), "“第1部分的标题识别方式”应为文字")
