"""Outline parsing of hand-written documents covering each rule of the parser."""

from __future__ import annotations

from core.draft.model import LAYOUT_INLINE, LAYOUT_PARAGRAPHS
from core.importing.cleanup import rejoin_wrapped, to_paragraphs, wrap_width
from core.importing.importer import parse_text
from core.importing.outline_parser import parse_date, split_points
from core.importing.outline_text import outline_lines
from core.text.plaintext import report_paragraphs


def parse(text: str):
    return parse_text(text).report


def test_title_opening_levels_and_closing() -> None:
    report = parse(
        "xx区委组织部2023年工作要点\n"
        "2023年是全面贯彻党的二十大精神的开局之年。总体要求是……\n"
        "一、加强政治建设\n"
        "1.强化理论武装。坚持第一议题制度。\n"
        "2.加强党性教育。开展主题党日。\n"
        "二、加强组织建设\n"
        "3.夯实基层基础。推进五基三化。\n"
    )
    assert report.title == "xx区委组织部2023年工作要点"
    assert report.unit == "xx区委组织部" and report.year == 2023
    assert report.opening == ["2023年是全面贯彻党的二十大精神的开局之年。总体要求是……"]
    assert [(d, s.heading) for d, s in report.walk()] == [
        (1, "加强政治建设"), (2, "强化理论武装"), (2, "加强党性教育"), (1, "加强组织建设"), (2, "夯实基层基础"),
    ]
    assert report.numbering.levels[1].continuous


def test_title_wrapped_over_two_lines_is_joined() -> None:
    report = parse("xx区委组织部关于2022年上半年\n工作情况的总结\n今年以来，我部……。\n一、主要做法\n正文。")
    assert report.title == "xx区委组织部关于2022年上半年工作情况的总结"
    assert report.opening == ["今年以来，我部……。"]


def test_subtitle_after_title() -> None:
    report = parse("在全区组织工作会议上的讲话\n（2023年2月1日）\n同志们：\n今天召开会议。\n一、成绩\n正文。")
    assert report.title == "在全区组织工作会议上的讲话"
    assert report.subtitle == "（2023年2月1日）"
    assert report.opening == ["同志们：", "今天召开会议。"]


def test_cover_letter_before_real_title() -> None:
    text = (
        "关于印发《xx区2023年党建工作要点》的通知\n"
        "各镇党委，区直各单位党组织：\n"
        "现将《xx区2023年党建工作要点》印发给你们，请结合实际认真抓好贯彻落实。\n"
        "中共xx区委办公室\n"
        "2023年2月10日\n"
        "xx区2023年党建工作要点\n"
        "2023年是……之年。\n"
        "一、加强政治建设\n"
        "1.强化理论武装。内容。\n"
    )
    result = parse_text(text)
    report = result.report
    assert report.cover[0] == "关于印发《xx区2023年党建工作要点》的通知"
    assert len(report.cover) == 5
    assert report.title == "xx区2023年党建工作要点"
    assert result.kind == "annual_keypoints"
    assert report_paragraphs(report) == to_paragraphs(text.splitlines())


def test_run_in_split_ignores_full_stop_inside_quotes() -> None:
    report = parse("一、总体\n（一）落实“三个一。”要求。正文一句。\n")
    section = report.sections[0].children[0]
    assert section.heading == "落实“三个一。”要求" and section.run_in
    assert section.body == ["正文一句。"]


def test_a_full_stop_right_after_the_marker_starts_no_run_in_heading() -> None:
    # Nothing before the 。 to be a heading: the line stays a heading as written, 。 and all.
    report = parse("一、总体\n（一）。正文一句。\n")
    section = report.sections[0].children[0]
    assert section.heading == "。正文一句。" and not section.run_in and section.body == []
    assert report_paragraphs(report, source_markers=True)[1] == "（一）。正文一句。"


def test_standalone_heading_keeps_its_full_stop_but_outline_drops_it() -> None:
    report = parse("一、总体\n（一）加强学习。\n正文段落。\n")
    section = report.sections[0].children[0]
    assert section.heading == "加强学习。" and not section.run_in and section.body == ["正文段落。"]
    assert outline_lines(report)[3] == "H\t2\t（一）\t加强学习"


def test_points_as_paragraphs_with_following_paragraph_kept() -> None:
    report = parse("一、计划\n下半年，我们将：\n一是加强学习。学习内容。\n二是改进作风。\n补充说明段落。\n")
    section = report.sections[0]
    assert section.body == ["下半年，我们将："]
    assert section.points_layout == LAYOUT_PARAGRAPHS
    assert [p.text for p in section.points] == ["加强学习。学习内容。", "改进作风。\n补充说明段落。"]


def test_inline_points_in_one_paragraph() -> None:
    report = parse("一、问题\n一是基础薄弱；二是人才不足；三是经费紧张。\n")
    section = report.sections[0]
    assert section.points_layout == LAYOUT_INLINE
    assert [p.text for p in section.points] == ["基础薄弱；", "人才不足；", "经费紧张。"]


def test_inline_points_need_consecutive_ordinals() -> None:
    assert split_points("统一是目标，二是手段。") == ("统一是目标，二是手段。", [])
    assert split_points("概述。一是甲。三是丙。") == ("概述。一是甲。三是丙。", [])
    assert split_points("概述：一是甲；二是乙。") == ("概述：", ["甲；", "乙。"])
    assert split_points("一是唯一一条。") == ("", ["唯一一条。"])


def test_lone_point_mid_paragraph_is_body() -> None:
    report = parse("一、情况\n我们坚持一条原则：一是要实干。\n")
    assert report.sections[0].body == ["我们坚持一条原则：一是要实干。"]
    assert report.sections[0].points == []


