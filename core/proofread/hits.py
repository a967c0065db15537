"""The record every proofreading rule returns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """A slip at ``start``–``end`` of one paragraph's text.

    ``fix`` is what the span should read (None when the rule cannot say for sure, "" to delete);
    ``message`` says what is wrong, ``suggestion`` what to do, ``source`` on what authority
    (a dictionary, a standard, a regulation) — all in plain Chinese for the clerk.
    """

    start: int
    end: int
    fix: str | None
    message: str
    suggestion: str
    source: str = ""


# A run of Han characters this long without a mark is no prose (a pasted table, a hostile
# file): the word-level rules skip it, so a million-character paragraph costs linear time.
MAX_RUN = 400
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Symbols a template or a published copy puts for a name or figure withheld (☆县, XX镇, **村, XX年).
MASK_CHARACTERS = frozenset("☆★*＊×XxＸｘ△▲□■")
# The standard the punctuation rules cite.
PUNCTUATION_STANDARD = "GB/T 15834—2011《标点符号用法》"
# A title in 书名号 (《……》), never across a line: what rules leave as its issuer wrote it.
TITLE_SPAN = re.compile(r"《[^《》\n]*》")
# The rest of a firm's name from a place in it: at most eight characters of what it does, then 公司 or
# 集团 (杰能动力科技有限公司, 一汇贸易有限公司): what stands there is a name, not a slip.
FIRM_NAME_REST = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|有限公司|股份公司|公司|集团)")
# A clause between the marks that end one (，。；：！？): what the punctuation rules read at a time.
CLAUSE_BETWEEN_MARKS = re.compile(r"[^，。；：！？\n]+")


def common_ending(one: str, other: str) -> int:
    """How many characters ``one`` and ``other`` end with alike (交通事故纠纷, 诉前调解纠纷: 2)."""
    size = 0
    while size < min(len(one), len(other)) and one[-1 - size] == other[-1 - size]:
        size += 1
    return size


# How far back in its clause 在 may open the phrase a localizer closes (在全面履职上, 在做精做特中).
ZAI_REACH = 12


def zai_opens_before(text: str, at: int, right_before: bool = True) -> bool:
    """Does 在 stand in the clause before ``at`` (within ZAI_REACH characters), so that a
    localizer there may close its phrase? ``right_before``: also when 在 is the last character."""
    clause = re.split(r"[，。；：！？、]", text[max(0, at - ZAI_REACH) : at])[-1]
    return "在" in (clause if right_before else clause[:-1])


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the first of hits that overlap (callers list the better ones first), in text order."""
    starts: list[int] = []  # the kept spans, sorted and disjoint
    ends: list[int] = []
    kept: list[Hit] = []
    for hit in hits:
        at = bisect.bisect_right(starts, hit.start)
        if (at > 0 and ends[at - 1] > hit.start) or (at < len(starts) and starts[at] < hit.end):
            continue
        starts.insert(at, hit.start)
        ends.insert(at, hit.end)
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def quote_depth(text: str, opening: str = "“《「", closing: str = "”》」") -> list[int]:
    """Nesting of “…”, 《…》 and 「…」 (or of the marks given) before each position (one more than
    the text's length)."""
    depth, levels = 0, []
    for ch in text:
        levels.append(depth)
        if ch in opening:
            depth += 1
        elif ch in closing and depth > 0:
            depth -= 1
    levels.append(depth)
    return levels
