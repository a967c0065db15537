"""A paragraph the leader rewrote is one change of it; a paragraph removed and one added in its
place go together (core.review.match._pair_in_gaps, core.review.builder.bind_replacements)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.draft.model import Report
from core.office.libreoffice import find_soffice
from core.review.apply import apply_changes
from core.review.change import HALF_OF_REPLACEMENT, WHOLE_HEADING
from core.review.merge import review_copy
from core.review.revisions import read_reviewed
from tests.core.review_builders import (
    add_paragraph_after,
    dele,
    document_xml,
    edit_run,
    exported_draft,
    ins,
    inserted_paragraph,
    plain_paragraph,
    remove_paragraph,
    replace_runs,
    run,
    sample_report,
    saved_by_libreoffice,
    write_reviewed,
)
from tests.core.test_review_merge import CLOSING, OPENING, _with_custom


def _copy(report: Report, tmp_path: Path, xml_of, three_way: bool) -> Path:  # type: ignore[no-untyped-def]
    _, exported = exported_draft(report, tmp_path)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml_of(document_xml(exported)))
    return reviewed if three_way else _with_custom(reviewed, tmp_path / "无记录.docx", None)


@pytest.mark.parametrize("three_way", [True, False])
def test_a_short_opening_written_on_is_a_change_of_the_opening(tmp_path: Path, three_way: bool) -> None:
    # The clerk's walkthrough: an opening of a few words, the leader typed on (untracked) to
    # three times its length; it was listed as a paragraph with no place plus a deletion.
    report = replace(sample_report(), opening=["2023年上半年，"])
    reviewed = _copy(report, tmp_path, lambda xml: edit_run(xml, "2023年上半年，", "2023年上半年，区委组织部紧紧围绕中心工作，"),
                     three_way)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.new, c.applicable, c.place) for c in result.changes] == [
        ("插入", "", "区委组织部紧紧围绕中心工作，", True, "开头第1段第10字")
    ]
    assert apply_changes(report, result.changes).report.opening == ["2023年上半年，区委组织部紧紧围绕中心工作，"]


@pytest.mark.parametrize("three_way", [True, False])
def test_an_opening_rewritten_whole_goes_in_its_place(tmp_path: Path, three_way: bool) -> None:
    new = "现将有关情况报告如下。"  # nothing in common with the opening it replaces
    report = sample_report()
    reviewed = _copy(report, tmp_path, lambda xml: edit_run(xml, OPENING, new), three_way)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way == three_way
    assert sorted((c.kind, c.old, c.new, c.applicable, c.field) for c in result.changes) == [
        ("删除", OPENING, "", True, "opening"), ("插入", "", new, True, "opening"),
    ]
    assert apply_changes(report, result.changes).report.opening == [new]


def test_a_closing_rewritten_whole_stays_the_closing(tmp_path: Path) -> None:
    new = "特此报告。"
    report = sample_report()
    reviewed = _copy(report, tmp_path, lambda xml: edit_run(xml, CLOSING, new), True)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way
    after = apply_changes(report, result.changes).report
    assert (after.closing, after.sections[2].body) == ([new], ["围绕中心工作，抓好各项任务落实。"])


def test_a_tracked_paragraph_struck_and_another_typed_after_it_replace_it(tmp_path: Path) -> None:
    new = "特此报告。"

    def leader(xml: str) -> str:
        return replace_runs(add_paragraph_after(xml, CLOSING, inserted_paragraph(new)), CLOSING, dele(CLOSING))

    report = sample_report()
    reviewed = _copy(report, tmp_path, leader, True)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way
    assert len({c.pair for c in result.changes}) == 1 and all(c.applicable for c in result.changes)
    assert apply_changes(report, result.changes).report.closing == [new]


def test_a_heading_replaced_by_other_words_is_neither_deleted_nor_added_as_text(tmp_path: Path) -> None:
    # "二、存在的问题" deleted and "当前面临的困难" typed (little in common, no ordinal): the
    # heading's removal is the outline's business, so the typed words must not land as body text.
    def leader(xml: str) -> str:
        xml = add_paragraph_after(xml, "二、存在的问题", plain_paragraph("当前面临的困难"))
        return remove_paragraph(xml, "二、存在的问题")

    report = sample_report()
    reviewed = _copy(report, tmp_path, leader, True)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way
    assert [(c.kind, c.applicable, c.reason) for c in result.changes] == [
        ("插入", False, HALF_OF_REPLACEMENT), ("删除", False, WHOLE_HEADING),
    ]
    assert apply_changes(report, result.changes).report == report


def test_accept_all_skips_a_removal_whose_new_paragraph_is_skipped() -> None:
    # The new paragraph's section has gone from the draft: the removal next to it is not made either.
    report = sample_report()
    from core.review.change import ReviewChange

    removal = ReviewChange("1", "删除", "李主任", "", OPENING, "", field="opening", index=0, start=0,
                           end=len(OPENING), pair="gap1")
    addition = ReviewChange("2", "插入", "李主任", "", "", "新开头。", section_id="gone", field="body", index=0,
                            new_paragraph=True, pair="gap1")
    applied = apply_changes(report, [removal, addition])
    assert (applied.report.opening, applied.applied, sorted(applied.skipped)) == ([OPENING], [], ["1", "2"])


def test_words_typed_in_a_tracked_copy_into_the_opening(tmp_path: Path) -> None:
    report = sample_report()
    reviewed = _copy(report, tmp_path, lambda xml: replace_runs(xml, OPENING, run(OPENING) + ins("现报告如下。")), True)
    after = apply_changes(report, review_copy(report, read_reviewed(reviewed)).changes).report
    assert after.opening == [OPENING + "现报告如下。"]


# A run-in section's text runs on after its heading in one paragraph, its points after it.
RUN_IN_BODY = "注重在加强干部队伍建设上发力，落实干部选任工作要求，抓紧干部“选育管用”全链条工作机制。"
RUN_IN_POINT = "强化政治理论学习。做好全区干部教育培训计划，不断加强领导干部政治理论学习。"


def _run_in_report() -> Report:
    from core.draft.model import Point, Section

    report = sample_report()
    report.sections[0].children = [
        Section(heading="践行新时代好干部标准", run_in=True, body=[RUN_IN_BODY], points=[Point(RUN_IN_POINT)],
                points_layout="joined"),
    ]
    return report


@pytest.mark.parametrize("three_way", [True, False])
def test_a_comment_inside_a_run_in_paragraphs_text_is_on_that_text(tmp_path: Path, three_way: bool) -> None:
    from core.review.change import ReviewChange
    from tests.core.review_builders import CommentSpec, comment_end, comment_start

    report = _run_in_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    # Word's range, as the walkthrough's copy had it: from the text after the heading to the
    # paragraph's end, over the body and the point run on after it.
    start = xml.rindex("<w:r>", 0, xml.index(RUN_IN_BODY))
    end = xml.index("</w:p>", start)
    xml = xml[:start] + comment_start(1) + xml[start:end] + comment_end(1) + xml[end:]
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml, [CommentSpec(1, "李主任", "此段数字请再核实")])
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    changes: list[ReviewChange] = review_copy(report, read_reviewed(reviewed)).changes
    assert [(c.kind, c.field, c.index, c.place, c.content) for c in changes] == [
        ("批注", "body", 0, "一、主要工作成效 / （一）践行新时代好干部标准 正文第1段第1字",
         "“注重在加强干部队伍建设上发力，落实干部选任工作要求，抓紧干部…”：此段数字请再核实"),
    ]


def test_a_comment_on_a_few_words_of_a_run_in_paragraph_quotes_them(tmp_path: Path) -> None:
    from tests.core.review_builders import CommentSpec, comment_end, comment_start

    report = _run_in_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    start = xml.rindex("<w:r>", 0, xml.index(RUN_IN_BODY))
    end = xml.index("</w:r>", start) + len("</w:r>")
    xml = xml[:start] + (run("注重在加强干部队伍建设上发力，") + comment_start(1) + run("落实干部选任工作要求")
                         + comment_end(1) + run("，抓紧干部“选育管用”全链条工作机制。一是" + RUN_IN_POINT)) + xml[end:]
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml, [CommentSpec(1, "李主任", "要求要具体。")])
    [comment] = review_copy(report, read_reviewed(reviewed)).changes
    assert (comment.place, comment.content) == (
        "一、主要工作成效 / （一）践行新时代好干部标准 正文第1段第16字", "“落实干部选任工作要求”：要求要具体。"
    )


TEAM = "班子成员带头学习，开展专题研讨4次。"
PLANS = "围绕中心工作，抓好各项任务落实。"


def _headings_added(xml: str, paragraph) -> str:  # type: ignore[no-untyped-def]
    """After （一）'s text the leader typed "（二）…" (run-in, its text after the 。) and a plain
    paragraph under it; after 三、's text a new "四、…" heading line."""
    xml = add_paragraph_after(xml, PLANS, paragraph("四、抓好宣传工作"))
    xml = add_paragraph_after(xml, TEAM, paragraph("全年开展专项督查3次。"))
    return add_paragraph_after(xml, TEAM, paragraph("（二）推进作风建设。深入开展调查研究，形成调研报告6篇。"))


