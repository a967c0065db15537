"""The SQLite file under the embedded index: opening it, finding damage, rebuilding, upgrading.

A damaged database is rebuilt from the files kept beside it (core.library.rebuild); the
damaged file is kept under another name and the notice returned says what happened.
Damage is found when the file is opened (a damaged header), when SQLite reports it during
use (core.library.sqlite_index), and by :func:`quick_check` (``PRAGMA quick_check``, two
seconds for 10,000 reports), never silently skipped and never in the way of opening.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from core.base.errors import ReportError
from core.library.index import reindex, set_stamp, stored_stamp, tokenizer_stamp
from core.library.rebuild import Rebuilder
from core.library.records import (
    _SCHEMA,
    DB_NAME,
    DISK_FULL,
    SCHEMA_VERSION,
    LibraryError,
    _Damaged,
    _is_corruption,
    _is_disk_full,
    _Outdated,
    _Prepared,
    insert_document,
)
from core.library.upgrade import add_paragraph_spans, keep_files_of_v1

Opened = tuple[sqlite3.Connection, str | None]  # the connection, and what to tell the clerk once


def connect(path: Path, library_path: Path) -> sqlite3.Connection:
    """A connection to ``path`` (the library's file, or its upgrade beside it)."""
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LibraryError(f"无法打开资料库“{library_path}”：{exc}。请检查该文件夹是否可写。") from exc
    conn.row_factory = sqlite3.Row
    return conn


def prepare(conn: sqlite3.Connection, library_path: Path) -> None:
    """Read the header, set the connection up, create the tables of a new file.
    Raises _Damaged, _Outdated (an older version) or LibraryError."""
    try:
        # Reading the header: a file that is no database at all fails here.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"资料库“{library_path}”由更新版本的报告起草助手创建，本版本无法使用。请升级程序。"
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
            f"无法打开资料库“{library_path}”：{exc}。请关闭其他正在使用它的程序后重试。"
        ) from exc


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
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


def reclaim(conn: sqlite3.Connection) -> None:
    """After a removal or a large write: give free pages back to the disk
    (auto_vacuum=INCREMENTAL; removals and FTS5's merges of its segments leave them) and
    empty the WAL. executescript steps the pragma to its end: ``execute`` would free a
    single page."""
    conn.executescript("PRAGMA incremental_vacuum")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def open_database(path: Path, rebuilder: Rebuilder) -> Opened:
    """Open (or create) the library's file; a damaged one is rebuilt, an older one upgraded,
    a deleted one brought back from the kept originals."""
    existed = path.exists() and path.stat().st_size > 0
    conn = connect(path, path)
    try:
        prepare(conn, path)
    except _Damaged:
        conn.close()
        return rebuild_damaged(path, rebuilder)
    except _Outdated as outdated:
        return upgrade(conn, path, rebuilder, outdated.version)
    if not existed and rebuilder.count():
        # The database was deleted but the originals are still here: bring them back.
        restored = restore_all(conn, rebuilder)
        return conn, f"资料库文件不存在，已根据保存的原始文件重建，{restored}。"
    return conn, None


def quick_check(path: Path) -> bool:
    """``PRAGMA quick_check`` over the whole file on a connection of its own (searches go on
    meanwhile: WAL); True when sound."""
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise LibraryError(f"无法检查资料库“{path}”：{exc}。请稍后重试。") from exc
    try:
        result = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.Error as exc:
        if not _is_corruption(exc):
            raise LibraryError(f"无法检查资料库“{path}”：{exc}。请稍后重试。") from exc
        result = [str(exc)]
    finally:
        conn.close()
    return result == ["ok"]


def rebuild_damaged(path: Path, rebuilder: Rebuilder) -> tuple[sqlite3.Connection, str]:
    """Keep the damaged file under another name and make the library again from the kept files."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    damaged = path.with_name(f"{DB_NAME}.damaged-{stamp}")
    try:
        path.replace(damaged)
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(DB_NAME + suffix).unlink()
    except OSError as exc:
        raise LibraryError(
            f"资料库文件“{path}”已损坏，且无法改名（{exc.strerror or exc}）。"
            "请关闭其他正在使用它的程序，或手动删除该文件后重新打开。"
        ) from exc
    conn = connect(path, path)
    try:
        prepare(conn, path)
    except _Damaged as exc:
        conn.close()
        raise LibraryError(f"无法新建资料库“{path}”。请检查磁盘后重试。") from exc
    restored = restore_all(conn, rebuilder)
    return conn, f"资料库文件已损坏，已根据保存的原始文件重建，{restored}。损坏的文件已改名为“{damaged.name}”。"


def upgrade(old: sqlite3.Connection, path: Path, rebuilder: Rebuilder, version: int) -> Opened:
    """A database of an older version: build today's beside it from the kept files, then swap.

    Version 1 could lack kept files: they are written from it first. Version 2 and later
    keep every document's files before its rows are written. Version 3 is brought up in
    place, in a moment (core.library.upgrade), unless its rows are not as expected."""
    if version == 3:
        try:
            if add_paragraph_spans(old):
                return old, None
        except sqlite3.Error as exc:
            old.close()
            raise LibraryError(f"无法升级资料库“{path}”：{exc}。请检查磁盘空间后重试。") from exc
    try:
        if version < 2:
            keep_files_of_v1(old, rebuilder.files.folder)
    except (sqlite3.Error, OSError, ValueError, ReportError) as exc:
        old.close()
        raise LibraryError(f"无法升级资料库“{path}”：{exc}。请检查磁盘空间后重试。") from exc
    old.close()
    fresh = path.with_name(DB_NAME + ".upgrading")
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            fresh.with_name(fresh.name + suffix).unlink()
    conn = connect(fresh, path)
    try:
        prepare(conn, path)
        restored = restore_all(conn, rebuilder)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    fresh.replace(path)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(DB_NAME + suffix).unlink()
    conn = connect(path, path)
    prepare(conn, path)
    return conn, f"资料库已升级为更省空间的新格式，{restored}。"


def restore_all(conn: sqlite3.Connection, rebuilder: Rebuilder) -> str:
    """Re-index every kept original; returns the count for the notice ("恢复 3 份文档…")."""

    def write(prepared: _Prepared, _original: bytes) -> None:
        with write_transaction(conn):
            insert_document(conn, prepared)

    return rebuilder.restore(write).summary()
