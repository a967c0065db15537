"""Guess a prior report's kind, year, unit and title from the document itself, each with a reason.

What the library files a report under and what its search filters rely on. Evidence, in
the order trusted: the title line, the 落款 (signature), the 发文字号, the speaker's own words
("我代表国务院", "受党工委委托"), then the words of the text. Every value comes with the
Chinese reason shown to the clerk in 管理资料库, who can correct it there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from core.draft.kind import Kind
from core.draft.kinds import load_kinds
from core.draft.model import Report
from core.importing.kind_guess import NO_RULE_REASON, guess_kind_among
from core.importing.notice_cover import carried_report
from core.importing.title_block import SPEAKER_LINE, heading_for_title
from core.importing.year_clues import strong_clue, weak_clue
from core.text.detectors import find_years
from core.text.doc_number import parse_doc_number

FIELDS = ("kind", "year", "unit", "title")

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
# A 主送 list: "各市属学会，各区科协：", "各镇（街道）、区直各部门" — never a title.
_ADDRESSEE_LIST = re.compile(r"^各.{1,40}[、，,].{0,60}$")
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
_REVIEW_HEADING = re.compile(r"((?:19|20)\d\d)\s*年(?:国内)?的?工作的?回顾|报告((?:19|20)\d\d)\s*年的?工作")
_PLAN_HEADING = re.compile(
    r"((?:19|20)\d\d)\s*年[^，。；]{0,12}?(?:总体部署|总体要求|主要任务|重点任务|工作任务|工作安排|重点工作|工作打算|工作计划|工作思路)"
)
# "一、去年工作回顾" whose text opens "2005年，…": the report is of 2006.
_LAST_YEAR_REVIEW = re.compile(r"(?:去年|过去一年|一年来|上一年)(?:的)?(?:工作)?(?:的)?回顾")
# "刚刚过去的1984年": the report is of the year after.
_PAST_YEAR = re.compile(r"过去的\s*((?:19|20)\d\d)\s*年")
# A year with a month is the date of an event ("1998年3月就职"), not the report's year.
_EVENT_DATE = re.compile(r"\s*\d{1,2}\s*月")
# The share of all years written in the text one year must have to be taken for the report's.
_DOMINANT_SHARE = 0.6
_DOMINANT_MIN = 3
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DATE_LINE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
# A line under a title: "——在中国共产党北京市第十三次代表大会上的报告", "（2022年6月27日）".
_UNDER_TITLE = ("——", "—", "（", "(")
_TITLE_LINE_MAX = 60
# A 落款 date stands alone on its line ("2023年3月9日"), a few characters at most.
_SIGNATURE_DATE_MAX = 16


@dataclass(frozen=True)
class MetadataGuess:
    kind: str
    year: int | None
    unit: str
    title: str
    reasons: dict[str, str] = field(default_factory=dict)  # field name → Chinese reason


def is_bare_place(unit: str) -> bool:
    """"市", "全区", "我局": a place or a "we", not the name of a unit."""
    return unit.strip() in _PLACE_WORDS or len(unit.strip()) < 2


def looks_like_addressee(text: str) -> bool:
    """A 主送 line: ends with a colon, or lists organisations starting with 各…"""
    stripped = text.strip()
    return bool(stripped) and (stripped.endswith(("：", ":")) or bool(_ADDRESSEE_LIST.match(stripped)))


def _unit_name(text: str) -> str:
    """``text`` when it is an organisation's name, else ""."""
    # "容城县第十四届人民政府": the 届 is the term of office, not part of the name.
    name = _TERM.sub("", text.strip().replace(" ", "").replace("\u3000", ""))
    if not name or is_bare_place(name) or len(name) > 30 or _DATE_LINE.search(name):
        return ""
    if any(ch in name for ch in "。；：:！？，,"):
        return ""
    if name.endswith(_PLACE_UNIT_END) and len(name) >= 3 and not name.startswith(("全", "本", "我", "各", "该", "乡")):
        return name
    return name if name.endswith(_UNIT_END) else ""


