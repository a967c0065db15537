"""Suggestions for the section being written, drawn from the library of past reports.

- :func:`section_keywords`: the words that characterise a section, by TF-IDF where the
  IDF comes from the library's paragraphs (words every report uses, such as 加强 or 建设,
  weigh little; 河长制 or 软弱涣散 weigh much);
- :func:`similar_paragraphs`: past paragraphs written under a heading like this one.

Both need the jieba dictionary (:func:`core.text.language.ensure_loaded`); call them from a
worker thread in the app.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from core.draft.model import Report, Section
from core.library import Library, SearchHit
from core.text import language
from core.text.plaintext import section_text_paragraphs


@dataclass(frozen=True)
class Keyword:
    word: str
    weight: float


@dataclass(frozen=True)
class Suggestions:
    keywords: list[Keyword]
    paragraphs: list[SearchHit]


def section_text(section: Section) -> str:
    """Heading, text and sub-sections of ``section``, one paragraph per line."""
    lines = [section.heading, section.own_text()]
    lines.extend(section_text(child) for child in section.children)
    return "\n".join(line for line in lines if line.strip())


def library_idf(library: Library | None, words: list[str]) -> Callable[[str], float]:
    """IDF over the library's paragraphs (smoothed); jieba's general IDF for an empty library."""
    total = library.paragraph_count() if library is not None else 0
    if library is None or total == 0:
        return language.general_idf
    frequencies = library.document_frequencies(words)

    def idf(word: str) -> float:
        return math.log((total + 1) / (frequencies.get(word, 0) + 1)) + 1.0

    return idf


def section_keywords(section: Section | str, library: Library | None = None, k: int = 8) -> list[Keyword]:
    """The ``k`` most characteristic words of a section (or any text), best first."""
    text = section if isinstance(section, str) else section_text(section)
    candidates = language.keyword_candidates(text)
    idf = library_idf(library, candidates)
    return [Keyword(word, weight) for word, weight in language.keywords(text, k, idf=idf)]


def heading_terms(heading: str) -> list[str]:
    """Search terms for a heading: its content words and the dictionary words inside them."""
    terms = [t for t in language.tokens(heading) if len(t) >= 2 and t not in language.STOP_WORDS]
    return list(dict.fromkeys(terms))


def similar_paragraphs(
    heading: str,
    library: Library,
    *,
    kind: str | None = None,
    exclude_texts: tuple[str, ...] = (),
    exclude_document: int | None = None,
    limit: int = 5,
) -> list[SearchHit]:
    """Past body paragraphs most like what belongs under ``heading``, best first.

    Paragraphs equal to one in ``exclude_texts`` (the section's own text) are left out,
    so a draft started from a stored report does not get its own words suggested back.
    """
    terms = heading_terms(heading)
    if not terms:
        return []
    excluded = {text.strip() for text in exclude_texts if text.strip()}
    hits = library.related_paragraphs(
        terms, kind=kind, exclude_document=exclude_document, limit=limit + len(excluded)
    )
    return [hit for hit in hits if hit.text.strip() not in excluded][:limit]


def suggest_for_section(
    report: Report, section: Section, library: Library, *, keywords: int = 8, paragraphs: int = 5
) -> Suggestions:
    """Keywords of ``section`` and past paragraphs for its heading, for the suggestions panel."""
    # The section's paragraphs as they would be stored (points with 一是…), to exclude.
    own = tuple(section_text_paragraphs(report, section))
    return Suggestions(
        keywords=section_keywords(section, library, keywords),
        paragraphs=similar_paragraphs(section.heading, library, exclude_texts=own, limit=paragraphs)
        if section.heading.strip()
        else [],
    )
