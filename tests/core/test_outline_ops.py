from __future__ import annotations

import pytest

from core.draft import outline_ops as ops
from core.draft.model import Point, Report, Section
from core.draft.numbering import section_markers
from core.text.plaintext import turn_into_body_edit


def _report() -> Report:
    """一、A (（一）A1 （二）A2)  二、B  三、C (（一）C1)"""
    return Report(
        sections=[
            Section(heading="A", id="a", children=[Section(heading="A1", id="a1"), Section(heading="A2", id="a2")]),
            Section(heading="B", id="b"),
            Section(heading="C", id="c", children=[Section(heading="C1", id="c1")]),
        ]
    )


def _shape(report: Report) -> list[tuple[int, str, str]]:
    markers = section_markers(report)
    return [(depth, markers[s.id], s.heading) for depth, s in report.walk()]


def test_locate_and_depth() -> None:
    report = _report()
    assert ops.locate(report, "a2") == ops.Location("a", 1)
    assert ops.locate(report, "c") == ops.Location(None, 2)
    assert ops.depth_of(report, "c1") == 2
    with pytest.raises(ops.OutlineError):
        ops.locate(report, "nope")


def test_insert_sibling_and_child_renumber() -> None:
    report = _report()
    ops.insert_section(report, Section(heading="A3", id="a3"), ops.sibling_after_target(report, "a2"))
    ops.insert_section(report, Section(heading="B1", id="b1"), ops.child_target(report, "b"))
    ops.insert_section(report, Section(heading="Z", id="z"), ops.sibling_after_target(report, None))
    assert _shape(report) == [
        (1, "一、", "A"),
        (2, "（一）", "A1"),
        (2, "（二）", "A2"),
        (2, "（三）", "A3"),
        (1, "二、", "B"),
        (2, "（一）", "B1"),
        (1, "三、", "C"),
        (2, "（一）", "C1"),
        (1, "四、", "Z"),
    ]


def test_remove_then_reinsert_restores_tree() -> None:
    report = _report()
    before = _shape(report)
    section, where = ops.remove_section(report, "a")
    assert where == ops.Location(None, 0)
    assert [h for _, _, h in _shape(report)] == ["B", "C", "C1"]
    ops.insert_section(report, section, where)
    assert _shape(report) == before


def test_move_up_down_and_undo_by_old_location() -> None:
    report = _report()
    assert ops.move_up_target(report, "a") is None
    assert ops.move_down_target(report, "c") is None
    target = ops.move_down_target(report, "a")
    assert target == ops.Location(None, 1)
    old = ops.move_section(report, "a", target)
    assert [s.heading for s in report.sections] == ["B", "A", "C"]
    ops.move_section(report, "a", old)
    assert [s.heading for s in report.sections] == ["A", "B", "C"]


def test_promote_places_after_parent_and_demote_under_previous_sibling() -> None:
    report = _report()
    ops.move_section(report, "a1", ops.promote_target(report, "a1"))
    assert [s.heading for s in report.sections] == ["A", "A1", "B", "C"]
    assert [c.heading for c in report.sections[0].children] == ["A2"]
    assert ops.promote_target(report, "a1") is None  # already top level

    ops.move_section(report, "b", ops.demote_target(report, "b"))
    assert [s.heading for s in report.sections] == ["A", "A1", "C"]
    assert [c.heading for c in report.sections[1].children] == ["B"]
    assert ops.demote_target(report, "a") is None  # first section has no previous sibling
    assert _shape(report)[:4] == [(1, "一、", "A"), (2, "（一）", "A2"), (1, "二、", "A1"), (2, "（一）", "B")]


def test_section_cannot_move_into_itself() -> None:
    report = _report()
    with pytest.raises(ops.OutlineError):
        ops.move_section(report, "a", ops.Location("a1", 0))
    assert _shape(report)[0] == (1, "一、", "A")  # tree unchanged after the refusal
    assert len(report.walk()) == 6