def _guess_title(report: Report) -> tuple[str, str]:
    title = report.title.strip()
    # A notice whose report's own title line was not copied (or not found): the report it sends.
    if (carried := carried_report([title, *report.opening[:_NOTICE_REACH]])) and (carried.named_at == 0 or not title):
        return carried.name, f"印发通知所发的《{carried.name}》"
    if title and looks_like_addressee(title):
        return "", f"首行“{title[:20]}”是主送机关，不是标题；文中未找到标题行"
    if title:
        return title, "取自文首的标题行"
    return "", "文中没有标题行"


def _guess_year(report: Report, title: str, kind: Kind | None) -> tuple[int | None, str]:
    if years := find_years(title):
        return years[0].year, f"标题写“{years[0].text}”"
    if not title and (heading := heading_for_title(report)):
        return find_years(heading)[0].year, f"文中没有标题行，首个章节“{heading}”"
    for line in report.subtitle.split("\n"):
        if match := _DATE_LINE.search(line):
            return int(match.group(1)), f"标题下的日期“{match.group(0)}”"
    for line in report.opening[:12]:  # "——2023年1月11日在南宫市第十届人民代表大会…上"
        text = line.strip().translate(_FULL_WIDTH_DIGITS)
        if _is_under_title(text) and (match := _DATE_LINE.search(text)):
            return int(match.group(1)), f"报告标题下的日期“{match.group(0)}”"
    if notice := _notice_signature(report):
        unit, match = notice
        year, month = int(match.group(1)), int(match.group(2))
        if kind is not None and kind.last_year_until_month and month <= kind.last_year_until_month:
            return year - 1, f"印发通知落款“{unit} {match.group(0)}”在年初，总结的是 {year - 1} 年"
        return year, f"印发通知落款“{unit} {match.group(0)}”"
    number = parse_doc_number(report.doc_number) if report.doc_number.strip() else None
    if number is not None and number.year:
        year, doc_number = int(number.year), report.doc_number.strip()
        # A 年度总结 sent in January ("〔2024〕3号", 落款 2024年1月15日) reports on the year before.
        if _early_in_year(report.date, year, kind):
            return year - 1, f"发文字号“{doc_number}”、成文日期 {report.date} 在年初，总结的是 {year - 1} 年"
        return year, f"发文字号“{doc_number}”的年份"
    texts = _clue_texts(report, title)
    if clue := strong_clue(texts):
        return clue
    opening = "".join(report.opening[:2]).translate(_FULL_WIDTH_DIGITS)
    if match := _PAST_YEAR.search(opening[:200]):
        year = int(match.group(1)) + 1
        return year, f"开头“{match.group(0)}”，报告是 {year} 年的"
    for hit in find_years(opening[:200]):
        if not _EVENT_DATE.match(opening, hit.end):
            return hit.year, f"开头写“{hit.text}”"
    headings = [s.heading.translate(_FULL_WIDTH_DIGITS) for _, s in report.walk()]
    summary = kind is not None and kind.summary
    for heading in headings:
        if match := _PLAN_HEADING.search(heading):
            planned = int(match.group(1))
            if summary:  # a summary ends with next year's plan
                return planned - 1, f"章节“{heading[:20]}”安排下一年，总结的是 {planned - 1} 年"
            return planned, f"章节“{heading[:20]}”部署这一年的工作"
    for heading in headings:
        if match := _REVIEW_HEADING.search(heading):
            year = int(match.group(1) or match.group(2)) + 1
            return year, f"章节“{heading[:20]}”回顾上一年，报告是 {year} 年的"
    for _, section in report.walk():
        if _LAST_YEAR_REVIEW.search(section.heading) and section.body:
            first = section.body[0].translate(_FULL_WIDTH_DIGITS)[:20]
            if (years := find_years(first)) and not _EVENT_DATE.match(first, years[0].end):
                year = years[0].year + 1
                return year, f"“{section.heading[:12]}”一章从 {years[0].year} 年说起，报告是 {year} 年的"
    for text in texts:  # a short line "首先报告2001年的工作" that was not taken for a heading
        if len(text) <= 30 and (match := _REVIEW_HEADING.search(text)):
            year = int(match.group(1) or match.group(2)) + 1
            return year, f"“{text}”回顾上一年，报告是 {year} 年的"
    if clue := weak_clue(texts):
        return clue
    if report.date:
        year = int(report.date[:4])
        # A kind written after its year ends (a 年度总结 signed in January) is of the year before.
        if _early_in_year(report.date, year, kind):
            return year - 1, f"成文日期 {report.date} 在年初，总结的是 {year - 1} 年"
        return year, f"成文日期 {report.date}"
    counts = Counter(hit.year for text in _all_text(report) for hit in find_years(text.translate(_FULL_WIDTH_DIGITS)))
    if counts:
        year, times = counts.most_common(1)[0]
        # A speech (a kind without a 成文日期, kind.toml ``dated``) dwells on the year it
        # reviews, not the year it is given in: not for a 汇报.
        dominant = times >= _DOMINANT_MIN and times >= _DOMINANT_SHARE * sum(counts.values())
        if dominant and (kind is None or kind.dated):
            return year, f"正文中写到的年份大多是 {year} 年（{times} 次）"
    return None, "文中没有找到年份"


