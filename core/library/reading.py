"""Reading the library: the filter values, searching, and what suggestions need.

Mixed into :class:`core.library.store.Library`, which owns the connection (``_run``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from core.library.query import PlannedQuery, QueryPart, plan_literal, plan_query, quote_term
from core.library.records import MAX_QUERY_CHARS, LibraryError
from core.library.search import (
    Filters,
    SearchHit,
    candidate_matches,
    literal_search,
    make_hits,
    meta_document,
    meta_role,
    paragraph_rows,
    ranked_search,
)
from core.library.units import ROLE_BODY
from core.text import language

T = TypeVar("T")


class LibraryReading:
    def _run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        raise NotImplementedError  # the Library's own

    def facets(self) -> dict[str, list[object]]:
        """Values present for the filters: {"kind": [...], "year": [...], "unit": [...]}, and
        ``"documents": [count]`` — a library whose documents have no year or unit is not empty."""

        def read(conn: sqlite3.Connection) -> dict[str, list[object]]:
            out: dict[str, list[object]] = {}
            for column in ("kind", "year", "unit"):
                rows = conn.execute(
                    f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL AND {column} != ''"
                    f" ORDER BY {column}"
                ).fetchall()
                out[column] = [row[0] for row in rows]
            out["documents"] = [int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])]
            return out

        return self._run(read)

    # ------------------------------------------------------------------ searching

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        year: int | None = None,
        unit: str | None = None,
        limit: int = 20,
        wait: bool = True,
    ) -> list[SearchHit]:
        """Paragraphs matching ``query``, best first (see :mod:`core.library.query` for the syntax).

        Ranked by BM25 over jieba words. Until the dictionary has loaded, ``wait=False``
        answers at once from a scan for the literal text (the newest paragraphs holding it)
        instead of waiting; ``wait=True``
        waits for the load already under way (about a second after start-up) and no longer.
        """
        if not query.strip() or limit <= 0:
            return []
        if len(query) > MAX_QUERY_CHARS:
            raise LibraryError(
                f"检索词太长（{len(query)} 字）。最多 {MAX_QUERY_CHARS} 字：请输入几个关键词，而不是整段文字。"
            )
        filters = Filters(kind=kind or None, year=year, unit=unit or None)
        if not wait and not language.is_loaded():
            plan = plan_literal(query)
            return self._run(lambda conn: literal_search(conn, plan, filters, limit, newest_first=True))
        plan = plan_query(query)
        if plan.expression is None:
            return self._run(lambda conn: literal_search(conn, plan, filters, limit))
        return self._run(lambda conn: ranked_search(conn, plan, filters, limit))

    # ------------------------------------------------------------------ for suggestions

    def paragraph_count(self) -> int:
        return int(self._run(lambda conn: conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]))

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many paragraphs contain each term (as an index token of the body)."""
        wanted = sorted(set(terms))

        def read(conn: sqlite3.Connection) -> dict[str, int]:
            out: dict[str, int] = {}
            for term in wanted:
                row = conn.execute(
                    "SELECT doc FROM para_vocab WHERE term = ? AND col = 'body'", (term,)
                ).fetchone()
                out[term] = int(row["doc"]) if row else 0
            return out

        return self._run(read)

    def related_paragraphs(
        self,
        terms: Sequence[str],
        *,
        heading_weight: float = 3.0,
        kind: str | None = None,
        exclude_document: int | None = None,
        limit: int = 5,
    ) -> list[SearchHit]:
        """Body paragraphs matching any of ``terms`` in their text or section headings.

        BM25 with matches in the headings counting ``heading_weight`` times: a paragraph
        under a heading like the clerk's is what they are looking for. Ranked among the
        newest matches (:data:`core.library.search.CANDIDATES`), as a search is.
        """
        unique = list(dict.fromkeys(t for t in terms if t))
        if not unique:
            return []
        plan = PlannedQuery(
            parts=tuple(QueryPart(t, False) for t in unique),
            expression=None,
            literal=(),
            highlights=tuple((t, (t,)) for t in unique),
        )
        expression = "{body heading} : (" + " OR ".join(quote_term(t) for t in unique) + ")"
        expression += " AND {meta} : " + quote_term(meta_role(ROLE_BODY))

        def read(conn: sqlite3.Connection) -> list[SearchHit]:
            full = expression
            if exclude_document is not None:
                full += " NOT {meta} : " + quote_term(meta_document(exclude_document))
            matches = candidate_matches(conn, full, (1.0, heading_weight), Filters(kind=kind or None))[:limit]
            rows = paragraph_rows(conn, [paragraph_id for paragraph_id, _ in matches])
            return make_hits(conn, [(score, rows[pid]) for pid, score in matches if pid in rows], plan)

        return self._run(read)
