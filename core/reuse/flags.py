"""Review flags for text carried over from last year's report.

A clerk who starts from last year's report must find every placeholder, every figure,
every date and every time-bound meeting name that may now be wrong. :func:`flags_for`
finds them in the current text, so the GUI can re-run it after each edit; each flag has
an id that stays the same across sessions as long as the flagged text is unchanged, and
ids listed in ``Report.verified_flags`` come back marked 已核实.

A *figure* flag means a figure copied from last year: a number + measure word is flagged
only when the same figure also appears in last year's text kept beside the draft (the
section's ``reference``, or the report's ``reference_opening``/``reference_closing`` for
report-level text). Figures the clerk types fresh this year are not flagged. Meeting names
(党的二十大, 十九届六中全会) follow the same rule: this year's own "学习贯彻党的二十大精神" is
right and repeats a dozen times in a report, while the same name copied from last year may now
name an older meeting. Placeholders, stale years and past dates are flagged wherever they are.
Table cells are read like body text (a carried 完成情况统计表 holds last year's figures), and a
paragraph taken from the 资料库 counts as last year's text (``Section.library_texts``).

The detectors here are small regular expressions over plain text (no jieba): they run
on every keystroke-pause in the editor and must stay fast and predictable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.draft.edits import set_flag_verified  # noqa: F401  # re-exported: its home is the edits
from core.draft.model import Report, Section
from core.draft.ordinals import cn_digits
from core.text.detectors import (  # re-exported: the detectors' old home
    Hit,
    YearHit,
    date_year,
    find_dates,
    find_figures,
    find_meetings,
    find_placeholders,
    find_years,
)
from core.text.doc_number import parse_doc_number
from core.text.findings import RULE_LABELS, Finding, FindingMaker, finding_id
from core.text.textslots import Slot, iter_slots, report_field_slots, section_paths, section_slots

PLACEHOLDER, FIGURE, STALE_YEAR, ROLLED_YEAR, PAST_DATE, MEETING, DOC_NUMBER = (
    "placeholder",
    "figure",
    "stale_year",
    "rolled_year",
    "past_date",
    "meeting",
    "doc_number",
)
FLAG_KINDS = (PLACEHOLDER, FIGURE, STALE_YEAR, ROLLED_YEAR, PAST_DATE, MEETING, DOC_NUMBER)
FLAG_KIND_LABELS = {
    PLACEHOLDER: "占位符",
    FIGURE: "往年数字",
    STALE_YEAR: "过期年份",
    ROLLED_YEAR: "顺延年份",
    PAST_DATE: "往年日期",
    MEETING: "会议届次",
    DOC_NUMBER: "往年发文字号",
}
# How many characters after a rolled year must still read as last year's text for the year to
# count as rolled and unchecked: "2023年是党的二十大召开之年" against last year's "2022年是党的二十大…".
_ROLLED_CONTEXT = 6
RULE_LABELS.update(FLAG_KIND_LABELS)


# ---------------------------------------------------------------- flags


# A flag is a Finding whose rule is one of FLAG_KINDS (its ``kind``).
Flag = Finding


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _rolled_years(text: str, years: list[YearHit], report_year: int | None, prior_text: str) -> set[tuple[int, int]]:
    """Spans of this year's (or next year's) year whose sentence is still last year's, one
    year back: carry-over rolled "2022年是党的二十大召开之年" to 2023, and the sentence now
    says something false until the clerk rewrites it. Once the words after the year change,
    the clerk has written this year's sentence and the flag goes."""
    if report_year is None or not prior_text:
        return set()
    rolled = set()
    for hit in years:
        if hit.year != hit.last_year or hit.year not in (report_year, report_year + 1) or len(hit.text) < 5:
            continue
        after = text[hit.start + 4 : hit.start + 4 + _ROLLED_CONTEXT]
        old = str(hit.year - 1) if hit.text[:4].isdigit() else cn_digits(hit.year - 1)
        if len(after) >= 2 and old + after in prior_text:
            rolled.add((hit.start, hit.end))
    return rolled


