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

from core.draft.kind import Kind
from core.draft.kinds import load_kinds
from core.draft.model import Report
from core.importing.kind_guess import NO_RULE_REASON, guess_kind_among
from core.importing.notice_cover import carried_report
from core.importing.title_block import heading_for_title
from core.importing.unit_guess import (
    DATE_LINE,
    FULL_WIDTH_DIGITS,
    body_texts,
    guess_unit,
    notice_signature,
)
from core.importing.year_clues import strong_clue, weak_clue
from core.text.detectors import find_years
from core.text.doc_number import parse_doc_number

FIELDS = ("kind", "year", "unit", "title")

# A 主送 list: "各市属学会，各区科协：", "各镇（街道）、区直各部门" — never a title.
_ADDRESSEE_LIST = re.compile(r"^各.{1,40}[、，,].{0,60}$")
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
# A line under a title: "——在中国共产党北京市第十三次代表大会上的报告", "（2022年6月27日）".
_UNDER_TITLE = ("——", "—", "（", "(")
_TITLE_LINE_MAX = 60


@dataclass(frozen=True)
class MetadataGuess:
    kind: str
    year: int | None
    unit: str
    title: str
    reasons: dict[str, str] = field(default_factory=dict)  # field name → Chinese reason


def looks_like_addressee(text: str) -> bool:
    """A 主送 line: ends with a colon, or lists organisations starting with 各…"""
    stripped = text.strip()
    return bool(stripped) and (stripped.endswith(("：", ":")) or bool(_ADDRESSEE_LIST.match(stripped)))


# How many paragraphs of the opening may hold a notice that sends the report.
_NOTICE_REACH = 6


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
        if match := DATE_LINE.search(line):
            return int(match.group(1)), f"标题下的日期“{match.group(0)}”"
    for line in report.opening[:12]:  # "——2023年1月11日在南宫市第十届人民代表大会…上"
        text = line.strip().translate(FULL_WIDTH_DIGITS)
        if _is_under_title(text) and (match := DATE_LINE.search(text)):
            return int(match.group(1)), f"报告标题下的日期“{match.group(0)}”"
    if notice := notice_signature(report):
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
    opening = "".join(report.opening[:2]).translate(FULL_WIDTH_DIGITS)
    if match := _PAST_YEAR.search(opening[:200]):
        year = int(match.group(1)) + 1
        return year, f"开头“{match.group(0)}”，报告是 {year} 年的"
    for hit in find_years(opening[:200]):
        if not _EVENT_DATE.match(opening, hit.end):
            return hit.year, f"开头写“{hit.text}”"
    headings = [s.heading.translate(FULL_WIDTH_DIGITS) for _, s in report.walk()]
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
            first = section.body[0].translate(FULL_WIDTH_DIGITS)[:20]
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
    counts = Counter(hit.year for text in body_texts(report) for hit in find_years(text.translate(FULL_WIDTH_DIGITS)))
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
    for text in (title, report.subtitle, *body_texts(report)):
        texts.append(_plain(text[:_CLUE_PARAGRAPH]))
        left -= len(texts[-1])
        if left <= 0:
            break
    return texts


def _plain(text: str) -> str:
    """Without spaces (“1 9 9 3 年” in copied text) and with half-width digits."""
    return re.sub(r"[ \u3000\t]+", "", text).translate(FULL_WIDTH_DIGITS)


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


def guess_metadata(report: Report) -> MetadataGuess:
    """The kind, year, unit and title a parsed report should be filed under, with reasons."""
    report = _with_title_lines(report)
    kinds = load_kinds()
    guess = guess_kind_among(report, kinds)
    kind, kind_reason = guess.kind, guess.reason
    title, title_reason = _guess_title(report)
    year, year_reason = _guess_year(report, title, kinds.get(kind))
    unit, unit_reason = guess_unit(report, title)
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
    if report.year is None and (years := find_years(stem.translate(FULL_WIDTH_DIGITS))):
        report.year, reasons["year"] = years[0].year, f"文中没有年份，取自文件名“{file_name}”"
    if not report.unit and (unit := guess_unit(named, stem)[0]):
        report.unit, reasons["unit"] = unit, f"文中没有落款，取自文件名“{file_name}”"
    guess = guess_kind_among(named, load_kinds())
    if guess.by_title and reasons.get("kind", "").startswith(NO_RULE_REASON):
        why = guess.reason.removeprefix("标题")
        report.kind, reasons["kind"] = guess.kind, f"文件名“{file_name}”{why}"
