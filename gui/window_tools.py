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
