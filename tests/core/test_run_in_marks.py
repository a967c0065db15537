"""Run-in headings ("（二）总体要求：正文…"): the layout keeps the clerk's closing mark and the
importer splits the line at the same marks, so export → import gives the heading back."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft.model import Report, Section
from core.importing.importer import import_document, parse_text
from core.render import render_report
from core.text.layout import RUN_IN_CLOSING_MARKS
from core.text.plaintext import report_paragraphs

WORDS = ["总体要求", "加强", "党建", "如何抓好落实", "基层", "“两个维护”", "48次", "工作"]


def run_in_report(heading: str, body: str) -> Report:
    chapter = Section(heading="主要工作", body=["上半年工作如下。"])
    chapter.children = [Section(heading=heading, run_in=True, body=[body]), Section(heading="强化学习", run_in=True, body=["按计划推进。"])]
    return Report(kind="half_year_summary", opening=["今年以来，我部扎实推进各项工作。"], sections=[chapter])


def test_a_heading_closing_with_a_colon_is_not_given_a_full_stop() -> None:
    paragraphs = report_paragraphs(run_in_report("总体要求：", "注重在加强学习上下功夫。"))
    assert "（一）总体要求：注重在加强学习上下功夫。" in paragraphs
    assert "（二）强化学习。按计划推进。" in paragraphs  # no mark of its own: the layout adds "。"


@settings(max_examples=120, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map("".join),
    mark=st.sampled_from([*RUN_IN_CLOSING_MARKS, "……", ""]),
    body=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(lambda w: "".join(w) + "。"),
)
def test_every_closing_mark_survives_layout_and_import(words: str, mark: str, body: str) -> None:
    # "。" and no mark at all both come back as the bare heading: the layout supplies the 。.
    report = run_in_report(words + mark, body)
    again = parse_text("\n".join(report_paragraphs(report))).report
    part = again.sections[0].children[0]
    assert (part.heading, part.run_in, part.body) == (words + ("" if mark == "。" else mark), True, [body])
    assert report_paragraphs(again) == report_paragraphs(report)


def test_a_heading_with_a_colon_and_no_sentence_after_it_stays_a_heading() -> None:
    report = parse_text("今年以来，我部扎实推进各项工作。\n一、指导思想：坚持稳中求进\n全面加强党的建设。").report
    assert [(s.heading, s.run_in, s.body) for s in report.sections] == [
        ("指导思想：坚持稳中求进", False, ["全面加强党的建设。"])
    ]


def test_the_word_file_round_trip_keeps_each_mark(tmp_path: Path) -> None:
    for mark in ("：", "；", "！", "？", "……"):
        report = run_in_report("总体要求" + mark, "注重在加强学习上下功夫。")
        out = tmp_path / "runin.docx"
        render_report(report, out)
        part = import_document(out).report.sections[0].children[0]
        assert (part.heading, part.body) == ("总体要求" + mark, ["注重在加强学习上下功夫。"])
