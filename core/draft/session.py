"""Never lose work: autosave files, crash recovery and draft lock files.

An editing *session* (one window) writes its draft to
``data_dir()/autosave/<session>.autosave.json`` a few seconds after each edit. A clean
close deletes it; a crash or kill leaves it behind, and the next start finds it with
:func:`find_recoverable` because the process that wrote it is gone.

A *lock* in ``data_dir()/locks/`` records which live session has a draft file open, so a
second window can warn before two people (or one person twice) edit the same draft.
Locks of dead processes are stale and ignored. The folders are per user, which is where
the "two windows" problem happens; a shared network folder is not covered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.base.paths import data_dir

if TYPE_CHECKING:
    from core.draft.model import Report

# The app creates a Session while its window opens; what writing needs (tempfile, the
# draft format, hashing) is imported when first used, to keep that start fast.

AUTOSAVE_FORMAT = "baogao-autosave"
AUTOSAVE_VERSION = 1
AUTOSAVE_SUFFIX = ".autosave.json"
LOCK_SUFFIX = ".lock"

# Sessions alive in this process; an autosave of this pid from another session is an orphan.
_LIVE_SESSIONS: set[str] = set()


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


def lock_dir() -> Path:
    path = data_dir() / "locks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def hostname() -> str:
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    name = os.environ.get("COMPUTERNAME")
    if name:
        return name
    import socket

    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (zombies count as dead)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    try:
        # "pid (name) S ..." — the state letter follows the last ")".
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): kill(0) succeeding is the best evidence we have


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


@dataclass(frozen=True)
class Autosave:
    """An autosave file found on disk."""

    file: Path
    session_id: str
    pid: int
    host: str
    draft_path: str  # "" when the draft had never been saved
    saved_at: str  # ISO timestamp
    title: str

    def load(self) -> Report:
        """Raises core.base.errors.DraftFileError when the file is damaged."""
        from core.draft.draft_file import loads

        payload = json.loads(self.file.read_text(encoding="utf-8"))
        return loads(json.dumps(payload["draft"], ensure_ascii=False), self.file)

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


def _owner_gone(pid: int, host: str, session_id: str) -> bool:
    if host and host != hostname():
        return False  # cannot tell whether a process on another machine runs; assume it does
    if pid == os.getpid():
        return session_id not in _LIVE_SESSIONS
    return not pid_alive(pid)


def find_recoverable() -> list[Autosave]:
    """Autosaves left behind by sessions that ended without closing, newest first."""
    found = []
    for file in autosave_dir().glob(f"*{AUTOSAVE_SUFFIX}"):
        info = _read_autosave(file)
        if info is not None and _owner_gone(info.pid, info.host, info.session_id):
            found.append(info)
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


def discard_autosave(autosave: Autosave) -> None:
    with contextlib.suppress(FileNotFoundError):
        autosave.file.unlink()


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    session_id: str
    since: str
    draft_path: str


def _key(draft_path: Path | str) -> str:
    import hashlib

    resolved = os.path.normcase(str(Path(draft_path).resolve()))
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:20]


def lock_file_for(draft_path: Path | str) -> Path:
    return lock_dir() / f"{_key(draft_path)}{LOCK_SUFFIX}"


def read_lock(draft_path: Path | str) -> LockInfo | None:
    try:
        data: Any = json.loads(lock_file_for(draft_path).read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data.get("host", "")),
            session_id=str(data["session"]),
            since=str(data.get("since", "")),
            draft_path=str(data.get("draft_path", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


class Session:
    """One window's editing session: its autosave file and the lock on its draft."""

    def __init__(self) -> None:
        self.id = os.urandom(6).hex()
        self.pid = os.getpid()
        self.host = hostname()
        self.locked_draft: Path | None = None
        _LIVE_SESSIONS.add(self.id)

    @property
    def autosave_file(self) -> Path:
        return autosave_dir() / f"{self.id}{AUTOSAVE_SUFFIX}"

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
            "draft": json.loads(dumps(report)),
        }
        atomic_write_text(self.autosave_file, json.dumps(payload, ensure_ascii=False) + "\n")
        return self.autosave_file

    def discard_autosave(self) -> None:
        """The draft is safe elsewhere (saved, or deliberately discarded)."""
        with contextlib.suppress(FileNotFoundError):
            self.autosave_file.unlink()

    def lock_holder(self, draft_path: Path | str) -> LockInfo | None:
        """Another live session that has this draft open, or None."""
        info = read_lock(draft_path)
        if info is None or info.session_id == self.id:
            return None
        return None if _owner_gone(info.pid, info.host, info.session_id) else info

    def lock(self, draft_path: Path | str) -> None:
        """Take the lock on ``draft_path`` (releasing any other draft this session held)."""
        from core.base.atomic import atomic_write_text

        target = Path(draft_path).resolve()
        if self.locked_draft is not None and self.locked_draft != target:
            self.unlock()
        payload = {
            "pid": self.pid,
            "host": self.host,
            "session": self.id,
            "since": _now(),
            "draft_path": str(target),
        }
        atomic_write_text(lock_file_for(target), json.dumps(payload, ensure_ascii=False) + "\n")
        self.locked_draft = target

    def unlock(self) -> None:
        if self.locked_draft is None:
            return
        info = read_lock(self.locked_draft)
        if info is not None and info.session_id == self.id:
            with contextlib.suppress(FileNotFoundError):
                lock_file_for(self.locked_draft).unlink()
        self.locked_draft = None

    def close(self) -> None:
        """A clean end: no autosave left to recover, no lock left behind."""
        self.discard_autosave()
        self.unlock()
        _LIVE_SESSIONS.discard(self.id)


__all__ = [
    "Autosave",
    "LockInfo",
    "Session",
    "discard_autosave",
    "find_recoverable",
    "lock_file_for",
    "pid_alive",
    "read_lock",
]
