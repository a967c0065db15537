"""A name official text writes in quotation marks, written without them (十三五规划 → “十三五”规划,
放管服改革 → “放管服”改革, 五清一改重点内容 → “五清一改”重点内容).

The counts (:mod:`core.proofread.phrase_counts`) keep, for each short name official text quotes
(two to eight Han characters between “ and ”), how often it is written quoted and how often bare,
by the character that follows it: “十五”计划 is a name, 二十五计 no concern of ours; “三农”工作 is
quoted, 第三农场 is not the name. A name written bare before a character it is quoted before at
least QUOTED_AT_LEAST times, and quoted there RATIO of the times or more, is flagged; before a
character it is seldom quoted before, only a name official text quotes NAME_RATIO of all the
times it writes it (五清一改, quoted each of its 14 times). Names with a numeral: the
abbreviations a clerk leaves bare (三农, 五经普); official text also quotes coinages of plain words
for emphasis (“履职清单”, “回头看”), which a report may well leave bare, so a name of plain words
only where official text quotes it PLAIN_NAME_RATIO of at least PLAIN_NAME_QUOTED_AT_LEAST times
(新时代枫桥经验 → “枫桥经验”).

:mod:`core.proofread.formulations` flags the quoted names of formulations.toml, with the notes
written for them; the check of whether an occurrence is a name left bare at all is here, for both.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache

from core.proofread import data
from core.proofread.hits import Hit, quote_depth
from core.proofread.phrase_counts import PhraseCounts, phrase_counts

SOURCE = "各级政府工作报告和新闻联播的写法"
# A quoted name: what the counts keep of official text's quotations.
SHORTEST_NAME, LONGEST_NAME = 2, 8
QUOTED_NAME = re.compile(f"“([\u4e00-\u9fff]{{{SHORTEST_NAME},{LONGEST_NAME}}})”")
# What stands for a follower that is no Han character (a mark, a space, the end).
NO_HAN_FOLLOWER = "。"
QUOTED_AT_LEAST = 5
# ... or this often, where official text writes the name bare more often than quoted in all.
MOSTLY_BARE_QUOTED_AT_LEAST = 20
RATIO = 0.9
NAME_QUOTED_AT_LEAST = 10
NAME_RATIO = 0.95
# A name of plain words only where official text quotes it 97 % of at least 30 times (14 names:
# “枫桥经验” 980 of 1,010, “强富美高”, “乙类乙管”, “港人治港”), not coinages quoted for emphasis.
PLAIN_NAME_QUOTED_AT_LEAST = 30
PLAIN_NAME_RATIO = 0.97
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_NUMERALS = "〇零一二三四五六七八九十百千万两"
_NUMERALS_OF_PARTS = "一二三四五六七八九十两双百千万"
_NUMBERED_NAME = re.compile(f"[{_NUMERALS_OF_PARTS}]")
# A month and a day in numerals, digit by digit, names a day (六一儿童节, 五四运动, 七一讲话, 九一八):
# GB/T 15835—2011 writes them bare, though official text often quotes them.
_DIGITS = "〇一二三四五六七八九"


def names_a_day(name: str) -> bool:
    """Is ``name`` a month and a day written digit by digit (六一 6月1日, 九一八 9月18日, 一二九 12月9日)?
    Not 三六八九 or 二三一, which read as no date."""
    if not 2 <= len(name) <= 4 or any(c not in _DIGITS for c in name):
        return False
    digits = "".join(str(_DIGITS.index(c)) for c in name)
    for split in range(1, len(digits)):
        month, day = digits[:split], digits[split:]
        if len(month) <= 2 and len(day) <= 2 and not month.startswith("0") and not day.startswith("0"):
            try:
                datetime.date(2000, int(month), int(day))  # a leap year: 二二九 is 2月29日
            except ValueError:
                continue
            return True
    return False


def follower(text: str, at: int) -> str:
    """The character after a name at ``at``, as the counts key it: a Han character, or 。 for any other."""
    return text[at] if at < len(text) and _HAN.match(text[at]) else NO_HAN_FOLLOWER


def quoted_key(name: str, after: str) -> str:
    """The key of ``name`` written quoted before ``after``: “三农”工."""
    return f"“{name}”{after}"


def bare_key(name: str, after: str = "") -> str:
    """The key of ``name`` written bare before ``after`` (三农 工), or before anything (三农 ): no
    Han run holds a space."""
    return f"{name} {after}"


def name_key(name: str) -> str:
    """The key of how often ``name`` is written quoted before anything (“三农): one look-up finds
    the names the counts keep that begin at a place."""
    return f"“{name}"


def quoted_and_written(counts: PhraseCounts, name: str, after: str) -> tuple[int, int] | None:
    """How often official text writes ``name`` quoted, and in all, where it writes it quoted so
    nearly always that a bare one is a slip: before ``after``, or before anything. None otherwise."""
    quoted = counts.count(quoted_key(name, after))
    if quoted >= QUOTED_AT_LEAST:
        written = quoted + counts.count(bare_key(name, after))
        if quoted < MOSTLY_BARE_QUOTED_AT_LEAST:
            everywhere = counts.count(name_key(name))
            if everywhere < (everywhere + counts.count(bare_key(name))) / 2:
                return None  # 四化 before 提 quoted 5 times of 5, but bare 415 times of 744: too few to go on
        return (quoted, written) if quoted >= RATIO * written else None
    quoted = counts.count(name_key(name))
    written = quoted + counts.count(bare_key(name))
    return (quoted, written) if quoted >= NAME_QUOTED_AT_LEAST and quoted >= NAME_RATIO * written else None


def quotation_depth(text: str) -> list[int]:
    """Nesting of quotation marks (“…”, 「…」) before each position. Not of 书名号: a name in a
    title is quoted there too (《“十四五”国家应急体系规划》)."""
    return quote_depth(text, "“「", "”」")


def read_as_name(text: str, start: int, end: int) -> bool:
    """Is the run at ``start``:``end`` read as a name at all — not the numerals of a longer number
    (十五 of 二十五期间, 三五 of 三五成群), not an ordinal (第二十条, 第三农场)? The counts are made
    of the bare runs this lets through, as the rule reads them."""
    if start > 0 and text[start - 1] == "第":
        return False
    return not (
        (start > 0 and text[start] in _NUMERALS and text[start - 1] in _NUMERALS)
        or (end < len(text) and text[end - 1] in _NUMERALS and text[end] in _NUMERALS)
    )


def left_unquoted(text: str, start: int, end: int, levels: list[int], names: frozenset[str] = frozenset()) -> bool:
    """Is the name at ``start``:``end`` written bare as a name — not inside a quotation (``levels``:
    :func:`quotation_depth`), not quoted on one side only, not a note's headword, not one part of a
    coined name of parts (but for two ``names`` side by side, 六稳六保: each is quoted)?"""
    if levels[start] > 0:
        return False
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if (before and before in "“‘\"'") or (after and after in "”’\"'"):
        return False  # quoted, if lopsidedly (the unpaired check reports that)
    if after in "：:" and (not before or not _HAN.match(before)):
        return False  # [24]四个不摘：是指……: the term a note defines heads it, as a title would
    if (before and before in "[［【〔]］】〕") or text.startswith(("，即", "：即", "即"), end):
        return False  # [双随机、一公开]即……, ［9］三医联动……：, 六保，即……: a note's headword, defined
    return not _among_numbered_parts(text, start, end, names)


def _among_numbered_parts(text: str, start: int, end: int, names: frozenset[str] = frozenset()) -> bool:
    """Does a short name in numerals (三保) stand beside another part of the same numeral (三优|三保),
    so that the two are one coined name? (Two names of their own stand side by side with their own
    numbers: 四风八规, each quoted.)"""
    size = end - start
    if size != 2 or text[start] not in _NUMERALS_OF_PARTS:
        return False
    before, after = text[max(0, start - size) : start], text[end : end + size]
    name = text[start:end]
    return any(
        len(part) == size and part[0] == text[start] and _HAN.match(part[1]) and not (name in names and part in names)
        for part in (before, after)
    )


@cache  # keyed by the lists, which the office's own files may change (data.forget)
def _listed_names(*lists: frozenset[str]) -> frozenset[str]:
    """The names formulations.toml (and the office's) lists: their own rules, with the contexts
    written for them (“三个代表” but 三个代表县), say when they want quotation marks."""
    return frozenset(name.strip("“”") for names in lists for name in names)


def _plain_name_quoted(counts: PhraseCounts, name: str) -> tuple[int, int] | None:
    """How often official text writes ``name``, a name of plain words, quoted and in all, where it
    quotes it so nearly always and so often that it is a coinage's name (“枫桥经验”, “强富美高”), not
    words quoted for emphasis (“回头看”); None otherwise."""
    quoted = counts.count(name_key(name))
    written = quoted + counts.count(bare_key(name))
    return (quoted, written) if quoted >= PLAIN_NAME_QUOTED_AT_LEAST and quoted >= PLAIN_NAME_RATIO * written else None


@cache
def _first_characters() -> frozenset[str]:
    """The characters the names the rule may flag begin with: a place that begins with another is
    passed over without a look-up."""
    counts = phrase_counts()
    if counts is None:
        return frozenset()
    names = (key[1:] for key in counts.records.keys("“") if "”" not in key)  # type: ignore[attr-defined]
    return frozenset(name[0] for name in names if _NUMBERED_NAME.search(name) or _plain_name_quoted(counts, name))


def unquoted_official_names(text: str) -> Iterator[Hit]:
    counts = phrase_counts()
    if counts is None:
        return
    first_characters = _first_characters()
    listed = _listed_names(data.formulation_forms(), data.numbered_names(), data.one_number_names())
    levels: list[int] | None = None
    for match in _HAN_RUN.finditer(text):
        run_start, run = match.start(), match.group()
        at = 0
        while at < len(run) - 1:
            if run[at] not in first_characters:
                at += 1
                continue
            found = None
            for key in counts.records.prefixes(name_key(run[at : at + LONGEST_NAME])):  # type: ignore[attr-defined]
                name = key[1:]
                if name in listed or names_a_day(name):
                    continue
                if _NUMBERED_NAME.search(name):
                    tally = quoted_and_written(counts, name, follower(text, run_start + at + len(name)))
                else:
                    tally = _plain_name_quoted(counts, name)
                if tally is not None:
                    found = (name, tally)  # the longest such name (prefixes come shortest first)
            if found is None:
                at += 1
                continue
            name, (quoted, written) = found
            start, end = run_start + at, run_start + at + len(name)
            levels = levels or quotation_depth(text)
            if left_unquoted(text, start, end, levels) and read_as_name(text, start, end):
                yield Hit(
                    start,
                    end,
                    f"“{name}”",
                    f"“{name}”是专门的提法，应加引号（政府工作报告和新闻联播写它{written}次，{quoted}次加引号）。",
                    f"改为“{name}”（加引号）。",
                    SOURCE,
                )
            at += len(name)
