"""The window's menus and actions as data: one row a menu (``MENUS``), one row an action
(``ACTIONS``), in the order they appear; :class:`WindowActions` builds them.

As in Calibre and ReText, an action is described once — its name, text, keys, menu, icon,
what it does and when it may be used — and the menus, the toolbar, 快捷键一览 and the enabled
state all follow the table. Adding an action is one row (docs/ARCHITECTURE.md; the recipe is
tried by tests/gui/test_window_tables.py). What an action does belongs to the window's parts:
the row's ``trigger`` only names the part and the call.

Nothing here builds PySide6's ``Qt`` namespace (see gui/main_window.py): keys are given as
QKeySequence's standard keys or as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from gui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QToolBar

    from gui.document import DraftDocument

Key = QKeySequence.StandardKey


def always(_doc: DraftDocument | None) -> bool:
    return True


def with_draft(doc: DraftDocument | None) -> bool:
    return doc is not None


def with_saved_draft(doc: DraftDocument | None) -> bool:
    """A draft that has its own file (历史版本 keeps versions beside it)."""
    return doc is not None and doc.path is not None


@dataclass(frozen=True)
class MenuRow:
    name: str
    title: str
    with_editor: bool = False  # usable only while the editor page shows (its panels, its outline)


@dataclass(frozen=True)
class ActionRow:
    """One action. ``trigger`` receives the main window; ``make`` builds an action Qt provides
    (undo, redo) instead; ``enabled`` None leaves it to whoever made it (the undo stack)."""

    name: str
    text: str
    menu: str
    trigger: Callable[[Any], object] | None = None
    keys: tuple[Key | str, ...] = ()
    icon: str = ""
    enabled: Callable[[DraftDocument | None], bool] | None = always
    separator_before: bool = False
    toolbar: bool = False  # also on the editor's toolbar
    make: Callable[[Any], QAction] | None = None
    submenu: bool = False  # a submenu the window fills (最近的草稿), not an action


def _undo(window: Any) -> QAction:
    return window.undo_group.createUndoAction(window, "撤销")


def _redo(window: Any) -> QAction:
    return window.undo_group.createRedoAction(window, "重做")


MENUS: tuple[MenuRow, ...] = (
    MenuRow("file", "文件(&F)"),
    MenuRow("edit", "编辑(&E)"),
    MenuRow("outline", "提纲(&O)", with_editor=True),  # filled with the outline's own actions
    MenuRow("tools", "工具(&T)", with_editor=True),
    MenuRow("library", "资料库(&L)"),
    MenuRow("view", "视图(&V)", with_editor=True),  # filled with the panels (gui/window_panels.py)
    MenuRow("help", "帮助(&H)"),
)

ACTIONS: tuple[ActionRow, ...] = (
    ActionRow("new", "新建报告…", "file", lambda w: w.documents.new_report(), (Key.New,), "new", toolbar=True),
    ActionRow("open", "打开草稿…", "file", lambda w: w.documents.open_draft(), (Key.Open,), "open", toolbar=True),
    ActionRow("recent", "最近的草稿", "file", submenu=True),
    ActionRow("save", "保存", "file", lambda w: w.documents.save(), (Key.Save,), "save", with_draft,
              separator_before=True, toolbar=True),
    ActionRow("save_as", "另存为…", "file", lambda w: w.documents.save_as(), ("Ctrl+Shift+S",), enabled=with_draft),
    ActionRow("export", "导出 Word…", "file", lambda w: w.documents.export_word(), ("Ctrl+E",), "export",
              with_draft, separator_before=True, toolbar=True),
    ActionRow("export_pdf", "导出 PDF…", "file", lambda w: w.documents.export_word(pdf=True), enabled=with_draft),
    ActionRow("history", "历史版本…", "file", lambda w: w.documents.show_history(), enabled=with_saved_draft),
    ActionRow("import_review", "导入审阅稿…", "file", lambda w: w.review.import_review(), enabled=with_draft),
    ActionRow("close_doc", "关闭草稿", "file", lambda w: w.documents.close_document(), ("Ctrl+W",),
              enabled=with_draft, separator_before=True),
    ActionRow("quit", "退出", "file", lambda w: w.close(), ("Ctrl+Q",)),
    # Ctrl+Y as on Windows, plus the platform's own redo key where that differs.
    ActionRow("undo", "撤销", "edit", keys=(Key.Undo,), icon="undo", enabled=None, make=_undo),
    ActionRow("redo", "重做", "edit", keys=("Ctrl+Y", Key.Redo), icon="redo", enabled=None, make=_redo),
    ActionRow("find", "查找…", "edit", lambda w: w.show_find(False), ("Ctrl+F",), enabled=with_draft,
              separator_before=True),
    ActionRow("replace", "替换…", "edit", lambda w: w.show_find(True), ("Ctrl+H",), enabled=with_draft),
    ActionRow("report_info", "编辑报告信息（标题、开头、结尾）", "edit", lambda w: w.show_report_form(), ("Ctrl+I",),
              enabled=with_draft, separator_before=True),
    ActionRow("check", "检查公文格式和文字", "tools", lambda w: w.run_checks(), ("F7",)),
    ActionRow("flags", "待核实清单", "tools", lambda w: w.show_panel("flags"), ("Ctrl+Shift+H",)),
    ActionRow("library", "搜索资料库…", "tools", lambda w: w.search_library(), ("Ctrl+Shift+F",)),
    ActionRow("library_add_files", "添加文件…", "library", lambda w: w.library_menu.add_files()),
    ActionRow("library_add_folder", "添加文件夹…", "library", lambda w: w.library_menu.add_folder()),
    ActionRow("library_manage", "管理资料库…", "library", lambda w: w.library_menu.manage(), separator_before=True),
    ActionRow("library_settings", "设置…", "library", lambda w: w.library_menu.settings_dialog()),
    ActionRow("guide", "使用指南", "help", lambda w: w.help_menu.show_guide(), ("F1",)),
    ActionRow("shortcuts", "快捷键一览", "help", lambda w: w.help_menu.show_shortcuts()),
    ActionRow("about", "关于报告起草助手", "help", lambda w: w.help_menu.show_about(), separator_before=True),
)


def _key_sequences(keys: tuple[Key | str, ...]) -> list[QKeySequence]:
    """Each key as QKeySequences, the same key once (setShortcuts with a list: the single-key
    overloads would build Qt's namespace)."""
    sequences: list[QKeySequence] = []
    for key in keys:
        sequences += [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
    return list({sequence.toString(): sequence for sequence in sequences}.values())


class WindowActions:
    """The window's actions and menus, built from the tables. The window keeps it as
    ``window_actions`` (``actions`` is QWidget's own): ``window_actions["save"]``, ``.menu("view")``."""

    def __init__(self, window: QMainWindow, menu_bar: QMenuBar) -> None:
        self._window = window
        menus, actions = MENUS, ACTIONS  # read when built: a row added later counts
        self.rows = {row.name: row for row in actions}
        self.menu_rows = {row.name: row for row in menus}
        self._menus: dict[str, QMenu] = {}
        self._actions: dict[str, QAction] = {}
        for menu_row in menus:
            menu = menu_bar.addMenu(menu_row.title)
            menu.setEnabled(not menu_row.with_editor)
            self._menus[menu_row.name] = menu
        for row in actions:
            menu = self._menus[row.menu]
            if row.separator_before:
                menu.addSeparator()
            if row.submenu:
                submenu = QMenu(row.text, window)
                menu.addMenu(submenu)
                self._menus[row.name] = submenu
                continue
            action = self._build(row)
            menu.addAction(action)
            self._actions[row.name] = action

    def _build(self, row: ActionRow) -> QAction:
        if row.make is not None:
            action = row.make(self._window)
            if row.icon:
                action.setIcon(icon(row.icon))
        else:
            action = QAction(icon(row.icon) if row.icon else QIcon(), row.text, self._window)
            trigger = row.trigger
            assert trigger is not None, f"action {row.name} does nothing"
            window = self._window
            action.triggered.connect(lambda _checked=False: trigger(window))
        action.setObjectName(f"action_{row.name}")
        if row.keys:
            action.setShortcuts(_key_sequences(row.keys))
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Any:
        return iter(self._actions.items())

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def document_changed(self, doc: DraftDocument | None) -> None:
        """Each action enabled as its row says for this draft (or none)."""
        for name, action in self._actions.items():
            rule = self.rows[name].enabled
            if rule is not None:
                action.setEnabled(rule(doc))

    def editor_shown(self, shown: bool) -> None:
        """The menus that belong to the editor page, usable only while it shows."""
        for name, row in self.menu_rows.items():
            if row.with_editor:
                self._menus[name].setEnabled(shown)

    def build_toolbar(self) -> QToolBar:
        """The editor's toolbar (the start page has its own big buttons instead)."""
        from PySide6.QtCore import Qt

        toolbar = self._window.addToolBar("常用")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name, row in self.rows.items():
            if row.toolbar:
                toolbar.addAction(self._actions[name])
        toolbar.addSeparator()
        # The menu entries name what they undo ("撤销 添加要点"); the toolbar keeps a steady
        # label and says it in the tooltip, so buttons do not jump around.
        for name in ("undo", "redo"):
            source, row = self._actions[name], self.rows[name]
            button = QAction(icon(row.icon), row.text, self._window)
            button.triggered.connect(source.trigger)
            button.setEnabled(source.isEnabled())
            source.changed.connect(lambda b=button, s=source: (b.setEnabled(s.isEnabled()), b.setToolTip(s.text())))
            toolbar.addAction(button)
        return toolbar
