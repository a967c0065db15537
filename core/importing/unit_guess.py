"""Who wrote a report: the unit a prior report is filed under, with the reason told to the clerk.

Evidence, in the order trusted: the 落款, the 发文机关标志, the title (its issuer before 关于, a
unit before or after the year, a 街道 or 镇 named by its place), the 落款 or title of a 印发通知
that carries the report, the speaker's line and words ("我代表…", "受…委托"), then the subject
of the first sentences ("2022年，长治市司法局坚持…"). A government named only by its level
("市人民政府") is completed by the place the text names; a bare place ("全区", "街道办事处")
is no unit. Part of the metadata guess (core.importing.metadata_guess).
"""

from __future__ import annotations

import re
from itertools import pairwise

from core.draft.model import Report
from core.importing.notice_cover import carried_report
from core.importing.title_block import SPEAKER_LINE
from core.text.detectors import find_years

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
DATE_LINE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
# A 落款 date stands alone on its line ("2023年3月9日"), a few characters at most.
_SIGNATURE_DATE_MAX = 16

# A bare level of government or a "我们" word is where a report comes from, not who wrote it.
_PLACE_WORDS = frozenset(
    ["省", "市", "区", "县", "镇", "乡", "村", "街道", "社区", "州", "盟", "旗", "全省", "全市", "全区", "全县", "全镇", "全乡", "本省", "本市", "本区", "本县", "我省", "我市", "我区", "我县", "我镇", "我乡", "我局", "我委", "我办", "本单位", "我单位", "街道办事处", "街道办", "办事处"]
)
# The end of an organisation's name (落款, 发文机关, the speaker's unit).
_UNIT_END = (
    "委员会", "办公室", "办公厅", "政府", "党组", "党委", "党工委", "管委会", "委", "部", "局", "办", "厅",
    "院", "会", "中心", "处", "科", "站", "所", "支部", "协", "联", "团", "队", "馆", "校", "公司", "集团", "组", "专班",
    "国务院",
)
# A 街道 (in Guangzhou a 街: "市桥街"), 镇, 乡 or 社区 is a unit of its own, named by its place.
_PLACE_UNIT_END = ("街道", "街", "镇", "乡", "社区")
_TERM = re.compile(r"(?<=[县市区州旗镇乡省])第[一二三四五六七八九十]{1,3}届(?=.{2,})")
_SPEAKER_UNIT = re.compile(r"(?:我代表|受)([\u4e00-\u9fff（）()]{2,20}?)(?:的委托|委托|，|,|向|作|就)")
# "2022年，长治市司法局坚持…", "今年以来，在区委的领导下，中都街道深入…": a summary's first
# sentences have its unit for their subject.
_OPENING_SUBJECT = re.compile(
    r"(?:^|[，,。；;、])\s*([\u4e00-\u9fff（）()]{3,30}?)(?:坚持|深入|认真|紧紧|全面|聚焦|围绕|始终|积极|立足|紧扣|锚定|"
    r"牢牢|忠实|扎实|按照|全力|持续|着力|坚决|大力|主动|团结|在[区县市省州镇乡党])"
)
# A 公文's title names its issuer before 关于 ("某某区人民政府关于2023年上半年…执行情况的报告").
_ISSUER_IN_TITLE = re.compile(r"^([\u4e00-\u9fff（）()、]{2,40}?)关于")
# "2020年上海市杨浦区人民政府长白新村街道办事处工作总结": the unit between the year and the work.
_UNIT_AFTER_YEAR = re.compile(r"^度?([\u4e00-\u9fff（）()]{2,40}?)(?:上半年|下半年|半年|年度|全年)?(?:工作)?(?:总结|要点|计划|思路|汇报|报告)")
# The organ a place-named unit stands for ("泉湖镇人民政府", "枫桥湖街道办事处"), and the places above
# a unit that its full name begins with ("上海市嘉定区…", "衡南县…"), read backwards from it.
_PLACE_ORGANS = ("人民政府", "办事处")
_PLACES_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?[省市区县州旗盟])+$")
_PLACES_REACH = 16
# What ends the words before a name and never starts a place: "…〔2024〕25号上海市…", "…的嘉定区…".
_NO_PLACE_START = "号的年月日和与及是在对为将"
_HEAD_COVER = 12
_HEAD_CHARACTERS = 300
# "我代表市人民政府": a government named by its level only; the place is said elsewhere.
_BARE_GOVERNMENT = re.compile(r"^(省|市|区|县|镇|乡|州|自治区|自治州|自治县|旗)(?:人民)?政府$")
# The head of a government ("天津市市长 张工"): the speaker's unit is that place's 人民政府.
_GOVERNMENT_HEADS = frozenset(["省长", "市长", "区长", "县长", "镇长", "乡长", "州长", "旗长", "主席"])
_PLACE_LEVELS = ("省", "市", "区", "县", "镇", "乡", "州", "旗", "自治区")
# "在天津市第十八届人民代表大会", "2026年北京市政府工作报告": the place a government report is of.
_CONGRESS_PLACE = re.compile(r"在([\u4e00-\u9fff]{2,20}?)第?[一二三四五六七八九十]+届人民代表大会")
# "向所有关心支持清苑发展的各界朋友表示衷心的感谢": a local government report thanks those who
# support its place by name (after its review of the year, or at its close), though it may
# never write "清苑县".
_SUPPORTED_PLACE = re.compile(r"关心(?:、|和)?支持([\u4e00-\u9fff]{2,6}?)(?:建设|发展|改革)")
_TITLE_PLACE = re.compile(r"^(?:(?:19|20)\d\d\s*年度?)?([\u4e00-\u9fff]{2,20}?)(?:(?:19|20)\d\d\s*年度?)?(?:人民)?政府工作报告$")

