"""Find and replace across the whole draft: headings, body, points and report-level fields.

Matches are addressed like flags (core.text.textslots): section, field, index and offsets
into that string, so the window can select each one in its field. Replacing works on the
Report through the same addresses; the GUI wraps it in one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.draft.edits import Place
from core.draft.model import Report
from core.text.textslots import Address, apply_slot_texts, iter_slots, slot_text

MAX_QUERY_LENGTH = 200  # a search box, not a document: longer input is refused up front


@dataclass(frozen=True)
class Match:
    section_id: str
    field: str
    index: int
    start: int
    end: int
    text: str

    @property
    def address(self) -> Place:
        """Where it is in the draft (core.draft.edits)."""
        return Place(self.section_id, self.field, self.index, self.start, self.end)


def _positions(text: str, query: str, whole_word: bool) -> list[int]:
    found: list[int] = []
    at = text.find(query)
    bounds: set[int] | None = None
    while at != -1:
        if whole_word:
            if bounds is None:
                from core.text.language import word_boundaries

                bounds = word_boundaries(text)
            if at in bounds and at + len(query) in bounds:
                found.append(at)
        else:
            found.append(at)
        at = text.find(query, at + len(query))
    return found


def find_all(report: Report, query: str, whole_word: bool = False) -> list[Match]:
    """Every occurrence of ``query`` in reading order; none for an empty or over-long query.

    ``whole_word``: only where the query is one or more whole words as jieba cuts the text
    ("人才" in 人才工作, not in 人才库… where jieba reads 人才库 as one word).
    """
    if not query or len(query) > MAX_QUERY_LENGTH:
        return []
    matches: list[Match] = []
    for slot in iter_slots(report, cells=True):  # a table's words too (全部替换 leaves none behind)
        for at in _positions(slot.text, query, whole_word):
            matches.append(Match(slot.section_id, slot.field, slot.index, at, at + len(query), query))
    return matches


def still_there(report: Report, match: Match) -> bool:
    text = slot_text(report, match.section_id, match.field, match.index)
    return text is not None and text[match.start : match.end] == match.text


def replaced_text(report: Report, match: Match, replacement: str) -> str | None:
    """The text of the match's string with this one match replaced; None when its text has
    changed since it was found."""
    if not still_there(report, match):
        return None
    text = slot_text(report, match.section_id, match.field, match.index) or ""
    return text[: match.start] + replacement + text[match.end :]


def next_after_replacing(before: list[Match], replaced: int, after: list[Match], replacement: str) -> int:
    """Which of the matches found again (``after``) comes next once ``before[replaced]`` has
    been replaced: the first one past the text just put in — never one inside it, which a
    replacement holding the search text ("区" → "区委") would otherwise be, again and again —
    going round to the first when none follows. -1 when nothing is left to find."""
    if not after:
        return -1
    done = before[replaced]
    address = (done.section_id, done.field, done.index)
    end = done.start + len(replacement)
    same = [i for i, m in enumerate(after) if (m.section_id, m.field, m.index) == address]
    if same:
        # Matches come in reading order, those of one string together.
        later = [i for i in same if after[i].start >= end]
        following = later[0] if later else same[-1] + 1
        return following % len(after)
    for old in before[replaced + 1 :]:  # the string has none left: the next string's first one
        if (old.section_id, old.field, old.index) != address:
            at = next((i for i, m in enumerate(after) if m == old), None)
            if at is not None:
                return at
    return 0


def replace_one(report: Report, match: Match, replacement: str) -> bool:
    """Replace one match in place; False when its text has changed since it was found."""
    text = replaced_text(report, match, replacement)
    if text is None:
        return False
    apply_slot_texts(report, {(match.section_id, match.field, match.index): text})
    return True


def replacements(report: Report, query: str, replacement: str, whole_word: bool = False) -> tuple[dict[Address, str], int]:
    """The new text of every string that holds the query, and how many occurrences are
    replaced. Each string is rewritten from the end, so earlier offsets stay valid; what the
    strings then become in the draft (a paragraph left blank is removed) is
    :func:`core.text.textslots.apply_slot_texts`'s."""
    by_slot: dict[Address, list[Match]] = {}
    for match in find_all(report, query, whole_word):
        by_slot.setdefault((match.section_id, match.field, match.index), []).append(match)
    texts: dict[Address, str] = {}
    for address, matches in by_slot.items():
        text = slot_text(report, *address) or ""
        for match in reversed(matches):
            text = text[: match.start] + replacement + text[match.end :]
        texts[address] = text
    return texts, sum(len(m) for m in by_slot.values())


def replace_all(report: Report, query: str, replacement: str, whole_word: bool = False) -> int:
    """Replace every occurrence in place; returns how many."""
    texts, count = replacements(report, query, replacement, whole_word)
    apply_slot_texts(report, texts)
    return count


__all__ = [
    "MAX_QUERY_LENGTH", "Match", "find_all", "next_after_replacing", "replace_all", "replace_one", "replaced_text",
    "replacements", "still_there",
]
