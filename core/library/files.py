"""Where the library keeps each document's original bytes and its JSON record (with its outline).

Two homes, one interface (:class:`KeptFiles`):

- :class:`FolderFiles`: files in ``library_files/`` beside the SQLite database, named by the
  original's SHA-256; a damaged database is rebuilt from them (core.library.rebuild).
- the server library keeps them in a table of its own (core.library.postgres.files).

The record is what a rebuild or an upload starts from; a correction made in 管理资料库 is
written into it too, so the correction survives.
"""

from __future__ import annotations

import contextlib
import errno
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from core.base.atomic import atomic_write_many, atomic_write_text
from core.base.errors import SaveFailed
from core.library.records import DISK_FULL, GUESS_KEY, METADATA_FIELDS, LibraryError, _Prepared

ORIGINAL, RECORD = "", ".json"  # the suffixes of the two kept files of a document


def corrected_record(old: str, name: str, values: Mapping[str, object]) -> str:
    """The record's JSON text with the corrected values, each with the reason "手工修改"."""
    try:
        record = json.loads(old)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        raise LibraryError(f"资料库保存的记录“{name}”已损坏，无法修改。请删除这份文档后重新添加。")
    reasons = record.get(GUESS_KEY) if isinstance(record.get(GUESS_KEY), dict) else {}
    stamp = time.strftime("%Y-%m-%d %H:%M")
    for field_name, value in values.items():
        record[field_name] = value
        reasons[field_name] = f"{stamp} 在“管理资料库”中手工修改"
    record[GUESS_KEY] = reasons
    return json.dumps(record, ensure_ascii=False)


def record_reasons(record_text: str | bytes) -> dict[str, str]:
    """Why the kind, year, unit and title are what they are, from a record ({} when not recorded)."""
    try:
        record = json.loads(record_text)
    except ValueError:
        return {}
    reasons = record.get(GUESS_KEY) if isinstance(record, dict) else None
    if not isinstance(reasons, dict):
        return {}
    return {name: str(reasons[name]) for name in METADATA_FIELDS if name in reasons}


class KeptFiles(Protocol):
    """The original and the record of each document, by the original's SHA-256."""

    def keep(self, prepared: _Prepared, original: bytes) -> None: ...

    def keep_many(self, batch: Sequence[tuple[_Prepared, bytes]]) -> None:
        """:meth:`keep` for a bulk add, every file stored before any row names it."""
        ...

    def forget(self, sha256: str) -> None: ...

    def read(self, sha256: str, suffix: str) -> bytes: ...

    def correct(self, sha256: str, values: Mapping[str, object]) -> tuple[str, str]:
        """Write the corrected values into the record; returns what :meth:`put_back` needs."""
        ...

    def put_back(self, sha256: str, old_record: str) -> None: ...


class FolderFiles:
    """The kept files of a local library: ``library_files/<sha256>`` and ``<sha256>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def keep(self, prepared: _Prepared, original: bytes) -> None:
        self.keep_many([(prepared, original)])

    def keep_many(self, batch: Sequence[tuple[_Prepared, bytes]]) -> None:
        """Each original and its record, written atomically and made durable together (one
        flush for the batch rather than fsyncs per file: core.base.atomic.atomic_write_many)."""
        files: list[tuple[Path, bytes]] = []
        names: dict[Path, str] = {}
        for prepared, original in batch:
            original_path = self.folder / prepared.sha256
            record_path = original_path.with_suffix(RECORD)
            names[original_path] = names[record_path] = str(prepared.record["file_name"])
            if not original_path.exists():
                files.append((original_path, original))
            if not record_path.exists():
                files.append((record_path, json.dumps(prepared.record, ensure_ascii=False).encode("utf-8")))
        name = str(batch[0][0].record["file_name"]) if batch else ""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_many(files)
        except SaveFailed as exc:
            raise LibraryError(f"无法把“{names.get(exc.path, name)}”存入资料库：{exc.reason}") from exc
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise LibraryError(DISK_FULL) from exc
            reason = f"无法建立文件夹“{self.folder}”（{exc.strerror or exc}）。请检查磁盘空间和权限。"
            raise LibraryError(f"无法把“{name}”存入资料库：{reason}") from exc

    def forget(self, sha256: str) -> None:
        for path in (self.folder / sha256, self.folder / f"{sha256}{RECORD}"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def read(self, sha256: str, suffix: str) -> bytes:
        path = self.folder / f"{sha256}{suffix}"
        try:
            return path.read_bytes()
        except OSError as exc:
            raise LibraryError(
                f"资料库保存的文件“{path}”读不出来（{exc.strerror or exc}）。请在“管理资料库”中删除这份文档后重新添加。"
            ) from exc

    def correct(self, sha256: str, values: Mapping[str, object]) -> tuple[str, str]:
        path = self.folder / f"{sha256}{RECORD}"
        old = path.read_text(encoding="utf-8")
        atomic_write_text(path, corrected_record(old, path.name, values))
        return sha256, old

    def put_back(self, sha256: str, old_record: str) -> None:
        with contextlib.suppress(OSError, SaveFailed):
            atomic_write_text(self.folder / f"{sha256}{RECORD}", old_record)

    def records(self) -> list[Path]:
        """Every kept record, in name order (the rebuilder's list)."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"*{RECORD}"))

    def pairs(self) -> Iterator[tuple[Path, Path]]:
        """(record, original) paths of every kept document."""
        for record in self.records():
            yield record, record.with_suffix(ORIGINAL)
