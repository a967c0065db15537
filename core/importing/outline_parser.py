"""Paragraphs of a prior report → Report: title, opening, section tree, points, closing.

Level comes from the marker's family and from context: a family already open on the
stack closes everything below it; a new family nests under the innermost open heading
of a shallower rank. What is not a heading is body: no text is dropped.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from core.base.progress import Progress, progress_or_none
from core.draft.model import (
    DEFAULT_LEVELS,
    LAYOUT_INLINE,
    LAYOUT_JOINED,
    LAYOUT_PARAGRAPHS,
    LevelFormat,
    Numbering,
    Point,
    Report,
    Section,
)
from core.draft.ordinals import (
    FAMILY_OF_FORMAT,
    int_to_cn,
    parse_marker,
    parse_point,
)
from core.draft.tables import Table
from core.importing.end_fields import SENTENCE_PUNCT, SPEECH_OPENERS, TextEnd, parse_date, read_text_end
from core.importing.heading_rules import HOW_MARKER, Heading, HeadingHint, find_headings
from core.importing.notice_cover import notice_paragraphs, report_start
from core.importing.title_block import (
    TITLE_WORDS,
    is_file_label,
    is_occasion_line,
    is_speaker_line,
    split_title_and_occasion,
    unspaced,
)
from core.text.layout import RUN_IN_CLOSING_MARKS, RUN_IN_END
from core.text.lines import join_lines

MAX_LONG_TITLE = 80
_POINT_BOUNDARY = "。；：！？，"
_QUOTE_OPEN = "“‘《（(「【〔"
_QUOTE_CLOSE = "”’》）)」】〕"
_QUOTE_OR_BRACKET = re.compile("[" + re.escape(_QUOTE_OPEN + _QUOTE_CLOSE) + "]")

_YEAR = re.compile(r"(19|20)\d{2}(?=\s*年)")

@dataclass
class ParsedOutline:
    report: Report
    cover_detected: bool = False
    warnings: list[str] = field(default_factory=list)
    # A part's tables before its first heading (parse_outline(part=True)), each with the
    # number of opening paragraphs before it.
    lead_tables: list[tuple[int, Table]] = field(default_factory=list)


def split_outside_quotes(text: str, marks: str = "。") -> int:
    """Index of the first of ``marks`` not inside quotes or brackets, or -1."""
    found = [at for mark in marks if (at := text.find(mark)) >= 0]
    if not found:
        return -1
    first = min(found)
    if not _QUOTE_OR_BRACKET.search(text, 0, first):
        return first  # the common case, decided without a character loop
    depth = 0
    for i, ch in enumerate(text):
        if ch in _QUOTE_OPEN:
            depth += 1
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            return i
    return -1


def run_in_cut(text: str) -> tuple[str, str] | None:
    """(heading, text after it) of a run-in heading line, or None for a heading line as it
    stands. The line is cut at its first closing mark outside quotes (RUN_IN_CLOSING_MARKS,
    the marks core.text.layout.run_in_lead keeps): "。" is dropped (the layout adds it back),
    any other mark stays with the heading ("总体要求：", "如何抓好落实？", "抓落实……").
    A mark other than "。" cuts only when sentence text follows (it holds a "。" or ends a
    sentence): "一、指导思想：坚持稳中求进" is a heading, not a heading and its text."""
    cut = split_outside_quotes(text, "".join(RUN_IN_CLOSING_MARKS))
    if cut <= 0:
        return None  # a run-in heading has words before its mark ("一、。正文" stands as it is)
    end = cut + 1
    while end < len(text) and text[end] == text[cut] == "…":
        end += 1
    remainder = text[end:]
    if not remainder.strip():
        return None
    if text[cut] == RUN_IN_END:
        return text[:cut], remainder
    if RUN_IN_END in remainder or remainder.rstrip().endswith(RUN_IN_CLOSING_MARKS):
        return text[:end], remainder
    return None


def split_points(text: str, first: int = 1) -> tuple[str, list[str]]:
    """Split "lead一是A。二是B。" into ("lead", ["A。", "B。"]).

    Points must run 一是, 二是, 三是 … consecutively from ``first``, each at the start or
    after a sentence boundary. Mid-paragraph, at least two points are needed to count.
    """
    starts: list[tuple[int, int]] = []  # (position of ordinal, position after it)
    expected = first
    pos = 0
    while True:
        word = int_to_cn(expected) + "是"
        found = -1
        search = pos
        while True:
            idx = text.find(word, search)
            if idx < 0:
                break
            before = text[idx - 1] if idx > 0 else ""
            if idx == 0 or before in _POINT_BOUNDARY:
                found = idx
                break
            search = idx + 1
        if found < 0:
            break
        starts.append((found, found + len(word)))
        pos = found + len(word)
        expected += 1
        if expected > 99:
            break
    if not starts or (starts[0][0] > 0 and len(starts) < 2):
        return text, []
    lead = text[: starts[0][0]]
    points = []
    for i, (_, after) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        points.append(text[after:end])
    return lead, points


def _is_date_line(text: str) -> bool:
    return parse_date(text) is not None


def _title_like(text: str) -> bool:
    if parse_marker(text) or parse_point(text) or _is_date_line(text):
        return False
    # Long titles exist ("…关于…工作情况的总结报告", 50+ characters); past the usual
    # length only one that ends like a title counts.
    if text.startswith(SPEECH_OPENERS) or len(text) > MAX_LONG_TITLE or (len(text) > 45 and not _has_title_word(text)):
        return False
    return not any(ch in text for ch in "。；！？") and text[-1] not in SENTENCE_PUNCT


def _has_title_word(text: str) -> bool:
    return text.rstrip("）)》〉").endswith(TITLE_WORDS) or any(text.endswith(w + "）") for w in TITLE_WORDS)


def _subtitle_like(text: str) -> bool:
    """A line under a title: "——…", "（2022年6月27日）", where and when it was given, who gave it."""
    return (
        text.startswith(("——", "—", "--"))
        or (text[0] in "（(" and text[-1] in "）)" and len(text) <= 40)
        or is_occasion_line(text)
        or is_speaker_line(text)
    )


def _after_file_label(paras: list[str], start: int) -> int:
    """The index after a meeting's label set over one or two lines at ``start`` (else ``start``)."""
    for count in (1, 2):
        if start + count < len(paras) and is_file_label("".join(paras[start : start + count])):
            return start + count
    return start


