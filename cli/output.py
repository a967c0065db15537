"""Writing to standard output when the reader may go away (``python main.py review … | head -1``)."""

from __future__ import annotations

import contextlib
import os
import sys


def quiet_closed_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush on exit
    does not fail again on the closed pipe and print a complaint."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
