"""Edits as data (core.draft.edits): each edit's inverse takes the draft back to the byte, and
applying the same edits again gives the same draft, whatever the order of edits."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft import edits
from core.draft import outline_ops as ops
from core.draft.model import Point, Report, Section, to_dict
from core.importing.importer import parse_text
from core.text.plaintext import turn_into_body_edit

SAMPLE = """某某区委组织部2025年工作要点

2025年，全区组织工作坚持以习近平新时代中国特色社会主义思想为指导。

一、加强政治建设
（一）深化理论武装
一是抓好学习。全年组织集中学习12次。
二是抓好培训。举办培训班3期。
（二）严格组织生活
落实“三会一课”制度。
二、建强基层组织
推进基层党组织标准化建设，完成率达到95%。
三、锻造干部队伍
选优配强领导班子。
"""


def _state(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, sort_keys=True)


def _sample() -> Report:
    return parse_text(SAMPLE).report


def _sections(report: Report) -> list[Section]:
    return [section for _level, section in report.walk()]


@st.composite
def an_edit(draw: st.DrawFn, report: Report) -> edits.Edit:
    """Any edit that fits ``report`` as it is now."""
    sections = _sections(report)
    text = st.text(alphabet="党建工作推进落实一二三。，", max_size=12)
    if not sections:
        return edits.InsertSection(Section(heading=draw(text)), ops.Location(None, 0))
    section = draw(st.sampled_from(sections))
    kinds = ["report", "heading", "body", "insert_point", "insert_section", "remove_section", "move_section",
             "verify", "turn_into_body"]
    if section.points:
        kinds += ["point_text", "remove_point", "move_point"]
    kind = draw(st.sampled_from(kinds))
    if kind == "report":
        name = draw(st.sampled_from(["title", "unit", "addressee", "opening", "attachments"]))
        value = [draw(text)] if name in ("opening", "attachments") else draw(text)
        return edits.set_value(report, edits.report_field(name), value)
    if kind == "heading":
        return edits.set_value(report, edits.section_field(section.id, "heading"), draw(text))
    if kind == "body":
        return edits.set_value(report, edits.section_field(section.id, "body"), draw(st.lists(text, max_size=3)))
    if kind == "point_text":
        row = draw(st.integers(0, len(section.points) - 1))
        return edits.set_value(report, edits.point_text(section.id, row), draw(text))
    if kind == "insert_point":
        return edits.InsertPoint(section.id, draw(st.integers(0, len(section.points))), Point(draw(text)))
    if kind == "remove_point":
        return edits.RemovePoint(section.id, draw(st.integers(0, len(section.points) - 1)))
    if kind == "move_point":
        count = len(section.points)
        return edits.MovePoint(section.id, draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1)))
    if kind == "insert_section":
        at = ops.sibling_after_target(report, section.id)
        return edits.InsertSection(Section(heading=draw(text)), at)
    if kind == "remove_section":
        return edits.RemoveSection(section.id)
    if kind == "verify":
        return edits.VerifyFlag(draw(st.sampled_from(["f1", "f2", "f3"])), draw(st.booleans()))
    if kind == "turn_into_body":
        return turn_into_body_edit(report, section.id)
    target = draw(st.sampled_from([ops.move_up_target, ops.move_down_target, ops.promote_target, ops.demote_target]))
    to = target(report, section.id)
    return edits.MoveSection(section.id, to) if to is not None else edits.VerifyFlag("f1", True)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_undoing_every_edit_gives_back_the_draft_and_redoing_gives_the_same(data: st.DataObject) -> None:
    report = _sample()
    start = _state(report)
    made: list[edits.Edit] = []
    inverses: list[edits.Edit] = []
    states = [start]
    for _ in range(data.draw(st.integers(1, 12))):
        edit = data.draw(an_edit(report))
        made.append(edit)
        inverses.append(edits.apply_edit(report, edit))
        states.append(_state(report))
    end = _state(report)
    redo: list[edits.Edit] = []
    for inverse, before in zip(reversed(inverses), reversed(states[:-1]), strict=True):
        redo.append(edits.apply_edit(report, inverse))
        assert _state(report) == before
    assert _state(report) == start
    for again in reversed(redo):
        edits.apply_edit(report, again)
    assert _state(report) == end


def test_a_set_value_holds_its_own_copy() -> None:
    report = _sample()
    section = report.sections[0]
    edit = edits.set_value(report, edits.section_field(section.id, "body"), ["新的一段。"])
    inverse = edits.apply_edit(report, edit)
    section.body.append("之后又打的字。")  # the draft goes on; the edit must not change with it
    assert edit.new == ["新的一段。"]
    assert isinstance(inverse, edits.SetValue) and inverse.old == ["新的一段。"]


def test_places_read_what_edits_set() -> None:
    report = _sample()
    first = report.sections[0].children[0]
    assert edits.value_at(report, edits.point_text(first.id, 1)) == first.points[1].text
    assert edits.value_at(report, edits.report_field("title")) == report.title
    edits.apply_edit(report, edits.set_value(report, edits.point_text(first.id, 1), "二是改了。"))
    assert first.points[1].text == "二是改了。"
    assert edits.touched_section(edits.set_value(report, edits.point_text(first.id, 0), "x")) == first.id
    assert edits.touched_section(edits.RemoveSection(first.id)) is None
    assert edits.touched_section(edits.VerifyFlag("f", True)) == edits.REPORT


def test_replacing_the_draft_and_back() -> None:
    report = _sample()
    start = _state(report)
    other = copy.deepcopy(report)
    other.title = "另一个版本"
    other.sections = other.sections[:1]
    inverse = edits.apply_edit(report, edits.ReplaceDraft(other))
    assert report.title == "另一个版本" and len(report.sections) == 1
    edits.apply_edit(report, inverse)
    assert _state(report) == start
