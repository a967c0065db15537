"""The lines around a report's title that are not its title.

A report given at a meeting carries, under (or instead of) its title, where and when it was
given ("2010年2月4日在徐水县第十四届人民代表大会第四次会议上", "——在…会议上") and who gave
it ("徐水县人民政府县长 李保森"); a meeting's papers are labelled above the title
("阜平县十七届人大五次会议文件(1)"); a title is often set with a space between its
characters ("政 府 工 作 报 告"). The outline parser keeps these out of the title
(core.importing.outline_parser), and the metadata guess reads the unit from the speaker's line
(core.importing.metadata_guess).
"""

from __future__ import annotations

import re

from core.draft.model import Report
from core.text.detectors import find_years

# The words a report's title ends with ("…工作要点", "…工作总结和2023年工作思路").
TITLE_WORDS = (
    "要点", "总结", "汇报", "报告", "讲话", "计划", "方案", "意见", "情况", "发言", "通知", "规划", "思路", "打算", "安排",
)
# The words of a first heading that names the text's kind and year ("一、2022年工作总结").
_KIND_HEADING_ENDS = ("总结", "要点", "计划", "思路", "打算", "情况")
_DATE = r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# Dashes and an opening bracket before an occasion ("——", "――", "（").
_LEAD = r"[—―－\-─]*\s*[（(]?\s*"
# "2010年2月4日在…会议上", "2019年1月29日保定市…第三次会议", "——在…会议上", "（在…座谈会上）".
_OCCASION = re.compile(
    rf"^{_LEAD}(?:{_DATE}\s*(?:在|于)?(?P<dated>.*)|在(?P<placed>.*))$"
)
_OCCASION_MAX = 80
_MEETING = re.compile(r"会|人大|政协")
# Without a date, only a line that ends at the meeting: "在全市组织工作会议上的讲话" is a title.
_OCCASION_END = re.compile(r"(?:会议?上|会议|大会)[）)]?$")
# The speaker: "天津市市长 张工", "汉滨区人民政府代区长 向诗兵", "市城管局党组书记、局长 杜宇".
SPEAKER_LINE = re.compile(
    r"^([\u4e00-\u9fff]{2,24}?)(?:党组书记、|党委书记、|党工委书记、)?代?"
    r"(省长|市长|区长|县长|镇长|乡长|州长|旗长|主席|局长|主任|书记)\s*[\u4e00-\u9fff·　 ]{0,10}$"
)
# A meeting's label above the title: "…人大五次会议文件(1)", "…会议文件之三", "大会材料（二）".
_FILE_LABEL = re.compile(
    r"^[\u4e00-\u9fff0-9]{2,30}?(?:会议|大会|人大|政协)[\u4e00-\u9fff0-9]{0,12}?(?:文件|材料)\s*"
    r"(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|之[一二三四五六七八九十]{1,3})?$"
)
# Spaces with a Chinese character on either side ("政 府 工 作 报 告", "CnPack 开发组 2016 年");
# a space between two Latin words stays.
_SPACED = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+|[ \u3000\u00a0]+(?=[\u4e00-\u9fff])"
)
_TITLE_THEN_DATE = re.compile(rf"^(?P<title>.{{2,40}}?(?:报告|讲话|发言|汇报|总结|要点))(?P<occasion>{_DATE}.*)$")


def unspaced(text: str) -> str:
    """A title without the spaces set beside its Chinese characters ("政 府 工 作 报 告")."""
    return _SPACED.sub("", text)


def is_occasion_line(text: str) -> bool:
    """Where and when a report was given: a date or "在" leading to a meeting."""
    line = unspaced(text.strip())
    if len(line) > _OCCASION_MAX or any(mark in line for mark in "。；！？，"):
        return False  # a sentence of the text that opens with a date
    match = _OCCASION.match(line)
    if match is None:
        return False
    rest = match.group("dated") if match.group("dated") is not None else match.group("placed")
    if not _MEETING.search(rest):
        return False
    return match.group("dated") is not None or bool(_OCCASION_END.search(rest))


def is_speaker_line(text: str) -> bool:
    return SPEAKER_LINE.match(text.strip()) is not None


def is_file_label(text: str) -> bool:
    return _FILE_LABEL.match(unspaced(text.strip()).replace(" ", "")) is not None


def split_title_and_occasion(text: str) -> tuple[str, str]:
    """("政府工作报告", "2011年1月20日在…大会") for a title line that runs on into the
    occasion; (text, "") for any other line."""
    match = _TITLE_THEN_DATE.match(unspaced(text.strip()))
    if match is None or not is_occasion_line(match.group("occasion")):
        return text, ""
    return match.group("title"), match.group("occasion")


def heading_for_title(report: Report) -> str:
    """The first heading, when the text has no title line and opens with a heading that names
    its year and kind ("一、2022年工作总结": a summary copied from below its title); else ""."""
    if report.title.strip() or not report.sections:
        return ""
    heading = report.sections[0].heading.strip()
    return heading if heading.endswith(_KIND_HEADING_ENDS) and find_years(heading) else ""
