"""The importer's guesses of kind, year, unit and title: each rule on a short text of our own,
with a near miss it must not take (core.importing.metadata_guess)."""

from __future__ import annotations

from pathlib import Path

from core.draft.model import Report, Section
from core.importing.importer import import_document, parse_text
from core.importing.metadata_guess import apply_guess, guess_metadata, looks_like_addressee
from core.importing.unit_guess import is_bare_place

_BODY = "一、主要工作\n（一）加强队伍建设。全年培训干部120人次。\n（二）推进项目落地。完成投资3亿元。\n"
_PLAN_ITEMS = (
    "一、强化政治引领\n1.深化理论学习。坚持每月集中学习。\n2.抓好专题培训。举办专题班两期。\n"
    "二、夯实基层基础\n3.推进支部建设。开展标准化建设。\n4.加强党员管理。完善积分制度。\n"
    "5.做好发展党员。严格程序。\n"
)


def guess(text: str) -> tuple[str, int | None, str, str, dict[str, str]]:
    result = parse_text(text)
    report = result.report
    return report.kind, report.year, report.unit, report.title, result.guess_reasons


# ---- title


def test_the_title_line_is_the_title() -> None:
    _kind, _year, _unit, title, reasons = guess("区科协2023年工作要点\n" + _PLAN_ITEMS)
    assert title == "区科协2023年工作要点"
    assert reasons["title"] == "取自文首的标题行"


def test_an_addressee_line_is_never_the_title() -> None:
    # However the reader came to take it for the title (a Word heading style, bold and centred).
    report = Report(title="各市属学会,各区科协,各有关单位:", sections=[Section(heading="主要工作", body=["抓落实。"])])
    guessed = guess_metadata(report)
    assert guessed.title == "" and "主送机关" in guessed.reasons["title"]
    apply_guess(report, guessed)
    assert report.title == "" and report.addressee == "各市属学会,各区科协,各有关单位"
    # A real title stays.
    report = Report(title="关于各区科协2023年工作情况的报告", sections=[Section(heading="主要工作", body=["抓落实。"])])
    assert guess_metadata(report).title == "关于各区科协2023年工作情况的报告"


def test_addressee_shapes() -> None:
    assert looks_like_addressee("区委：")
    assert looks_like_addressee("各镇（街道）、区直各部门")  # a list of 各… even without its colon
    assert not looks_like_addressee("各项工作取得新进展")  # starts with 各 but lists nothing
    assert not looks_like_addressee("区科协2023年工作要点")


# ---- kind


def test_keypoints_by_title_word_and_near_miss_summary() -> None:
    assert guess("区科协2023年工作要点\n" + _BODY)[0] == "annual_keypoints"
    assert guess("区科协2023年工作总结\n" + _BODY)[0] == "annual_summary"


def test_keypoints_without_title_by_items_numbered_across_chapters() -> None:
    kind, _, _, _, reasons = guess("2023年是全面贯彻落实的开局之年。\n" + _PLAN_ITEMS)
    assert kind == "annual_keypoints"
    assert "连续编号" in reasons["kind"]


def test_a_meeting_salutation_makes_a_speech_and_a_heading_does_not() -> None:
    kind, _, _, _, reasons = guess("各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n" + _BODY)
    assert kind == "work_report"
    assert "各位代表" in reasons["kind"]
    # A 总结 whose text only mentions a meeting of 代表 is not a speech.
    kind, *_ = guess("区科协2023年工作总结\n全年召开代表大会一次。\n" + _BODY)
    assert kind == "annual_summary"


def test_half_year_by_title_and_by_opening() -> None:
    assert guess("区委组织部2023年上半年工作总结\n" + _BODY)[0] == "half_year_summary"
    assert guess("2023年上半年，我部认真落实各项部署。\n" + _BODY)[0] == "half_year_summary"


# ---- year


def test_year_from_title_before_the_text() -> None:
    _, year, _, _, reasons = guess("区科协2023年工作要点\n2022年以来各项工作稳步推进。\n" + _PLAN_ITEMS)
    assert year == 2023 and reasons["year"] == "标题写“2023年”"


def test_year_from_the_date_under_the_title() -> None:
    _, year, *_ = guess("政府工作报告\n——2024年1月10日在区第三届人民代表大会第四次会议上\n各位代表：\n" + _BODY)
    assert year == 2024


def test_year_from_a_review_heading_is_the_year_after() -> None:
    text = "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2022年工作回顾\n过去一年，经济稳中有进。\n二、今后的任务\n做好各项工作。\n"
    _, year, _, _, reasons = guess(text)
    assert year == 2023 and "回顾上一年" in reasons["year"]


def test_a_plan_heading_names_the_year_of_a_speech_but_the_next_year_of_a_summary() -> None:
    # The opening's own year comes first: "汇报2021年工作" is a 汇报 of 2021 whatever it plans.
    assert guess("同志们：\n下面由我汇报2021年工作。\n一、主要成效\n成效明显。\n二、2022年重点任务\n抓好落实。\n")[1] == 2021
    speech = "同志们：\n受党工委委托，下面由我汇报工作。\n一、主要成效\n成效明显。\n二、2022年重点任务\n抓好落实。\n"
    assert guess(speech)[1] == 2022
    summary = "区科协2023年工作总结\n一、主要成效\n成效明显。\n二、2024年工作打算\n抓好落实。\n"
    assert guess(summary)[1] == 2023  # the title wins
    untitled = "一年来，我会认真履职。\n一、主要成效\n成效明显。\n二、2024年工作打算\n抓好落实。\n"
    kind, year, *_ = guess(untitled)
    assert kind == "annual_summary" and year == 2023


