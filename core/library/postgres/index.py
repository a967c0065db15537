"""The office library's index on PostgreSQL: the same answers as the SQLite index.

Each paragraph's ``body`` and ``heading`` are tsvectors of our jieba tokens (the same
tokens FTS5 holds locally, core.library.records), with their positions so that
``ts_rank_cd`` can rank; a GIN index on each answers the match. As locally, the newest
:data:`core.library.search.CANDIDATES` matches are ranked, literal parts are checked on the
text, and hits, snippets and highlights are shaped by the shared code (core.library.search).
Kind, year and unit are terms of each paragraph's ``meta`` tsvector, in the same GIN index as
its words (migration 3); the unit filter is a part of a unit's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from core.library import search as library_search
from core.library.postgres.connection import ServerConnection
from core.library.query import PlannedQuery
from core.library.records import SOURCE_EXPORT, DocumentInfo, LibraryError, _Prepared, text_digest
from core.library.search import Filters, SearchHit
from core.library.sqlite_index import document_infos, read_facets
from core.library.units import ROLE_BODY, Chain

MAX_POSITION = 16383  # the largest position a tsvector keeps
MAX_LEXEME_BYTES = 2046  # a longer word cannot be a lexeme (PostgreSQL's limit is 2 KB)
MAX_POSITIONS = 256  # positions kept per lexeme


def _quoted(token: str) -> str:
    """A lexeme as tsvector/tsquery input: quoted, so no character acts as syntax."""
    if "'" in token or "\\" in token:
        token = token.replace("\\", "\\\\").replace("'", "''")
    return "'" + token + "'"


def tsvector_literal(tokens: Iterable[str]) -> str:
    """Tokens in reading order → ``'人才':1,4 '队伍':2 …`` (lexemes lower-cased, with positions).
    Written for every paragraph the library adds, so each token is looked at once and what
    is rare (a quote, a word too long for a lexeme, a paragraph past the largest position) is
    checked once per paragraph."""
    joined = " ".join(tokens).lower()
    words = joined.split(" ")
    positions: dict[str, list[int]] = {}
    if len(words) <= MAX_POSITION:  # every position is kept as it is: each word's rise
        for position, word in enumerate(words, start=1):
            kept = positions.get(word)
            if kept is None:
                positions[word] = [position]
            elif len(kept) < MAX_POSITIONS:
                kept.append(position)
    else:  # past the largest, positions stop there: one of them, not one per word
        for position, word in enumerate(words, start=1):
            place = min(position, MAX_POSITION)
            kept = positions.get(word)
            if kept is None:
                positions[word] = [place]
            elif len(kept) < MAX_POSITIONS and kept[-1] != place:
                kept.append(place)
    positions.pop("", None)
    # A lexeme longer than PostgreSQL allows is left out (its place still counted).
    if positions and max(map(len, positions)) * 4 > MAX_LEXEME_BYTES:
        for word in [word for word in positions if len(word.encode("utf-8")) > MAX_LEXEME_BYTES]:
            del positions[word]
    if "'" in joined or "\\" in joined:
        return " ".join(f"{_quoted(word)}:{','.join(map(str, places))}" for word, places in positions.items())
    return " ".join(
        [f"'{word}':{places[0]}" if len(places) == 1 else f"'{word}':{','.join(map(str, places))}" for word, places in positions.items()]
    )


def tsquery_literal(words: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """Every word, as itself or as all of its dictionary pieces: ``'人才' & ('队伍建设' | ('队伍' & '建设'))``."""
    terms = []
    for word, pieces in words:
        term = _quoted(word.lower())
        if pieces:
            term = f"({term} | ({' & '.join(_quoted(p.lower()) for p in pieces)}))"
        terms.append(term)
    return " & ".join(terms)


def any_term(terms: Sequence[str]) -> str:
    return " | ".join(_quoted(t.lower()) for t in terms)


def make_room(server: ServerConnection, batch: Sequence[_Prepared]) -> None:
    """Partitions for the batch's paragraphs (migration 6: paragraph_room), asked before the
    add's transaction begins, so that making one never waits on a lock while holding the add's."""
    server.execute("SELECT paragraph_room(?)", (sum(len(prepared.units) for prepared in batch),))


def insert_documents(server: ServerConnection, batch: Sequence[_Prepared]) -> list[int | None]:
    """Write prepared documents' rows (inside the caller's transaction) in four statements
    whatever their number: the ids, then each table's rows as arrays (unnest). Row-level
    security and the clerk's unit (owner_unit) are worked out once per statement, not once per
    row, and a batch costs four round trips to the server, not several per document. Returns
    each document's id, None where a document with the same bytes is there already."""
    if not batch:
        return []
    chains_of: list[list[Chain]] = []  # per document: every section, each after the one above it
    for prepared in batch:
        chains: list[Chain] = []
        for unit in prepared.units:
            for depth in range(1, len(unit.chain) + 1):
                if unit.chain[:depth] not in chains:
                    chains.append(unit.chain[:depth])
        chains_of.append(chains)
    row = server.execute(
        "SELECT ARRAY(SELECT nextval('documents_id_seq') FROM generate_series(1, ?) ORDER BY 1),"
        " ARRAY(SELECT nextval('sections_id_seq') FROM generate_series(1, ?) ORDER BY 1),"
        " ARRAY(SELECT nextval('paragraphs_id_seq') FROM generate_series(1, ?) ORDER BY 1)",
        (len(batch), sum(len(chains) for chains in chains_of), sum(len(p.units) for p in batch)),
    ).fetchone()
    doc_ids, free_sections, free_paragraphs = list(row[0]), iter(row[1]), iter(row[2])
    records = [prepared.record for prepared in batch]
    inserted = {
        int(found[0])
        for found in server.execute(
            "INSERT INTO documents (id, sha256, text_sha, file_name, source, kind, year, unit, title, added_at, shared)"
            " SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
            " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS text[]),"
            " CAST(? AS text[]), CAST(? AS boolean[])) ON CONFLICT (sha256) DO NOTHING RETURNING id",
            (
                doc_ids, [p.sha256 for p in batch], [text_digest(p.text) for p in batch],
                [r["file_name"] for r in records], [r["source"] for r in records], [r["kind"] or "" for r in records],
                [r["year"] for r in records], [r["unit"] or "" for r in records], [r["title"] or "" for r in records],
                [r["added_at"] for r in records], [bool(r.get("shared", True)) for r in records],
            ),
        ).fetchall()
    }
    sections: list[tuple[object, ...]] = []
    paragraphs: list[tuple[object, ...]] = []
    for doc_id, prepared, chains in zip(doc_ids, batch, chains_of, strict=True):
        ids = {chain: next(free_sections) for chain in chains}
        paragraph_ids = [next(free_paragraphs) for _ in prepared.units]
        if doc_id not in inserted:
            continue
        shared = bool(prepared.record.get("shared", True))
        sections += [
            (ids[chain], doc_id, ids[chain[:-1]] if len(chain) > 1 else None, chain[-1][0], chain[-1][1], shared)
            for chain in chains
        ]
        paragraphs += [
            (paragraph_id, doc_id, ids[unit.chain], unit.position, unit.role, unit.text,
             tsvector_literal(body.split()), tsvector_literal(heading.split()), shared)
            for paragraph_id, unit, body, heading in zip(
                paragraph_ids, prepared.units, prepared.body_tokens, prepared.heading_tokens, strict=True
            )
        ]  # fmt: skip
    if sections:
        server.execute(
            "INSERT INTO sections (id, doc_id, parent_id, marker, heading, shared, owner_unit)"
            " SELECT s.*, (SELECT library_unit()) FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]),"
            " CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[])) AS s",
            tuple(list(column) for column in zip(*sections, strict=True)),
        )
    if paragraphs:
        server.execute(
            "INSERT INTO paragraphs (id, doc_id, section_id, position, role, text, body, heading, meta, shared, owner_unit)"
            " SELECT p.id, p.doc_id, p.section_id, p.position, p.role, p.text, CAST(p.body AS tsvector),"
            " CAST(p.heading AS tsvector), paragraph_meta(d.kind, d.year, d.unit, p.role), p.shared,"
            " (SELECT library_unit())"
            " FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS integer[]),"
            " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]))"
            " AS p (id, doc_id, section_id, position, role, text, body, heading, shared)"
            " JOIN documents d ON d.id = p.doc_id",
            tuple(list(column) for column in zip(*paragraphs, strict=True)),
        )
    return [doc_id if doc_id in inserted else None for doc_id in doc_ids]


