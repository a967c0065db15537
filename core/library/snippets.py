"""Where the query matched in a paragraph, and a short excerpt around it."""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]
SNIPPET_WIDTH = 80  # characters: about one line of the library panel / a terminal
ELLIPSIS = "…"


# Full-width letters and digits (ＡＢＣ１２３) to half-width, and upper to lower case: one
# character for one, so offsets in the folded text are offsets in the original. Words of
# a query are NFKC-normalised (:func:`core.text.language.normalise`), which does the same to
# these characters; punctuation never occurs in query words, so it is left alone.
_WIDE_ALNUM = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
_FOLD_TABLE = {code: chr(code - 0xFEE0).lower() for code in _WIDE_ALNUM}
_NEEDS_FOLD = re.compile("[A-Z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def fold(text: str) -> str:
    """Case- and width-insensitive form of ``text`` of the same length: "ＡＢ党建" → "ab党建"."""
    if _NEEDS_FOLD.search(text) is None:
        return text  # the common case: Chinese text with half-width digits
    return text.translate(_FOLD_TABLE).lower()


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_spans(text: str, terms: Sequence[str], folded: str | None = None) -> list[Span]:
    """Every occurrence of any term (case- and width-insensitive), merged, in order.

    ``folded`` is ``fold(text)`` when the caller already has it.
    """
    haystack = fold(text) if folded is None else folded
    spans: list[Span] = []
    for term in terms:
        needle = fold(term)
        if not needle:
            continue
        start = haystack.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
    return merge_spans(spans)


def highlight_spans(text: str, parts: Sequence[tuple[str, Sequence[str]]]) -> list[Span]:
    """Spans of each (part as typed, its words): a part not found as typed shows its words.

    Single-character words are not highlighted on their own: they would light up the
    whole paragraph.
    """
    folded = fold(text)
    spans: list[Span] = []
    for part, part_words in parts:
        found = find_spans(text, [part], folded)
        if not found:
            found = find_spans(text, [w for w in part_words if len(w) > 1], folded)
        spans.extend(found)
    return merge_spans(spans)


def make_snippet(text: str, spans: Sequence[Span], width: int = SNIPPET_WIDTH) -> tuple[str, list[Span]]:
    """An excerpt of at most ``width`` characters (plus "…" marks) showing the first match.

    Returns the excerpt and the spans shifted into it (cut at the excerpt's edges).
    """
    if len(text) <= width:
        return text, list(spans)
    anchor = spans[0][0] if spans else 0
    # Some context before the match, and start at a sentence boundary when one is close.
    start = max(0, anchor - width // 4)
    boundary = max(text.rfind(mark, start, anchor) for mark in "。；！？")
    if boundary >= 0 and anchor - boundary <= width // 2:
        start = boundary + 1
    start = max(0, min(start, len(text) - width))
    end = start + width
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shifted = [
        (max(a, start) - start + len(prefix), min(b, end) - start + len(prefix))
        for a, b in spans
        if b > start and a < end
    ]
    return prefix + text[start:end] + suffix, shifted


def mark_spans(text: str, spans: Sequence[Span], left: str = "【", right: str = "】") -> str:
    """ "…加强人才队伍…" with spans [(3, 5)] → "…加强【人才】队伍…"."""
    out: list[str] = []
    position = 0
    for start, end in spans:
        out.append(text[position:start])
        out.append(left + text[start:end] + right)
        position = end
    out.append(text[position:])
    return "".join(out)