def test_an_event_date_in_the_opening_is_not_the_year() -> None:
    text = "各位代表：\n本届政府2018年3月就职，任期即将结束。\n一、过去五年的工作\n做了大量工作。\n"
    assert guess(text)[1] is None


def test_the_last_year_review_opening_with_a_year() -> None:
    text = "各位代表：\n现在，我代表区政府报告工作。\n一、去年工作回顾\n2022年，全区经济平稳运行。\n二、今年的主要任务\n抓落实。\n"
    assert guess(text)[1] == 2023


def test_a_year_that_most_of_the_text_names() -> None:
    text = "今年以来，我区坚持稳中求进。\n一、开展情况\n2022年1—6月完成投资5亿元。\n2022年新建项目8个。\n2022年引进人才30名。\n二、下一步计划\n继续推进。\n"
    assert guess(text)[1] == 2022
    mixed = "今年以来，我区坚持稳中求进。\n一、开展情况\n2021年完成投资5亿元。\n2022年新建项目8个。\n2020年引进人才30名。\n"
    assert guess(mixed)[1] is None  # no year is most of them: left for the clerk


def _speech(opening: str, body: str = "一、主要工作\n各项工作稳步推进。\n二、今后的任务\n抓好落实。\n") -> str:
    return "各位代表：\n" + opening + "\n" + body


def test_a_national_report_dated_by_the_session_it_is_given_to() -> None:
    _, year, _, _, reasons = guess(_speech("现在，我代表国务院，向第十届全国人民代表大会第一次会议报告过去五年的工作。"))
    assert year == 2003 and "第十届全国人大在 2003 年" in reasons["year"]
    assert guess(_speech("现在，我代表国务院，在第十三届全国人民代表大会第四次会议上报告工作。"))[1] == 2021
    assert guess(_speech("我代表国务院，向第五届全国人民代表大会作政府工作报告。"))[1] == 1978  # its first session
    # Near misses: a session only named, a local congress (its years are no fact we hold).
    assert guess(_speech("我们要认真落实第十届全国人民代表大会第一次会议的决议。"))[1] is None
    assert guess(_speech("现在，我代表区人民政府，在区第三届人民代表大会第四次会议上报告工作。"))[1] is None


def test_which_year_of_a_five_year_plan_this_year_is() -> None:
    _, year, _, _, reasons = guess(_speech("今年是“十四五”规划的第二年，做好工作意义重大。"))
    assert year == 2022 and "“十四五”始于 2021 年" in reasons["year"]
    assert guess(_speech("今年是实施“十一五”规划的开局之年。"))[1] == 2006
    assert guess(_speech("今年是“十三五”收官之年。"))[1] == 2020
    assert guess(_speech("今年是实行“七五”计划的头一年。"))[1] == 1986
    assert guess(_speech("“十四五”规划的第二年，各项工作有序推进。"))[1] is None  # not said of 今年
    assert guess(_speech("今年是实施“十四五”规划的关键一年。"))[1] is None  # which year it is not said


def test_an_anniversary_this_year_marks() -> None:
    assert guess(_speech("今年是新中国成立七十周年。"))[1] == 2019
    assert guess(_speech("今年十月一日是中华人民共和国成立三十五周年。"))[1] == 1984
    assert guess(_speech("今年是中国共产党成立100周年。"))[1] == 2021
    assert guess(_speech("我们隆重庆祝了新中国成立70周年。"))[1] is None  # not 今年: a celebration past


def test_a_session_last_year_or_a_term_reviewed_dates_the_year_after() -> None:
    _, year, _, _, reasons = guess(_speech("从去年9月第五届全国人民代表大会第三次会议到现在，形势很好。"))
    assert year == 1981 and "报告是下一年的" in reasons["year"]
    assert guess(_speech("按照去年举行的六届人大一次会议的要求，我们做了大量工作。"))[1] == 1984
    assert guess(_speech("第十二届全国人民代表大会第一次会议以来的五年，成就巨大。"))[1] == 2018
    assert guess(_speech("第六届全国人民代表大会期间，国务院认真履职。"))[1] == 1988
    review = "一、“十三五”时期工作回顾\n五年来成就巨大。\n二、“十四五”时期的主要目标\n抓好落实。\n"
    assert guess(_speech("现在，我代表国务院报告工作。", review))[1] == 2021
    assert guess(_speech("市第十二届人民代表大会第一次会议以来的五年，成就巨大。"))[1] is None


def test_a_short_line_reviewing_a_year_that_is_no_heading() -> None:
    opening = "现在，我代表国务院向大会作政府工作报告，请予审议。"
    assert guess(_speech(opening, "首先报告2001年的工作\n新世纪第一年，全国各族人民团结奋斗。\n"))[1] == 2002


# ---- unit


