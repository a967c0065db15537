"""The main window's actions, menus and toolbar (the window keeps them as attributes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QToolBar


class WindowMenus:
    """Mixed into the main window: builds its actions (``save_action`` …), menus and toolbar.

    The actions call the window's own methods (new_report, save, export_word …).
    """

    undo_group: QUndoGroup
    toolbar: QToolBar | None

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        # setShortcuts with a list: the single-key overloads would build Qt's namespace.
        if isinstance(shortcut, str):
            action.setShortcuts([QKeySequence(shortcut)])
        elif shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        action.triggered.connect(slot)
        return action

    def create_actions(self) -> None:
        """Every action of the window, as attributes (``self.save_action`` …)."""
        key = QKeySequence.StandardKey
        self.new_action = self._action("新建报告…", lambda: self.documents.new_report(), key.New, "new")
        self.open_action = self._action("打开草稿…", lambda: self.documents.open_draft(), key.Open, "open")
        self.save_action = self._action("保存", lambda: self.documents.save(), key.Save, "save")
        self.save_as_action = self._action("另存为…", lambda: self.documents.save_as(), "Ctrl+Shift+S")
        self.export_action = self._action("导出 Word…", lambda: self.documents.export_word(), "Ctrl+E", "export")
        self.export_pdf_action = self._action("导出 PDF…", lambda: self.documents.export_word(pdf=True))
        self.close_doc_action = self._action("关闭草稿", lambda: self.documents.close_document(), "Ctrl+W")
        self.history_action = self._action("历史版本…", lambda: self.documents.show_history())
        self.import_review_action = self._action("导入审阅稿…", lambda: self.review.import_review())
        self.quit_action = self._action("退出", self.close, "Ctrl+Q")
        self.undo_action = self.undo_group.createUndoAction(self, "撤销")
        self.undo_action.setIcon(icon("undo"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "重做")
        self.redo_action.setIcon(icon("redo"))
        # Ctrl+Y as on Windows, plus the platform's own redo key where that differs.
        redo_keys = [QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(key.Redo)]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.report_info_action = self._action("编辑报告信息（标题、开头、结尾）", self.show_report_form, "Ctrl+I")
        self.find_action = self._action("查找…", lambda: self.show_find(False), "Ctrl+F")
        self.replace_action = self._action("替换…", lambda: self.show_find(True), "Ctrl+H")
        self.check_action = self._action("检查公文格式和文字", self.run_checks, "F7")
        self.flags_action = self._action("待核实清单", lambda: self.show_panel("flags"), "Ctrl+Shift+H")
        self.library_action = self._action("搜索资料库…", self.search_library, "Ctrl+Shift+F")
        self.library_add_files_action = self._action("添加文件…", self.add_files_to_library)
        self.library_add_folder_action = self._action("添加文件夹…", self.add_folder_to_library)
        self.library_manage_action = self._action("管理资料库…", self.manage_library)
        self.library_settings_action = self._action("设置…", self.library_settings)
        self.guide_action = self._action("使用指南", self.show_guide, "F1")
        self.shortcuts_action = self._action("快捷键一览", self.show_shortcuts)
        self.about_action = self._action("关于报告起草助手", self.show_about)

    def create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("最近的草稿", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_pdf_action)
        file_menu.addAction(self.history_action)
        file_menu.addAction(self.import_review_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_doc_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.replace_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.report_info_action)

        self.outline_menu = bar.addMenu("提纲(&O)")
        self.outline_menu.setEnabled(False)
        self.tools_menu = bar.addMenu("工具(&T)")
        for action in (self.check_action, self.flags_action, self.library_action):
            self.tools_menu.addAction(action)
        self.tools_menu.setEnabled(False)
        library_menu = bar.addMenu("资料库(&L)")
        for action in (self.library_add_files_action, self.library_add_folder_action):
            library_menu.addAction(action)
        library_menu.addSeparator()
        library_menu.addAction(self.library_manage_action)
        library_menu.addAction(self.library_settings_action)
        self.view_menu = bar.addMenu("视图(&V)")
        self.view_menu.setEnabled(False)
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def create_toolbar(self) -> None:
        """The editor's toolbar (the start page has its own big buttons instead)."""
        from PySide6.QtCore import Qt
        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        # The menu entries name what they undo ("撤销 添加要点"); the toolbar keeps a steady
        # label and says it in the tooltip, so buttons do not jump around.
        for source, text, icon_name in ((self.undo_action, "撤销", "undo"), (self.redo_action, "重做", "redo")):
            button = QAction(icon(icon_name), text, self)
            button.triggered.connect(source.trigger)
            button.setEnabled(source.isEnabled())
            source.changed.connect(lambda b=button, s=source: (b.setEnabled(s.isEnabled()), b.setToolTip(s.text())))
            toolbar.addAction(button)
        self.toolbar = toolbar