def _take_title(paras: list[str], start: int, seams: set[int]) -> tuple[str, str, int]:
    """Title lines (a title wrapped over several lines is joined, never across a text
    box), subtitle lines, next index."""
    i = start
    title_lines: list[str] = []
    subtitle: list[str] = []
    while (
        i < len(paras)
        and len(title_lines) < 3
        and _title_like(paras[i])
        and not _subtitle_like(paras[i])
        and not (title_lines and i in seams)
    ):
        title, occasion = split_title_and_occasion(paras[i])
        title_lines.append(unspaced(title))
        i += 1
        if occasion:  # "政府工作报告2011年1月20日在…": the title ran on into the occasion
            subtitle.append(occasion)
            break
        if _has_title_word(title_lines[-1]):
            break
    # Without a title, the lines saying where and when it was given are still no part of the text.
    untitled = not title_lines and i < len(paras) - 1 and is_occasion_line(paras[i])
    if not untitled and (not title_lines or i >= len(paras)):
        return "", "", start
    joined = functools.reduce(join_lines, title_lines, "")
    lone = len(title_lines) == 1 and not subtitle and not _has_title_word(joined)
    if lone and not _title_like_by_position(paras, i):
        return "", "", start
    while i < len(paras) and len(subtitle) < 3 and i not in seams and (
        _subtitle_like(paras[i]) or (_title_like(paras[i]) and len(paras[i]) <= 20) or _is_date_line(paras[i])
    ):
        if parse_marker(paras[i]) or (_is_date_line(paras[i]) and i + 1 >= len(paras)):
            break
        subtitle.append(paras[i])
        i += 1
    return joined, "\n".join(subtitle), i


def _title_like_by_position(paras: list[str], next_index: int) -> bool:
    """A short line without a title word still counts when real text follows it."""
    return next_index < len(paras) and len(paras[next_index]) > 45


class _TreeBuilder:
    def __init__(self) -> None:
        self.roots: list[Section] = []
        self.stack: list[tuple[str, int, Section]] = []  # (family, rank, section)
        self.depth_formats: dict[int, list[str]] = {}
        self.first_child_numbers: dict[int, list[int]] = {}

    def add_heading(self, found: Heading) -> Section:
        families = [entry[0] for entry in self.stack]
        if found.absolute_level is not None:
            del self.stack[found.absolute_level - 1 :]
        elif found.family in families:
            del self.stack[families.index(found.family) :]
        else:
            while self.stack and self.stack[-1][1] > found.rank:
                self.stack.pop()
        section = section_for_heading(found)
        siblings = self.stack[-1][2].children if self.stack else self.roots
        depth = len(self.stack) + 1
        if not siblings and found.number:
            self.first_child_numbers.setdefault(depth, []).append(found.number)
        siblings.append(section)
        self.depth_formats.setdefault(depth, []).append(found.fmt)
        self.stack.append((found.family, found.rank, section))
        return section

    @property
    def current(self) -> Section | None:
        return self.stack[-1][2] if self.stack else None

    def numbering(self) -> Numbering:
        levels: list[LevelFormat] = []
        for depth in sorted(self.depth_formats):
            fmt = Counter(self.depth_formats[depth]).most_common(1)[0][0]
            firsts = self.first_child_numbers.get(depth, [])
            continuous = depth > 1 and any(n > 1 for n in firsts[1:])
            levels.append(LevelFormat(fmt=fmt, continuous=continuous))
        # Below the detected levels, continue the default 一、（一）1.（1） ladder with the
        # families not used yet, so a level added in the app gets a sensible ordinal.
        used = {FAMILY_OF_FORMAT.get(level.fmt) for level in levels}
        rest = [LevelFormat(f) for f in DEFAULT_LEVELS if FAMILY_OF_FORMAT[f] not in used]
        return Numbering(levels=levels + rest)


