"""Property: accept-all never makes half of a replacement. Random edit scripts (untracked and
tracked, as Word writes them) over the paragraphs of an exported report: each paragraph kept,
written on, rewritten, struck out, or given a new paragraph after it."""

from __future__ import annotations

import copy
import functools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.draft.model import Report
from core.review.apply import apply_changes
from core.review.merge import review_copy
from core.review.revisions import read_reviewed
from core.text.textslots import iter_slots
from tests.core.review_builders import (
    add_paragraph_after,
    dele,
    document_xml,
    edit_run,
    exported_draft,
    inserted_paragraph,
    plain_paragraph,
    remove_paragraph,
    replace_runs,
    sample_report,
    write_reviewed,
)

# Runs of the exported copy, in reading order: the 开头, 正文, a run-in section's text (its
# paragraph struck out takes its heading: not applicable), a heading, the 结尾.
EDITABLE = [
    "今年以来，我局认真贯彻落实市委决策部署，各项工作稳步推进。",
    "一是抓好党建工作，全年召开党组会议12次。",
    "二是推进项目建设，完成固定资产投资3亿元。",
    "班子成员带头学习，开展专题研讨4次。",
    "二、存在的问题",
    "围绕中心工作，抓好各项任务落实。",
    "下半年，我们将继续努力，确保完成全年目标任务。",
]
ACTIONS = ("keep", "write_on", "rewrite", "strike", "strike_tracked", "add_after", "add_after_tracked")
words = st.text(alphabet="改革发展稳定推进落实工作任务全面加强深化提升。，", min_size=3, max_size=16)


@functools.cache
def _exported() -> tuple[Path, Path, Report]:
    """The report exported once (its sent version kept: copies merge three ways against it)."""
    folder = Path(tempfile.mkdtemp(prefix="review-props-"))
    report = sample_report()
    return folder, exported_draft(report, folder)[1], report


def _edited(xml: str, script: list[tuple[str, str]]) -> str:
    for text, (action, new) in zip(EDITABLE, script, strict=True):
        if action == "write_on":
            xml = edit_run(xml, text, text + new)
        elif action == "rewrite":
            xml = edit_run(xml, text, new)
        elif action == "strike":
            xml = remove_paragraph(xml, text)
        elif action == "strike_tracked":
            xml = replace_runs(xml, text, dele(text))
        elif action == "add_after":
            xml = add_paragraph_after(xml, text, plain_paragraph(new))
        elif action == "add_after_tracked":
            xml = add_paragraph_after(xml, text, inserted_paragraph(new))
    return xml


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), words), min_size=len(EDITABLE), max_size=len(EDITABLE)))
# A paragraph typed after 正文 where the run-in section after it was struck out with its heading.
@example([("keep", ""), ("keep", ""), ("add_after", "深化改革"), ("strike", ""), ("keep", ""), ("keep", ""),
          ("keep", "")])
def test_accept_all_makes_both_halves_of_a_replacement_or_neither(script: list[tuple[str, str]]) -> None:
    folder, exported, sent = _exported()
    out = Path(tempfile.mkdtemp(dir=folder)) / "审阅.docx"
    reviewed = write_reviewed(exported, out, _edited(document_xml(exported), script))
    report = copy.deepcopy(sent)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way
    pairs: dict[str, list[str]] = {}
    for change in result.changes:
        if change.pair:
            pairs.setdefault(change.pair, []).append(change.id)
            assert change.applicable == all(c.applicable for c in result.changes if c.pair == change.pair)
    applied = apply_changes(report, result.changes)
    done = set(applied.applied)
    for members in pairs.values():
        assert {m in done for m in members} in ({True}, {False})
    # Nothing the leader wrote is lost: every new text is in the accepted draft when its
    # changes were all applied, and listed otherwise.
    accepted = "\n".join(slot.text for slot in iter_slots(applied.report))
    for text, (action, new) in zip(EDITABLE, script, strict=True):
        if action in ("write_on", "rewrite", "add_after", "add_after_tracked") and new.strip("。，"):
            listed = [c for c in result.changes if new.strip() and new.strip() in (c.new or "")]
            if all(c.id in done for c in listed) and listed:
                assert new.strip() in accepted.replace("\n", "") or new in accepted, (text, action, new)