def test_unit_from_the_signature() -> None:
    text = "区科协2023年工作要点\n" + _BODY + "中共某某区科学技术协会委员会\n2023年2月1日\n"
    _, _, unit, _, reasons = guess(text)
    assert unit == "中共某某区科学技术协会委员会" and reasons["unit"].startswith("落款")


def test_unit_from_the_title_and_never_a_bare_place() -> None:
    assert guess("区委组织部2023年工作要点\n" + _PLAN_ITEMS)[2] == "区委组织部"
    _, _, unit, _, reasons = guess("市2023年工作要点\n" + _PLAN_ITEMS)
    assert unit == "" and "地名" in reasons["unit"]
    assert is_bare_place("市") and is_bare_place("全区") and not is_bare_place("市科协")


def test_unit_from_the_speaker() -> None:
    named = "各位代表：\n现在，我代表区科学技术协会，向大会报告工作，请予审议。\n" + _BODY
    assert guess(named)[2] == "区科学技术协会"
    # "区人民政府" alone says which level, not which 区: no unit rather than a bare level.
    _, _, unit, _, reasons = guess("各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n" + _BODY)
    assert unit == "" and "没有说是哪里的区" in reasons["unit"]
    # "受…委托" names a unit only when what follows is an organisation's name.
    assert guess("受大家委托，我讲几点意见。\n" + _BODY)[2] == ""


def test_kind_chosen_by_the_clerk_is_recorded_as_such() -> None:
    result = parse_text("区科协2023年工作要点\n" + _PLAN_ITEMS, kind="annual_summary")
    assert result.report.kind == "annual_summary"
    assert result.guess_reasons["kind"] == "由用户指定"


# ---- the file name, for what the text leaves unknown


def test_a_file_name_that_reads_like_a_title_fills_what_the_text_does_not_say(tmp_path: Path) -> None:
    named = tmp_path / "区科协2023年工作总结（定稿）.txt"
    named.write_text("一年来，我会认真履职。\n" + _BODY, encoding="utf-8")
    result = import_document(named)
    report = result.report
    assert (report.title, report.year, report.unit) == ("", 2023, "区科协")
    assert result.guess_reasons["year"] == "文中没有年份，取自文件名“区科协2023年工作总结（定稿）.txt”"
    # The text's own values win over the name's.
    titled = tmp_path / "区科协2023年工作总结.txt"
    titled.write_text("市科协2022年工作要点\n" + _PLAN_ITEMS, encoding="utf-8")
    report = import_document(titled).report
    assert (report.title, report.year, report.unit, report.kind) == ("市科协2022年工作要点", 2022, "市科协", "annual_keypoints")


def test_a_file_name_without_a_title_word_is_not_used(tmp_path: Path) -> None:
    scanned = tmp_path / "扫描件2023.txt"
    scanned.write_text("一年来，我会认真履职。\n" + _BODY, encoding="utf-8")
    report = import_document(scanned).report
    assert report.title == "" and report.year is None


def test_without_title_or_shape_the_headings_tell_a_summary_from_keypoints() -> None:
    summary = "我局认真履职。\n一、工作完成情况\n全年办结案件30件。\n二、存在的问题\n人手不足。\n"
    kind, _, _, _, reasons = guess(summary)
    assert kind == "annual_summary" and "已做的工作" in reasons["kind"]
    keypoints = "我局认真履职。\n一、目标任务\n办结案件30件。\n二、保障措施\n充实人手。\n"
    kind, _, _, _, reasons = guess(keypoints)
    assert kind == "annual_keypoints" and "部署" in reasons["kind"]
    # One of each says nothing: still a 汇报 by default, and says so.
    even = "我局认真履职。\n一、工作完成情况\n全年办结案件30件。\n二、下步打算\n充实人手。\n"
    kind, _, _, _, reasons = guess(even)
    assert kind == "work_report" and reasons["kind"] == "未发现明确特征，按工作汇报处理"


def test_a_speech_is_not_dated_by_the_year_it_dwells_on() -> None:
    speech = "各位代表：\n过去一年成绩显著。\n一、主要成绩\n2022年粮食增产。\n2022年财政增收。\n2022年就业稳定。\n"
    kind, year, _, _, reasons = guess(speech)
    assert kind == "work_report" and year is None and reasons["year"] == "文中没有找到年份"


def test_a_report_titled_as_such_stays_a_report_whatever_its_headings() -> None:
    kind, _, _, _, reasons = guess("关于项目建设情况的报告\n一、基本情况\n全区项目已全面竣工。\n")
    assert kind == "work_report" and reasons["kind"] == "标题是“…报告”，按工作汇报处理"
    assert guess("关于项目建设情况的总结报告\n一、基本情况\n全区项目已全面竣工。\n")[0] == "annual_summary"


# ---- a government named by its level, the place said elsewhere


_GOVERNMENT_SPEECH = "各位代表：\n现在，我代表{who}，向大会报告工作，请予审议。\n" + _BODY


