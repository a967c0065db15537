"""Atomic file writes: a temp file in the target folder, fsync, then os.replace.

A reader never sees a half-written file, and a failed write leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from core.base.errors import SaveFailed


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限，或文件正被 Word/WPS 等程序打开。请关闭该文件或另选保存位置。"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足。请清理磁盘或另选保存位置。"
    if exc.errno == errno.ENOENT:
        return "保存位置不存在。请另选保存位置。"
    if exc.errno == errno.EROFS:
        return "保存位置是只读的。请另选保存位置。"
    return f"写入失败（{exc.strerror or exc}）。请另选保存位置。"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raise SaveFailed in Chinese on any OS error."""
    target = Path(path)
    tmp_name: str | None = None
    try:
        # A file marked read-only is the clerk's decision; honour it even for root,
        # who would otherwise be allowed to replace it.
        if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "read-only", str(target))
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes owner-only files; keep the old file's mode, or follow the umask.
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise SaveFailed(target, _reason(exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))
