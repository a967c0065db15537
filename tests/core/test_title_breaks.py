"""Title breaking (GB/T 9704 7.3.1 回行时词意完整): never inside a word or an organisation's
name while a breaking with at most one more line avoids it — examples and a property test
over generated titles."""

from __future__ import annotations

import itertools
import math

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.draft.model import Report
from core.render.title import TITLE_LINE_WIDTH, organisation_names, text_width, title_lines, word_boundaries

UNITS = ("中共某某区委组织部", "某某市人力资源和社会保障局", "某某县人民政府办公室", "共青团某某区委员会")
WORDS = (
    "关于", "印发", "进一步", "加强", "改进", "新时代", "基层", "党组织", "建设", "工作", "实施意见",
    "干部", "教育", "培训", "全面", "推进", "高质量", "发展", "情况", "报告", "总结", "要点", "通知",
    "人才", "队伍", "乡村", "振兴", "组织", "年度", "上半年", "专题", "调研", "意见", "落实", "责任",
)  # fmt: skip


def _cuts(lines: tuple[str, ...]) -> list[int]:
    return list(itertools.accumulate(len(line) for line in lines[:-1]))


def test_the_issue_title_is_not_cut_inside_a_word() -> None:
    # Cut 20/20 at "中国特色社|会主义" before: two lines only with a mid-word break, three without.
    lines = title_lines("关于深入学习贯彻习近平新时代中国特色社会主义思想进一步加强基层党组织建设的实施意见")
    assert lines == ("关于深入学习贯彻", "习近平新时代中国特色社会主义思想", "进一步加强基层党组织建设的实施意见")


def test_a_notice_title_keeps_the_units_name_whole() -> None:
    title = "关于印发《中共某某区委组织部2022年工作要点》的通知"
    report = Report(unit="中共某某区委组织部")
    assert title_lines(title, names=organisation_names(report)) == ("关于印发《中共某某区委组织部", "2022年工作要点》的通知")


def test_organisation_names_are_the_unit_the_issuer_the_signature_and_the_printer() -> None:
    report = Report(unit="某某局", issuer_mark="中共某某区委组织部文件\n某某区人力资源和社会保障局文件",
                    signature="中共某某区委组织部", printer="中共某某区委组织部办公室")  # fmt: skip
    assert organisation_names(report) == ("某某区人力资源和社会保障局", "中共某某区委组织部办公室", "中共某某区委组织部", "某某局")


@st.composite
def titles(draw: st.DrawFn) -> tuple[str, str]:
    """(title, unit): a unit's name, words and maybe a year, 21–40 characters wide."""
    unit = draw(st.sampled_from(UNITS))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
    year = draw(st.sampled_from(("", "2024年", "2025年度")))
    where = draw(st.integers(min_value=0, max_value=len(words)))
    parts = [*words[:where], unit, year, *words[where:]]
    return "".join(parts), unit


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles())
def test_every_break_falls_between_words_and_outside_the_units_name(case: tuple[str, str]) -> None:
    title, unit = case
    width = text_width(title)
    assume(TITLE_LINE_WIDTH < width <= 2 * TITLE_LINE_WIDTH)
    boundaries = word_boundaries(title)
    words = [b - a for a, b in itertools.pairwise([0, *sorted(boundaries)])]
    # With words of at most five characters and one name of at most 13, a breaking between
    # words and outside the name in three lines of 20 always exists for a title up to 40
    # wide (a line stops short of the name only past its 8th character): at most one more
    # line than the fewest (2).
    assume(max(words) <= 5)
    lines = title_lines(title, names=(unit,))
    assert "".join(lines) == title
    assert all(text_width(line) <= TITLE_LINE_WIDTH for line in lines)
    assert len(lines) <= math.ceil(width / TITLE_LINE_WIDTH) + 1
    start = title.find(unit)
    for cut in _cuts(lines):
        assert cut in boundaries, (title, lines)
        assert not start < cut < start + len(unit), (title, lines)
