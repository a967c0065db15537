"""Flags and check findings are one record with one id rule."""

from __future__ import annotations

from core.checks import run_checks
from core.draft.model import Report, Section
from core.reuse.flags import Flag, flags_for
from core.text.findings import Finding, finding_id


def test_flags_and_findings_share_the_record_and_the_id_rule() -> None:
    section = Section(heading="加强学习", body=["的的确确完成XX项任务，XX项任务的的完成。"])
    report = Report(year=2024, sections=[section])
    flags = flags_for(report)
    findings = run_checks(report, only=["repeated_char"])
    assert Flag is Finding and flags and findings
    assert all(isinstance(x, Finding) for x in (*flags, *findings))
    assert [f.id for f in flags] == [finding_id(section.id, "placeholder", "XX", n) for n in (0, 1)]
    assert findings[0].id.startswith(f"{section.id}:repeated_char:")
    assert flags[0].label == flags[0].kind_label == "占位符"
    assert findings[0].label == "重复字词"
    assert flags[0].place == findings[0].place.split("第")[0] + "第1段第7字"


def test_mechanical_findings_carry_their_fix() -> None:
    from core.text.findings import fixed_text

    section = Section(heading="加强学习", body=["要把的的工作做好,确保2024.6.30前完成(含验收)。"])
    report = Report(year=2024, sections=[section])
    fixes = {(f.rule, f.text): f.fix for f in run_checks(report)}
    assert fixes[("repeated_char", "的的")] == "的"
    assert fixes[("halfwidth_punct", ",")] == "，"
    assert fixes[("halfwidth_punct", "(含验收)")] == "（含验收）"
    assert fixes[("date_format", "2024.6.30")] == "2024年6月30日"
    text = section.body[0]
    finding = next(f for f in run_checks(report) if f.rule == "repeated_char")
    assert fixed_text(text, finding) == "要把的工作做好,确保2024.6.30前完成(含验收)。"
    assert fixed_text(text.replace("的的", "的"), finding) is None  # changed since: no blind edit


def test_doc_number_fixes() -> None:
    from core.text.doc_number import doc_number_problems

    fixes = [(p.fix) for p in doc_number_problems("某组发[2024]第05号")]
    assert fixes == ["〔2024〕", "", "5"]


def test_several_fixes_in_one_text_overlaps_and_stale_ones_skipped() -> None:
    from core.text.findings import with_fixes

    section = Section(heading="加强学习", body=["工作的的重点,在基层;要把(主体责任)落实。"])
    findings = run_checks(Report(year=2024, sections=[section]))
    text = section.body[0]
    assert with_fixes(text, findings) == ("工作的重点，在基层；要把（主体责任）落实。", 4)
    # Typed over since the check ran: only the fixes whose text is still in place apply.
    assert with_fixes(text.replace("的的", "的"), findings) == ("工作的重点,在基层;要把(主体责任)落实。", 0)
    assert with_fixes(text, [f for f in findings if f.rule == "repeated_char"]) == (
        "工作的重点,在基层;要把(主体责任)落实。", 1
    )
    # Two fixes for overlapping spans: the one that starts first wins, the other waits.
    first, second = [f for f in findings if f.rule == "halfwidth_punct"][:2]
    overlapping = Finding(**{**second.__dict__, "start": first.start, "end": first.end + 1,
                             "text": text[first.start : first.end + 1], "fix": "X"})
    assert with_fixes(text, [first, overlapping])[1] == 1


def test_a_finding_is_current_while_its_text_stands_where_it_points() -> None:
    section = Section(heading="加强学习", body=["坚持大抓基层的的鲜明导向。", "第二段。"])
    report = Report(year=2024, sections=[section])
    finding = next(f for f in run_checks(report) if f.rule == "repeated_char")
    assert finding.is_current(report)
    section.body[0] = "近年来，" + section.body[0]  # the same words, further on
    assert not finding.is_current(report)
    del section.body[0]  # the paragraph is gone: another now has its index
    assert not finding.is_current(report)
    report.sections.clear()
    assert not finding.is_current(report)
