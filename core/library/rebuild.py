"""Rebuilding an index from the files kept in a folder (core.library.files.FolderFiles).

Used after damage, after the database file went missing, when a database of an older
version is upgraded (core.library.sqlite_index), and to upload a local library to the
server (core.library.migrate): each kept record and original becomes a prepared document
again, with the kind, year, unit and title it was last given (corrections included).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from core.draft.model import report_from_dict
from core.library.files import FolderFiles
from core.library.records import GUESS_KEY, _prepare, _Prepared

Progress = Callable[[int, int], None]  # documents done, documents in all


@dataclass(frozen=True)
class Restored:
    restored: int
    skipped: int  # kept files that could not be read

    def summary(self) -> str:
        """For the notice: "恢复 3 份文档（另有 1 份的保存文件已损坏，无法恢复）"."""
        lost = f"（另有 {self.skipped} 份的保存文件已损坏，无法恢复）" if self.skipped else ""
        return f"恢复 {self.restored} 份文档{lost}"


class Rebuilder:
    """Feeds every document kept in ``files`` to a writer, one at a time."""

    def __init__(self, files: FolderFiles, progress: Progress | None = None) -> None:
        self.files = files
        self.progress = progress

    def count(self) -> int:
        return len(self.files.records())

    def restore(self, write: Callable[[_Prepared, bytes], object]) -> Restored:
        """Call ``write(prepared, original)`` for each kept document; an unreadable one is
        counted and skipped, so that one bad file never stops the others."""
        restored = skipped = 0
        records = self.files.records()
        for done, record_path in enumerate(records):
            if self.progress is not None:
                self.progress(done, len(records))
            try:
                prepared, original = prepared_from_kept(
                    record_path.read_bytes(), record_path.with_suffix("").read_bytes()
                )
            except (OSError, ValueError, KeyError, TypeError):
                skipped += 1
                continue
            write(prepared, original)
            restored += 1
        return Restored(restored, skipped)


def prepared_from_kept(record_text: bytes | str, original: bytes) -> tuple[_Prepared, bytes]:
    """A kept record and original → the document ready for an index, with the kind, year, unit
    and title it was last given, why, and its first date (ValueError/KeyError/TypeError when
    the record is damaged)."""
    record = json.loads(record_text)
    report = report_from_dict(record["outline"])
    report.kind, report.year = record.get("kind") or report.kind, record.get("year")
    report.unit, report.title = record.get("unit") or "", record.get("title") or ""
    file_name, source = str(record["file_name"]), str(record["source"])
    prepared = _prepare(report, original, file_name, source)
    if isinstance(record.get(GUESS_KEY), dict):
        prepared.record[GUESS_KEY] = record[GUESS_KEY]
    if record.get("shared") is False:
        prepared.record["shared"] = False
    prepared.record["added_at"] = record.get("added_at", prepared.record["added_at"])
    return prepared, original