# What a reader looks at to date a report: its first pages. A long paragraph is read in part,
# and a 300-page file does not cost more than a long report does.
_CLUE_CHARACTERS = 60_000
_CLUE_PARAGRAPH = 3_000


def _clue_texts(report: Report, title: str) -> list[str]:
    """The title, the line under it and the text in reading order, normalised, as far as a
    reader would look for the year."""
    texts: list[str] = []
    left = _CLUE_CHARACTERS
    for text in (title, report.subtitle, *_all_text(report)):
        texts.append(_plain(text[:_CLUE_PARAGRAPH]))
        left -= len(texts[-1])
        if left <= 0:
            break
    return texts


def _plain(text: str) -> str:
    """Without spaces (“1 9 9 3 年” in copied text) and with half-width digits."""
    return re.sub(r"[ \u3000\t]+", "", text).translate(_FULL_WIDTH_DIGITS)


def _all_text(report: Report) -> list[str]:
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
    for text in _all_text(report):
        if (match := _SUPPORTED_PLACE.search(text)) and not match.group(1).startswith(("我", "全", "本", "各")):
            name = match.group(1)
            candidates.append((name if name.endswith(level) else name + level, f"感谢语“{match.group(0)}”"))
            break
    for place, where in candidates:
        if place.endswith(level) and not is_bare_place(place) and len(place) > len(level):
            return place, where
    return "", ""


def _guess_unit(report: Report, title: str) -> tuple[str, str]:
    unit, reason = _guess_unit_named(report, title)
    if match := _BARE_GOVERNMENT.match(unit):
        place, where = _place_of(report, title, match.group(1))
        if not place:
            return "", f"{reason}只写了“{unit}”，文中没有说是哪里的{match.group(1)}"
        return f"{place}人民政府", f"{reason}；是{where}所说的{place}的政府"
    return unit, reason