# The 待核实 panel finds the whole draft's flags again after each pause in typing, where one
# paragraph changed: each string's hits are kept, so the others cost a look-up (a 200-page
# draft: 65 ms of regular expressions in a worker thread that shares the interpreter lock
# with the GUI thread).
@lru_cache(maxsize=4096)
def _spot_hits(
    text: str, report_year: int | None, prior_terms: frozenset[str] = frozenset(), prior_text: str = ""
) -> tuple[tuple[str, Hit], ...]:
    """(kind, hit) pairs for one string, without overlaps, in text order.

    A placeholder hides everything it touches (fill it in first); otherwise meeting names
    win over dates, dates (with their year) over bare years, and years over figures.
    Figures and meeting names are kept only when their text is one of ``prior_terms``
    (copied from last year's text); a figure that is not kept hides nothing else, a meeting
    name that is not kept still hides the dates and years inside it.
    """
    placeholders = find_placeholders(text)
    kept: list[tuple[str, Hit]] = [(PLACEHOLDER, h) for h in placeholders]

    def add(kind: str, hits: list[Hit]) -> None:
        for hit in hits:
            if not any(_overlaps(hit, other) for _, other in kept):
                kept.append((kind, hit))

    add(MEETING, find_meetings(text))  # always claimed, so its numbers are never dates or figures
    dates = find_dates(text)
    if report_year is not None:
        dates = [d for d in dates if (date_year(d) or 0) < report_year]
    add(PAST_DATE, dates)
    # Every year is added to the kept list so that figures never claim part of a year;
    # only stale ones become flags.
    years = find_years(text)
    add(STALE_YEAR, list(years))
    if prior_terms:
        add(FIGURE, [h for h in find_figures(text) if h.text in prior_terms])
    stale = {(y.start, y.end) for y in years if report_year is not None and y.last_year < report_year}
    rolled = _rolled_years(text, years, report_year, prior_text)
    result = [
        (ROLLED_YEAR if (h.start, h.end) in rolled else k, h)
        for k, h in kept
        if (k != STALE_YEAR or (h.start, h.end) in stale or (h.start, h.end) in rolled)
        and (k != MEETING or h.text in prior_terms)
    ]
    return tuple(sorted(result, key=lambda kh: kh[1].start))


def _doc_number_hits(text: str, report_year: int | None, carried: bool) -> list[tuple[str, Hit]]:
    """发文字号 in a draft started from last year's report: its year (when before the report
    year) and its number (every document gets a new one) are to be checked (待核实)."""
    parsed = parse_doc_number(text)
    if parsed is None:
        return [(PLACEHOLDER, h) for h in find_placeholders(text)]
    hits = []
    if report_year is not None and parsed.year < report_year:
        span = parsed.year_span
        hits.append((DOC_NUMBER, Hit(span.start, span.end, text[span.start : span.end])))
    if carried:
        span = parsed.number_span
        hits.append((DOC_NUMBER, Hit(span.start, span.end, text[span.start : span.end])))
    return hits


def carried_terms_in(text: str) -> frozenset[str]:
    """The figures (48次, 27项 …) and meeting names (党的二十大 …) of last year's text, to tell
    what was copied from it from what the clerk wrote this year."""
    if not text:
        return frozenset()
    return frozenset(h.text for h in (*find_figures(text), *find_meetings(text)))


def section_prior_text(section: Section) -> str:
    """Last years' text the section's own came from: its reference, its points' references
    and the paragraphs taken into it from the 资料库 (last years' reports too)."""
    parts = [section.reference, *(p.reference for p in section.points), *section.library_texts]
    return "\n".join(part for part in parts if part)


def report_prior_text(report: Report) -> str:
    """Last year's report-level text: its opening and closing."""
    return "\n".join(part for part in (report.reference_opening, report.reference_closing) if part)


def _message(kind: str, text: str, report_year: int | None) -> tuple[str, str]:
    if kind == PLACEHOLDER:
        return f"“{text}”是占位符，尚未填写。", "填写实际的名称、数字或日期，或删去。"
    if kind == FIGURE:
        return f"“{text}”是往年报告中的数字，可能已经过时。", "核实并改为本年度的实际数字。"
    if kind == STALE_YEAR:
        return (
            f"“{text}”早于报告年度（{report_year}年），可能是照抄往年的表述。",
            f"核实是否应改为{report_year}年，或改写为“上一年度”等表述。",
        )
    if kind == ROLLED_YEAR:
        return (
            f"“{text}”是从上年报告顺延来的年份，这句话的其余部分仍是上年的原文。",
            "核实这句话说的是不是今年的情况；如说的是往年的事（如某年召开的会议），改回原来的年份或改写。",
        )
    if kind == PAST_DATE:
        return (
            f"“{text}”是往年报告中的时间，可能已不适用。",
            "核实日期；如是往年的事，请改为本年度的情况或删去。",
        )
    if kind == DOC_NUMBER:
        return (
            f"发文字号中的“{text}”沿用自往年报告，本次发文需重新编号。",
            "按本年度的发文登记填写年份和序号。",
        )
    return f"“{text}”是会随时间变化的会议或届次名称。", "核实是否应改为最近一次会议的名称，或改写相应表述。"


