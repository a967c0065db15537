"""Correcting what a document is filed under: kind, year, unit and title (管理资料库 ▸ 修改信息…).

Mixed into :class:`core.library.store.Library`, which owns the connection and the kept files.
One transaction per correction: the documents' rows, the index's filter tokens (kind and year
are part of every paragraph's ``meta`` column, core.library.index) and the kept records beside
the database (so that a rebuild keeps the correction) all change, or none does.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from core.base.atomic import atomic_write_text
from core.base.errors import SaveFailed
from core.library.index import index_document, unindex_document
from core.library.records import GUESS_KEY, METADATA_FIELDS, LibraryError
from core.text import language

T = TypeVar("T")

MAX_METADATA_CHARS = 200
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _year_value(year: object) -> int | None:
    """A year as given (a number, or the text typed: "2023", "２０２３", "" for none)."""
    if isinstance(year, str):
        typed = year.strip().translate(_FULL_WIDTH_DIGITS).removesuffix("年").strip()
        if not typed:
            return None
        year = int(typed) if typed.isascii() and typed.isdigit() else typed
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100:
        raise LibraryError(f"年度“{year}”不对：请填写 1949 到 2100 之间的四位年份（如 2023），或留空。")
    return year


def validate_changes(changes: Mapping[str, object]) -> dict[str, object]:
    """The corrections as stored values; LibraryError names the field that is wrong."""
    from core.draft.kinds import load_kinds

    unknown = [name for name in changes if name not in METADATA_FIELDS]
    if unknown:
        raise LibraryError(f"无法修改“{unknown[0]}”：只能修改类型、年度、单位和标题。")
    values: dict[str, object] = {}
    if "kind" in changes:
        kind = str(changes["kind"] or "")
        if kind not in load_kinds():
            raise LibraryError(f"类型“{kind}”不是已有的报告类型。请从列表中选择。")
        values["kind"] = kind
    if "year" in changes:
        values["year"] = _year_value(changes["year"])
    for name, label in (("unit", "单位"), ("title", "标题")):
        if name in changes:
            text = " ".join(str(changes[name] or "").split())
            if len(text) > MAX_METADATA_CHARS:
                raise LibraryError(f"{label}太长（{len(text)} 字），最多 {MAX_METADATA_CHARS} 字。")
            values[name] = text
    return values



class LibraryCorrections:
    files_dir: Path

    def _run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        raise NotImplementedError  # the Library's own

    def _transaction(self, conn: sqlite3.Connection) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def _kept_file(self, document_id: int, suffix: str) -> bytes:
        raise NotImplementedError

    def update_metadata(self, document_ids: Sequence[int], changes: Mapping[str, object]) -> int:
        """Set kind, year, unit and/or title (the keys of ``changes``) of these documents.

        One transaction: every document changes or none does. The index's filter tokens
        follow at once (a changed kind or year is searched under its new value), and each
        kept record is rewritten atomically, so a rebuild keeps the correction. Returns how
        many documents were changed; raises LibraryError with a Chinese message.
        """
        values = validate_changes(changes)
        ids = list(dict.fromkeys(int(i) for i in document_ids))
        if not values or not ids:
            return 0
        if "kind" in values or "year" in values:
            language.ensure_loaded()  # the index's rows are cut again (core.library.index)
        written: list[tuple[Path, str]] = []  # kept records as they were, put back on failure

        def update(conn: sqlite3.Connection) -> int:
            marks = ",".join("?" * len(ids))
            rows = conn.execute(f"SELECT id, sha256 FROM documents WHERE id IN ({marks})", ids).fetchall()
            if len(rows) != len(ids):
                raise LibraryError("要修改的文档已不在资料库中（可能刚被删除）。请关闭“管理资料库”后重新打开。")
            assignments = ", ".join(f"{name} = ?" for name in values)
            reindexing = "kind" in values or "year" in values
            try:
                with self._transaction(conn):
                    for row in rows:
                        if reindexing:
                            unindex_document(conn, row["id"])
                        conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*values.values(), row["id"]))
                        if reindexing:
                            index_document(conn, row["id"])
                    for row in rows:
                        written.append(self._correct_record(str(row["sha256"]), values))
            except BaseException:
                self._restore_records(written)
                raise
            return len(rows)

        try:
            return self._run(update)
        except LibraryError:
            raise
        except (OSError, SaveFailed) as exc:
            self._restore_records(written)
            reason = str(getattr(exc, "reason", None) or getattr(exc, "strerror", None) or exc).rstrip("。")
            raise LibraryError(f"无法保存修改（{reason}），资料库未作改动。请检查磁盘空间和权限后重试。") from exc

    def _correct_record(self, sha256: str, values: Mapping[str, object]) -> tuple[Path, str]:
        """Rewrite one kept record with the corrected values; returns (path, its old text)."""
        path = self.files_dir / f"{sha256}.json"
        old = path.read_text(encoding="utf-8")
        try:
            record = json.loads(old)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            raise LibraryError(f"资料库保存的记录“{path.name}”已损坏，无法修改。请删除这份文档后重新添加。")
        reasons = record.get(GUESS_KEY) if isinstance(record.get(GUESS_KEY), dict) else {}
        stamp = time.strftime("%Y-%m-%d %H:%M")
        for name, value in values.items():
            record[name] = value
            reasons[name] = f"{stamp} 在“管理资料库”中手工修改"
        record[GUESS_KEY] = reasons
        atomic_write_text(path, json.dumps(record, ensure_ascii=False))
        return path, old

    @staticmethod
    def _restore_records(written: list[tuple[Path, str]]) -> None:
        for path, old in written:
            with contextlib.suppress(OSError, SaveFailed):
                atomic_write_text(path, old)
        written.clear()

    def metadata_reasons(self, document_id: int) -> dict[str, str]:
        """Why the document's kind, year, unit and title are what they are ({} when not recorded)."""
        try:
            record = json.loads(self._kept_file(document_id, ".json"))
        except (LibraryError, ValueError):
            return {}
        reasons = record.get(GUESS_KEY) if isinstance(record, dict) else None
        if not isinstance(reasons, dict):
            return {}
        return {name: str(reasons[name]) for name in METADATA_FIELDS if name in reasons}