def test_a_bare_level_government_is_the_one_of_the_congress_it_reports_to() -> None:
    text = "政府工作报告\n——2026年1月26日在天津市第十八届人民代表大会第四次会议上\n" + _GOVERNMENT_SPEECH.format(who="市人民政府")
    _, year, unit, _, reasons = guess(text)
    assert (year, unit) == (2026, "天津市人民政府")
    assert "天津市" in reasons["unit"]
    # "省政府" is the 人民政府 of the province the title names.
    assert guess("2026年吉林省政府工作报告\n" + _GOVERNMENT_SPEECH.format(who="省政府"))[2] == "吉林省人民政府"
    # Near miss: the place named is of another level (a 市 for "区人民政府").
    assert guess("2026年天津市政府工作报告\n" + _GOVERNMENT_SPEECH.format(who="区人民政府"))[2] == ""


def test_the_speaker_line_under_the_title_names_the_unit() -> None:
    text = "政府工作报告\n——2025年3月21日在区第十九届人民代表大会第四次会议上\n汉滨区人民政府代区长 向诗兵\n" + _GOVERNMENT_SPEECH.format(who="区人民政府")
    assert guess(text)[2] == "汉滨区人民政府"
    # The head of a government on the line of the congress: that place's 人民政府.
    on_one_line = "陕西省2026年政府工作报告\n——2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n" + _BODY
    assert guess(on_one_line)[2] == "陕西省人民政府"
    assert guess("政府工作报告\n——在全体会议上 常务副省长 赵刚\n" + _BODY)[2] == ""  # near miss: no place named
    speech = "2022年城市管理工作报告\n——在全市城市管理工作会议上\n市城管局党组书记、局长 杜宇\n同志们：\n今天召开局系统工作会议。\n" + _BODY
    assert guess(speech)[2] == "市城管局"
    # Near miss: a sentence that mentions a 局长 is no speaker line.
    assert guess("2022年城市管理工作报告\n同志们：\n会上，局长杜宇讲了话。\n" + _BODY)[2] == ""


_NOTICE = (
    "南宫市人民政府关于印发政府工作报告的通知\n各乡镇和街道，市政府各部门：\n现将《政府工作报告》印发给你们，请认真贯彻落实。\n"
    "{signature}政府工作报告\n——{date}在南宫市第十届人民代表大会第三次会议上\n各位代表：\n现在，我代表南宫市人民政府，向大会报告工作。\n"
    "一、2022年工作回顾\n过去一年，全市经济稳中有进。\n"
)


def test_a_notice_carrying_a_report_is_a_work_report_signed_by_its_issuer() -> None:
    kind, year, unit, title, reasons = guess(_NOTICE.format(signature="南宫市人民政府\n2023年1月13日\n", date="2023年1月11日"))
    # The notice is the report's cover: the report is filed under its own title.
    assert (kind, year, unit, title) == ("work_report", 2023, "南宫市人民政府", "政府工作报告")
    assert reasons["kind"] == "标题含“政府工作报告”"
    assert reasons["unit"] == "印发通知的落款“南宫市人民政府 2023年1月13日”"
    # Near miss: without the 落款 the unit comes from the speaker, the year from the line under the title.
    kind, year, unit, _, reasons = guess(_NOTICE.format(signature="", date="2023年1月11日"))
    assert (year, unit) == (2023, "南宫市人民政府") and reasons["year"] == "标题下的日期“2023年1月11日”"


def test_a_notice_of_keypoints_is_dated_by_its_signature() -> None:
    text = (
        "苏州市教育局关于印发《全市教育工作要点》的通知\n各县级市（区）教育局：\n现将《全市教育工作要点》印发给你们。\n"
        "苏州市教育局\n2023年3月23日\n全市教育工作要点\n" + _PLAN_ITEMS
    )
    kind, year, unit, *_ = guess(text)
    assert (kind, year, unit) == ("annual_keypoints", 2023, "苏州市教育局")
    # Without the 落款's date, the notice's title still names who sent it.
    unsigned = text.replace("2023年3月23日", "各单位要认真落实。")
    _, _, unit, _, reasons = guess(unsigned)
    assert unit == "苏州市教育局" and reasons["unit"] == "印发通知的标题“苏州市教育局关于…的通知”"
    # Near miss: a unit line followed by a sentence, not a date, is no 落款.
    assert guess(unsigned.replace("苏州市教育局关于印发", "关于印发"))[2] == ""


def test_a_title_followed_by_the_line_under_it_in_the_opening() -> None:
    text = (
        "奋力谱写现代化建设新篇章\n——在中国共产党北京市第十三次代表大会上的报告\n（2022年6月27日）\n蔡奇\n同志们：\n"
        "现在，我代表中国共产党北京市第十二届委员会向大会作报告。\n一、过去五年工作回顾\n五年来成绩显著。\n二、今后五年的任务\n抓好落实。\n"
    )
    kind, year, unit, title, _ = guess(text)
    # The 届 is the committee's term, not its name: the unit is the same one five years on.
    assert (kind, year, unit, title) == ("work_report", 2022, "中国共产党北京市委员会", "奋力谱写现代化建设新篇章")
    report = parse_text(text).report  # the title and the lines under it leave the opening
    assert report.subtitle == "——在中国共产党北京市第十三次代表大会上的报告\n（2022年6月27日）"
    assert report.opening[:2] == ["蔡奇", "同志们："]
    # Near miss: a first sentence is no title, whatever line follows it.
    assert guess("五年来，我们做了大量工作。\n——这是全市人民共同奋斗的结果。\n" + _BODY)[3] == ""


