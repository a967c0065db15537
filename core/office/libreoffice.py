"""Older formats (.doc, .wps, .rtf, .odt) converted to .docx by LibreOffice, then read.

The conversion runs ``soffice --headless --convert-to docx`` on a copy of the file in a
private temporary folder, with its own throw-away LibreOffice profile: a LibreOffice the
clerk has open (or a stale lock in the normal profile) would otherwise swallow the
request or block it. The profile and, on Linux, a network namespace keep the
conversion offline (see :mod:`core.office.offline`). A hung conversion is killed after ``CONVERT_TIMEOUT_S`` seconds,
together with the soffice.bin child the launcher starts.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from core.base import file_messages
from core.base.errors import ImportFailed, stop_if_cancelled
from core.base.progress import Progress, progress_or_none
from core.office.formats import legacy_kind_name
from core.office.offline import (
    drop_cached_profile,
    keep_warm_profile,
    network_isolation_prefix,
    prepare_offline_profile,
    prepare_profile,
)

T = TypeVar("T")

CONVERT_TIMEOUT_S = 60.0
_POLL_S = 0.05  # how soon a cancelled conversion stops
_RUNNING: set[subprocess.Popen[bytes]] = set()
_RUNNING_LOCK = threading.Lock()

_WINDOWS_CANDIDATES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice"
    / "program"
    / "soffice.exe",
)
_LINUX_CANDIDATES = (
    Path("/usr/bin/soffice"),
    Path("/usr/lib/libreoffice/program/soffice"),
    Path("/opt/libreoffice/program/soffice"),
)


def find_soffice() -> str | None:
    """The LibreOffice command line program, if installed (PATH first, then usual places)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = _WINDOWS_CANDIDATES if sys.platform == "win32" else _LINUX_CANDIDATES
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return None


# Of a converted file's reading: LibreOffice's share (it says nothing of how far it is: an
# unmeasured part, shown as busy) and then reading its .docx.
CONVERTING_SHARE = 0.6


def read_converted(
    path: Path, suffix: str, read_docx: Callable[[Path, Path, Progress], T], progress: Progress | None = None
) -> T:
    """Convert ``path`` to .docx and read it with ``read_docx(converted, original, progress)``.

    ``suffix`` names the format in messages (a .doc renamed .docx is still "a .doc").
    The clerk's 取消 (``progress``) kills LibreOffice and what it started at once; the
    temporary folder (the copy, the output, the profile) goes with it.
    """
    steps = progress_or_none(progress)
    kind = legacy_kind_name(suffix)
    soffice = find_soffice()
    if soffice is None:
        raise ImportFailed(path, file_messages.LEGACY_NO_CONVERTER.format(kind=kind))
    with tempfile.TemporaryDirectory(prefix="baogao-convert-") as folder:
        work = Path(folder)
        # A plain ASCII copy: no quoting trouble with Chinese names, spaces or a leading "-".
        source = work / f"source{suffix}"
        try:
            shutil.copyfile(path, source)
            out_dir = work / "out"
            out_dir.mkdir()
            prepare_offline_profile(work / "profile")
        except OSError as exc:
            raise ImportFailed(path, file_messages.temp_write_failed(exc)) from exc
        converting = steps.part(0.0, CONVERTING_SHARE, f"正在用 LibreOffice 转换“{path.name}”…", measured=False)
        _run_soffice(path, kind, soffice, source, out_dir, work / "profile", converting.cancelled)
        converted = out_dir / "source.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise ImportFailed(path, file_messages.LEGACY_FAILED.format(kind=kind))
        return read_docx(converted, path, steps.part(CONVERTING_SHARE, 1.0))


