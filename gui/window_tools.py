"""Mixed into the main window: 查找和替换, the 资料库 menu and 帮助 — each opens its own dialog
(gui/dialogs/) over the window's draft, library and actions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from gui.dialogs import prompts
from gui.dialogs.modal import used_once

if TYPE_CHECKING:
    from core.base.settings import Settings
    from core.library.postgres import ServerSettings
    from gui.dialogs.find_replace import FindReplaceDialog
    from gui.document import DraftDocument
    from gui.document_controller import DocumentController
    from gui.panels.library_service import LibraryService


class WindowTools:
    documents: DocumentController
    doc: DraftDocument | None
    settings: Settings
    find_dialog: FindReplaceDialog | None

    library: LibraryService  # the window's own (a property there)
    undo_action: QAction
    redo_action: QAction

    def show_find(self, replace: bool = False) -> None:
        """查找 (Ctrl+F) and 替换 (Ctrl+H) across the whole draft."""
        if self.doc is None:
            return
        if self.find_dialog is None:
            from gui.dialogs.find_replace import FindReplaceDialog

            self.find_dialog = FindReplaceDialog(self.jump_to, self, (self.undo_action, self.redo_action))
            self.find_dialog.set_document(self.doc)
        self.find_dialog.show_for(replace)

    def add_files_to_library(self) -> None:
        """资料库 ▸ 添加文件…: past reports into the library, without making a draft of each."""
        from PySide6.QtWidgets import QFileDialog

        from gui.dialogs.file_dialogs import PRIOR_FILTER
        from gui.dialogs.library_dialogs import add_to_library

        start = self.settings.last_folder or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileNames(self, "添加到资料库", start, PRIOR_FILTER)
        if chosen:
            add_to_library(self, self.library, [Path(p) for p in chosen])

    def add_folder_to_library(self) -> None:
        """资料库 ▸ 添加文件夹…: every report file in a folder and its subfolders."""
        from PySide6.QtWidgets import QFileDialog

        from core.library.bulk import report_files
        from gui.dialogs.library_dialogs import add_to_library

        start = self.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "选择存放往年报告的文件夹", start)
        if folder:
            add_to_library(self, self.library, report_files(folder))

    def manage_library(self) -> None:
        from gui.dialogs.library_dialogs import LibraryManager

        with used_once(LibraryManager(self.library, self)) as dialog:
            dialog.exec()

    def library_server(self) -> ServerSettings | None:
        """The office server from the settings (None: the local library, or settings that no
        longer make sense, which 资料库 ▸ 设置 then shows to be fixed)."""
        from core.base.errors import ReportError
        from core.library.postgres.connection import server_settings

        s = self.settings
        try:
            return server_settings(
                s.library_server_host, s.library_server_port, s.library_server_database,
                s.library_server_user, s.library_server_require_tls,
            )
        except ReportError:
            return None

    def library_settings(self) -> None:
        """资料库 ▸ 设置…: the office server or the local library; the library is reopened at once."""
        from core.base.errors import ReportError
        from core.library.postgres.connection import server_settings
        from gui.dialogs.library_server_dialog import LibraryServerDialog

        s = self.settings
        values = (
            s.library_server_host, s.library_server_port, s.library_server_database,
            s.library_server_user, s.library_server_require_tls,
        )
        while True:
            with used_once(LibraryServerDialog(*values, parent=self)) as dialog:  # type: ignore[arg-type]
                if dialog.exec() != LibraryServerDialog.DialogCode.Accepted:
                    return
                values = dialog.values()
            try:
                server = server_settings(*values)
            except ReportError as exc:
                prompts.warn(self, "资料库设置", str(exc))  # type: ignore[arg-type]
                continue  # the dialog again, with what was typed
            break
        host, port, database, user, require_tls = values
        s.library_server_host, s.library_server_port = host.strip(), port.strip() or "5432"
        s.library_server_database, s.library_server_user = database.strip(), user.strip()
        s.library_server_require_tls = require_tls
        self.documents.store_settings()
        self.library.reconfigure(server)
        where = f"办公室资料库服务器 {server.label()}" if server is not None else "本机资料库"
        self.show_status(f"正在连接{where}…", 8000)  # type: ignore[attr-defined]

    def show_about(self) -> None:
        from gui.dialogs.help_dialog import about_text

        prompts.inform(self, "关于报告起草助手", about_text())

    def show_guide(self) -> None:
        from gui.dialogs.help_dialog import HelpDialog, guide_markdown

        with used_once(HelpDialog("使用指南", guide_markdown(), self)) as dialog:
            dialog.exec()

    def show_shortcuts(self) -> None:
        from gui.dialogs.help_dialog import HelpDialog, shortcuts_markdown

        actions = [a for a in self.findChildren(QAction) if a.shortcuts()]
        with used_once(HelpDialog("快捷键一览", shortcuts_markdown(actions), self)) as dialog:
            dialog.exec()

    def check_fonts_once(self) -> None:
        """First start: if this machine lacks the chosen scheme's fonts, offer the one that fits."""
        if self.settings.font_scheme_checked:
            return
        from core.render.fonts import SCHEMES, scheme_for_this_machine

        self.settings.font_scheme_checked = True
        suggested = scheme_for_this_machine(self.settings.font_scheme)
        current = SCHEMES.get(self.settings.font_scheme)
        if (
            suggested is not None
            and current is not None
            and prompts.ask_switch_font_scheme(self, current.label, SCHEMES[suggested].label)
        ):
            self.settings.font_scheme = suggested
        self.documents.store_settings()
