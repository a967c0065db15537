"""Filling the library from a folder: progress, cancel, the same report in several formats once."""

from __future__ import annotations

from pathlib import Path

import docx

from core.library import Library
from core.library.bulk import add_files, report_files
from tests.conftest import SEED_NAMES, seed_path


def _folder_of_reports(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for key in sorted(SEED_NAMES):
        text = seed_path(key).read_text(encoding="utf-8")
        txt = folder / f"{key}.txt"
        txt.write_text(text, encoding="utf-8")
        paths.append(txt)
    # Seed 004 again as a Word file: the same report in another format.
    document = docx.Document()
    for line in seed_path("004").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    (folder / "sub").mkdir()
    document.save(str(folder / "sub" / "004 上半年总结.docx"))
    (folder / "~$004 上半年总结.docx").write_bytes(b"owner file Word leaves while a file is open")
    (folder / "notes.xyz").write_text("not a report", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return paths


def test_a_folder_goes_in_once_with_progress(tmp_path: Path) -> None:
    folder = tmp_path / "往年报告"
    _folder_of_reports(folder)
    files = report_files(folder)
    assert [p.name for p in files] == ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt", "empty.txt",
                                       "004 上半年总结.docx"]
    seen: list[tuple[int, int, str]] = []
    with Library(tmp_path / "lib.sqlite3") as library:
        result = add_files(library, files, progress=lambda done, total, name: seen.append((done, total, name)))
        assert result.added == ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"]
        assert result.duplicates == ["004 上半年总结.docx"]  # same text as 004.txt
        assert [name for name, _ in result.failed] == ["empty.txt"]
        assert "empty.txt" in result.failed[0][0] and result.failed[0][1]
        assert seen[0] == (0, 7, "000.txt") and seen[-1] == (7, 7, "")
        assert len(library.documents()) == 5
        # The same folder again: nothing new.
        again = add_files(library, files)
        assert again.added == [] and len(again.duplicates) == 6
        assert len(library.documents()) == 5
        assert "新增 0 份" in again.summary()


def test_cancel_stops_between_files(tmp_path: Path) -> None:
    folder = tmp_path / "往年报告"
    _folder_of_reports(folder)
    with Library(tmp_path / "lib.sqlite3") as library:
        started: list[float] = []  # progress: files done when each step began

        # 取消 as the third file starts: the two before it are stored, nothing of the third.
        result = add_files(
            library,
            report_files(folder),
            progress=lambda done, total, name: started.append(done),
            cancelled=lambda: bool(started) and started[-1] >= 2,
        )
        assert result.cancelled and len(result.added) == 2
        assert result.summary().startswith("已取消")
        assert len(library.documents()) == 2
