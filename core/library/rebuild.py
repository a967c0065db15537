"""Rebuilding the library database from the files kept beside it: after damage, after the
database file went missing, and when a database of an older version is upgraded.

Mixed into :class:`core.library.store.Library`, which owns the connection and the files.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from core.base.errors import ReportError
from core.draft.model import report_from_dict
from core.library.records import DB_NAME, LibraryError, _Damaged, _prepare, insert_document
from core.library.upgrade import add_paragraph_spans, keep_files_of_v1


class LibraryRebuild:
    path: Path
    files_dir: Path
    notice: str | None
    _progress: Callable[[int, int], None] | None

    def _connect(self) -> sqlite3.Connection:
        raise NotImplementedError  # the Library's own

    def _check_and_prepare(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError

    def _transaction(self, conn: sqlite3.Connection) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

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
                keep_files_of_v1(old, self.files_dir)
        except (sqlite3.Error, OSError, ValueError, ReportError) as exc:
            old.close()
            raise LibraryError(f"无法升级资料库“{self.path}”：{exc}。请检查磁盘空间后重试。") from exc
        old.close()
        fresh = self.path.with_name(DB_NAME + ".upgrading")
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                fresh.with_name(fresh.name + suffix).unlink()
        conn = sqlite3.connect(fresh, timeout=10, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
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

    def _records(self) -> list[Path]:
        if not self.files_dir.is_dir():
            return []
        return sorted(self.files_dir.glob("*.json"))

    def _restore_all(self, conn: sqlite3.Connection) -> str:
        """Re-index every kept original; returns the count for the notice ("3 份文档…")."""
        restored = skipped = 0
        records = self._records()
        for done, record_path in enumerate(records):
            if self._progress is not None:
                self._progress(done, len(records))
            original_path = record_path.with_suffix("")
            try:
                record = json.loads(record_path.read_text(encoding="utf-8"))
                original = original_path.read_bytes()
                report = report_from_dict(record["outline"])
                report.kind, report.year = record.get("kind") or report.kind, record.get("year")
                report.unit, report.title = record.get("unit") or "", record.get("title") or ""
                file_name, source = str(record["file_name"]), str(record["source"])
            except (OSError, ValueError, KeyError, TypeError):
                skipped += 1  # one unreadable record must not stop the others
                continue
            prepared = _prepare(report, original, file_name, source)
            prepared.record["added_at"] = record.get("added_at", prepared.record["added_at"])
            with self._transaction(conn):
                insert_document(conn, prepared)
            restored += 1
        lost = f"（另有 {skipped} 份的保存文件已损坏，无法恢复）" if skipped else ""
        return f"恢复 {restored} 份文档{lost}"