def _guess_unit_named(report: Report, title: str) -> tuple[str, str]:
    for line in report.signature.split("\n"):
        if unit := _unit_name(line):
            return unit, f"落款“{unit}”"
    for line in report.issuer_mark.split("\n"):
        if unit := _unit_name(line.strip().removesuffix("文件")):
            return unit, f"发文机关标志“{line.strip()}”"
    if (issuer := _ISSUER_IN_TITLE.match(title)) and (unit := _unit_name(issuer.group(1))):
        return unit, f"标题中“关于”前的发文机关“{unit}”"
    if years := find_years(title):
        prefix = title[: years[0].start].strip()
        if unit := _unit_name(prefix):
            return unit, f"标题中年份前的“{unit}”"
        if prefix and is_bare_place(prefix):
            return "", f"标题中年份前的“{prefix}”只是地名层级，不是单位"
        # Not "2026年吉林省政府工作报告": 政府工作报告 names the genre; whose it is, the text says.
        after = None if "政府工作报告" in title else _UNIT_AFTER_YEAR.match(title[years[0].end :].strip())
        if not prefix and after and (unit := _unit_name(after.group(1))):
            return unit, f"标题中年份后的“{unit}”"
    if notice := _notice_signature(report):
        return notice[0], f"印发通知的落款“{notice[0]} {notice[1].group(0)}”"
    if (carried := carried_report(report.cover)) and (unit := _unit_name(carried.issuer)):
        return unit, f"印发通知的标题“{carried.issuer}关于…的通知”"
    for line in _speaker_lines(report):
        if not (match := SPEAKER_LINE.match(line)):
            continue
        if unit := _unit_name(match.group(1)):
            return unit, f"报告人“{line[:24]}”"
        place = match.group(1)
        if match.group(2) in _GOVERNMENT_HEADS and place.endswith(_PLACE_LEVELS) and not is_bare_place(place):
            return f"{place}人民政府", f"报告人“{line[:24]}”是{place}政府的{match.group(2)}"
    for text in report.opening[:8]:
        if (match := _SPEAKER_UNIT.search(text[:120])) and (unit := _unit_name(match.group(1))):
            return unit, f"开头“{match.group(0)}”"
    for text in _first_paragraphs(report):
        for match in _OPENING_SUBJECT.finditer(text[:_SUBJECT_REACH]):
            if unit := _unit_name(match.group(1)):
                return unit, f"开头“{match.group(0).lstrip('，,。；; ')}”"
    return "", "未找到落款、发文机关或报告人单位"


# How many paragraphs of the opening may hold a notice that sends the report.
_NOTICE_REACH = 6
# How far into each of the first paragraphs a unit is looked for as the subject.
_SUBJECT_REACH = 120
_SUBJECT_PARAGRAPHS = 2


def _first_paragraphs(report: Report) -> list[str]:
    """The text's first paragraphs: the opening's, then the first section's ("…工作总结如下：",
    "一、2022年工作总结", then the text)."""
    walked = report.walk()
    return [*report.opening[:_SUBJECT_PARAGRAPHS], *(walked[0][1].body[:_SUBJECT_PARAGRAPHS] if walked else [])]


def _with_title_lines(report: Report) -> Report:
    """A report whose title line and the lines under it were read as its opening (a text
    with no blank line after the title) seen with them as title and subtitle."""
    opening = report.opening
    if report.title.strip() or len(opening) < 2 or not opening[1].strip().startswith(_UNDER_TITLE[:2]):
        return report
    first = opening[0].strip()
    if not first or len(first) > _TITLE_LINE_MAX or any(mark in first for mark in "。；：:"):
        return report
    under = 1
    while under < len(opening) and _is_under_title(opening[under].strip()):
        under += 1
    subtitle = "\n".join(line.strip() for line in opening[1:under])
    return replace(report, title=first, subtitle=subtitle, opening=list(opening[under:]))


def _early_in_year(date: str, year: int, kind: Kind | None) -> bool:
    """Whether ``date`` ("2024-01-15") falls in the first months of ``year`` in which ``kind``
    still reports on the year before (kind.toml ``last_year_until_month``)."""
    if kind is None or not kind.last_year_until_month or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return False
    return int(date[:4]) == year and int(date[5:7]) <= kind.last_year_until_month


