"""The window on the office's library server: 资料库 ▸ 设置 points it at a real PostgreSQL
server, a folder of reports goes up, a document is corrected in 管理资料库, then the server is
stopped mid-session (the panel searches the local copy and the status bar says so once) and
started again (the panel is back on the server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtWidgets import QDialog

from tests.gui.conftest import manager_settled, until_told
from tests.gui.test_library_metadata_edit import _KEYPOINTS, _SPEECH, _search, _settle
from tests.pg_server import PgTestServer, set_up_library

pytestmark = pytest.mark.postgres


def test_window_on_the_office_server_stopped_and_restarted_mid_session(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    pg_server: PgTestServer,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from core.base.settings import load_settings, settings_path
    from core.library import office as library_office
    from gui.dialogs.library_dialogs import LibraryManager
    from gui.dialogs.library_server_dialog import LibraryServerDialog
    from gui.dialogs.metadata_dialog import MetadataDialog

    monkeypatch.setattr(library_office, "RETRY_S", 0.0)  # each search tries the server again
    admin = set_up_library(pg_server, "gui_office", {"clerk_gui": "**区科协"})
    window = make_window()

    # 资料库 ▸ 设置…: the server's address (here its socket folder), port, database and account.
    def fill(dialog: LibraryServerDialog) -> int:
        assert dialog.host_edit.text() == "" and dialog.port_edit.text() == "5432"
        dialog.host_edit.setText(str(pg_server.socket_dir))
        dialog.port_edit.setText(str(pg_server.port))
        dialog.database_edit.setText("gui_office")
        dialog.user_edit.setText("clerk_gui")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LibraryServerDialog, "exec", fill)
    window.window_actions["library_settings"].trigger()
    _settle(lambda: window.library.library is not None and getattr(window.library.library, "online", False))
    saved = load_settings()
    assert (saved.library_server_database, saved.library_server_user) == ("gui_office", "clerk_gui")
    assert "password" not in settings_path().read_text(encoding="utf-8").lower()  # it stays in the keyring/.pgpass

    folder = tmp_path / "往年报告"
    folder.mkdir()
    (folder / "要点.txt").write_text(_KEYPOINTS, encoding="utf-8")
    (folder / "报告.txt").write_text(_SPEECH, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    until_told(answers, window.window_actions["library_add_folder"].trigger)
    assert answers.asked[-1] == ("inform", "新增 2 份。")
    with psycopg.connect(admin) as conn:
        assert conn.execute("SELECT count(*) FROM baogao.documents").fetchone() == (2,)

    new_report(window, None)
    panel = window.panel_host.library
    window.show_panel("library")
    _settle(lambda: panel.kind_combo.findData("work_report") >= 0 and panel.year_combo.findData(2023) >= 0)
    assert _search(panel, "work_report", 2023) == {"报告.txt"}

    # 管理资料库: the speech is corrected to 年度工作总结, 2021, on the server.
    manager = manager_settled(LibraryManager(window.library, window))
    row = next(r for r in range(manager.table.rowCount()) if manager.table.item(r, 0).text() == "报告.txt")

    def correct(dialog: MetadataDialog) -> int:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("annual_summary"))
        dialog.year_edit.setText("2021")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetadataDialog, "exec", correct)
    manager.table.cellDoubleClicked.emit(row, 1)
    manager_settled(manager).close()
    with psycopg.connect(admin) as conn:
        assert conn.execute("SELECT kind, year FROM baogao.documents WHERE file_name = '报告.txt'").fetchone() == (
            "annual_summary", 2021,
        )
    _settle(lambda: panel.kind_combo.findData("annual_summary") >= 0)
    assert _search(panel, "annual_summary", 2021) == {"报告.txt"}

    pg_server.stop()
    try:
        # Mid-session: the panel answers from the local copy, corrections included, and says why once.
        assert _search(panel, "annual_summary", 2021) == {"报告.txt"}
        assert not window.library.library.online
        _settle(lambda: "办公室资料库服务器" in window.statusBar().currentMessage())
        assert "连不上" in window.statusBar().currentMessage()
        assert "本机保存的副本" in window.statusBar().currentMessage()
        window.statusBar().clearMessage()
        assert _search(panel, None, None) == {"报告.txt", "要点.txt"}
        assert window.statusBar().currentMessage() == ""  # said once
    finally:
        pg_server.start()
    assert _search(panel, "annual_summary", 2021) == {"报告.txt"}
    assert window.library.library.online
