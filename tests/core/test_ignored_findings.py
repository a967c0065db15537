"""忽略: a dismissed warning is keyed by its paragraph's text (core.checks.ignored)."""

from __future__ import annotations

from core.checks import check_report
from core.checks.ignored import ignore_key, passage_digest, set_ignored
from core.draft.model import Report, Section, snapshot

SLIPPED = "项目已经峻工，峻工以后效果很好。"


def _report(*body: str) -> Report:
    return Report(title="关于工作情况的报告", sections=[Section(heading="一、工作", body=list(body))])


def _typos(report: Report) -> list[tuple[int, int]]:
    return [(f.index, f.start) for f in check_report(report, only=["typo"]).findings]


def test_the_key_names_rule_text_occurrence_and_the_paragraph() -> None:
    assert ignore_key("typo", "峻工", 1, SLIPPED) == f"typo|峻工|1|{passage_digest(SLIPPED)}"
    assert len(passage_digest(SLIPPED)) == 16
    assert passage_digest(SLIPPED) != passage_digest(SLIPPED + "。")


def test_a_dismissed_occurrence_is_left_out_and_the_other_stays() -> None:
    report = _report(SLIPPED, "另一段：道路已经峻工。")
    run = check_report(report, only=["typo"])
    assert [(f.index, f.start) for f in run.findings] == [(0, 4), (0, 7), (1, 8)]
    second = run.findings[1]
    assert second.ignore_key == f"typo|峻工|1|{passage_digest(SLIPPED)}"
    assert set_ignored(report, second.ignore_key)
    assert not set_ignored(report, second.ignore_key)  # already dismissed: nothing changes
    run = check_report(report, only=["typo"])
    assert [(f.index, f.start) for f in run.findings] == [(0, 4), (1, 8)]
    assert [(f.index, f.start) for f in run.ignored] == [(0, 7)]
    assert set_ignored(report, second.ignore_key, False)
    assert _typos(report) == [(0, 4), (0, 7), (1, 8)]


def test_an_edited_paragraph_is_checked_again_and_the_same_text_elsewhere_stays_dismissed() -> None:
    report = _report(SLIPPED)
    first = check_report(report, only=["typo"]).findings[0]
    set_ignored(report, first.ignore_key)
    assert _typos(report) == [(0, 7)]
    report.sections[0].body = ["新的一段。", SLIPPED]  # moved: still the same paragraph text
    assert _typos(report) == [(1, 7)]
    report.sections[0].body = ["新的一段。", SLIPPED + "今年完成。"]
    assert _typos(report) == [(1, 4), (1, 7)]


def test_errors_cannot_be_dismissed() -> None:
    report = Report(title="", sections=[Section(heading="一、工作", body=["正文。"])])
    run = check_report(report)
    errors = [f for f in run.findings if f.rule == "missing_title"]
    assert errors and errors[0].ignore_key == ""


def test_the_list_is_replaced_so_a_snapshot_keeps_its_own() -> None:
    report = _report(SLIPPED)
    copy = snapshot(report)
    set_ignored(report, "typo|峻工|0|x")
    assert copy.ignored_findings == [] and report.ignored_findings == ["typo|峻工|0|x"]


def test_the_preflight_counts_what_is_not_dismissed() -> None:
    from core.checks.preflight import proofreading_note

    report = _report(SLIPPED)
    assert proofreading_note(report).startswith("另有校对提示 2 处（错别字2处）")
    first = check_report(report, only=["typo"]).findings[0]
    set_ignored(report, first.ignore_key)
    assert proofreading_note(report).startswith("另有校对提示 1 处（错别字1处）")
    set_ignored(report, check_report(report, only=["typo"]).findings[0].ignore_key)
    assert proofreading_note(report) == ""
