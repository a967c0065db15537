"""Never lose work: autosave files, the edit journal, crash recovery and draft locks.

An editing *session* (one window) writes its draft to
``data_dir()/autosave/<session>.autosave.json`` a few seconds after the clerk pauses, and
between two autosaves appends every edit to ``<session>.journal`` within a second
(:mod:`core.draft.journal`). A clean close deletes both; a crash or kill leaves them
behind, and the next start finds them with :func:`find_recoverable` because the process
that wrote them is gone. Recovering replays the journal over the autosave (or over the
draft file the session had open).

A *lock* (:mod:`core.draft.locks`) records which live session has a draft file open, and
the session remembers the hash of the draft as it read or wrote it, so a save can tell
that another program or window changed the file meanwhile.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.base.paths import data_dir
from core.base.process import hostname, pid_alive
from core.draft.journal import JOURNAL_SUFFIX, OP_HEADER, JournalWriter, read_records, replay
from core.draft.locks import LockInfo, lock_dir, lock_file_for, read_lock, release_lock, take_lock

if TYPE_CHECKING:
    from core.draft.model import Report

# The app creates a Session while its window opens; what writing needs (tempfile, the
# draft format, hashing) is imported when first used, to keep that start fast.

AUTOSAVE_FORMAT = "baogao-autosave"
AUTOSAVE_VERSION = 1
AUTOSAVE_SUFFIX = ".autosave.json"

# Sessions alive in this process; an autosave of this pid from another session is an orphan.
_LIVE_SESSIONS: set[str] = set()


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")



def file_sha256(path: Path | str) -> str | None:
    """The hash of a file's bytes, or None when it cannot be read (missing, no access)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True)
class Autosave:
    """Unsaved work of one session found on disk: its autosave file and/or its journal."""

    file: Path  # the autosave file; may not exist when only the journal does
    session_id: str
    pid: int
    host: str
    draft_path: str  # "" when the draft had never been saved
    saved_at: str  # ISO timestamp of the newest work
    title: str
    journal: Path | None = None
    base_sha256: str = ""  # hash of the draft file the journal's edits start from

    def load(self) -> Report:
        """Raises core.base.errors.DraftFileError when nothing usable is left."""
        return self.load_with_notes()[0]

    def load_with_notes(self) -> tuple[Report, list[str]]:
        """The recovered draft and remarks for the clerk (e.g. the draft file changed since)."""
        from core.base.errors import DraftFileError
        from core.draft.draft_file import FORMAT_NAME, FORMAT_VERSION, load_draft, loads
        from core.draft.model import to_dict

        notes: list[str] = []
        base: dict[str, Any] | None = None
        after = -1
        if self.file.exists():
            try:
                payload = json.loads(self.file.read_text(encoding="utf-8"))
                base = payload["draft"]["report"]
                after = int(payload.get("journal_seq", -1))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise DraftFileError(self.file, "自动保存的文件已损坏，无法恢复。") from exc
        elif self.draft_path:
            base = to_dict(load_draft(self.draft_path))
            if self.base_sha256 and file_sha256(self.draft_path) != self.base_sha256:
                notes.append("草稿文件在程序意外关闭后又被修改过；未保存的修改已按各部分补回，请仔细核对。")
        records = read_records(self.journal) if self.journal is not None else []
        result = replay(base, records, after)
        if result.report is None:
            raise DraftFileError(self.file, "没有找到可恢复的内容。")
        if result.lost_sections:
            notes.append(f"有 {result.lost_sections} 处修改所在的部分已不存在，未能补回。")
        text = json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": result.report},
                          ensure_ascii=False)
        return loads(text, self.file), notes

    @property
    def display_name(self) -> str:
        if self.draft_path:
            return Path(self.draft_path).name
        return self.title or "未命名报告"


