"""The originals and records of the server library, in its ``kept_files`` table.

The same interface as the local folder (core.library.files.KeptFiles); the rows follow
the document's sharing (row-level security), so a private document's original is no more
readable to another unit than its paragraphs are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from core.library.files import ORIGINAL, corrected_record
from core.library.postgres.connection import ServerConnection
from core.library.records import LibraryError, _Prepared


class ServerFiles:
    def __init__(self, server: ServerConnection) -> None:
        self.server = server

    def keep(self, prepared: _Prepared, original: bytes) -> None:
        record = json.dumps(prepared.record, ensure_ascii=False)
        shared = bool(prepared.record.get("shared", True))
        self.server.run(
            lambda server: server.execute(
                "INSERT INTO kept_files (sha256, original, record, shared) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (sha256) DO NOTHING",
                (prepared.sha256, original, record, shared),
            )
        )

    def keep_many(self, batch: Sequence[tuple[_Prepared, bytes]]) -> None:
        """One statement for the batch (one round trip, one commit)."""
        if not batch:
            return
        self.server.run(
            lambda server: server.execute(
                "INSERT INTO kept_files (sha256, original, record, shared)"
                " SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bytea[]), CAST(? AS text[]), CAST(? AS boolean[]))"
                " ON CONFLICT (sha256) DO NOTHING",
                (
                    [prepared.sha256 for prepared, _ in batch],
                    [original for _, original in batch],
                    [json.dumps(prepared.record, ensure_ascii=False) for prepared, _ in batch],
                    [bool(prepared.record.get("shared", True)) for prepared, _ in batch],
                ),
            )
        )

    def forget(self, sha256: str) -> None:
        self.server.run(
            lambda server: server.execute(
                "DELETE FROM kept_files WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?)",
                (sha256, sha256),
            )
        )

    def read(self, sha256: str, suffix: str) -> bytes:
        column = "original" if suffix == ORIGINAL else "record"
        row = self.server.run(
            lambda server: server.execute(f"SELECT {column} FROM kept_files WHERE sha256 = ?", (sha256,)).fetchone()
        )
        if row is None:
            raise LibraryError("资料库服务器上没有这份文档的原始文件。请在“管理资料库”中删除这份文档后重新添加。")
        value = row[0]
        return bytes(value) if column == "original" else str(value).encode("utf-8")

    def correct(self, sha256: str, values: Mapping[str, object]) -> tuple[str, str]:
        old = self.read(sha256, ".json").decode("utf-8")
        self._write_record(sha256, corrected_record(old, sha256, values))
        return sha256, old

    def put_back(self, sha256: str, old_record: str) -> None:
        """Nothing to do: :meth:`correct` wrote inside the index's transaction (one shared
        connection), and the failure that calls for this rolled that transaction back."""

    def _write_record(self, sha256: str, record: str) -> None:
        self.server.run(
            lambda server: server.execute("UPDATE kept_files SET record = ? WHERE sha256 = ?", (record, sha256))
        )
