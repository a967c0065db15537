"""Pre-flight before export: what is still open, where it is, and the CLI's --strict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cli.main import main
from core.checks.preflight import (
    CHECK_ITEM,
    EMPTY_SECTION,
    FLAG_ITEM,
    MISSING,
    PLACEHOLDER_ITEM,
    preflight,
    summary,
)
from core.draft.draft_file import save_draft
from core.draft.kinds import get_kind
from core.draft.model import Report, Section
from core.reuse.flags import flags_for, set_flag_verified


def ready_report() -> Report:
    return Report(
        kind="half_year_summary",
        title="某某区委组织部2025年上半年工作总结",
        unit="某某区委组织部",
        year=2025,
        date="2025-07-01",
        signature="某某区委组织部",
        opening=["今年以来，各项工作稳步推进。"],
        sections=[Section(heading="开展情况", body=["完成了全年任务的一半。"])],
    )


def test_a_finished_report_has_nothing_open() -> None:
    assert preflight(ready_report()) == []
    assert summary([]) == ""


def test_missing_title_signature_and_date_of_a_dated_kind() -> None:
    report = ready_report()
    report.title, report.signature, report.date = "", "", ""
    items = preflight(report)
    assert [(i.kind, i.field, i.place) for i in items] == [
        (MISSING, "title", "标题"),
        (MISSING, "signature", "署名"),
        (MISSING, "date", "成文日期"),
    ]
    assert summary(items) == "还有 3 处待处理：缺少3处。"


def test_a_kind_without_signature_or_date_does_not_ask_for_them() -> None:
    report = ready_report()
    report.kind, report.signature, report.date = "work_report", "", ""
    assert preflight(report) == []


def test_placeholders_unverified_flags_empty_sections_and_error_findings_with_places() -> None:
    report = ready_report()
    section = report.sections[0]
    section.body = ["完成xx项任务，比2024年3月多两项。"]
    section.children = [Section(heading="从严管理")]  # nothing written under it
    section.children.append(Section(heading="强化保障", body=["加强“组织保障。"]))  # unpaired quote
    items = preflight(report)
    kinds = [(i.kind, i.section_id, i.field, i.index, i.start, i.end) for i in items]
    sid, empty_id, quoted_id = section.id, section.children[0].id, section.children[1].id
    assert kinds == [
        (PLACEHOLDER_ITEM, sid, "body", 0, 2, 4),
        (FLAG_ITEM, sid, "body", 0, 9, 16),
        (EMPTY_SECTION, empty_id, "heading", 0, 0, 4),
        (CHECK_ITEM, quoted_id, "body", 0, 2, 8),
    ]
    assert items[0].place == "一、开展情况 正文第1段第3字"
    assert items[2].line() == "[空白部分] 一、开展情况 / （一）从严管理：这一部分还没有写内容。"
    # A flag the clerk has marked 已核实 is no longer open.
    past = next(f for f in flags_for(report) if f.kind == "past_date")
    set_flag_verified(report, past.id)
    assert FLAG_ITEM not in [i.kind for i in preflight(report)]


def test_a_chapter_whose_text_is_in_its_sub_sections_is_not_empty() -> None:
    report = ready_report()
    report.sections = [Section(heading="开展情况", children=[Section(heading="从严管理", body=["严格管理。"])])]
    assert preflight(report) == []


def test_new_drafts_of_dated_kinds_get_a_date_and_the_kind_layout() -> None:
    kind = get_kind("annual_keypoints")
    this_year = dt.date.today().year
    report = kind.new_report(this_year, "某某区委组织部")
    assert report.date == dt.date.today().isoformat() and report.signature == "某某区委组织部"
    assert report.signature_layout == "sealed"
    assert get_kind("work_report").new_report(this_year).date == ""
    # Today is only a sensible 成文日期 for this year's report or last year's.
    jan = dt.date(2026, 1, 10)
    assert kind.kind_defaults(2025, today=jan)["date"] == "2026-01-10"
    assert kind.kind_defaults(2026, today=jan)["date"] == "2026-01-10"
    assert kind.kind_defaults(2023, today=jan)["date"] == ""


def test_carried_text_keeps_last_years_signature() -> None:
    from core.reuse.new_draft import CARRY_TEXT, new_draft

    prior = ready_report()
    prior.signature = "中共某某区委组织部办公室"
    draft = new_draft("half_year_summary", dt.date.today().year, "", prior, CARRY_TEXT).report
    assert draft.signature == "中共某某区委组织部办公室"
    assert draft.date  # 成文日期 on by default for a kind that ends with one


def _draft(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "草稿.draft.json"
    save_draft(report, path)
    return path


def test_cli_render_warns_and_strict_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = ready_report()
    report.sections[0].body = ["完成xx项任务。"]
    source = _draft(tmp_path, report)
    out = tmp_path / "报告.docx"
    assert main(["render", str(source), "-o", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "警告：[占位符] 一、开展情况 正文第1段第3字：“xx”是占位符，尚未填写。" in err
    assert "未生成文档（--strict）" in err
    assert not out.exists()
    assert main(["render", str(source), "-o", str(out)]) == 0
    assert "警告：[占位符]" in capsys.readouterr().err
    assert out.is_file()


def test_cli_render_strict_passes_a_ready_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "报告.docx"
    assert main(["render", str(_draft(tmp_path, ready_report())), "-o", str(out), "--strict"]) == 0
    assert "警告" not in capsys.readouterr().err
    assert out.is_file()
