"""The edit journal: every edit on disk within a second, between two autosaves.

An autosave writes the whole draft, which is too slow to do on every keystroke of a large
draft. So each window also appends small records to ``<session>.journal`` beside its
autosave file: a snapshot of the one thing that changed — the report-level fields, one
section's own fields and points, or (after a structural edit) the whole report. Replaying
the records in order over the autosave (or over the draft file the session opened, checked
by its hash) gives back exactly what the clerk had.

Each record is one line ``<crc32 hex> <json>``. After a kill the last line may be torn; a
line whose checksum does not match ends the replay there and is never an error. Each
record carries a sequence number that keeps counting across autosaves; the autosave notes
the last one it contains (``journal_seq``), so records it already holds are skipped even if
the journal was not yet emptied when the process died.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.draft.model import Report, Section

JOURNAL_SUFFIX = ".journal"
OP_HEADER, OP_FULL, OP_REPORT, OP_SECTION = "header", "full", "report", "section"


def frame(record: dict[str, Any]) -> bytes:
    """One journal line: the checksum guards against a record torn by a kill."""
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def read_records(path: Path) -> list[dict[str, Any]]:
    """The intact records of a journal, in order; reading stops at the first damaged line."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    records: list[dict[str, Any]] = []
    for line in data.split(b"\n"):
        if len(line) < 10 or line[8:9] != b" ":
            break
        body = line[9:]
        try:
            if int(line[:8], 16) != zlib.crc32(body):
                break
            record = json.loads(body.decode("utf-8"))
        except ValueError:
            break
        if not isinstance(record, dict):
            break
        records.append(record)
    return records


def report_fields(report_dict: dict[str, Any]) -> dict[str, Any]:
    """The report-level part of a report dict (everything but the sections)."""
    return {k: v for k, v in report_dict.items() if k != "sections"}


def section_fields(section_dict: dict[str, Any]) -> dict[str, Any]:
    """One section's own part (everything but its sub-sections)."""
    return {k: v for k, v in section_dict.items() if k != "children"}


def full_record(report: Report) -> dict[str, Any]:
    from core.draft.model import to_dict

    return {"op": OP_FULL, "report": to_dict(report)}


def report_record(report: Report) -> dict[str, Any]:
    from core.draft.model import to_dict

    fields = {name: to_dict(getattr(report, name)) for name in report.__dataclass_fields__ if name != "sections"}
    return {"op": OP_REPORT, "fields": fields}


def section_record(section: Section) -> dict[str, Any]:
    """The section's own fields and points; its sub-sections are not copied (cost stays
    proportional to what the clerk is typing in, however large the draft)."""
    from core.draft.model import to_dict

    fields = {name: to_dict(getattr(section, name)) for name in section.__dataclass_fields__ if name != "children"}
    return {"op": OP_SECTION, "id": section.id, "fields": fields}


def _find_section(sections: list[Any], section_id: str) -> dict[str, Any] | None:
    stack = list(sections)
    while stack:
        section = stack.pop()
        if isinstance(section, dict):
            if section.get("id") == section_id:
                return section
            stack.extend(section.get("children") or [])
    return None


@dataclass
class Replay:
    report: dict[str, Any] | None  # None: no base to replay onto
    applied: int  # records replayed
    last_seq: int
    last_time: str  # when the newest replayed record was written ("" if none)
    lost_sections: int  # section records whose section was not found (should stay 0)


def replay(base: dict[str, Any] | None, records: Iterable[dict[str, Any]], after_seq: int = -1) -> Replay:
    """Apply ``records`` with a sequence number above ``after_seq`` to a copy of ``base``."""
    report = json.loads(json.dumps(base)) if base is not None else None
    applied, last_seq, last_time, lost = 0, after_seq, "", 0
    for record in records:
        seq = record.get("seq")
        if not isinstance(seq, int) or seq <= after_seq:
            continue
        op = record.get("op")
        if op == OP_FULL and isinstance(record.get("report"), dict):
            report = record["report"]
        elif report is None or op == OP_HEADER:
            continue
        elif op == OP_REPORT and isinstance(record.get("fields"), dict):
            report.update(report_fields(record["fields"]))
        elif op == OP_SECTION and isinstance(record.get("fields"), dict):
            target = _find_section(report.get("sections") or [], str(record.get("id")))
            if target is None:
                lost += 1
                continue
            target.update(section_fields(record["fields"]))
        else:
            continue
        applied += 1
        last_seq = seq
        last_time = str(record.get("t", last_time))
    return Replay(report, applied, last_seq, last_time, lost)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="milliseconds")


class JournalWriter:
    """Appends records to one journal file; ``os.write`` puts each in the OS's hands at
    once (a killed process loses nothing written), and a background thread fsyncs so a
    slow disk never makes typing stutter. Safe to call from one thread (the GUI's)."""

    def __init__(self, path: Path, header: dict[str, Any], background_sync: bool = True) -> None:
        self.path = path
        self.header = header
        self.seq = 0  # keeps counting across reset(): the autosave refers to it
        self.size = 0  # bytes since the last reset: a long journal is worth compacting
        self._fd: int | None = None
        self._lock = threading.Lock()
        self._sync_wanted = threading.Event()
        self._closing = False
        self._thread: threading.Thread | None = None
        if background_sync:
            self._thread = threading.Thread(target=self._sync_loop, name="journal-fsync", daemon=True)
            self._thread.start()

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND | _BINARY, 0o600)
            header = frame({**self.header, "op": OP_HEADER, "seq": self._next(), "t": _now()})
            os.write(self._fd, header)
            self.size = len(header)
        return self._fd

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def append(self, records: list[dict[str, Any]]) -> int:
        """Write records (each gets the next sequence number); returns the last one.

        Raises OSError when the data folder cannot be written.
        """
        if not records:
            return self.seq
        with self._lock:
            fd = self._open()
            now = _now()
            data = b"".join(frame({**r, "seq": self._next(), "t": now}) for r in records)
            os.write(fd, data)
            self.size += len(data)
        if self._thread is not None:
            self._sync_wanted.set()
        else:
            self.sync()
        return self.seq

    def sync(self) -> None:
        with self._lock:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.fsync(self._fd)

    def _sync_loop(self) -> None:
        while not self._closing:
            self._sync_wanted.wait()
            self._sync_wanted.clear()
            if not self._closing:
                self.sync()

    def reset(self) -> None:
        """Everything so far is in the autosave: start an empty journal (opened on next append)."""
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            self.size = 0
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def close(self, delete: bool) -> None:
        self._closing = True
        self._sync_wanted.set()
        if delete:
            self.reset()
        else:
            self.sync()
            with self._lock:
                if self._fd is not None:
                    os.close(self._fd)
                    self._fd = None


_BINARY = getattr(os, "O_BINARY", 0)


__all__ = [
    "JOURNAL_SUFFIX",
    "JournalWriter",
    "Replay",
    "frame",
    "full_record",
    "read_records",
    "replay",
    "report_fields",
    "report_record",
    "section_fields",
    "section_record",
]