def test_a_year_report_of_a_unit_is_its_summary_and_a_government_report_is_not() -> None:
    assert guess("临汾市统计局2023年度政府信息公开工作报告\n" + _BODY)[0] == "annual_summary"
    assert guess("桥头镇2023年度政府工作报告\n" + _BODY)[0] == "work_report"
    assert guess("魏庄镇2018年政府工作报告和2019年工作计划\n" + _BODY)[0] == "work_report"
    assert guess("区科协2023年度述职报告\n" + _BODY)[0] == "work_report"  # near miss: a 述职报告
    assert guess("区科协2023年度工作报告\n各位委员：\n" + _BODY)[0] == "work_report"  # and a report to a meeting


def test_a_web_page_toolbar_is_no_title(tmp_path: Path) -> None:
    page = tmp_path / "报告.txt"
    toolbar = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
    page.write_text(toolbar + "2026年天津市政府工作报告\n来源：天津日报\n时间：2026-02-03\n" + _GOVERNMENT_SPEECH.format(who="市人民政府"), encoding="utf-8")
    report = import_document(page).report
    assert report.title == "2026年天津市政府工作报告"
    # Near miss: the same words in a typed text (no second sign of a web page) stay text.
    typed = tmp_path / "记录.txt"
    typed.write_text("收藏\n" + _BODY, encoding="utf-8")
    assert "收藏" in import_document(typed).report.opening


def test_a_party_congress_report_dated_by_the_congress_calendar() -> None:
    text = "同志们：\n现在，我代表第十七届中央委员会向大会作报告。\n" + _BODY
    _, year, _, _, reasons = guess(text)
    assert year == 2012 and "第十七届中央委员会向下一次全国代表大会报告" in reasons["year"]
    assert guess("同志们：\n这是在中国共产党第九次全国代表大会上的报告。\n" + _BODY)[1] == 1969
    # Near misses: a congress only mentioned, a 届 beyond the table.
    assert guess("同志们：\n我们要认真学习党的第十八次全国代表大会精神。\n" + _BODY)[1] is None
    assert guess("同志们：\n现在，我代表第二十九届中央委员会向大会作报告。\n" + _BODY)[1] is None
    # A speech opening on its own congress, and the same words deep in another text.
    assert guess("同志们！\n中国共产党第十一次全国代表大会，现在开幕了。\n" + _BODY)[1] == 1977
    late = "各位代表：\n现在报告工作。\n一、主要工作\n稳步推进。\n二、今后任务\n抓好落实。\n三、学习\n党的第十九次全国代表大会，是一次重要会议。\n"
    assert guess(late)[1] is None
    assert guess("我受十二届中央委员会委托，向大会作报告。\n" + _BODY)[1] == 1987


_SENT = "区科协文件\n区科协发〔2024〕3号\n{title}\n区委：\n现将有关情况报告如下。\n" + _BODY + "区科协\n2024年{month}月15日\n"


def test_a_year_summary_sent_in_january_is_of_the_year_before() -> None:
    kind, year, unit, _, reasons = guess(_SENT.format(title="关于报送年度工作总结的报告", month=1))
    assert (kind, year, unit) == ("annual_summary", 2023, "区科协")
    assert reasons["year"] == "发文字号“区科协发〔2024〕3号”、成文日期 2024-01-15 在年初，总结的是 2023 年"
    # Near misses: the same summary sent in June, and 要点 sent in January, are of 2024.
    assert guess(_SENT.format(title="关于报送年度工作总结的报告", month=6))[1] == 2024
    assert guess(_SENT.format(title="关于印发工作要点的通知", month=1))[1] == 2024



def test_a_summary_dated_by_its_signature_and_the_month_it_was_signed() -> None:
    summary = "工作总结\n一年来，我会认真履职。\n" + _BODY + "区科协\n{date}\n"
    assert guess(summary.format(date="2023年12月20日"))[1] == 2023
    _, year, _, _, reasons = guess(summary.format(date="2024年1月10日"))
    assert year == 2023 and reasons["year"] == "成文日期 2024-01-10 在年初，总结的是 2023 年"
    # Near miss: 要点 signed in January are of that year.
    assert guess("工作要点\n" + _PLAN_ITEMS + "区科协\n2024年1月10日\n")[1] == 2024


# ---- the lines around a title given at a meeting (core.importing.title_block)

_CONGRESS_BODY = (
    "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n全县生产总值增长6%。\n"
    "二、2024年工作安排\n抓好项目建设。\n"
)


def test_a_letter_spaced_title_with_its_occasion_and_speaker_under_it() -> None:
    result = parse_text(
        "政 府 工 作 报 告\n2024年1月23日在保定市徐水区第三届人民代表大会第四次会议上\n保定市徐水区人民政府区长  王春雨\n"
        + _CONGRESS_BODY
    )
    report = result.report
    assert report.title == "政府工作报告"
    assert report.subtitle == "2024年1月23日在保定市徐水区第三届人民代表大会第四次会议上\n保定市徐水区人民政府区长  王春雨"
    assert report.opening[0] == "各位代表："
    assert (report.kind, report.year, report.unit) == ("work_report", 2024, "保定市徐水区人民政府")


