"""A leader who joins two paragraphs without 修订 (Delete at the end of the first) moves the first
one's words into the second: when that half cannot be placed, the removal of the first is not
applied either — its words are never nowhere (walkthrough W10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.draft.model import Point, Section
from core.review.apply import apply_changes
from core.review.merge import review_copy
from core.review.revisions import read_reviewed
from core.text.plaintext import report_text
from tests.core.review_builders import (
    document_xml,
    edit_run,
    exported_draft,
    remove_paragraph,
    sample_report,
    write_reviewed,
)
from tests.core.test_review_merge import _with_custom

LEAD = "下半年，我们将认真贯彻上级部署要求。"
POINT = "持续打造强区建设需要的高素质干部队伍，始终突出政治历练，坚持把政治标准放在首位，严把选人用人关。"
FIRST_POINT = "一是" + POINT


@pytest.mark.parametrize("three_way", [True, False])
def test_a_lead_paragraph_joined_to_the_first_point_is_never_lost(tmp_path: Path, three_way: bool) -> None:
    report = sample_report()
    report.sections[2] = Section(heading="下半年工作打算", body=[LEAD],
                                 points=[Point(POINT), Point("全面增强党组织功能。")])
    _, exported = exported_draft(report, tmp_path)
    xml = edit_run(remove_paragraph(document_xml(exported), LEAD), FIRST_POINT, LEAD + FIRST_POINT)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    accepted = apply_changes(report, result.changes).report
    assert LEAD in report_text(accepted)  # in the body still, or joined to the point: never gone
    removals = [c for c in result.changes if c.old.strip() == LEAD and not c.new.strip()]
    assert all(not c.applicable for c in removals) or LEAD in "".join(p.text for p in accepted.sections[2].points)