def is_bare_place(unit: str) -> bool:
    """"市", "全区", "我局": a place or a "we", not the name of a unit."""
    return unit.strip() in _PLACE_WORDS or len(unit.strip()) < 2



def unit_name(text: str) -> str:
    """``text`` when it is an organisation's name, else ""."""
    # "容城县第十四届人民政府": the 届 is the term of office, not part of the name.
    name = _TERM.sub("", text.strip().replace(" ", "").replace("\u3000", ""))
    if not name or is_bare_place(name) or len(name) > 30 or DATE_LINE.search(name):
        return ""
    if any(ch in name for ch in "。；：:！？，,"):
        return ""
    if name.endswith(_PLACE_UNIT_END) and len(name) >= 3 and not name.startswith(("全", "本", "我", "各", "该", "乡")):
        return name
    return name if name.endswith(_UNIT_END) else ""



def body_texts(report: Report) -> list[str]:
    texts = [*report.opening, *report.closing]
    for _, section in report.walk():
        texts += [section.heading, *section.body, *(point.text for point in section.points), *section.tail]
    return texts



def _speaker_lines(report: Report) -> list[str]:
    """The lines under the title and the first of the opening: where "市长 张工" stands, on
    its own line or after the congress on the same line ("…会议上 陕西省省长 赵刚")."""
    lines: list[str] = []
    for line in (*report.subtitle.split("\n"), *report.opening[:3]):
        if text := line.strip():
            lines.append(text)
            if len(parts := text.split()) >= 3:
                lines.append(" ".join(parts[-2:]))
    return lines


def _place_of(report: Report, title: str, level: str) -> tuple[str, str]:
    """The place a government named only by ``level`` ("市") is of, and where it is said:
    the speaker's office ("天津市市长"), the congress it reports to, or the title."""
    candidates: list[tuple[str, str]] = []
    for line in _speaker_lines(report):
        if (match := SPEAKER_LINE.match(line)) and match.group(1).endswith(level):
            candidates.append((match.group(1), f"报告人“{line[:16]}”"))
        if match := _CONGRESS_PLACE.search(line[:60]):
            candidates.append((match.group(1), f"“{match.group(0)}”"))
    if match := _TITLE_PLACE.match(title.replace(" ", "")):
        candidates.append((match.group(1), f"标题“{title}”"))
    for text in body_texts(report):
        if (match := _SUPPORTED_PLACE.search(text)) and not match.group(1).startswith(("我", "全", "本", "各")):
            name = match.group(1)
            candidates.append((name if name.endswith(level) else name + level, f"感谢语“{match.group(0)}”"))
            break
    for place, where in candidates:
        if place.endswith(level) and not is_bare_place(place) and len(place) > len(level):
            return place, where
    return "", ""


def guess_unit(report: Report, title: str) -> tuple[str, str]:
    unit, reason = _guess_unit_named(report, title)
    if match := _BARE_GOVERNMENT.match(unit):
        place, where = _place_of(report, title, match.group(1))
        if not place:
            return "", f"{reason}只写了“{unit}”，文中没有说是哪里的{match.group(1)}"
        return f"{place}人民政府", f"{reason}；是{where}所说的{place}的政府"
    if unit and (fuller := _fullest_form(unit, report, title)) != unit:
        return fuller, f"{reason}，文中写作全称“{fuller}”"
    return unit, reason


