"""The library of past reports: one SQLite file (WAL) in the per-user data folder.

The database holds each document's kind, year, unit and title, and its paragraphs with
their section paths. Paragraphs are indexed in a contentless FTS5 table (core.library.index)
whose ``body`` column is made of jieba search tokens joined by spaces (split again by FTS5's
``unicode61`` tokenizer), so FTS5's bm25() ranks by BM25 over jieba words.

The original file and a JSON record of each document (with its outline) are kept once, as
files in ``library_files/`` next to the database. A damaged database is rebuilt from those
files; the damaged file is kept under another name and :attr:`Library.notice` says what
happened. Damage is found when the file is opened (a damaged header), when SQLite reports
it during use, and by :meth:`Library.check_integrity` (``PRAGMA quick_check``, two seconds
for 10,000 reports: the window runs it in the background after opening, the command line
with ``library check``), never silently skipped and never in the way of opening.
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from core.base.atomic import atomic_write_many
from core.base.errors import SaveFailed
from core.base.paths import data_dir
from core.draft.model import Report, report_from_dict
from core.library.corrections import LibraryCorrections
from core.library.index import (
    reindex,
    set_stamp,
    stored_stamp,
    tokenizer_stamp,
)
from core.library.reading import LibraryReading
from core.library.rebuild import LibraryRebuild
from core.library.records import (
    _SCHEMA,
    DB_NAME,
    DISK_FULL,
    FILES_DIR_NAME,
    SCHEMA_VERSION,
    SOURCE_EXPORT,
    SOURCE_IMPORT,
    AddResult,
    DocumentInfo,
    LibraryError,
    StepProgress,
    T,
    _Damaged,
    _is_corruption,
    _is_disk_full,
    _Outdated,
    _prepare,
    _Prepared,
    delete_document,
    find_sha,
    insert_document,
)
from core.text import language


class Library(LibraryCorrections, LibraryRebuild, LibraryReading):
    """Open with ``Library()`` (per-user data folder) or ``Library(folder)``; close when done.

    One object may be shared between threads: calls are serialised by a lock. Searching
    needs the jieba dictionary; see :meth:`search` for how it avoids waiting for it.
    """

    def __init__(
        self, folder: Path | str | None = None, progress: Callable[[int, int], None] | None = None
    ) -> None:
        """Open (or create) the library; rebuild it first if the file is damaged.

        A rebuild re-indexes every kept original and can take a minute for a large
        library: open it off the GUI thread. ``progress(done, total)`` reports a rebuild.
        """
        self._progress = progress
        self.folder = Path(folder) if folder is not None else data_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        self.files_dir = self.folder / FILES_DIR_NAME
        self.notice: str | None = None  # set when the library had to be rebuilt; show it once
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        with self._lock:
            self._conn = self._open()

    # ------------------------------------------------------------------ opening

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
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
        if not existed and self._records():
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

    @staticmethod
    def _reclaim(conn: sqlite3.Connection) -> None:
        """After a removal or a large write: give free pages back to the disk
        (auto_vacuum=INCREMENTAL; removals and FTS5's merges of its segments leave them) and
        empty the WAL. executescript steps the pragma to its end: ``execute`` would free a
        single page."""
        conn.executescript("PRAGMA incremental_vacuum")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
                    self._reclaim(self._conn)
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def take_notice(self) -> str | None:
        """The rebuild message, once: the caller shows it and it is cleared."""
        with self._lock:
            notice, self.notice = self.notice, None
            return notice

    # ------------------------------------------------------------------ adding

    def add_report(
        self,
        report: Report,
        *,
        original: bytes,
        file_name: str,
        source: str = SOURCE_IMPORT,
        progress: StepProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
        reasons: Mapping[str, str] | None = None,
    ) -> AddResult:
        """Store a document: its original bytes, outline and paragraphs.

        The same file (same bytes) is stored once. An export (``source="export"``) replaces
        an earlier export with the same file name: the clerk re-exported the same report.
        ``progress`` hears (units cut, units in all) while the text is cut into words, the
        long part; ``cancelled()`` turning true then raises Cancelled with nothing written.
        ``reasons`` says why its kind, year, unit and title are what they are (the importer's
        ``guess_reasons``); :meth:`metadata_reasons` reads them back.
        """
        prepared = _prepare(report, original, file_name, source, progress, cancelled, reasons)
        return self._store(prepared, original)

    def add_reports(self, items: Iterable[tuple[Report, bytes, str]], source: str = SOURCE_IMPORT) -> int:
        """Bulk add (report, original bytes, file name) in one transaction; returns how many were new."""
        batch: list[tuple[_Prepared, bytes]] = []
        for report, original, file_name in items:
            batch.append((_prepare(report, original, file_name, source), original))
        self._write_files(batch)

        def insert_all(conn: sqlite3.Connection) -> int:
            count = 0
            with self._transaction(conn):
                for prepared, _ in batch:
                    if find_sha(conn, prepared.sha256) is None:
                        insert_document(conn, prepared)
                        count += 1
            return count

        count = self._run(insert_all)
        self._run(self._reclaim)
        return count

    def add_document(self, report: Report, path: Path | str, *, source: str = SOURCE_IMPORT) -> AddResult:
        """Store a report together with the file it was imported from or exported to."""
        path = Path(path)
        try:
            original = path.read_bytes()
        except OSError as exc:
            raise LibraryError(
                f"无法把“{path.name}”存入资料库：读取文件失败（{exc.strerror or exc}）。"
            ) from exc
        return self.add_report(report, original=original, file_name=path.name, source=source)

    def add_file(
        self,
        path: Path | str,
        *,
        kind: str | None = None,
        source: str = SOURCE_IMPORT,
        progress: StepProgress | None = None,
    ) -> AddResult:
        """Import a .docx/.txt/… file (raises ImportFailed in Chinese) and store it;
        ``progress`` as for :meth:`add_report`."""
        from core.base.errors import ImportFailed
        from core.importing.importer import import_document

        path = Path(path)
        result = import_document(path, kind=kind)
        try:
            original = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(path, f"无法读取文件（{exc.strerror or exc}）。") from exc
        return self.add_report(
            result.report, original=original, file_name=path.name, source=source, progress=progress,
            reasons=result.guess_reasons,
        )

    def _write_files(self, batch: Sequence[tuple[_Prepared, bytes]]) -> None:
        """Keep each original and its record beside the database, for rebuilding it; all of
        them on disk before any row that names them is (one flush for the batch)."""
        files: list[tuple[Path, bytes]] = []
        names: dict[Path, str] = {}
        for prepared, original in batch:
            original_path = self.files_dir / prepared.sha256
            record_path = original_path.with_suffix(".json")
            names[original_path] = names[record_path] = str(prepared.record["file_name"])
            if not original_path.exists():
                files.append((original_path, original))
            if not record_path.exists():
                files.append((record_path, json.dumps(prepared.record, ensure_ascii=False).encode("utf-8")))
        name = str(batch[0][0].record["file_name"]) if batch else ""
        try:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_many(files)
        except SaveFailed as exc:
            raise LibraryError(f"无法把“{names.get(exc.path, name)}”存入资料库：{exc.reason}") from exc
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise LibraryError(DISK_FULL) from exc
            reason = f"无法建立文件夹“{self.files_dir}”（{exc.strerror or exc}）。请检查磁盘空间和权限。"
            raise LibraryError(f"无法把“{name}”存入资料库：{reason}") from exc

    def _store(self, prepared: _Prepared, original: bytes) -> AddResult:
        self._write_files([(prepared, original)])

        replaced: list[str] = []

        def store(conn: sqlite3.Connection) -> AddResult:
            existing = find_sha(conn, prepared.sha256)
            if existing is not None:
                return AddResult(self._info(conn, existing), added=False)
            with self._transaction(conn):
                if prepared.record["source"] == SOURCE_EXPORT:
                    for row in conn.execute(
                        "SELECT id, sha256 FROM documents WHERE source = ? AND file_name = ?",
                        (SOURCE_EXPORT, prepared.record["file_name"]),
                    ).fetchall():
                        delete_document(conn, row["id"])
                        replaced.append(row["sha256"])
                doc_id = insert_document(conn, prepared)
            return AddResult(self._info(conn, doc_id), added=True)

        result = self._run(store)
        for sha256 in replaced:
            self._remove_files(sha256)
        return result

    def _remove_files(self, sha256: str) -> None:
        for path in (self.files_dir / sha256, self.files_dir / f"{sha256}.json"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    # ------------------------------------------------------------------ removing

    def remove(self, document_id: int) -> bool:
        """Remove a document and its kept files; False if there was no such document."""
        # Removing cuts the text into words again (core.library.index): wait for the
        # dictionary here, not while holding the lock that searches need.
        language.ensure_loaded()

        def remove(conn: sqlite3.Connection) -> str | None:
            row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return None
            with self._transaction(conn):
                delete_document(conn, document_id)
            self._reclaim(conn)  # a library cleaned up in 管理资料库 shrinks now, not at exit
            return str(row["sha256"])

        sha256 = self._run(remove)
        if sha256 is None:
            return False
        self._remove_files(sha256)
        return True

    # ------------------------------------------------------------------ reading

    def _info(self, conn: sqlite3.Connection, doc_id: int) -> DocumentInfo:
        rows = self._infos(conn, "WHERE d.id = ?", (doc_id,))
        return rows[0]

    @staticmethod
    def _infos(
        conn: sqlite3.Connection, where: str = "", params: Sequence[object] = ()
    ) -> list[DocumentInfo]:
        rows = conn.execute(
            "SELECT d.id, d.file_name, d.title, d.kind, d.year, d.unit, d.source, d.added_at, d.sha256,"
            " (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) AS paragraphs"
            f" FROM documents d {where} ORDER BY d.year DESC, d.id",
            tuple(params),
        ).fetchall()
        return [DocumentInfo(**dict(row)) for row in rows]

    def documents(self) -> list[DocumentInfo]:
        """Every stored document, newest year first."""
        return self._run(lambda conn: self._infos(conn))

    def text_digests(self) -> dict[str, int]:
        """Digest of each stored document's normalised text → its id (see core.library.bulk)."""
        rows = self._run(lambda conn: conn.execute("SELECT id, text_sha FROM documents").fetchall())
        return {row["text_sha"]: row["id"] for row in rows}

    def document(self, document_id: int) -> DocumentInfo | None:
        found = self._run(lambda conn: self._infos(conn, "WHERE d.id = ?", (document_id,)))
        return found[0] if found else None

    def _kept_file(self, document_id: int, suffix: str) -> bytes:
        row = self._run(
            lambda conn: conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
        )
        if row is None:
            raise LibraryError("资料库中没有这份文档，可能已被删除。")
        path = self.files_dir / f"{row['sha256']}{suffix}"
        try:
            return path.read_bytes()
        except OSError as exc:
            raise LibraryError(
                f"资料库保存的文件“{path}”读不出来（{exc.strerror or exc}）。请在“管理资料库”中删除这份文档后重新添加。"
            ) from exc

    def report(self, document_id: int) -> Report:
        """The stored outline as a Report (e.g. to open a past report beside the draft)."""
        try:
            return report_from_dict(json.loads(self._kept_file(document_id, ".json"))["outline"])
        except (ValueError, KeyError, TypeError) as exc:
            raise LibraryError("资料库保存的这份文档的记录已损坏。请在“管理资料库”中删除它后重新添加。") from exc

    def original(self, document_id: int) -> bytes:
        return self._kept_file(document_id, "")