def _run_soffice(
    path: Path, kind: str, soffice: str, source: Path, out_dir: Path, profile: Path,
    cancelled: Callable[[], bool] | None,
) -> None:
    try:
        convert_with_soffice(
            soffice, source, out_dir, profile, "docx:MS Word 2007 XML", CONVERT_TIMEOUT_S, cancelled
        )
    except OSError as exc:
        raise ImportFailed(
            path, file_messages.LEGACY_START_FAILED.format(detail=exc.strerror or exc, kind=kind)
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise ImportFailed(
            path, file_messages.LEGACY_TIMEOUT.format(kind=kind, seconds=round(CONVERT_TIMEOUT_S))
        ) from exc


def convert_with_soffice(
    soffice: str,
    source: Path,
    out_dir: Path,
    profile: Path,
    target: str,
    timeout: float,
    cancelled: Callable[[], bool] | None = None,
    warm: bool = False,
) -> None:
    """``soffice --headless --convert-to TARGET`` with a private profile and a time limit.

    Raises OSError when LibreOffice cannot start, subprocess.TimeoutExpired when it takes
    longer than ``timeout`` seconds and Cancelled when ``cancelled()`` turns true (both after
    killing it and what it started). ``warm``: see :func:`start_soffice`.
    """
    finish_soffice(start_soffice(soffice, [source], out_dir, profile, target, warm), timeout, cancelled)


@dataclass(frozen=True)
class SofficeRun:
    """A conversion under way: the process, and the profile folder it runs in."""

    process: subprocess.Popen[bytes]
    profile: Path
    warm: bool


def start_soffice(
    soffice: str, sources: Sequence[Path], out_dir: Path, profile: Path, target: str, warm: bool = False
) -> SofficeRun:
    """Start converting ``sources`` (one LibreOffice start for all) and return at once.

    A profile folder not yet made is seeded with the offline settings — with ``warm`` (the
    app's own documents only) from a copy of one an earlier conversion set up; the process
    runs without network where the system allows (core.office.offline). Pass
    the run to :func:`finish_soffice`.
    """
    if not (profile / "user").is_dir():
        prepare_profile(profile, warm)
    command = [
        *network_isolation_prefix(),
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        *map(str, sources),
    ]
    popen_options: dict[str, object] = {}
    if sys.platform == "win32":
        popen_options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(
            subprocess, "CREATE_NO_WINDOW", 0
        )
    else:
        popen_options["start_new_session"] = True  # so the whole group can be killed
    process = subprocess.Popen(  # a fixed argument list, no shell
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **popen_options,  # type: ignore[arg-type]
    )
    with _RUNNING_LOCK:
        _RUNNING.add(process)
    return SofficeRun(process, profile, warm)


def finish_soffice(run: SofficeRun, timeout: float, cancelled: Callable[[], bool] | None = None) -> None:
    """Wait for a conversion :func:`start_soffice` began; on any way out but its own end
    (time limit: subprocess.TimeoutExpired, the clerk: Cancelled, an error) LibreOffice and
    what it started are killed, so no soffice outlives the work it was started for."""
    deadline = time.monotonic() + timeout
    descriptor = _process_descriptor(run.process)
    try:
        while True:
            try:
                _wait_for_exit(run.process, descriptor, min(_POLL_S, max(deadline - time.monotonic(), 0.0)))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    raise
                stop_if_cancelled(cancelled)
    finally:
        if descriptor is not None:
            os.close(descriptor)
        stop_soffice(run)
    if run.warm and run.process.returncode == 0:
        keep_warm_profile(run.profile)
    elif run.warm and run.process.returncode > 0:  # failed on its own (not killed): maybe the profile
        drop_cached_profile()


def _process_descriptor(process: subprocess.Popen[bytes]) -> int | None:
    """A descriptor that becomes readable when ``process`` ends (Linux pidfd); None elsewhere."""
    opened = getattr(os, "pidfd_open", None)
    if opened is None:
        return None
    try:
        return int(opened(process.pid))
    except OSError:  # an older kernel
        return None


def _wait_for_exit(process: subprocess.Popen[bytes], descriptor: int | None, seconds: float) -> None:
    """Return once ``process`` has ended, or raise TimeoutExpired after ``seconds``.

    Popen.wait with a time limit sleeps in growing steps and notices the end up to 20 ms
    late, on every export with a 版记 (issue 28 point 3); with the process's descriptor the
    wait wakes the moment it ends."""
    if descriptor is None:
        process.wait(timeout=seconds)
        return
    if process.returncode is None and not select.select([descriptor], [], [], seconds)[0]:
        raise subprocess.TimeoutExpired(process.args, seconds)
    process.wait()  # it has ended: reaped at once


def stop_soffice(run: SofficeRun) -> None:
    """Kill a conversion :func:`start_soffice` began (the work it was for is abandoned)."""
    try:
        if run.process.returncode is None:
            _kill_tree(run.process)
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(run.process)


@atexit.register
def _stop_running_conversions() -> None:
    """The app is ending while a conversion runs (a worker thread is not waited for)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for process in running:
        if process.returncode is None:
            _kill_tree(process)


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill the launcher and what it started (oosplash starts soffice.bin)."""
    if sys.platform != "win32":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    process.kill()
    process.wait()