def _outline(report: Report) -> list[tuple[int, str, bool, list[str]]]:
    return [(depth, s.heading, s.run_in, s.body) for depth, s in report.walk()]


EXPECTED_OUTLINE = [
    (1, "主要工作成效", False, ["一是抓好党建工作，全年召开党组会议12次。", "二是推进项目建设，完成固定资产投资3亿元。"]),
    (2, "加强班子建设", True, [TEAM]),
    (2, "推进作风建设", True, ["深入开展调查研究，形成调研报告6篇。", "全年开展专项督查3次。"]),
    (1, "存在的问题", False, []),
    (1, "下半年工作打算", False, [PLANS]),
    (1, "抓好宣传工作", False, []),
]


@pytest.mark.parametrize(("three_way", "paragraph"), [
    (True, plain_paragraph), (False, inserted_paragraph), (True, inserted_paragraph),
])
def test_a_heading_with_the_next_ordinal_is_a_new_section(tmp_path: Path, three_way: bool, paragraph) -> None:  # type: ignore[no-untyped-def]
    from core.review.change import HEADING_ADDED

    report = sample_report()
    reviewed = _copy(report, tmp_path, lambda xml: _headings_added(xml, paragraph), three_way)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way == three_way
    assert [(c.kind, c.place, c.content, c.applicable) for c in result.changes] == [
        (HEADING_ADDED, "一、主要工作成效 / （一）加强班子建设 这一节之后",
         "（二）推进作风建设。深入开展调查研究，形成调研报告6篇。（其下另有1段）", True),
        (HEADING_ADDED, "三、下半年工作打算 这一节之后", "四、抓好宣传工作", True),
    ]
    after = apply_changes(report, result.changes).report
    assert _outline(after) == EXPECTED_OUTLINE
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。"]


def test_a_paragraph_with_an_ordinal_that_is_not_the_next_stays_text(tmp_path: Path) -> None:
    # "（五）" after "（一）" is no next heading: a paragraph of （一）'s text, its words as typed.
    report = sample_report()
    reviewed = _copy(report, tmp_path, lambda xml: add_paragraph_after(xml, TEAM, plain_paragraph("（五）其他工作。")), True)
    after = apply_changes(report, review_copy(report, read_reviewed(reviewed)).changes).report
    assert [len(s.children) for s in after.sections] == [1, 0, 0]
    assert after.sections[0].children[0].body == [TEAM, "（五）其他工作。"]


@pytest.mark.skipif(find_soffice() is None, reason="未安装 LibreOffice（soffice），无法转换审阅稿")
def test_new_headings_in_a_copy_saved_by_libreoffice(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    saved = saved_by_libreoffice(exported, _headings_added(document_xml(exported), inserted_paragraph), tmp_path)
    after = apply_changes(report, review_copy(report, read_reviewed(saved)).changes).report
    assert _outline(after) == EXPECTED_OUTLINE
