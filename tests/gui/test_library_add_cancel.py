"""资料库 ▸ 添加文件夹 with one very long report: the progress bar moves within the file, 取消
stops it part-way, nothing of it is stored (no library entry, no kept copy, no record), and the
event loop kept turning throughout. The long report is generated here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from core.library.records import DB_NAME, FILES_DIR_NAME
from tests.conftest import SEED_NAMES, seed_path
from tests.gui.conftest import manager_settled, until_told


def _long_report(path: Path, chars: int) -> None:
    """The seeds one after another until ``chars`` characters: a compilation of reports."""
    seeds = [seed_path(key).read_text(encoding="utf-8") for key in sorted(SEED_NAMES)]
    parts: list[str] = []
    total = 0
    while total < chars:
        text = seeds[len(parts) % len(seeds)]
        parts.append(text)
        total += len(text)
    path.write_text("\n".join(parts), encoding="utf-8")


def test_cancelling_a_long_library_add_leaves_nothing(
    make_window: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "汇编"
    folder.mkdir()
    _long_report(folder / "十年汇编.txt", 600_000)  # about 12,000 paragraphs: seconds of word cutting
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    window = make_window()

    values: list[int] = []
    ticks: list[int] = []
    clicked: list[str] = []

    def watch() -> None:
        """Every 20 ms while the add runs: note the bar, and press 取消 once it has moved."""
        ticks.append(1)
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs and not clicked:
            values.append(dialogs[0].value())
            # Moved within the one file (the bar counts thousandths, gui/workers.py BAR_STEPS):
            # past its reading share, well before its end.
            if 200 <= dialogs[0].value() < 900:
                clicked.append(dialogs[0].labelText())
                next(b for b in dialogs[0].findChildren(QPushButton) if b.text() == "取消").click()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(20)
    until_told(answers, window.window_actions["library_add_folder"].trigger)
    timer.stop()

    assert clicked == ["正在收入资料库：十年汇编.txt（1/1）"]
    moved = sorted(set(values))
    assert len(moved) >= 2 and moved[-1] >= 200  # the bar moved by steps within the file
    assert values == sorted(values)  # and only forward
    assert len(ticks) >= 10  # the event loop kept turning while the work ran
    assert answers.asked[-1] == ("inform", "已取消；新增 0 份。")

    from gui.dialogs.library_dialogs import LibraryManager

    assert manager_settled(LibraryManager(window.library, window)).documents == []
    library_folder = Path(window.library.folder)
    assert (library_folder / DB_NAME).is_file()  # the library the window used, opened
    kept = library_folder / FILES_DIR_NAME  # originals and records are kept here once stored
    assert not kept.exists() or list(kept.iterdir()) == []
