"""The embedded index: one SQLite file (WAL) with an FTS5 table over jieba tokens.

The database holds each document's kind, year, unit and title, and its paragraphs with
their section paths. Paragraphs are indexed in a contentless FTS5 table (core.library.index)
whose ``body`` column is made of jieba search tokens joined by spaces (split again by FTS5's
``unicode61`` tokenizer), so FTS5's bm25() ranks by BM25 over jieba words.

The file itself — opening, damage, rebuilding from the kept files, upgrading — is
core.library.sqlite_file's; the SQL the office server shares is core.library.listing's.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from core.library import search as library_search
from core.library.listing import document_infos, read_facets
from core.library.query import PlannedQuery, quote_term
from core.library.rebuild import Rebuilder
from core.library.records import (
    DB_NAME,
    DISK_FULL,
    SOURCE_EXPORT,
    DocumentInfo,
    LibraryError,
    T,
    _is_corruption,
    _is_disk_full,
    _Prepared,
    delete_document,
    find_sha,
    insert_document,
)
from core.library.search import Filters, SearchHit
from core.library.sqlite_file import (
    connect,
    open_database,
    quick_check,
    rebuild_damaged,
    reclaim,
    write_transaction,
)
from core.library.units import ROLE_BODY

__all__ = ["SqliteIndex", "document_infos", "read_facets"]  # the last two: core.library.postgres reads them here


class SqliteIndex:
    """The library's rows and full-text index in ``folder/library.sqlite3``.

    Writes are serialised by a lock on the writing connection; reads (searches, lists, facets)
    run on a connection of their own under a lock of their own, so a search never waits behind
    an add (WAL: a reader sees the last commit while a write goes on). A damaged file found
    during a call is rebuilt once from the kept files and the call retried.
    """

    def __init__(self, folder: Path, rebuilder: Rebuilder) -> None:
        self.path = folder / DB_NAME
        self.rebuilder = rebuilder
        self.notice: str | None = None  # set when the database had to be rebuilt; shown once
        self._lock = threading.RLock()
        self._writer: sqlite3.Connection | None = None
        self._generation = 0  # counts the writing connections: a reader of an older one is stale
        self._read_lock = threading.Lock()
        self._reader: tuple[int, sqlite3.Connection] | None = None
        with self._lock:
            self._conn, self.notice = open_database(self.path, rebuilder)

    @property
    def _conn(self) -> sqlite3.Connection | None:
        return self._writer

    @_conn.setter
    def _conn(self, conn: sqlite3.Connection | None) -> None:
        """The writing connection; replaced after a rebuild or an upgrade (the file may be new)."""
        self._writer = conn
        self._generation += 1

    def check_integrity(self) -> bool:
        """Check the whole database (``PRAGMA quick_check``); True when sound.

        Runs on a connection of its own, so searches go on meanwhile (WAL). A damaged
        database is rebuilt from the kept files, as at opening, and :attr:`notice` says so.
        """
        if quick_check(self.path):
            return True
        with self._lock:
            if self._conn is None:
                return False  # closed meanwhile: the next check finds the damage again
            self._replace_damaged()
        return False

    def _replace_damaged(self) -> None:
        """Under the lock: close the damaged file and rebuild it from the kept files."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._conn, self.notice = rebuild_damaged(self.path, self.rebuilder)

    # ------------------------------------------------------------------ plumbing

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError("资料库已关闭。")
        return self._conn

    def _run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` under the lock; on corruption found now, rebuild once and retry."""
        with self._lock:
            try:
                return action(self._db)
            except sqlite3.Error as exc:
                if _is_disk_full(exc):
                    raise LibraryError(DISK_FULL) from exc
                if not _is_corruption(exc):
                    raise LibraryError(f"资料库操作失败：{exc}。请稍后重试。") from exc
                self._replace_damaged()
                return action(self._db)

    def _read(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on the reading connection (opened on first use, and again once the writing
        one was replaced); damage found here is rebuilt under the write lock, as :meth:`_run` does."""
        with self._read_lock:
            if self._writer is None:
                raise LibraryError("资料库已关闭。")
            generation = self._generation
            if self._reader is None or self._reader[0] != generation:
                self._close_reader()
                conn = connect(self.path, self.path)
                conn.execute("PRAGMA query_only = ON")
                self._reader = (generation, conn)
            try:
                return action(self._reader[1])
            except sqlite3.Error as exc:
                if not _is_corruption(exc):
                    raise LibraryError(f"资料库操作失败：{exc}。请稍后重试。") from exc
                self._close_reader()
        with self._lock:
            if self._generation == generation and self._writer is not None:  # not rebuilt meanwhile
                self._replace_damaged()
            return action(self._db)

    def _close_reader(self) -> None:
        if self._reader is not None:
            with contextlib.suppress(sqlite3.Error):
                self._reader[1].close()
            self._reader = None

    def close(self) -> None:
        with self._read_lock:
            self._close_reader()
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
                    reclaim(self._conn)
                self._conn.close()
                self._conn = None

    # ------------------------------------------------------------------ writing

    def add(self, prepared: _Prepared) -> tuple[DocumentInfo, bool, list[str]]:
        """Store a prepared document: (its row, whether it is new, SHA-256 of the exports it replaced)."""
        replaced: list[str] = []

        def store(conn: sqlite3.Connection) -> tuple[DocumentInfo, bool, list[str]]:
            existing = find_sha(conn, prepared.sha256)
            if existing is not None:
                return document_infos(conn, "WHERE d.id = ?", (existing,))[0], False, []
            with write_transaction(conn):
                if prepared.record["source"] == SOURCE_EXPORT:
                    for row in conn.execute(
                        "SELECT id, sha256 FROM documents WHERE source = ? AND file_name = ?",
                        (SOURCE_EXPORT, prepared.record["file_name"]),
                    ).fetchall():
                        delete_document(conn, row["id"])
                        replaced.append(row["sha256"])
                doc_id = insert_document(conn, prepared)
            return document_infos(conn, "WHERE d.id = ?", (doc_id,))[0], True, replaced

        return self._run(store)

    def add_many(self, batch: Sequence[_Prepared]) -> int:
        """Store several documents in one transaction; returns how many were new."""

        def insert_all(conn: sqlite3.Connection) -> int:
            count = 0
            with write_transaction(conn):
                for prepared in batch:
                    if find_sha(conn, prepared.sha256) is None:
                        insert_document(conn, prepared)
                        count += 1
            return count

        count = self._run(insert_all)
        self._run(reclaim)
        return count

    def remove(self, document_id: int) -> str | None:
        """Remove a document's rows; its SHA-256, or None if there was no such document."""

        def remove(conn: sqlite3.Connection) -> str | None:
            row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return None
            with write_transaction(conn):
                delete_document(conn, document_id)
            reclaim(conn)  # a library cleaned up in 管理资料库 shrinks now, not at exit
            return str(row["sha256"])

        return self._run(remove)

    def update_metadata(
        self, document_ids: Sequence[int], values: Mapping[str, object], correct: Callable[[str], object]
    ) -> int:
        """Set the values on these documents in one transaction, calling ``correct(sha256)`` for
        each inside it (the kept records); an exception from it undoes everything."""
        from core.library.index import index_document, unindex_document

        ids = list(document_ids)

        def update(conn: sqlite3.Connection) -> int:
            marks = ",".join("?" * len(ids))
            rows = conn.execute(f"SELECT id, sha256 FROM documents WHERE id IN ({marks})", ids).fetchall()
            if len(rows) != len(ids):
                raise LibraryError("要修改的文档已不在资料库中（可能刚被删除）。请关闭“管理资料库”后重新打开。")
            assignments = ", ".join(f"{name} = ?" for name in values)
            reindexing = "kind" in values or "year" in values
            with write_transaction(conn):
                for row in rows:
                    if reindexing:
                        unindex_document(conn, row["id"])
                    conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*values.values(), row["id"]))
                    if reindexing:
                        index_document(conn, row["id"])
                for row in rows:
                    correct(str(row["sha256"]))
            return len(rows)

        return self._run(update)

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[DocumentInfo]:
        return self._read(lambda conn: document_infos(conn))

    def document(self, document_id: int) -> DocumentInfo | None:
        found = self._read(lambda conn: document_infos(conn, "WHERE d.id = ?", (document_id,)))
        return found[0] if found else None

    def sha256_of(self, document_id: int) -> str | None:
        row = self._read(
            lambda conn: conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
        )
        return None if row is None else str(row["sha256"])

    def text_digests(self) -> dict[str, int]:
        rows = self._read(lambda conn: conn.execute("SELECT id, text_sha FROM documents").fetchall())
        return {row["text_sha"]: row["id"] for row in rows}

    def facets(self) -> dict[str, list[object]]:
        return self._read(read_facets)

    def ranked(self, plan: PlannedQuery, filters: Filters, limit: int) -> list[SearchHit]:
        assert plan.expression is not None
        expression = plan.expression

        def read(conn: sqlite3.Connection) -> list[SearchHit]:
            def matches(count: int) -> list[tuple[int, float]]:
                return library_search.candidate_matches(conn, expression, (1.0, 0.0), filters, count)

            return library_search.ranked_search(conn, plan, limit, matches)

        return self._read(read)

    def literal(self, plan: PlannedQuery, filters: Filters, limit: int, newest_first: bool) -> list[SearchHit]:
        return self._read(lambda conn: library_search.literal_search(conn, plan, filters, limit, newest_first))

    def related(
        self,
        plan: PlannedQuery,
        terms: Sequence[str],
        heading_weight: float,
        kind: str | None,
        exclude_document: int | None,
        limit: int,
    ) -> list[SearchHit]:
        expression = "{body heading} : (" + " OR ".join(quote_term(t) for t in terms) + ")"
        expression += " AND {meta} : " + quote_term(library_search.meta_role(ROLE_BODY))
        if exclude_document is not None:
            expression += " NOT {meta} : " + quote_term(library_search.meta_document(exclude_document))

        def read(conn: sqlite3.Connection) -> list[SearchHit]:
            matches = library_search.candidate_matches(
                conn, expression, (1.0, heading_weight), Filters(kind=kind or None)
            )[:limit]
            return library_search.hits_for(conn, matches, plan)

        return self._read(read)

    def paragraph_count(self) -> int:
        return int(self._read(lambda conn: conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]))

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(terms))

        def read(conn: sqlite3.Connection) -> dict[str, int]:
            out: dict[str, int] = {}
            for term in wanted:
                row = conn.execute(
                    "SELECT doc FROM para_vocab WHERE term = ? AND col = 'body'", (term,)
                ).fetchone()
                out[term] = int(row["doc"]) if row else 0
            return out

        return self._read(read)