def _read_autosave(file: Path) -> Autosave | None:
    try:
        payload: Any = json.loads(file.read_text(encoding="utf-8"))
        if payload.get("format") != AUTOSAVE_FORMAT or not isinstance(payload.get("draft"), dict):
            return None
        report = payload["draft"].get("report", {})
        return Autosave(
            file=file,
            session_id=str(payload["session"]),
            pid=int(payload["pid"]),
            host=str(payload.get("host", "")),
            draft_path=str(payload.get("draft_path") or ""),
            saved_at=str(payload.get("saved_at", "")),
            title=str(report.get("title", "")) if isinstance(report, dict) else "",
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _with_journal(found: Autosave | None, journal: Path) -> Autosave | None:
    """Add a journal to its session's autosave (or stand for the session if it has none)."""
    records = read_records(journal)
    if not records or records[0].get("op") != OP_HEADER:
        return found
    header, edits = records[0], records[1:]
    if found is None and not edits:
        return None  # opened, never edited: nothing to recover
    newest = str(edits[-1].get("t", "")) if edits else ""
    try:
        base = found or Autosave(
            file=journal.with_name(journal.name[: -len(JOURNAL_SUFFIX)] + AUTOSAVE_SUFFIX),
            session_id=str(header["session"]),
            pid=int(header["pid"]),
            host=str(header.get("host", "")),
            draft_path=str(header.get("draft_path") or ""),
            saved_at=newest,
            title=str(header.get("title", "")),
        )
    except (KeyError, TypeError, ValueError):
        return found
    return Autosave(
        **{**base.__dict__, "journal": journal, "base_sha256": str(header.get("base_sha256", "")),
           "saved_at": max(base.saved_at, newest)}
    )


def _owner_gone(pid: int, host: str, session_id: str) -> bool:
    if host and host != hostname():
        return False  # cannot tell whether a process on another machine runs; assume it does
    if pid == os.getpid():
        return session_id not in _LIVE_SESSIONS
    return not pid_alive(pid)


def find_recoverable() -> list[Autosave]:
    """Unsaved work left behind by sessions that ended without closing, newest first."""
    folder = autosave_dir()
    by_session: dict[str, Autosave] = {}
    for file in folder.glob(f"*{AUTOSAVE_SUFFIX}"):
        info = _read_autosave(file)
        if info is not None:
            by_session[file.name[: -len(AUTOSAVE_SUFFIX)]] = info
    for journal in folder.glob(f"*{JOURNAL_SUFFIX}"):
        name = journal.name[: -len(JOURNAL_SUFFIX)]
        joined = _with_journal(by_session.get(name), journal)
        if joined is not None:
            by_session[name] = joined
    found = [a for a in by_session.values() if _owner_gone(a.pid, a.host, a.session_id)]
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


def discard_autosave(autosave: Autosave) -> None:
    for file in (autosave.file, autosave.journal):
        if file is not None:
            with contextlib.suppress(FileNotFoundError):
                file.unlink()


def clean_stale_files(folders: list[Path]) -> list[Path]:
    """At start: remove temp files that killed processes left in the app's folders and in
    ``folders`` (those of recent drafts). Files of live processes are left alone."""
    from core.base.atomic import remove_stale_temp_files

    history = data_dir() / "history"
    places = [autosave_dir(), lock_dir(), data_dir(), history, *folders]
    with contextlib.suppress(OSError):
        places += [p for p in history.iterdir() if p.is_dir()]
    removed: list[Path] = []
    for folder in dict.fromkeys(places):
        removed += remove_stale_temp_files(folder)
    return removed


class Session:
    """One window's editing session: its autosave, its journal and the lock on its draft."""

    def __init__(self) -> None:
        self.id = os.urandom(6).hex()
        self.pid = os.getpid()
        self.host = hostname()
        self.locked_draft: Path | None = None
        self._journal: JournalWriter | None = None
        self._disk: tuple[Path, str | None] | None = None  # the draft file and its hash as last read/written
        _LIVE_SESSIONS.add(self.id)

    @property
    def autosave_file(self) -> Path:
        return autosave_dir() / f"{self.id}{AUTOSAVE_SUFFIX}"

    @property
    def journal_file(self) -> Path:
        return autosave_dir() / f"{self.id}{JOURNAL_SUFFIX}"

    # ---- journal and autosave ---------------------------------------------------------

    def start_journal(self, draft_path: Path | str | None, title: str) -> None:
        """A draft was opened in this session: later journal records apply to it."""
        if self._journal is not None:
            self._journal.close(delete=True)
        base_sha = self._disk[1] if self._disk is not None and draft_path and self._disk[0] == Path(draft_path) else ""
        header = {
            "format": "baogao-journal",
            "session": self.id,
            "pid": self.pid,
            "host": self.host,
            "draft_path": str(draft_path) if draft_path else "",
            "base_sha256": base_sha or "",
            "title": title,
        }
        self._journal = JournalWriter(self.journal_file, header)

    def journal(self, records: list[dict[str, Any]]) -> None:
        """Append edits to the journal; raises core.base.errors.SaveFailed if the data folder fails."""
        if self._journal is None or not records:
            return
        try:
            self._journal.append(records)
        except OSError as exc:
            from core.base.errors import SaveFailed

            raise SaveFailed(self.journal_file, exc.strerror or str(exc)) from exc

    def journal_size(self) -> int:
        return self._journal.size if self._journal is not None else 0

    def autosave(self, report: Report, draft_path: Path | str | None) -> Path:
        """Write the current state; raises core.base.errors.SaveFailed if the data folder fails."""
        from core.base.atomic import atomic_write_text
        from core.draft.draft_file import dumps

        payload = {
            "format": AUTOSAVE_FORMAT,
            "version": AUTOSAVE_VERSION,
            "session": self.id,
            "pid": self.pid,
            "host": self.host,
            "draft_path": str(draft_path) if draft_path else "",
            "saved_at": _now(),
            # Journal records up to this one are in this file (the journal is emptied next).
            "journal_seq": self._journal.seq if self._journal is not None else -1,
            "draft": json.loads(dumps(report)),
        }
        atomic_write_text(self.autosave_file, json.dumps(payload, ensure_ascii=False) + "\n")
        if self._journal is not None:
            self._journal.reset()
        return self.autosave_file

    def discard_autosave(self) -> None:
        """The draft is safe elsewhere (saved, or deliberately discarded)."""
        if self._journal is not None:
            self._journal.reset()
        with contextlib.suppress(FileNotFoundError):
            self.autosave_file.unlink()

    # ---- what is on disk --------------------------------------------------------------

    def remember_disk(self, draft_path: Path | str, sha256: str | None) -> None:
        """The draft file as this session last read or wrote it (the journal's new base)."""
        self._disk = (Path(draft_path), sha256)
        if self._journal is not None:
            self._journal.header.update(draft_path=str(draft_path), base_sha256=sha256 or "")

    def changed_on_disk(self, draft_path: Path | str) -> bool:
        """Whether the file differs from what this session last read or wrote (a missing file
        has nothing to overwrite, so it counts as unchanged)."""
        if self._disk is None or self._disk[0] != Path(draft_path):
            return False
        now = file_sha256(draft_path)
        return now is not None and now != self._disk[1]

    # ---- lock -------------------------------------------------------------------------

    def lock_holder(self, draft_path: Path | str) -> LockInfo | None:
        """Another live session that has this draft open, or None."""
        info = read_lock(draft_path)
        if info is None or info.session_id == self.id:
            return None
        return None if _owner_gone(info.pid, info.host, info.session_id) else info

    def lock(self, draft_path: Path | str) -> LockInfo | None:
        """Take the lock on ``draft_path`` (releasing any other draft this session held).

        Returns None when this session holds it now, else the live session that does.
        """
        target = Path(draft_path).resolve()
        if self.locked_draft is not None and self.locked_draft != target:
            self.unlock()
        holder = take_lock(
            target, self.id, self.pid, self.host, lambda i: _owner_gone(i.pid, i.host, i.session_id)
        )
        self.locked_draft = target if holder is None else None
        return holder

    def unlock(self) -> None:
        if self.locked_draft is None:
            return
        release_lock(self.locked_draft, self.id)
        self.locked_draft = None

    def close(self) -> None:
        """A clean end: no autosave or journal left to recover, no lock left behind."""
        self.discard_autosave()
        if self._journal is not None:
            self._journal.close(delete=True)
            self._journal = None
        self.unlock()
        _LIVE_SESSIONS.discard(self.id)


__all__ = [
    "Autosave",
    "LockInfo",
    "Session",
    "clean_stale_files",
    "discard_autosave",
    "file_sha256",
    "find_recoverable",
    "lock_dir",
    "lock_file_for",
    "pid_alive",
    "read_lock",
]