def test_level_from_context() -> None:
    report = parse("一、甲\n（一）乙\n1.丙\n（1）丁\n2.戊\n（二）己\n二、庚\n1.辛\n")
    assert [(d, s.heading) for d, s in report.walk()] == [
        (1, "甲"), (2, "乙"), (3, "丙"), (4, "丁"), (3, "戊"), (2, "己"), (1, "庚"), (2, "辛"),
    ]


def test_shallower_family_after_deeper_one_closes_it() -> None:
    report = parse("一、甲\n1.乙\n（一）丙\n二、丁\n")
    assert [(d, s.heading) for d, s in report.walk()] == [(1, "甲"), (2, "乙"), (2, "丙"), (1, "丁")]


def test_half_width_markers() -> None:
    report = parse("一.甲\n(一)乙\n1、丙\n(1)丁\n")
    assert [s.source_marker for _, s in report.walk()] == ["一.", "(一)", "1、", "(1)"]
    assert [lv.fmt for lv in report.numbering.levels] == ["{cn}.", "({cn})", "{n}、", "({n})"]


def test_unnumbered_lead_paragraph_is_body() -> None:
    report = parse("一、任务\n做好今年工作，要坚持……。\n（一）第一项。正文。\n")
    assert report.sections[0].body == ["做好今年工作，要坚持……。"]


def test_closing_signature_and_date() -> None:
    report = parse(
        "标题的工作总结\n开头。\n一、情况\n正文。\n同志们，让我们……！\n祝大家新年快乐。\nxx区委组织部\n2023年7月1日\n"
    )
    assert report.closing == ["同志们，让我们……！", "祝大家新年快乐。"]
    assert report.signature == "xx区委组织部"
    assert report.date == "2023-07-01"
    assert report.unit == "xx区委组织部"


def test_chinese_numeral_date() -> None:
    assert parse_date("二〇二二年七月一日") == "2022-07-01"
    assert parse_date("2022年07月01日") == "2022-07-01"
    assert parse_date("2022年13月1日") is None
    assert parse_date("2022年是关键之年") is None


def test_page_furniture_dropped() -> None:
    text = "一、甲\n正文一。\n— 3 —\n第 4 页\n- 5 -\n第5页 共9页\n正文二。\n"
    result = parse_text(text)
    assert result.report.sections[0].body == ["正文一。", "正文二。"]
    assert result.dropped == ["— 3 —", "第 4 页", "- 5 -", "第5页 共9页"]


def test_one_web_like_line_in_plain_text_is_content() -> None:
    # Web chrome is recognised only in a web copy (two kinds of chrome at least).
    report = parse("一、甲\n正文一。\n发布日期：2022-03-01\n正文二。\n")
    assert report.sections[0].body == ["正文一。", "发布日期：2022-03-01", "正文二。"]


def test_furniture_lookalikes_are_kept() -> None:
    report = parse("一、甲\n第3页的内容说明了问题。\n3\n")
    assert report.sections[0].body == ["第3页的内容说明了问题。", "3"]


def test_hard_wrapped_text_is_rejoined() -> None:
    paragraph = "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面加强党的建设，推动各项工作取得新成效，为高质量发展提供坚强保证。"
    lines = [paragraph[i : i + 30] for i in range(0, len(paragraph), 30)]
    text = "\n".join(["一、总体要求", *lines, "二、主要任务", *lines, "（一）加强学习。", *lines])
    assert wrap_width(text.splitlines()) == 30
    report = parse(text)
    assert report.sections[0].body == [paragraph]
    assert report.sections[1].body == [paragraph]
    assert report.sections[1].children[0].body == [paragraph]


def test_short_lines_are_not_mistaken_for_wrapping() -> None:
    assert wrap_width(["一、甲", "正文。", "二、乙", "正文。"]) is None
    # A notice's head: title lines, a unit and dates of about the same width, no page's line.
    head = ["某卫发〔2023〕1号", "某某市卫生健康委关于印发", "2023年全市卫生健康工作要点的通知", "各区县卫生健康局：",
            "现将《2023年全市卫生健康工作要点》下发给你们，请认真贯彻执行。", "某某市卫生健康委员会", "2023年4月26日",
            "2023年全市卫生健康工作要点", "一、总体要求", "坚持稳中求进。"]  # fmt: skip
    assert wrap_width(head) is None
    # Near miss: text wrapped at sixteen characters is still rejoined.
    paragraph = "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面加强党的建设，推动各项工作取得新成效。"
    assert wrap_width([paragraph[i : i + 16] for i in range(0, len(paragraph), 16)] * 2) == 16


def test_rejoin_respects_indented_paragraph_starts() -> None:
    lines = ["一二三四五六七八九十一二三四五六七八九十", "\u3000\u3000新段落开始一二三四五六七八九十一二三"]
    assert rejoin_wrapped(lines, 20) == [lines[0], "新段落开始一二三四五六七八九十一二三"]


def test_figure_at_line_start_is_not_a_heading() -> None:
    report = parse("一、成效\n参加人数达到\n1.5万人次。\n")
    assert len(report.sections) == 1 and report.sections[0].children == []


def test_no_headings_at_all() -> None:
    report = parse("这是一段没有任何标题编号的文字。\n第二段。\n")
    assert report.sections == [] and report.opening == ["这是一段没有任何标题编号的文字。", "第二段。"]


def test_empty_text() -> None:
    report = parse("")
    assert report.sections == [] and report.title == "" and report.opening == []