class PostgresIndex:
    """The rows and the full-text index in the office's database (schema ``baogao``)."""

    def __init__(self, server: ServerConnection) -> None:
        self.server = server
        self.notice: str | None = None

    def close(self) -> None:
        self.server.close()

    def check_integrity(self) -> bool:
        """The server keeps its own files sound (and its backups are the IT staff's): asking
        it is enough."""
        return bool(self.server.run(lambda s: s.execute("SELECT true").fetchone()[0]))

    # ------------------------------------------------------------------ writing

    def add(self, prepared: _Prepared) -> tuple[DocumentInfo, bool, list[str]]:
        def store(server: ServerConnection) -> tuple[DocumentInfo, bool, list[str]]:
            replaced: list[str] = []
            make_room(server, [prepared])
            with server.transaction():
                if prepared.record["source"] == SOURCE_EXPORT:
                    rows = server.execute(
                        "DELETE FROM documents WHERE source = ? AND file_name = ? AND sha256 != ? RETURNING sha256",
                        (SOURCE_EXPORT, prepared.record["file_name"], prepared.sha256),
                    ).fetchall()
                    replaced = [str(row[0]) for row in rows]
                [doc_id] = insert_documents(server, [prepared])
                added = doc_id is not None
                if doc_id is None:
                    found = server.execute("SELECT id FROM documents WHERE sha256 = ?", (prepared.sha256,)).fetchone()
                    if found is None:
                        raise LibraryError(
                            f"“{prepared.record['file_name']}”已由其他单位收入资料库（未共享），无需重复收入。"
                        )
                    doc_id = int(found[0])
            return document_infos(server, "WHERE d.id = ?", (doc_id,))[0], added, replaced

        return self.server.run(store)

    def add_many(self, batch: Sequence[_Prepared]) -> int:
        def insert_all(server: ServerConnection) -> int:
            make_room(server, batch)
            with server.transaction():
                return sum(1 for doc_id in insert_documents(server, batch) if doc_id is not None)

        return self.server.run(insert_all)

    def remove(self, document_id: int) -> str | None:
        def remove(server: ServerConnection) -> str | None:
            with server.transaction():
                row = server.execute("DELETE FROM documents WHERE id = ? RETURNING sha256", (document_id,)).fetchone()
                if row is not None:
                    return str(row[0])
                if server.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None:
                    raise LibraryError("这份文档是其他单位共享的，只有该单位能删除它。")
                return None

        return self.server.run(remove)

    def update_metadata(
        self, document_ids: Sequence[int], values: Mapping[str, object], correct: Callable[[str], object]
    ) -> int:
        ids = list(document_ids)

        def update(server: ServerConnection) -> int:
            with server.transaction():
                rows = server.execute(
                    "SELECT id, sha256 FROM documents WHERE id = ANY(?) FOR UPDATE", (ids,)
                ).fetchall()
                if len(rows) != len(ids):
                    raise LibraryError("要修改的文档已不在资料库中（可能刚被删除）。请关闭“管理资料库”后重新打开。")
                assignments = ", ".join(f"{name} = ?" for name in values)
                server.execute(f"UPDATE documents SET {assignments} WHERE id = ANY(?)", (*values.values(), ids))
                for row in rows:
                    correct(str(row["sha256"]))
            return len(rows)

        return self.server.run(update)

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[DocumentInfo]:
        return self.server.run(lambda server: document_infos(server))

    def document(self, document_id: int) -> DocumentInfo | None:
        found = self.server.run(lambda server: document_infos(server, "WHERE d.id = ?", (document_id,)))
        return found[0] if found else None

    def sha256_of(self, document_id: int) -> str | None:
        row = self.server.run(
            lambda server: server.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
        )
        return None if row is None else str(row[0])

    def text_digests(self) -> dict[str, int]:
        rows = self.server.run(lambda server: server.execute("SELECT id, text_sha FROM documents").fetchall())
        return {row["text_sha"]: int(row["id"]) for row in rows}

    def facets(self) -> dict[str, list[object]]:
        return self.server.run(read_facets)

    def _matches(
        self, server: ServerConnection, query: str, filters: Filters, count: int, heading_weight: float = 0.0,
        role: str | None = None, exclude_document: int | None = None,
    ) -> list[tuple[int, float]]:
        """(paragraph id, ts_rank_cd) of the ``count`` newest matches that pass the filters and
        that this clerk may read, best first (core.library.postgres.migrations: match_paragraphs)."""
        rows = server.execute(
            "SELECT id, rank FROM match_paragraphs(CAST(? AS tsquery), ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                query, bool(heading_weight), float(heading_weight), filters.kind, filters.year, filters.unit,
                role, exclude_document, count,
            ),
        ).fetchall()
        scored = [(int(row[0]), float(row[1])) for row in rows]
        scored.sort(key=lambda item: (-item[1], -item[0]))
        return scored

    def ranked(self, plan: PlannedQuery, filters: Filters, limit: int) -> list[SearchHit]:
        query = tsquery_literal(plan.words)

        def read(server: ServerConnection) -> list[SearchHit]:
            return library_search.ranked_search(
                server, plan, limit, lambda count: self._matches(server, query, filters, count)
            )

        return self.server.run(read)

    def literal(self, plan: PlannedQuery, filters: Filters, limit: int, newest_first: bool) -> list[SearchHit]:
        return self.server.run(lambda server: library_search.literal_search(server, plan, filters, limit, newest_first))

    def related(
        self,
        plan: PlannedQuery,
        terms: Sequence[str],
        heading_weight: float,
        kind: str | None,
        exclude_document: int | None,
        limit: int,
    ) -> list[SearchHit]:
        def read(server: ServerConnection) -> list[SearchHit]:
            matches = self._matches(
                server, any_term(terms), Filters(kind=kind or None), library_search.CANDIDATES,
                heading_weight, ROLE_BODY, exclude_document,
            )[:limit]
            return library_search.hits_for(server, matches, plan)

        return self.server.run(read)

    def paragraph_count(self) -> int:
        return int(self.server.run(lambda server: server.execute("SELECT count(*) FROM paragraphs").fetchone()[0]))

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(terms))

        def read(server: ServerConnection) -> dict[str, int]:
            return {
                term: int(
                    server.execute(
                        "SELECT count_matching(CAST(? AS tsquery))", (_quoted(term.lower()),)
                    ).fetchone()[0]
                )
                for term in wanted
            }

        return self.server.run(read)
