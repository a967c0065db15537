"""Adding a long document to 资料库 reports progress while cutting its words and can be
cancelled part-way with nothing stored; the terminal shows the same progress only on a TTY."""

from __future__ import annotations

import io
from pathlib import Path

from core.library.bulk import READING_SHARE, add_files
from core.library.records import FILES_DIR_NAME, UNITS_PER_STEP
from core.library.store import Library
from tests.core.hostile_support import run_cli


def _long_text(path: Path, paragraphs: int) -> Path:
    path.write_text("\n".join(f"第{i}段。加强组织领导，压实工作责任，推进各项任务落实。" for i in range(paragraphs)), encoding="utf-8")
    return path


def test_bulk_add_reports_progress_within_a_file_and_cancel_stores_nothing(tmp_path: Path) -> None:
    source = _long_text(tmp_path / "长.txt", 3 * UNITS_PER_STEP)
    library = Library(tmp_path / "资料库")
    heard: list[float] = []

    def progress(done: float, total: int, name: str) -> None:
        assert (total, name) == (1, "长.txt")
        heard.append(done)

    # 取消 once the cutting has reported its second step.
    result = add_files(library, [source], progress=progress, cancelled=lambda: len(heard) >= 3)
    assert result.cancelled and result.added == [] and result.failed == []
    assert result.summary() == "已取消；新增 0 份。"
    # File start, then the cutting at its first two steps: reading is the first tenth.
    assert heard[0] == 0 and heard[1] == READING_SHARE
    assert 0.1 < heard[2] < 1
    assert library.documents() == []
    assert not (library.folder / FILES_DIR_NAME).exists()


def test_bulk_add_runs_to_the_end_without_cancel(tmp_path: Path) -> None:
    source = _long_text(tmp_path / "长.txt", 3 * UNITS_PER_STEP)
    library = Library(tmp_path / "资料库")
    heard: list[float] = []
    result = add_files(library, [source], progress=lambda done, total, name: heard.append(done))
    assert result.added == ["长.txt"] and not result.cancelled
    assert heard == sorted(heard) and heard[-1] == 1
    assert len(library.documents()) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_progress_only_on_a_tty() -> None:
    from cli.progress import terminal_progress

    screen = _Terminal()
    with terminal_progress("正在收入资料库：长.txt", screen) as progress:
        assert progress is not None
        progress(0, 4)
        progress(4, 4)  # the end is always drawn
    assert screen.getvalue() == "\r正在收入资料库：长.txt   0%\r正在收入资料库：长.txt 100%\r\033[K"
    with terminal_progress("x", io.StringIO()) as progress:
        assert progress is None


def test_cli_library_add_writes_no_progress_into_a_pipe(tmp_path: Path) -> None:
    result = run_cli("library", "add", _long_text(tmp_path / "长.txt", 50))
    assert result.code == 0, result.err
    assert "\r" not in result.err and "%" not in result.err
    assert result.out.startswith("已收入：长.txt")


def test_import_stops_between_reading_and_parsing_when_cancelled(tmp_path: Path) -> None:
    import pytest

    from core.base.errors import Cancelled
    from core.importing.importer import import_document

    source = _long_text(tmp_path / "长.txt", 50)
    with pytest.raises(Cancelled):
        import_document(source, cancelled=lambda: True)
    from core.text.plaintext import report_text

    assert "第49段。加强组织领导" in report_text(import_document(source, cancelled=lambda: False).report)
