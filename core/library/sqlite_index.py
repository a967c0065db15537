"""The embedded index: one SQLite file (WAL) with an FTS5 table over jieba tokens.

The database holds each document's kind, year, unit and title, and its paragraphs with
their section paths. Paragraphs are indexed in a contentless FTS5 table (core.library.index)
whose ``body`` column is made of jieba search tokens joined by spaces (split again by FTS5's
``unicode61`` tokenizer), so FTS5's bm25() ranks by BM25 over jieba words.

A damaged database is rebuilt from the files kept beside it (core.library.rebuild); the
damaged file is kept under another name and :attr:`SqliteIndex.notice` says what happened.
Damage is found when the file is opened (a damaged header), when SQLite reports it during
use, and by :meth:`SqliteIndex.check_integrity` (``PRAGMA quick_check``, two seconds for
10,000 reports), never silently skipped and never in the way of opening.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from core.base.errors import ReportError
from core.library import search as library_search
from core.library.index import reindex, set_stamp, stored_stamp, tokenizer_stamp
from core.library.query import PlannedQuery, quote_term
from core.library.rebuild import Rebuilder
from core.library.records import (
    _SCHEMA,
    DB_NAME,
    DISK_FULL,
    SCHEMA_VERSION,
    SOURCE_EXPORT,
    DocumentInfo,
    LibraryError,
    T,
    _Damaged,
    _is_corruption,
    _is_disk_full,
    _Outdated,
    _Prepared,
    delete_document,
    find_sha,
    insert_document,
)
from core.library.search import Filters, SearchHit
from core.library.units import ROLE_BODY
from core.library.upgrade import add_paragraph_spans, keep_files_of_v1

_INFO_COLUMNS = (
    "SELECT d.id, d.file_name, d.title, d.kind, d.year, d.unit, d.source, d.added_at, d.sha256,"
    " (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) AS paragraphs FROM documents d"
)


def document_infos(conn: library_search.Connection, where: str = "", params: Sequence[object] = ()) -> list[DocumentInfo]:
    """Documents as listed in 管理资料库, newest year first (SQL shared by both indexes)."""
    # Documents without a year last, as SQLite sorts NULL below every number (PostgreSQL: above).
    sql = f"{_INFO_COLUMNS} {where} ORDER BY d.year IS NULL, d.year DESC, d.id"
    rows = conn.execute(sql, tuple(params)).fetchall()
    return [DocumentInfo(**{key: row[key] for key in DocumentInfo.__dataclass_fields__}) for row in rows]


def read_facets(conn: library_search.Connection) -> dict[str, list[object]]:
    """Values present for the filters, and ``"documents": [count]`` (SQL shared by both indexes)."""
    out: dict[str, list[object]] = {}
    for column in ("kind", "year", "unit"):
        condition = f"{column} IS NOT NULL" + ("" if column == "year" else f" AND {column} != ''")
        rows = conn.execute(f"SELECT DISTINCT {column} FROM documents WHERE {condition}").fetchall()
        # Sorted here, by code point: a server's collation would order Chinese names otherwise.
        out[column] = sorted(row[0] for row in rows)
    out["documents"] = [int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])]
    return out


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
            self._conn = self._open()

    @property
    def _conn(self) -> sqlite3.Connection | None:
        return self._writer

    @_conn.setter
    def _conn(self, conn: sqlite3.Connection | None) -> None:
        """The writing connection; replaced after a rebuild or an upgrade (the file may be new)."""
        self._writer = conn
        self._generation += 1

    # ------------------------------------------------------------------ opening

    def _connect(self, path: Path | None = None) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(path or self.path, timeout=10, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"无法打开资料库“{self.path}”：{exc}。请检查该文件夹是否可写。") from exc
        conn.row_factory = sqlite3.Row
        return conn

    def _open(self) -> sqlite3.Connection:
        existed = self.path.exists() and self.path.stat().st_size > 0
        conn = self._connect()
        try:
            self._check_and_prepare(conn)
        except _Damaged:
            conn.close()
            return self._rebuild_damaged()
        except _Outdated as outdated:
            return self._upgrade(conn, outdated.version)
        if not existed and self.rebuilder.count():
            # The database was deleted but the originals are still here: bring them back.
            restored = self._restore_all(conn)
            self.notice = f"资料库文件不存在，已根据保存的原始文件重建，{restored}。"
        return conn

    def _check_and_prepare(self, conn: sqlite3.Connection) -> None:
        try:
            # Reading the header: a file that is no database at all fails here.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    f"资料库“{self.path}”由更新版本的报告起草助手创建，本版本无法使用。请升级程序。"
                )
            if version == 0:
                # Pages freed by removals and index merges go back to the disk (on close);
                # settable only before the first table, and before WAL is switched on.
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # The posting list of a word in every fourth paragraph (干部, 建设) outgrows the
            # default 2 MB page cache; 32 MB keeps repeated searches off the disk.
            conn.execute("PRAGMA cache_size = -32000")
            # The WAL counts in the library's size on disk and by default keeps the largest
            # size it ever reached: checkpoint every 1 MB of changes and cut it back to 1 MB.
            conn.execute("PRAGMA wal_autocheckpoint = 256")
            conn.execute(f"PRAGMA journal_size_limit = {1 << 20}")
            if version == 0:
                conn.executescript(_SCHEMA)
                set_stamp(conn, tokenizer_stamp())
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version < SCHEMA_VERSION:
                raise _Outdated(version)
        except sqlite3.Error as exc:
            if _is_corruption(exc):
                raise _Damaged(str(exc)) from exc
            if _is_disk_full(exc):
                raise LibraryError(DISK_FULL) from exc
            raise LibraryError(
                f"无法打开资料库“{self.path}”：{exc}。请关闭其他正在使用它的程序后重试。"
            ) from exc

    def check_integrity(self) -> bool:
        """Check the whole database (``PRAGMA quick_check``); True when sound.

        Runs on a connection of its own, so searches go on meanwhile (WAL). A damaged
        database is rebuilt from the kept files, as at opening, and :attr:`notice` says so.
        """
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"无法检查资料库“{self.path}”：{exc}。请稍后重试。") from exc
        try:
            result = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.Error as exc:
            if not _is_corruption(exc):
                raise LibraryError(f"无法检查资料库“{self.path}”：{exc}。请稍后重试。") from exc
            result = [str(exc)]
        finally:
            conn.close()
        if result == ["ok"]:
            return True
        with self._lock:
            if self._conn is None:
                return False  # closed meanwhile: the next check finds the damage again
            self._conn.close()
            self._conn = None
            self._conn = self._rebuild_damaged()
        return False

    # ------------------------------------------------------------------ rebuilding

    def _rebuild_damaged(self) -> sqlite3.Connection:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        damaged = self.path.with_name(f"{DB_NAME}.damaged-{stamp}")
        try:
            self.path.replace(damaged)
            for suffix in ("-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    self.path.with_name(DB_NAME + suffix).unlink()
        except OSError as exc:
            raise LibraryError(
                f"资料库文件“{self.path}”已损坏，且无法改名（{exc.strerror or exc}）。"
                "请关闭其他正在使用它的程序，或手动删除该文件后重新打开。"
            ) from exc
        conn = self._connect()
        try:
            self._check_and_prepare(conn)
        except _Damaged as exc:
            conn.close()
            raise LibraryError(f"无法新建资料库“{self.path}”。请检查磁盘后重试。") from exc
        restored = self._restore_all(conn)
        self.notice = (
            f"资料库文件已损坏，已根据保存的原始文件重建，{restored}。损坏的文件已改名为“{damaged.name}”。"
        )
        return conn

    def _upgrade(self, old: sqlite3.Connection, version: int) -> sqlite3.Connection:
        """A database of an older version: build today's beside it from the kept files, then swap.

        Version 1 could lack kept files: they are written from it first. Version 2 and later
        keep every document's files before its rows are written. Version 3 is brought up in
        place, in a moment (core.library.upgrade), unless its rows are not as expected."""
        if version == 3:
            try:
                if add_paragraph_spans(old):
                    return old
            except sqlite3.Error as exc:
                old.close()
                raise LibraryError(f"无法升级资料库“{self.path}”：{exc}。请检查磁盘空间后重试。") from exc
        try:
            if version < 2:
                keep_files_of_v1(old, self.rebuilder.files.folder)
        except (sqlite3.Error, OSError, ValueError, ReportError) as exc:
            old.close()
            raise LibraryError(f"无法升级资料库“{self.path}”：{exc}。请检查磁盘空间后重试。") from exc
        old.close()
        fresh = self.path.with_name(DB_NAME + ".upgrading")
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                fresh.with_name(fresh.name + suffix).unlink()
        conn = self._connect(fresh)
        try:
            self._check_and_prepare(conn)
            restored = self._restore_all(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        fresh.replace(self.path)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.path.with_name(DB_NAME + suffix).unlink()
        self.notice = f"资料库已升级为更省空间的新格式，{restored}。"
        conn = self._connect()
        self._check_and_prepare(conn)
        return conn

    def _restore_all(self, conn: sqlite3.Connection) -> str:
        """Re-index every kept original; returns the count for the notice ("恢复 3 份文档…")."""

        def write(prepared: _Prepared, _original: bytes) -> None:
            with self._transaction(conn):
                insert_document(conn, prepared)

        return self.rebuilder.restore(write).summary()

    # ------------------------------------------------------------------ plumbing

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError("资料库已关闭。")
        return self._conn

    @contextlib.contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A write; an index made with other tokens (an upgraded dictionary) is remade first,
        so that what is added and what is removed match what the index holds."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            if stored_stamp(conn) != tokenizer_stamp():
                reindex(conn)
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

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
                self._db.close()
                self._conn = None
                self._conn = self._rebuild_damaged()
                return action(self._db)

    def _read(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on the reading connection (opened on first use, and again once the writing
        one was replaced); damage found here is rebuilt under the write lock by :meth:`_run`."""
        with self._read_lock:
            if self._writer is None:
                raise LibraryError("资料库已关闭。")
            generation = self._generation
            if self._reader is None or self._reader[0] != generation:
                self._close_reader()
                conn = self._connect()
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
                self._writer.close()
                self._conn = None
                self._conn = self._rebuild_damaged()
            return action(self._db)

    def _close_reader(self) -> None:
        if self._reader is not None:
            with contextlib.suppress(sqlite3.Error):
                self._reader[1].close()
            self._reader = None

    @staticmethod
    def _reclaim(conn: sqlite3.Connection) -> None:
        """After a removal or a large write: give free pages back to the disk
        (auto_vacuum=INCREMENTAL; removals and FTS5's merges of its segments leave them) and
        empty the WAL. executescript steps the pragma to its end: ``execute`` would free a
        single page."""
        conn.executescript("PRAGMA incremental_vacuum")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        with self._read_lock:
            self._close_reader()
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
                    self._reclaim(self._conn)
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
            with self._transaction(conn):
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
            with self._transaction(conn):
                for prepared in batch:
                    if find_sha(conn, prepared.sha256) is None:
                        insert_document(conn, prepared)
                        count += 1
            return count

        count = self._run(insert_all)
        self._run(self._reclaim)
        return count

    def remove(self, document_id: int) -> str | None:
        """Remove a document's rows; its SHA-256, or None if there was no such document."""

        def remove(conn: sqlite3.Connection) -> str | None:
            row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return None
            with self._transaction(conn):
                delete_document(conn, document_id)
            self._reclaim(conn)  # a library cleaned up in 管理资料库 shrinks now, not at exit
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
            with self._transaction(conn):
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
