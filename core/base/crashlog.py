"""Crash logs in the per-user log folder, shared by the CLI and the GUI."""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from pathlib import Path

from core.base.paths import log_dir


def format_details(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    header = f"报告起草助手 {dt.datetime.now().isoformat(timespec='seconds')}\n"
    header += f"Python {sys.version.split()[0]} / {platform.platform()}\n\n"
    return header + "".join(lines)


def write_crash_log(exc: BaseException) -> Path:
    """Append the traceback to today's log; return the log path (best effort)."""
    path = log_dir() / f"error-{dt.date.today().isoformat()}.log"
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(format_details(exc) + "\n" + "-" * 60 + "\n")
    except OSError:
        pass
    return path
