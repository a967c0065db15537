"""What the draft keeps of a review: the record of decisions (saved, listed, in the history),
the pending changes marked in a section's text, and nothing of it carried into next year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cli.main import main
from core.base.errors import ReportError
from core.draft.draft_file import load_draft, loads, save_draft
from core.draft.history import list_versions, record_version, version_events
from core.draft.reviews import ACCEPTED, REJECTED, ReviewRecord
from core.reuse.carryover import carry_over
from core.review.changes import review_changes
from core.review.markup import DELETED, INSERTED, Segment, marked_section
from core.review.revisions import read_reviewed
from tests.core.test_review_roundtrip import EXPECTED_LISTING


def test_accept_all_records_the_review_and_a_second_listing_shows_it(
    reviewed_case: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, reviewed = reviewed_case
    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out)]) == 0
    (record,) = load_draft(out).reviews
    assert (record.file, record.authors, record.reviewed_on) == ("报告（审阅稿）.docx", ("李主任", "王处长"), "2025-07-12")
    assert record.total == len(EXPECTED_LISTING) and record.finished
    assert set(record.decisions.values()) == {ACCEPTED}
    assert record.label == "审阅稿（李主任、王处长，7月12日）已处理"
    capsys.readouterr()
    # Listing the same copy against the accepted draft: every line says it was accepted,
    # instead of calling the changes 不再适用.
    assert main(["review", str(out), str(reviewed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(EXPECTED_LISTING)
    assert all(line.endswith("【已接受】") for line in lines)
    assert lines[0].endswith("\t修改\t李主任\t12 → 15【已接受】")


def test_record_round_trip_and_labels(tmp_path: Path) -> None:
    record = ReviewRecord("审阅稿.docx", "ab" * 32, ("李主任",), "2025-07-12", 3)
    assert record.label == "审阅稿（李主任，7月12日）处理中：已接受 0 处，已拒绝 0 处，待定 3 处"
    record = record.with_decisions({"1": ACCEPTED, "2": REJECTED})
    assert record.label == "审阅稿（李主任，7月12日）处理中：已接受 1 处，已拒绝 1 处，待定 1 处"
    assert record.with_decisions({"2": None}).decisions == {"1": ACCEPTED}
    done = record.with_decisions({"3": ACCEPTED})
    assert done.finished and done.label == "审阅稿（李主任，7月12日）已处理"
    assert ReviewRecord("x.docx", "cd", (), "", 0).label == "审阅稿（未署名）已处理"

    from tests.core.review_builders import sample_report

    report = sample_report()
    report.reviews = [done]
    report.sections[0].notes = ["王处长批注“3亿元”：请核实。"]
    report.sections[0].handled_notes = ["王处长批注“3亿元”：请核实。"]
    path = tmp_path / "r.draft.json"
    save_draft(report, path)
    again = load_draft(path)
    assert again.reviews == [done] and again.sections[0].handled_notes == report.sections[0].handled_notes


@pytest.mark.parametrize(
    ("reviews", "message"),
    [
        ("x", "“审阅记录”应为列表"),
        ([{"file": "a", "decisions": {"1": "maybe"}}], "只能是 accepted 或 rejected"),
        ([{"file": "a", "total": -1}], "改动数"),
        ([{"file": 5}], "应为文字"),
    ],
)
def test_bad_review_records_are_refused_by_name(reviews: object, message: str) -> None:
    text = json.dumps({"format": "baogao-draft", "version": 3, "report": {"reviews": reviews}})
    with pytest.raises(ReportError, match=message):
        loads(text)


def test_pending_changes_marked_in_the_section_text(reviewed_case: tuple[Path, Path]) -> None:
    draft, reviewed = reviewed_case
    report = load_draft(draft)
    changes = review_changes(report, read_reviewed(reviewed)).changes
    first = report.sections[0]
    marked = marked_section(report, first.id, changes)
    assert [(p.field, p.index) for p in marked] == [("body", 0), ("body", 1)]
    assert marked[0].segments == (
        Segment("一是抓好党建工作，全年召开党组会议"), Segment("12", DELETED), Segment("15", INSERTED), Segment("次。"),
    )
    assert marked[1].segments == (
        Segment("二是推进项目建设，完成"), Segment("固定资产", DELETED), Segment("投资3亿元。"),
    )
    third = report.sections[2]
    texts = [[(s.text, s.mark) for s in p.segments] for p in marked_section(report, third.id, changes)]
    assert texts == [
        [("围绕中心工作，", DELETED), ("抓好各项任务落实。", "")],
        [("同时，认真谋划明年工作。", INSERTED)],
    ]
    # Decided changes are not passed in: nothing left to mark.
    assert marked_section(report, first.id, [c for c in changes if c.section_id != first.id]) == []


def test_history_says_when_a_review_was_taken_in_and_finished(tmp_path: Path) -> None:
    from tests.core.review_builders import sample_report

    report = sample_report()
    path = tmp_path / "报告.draft.json"
    record = ReviewRecord("审阅稿.docx", "ef" * 32, ("李主任",), "2025-07-12", 2)
    start = dt.datetime(2025, 7, 13, 9, 0)
    for minutes, reviews in enumerate(
        ([], [record], [record.with_decisions({"1": ACCEPTED})], [record.with_decisions({"1": ACCEPTED, "2": REJECTED})])
    ):
        report.reviews = reviews
        save_draft(report, path)
        record_version(path, start + dt.timedelta(minutes=minutes))
    versions = list_versions(path)
    events = [version_events(versions)[v.file] for v in versions]
    assert events == [
        ["审阅稿（李主任，7月12日）已处理"],
        ["审阅稿（李主任，7月12日）处理中：已接受 1 处，已拒绝 0 处，待定 1 处"],
        ["审阅稿（李主任，7月12日）处理中：已接受 0 处，已拒绝 0 处，待定 2 处"],
        [],
    ]


def test_next_years_draft_starts_without_last_years_review() -> None:
    from tests.core.review_builders import sample_report

    report = sample_report()
    report.year = 2025
    report.reviews = [ReviewRecord("审阅稿.docx", "ab", ("李主任",), "2025-07-12", 1)]
    report.sections[0].notes = ["李主任批注：好。"]
    report.sections[0].handled_notes = ["李主任批注：好。"]
    draft = carry_over(report, 2026).report
    assert draft.reviews == []
    assert all(not s.notes and not s.handled_notes for _, s in draft.walk())


def test_preflight_lists_an_unfinished_review_and_unhandled_comments(reviewed_case: tuple[Path, Path], tmp_path: Path) -> None:
    from core.checks.preflight import REVIEW_ITEM, preflight

    draft, reviewed = reviewed_case
    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out)]) == 0
    report = load_draft(out)
    open_review = [item for item in preflight(report) if item.kind == REVIEW_ITEM]
    # The review is worked through; its three comments are kept as notes, none ticked yet.
    assert [item.place for item in open_review] == ["一、主要工作成效", "三、下半年工作打算", "三、下半年工作打算"]
    assert open_review[0].message == "批注尚未标为已处理：王处长（2025-07-12）批注“3亿元”：请核实投资数据。"
    for _, section in report.walk():
        section.handled_notes = list(section.notes)
    (record,) = report.reviews
    report.reviews = [record.with_decisions({change_id: None for change_id in list(record.decisions)[:2]})]
    assert [item.message for item in preflight(report) if item.kind == REVIEW_ITEM] == [
        "审阅稿（李主任、王处长，7月12日）处理中：已接受 10 处，已拒绝 0 处，待定 2 处。"
        "请导入这份审阅稿，在“审阅”栏接受或拒绝其余改动。"
    ]