def test_without_a_title_the_occasion_and_speaker_are_still_not_the_title() -> None:
    result = parse_text("2010年2月4日在徐水县第十四届人民代表大会第四次会议上\n徐水县人民政府县长李保森\n" + _CONGRESS_BODY)
    report = result.report
    assert report.title == "" and report.subtitle.split("\n") == [
        "2010年2月4日在徐水县第十四届人民代表大会第四次会议上", "徐水县人民政府县长李保森",
    ]  # fmt: skip
    assert (report.kind, report.year, report.unit) == ("work_report", 2010, "徐水县人民政府")


def test_a_title_that_runs_on_into_its_occasion_is_cut_at_the_date() -> None:
    result = parse_text(
        "政府工作报告2011年1月20日在徐水县第十四届人民代表大会\n第五次会议上\n徐水县人民政府县长李保森\n" + _CONGRESS_BODY
    )
    report = result.report
    assert report.title == "政府工作报告"
    assert report.subtitle.split("\n") == [
        "2011年1月20日在徐水县第十四届人民代表大会", "第五次会议上", "徐水县人民政府县长李保森",
    ]  # fmt: skip
    assert report.year == 2011


def test_a_meetings_label_above_the_title_is_no_part_of_it() -> None:
    report = parse_text("阜平县十七届人大\n五次会议文件(1)\n政府工作报告\n2021年2月5日在阜平县第十七届人民代表大会第五次会议上\n"
                        + _CONGRESS_BODY).report  # fmt: skip
    assert report.cover == ["阜平县十七届人大", "五次会议文件(1)"]
    assert report.title == "政府工作报告" and report.year == 2021


def test_a_speech_titled_at_its_meeting_keeps_its_title() -> None:
    # Near miss: "在…会议上的讲话" is the title of a speech, not the line saying where it was given.
    title = "在全市组织工作会议上的讲话"
    report = parse_text(f"{title}\n同志们：\n今天召开会议，主要任务是部署今年工作。\n一、成绩\n稳中有进。\n").report
    assert report.title == title and report.kind == "work_report"


def test_a_sentence_that_opens_with_a_date_and_a_meeting_is_text() -> None:
    text = "2023年3月5日在全县干部大会上，县委书记强调要抓好落实。\n一、主要工作\n抓好项目建设。\n"
    report = parse_text(text).report
    assert report.subtitle == "" and report.opening[0].startswith("2023年3月5日在全县干部大会上，")


def test_given_at_a_meeting_makes_a_report_of_a_text_that_only_looks_back() -> None:
    # No salutation and no "我代表…": the occasion under the title says it was given at a meeting.
    text = ("2019年1月29日保定市徐水区第二届人民代表大会第三次会议\n保定市徐水区人民政府区长  李志永\n"
            "一、2018年工作回顾\n全区经济平稳。\n二、2018年主要成绩\n项目落地。\n")  # fmt: skip
    kind, _year, unit, _title, reasons = guess(text)
    assert kind == "work_report" and "会上的讲话或报告" in reasons["kind"]
    assert unit == "保定市徐水区人民政府"


def test_the_year_whose_work_a_report_proposes() -> None:
    text = ("各位代表：\n现在，我代表容城县第十四届人民政府，向大会报告2007年换届以来的工作，"
            "对今后五年和2012年的工作提出建议，请予审议。\n一、过去五年工作回顾\n成绩显著。\n")  # fmt: skip
    _kind, year, unit, _title, reasons = guess(text)
    assert year == 2012 and "部署" in reasons["year"]
    assert unit == "容城县人民政府"  # the 届 is the term of office, not the name
    # Near miss: a 汇报 of one year that also plans the next is of the year it reports on.
    text = "受党工委委托，下面由我汇报2021年党建工作情况，并对2022年相关工作进行部署。\n一、主要工作\n抓落实。\n"
    assert guess(text)[1] == 2021


def test_a_working_group_is_a_unit() -> None:
    _kind, year, unit, title, _ = guess("CnPack 开发组 2016 年工作总结\n" + _BODY)
    assert (year, unit, title) == (2016, "CnPack开发组", "CnPack开发组2016年工作总结")


def test_a_county_named_only_where_the_report_thanks_its_supporters() -> None:
    text = ("政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2017年工作回顾\n"
            "全县经济稳中有进。在此，我代表县人民政府，向所有关心支持易县发展的朋友们，表示崇高的敬意！\n"
            "二、2018年工作安排\n抓好落实。\n")  # fmt: skip
    _kind, _year, unit, _title, reasons = guess(text)
    assert unit == "易县人民政府" and "关心支持易县发展" in reasons["unit"]
    assert guess(text.replace("易县", "清苑"))[2] == "清苑县人民政府"  # the level added to a bare name
    # Near miss: "我县" is no place's name.
    assert guess(text.replace("易县", "我县"))[2] == ""


# ---- 要点 and 总结 as units publish them (issue 24's second held set: their shapes, our words)