def test_drop_location_accounts_for_the_dragged_row() -> None:
    report = _report()
    # Dropping A into the gap before C (row 2 as displayed) lands it at row 1 after removal.
    assert ops.drop_location(report, "a", None, 2) == ops.Location(None, 1)
    # The gap just below A itself is a no-op.
    assert ops.drop_location(report, "a", None, 1) is None
    assert ops.drop_location(report, "a", "a2", 0) is None  # into its own child
    assert ops.drop_location(report, "c1", "b", -1) == ops.Location("b", 0)  # onto B
    assert ops.drop_location(report, "b", None, 0) == ops.Location(None, 0)


def test_point_operations() -> None:
    report = _report()
    ops.insert_point(report, "b", 0, Point("甲"))
    ops.insert_point(report, "b", 1, Point("乙"))
    ops.insert_point(report, "b", 2, Point("丙"))
    ops.move_point(report, "b", 2, 0)
    assert [p.text for p in report.find("b").points] == ["丙", "甲", "乙"]
    removed = ops.remove_point(report, "b", 1)
    assert removed.text == "甲"
    assert [p.text for p in report.find("b").points] == ["丙", "乙"]
    with pytest.raises(ops.OutlineError):
        ops.remove_point(report, "b", 5)
    with pytest.raises(ops.OutlineError):
        ops.move_point(report, "b", 0, 2)


def test_new_drafts_and_forget_source_markers_leave_no_stale_ordinals() -> None:
    from core.draft.outline_ops import forget_source_markers
    from core.importing.importer import parse_text
    from core.reuse.new_draft import new_draft

    prior = parse_text("一、甲\n（一）乙\n（三）丙\n二、丁\n").report
    assert [s.source_marker for _, s in prior.walk()] == ["一、", "（一）", "（三）", "二、"]
    draft = new_draft("work_report", 2023, "xx", prior).report
    assert all(s.source_marker == "" for _, s in draft.walk())
    assert prior.walk()[2][1].source_marker == "（三）"  # the prior itself is left alone
    forget_source_markers(prior)
    assert all(s.source_marker == "" for _, s in prior.walk())


def test_turn_into_body_and_back() -> None:
    from core.importing.importer import parse_text
    from core.text.plaintext import report_paragraphs

    text = "\n".join(
        [
            "工作总结",
            "开头一段。",
            "一、主要工作",
            "正文甲。",
            "（一）党建工作",
            "正文乙。",
            "（二）宣传工作",
            "正文丙。一是宣传。二是文化。",
            "二、存在问题",
            "正文丁。",
            "（一）问题一",
            "正文戊。",
        ]
    )
    report = parse_text(text).report
    before = report_paragraphs(report, source_markers=True)
    second = report.sections[1]

    # A heading after a section with points continues after those points, sub-sections stay.
    merge = ops.turn_into_body(report, second.id, turn_into_body_edit(report, second.id).paragraphs)
    assert [(d, s.heading) for d, s in report.walk()] == [
        (1, "主要工作"), (2, "党建工作"), (2, "宣传工作"), (1, "问题一"),
    ]
    announced = report.sections[0].children[1]
    assert announced.points == [Point("宣传。"), Point("文化。")]
    assert announced.tail == ["二、存在问题", "正文丁。"]
    assert ops.undo_turn_into_body(report, merge) == ("二、存在问题", "正文丁。")
    assert report_paragraphs(report, source_markers=True) == before
    assert report.sections[1] is second and second.children[0].heading == "问题一"

    # The first heading goes into the opening; its text keeps its place in reading order.
    first = report.sections[0].id
    merge = ops.turn_into_body(report, first, turn_into_body_edit(report, first).paragraphs)
    assert report.opening == ["开头一段。", "一、主要工作", "正文甲。"]
    assert [s.heading for s in report.sections] == ["党建工作", "宣传工作", "存在问题"]
    ops.undo_turn_into_body(report, merge)
    assert report_paragraphs(report, source_markers=True) == before
