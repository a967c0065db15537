"""One writer per draft: lock files in ``data_dir()/locks/``.

Taking a lock is atomic: the lock's content is written to a temp file which is then
hard-linked to the lock's name, and linking fails when the name exists — so of two
windows opening a draft at the same instant exactly one succeeds, and nobody ever reads
a half-written lock. A lock whose process is gone (same machine, pid no longer running,
or a session of this process that has closed) is stale and is broken by renaming it away
first, so two windows breaking the same stale lock cannot both win.

The folder is per user, which is where the "two windows" problem happens; a shared
network folder is not covered (the draft's hash check before saving still is).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.base.atomic import TEMP_SUFFIX, temp_prefix
from core.base.paths import data_dir

LOCK_SUFFIX = ".lock"
UNREADABLE_GRACE_SECONDS = 5.0  # a lock being created without link support may be empty briefly


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    session_id: str
    since: str
    draft_path: str


def lock_dir() -> Path:
    path = data_dir() / "locks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def draft_key(draft_path: Path | str) -> str:
    """A stable name for a draft file (locks, history), whatever folder it is in."""
    resolved = os.path.normcase(str(Path(draft_path).resolve()))
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:20]


def lock_file_for(draft_path: Path | str) -> Path:
    return lock_dir() / f"{draft_key(draft_path)}{LOCK_SUFFIX}"


def _parse(file: Path) -> LockInfo | None:
    try:
        data: Any = json.loads(file.read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data.get("host", "")),
            session_id=str(data["session"]),
            since=str(data.get("since", "")),
            draft_path=str(data.get("draft_path", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def read_lock(draft_path: Path | str) -> LockInfo | None:
    return _parse(lock_file_for(draft_path))


def _create_exclusive(lock_file: Path, content: bytes) -> bool:
    """Create ``lock_file`` with ``content`` unless it exists; True when created."""
    tmp = lock_file.with_name(f"{temp_prefix(lock_file)}{os.urandom(4).hex()}{TEMP_SUFFIX}")
    try:
        with open(tmp, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, lock_file)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links here: O_CREAT|O_EXCL is atomic too, only not its content
        try:
            fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _break_stale(lock_file: Path, stale: LockInfo | None) -> None:
    """Remove a stale lock; if a live lock replaced it meanwhile, put that one back."""
    aside = lock_file.with_name(f".{lock_file.name}.stale-{os.urandom(4).hex()}")
    try:
        os.replace(lock_file, aside)
    except OSError:
        return  # already gone: someone else broke it
    taken = _parse(aside)
    if stale is not None and taken is not None and taken.session_id != stale.session_id:
        with contextlib.suppress(OSError):
            os.link(aside, lock_file)  # fails if a third session took it: then that one holds it
    with contextlib.suppress(OSError):
        aside.unlink()


def take_lock(
    draft_path: Path, session_id: str, pid: int, host: str, owner_gone: Callable[[LockInfo], bool]
) -> LockInfo | None:
    """Take the lock for this session; return the holder instead when another live one has it."""
    lock_file = lock_file_for(draft_path)
    payload = {
        "pid": pid,
        "host": host,
        "session": session_id,
        "since": dt.datetime.now().isoformat(timespec="seconds"),
        "draft_path": str(draft_path),
    }
    content = (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")
    for _attempt in range(5):
        if _create_exclusive(lock_file, content):
            return None
        info = _parse(lock_file)
        if info is not None and info.session_id == session_id:
            return None
        if info is None:
            try:
                age = dt.datetime.now().timestamp() - lock_file.stat().st_mtime
            except OSError:
                continue  # vanished: try again
            if age < UNREADABLE_GRACE_SECONDS:
                return LockInfo(0, "", "", "", str(draft_path))
        elif not owner_gone(info):
            return info
        _break_stale(lock_file, info)
    return _parse(lock_file) or LockInfo(0, "", "", "", str(draft_path))


def release_lock(draft_path: Path, session_id: str) -> None:
    """Remove the lock if (and only if) this session holds it."""
    info = read_lock(draft_path)
    if info is not None and info.session_id == session_id:
        with contextlib.suppress(FileNotFoundError):
            lock_file_for(draft_path).unlink()


__all__ = ["LockInfo", "draft_key", "lock_dir", "lock_file_for", "read_lock", "release_lock", "take_lock"]
