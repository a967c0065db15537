"""Running a planned query against the library database and shaping the results.

The FTS5 parts (:func:`candidate_matches`, the ``meta`` tokens) are the SQLite index's; the
rest — checking literal parts, reading paragraph rows and section paths, snippets and
highlights — is plain SQL that both indexes run (core.library.sqlite_index and
core.library.postgres), so a hit looks the same whichever answered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from core.library.query import PlannedQuery, quote_term
from core.library.snippets import Span, fold, highlight_spans, make_snippet, mark_spans
from core.library.units import Chain, chain_path


class Row(Protocol):
    """A result row read by column name or position (sqlite3.Row, core.library.postgres's rows)."""

    def __getitem__(self, key: int | str) -> Any: ...


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the shared SQL needs of a connection: ``execute`` with ``?`` placeholders."""

    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> Any: ...


Matches = Callable[[int], list[tuple[int, float]]]  # count → (paragraph id, score), best first

# A paragraph that contains a multi-word part exactly as typed ("队伍建设") ranks above one
# that only has its words scattered (队伍…建设): BM25 alone does not see word order. The
# bonus is the best BM25 score among the candidates, so exact matches come first.


def meta_kind(kind: str) -> str:
    # Hex keeps any kind id a single unicode61 token ("half_year_summary" would split at "_").
    return "k" + kind.encode("utf-8").hex()


def meta_year(year: int | None) -> str:
    return f"y{year}" if year is not None else "ynone"


def meta_document(document_id: int) -> str:
    return f"d{document_id}"


def meta_role(role: str) -> str:
    return "r" + role


def meta_tokens(kind: str, year: int | None, document_id: int, role: str) -> str:
    """The ``meta`` column of a paragraph: the kind and year filters are terms ANDed into the
    FTS5 query (one term each), so FTS5 skips what does not pass them through its own index."""
    return " ".join((meta_kind(kind), meta_year(year), meta_document(document_id), meta_role(role)))


class NoDocuments(Exception):
    """Internal: the filters exclude every document."""


# The document a paragraph belongs to: each document's paragraphs have consecutive ids
# (written in one transaction), from documents.first_para to documents.last_para.
DOCUMENT_OF_ROW = (
    "(SELECT d.id FROM documents d WHERE d.first_para <= f.rowid ORDER BY d.first_para DESC LIMIT 1)"
)


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    year: int | None = None
    unit: str | None = None  # part of the unit name: "组织部" matches "**区委组织部"

    def sql(self) -> tuple[str, list[object]]:
        """WHERE conditions on ``documents d`` for the text scan."""
        clauses: list[str] = []
        params: list[object] = []
        if self.kind:
            clauses.append("d.kind = ?")
            params.append(self.kind)
        if self.year is not None:
            clauses.append("d.year = ?")
            params.append(self.year)
        if self.unit:
            clauses.append("instr(d.unit, ?) > 0")
            params.append(self.unit)
        return "".join(" AND " + c for c in clauses), params

    def meta(self) -> str:
        """The kind and year as an FTS5 condition on the meta column ("" for neither)."""
        terms: list[str] = []
        if self.kind:
            terms.append(quote_term(meta_kind(self.kind)))
        if self.year is not None:
            terms.append(quote_term(meta_year(self.year)))
        return "{meta} : (" + " AND ".join(terms) + ")" if terms else ""

    def rows(self, conn: sqlite3.Connection) -> tuple[str, list[object]]:
        """The unit filter as SQL on the FTS5 row ``f``: a join to the documents' unit column,
        and the span of paragraph ids that holds its documents (FTS5 skips what lies outside).
        ("", []) without a unit filter; NoDocuments when no document passes."""
        if not self.unit:
            return "", []
        where, params = self.sql()
        low, high = conn.execute(
            f"SELECT min(d.first_para), max(d.last_para) FROM documents d WHERE 1{where}", params
        ).fetchone()
        if low is None:
            raise NoDocuments
        condition = f" AND f.rowid BETWEEN ? AND ? AND {DOCUMENT_OF_ROW} IN (SELECT d.id FROM documents d WHERE 1{where})"
        return condition, [low, high, *params]


@dataclass(frozen=True)
class SearchHit:
    """One paragraph found. Offsets in ``spans`` index ``text``; ``snippet_spans`` index ``snippet``."""

    score: float
    document_id: int
    document: str  # title, or file name when the document has none
    file_name: str
    kind: str
    year: int | None
    unit: str
    paragraph_id: int
    role: str
    section_path: str
    text: str
    spans: tuple[Span, ...]
    snippet: str
    snippet_spans: tuple[Span, ...]

    def marked_snippet(self, left: str = "【", right: str = "】") -> str:
        return mark_spans(self.snippet, self.snippet_spans, left, right)


_COLUMNS = """
    p.id, p.doc_id, p.role, p.section_id, p.text,
    d.file_name, d.title, d.kind, d.year, d.unit
"""
# The tables behind _COLUMNS.
_JOINED = "paragraphs p JOIN documents d ON d.id = p.doc_id"

_SECTION_ROWS = "SELECT id, parent_id, marker, heading FROM sections"
_IDS_PER_QUERY = 500  # well under SQLite's limit on bound values


def _chains(rows: dict[int, tuple[int | None, str, str | None]]) -> dict[int, Chain]:
    """Each section's chain from the top, from rows of (parent id, marker, heading)."""
    chains: dict[int, Chain] = {}

    def chain(section_id: int) -> Chain:
        found = chains.get(section_id)
        if found is None:
            parent, marker, heading = rows[section_id]
            above = chain(parent) if parent is not None and parent in rows else ()
            found = chains[section_id] = (*above, (marker, heading))
        return found

    for section_id in rows:
        chain(section_id)
    return chains


def document_chains(conn: Connection, doc_id: int | None) -> dict[int, Chain]:
    """The chain of every section of a document (of every document when None)."""
    where, params = ("", ()) if doc_id is None else (" WHERE doc_id = ?", (doc_id,))
    rows = conn.execute(_SECTION_ROWS + where, params)
    return _chains({row[0]: (row[1], row[2], row[3]) for row in rows})


def section_paths(conn: Connection, section_ids: list[int]) -> dict[int, str]:
    """The path shown for each of these sections, read with the sections above them."""
    rows: dict[int, tuple[int | None, str, str | None]] = {}
    wanted = list(dict.fromkeys(section_ids))
    while wanted:
        for first in range(0, len(wanted), _IDS_PER_QUERY):
            chunk = wanted[first : first + _IDS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(f"{_SECTION_ROWS} WHERE id IN ({marks})", chunk):
                rows[row[0]] = (row[1], row[2], row[3])
        wanted = list(dict.fromkeys(p for p, _, _ in rows.values() if p is not None and p not in rows))
    chains = _chains(rows)
    return {section_id: chain_path(chains[section_id]) for section_id in section_ids if section_id in chains}


def document_label(title: str, file_name: str) -> str:
    return title.strip() or file_name


def make_hits(conn: Connection, scored: Sequence[tuple[float, Row]], plan: PlannedQuery) -> list[SearchHit]:
    """Hits for (score, paragraph row) pairs, in the order given, each with its section's path."""
    paths = section_paths(conn, [row["section_id"] for _, row in scored])
    return [make_hit(row, score, plan, paths.get(row["section_id"], "")) for score, row in scored]


def make_hit(row: Row, score: float, plan: PlannedQuery, section_path: str) -> SearchHit:
    text = row["text"]
    spans = highlight_spans(text, plan.highlights)
    snippet, snippet_spans = make_snippet(text, spans)
    return SearchHit(
        score=round(score, 4),
        document_id=row["doc_id"],
        document=document_label(row["title"], row["file_name"]),
        file_name=row["file_name"],
        kind=row["kind"],
        year=row["year"],
        unit=row["unit"],
        paragraph_id=row["id"],
        role=row["role"],
        section_path=section_path,
        text=text,
        spans=tuple(spans),
        snippet=snippet,
        snippet_spans=tuple(snippet_spans),
    )


def paragraph_rows(conn: Connection, ids: list[int]) -> dict[int, Row]:
    marks = ",".join("?" * len(ids))
    sql = f"SELECT {_COLUMNS} FROM {_JOINED} WHERE p.id IN ({marks})"
    return {row["id"]: row for row in conn.execute(sql, ids)}


# How many matches are ranked: the newest this many (paragraph ids grow as reports are added).
# BM25 over every match of a word in a quarter of 600,000 paragraphs took 120–160 ms; over
# the newest 1,000 it takes 8–15 ms at any library size. A word with fewer matches is ranked
# over all of them. The IDF still counts every paragraph.
CANDIDATES = 1000


def candidate_matches(
    conn: sqlite3.Connection,
    expression: str,
    weights: tuple[float, float],
    filters: Filters,
    count: int | None = None,
) -> list[tuple[int, float]]:
    """(paragraph id, BM25 score) of the ``count`` newest matches that pass the filters, best first.

    Only the FTS5 table (and, for a unit, the documents) is read; paragraph rows are fetched
    for the winners alone. One pass newest-first: FTS5 gives rowids in that order and SQLite
    stops after ``count``, scoring only those.
    """
    count = CANDIDATES if count is None else count
    meta = filters.meta()
    if meta:
        expression = f"({expression}) AND {meta}"
    unit_condition, unit_params = filters.rows(conn)
    sql = (
        "SELECT f.rowid, bm25(para_fts, ?, ?, 0.0) FROM para_fts f"
        f" WHERE para_fts MATCH ?{unit_condition} ORDER BY f.rowid DESC LIMIT ?"
    )
    rows = conn.execute(sql, (*weights, expression, *unit_params, count)).fetchall()
    scored = [(int(row[0]), -float(row[1])) for row in rows]
    scored.sort(key=lambda item: (-item[1], -item[0]))  # best first; equal scores: newest first
    return scored


def hits_for(conn: Connection, matches: Sequence[tuple[int, float]], plan: PlannedQuery) -> list[SearchHit]:
    """Hits for (paragraph id, score) pairs, in the order given."""
    rows = paragraph_rows(conn, [paragraph_id for paragraph_id, _ in matches])
    return make_hits(conn, [(score, rows[pid]) for pid, score in matches if pid in rows], plan)


def ranked_search(conn: Connection, plan: PlannedQuery, limit: int, matches: Matches) -> list[SearchHit]:
    """The index's ranking over the body words (``matches(count)``: the newest ``count``
    matches, scored); parts that must match literally are checked on the text."""
    multiword = [
        fold(part.text) for part in plan.parts if not part.phrase and len(plan_words(plan, part.text)) > 1
    ]
    literals = [fold(text) for text in plan.literal]
    count = CANDIDATES
    try:
        while True:
            found = matches(count)
            scored = _checked(conn, found, literals, multiword, limit)
            if len(scored) >= limit or len(found) < count:
                break
            count *= 4  # the literal check left too few: rank more of the older matches
    except NoDocuments:
        return []
    scored.sort(key=lambda item: -item[0])
    return make_hits(conn, scored[:limit], plan)


def _checked(
    conn: Connection,
    matches: list[tuple[int, float]],
    literals: list[str],
    multiword: list[str],
    wanted: int,
) -> list[tuple[float, Row]]:
    """Paragraph rows of the matches, best first, that contain every literal part; a paragraph
    holding a multi-word part as typed gets the best BM25 score as a bonus (word order). Rows
    are read in batches, best first, until ``wanted`` passed."""
    bonus = max((score for _, score in matches), default=0.0)
    scored: list[tuple[float, Row]] = []
    # Without a part to check in the text every row passes: read only the rows shown.
    batch = max(wanted * 4 + 20, 100) if literals or multiword else wanted
    for first in range(0, len(matches), batch):
        chunk = matches[first : first + batch]
        rows = paragraph_rows(conn, [paragraph_id for paragraph_id, _ in chunk])
        for paragraph_id, score in chunk:
            row = rows.get(paragraph_id)
            if row is None:
                continue
            if literals or multiword:
                folded = fold(row["text"])
                if any(literal not in folded for literal in literals):
                    continue
                if multiword:
                    score += bonus * sum(1 for part in multiword if part in folded) / len(multiword)
            scored.append((score, row))
        if len(scored) >= wanted:
            break
    return scored


def plan_words(plan: PlannedQuery, part_text: str) -> tuple[str, ...]:
    return next((words for text, words in plan.highlights if text == part_text), ())


def literal_search(
    conn: Connection, plan: PlannedQuery, filters: Filters, limit: int, newest_first: bool = False
) -> list[SearchHit]:
    """Every part must occur as typed; ranked by how often, shorter paragraphs first on ties.

    Used for queries made only of single characters, and (``newest_first``) before the
    dictionary has loaded: then the newest paragraphs that contain the text come first and
    the scan stops at ``limit`` of them, so a common word answers at once in any library.
    A scan of the text: slower than the index, but needs no dictionary.
    """
    if not plan.literal:
        return []
    where, params = filters.sql()
    needles = [text.lower() for text in plan.literal]
    contains = " AND ".join("instr(lower(p.text), ?) > 0" for _ in needles)
    first = needles[0]
    order = "p.id DESC" if newest_first else "occurrences DESC, length(p.text), p.id"
    sql = f"""
        SELECT {_COLUMNS},
               (length(p.text) - length(replace(lower(p.text), ?, ''))) / {len(first)} AS occurrences
        FROM {_JOINED}
        WHERE {contains}{where}
        ORDER BY {order}
        LIMIT ?
    """
    rows = conn.execute(sql, (first, *needles, *params, limit)).fetchall()
    return make_hits(conn, [(float(row["occurrences"]), row) for row in rows], plan)
