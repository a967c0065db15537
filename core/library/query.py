"""A search box string → an FTS5 expression over jieba tokens, plus what must match literally.

Rules, in the clerk's terms:
- words separated by spaces must all occur in the paragraph;
- text in quotes (“…”, "…", 「…」) must occur exactly as typed;
- a word that jieba cannot cut into words of two or more characters ("抓党建" → 抓 + 党建)
  must also occur as typed: single characters are not reliable index tokens;
- each word of three or more characters must occur as typed, even where the paragraph's
  own segmentation cut it differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import language

_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"|「([^」]*)」|『([^』]*)』")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class QueryPart:
    text: str
    phrase: bool  # typed in quotes


def split_query(query: str) -> list[QueryPart]:
    """Quoted phrases and space-separated words, in the order typed; empty pieces dropped."""
    parts: list[QueryPart] = []
    position = 0
    for match in _QUOTED.finditer(query):
        parts.extend(QueryPart(word, False) for word in query[position : match.start()].split())
        phrase = next(group for group in match.groups() if group is not None).strip()
        if phrase:
            parts.append(QueryPart(phrase, True))
        position = match.end()
    parts.extend(QueryPart(word, False) for word in query[position:].split())
    return parts


def quote_term(term: str) -> str:
    """An FTS5 string literal: the term's characters can never act as query syntax."""
    return '"' + term.replace('"', '""') + '"'


@dataclass(frozen=True)
class PlannedQuery:
    parts: tuple[QueryPart, ...]
    expression: str | None  # FTS5 MATCH expression over the body column; None: scan text
    literal: tuple[str, ...]  # texts that must occur as typed
    highlights: tuple[tuple[str, tuple[str, ...]], ...]  # (part as typed, its words)
    # The same condition as ``expression``, for any index: every word must be there, either
    # as itself or as all of its dictionary pieces (empty when it has none).
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()


def word_pieces(word: str) -> tuple[str, ...]:
    """A long word's dictionary pieces ("队伍建设" → 队伍, 建设), also looked for in the index
    for paragraphs cut as "人才队伍/建设"; () when it has none. The pieces may sit apart, so
    the word itself is then checked in the text."""
    if len(word) > 2 and _CJK.search(word):
        return tuple(language.tiling(word) or ())
    return ()


def _word_term(word: str, pieces: tuple[str, ...]) -> str:
    """The FTS5 term for one query word."""
    term = quote_term(word)
    if pieces:
        return "(" + term + " OR (" + " AND ".join(quote_term(p) for p in pieces) + "))"
    return term


def plan_query(query: str) -> PlannedQuery:
    """Needs jieba (:func:`core.text.language.ensure_loaded`)."""
    parts = split_query(query)
    terms: list[str] = []
    literal: list[str] = []
    highlights: list[tuple[str, tuple[str, ...]]] = []
    words: list[tuple[str, tuple[str, ...]]] = []
    for part in parts:
        part_words = language.words(part.text)
        highlights.append((part.text, tuple(part_words)))
        indexable = [w for w in part_words if not (len(w) == 1 and _CJK.search(w))]
        if part.phrase or len(indexable) < len(part_words):
            literal.append(part.text.strip())
        for word in indexable:
            pieces = word_pieces(word)
            words.append((word, pieces))
            terms.append(_word_term(word, pieces))
            if pieces and not part.phrase:
                literal.append(word)
    expression = "{body} : (" + " AND ".join(terms) + ")" if terms else None
    return PlannedQuery(
        tuple(parts), expression, tuple(t for t in literal if t), tuple(highlights), tuple(words)
    )


def plan_literal(query: str) -> PlannedQuery:
    """A plan that needs no dictionary: every part must occur as typed."""
    parts = split_query(query)
    literal = tuple(t for t in (p.text.strip() for p in parts) if t)
    return PlannedQuery(tuple(parts), None, literal, tuple((p.text, ()) for p in parts))