def section_for_heading(found: Heading) -> Section:
    """The section a heading paragraph opens: a run-in heading (words, 。, then text) split at
    its first 。 outside quotes, the text after it the section's own (also used by review for
    a heading the leader typed in, core.review.builder)."""
    text = found.text
    heading, remainder, run_in = text, "", False
    cut = run_in_cut(text) if found.how == HOW_MARKER else None
    if cut is not None:
        (heading, remainder), run_in = cut, True
    section = Section(heading=heading, run_in=run_in, source_marker=found.raw_marker, recognized_by=found.how)
    if remainder:
        add_text(section, remainder)
    return section


def add_text(section: Section, text: str) -> None:
    """Place one paragraph of text in ``section``: body, points, or what follows them."""
    lead, points = split_points(text)
    if not section.points:
        if not points:
            section.body.append(text)
            return
        if lead:
            section.body.append(lead)
            section.points_layout = LAYOUT_JOINED  # "…，一是…二是…": the points run on
        else:
            section.points_layout = LAYOUT_INLINE if len(points) >= 2 else LAYOUT_PARAGRAPHS
        section.points = [Point(p) for p in points]
        return
    if section.points_layout == LAYOUT_PARAGRAPHS and not section.tail:
        if points and not lead:
            section.points.extend(Point(p) for p in points)
            return
        own = parse_point(text)
        if own and own[0] == len(section.points) + 1:
            section.points.append(Point(text[len(own[1]) :]))
            return
        section.points[-1].text += "\n" + text
        return
    if not section.tail:
        # An inline run of points broken by a hard wrap right before "三是" continues here.
        lead, more = split_points(text, first=len(section.points) + 1)
        if more and not lead:
            section.points.extend(Point(p) for p in more)
            return
    section.tail.append(text)


def _year_of(texts: list[str]) -> int | None:
    for text in texts:
        match = _YEAR.search(text)
        if match:
            return int(match.group(0))
    return None


# Of parsing: finding the headings (every paragraph judged), then placing the paragraphs.
_FINDING_SHARE = 0.4
_PARAGRAPHS_PER_UPDATE = 512

_SPEECH_SALUTATIONS = ("同志们", "各位", "尊敬的", "女士们", "亲爱的")


# An opening that leads into the text ("2024年，…现将有关情况报告如下：") ends with a colon too.
_LEADS_IN = ("如下", "现将", "报告", "汇报")


def _addressee_like(text: str) -> bool:
    """A 主送机关 line under the title: "区委：", "市委组织部、市人社局：" (not a speech's 称谓,
    nor an opening sentence that leads into the text)."""
    stripped = text.strip()
    return (
        2 <= len(stripped) <= 60
        and stripped.endswith(("：", ":"))
        and not stripped.startswith(_SPEECH_SALUTATIONS)
        and not any(ch in stripped[:-1] for ch in "。；！？：:")
        and not any(word in stripped for word in _LEADS_IN)
        and not stripped[0].isdigit()
    )


def _attach_table(section: Section, table: Table) -> None:
    """The table follows what the section holds so far: its body, or its points and tail."""
    table.after_body = None if section.points or section.tail else len(section.body)
    section.tables.append(table)