def test_a_notice_with_its_issuer_before_关于_is_the_cover_of_the_report_it_sends() -> None:
    text = (
        "某某县农业农村局关于印发《某某县农业农村局2024年工作要点》的通知\n各乡镇农业站，局机关各股室：\n"
        "现将《某某县农业农村局2024年工作要点》印发给你们，请认真贯彻执行。\n某某县农业农村局\n2024年2月20日\n"
        "某某县农业农村局2024年工作要点\n2024年，全局工作的总体要求是：稳字当头。\n" + _PLAN_ITEMS
    )
    result = parse_text(text)
    report = result.report
    assert report.cover[0] == "某某县农业农村局关于印发《某某县农业农村局2024年工作要点》的通知"
    assert report.cover[-1] == "2024年2月20日" and len(report.cover) == 5  # nothing of the notice is lost
    assert (report.kind, report.year, report.unit, report.title) == (
        "annual_keypoints", 2024, "某某县农业农村局", "某某县农业农村局2024年工作要点"
    )
    assert report.opening[0].startswith("2024年，全局工作")
    # Near miss: a notice whose report is not found below it as a line of its own keeps its lines.
    assert parse_text(text.replace("某某县农业农村局2024年工作要点\n2024年，", "2024年，")).report.cover == []


def test_a_notice_title_wrapped_over_two_lines_without_书名号_and_under_a_发文字号() -> None:
    text = (
        "某卫发〔2023〕1号\n某某市卫生健康委关于印发\n2023年全市卫生健康工作要点的通知\n各区县卫生健康局：\n"
        "现将《2023年全市卫生健康工作要点》下发给你们，请认真贯彻执行。\n某某市卫生健康委员会\n2023年4月26日\n"
        "2023年全市卫生健康工作要点\n" + _PLAN_ITEMS
    )
    report = parse_text(text).report
    assert report.title == "2023年全市卫生健康工作要点"
    assert report.unit == "某某市卫生健康委员会"  # the notice's 落款: the report names no unit
    # The notice's title is one paragraph of the cover, as the notice sets it (its first).
    assert report.cover[:2] == ["某某市卫生健康委关于印发2023年全市卫生健康工作要点的通知", "各区县卫生健康局："]


def test_a_notice_without_its_title_line_sends_the_report_it_names() -> None:
    # A page that kept the 主送 line and the notice's sentence, not the title of either.
    text = (
        "各县（区）人民政府，市政府各部门：\n《2023年某某市政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。\n"
        "某某市人民政府办公室\n2023年8月7日\n为进一步深化政务公开工作，提出以下要点。\n" + _PLAN_ITEMS
    )
    kind, year, unit, title, reasons = guess(text)
    assert (kind, year, unit, title) == ("annual_keypoints", 2023, "某某市人民政府办公室", "2023年某某市政务公开工作要点")
    assert reasons["title"] == "印发通知所发的《2023年某某市政务公开工作要点》"
    # Near miss: a report that quotes a document it received sends nothing.
    quoting = "某某局2023年工作总结\n今年以来，我局认真落实《2023年某某市政务公开工作要点》，印发给各科室学习。\n" + _BODY
    assert guess(quoting)[3] == "某某局2023年工作总结"


def test_a_summary_of_a_year_with_next_years_plan_in_its_title_is_a_summary() -> None:
    for title in ("某某区司法局2022年工作总结和2023年工作要点", "某某街道2022年工作总结及2023年工作思路"):
        # "今年以来" would make it a half year's summary but for the title.
        kind, year, _, found, reasons = guess(f"{title}\n今年以来，各项工作稳步推进。\n" + _BODY)
        assert (kind, year, found) == ("annual_summary", 2022, title)
        assert reasons["kind"] == "标题为某一年的工作总结"
    kind, *_ = guess("某某街道2020年上半年工作总结和下半年工作要点\n今年以来，各项工作稳步推进。\n" + _BODY)
    assert kind == "half_year_summary"
    # Near miss: a year's 要点 is no summary.
    assert guess("某某区司法局2023年工作要点\n" + _PLAN_ITEMS)[0] == "annual_keypoints"


def test_a_街道_or_镇_named_in_the_title_is_the_unit() -> None:
    assert guess("昌硕街道2022年工作总结和2023年工作计划\n一、2022年工作回顾\n全年完成各项任务。\n")[2] == "昌硕街道"
    assert guess("洲泉镇2024年工作总结和2025年工作思路\n2024年，全镇上下团结奋进。\n" + _BODY)[2] == "洲泉镇"
    # Near misses: "全镇" is where, not who; a 街道办事处 without its name says nothing.
    assert guess("全镇2024年工作总结\n2024年，各项工作稳步推进。\n" + _BODY)[2] == ""
    assert guess("2024年工作总结\n一年来，街道办事处坚持稳中求进。\n" + _BODY)[2] == ""


def test_a_title_that_names_its_unit_after_the_year() -> None:
    text = "2020年某某市某某区人民政府长白街道办事处工作总结\n2020年是极不平凡的一年。\n" + _BODY
    assert guess(text)[2] == "某某市某某区人民政府长白街道办事处"
    # Near miss: what follows the year is the field of work, not a unit.
    assert guess("2023年全市卫生健康工作要点\n" + _PLAN_ITEMS)[2] == ""


