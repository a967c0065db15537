"""An export tells how far it is (core.base.progress): the context, the template's loop over
the paragraphs, the fix-ups, packaging, writing; LibreOffice's part is told as one that cannot
say how far it is. The clerk's 取消 through the same object stops it with nothing written."""

from __future__ import annotations

import stat
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from core.base.errors import Cancelled
from core.base.progress import Progress
from core.draft.model import Report
from core.importing.importer import import_document
from core.office import libreoffice
from core.render.export import export_report
from tests.core.gongwen_samples import imprinted_report
from tests.docx_builders import write_long_report_docx


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = write_long_report_docx(tmp_path_factory.mktemp("long") / "长报告.docx", 60, 200)
    return import_document(path).report  # 60 sections, 12,000 body paragraphs


class Heard:
    """What a listener hears: (fraction, label), "（?）" after a label that cannot say how far."""

    def __init__(self, stop_when: float | None = None) -> None:
        self.heard: list[tuple[float, str]] = []
        self.stop = threading.Event()
        self._stop_when = stop_when
        self.progress = Progress(self.listen, self.stop.is_set)

    def listen(self, fraction: float, label: str, measured: bool) -> None:
        self.heard.append((fraction, label if measured else label + "（?）"))
        if self._stop_when is not None and fraction >= self._stop_when:
            self.stop.set()

    def stages(self) -> list[str]:
        return list(dict.fromkeys(label for _, label in self.heard if label))

    def fractions(self, label: str) -> list[float]:
        return [fraction for fraction, told in self.heard if told == label]


def test_a_word_export_reports_each_stage_and_the_template_paragraph_by_paragraph(
    long_report: Report, tmp_path: Path
) -> None:
    target = tmp_path / "报告.docx"
    told = Heard()
    export_report(long_report, target, None, fonts=None, progress=told.progress)
    assert target.is_file()
    fractions = [fraction for fraction, _ in told.heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert told.stages() == [
        "正在准备报告内容…",
        "正在套用模板写出各段…",
        "正在排版（字体、标点、落款、表格）…",
        "正在打包 Word 文档…",
        "正在写入“报告.docx”…",
    ]
    # 12,000+ paragraphs told every 256, over the loop's share: 0.1–0.6 of 0–0.95, its first 0.7.
    loop = told.fractions("正在套用模板写出各段…")
    assert len(loop) >= 40 and loop[0] == 0.095 and loop[-1] <= 0.4275


def test_cancel_within_the_template_writes_nothing(long_report: Report, tmp_path: Path) -> None:
    folder = tmp_path / "导出"
    folder.mkdir()
    told = Heard(stop_when=0.2)  # the clerk presses 取消 while the template writes the paragraphs
    with pytest.raises(Cancelled):
        export_report(long_report, folder / "报告.docx", None, fonts=None, progress=told.progress)
    assert told.heard[-1][1] == "正在套用模板写出各段…" and told.heard[-1][0] < 0.4275
    assert list(folder.iterdir()) == []  # no file, no temporary file


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in for soffice is a POSIX shell script")
@pytest.mark.parametrize("while_rendering", [False, True], ids=["while_laying_out", "while_rendering"])
def test_libreoffice_is_told_as_busy_and_its_cancel_kills_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, while_rendering: bool
) -> None:
    """LibreOffice starts before the rendering (core.render.imprint_fit): 取消 during either
    kills it, and leaves no file."""
    from core.render import imprint_fit

    pid_file = tmp_path / "child.pid"
    # LibreOffice that would take five minutes; its child's pid written whole, then renamed, so that
    # the file is never seen empty (the shell creates it before the number is written).
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{pid_file}.part' && mv '{pid_file}.part' '{pid_file}'\nwait\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    if while_rendering:
        made_placer = imprint_fit.placer

        def placer_once_libreoffice_runs(*args: object, **kwargs: object) -> object:
            while not pid_file.exists():  # LibreOffice's child is running before the rendering ends
                time.sleep(0.01)
            return made_placer(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(imprint_fit, "placer", placer_once_libreoffice_runs)
    folder = tmp_path / "导出"
    folder.mkdir()
    told = Heard()
    laying_out = "正在用 LibreOffice 排版（定版记的位置）…（?）"

    def cancelled() -> bool:  # 取消 once LibreOffice's child runs (and, if so chosen, is told as busy)
        return pid_file.exists() and (while_rendering or (bool(told.heard) and told.heard[-1][1] == laying_out))

    told.progress = Progress(told.listen, cancelled)
    with pytest.raises(Cancelled):
        export_report(imprinted_report(), folder / "报告.pdf", None, progress=told.progress)
    if while_rendering:
        assert all(label != laying_out for _, label in told.heard)
    else:
        assert told.heard[-1] == (0.2, laying_out)  # 0.5 of 0–0.4
    child = int(pid_file.read_text())
    for _ in range(1200):  # the kernel finishing the kill; not a measure of speed
        if not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.05)
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE
    assert list(folder.iterdir()) == []
    assert not libreoffice._RUNNING


def test_a_cancel_that_comes_as_the_file_is_written_does_not_undo_it(long_report: Report, tmp_path: Path) -> None:
    """取消 pressed while the file is being written: the export is done, and says so."""
    target = tmp_path / "报告.docx"
    told = Heard()

    def listen(fraction: float, label: str, measured: bool) -> None:
        told.listen(fraction, label, measured)
        if label.startswith("正在写入"):
            told.stop.set()

    warnings = export_report(long_report, target, None, fonts=None, progress=Progress(listen, told.stop.is_set))
    assert target.is_file() and isinstance(warnings, list)
    assert told.heard[-1] == (1.0, "正在写入“报告.docx”…")
