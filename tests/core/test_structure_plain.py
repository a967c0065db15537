"""Structure of real plain-text reports: speeches with 同志们 between parts, 1983-style
reports with 第一、 and unnumbered section titles. Expected outlines written by hand."""

from __future__ import annotations

from core.importing.cleanup import to_paragraphs
from core.importing.importer import parse_text
from core.importing.outline_text import outline_lines
from core.text.plaintext import report_paragraphs

LONG = "全县上下认真贯彻落实上级决策部署，统筹推进稳增长、促改革、调结构、惠民生、防风险各项工作，经济社会发展取得新成效。"

SPEECH = "\n".join(
    [
        "在全县经济工作会议上的讲话",
        "同志们：",
        "这次会议的主要任务是总结去年工作，部署今年任务。" + LONG,
        "一、过去一年的工作",
        "去年以来，" + LONG,
        "同志们！成绩来之不易，经验弥足珍贵。",
        "二、当前面临的形势",
        "当前，" + LONG,
        "同志们，形势逼人，不进则退。",
        "三、今年的主要任务",
        "今年要重点抓好三项工作。" + LONG,
        "同志们！任务艰巨，使命光荣。",
        "四、切实加强组织领导",
        "各级各部门要扛起责任。" + LONG,
        "同志们，让我们团结一心、真抓实干，奋力谱写全县高质量发展新篇章！",
    ]
)


def test_speech_with_three_comrades_mid_text_keeps_every_heading() -> None:
    report = parse_text(SPEECH).report
    assert outline_lines(report) == [
        "KIND\twork_report",
        "TITLE\t在全县经济工作会议上的讲话",
        "H\t1\t一、\t过去一年的工作",
        "H\t1\t二、\t当前面临的形势",
        "H\t1\t三、\t今年的主要任务",
        "H\t1\t四、\t切实加强组织领导",
    ]
    assert report.opening[0] == "同志们："
    assert report.sections[0].body[-1] == "同志们！成绩来之不易，经验弥足珍贵。"
    assert report.sections[1].body[-1] == "同志们，形势逼人，不进则退。"
    assert report.sections[2].body[-1] == "同志们！任务艰巨，使命光荣。"
    assert report.closing == ["同志们，让我们团结一心、真抓实干，奋力谱写全县高质量发展新篇章！"]
    assert report_paragraphs(report, source_markers=True) == to_paragraphs(SPEECH.splitlines())


REPORT_1983 = "\n".join(
    [
        "政府工作报告",
        "各位代表：",
        "现在，我代表国务院向大会报告过去五年的工作和今后五年的任务，请予审议。",
        "过去五年的回顾",
        "五年来，我们在经济调整中前进，国民经济由停滞、徘徊转向稳定发展，各项事业都有了新的进步。",
        "第一、农业生产持续增长",
        "农村实行多种形式的生产责任制，农业总产值平均每年增长百分之七点五，粮食产量创历史最高水平。",
        "第二、工业生产在调整中前进",
        "轻工业和重工业的比例趋于协调，能源消耗下降，经济效益有所提高，市场商品供应比较充裕。",
        "今后五年的主要任务",
        "今后五年，要继续贯彻调整、改革、整顿、提高的方针，争取财政经济状况的根本好转，为八十年代后期的发展打好基础。",
        "第一、集中资金保证重点建设",
        "能源和交通是当前国民经济的薄弱环节，必须集中必要的资金，加强能源、交通等重点建设。",
        "第二、有计划地进行技术改造",
        "要把现有企业的技术改造放在重要地位，逐步用先进技术装备各个部门，提高生产效率和经济效益。",
        "结束语",
        "各位代表，我们的任务是光荣的，也是艰巨的，让我们在党中央领导下，同心同德，艰苦奋斗，去争取新的胜利！",
    ]
)


def test_1983_report_with_di_headings_and_unnumbered_titles() -> None:
    report = parse_text(REPORT_1983).report
    assert outline_lines(report) == [
        "KIND\twork_report",
        "TITLE\t政府工作报告",
        "H\t1\t\t过去五年的回顾",
        "H\t2\t第一、\t农业生产持续增长",
        "H\t2\t第二、\t工业生产在调整中前进",
        "H\t1\t\t今后五年的主要任务",
        "H\t2\t第一、\t集中资金保证重点建设",
        "H\t2\t第二、\t有计划地进行技术改造",
        "H\t1\t\t结束语",
    ]
    assert [s.recognized_by for _, s in report.walk()] == [
        "layout", "marker", "marker", "layout", "marker", "marker", "layout",
    ]
    assert report.opening == ["各位代表：", "现在，我代表国务院向大会报告过去五年的工作和今后五年的任务，请予审议。"]
    assert report.sections[2].body[0].startswith("各位代表，我们的任务")
    assert report.closing == []
    assert report_paragraphs(report, source_markers=True) == to_paragraphs(REPORT_1983.splitlines())


def test_one_short_line_between_paragraphs_stays_body() -> None:
    text = "\n".join(["关于2023年工作的总结", LONG, "一、主要工作", LONG, "稳中有进", LONG, "二、下步打算", LONG])
    report = parse_text(text).report
    assert [s.heading for _, s in report.walk()] == ["主要工作", "下步打算"]
    assert report.sections[0].body == [LONG, "稳中有进", LONG]


def test_di_without_a_second_is_body() -> None:
    text = "\n".join(["工作总结", LONG, "一、主要工作", "第一、要提高认识", LONG])
    report = parse_text(text).report
    assert [s.heading for _, s in report.walk()] == ["主要工作"]


def test_how_a_heading_was_recognised_is_saved_and_old_drafts_still_load() -> None:
    import json

    from core.draft.draft_file import dumps, loads

    report = parse_text(REPORT_1983).report
    again = loads(dumps(report))
    assert [s.recognized_by for _, s in again.walk()] == [s.recognized_by for _, s in report.walk()]
    data = json.loads(dumps(report))
    for section in data["report"]["sections"]:
        del section["recognized_by"]  # a draft saved before the field existed
    assert [s.recognized_by for s in loads(json.dumps(data)).sections] == ["", "", ""]


def test_a_long_title_stays_the_title() -> None:
    title = "中共某某市某某区委员会组织部关于进一步加强和改进新时代基层党组织建设和干部队伍建设工作情况的总结报告"
    assert len(title) > 45
    report = parse_text("\n".join([title, LONG, "一、主要工作", LONG])).report
    assert report.title == title and report.opening == [LONG]