def flag_id(owner: str, kind: str, text: str, occurrence: int) -> str:
    """Stable id: section id (or report field) + kind + flagged text + occurrence index."""
    return finding_id(owner, kind, text, occurrence)


@dataclass(frozen=True)
class PriorText:
    """Last year's text beside an owner (section or report-level fields), and the figures
    and meeting names in it (:func:`carried_terms_in`), worked out once per owner."""

    text: str = ""
    terms: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str) -> PriorText:
        return cls(text, carried_terms_in(text))


def flags_in_slots(
    slots: list[Slot],
    report_year: int | None,
    verified: set[str],
    prior: dict[str, PriorText] | None = None,
    paths: dict[str, str] | None = None,
    carried: bool = False,
) -> list[Flag]:
    """Flags of ``slots``; ``prior`` maps a slot's owner (section id or report field) to
    last year's text beside it; ``paths`` gives each section's path in words
    (:func:`section_paths`); ``carried``: the draft started from a prior report (its
    发文字号's number is last year's)."""
    maker = FindingMaker(paths)
    prior = prior or {}
    flags: list[Flag] = []
    for slot in slots:
        if slot.field == "doc_number" and not slot.section_id:
            hits = _doc_number_hits(slot.text, report_year, carried)
        else:
            beside = prior.get(slot.owner, _NO_PRIOR_TEXT)
            whole_field = not slot.section_id and slot.field in ("title", "subtitle")  # rolled on purpose
            hits = list(_spot_hits(slot.text, report_year, beside.terms, "" if whole_field else beside.text))
        for kind, hit in hits:
            message, suggestion = _message(kind, hit.text, report_year)
            flags.append(maker.make(kind, slot, hit.start, hit.end, message, suggestion, verified))
    return flags


_NO_PRIOR_TEXT = PriorText()


def _prior_texts(report: Report, slots: list[Slot]) -> dict[str, PriorText]:
    """Owner → last year's text beside it, for the owners of ``slots``."""
    found: dict[str, PriorText] = {}
    report_level: PriorText | None = None
    owners = {slot.section_id for slot in slots if slot.section_id}
    # One section (the clerk typing in it): found directly; more: every section by id at once.
    find = report.find if len(owners) <= 1 else {s.id: s for _, s in report.walk()}.get
    for slot in slots:
        if slot.owner in found:
            continue
        if slot.section_id:
            section = find(slot.section_id)
            found[slot.owner] = PriorText.of(section_prior_text(section)) if section else _NO_PRIOR_TEXT
        else:
            if report_level is None:
                report_level = PriorText.of(report_prior_text(report))
            found[slot.owner] = report_level
    return found


def _flags(report: Report, slots: list[Slot], include_verified: bool) -> list[Flag]:
    paths = section_paths(report) if any(slot.section_id for slot in slots) else {}
    flags = flags_in_slots(
        slots, report.year, set(report.verified_flags), _prior_texts(report, slots), paths, bool(report.prior_source)
    )
    return flags if include_verified else [f for f in flags if not f.verified]


def flags_for(report: Report, include_verified: bool = True) -> list[Flag]:
    """All review flags for the report's current text, in reading order.

    Flags whose id is in ``report.verified_flags`` have ``verified=True``; with
    ``include_verified=False`` they are left out. Stale years are judged against
    ``report.year`` (none are flagged while the year is unknown).
    """
    return _flags(report, list(iter_slots(report, cells=True)), include_verified)


def flags_for_section(report: Report, section_id: str, include_verified: bool = True) -> list[Flag]:
    """Flags of one section's own text (fast enough to re-run as the clerk types).

    Ids equal those of :func:`flags_for`: occurrences are counted per section.
    """
    section = report.find(section_id)
    if section is None:
        return []
    return _flags(report, list(section_slots(section, cells=True)), include_verified)


def flags_for_report_fields(report: Report, include_verified: bool = True) -> list[Flag]:
    """Flags of the report-level text only (title, opening, closing …), ids as in :func:`flags_for`."""
    return _flags(report, list(report_field_slots(report)), include_verified)


def prune_verified_flags(report: Report) -> int:
    """Forget 已核实 marks whose flag no longer exists (its text was edited away)."""
    current = {f.id for f in flags_for(report)}
    before = len(report.verified_flags)
    report.verified_flags = [fid for fid in report.verified_flags if fid in current]
    return before - len(report.verified_flags)