def _is_under_title(text: str) -> bool:
    """"——在…会议上", "（2022年6月27日）": a short line that hangs under a title."""
    if len(text) > _TITLE_LINE_MAX:
        return False
    return text.startswith(_UNDER_TITLE[:2]) or (text.startswith(_UNDER_TITLE[2:]) and text.endswith(("）", ")")))


def _notice_signature(report: Report) -> tuple[str, re.Match[str]] | None:
    """The unit and date of the 印发通知 a report came in: its 落款 (a unit's name, then a
    date alone on its line) stands in the opening, before the report it carries."""
    lines = [line.strip() for line in (*report.cover, *report.opening[:12])]
    for line, after in pairwise(lines):
        date = after.translate(_FULL_WIDTH_DIGITS)
        if len(date) <= _SIGNATURE_DATE_MAX and (match := _DATE_LINE.fullmatch(date)) and (unit := _unit_name(line)):
            return unit, match
    return None


def guess_metadata(report: Report) -> MetadataGuess:
    """The kind, year, unit and title a parsed report should be filed under, with reasons."""
    report = _with_title_lines(report)
    kinds = load_kinds()
    guess = guess_kind_among(report, kinds)
    kind, kind_reason = guess.kind, guess.reason
    title, title_reason = _guess_title(report)
    year, year_reason = _guess_year(report, title, kinds.get(kind))
    unit, unit_reason = _guess_unit(report, title)
    return MetadataGuess(
        kind, year, unit, title, {"kind": kind_reason, "year": year_reason, "unit": unit_reason, "title": title_reason}
    )


def apply_guess(report: Report, guess: MetadataGuess) -> None:
    """Put the guess on the report; a 主送 line taken for the title becomes the 主送机关 again."""
    if report.title.strip() and not guess.title and not report.addressee:
        report.addressee = report.title.strip().rstrip("：:")
    # A title line read as opening leaves the opening, with the lines under it, once taken for the title.
    seen = _with_title_lines(report)
    if seen is not report and seen.title == guess.title and not report.subtitle.strip():
        report.subtitle, report.opening = seen.subtitle, seen.opening
    report.kind, report.year, report.unit, report.title = guess.kind, guess.year, guess.unit, guess.title


_TITLE_WORDS = ("要点", "总结", "汇报", "报告", "讲话", "计划", "安排", "情况", "发言")
_COPY_MARKS = re.compile(r"[（(](?:定稿|终稿|修改稿|送审稿|印发稿|\d+)[）)]$|[-_ ]?(?:定稿|终稿|修改稿|副本|v\d+)$", re.IGNORECASE)


def fill_from_file_name(report: Report, reasons: dict[str, str], file_name: str) -> None:
    """What the text left unknown, from a file name that reads like a title
    ("区科协2023年工作要点（定稿）.docx"): the year, unit and kind it gives.
    A value found in the text always wins; a name without a title word ("扫描件001") is not used."""
    stem = file_name.rsplit(".", 1)[0].strip() if "." in file_name else file_name.strip()
    stem = _COPY_MARKS.sub("", stem).strip()
    if not stem or not any(word in stem for word in _TITLE_WORDS) or looks_like_addressee(stem):
        return
    # The title is left empty: the library shows the file name in its place, and the report's
    # text (whose digest tells the same report in two formats, core.library.bulk) stays its own.
    named = Report(title=stem)
    if report.year is None and (years := find_years(stem.translate(_FULL_WIDTH_DIGITS))):
        report.year, reasons["year"] = years[0].year, f"文中没有年份，取自文件名“{file_name}”"
    if not report.unit and (unit := _guess_unit(named, stem)[0]):
        report.unit, reasons["unit"] = unit, f"文中没有落款，取自文件名“{file_name}”"
    guess = guess_kind_among(named, load_kinds())
    if guess.by_title and reasons.get("kind", "").startswith(NO_RULE_REASON):
        why = guess.reason.removeprefix("标题")
        report.kind, reasons["kind"] = guess.kind, f"文件名“{file_name}”{why}"