def _fullest_form(unit: str, report: Report, title: str) -> str:
    """The unit's fullest name the head of the text gives: with the places above it
    ("嘉定区市场监督管理局" → "上海市嘉定区市场监督管理局") and, for a 镇, 乡 or 街道 named by its
    place, the organ ("泉湖镇" → "衡南县泉湖镇人民政府", "枫桥湖街道" → "枫桥湖街道办事处").
    A filter on part of a name finds the fuller one too, not the other way round."""
    organs = _PLACE_ORGANS if unit.endswith(_PLACE_UNIT_END) else ("",)
    best = unit
    for text in _head_texts(report, title):
        at = text.find(unit)
        while at >= 0:
            after = text[at + len(unit) :]
            organ = next((o for o in organs if o and after.startswith(o)), "")
            places = _PLACES_BEFORE.search(text[max(0, at - _PLACES_REACH) : at])
            above = (places.group(0) if places else "").removeprefix("中共").lstrip(_NO_PLACE_START)
            fuller = above + unit + organ
            if len(fuller) > len(best) and unit_name(fuller) == fuller:
                best = fuller
            at = text.find(unit, at + 1)
    return best


def _head_texts(report: Report, title: str) -> list[str]:
    """Where a unit writes its full name: the title block, a notice, the first paragraphs, the 落款."""
    lines = [title, report.subtitle, report.signature, *report.cover[:_HEAD_COVER], *_first_paragraphs(report)]
    return [line[:_HEAD_CHARACTERS] for line in lines if line]


def _guess_unit_named(report: Report, title: str) -> tuple[str, str]:
    for line in report.signature.split("\n"):
        if unit := unit_name(line):
            return unit, f"落款“{unit}”"
    for line in report.issuer_mark.split("\n"):
        if unit := unit_name(line.strip().removesuffix("文件")):
            return unit, f"发文机关标志“{line.strip()}”"
    if (issuer := _ISSUER_IN_TITLE.match(title)) and (unit := unit_name(issuer.group(1))):
        return unit, f"标题中“关于”前的发文机关“{unit}”"
    if years := find_years(title):
        prefix = title[: years[0].start].strip()
        if unit := unit_name(prefix):
            return unit, f"标题中年份前的“{unit}”"
        if prefix and is_bare_place(prefix):
            return "", f"标题中年份前的“{prefix}”只是地名层级，不是单位"
        # Not "2026年吉林省政府工作报告": 政府工作报告 names the genre; whose it is, the text says.
        after = None if "政府工作报告" in title else _UNIT_AFTER_YEAR.match(title[years[0].end :].strip())
        if not prefix and after and (unit := unit_name(after.group(1))):
            return unit, f"标题中年份后的“{unit}”"
    if notice := notice_signature(report):
        return notice[0], f"印发通知的落款“{notice[0]} {notice[1].group(0)}”"
    if (carried := carried_report(report.cover)) and (unit := unit_name(carried.issuer)):
        return unit, f"印发通知的标题“{carried.issuer}关于…的通知”"
    for line in _speaker_lines(report):
        if not (match := SPEAKER_LINE.match(line)):
            continue
        if unit := unit_name(match.group(1)):
            return unit, f"报告人“{line[:24]}”"
        place = match.group(1)
        if match.group(2) in _GOVERNMENT_HEADS and place.endswith(_PLACE_LEVELS) and not is_bare_place(place):
            return f"{place}人民政府", f"报告人“{line[:24]}”是{place}政府的{match.group(2)}"
    for text in report.opening[:8]:
        if (match := _SPEAKER_UNIT.search(text[:120])) and (unit := unit_name(match.group(1))):
            return unit, f"开头“{match.group(0)}”"
    for text in _first_paragraphs(report):
        for match in _OPENING_SUBJECT.finditer(text[:_SUBJECT_REACH]):
            if unit := unit_name(match.group(1)):
                return unit, f"开头“{match.group(0).lstrip('，,。；; ')}”"
    return "", "未找到落款、发文机关或报告人单位"


# How far into each of the first paragraphs a unit is looked for as the subject.
_SUBJECT_REACH = 120
_SUBJECT_PARAGRAPHS = 2


def _first_paragraphs(report: Report) -> list[str]:
    """The text's first paragraphs: the opening's, then the first section's ("…工作总结如下：",
    "一、2022年工作总结", then the text)."""
    walked = report.walk()
    return [*report.opening[:_SUBJECT_PARAGRAPHS], *(walked[0][1].body[:_SUBJECT_PARAGRAPHS] if walked else [])]



def notice_signature(report: Report) -> tuple[str, re.Match[str]] | None:
    """The unit and date of the 印发通知 a report came in: its 落款 (a unit's name, then a
    date alone on its line) stands in the opening, before the report it carries."""
    lines = [line.strip() for line in (*report.cover, *report.opening[:12])]
    for line, after in pairwise(lines):
        date = after.translate(FULL_WIDTH_DIGITS)
        if len(date) <= _SIGNATURE_DATE_MAX and (match := DATE_LINE.fullmatch(date)) and (unit := unit_name(line)):
            return unit, match
    return None


