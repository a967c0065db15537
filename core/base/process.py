"""Which machine and process wrote a file: used to tell live owners from dead ones.

Autosaves, journals, locks and temp files name the process that made them; after a crash
that process is gone, so what it left can be recovered or cleaned up.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path


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


def host_tag() -> str:
    """A short, file-name-safe tag of this machine (temp files on a shared folder)."""
    return hashlib.sha1(hostname().encode("utf-8")).hexdigest()[:6]