def parse_outline(
    paras: list[str],
    hints: list[HeadingHint | None] | None = None,
    *,
    seams: set[int] | None = None,
    tables: list[tuple[int, Table]] | None = None,
    progress: Progress | None = None,
    part: bool = False,
) -> ParsedOutline:
    """Build a Report (kind left default) from clean, non-empty paragraphs.

    ``hints`` (parallel to ``paras``) carry what a Word reader saw of styles and
    formatting; without them, plain-text layout rules apply as well. ``tables`` stand
    before the paragraph of their index: a table within a section's text becomes one of
    its tables; one before the first heading (or in a report without sections) stays
    tab-separated lines in the opening, as the opening holds paragraphs only.
    ``progress`` hears of the headings found, then of the paragraphs placed.

    ``part``: the paragraphs are one part of a report — an attachment's text under its
    title —, so no cover, title, 主送机关, closing or 落款 is looked for (every paragraph is
    text or a heading), and a table before the first heading stays a table
    (``lead_tables``).
    """
    steps = progress_or_none(progress)
    finding = steps.part(0.0, _FINDING_SHARE)
    tables_before: dict[int, list[Table]] = {}
    for at, table in tables or []:
        tables_before.setdefault(at, []).append(table)
    report = Report()
    lead_tables: list[tuple[int, Table]] = []

    def before_sections(table: Table) -> None:
        if part:
            lead_tables.append((len(report.opening), table))
        else:
            report.opening += table.text_lines()

    start = 0 if part else report_start(paras)
    if not part:  # a meeting's label above the title ("…人大五次会议文件(1)") is no part of it
        start = _after_file_label(paras, start)
    report.cover = notice_paragraphs(paras[:start]) if start else []
    report.title, report.subtitle, i = ("", "", 0) if part else _take_title(paras, start, seams or set())
    if report.title and i < len(paras) - 1 and _addressee_like(paras[i]):
        report.addressee = paras[i].strip().rstrip(":：")
        i += 1

    headings = find_headings(paras, i, len(paras), hints)
    finding.update(1, 1)
    placing = steps.part(_FINDING_SHARE, 1.0)
    first_heading = min(headings, default=len(paras))
    has_sections = first_heading < len(paras)
    # The 落款, 附件说明 and closing, peeled off the end row by row (core/importing/end_fields.py).
    at = TextEnd(paras, len(paras), i, set(headings), has_sections, closing_start=len(paras))
    if not part:
        at = read_text_end(TextEnd(paras, len(paras), i, set(headings), has_sections))
    for name, value in at.values.items():
        setattr(report, name, value)
    end, closing_start = at.end, at.closing_start
    first_heading = min(first_heading, end)

    # Each table is placed once, popped from ``tables_before`` where it stands.
    for table in [t for at in range(i + 1) for t in tables_before.pop(at, [])]:
        before_sections(table)
    for j in range(i, first_heading):
        for table in tables_before.pop(j, []):
            before_sections(table)
        report.opening.append(paras[j])
    builder = _TreeBuilder()
    for j in range(first_heading, end):
        if j % _PARAGRAPHS_PER_UPDATE == 0:
            placing.update(j - first_heading, end - first_heading)
        text = paras[j]
        for table in tables_before.pop(j, []):
            if builder.current is not None:
                _attach_table(builder.current, table)
            else:
                before_sections(table)
        if j >= closing_start and builder.current is not None:
            report.closing.append(text)
            continue
        found = headings.get(j)
        if found is not None:
            builder.add_heading(found)
        elif builder.current is not None:
            add_text(builder.current, text)
        else:
            report.opening.append(text)
    for table in [t for at in sorted(tables_before) for t in tables_before[at]]:
        if builder.current is not None:
            _attach_table(builder.current, table)
        else:
            before_sections(table)
    report.sections = builder.roots
    if builder.depth_formats:
        report.numbering = builder.numbering()
    report.year = _year_of([report.title, *report.opening[:1]])
    if report.signature:
        report.unit = report.signature.split("\n")[0]
    elif report.title and (match := _YEAR.search(report.title)) and match.start() > 0:
        report.unit = report.title[: match.start()].strip()
    return ParsedOutline(report=report, cover_detected=start > 0, lead_tables=lead_tables)



def parse_part(name: str, paras: list[str], hints: list[HeadingHint | None] | None = None,
               tables: list[tuple[int, Table]] | None = None) -> Section:
    """An attachment's text — the paragraphs under its title — as a part of the report
    (Section.attachment, GB/T 9704 8): what stands before its first heading is the part's
    own text, with its tables where they stood; its headings are the part's sub-parts at
    their own levels (numbered afresh inside the attachment). The one reading of an
    attachment, for a file taken in (core.importing.attachments) and for the 附件 pages of a
    document imported (core.importing.importer), so export → import gives the part back."""
    parsed = parse_outline(paras, hints, tables=tables, part=True)
    sections = parsed.report.sections
    part = Section(heading=name, attachment=True, body=parsed.report.opening, children=sections,
                   numbering=parsed.report.numbering if sections else None)
    for before, table in parsed.lead_tables:
        table.after_body = before
        part.tables.append(table)
    return part
