"""The window's 资料库 menu (:class:`LibraryMenu`), its 帮助 menu (:class:`HelpMenu`) and the
first start's font question (:func:`check_fonts_once`) — each opens its own dialog
(gui/dialogs/) over what it is given, never over the window's other parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from gui.dialogs import prompts
from gui.dialogs.modal import used_once

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from core.base.settings import Settings
    from core.library.postgres import ServerSettings
    from gui.panels.library_service import LibraryService


def library_server(settings: Settings) -> ServerSettings | None:
    """The office server from the settings (None: the local library, or settings that no
    longer make sense, which 资料库 ▸ 设置 then shows to be fixed)."""
    from core.base.errors import ReportError
    from core.library.postgres.connection import server_settings

    s = settings
    try:
        return server_settings(
            s.library_server_host, s.library_server_port, s.library_server_database,
            s.library_server_user, s.library_server_require_tls,
        )
    except ReportError:
        return None


class LibraryMenu:
    """资料库 ▸ 添加文件…, 添加文件夹…, 管理资料库…, 设置…"""

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        library: Callable[[], LibraryService],
        store_settings: Callable[[], None],
        show_status: Callable[[str, int], None],
    ) -> None:
        self._parent = parent  # of the dialogs
        self._settings = settings
        self._library = library  # opened on first use by the window
        self._store_settings = store_settings
        self._show_status = show_status

    def add_files(self) -> None:
        """资料库 ▸ 添加文件…: past reports into the library, without making a draft of each."""
        from PySide6.QtWidgets import QFileDialog

        from gui.dialogs.file_dialogs import PRIOR_FILTER
        from gui.dialogs.library_dialogs import add_to_library

        start = self._settings.last_folder or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileNames(self._parent, "添加到资料库", start, PRIOR_FILTER)
        if chosen:
            add_to_library(self._parent, self._library(), [Path(p) for p in chosen])

    def add_folder(self) -> None:
        """资料库 ▸ 添加文件夹…: every report file in a folder and its subfolders."""
        from PySide6.QtWidgets import QFileDialog

        from core.library.bulk import report_files
        from gui.dialogs.library_dialogs import add_to_library

        start = self._settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self._parent, "选择存放往年报告的文件夹", start)
        if folder:
            add_to_library(self._parent, self._library(), report_files(folder))

    def manage(self) -> None:
        from gui.dialogs.library_dialogs import LibraryManager

        with used_once(LibraryManager(self._library(), self._parent)) as dialog:
            dialog.exec()

    def settings_dialog(self) -> None:
        """资料库 ▸ 设置…: the office server or the local library; the library is reopened at once."""
        from core.base.errors import ReportError
        from core.library.postgres.connection import server_settings
        from gui.dialogs.library_server_dialog import LibraryServerDialog

        s = self._settings
        values = (
            s.library_server_host, s.library_server_port, s.library_server_database,
            s.library_server_user, s.library_server_require_tls,
        )
        while True:
            with used_once(LibraryServerDialog(*values, parent=self._parent)) as dialog:  # type: ignore[arg-type]
                if dialog.exec() != LibraryServerDialog.DialogCode.Accepted:
                    return
                values = dialog.values()
            try:
                server = server_settings(*values)
            except ReportError as exc:
                prompts.warn(self._parent, "资料库设置", str(exc))
                continue  # the dialog again, with what was typed
            break
        host, port, database, user, require_tls = values
        s.library_server_host, s.library_server_port = host.strip(), port.strip() or "5432"
        s.library_server_database, s.library_server_user = database.strip(), user.strip()
        s.library_server_require_tls = require_tls
        self._store_settings()
        self._library().reconfigure(server)
        where = f"办公室资料库服务器 {server.label()}" if server is not None else "本机资料库"
        self._show_status(f"正在连接{where}…", 8000)


class HelpMenu:
    """帮助 ▸ 使用指南, 快捷键一览 (every action of ``window`` that has keys), 关于."""

    def __init__(self, window: QWidget) -> None:
        self._window = window

    def show_about(self) -> None:
        from gui.dialogs.help_dialog import about_text

        prompts.inform(self._window, "关于报告起草助手", about_text())

    def show_guide(self) -> None:
        from gui.dialogs.help_dialog import HelpDialog, guide_markdown

        with used_once(HelpDialog("使用指南", guide_markdown(), self._window)) as dialog:
            dialog.exec()

    def show_shortcuts(self) -> None:
        from gui.dialogs.help_dialog import HelpDialog, shortcuts_markdown

        actions = [a for a in self._window.findChildren(QAction) if a.shortcuts()]
        with used_once(HelpDialog("快捷键一览", shortcuts_markdown(actions), self._window)) as dialog:
            dialog.exec()


def check_fonts_once(parent: QWidget, settings: Settings, store_settings: Callable[[], None]) -> None:
    """First start: if this machine lacks the chosen scheme's fonts, offer the one that fits."""
    if settings.font_scheme_checked:
        return
    from core.render.fonts import SCHEMES, scheme_for_this_machine

    settings.font_scheme_checked = True
    suggested = scheme_for_this_machine(settings.font_scheme)
    current = SCHEMES.get(settings.font_scheme)
    if (
        suggested is not None
        and current is not None
        and prompts.ask_switch_font_scheme(parent, current.label, SCHEMES[suggested].label)
    ):
        settings.font_scheme = suggested
    store_settings()
