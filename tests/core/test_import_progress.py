"""Import tells how far it is (core.base.progress: parts, fractions of the whole, labels) and
stops on the clerk's 取消 at the next step — during a LibreOffice conversion at once, the
converter and its child killed and its temporary folder (copy, output, profile) gone."""

from __future__ import annotations

import io
import stat
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from core.base.errors import Cancelled
from core.base.progress import Progress
from core.importing.importer import import_document
from core.office import libreoffice
from tests.core.hostile_support import run_cli
from tests.docx_builders import write_long_report_docx

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a POSIX shell script")


def _heard(cancelled: Callable[[], bool] | None = None) -> tuple[list[tuple[float, str]], Progress]:
    """What a listener hears: (fraction, label), the label marked "（?）" in a part that cannot
    tell how far it is."""
    heard: list[tuple[float, str]] = []

    def listen(fraction: float, label: str, measured: bool) -> None:
        heard.append((fraction, label if measured else label + "（?）"))

    return heard, Progress(listen, cancelled)


def test_parts_map_onto_the_whole_and_never_go_back() -> None:
    heard, whole = _heard()
    reading = whole.part(0.0, 0.5, "读")
    reading.update(1, 4)
    reading.update(2, 4)
    reading.update(1, 4)  # a part that goes back is not shown going back
    parsing = whole.part(0.5, 1.0, "析")
    inner = parsing.part(0.5, 1.0)  # the second half of 析: 0.75–1.0 of the whole
    inner.update(1, 2)
    inner.update(2, 2)
    assert heard == [
        (0.0, "读"), (0.125, "读"), (0.25, "读"), (0.5, "析"), (0.75, "析"), (0.875, "析"), (1.0, "析"),
    ]


def test_steps_smaller_than_a_thousandth_are_not_told() -> None:
    heard, whole = _heard()
    for done in range(100_000):
        whole.update(done, 100_000)
    assert len(heard) == 1000  # 0.000 … 0.999, each once
    assert heard[-1] == (0.999, "")


def test_cancel_stops_the_next_step() -> None:
    stop = threading.Event()
    whole = Progress(cancelled=stop.is_set)
    whole.update(1, 2)
    stop.set()
    with pytest.raises(Cancelled):
        whole.update(2, 2)
    with pytest.raises(Cancelled):
        whole.part(0.5, 1.0)


def test_a_long_import_reports_every_stage_with_fractions_that_move(tmp_path: Path) -> None:
    path = write_long_report_docx(tmp_path / "长报告.docx", 60, 200)  # 12,061 paragraphs
    heard, whole = _heard()
    result = import_document(path, progress=whole)
    assert len(result.report.sections) == 60
    fractions = [fraction for fraction, _ in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    stages = list(dict.fromkeys(label for _, label in heard if label))
    assert stages == [
        "正在读取“长报告.docx”…",
        "正在打开“长报告.docx”…",
        "正在读取“长报告.docx”的段落…",
        "正在检查“长报告.docx”的文字…",
        "正在整理“长报告.docx”的段落…",
        "正在识别“长报告.docx”的提纲…",
        "正在识别类型、年度和单位…",
        "正在检查“长报告.docx”的内容…",
    ]
    reading = [f for f, label in heard if label == "正在读取“长报告.docx”的段落…"]
    # 12,061 body paragraphs told every 256: 48 steps over 0.1–1.0 of 0–0.9 of 0–0.55 of the
    # whole (0.0495–0.495), the last at 12,032 of 12,061 (0.4939).
    assert len(reading) == 48 and reading[0] == 0.049 and reading[-1] == 0.493
    outline = [f for f, label in heard if label == "正在识别“长报告.docx”的提纲…"]
    assert len(outline) >= 20 and 0.6 <= outline[0] < outline[-1] < 0.8


def test_cancel_part_way_through_reading_stops_the_import(tmp_path: Path) -> None:
    path = write_long_report_docx(tmp_path / "长报告.docx", 60, 200)
    stop = threading.Event()
    heard: list[float] = []

    def listen(fraction: float, _label: str, _measured: bool) -> None:
        heard.append(fraction)
        if fraction >= 0.3:
            stop.set()  # the clerk presses 取消 while the paragraphs are read

    with pytest.raises(Cancelled):
        import_document(path, progress=Progress(listen, stop.is_set))
    assert 0.3 <= heard[-1] < 0.495  # stopped within reading, before parsing began


def _slow_soffice(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for soffice that starts a child (soffice.bin in real life) and waits for it."""
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{pid_file}.part' && mv '{pid_file}.part' '{pid_file}'\nwait\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return fake, pid_file


def _gone(pid: int) -> bool:
    """Killed: at most a zombie nobody has reaped yet. (Polled while the kernel finishes the
    kill; not a measure of speed.)"""
    for _ in range(1200):
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        threading.Event().wait(0.05)
    return False


@posix_only
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf"])
def test_cancel_during_a_conversion_kills_libreoffice_and_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    fake, pid_file = _slow_soffice(tmp_path)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    header = b"{\\rtf1\\ansi " if suffix == ".rtf" else b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    source = tmp_path / f"上年报告{suffix}"
    source.write_bytes(header + bytes(4096))
    heard, progress = _heard(cancelled=pid_file.exists)  # 取消 once LibreOffice's child runs
    with pytest.raises(Cancelled):
        import_document(source, progress=progress)
    assert heard[-1] == (0.0, f"正在用 LibreOffice 转换“上年报告{suffix}”…（?）")
    assert _gone(int(pid_file.read_text())), "LibreOffice's child outlived the cancel"
    assert list(temp.iterdir()) == []  # no copy, no output, no profile
    assert not libreoffice._RUNNING


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_terminal_shows_what_is_done_and_how_far_and_nothing_in_a_pipe() -> None:
    from cli.progress import terminal_steps

    screen = _Terminal()
    with terminal_steps(screen) as progress:
        assert progress is not None
        reading = progress.part(0.0, 0.5, "正在读取…")
        reading.update(1, 2)  # within a fifth of a second of the last line: not redrawn
        converting = progress.part(0.5, 1.0, "正在用 LibreOffice 转换…", measured=False)
        converting.finished()  # the end is always drawn
    assert screen.getvalue() == (
        "\r\033[K正在读取…   0%"
        "\r\033[K正在用 LibreOffice 转换…（请稍候）"
        "\r\033[K正在用 LibreOffice 转换…（请稍候）"
        "\r\033[K"
    )
    with terminal_steps(io.StringIO()) as progress:
        assert progress is None


def test_cli_import_and_render_write_no_progress_into_a_pipe(tmp_path: Path) -> None:
    path = write_long_report_docx(tmp_path / "长报告.docx", 10, 20)
    imported = run_cli("import", path)
    assert imported.code == 0, imported.err
    assert "\r" not in imported.err and "%" not in imported.err
    rendered = run_cli("render", path, "-o", tmp_path / "报告.docx")
    assert rendered.code == 0, rendered.err
    assert "\r" not in rendered.err and "%" not in rendered.err and (tmp_path / "报告.docx").is_file()