def test_the_subject_of_a_summarys_first_sentence_is_its_unit() -> None:
    text = "2022年，某某市司法局坚持以人民为中心，履职尽责，各项工作取得新进展。\n" + _BODY
    _, _, unit, _, reasons = guess(text)
    assert unit == "某某市司法局" and reasons["unit"] == "开头“某某市司法局坚持”"
    led = "今年以来，在县委、县政府的坚强领导下，中都街道深入贯彻落实各项部署。\n" + _BODY
    assert guess(led)[2] == "中都街道"
    # Near miss: the unit that leads is not the one that writes; a place's people are no unit.
    assert guess("今年以来，在区委区政府的坚强领导下，全区上下深入推进各项工作。\n" + _BODY)[2] == ""


def test_a_text_that_opens_with_a_heading_naming_its_year_and_kind() -> None:
    text = "一、2022年工作总结\n2022年，某某街道坚持稳中求进。\n（一）抓党建。\n二、2023年工作思路\n（一）抓落实。\n"
    kind, year, unit, title, reasons = guess(text)
    assert (kind, year, unit, title) == ("annual_summary", 2022, "某某街道", "")
    assert reasons["year"] == "文中没有标题行，首个章节“2022年工作总结”"
    assert reasons["kind"].startswith("文中没有标题行，首个章节“2022年工作总结”")
    # Near miss: a government report's "2022年工作回顾" is last year's review, not its kind.
    review = "一、2022年工作回顾\n过去一年，全县经济稳中有进。\n二、2023年工作安排\n抓好落实。\n"
    assert guess(review)[1] == 2023


def test_a_公文_title_names_its_issuer_before_关于() -> None:
    title = "某某市某某区人民政府关于某某区2023年上半年国民经济和社会发展计划执行情况的报告"
    _, year, unit, _, reasons = guess(f"{title}\n受区长委托，我代表区人民政府报告执行情况。\n" + _BODY)
    assert (year, unit) == (2023, "某某市某某区人民政府")
    assert reasons["unit"] == "标题中“关于”前的发文机关“某某市某某区人民政府”"
    # Near miss: a title that opens with 关于 names no issuer.
    assert guess("关于2023年上半年工作情况的报告\n今年以来，各项工作稳步推进。\n" + _BODY)[2] == ""


def test_a_notice_that_names_the_year_outside_the_reports_own_title() -> None:
    text = (
        "某某县人民政府关于印发2022年政府工作报告的通知\n某政发〔2022〕6号\n各乡镇人民政府，县直各部门：\n"
        "2022年《政府工作报告》已经县人民代表大会审议通过，现予印发，请认真贯彻落实。\n某某县人民政府\n2022年2月9日\n"
        "政府工作报告\n——2022年1月20日在某某县第十八届人民代表大会第一次会议上\n各位代表：\n我代表县人民政府，向大会报告工作。\n"
        "一、2021年工作回顾\n过去一年，全县经济稳中有进。\n"
    )
    report = parse_text(text).report
    assert (report.title, report.year, report.unit) == ("政府工作报告", 2022, "某某县人民政府")
    assert report.cover[-1] == "2022年2月9日"


def test_a_years_plan_is_filed_with_the_要点() -> None:
    assert guess("某某街道2024年工作计划\n党建工作：完善党建引领机制。\n" + _PLAN_ITEMS)[0] == "annual_keypoints"
    # Near miss: a summary that ends with next year's plan is a summary.
    assert guess("某某街道2023年工作总结和2024年工作计划\n" + _BODY)[0] == "annual_summary"


def test_the_subject_may_be_a_街_or_share_its_sentence_with_another_unit() -> None:
    assert guess("2021年工作总结\n2021年，某桥街团结带领全街干部群众奋力拼搏。\n" + _BODY)[2] == "某桥街"
    pair = "2022年，是“十四五”规划承上启下的一年。一年来，某龙街党工委、某龙街道办事处在区委的领导下，牢记嘱托。\n" + _BODY
    assert guess(pair)[2] == "某龙街道办事处"
    # Near miss: a place the work is about is not who writes: "全街上下" stays no unit.
    assert guess("2021年工作总结\n2021年，全街上下团结一心。\n" + _BODY)[2] == ""


def test_a_unit_is_filed_under_the_fullest_name_the_text_gives() -> None:
    text = "枫桥湖街道2022年度工作总结\n枫桥湖街道党工委  枫桥湖街道办事处\n2022年，街道上下团结奋进。\n" + _BODY
    _, _, unit, _, reasons = guess(text)
    assert unit == "枫桥湖街道办事处" and reasons["unit"].endswith("文中写作全称“枫桥湖街道办事处”")
    notice = (
        "某市监办〔2024〕25号某某市嘉定区市场监督管理局关于印发《嘉定区市场监督管理局2024年工作要点》的通知\n"
        "各科室：\n现将《嘉定区市场监督管理局2024年工作要点》印发给你们。\n嘉定区市场监督管理局2024年工作要点\n" + _PLAN_ITEMS
    )
    assert guess(notice)[2] == "某某市嘉定区市场监督管理局"  # not "号某某市…": a 发文字号 ends before it
    # Near misses: the party committee beside a 镇 is another organ; a place the text does not
    # write before the name is not added.
    assert guess("泉湖镇2022年工作总结\n中共衡南县泉湖镇委员会\n2022年，全镇上下团结奋进。\n" + _BODY)[2] == "衡南县泉湖镇"
    assert guess("洲泉镇2024年工作总结\n2024年，洲泉镇党委坚持稳中求进。\n" + _BODY)[2] == "洲泉镇"
