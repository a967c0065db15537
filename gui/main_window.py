"""The main window: start page or editor, menus, files, autosave, recovery, panels.

Nothing on the way to the first paint touches PySide6's ``Qt`` namespace: building its
~110 Python enums takes about 50 ms, more than the start page itself. The start page uses
native widgets only, actions get their keys through ``setShortcuts`` (the single-key
overloads would build the namespace), and code for the editor imports ``Qt`` where used.
A test (tests/gui/test_startup.py) keeps it that way.

Panels (上年参考, 预览, 待核实, 资料库, 检查) are docks added with :meth:`MainWindow.add_panel`;
they are hidden on the start page and their layout is remembered. The editor and its panels
are built on first use, so the window appears fast. jieba and the library of past reports
load in background threads once the window is on screen (:meth:`start_background_work`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from core.base.errors import ReportError, SaveFailed
from core.base.settings import Settings, existing, load_settings, push_recent, save_settings
from gui import prompts
from gui.file_dialogs import (
    DRAFT_SUFFIX,
    OPEN_FILTER,
    WORD_FILTER,
    is_draft,
    is_importable,
    local_paths,
    safe_file_name,
    with_suffix,
)
from gui.icons import icon
from gui.start_page import StartPage
from gui.window_state import load_state, save_state

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QDockWidget, QToolBar

    from core.draft.session import Autosave, Session
    from gui.autosave import AutosaveController
    from gui.checks_panel import ChecksPanel
    from gui.document import DraftDocument
    from gui.editor_view import EditorView
    from gui.flags_panel import FlagsPanel
    from gui.library_panel import LibraryPanel
    from gui.library_service import LanguageWatcher, LibraryService
    from gui.preview_pane import PreviewPane
    from gui.reference_pane import ReferencePane

APP_NAME = "报告起草助手"
START_PAGE, EDITOR_PAGE = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else load_settings()
        # Created on first use (a draft opened): the start page shows without them.
        self._session: Session | None = None
        self._autosave: AutosaveController | None = None
        self.undo_group = QUndoGroup(self)
        self.doc: DraftDocument | None = None
        self.editor: EditorView | None = None
        self.reference: ReferencePane | None = None
        self.preview: PreviewPane | None = None
        self.flags_panel: FlagsPanel | None = None
        self.checks_panel: ChecksPanel | None = None
        self.library_panel: LibraryPanel | None = None
        self._library: LibraryService | None = None
        self._language: LanguageWatcher | None = None
        self.panels: dict[str, QDockWidget] = {}
        self._panels_visible: dict[str, bool] = {}
        self._layout_to_restore = ""  # "saved" or "default", done once the editor is shown
        self.toolbar: QToolBar | None = None  # built with the editor

        self.start_page = StartPage()
        self.start_page.newRequested.connect(lambda: self.new_report())
        self.start_page.openRequested.connect(lambda: self.open_draft())
        self.start_page.draftChosen.connect(lambda path: self.open_draft(Path(path)))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)

        self.autosave_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self._update_count)

        self._create_actions()
        self._create_menus()
        self._refresh_recent()
        self._update_title()
        self._update_file_actions()
        self.resize(1440, 900)
        geometry = load_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def session(self) -> Session:
        if self._session is None:
            from core.draft.session import Session

            self._session = Session()
        return self._session

    @property
    def autosave(self) -> AutosaveController:
        if self._autosave is None:
            from gui.autosave import AutosaveController

            self._autosave = AutosaveController(self.session, self.settings.autosave_seconds, self)
            self._autosave.saved.connect(self._autosaved)
            self._autosave.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        return self._autosave

    @property
    def library(self) -> LibraryService:
        """The library of past reports, used from worker threads (opened on first use)."""
        if self._library is None:
            from core.base.paths import data_dir
            from gui.library_service import LibraryService

            self._library = LibraryService(data_dir(), self)
            self._library.stored.connect(self._library_stored)
            # A rebuilt library says so once, here and in the 资料库 panel.
            self._library.opened.connect(lambda notice: notice and self.statusBar().showMessage(notice, 20000))
        return self._library

    @property
    def language(self) -> LanguageWatcher:
        """The jieba dictionary, loading in a background thread once started."""
        if self._language is None:
            from gui.library_service import LanguageWatcher

            self._language = LanguageWatcher(self)
        return self._language

    def start_background_work(self) -> None:
        """Once the window is on screen: load jieba and open the library, off the GUI thread."""
        self.language.start()
        self.library.open()

    # ---- actions and menus ------------------------------------------------------------------

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

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("新建报告…", lambda: self.new_report(), key.New, "new")
        self.open_action = self._action("打开草稿…", lambda: self.open_draft(), key.Open, "open")
        self.save_action = self._action("保存", self.save, key.Save, "save")
        self.save_as_action = self._action("另存为…", self.save_as, "Ctrl+Shift+S")
        self.export_action = self._action("导出 Word…", lambda: self.export_word(), "Ctrl+E", "export")
        self.close_doc_action = self._action("关闭草稿", self.close_document, "Ctrl+W")
        self.quit_action = self._action("退出", self.close, "Ctrl+Q")
        self.undo_action = self.undo_group.createUndoAction(self, "撤销")
        self.undo_action.setIcon(icon("undo"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "重做")
        self.redo_action.setIcon(icon("redo"))
        # Ctrl+Y as on Windows, plus the platform's own redo key where that differs.
        redo_keys = [QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(key.Redo)]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.report_info_action = self._action("编辑报告信息（标题、开头、结尾）", self._show_report_form, "Ctrl+I")
        self.check_action = self._action("检查公文格式和文字", self.run_checks, "F7")
        self.flags_action = self._action("待核实清单", lambda: self.show_panel("flags"), "Ctrl+Shift+H")
        self.library_action = self._action("搜索资料库…", self.search_library, "Ctrl+Shift+F")
        self.about_action = self._action("关于报告起草助手", self._about)

    def _create_menus(self) -> None:
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
        file_menu.addSeparator()
        file_menu.addAction(self.close_doc_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.report_info_action)

        self.outline_menu = bar.addMenu("提纲(&O)")
        self.outline_menu.setEnabled(False)
        self.tools_menu = bar.addMenu("工具(&T)")
        for action in (self.check_action, self.flags_action, self.library_action):
            self.tools_menu.addAction(action)
        self.tools_menu.setEnabled(False)
        self.view_menu = bar.addMenu("视图(&V)")
        self.view_menu.setEnabled(False)
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
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

    def _refresh_recent(self) -> None:
        recent = existing(self.settings.recent_drafts)
        self.start_page.set_recent(recent)
        self.recent_menu.clear()
        for text in recent:
            action = self.recent_menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, p=text: self.open_draft(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _update_file_actions(self) -> None:
        has_doc = self.doc is not None
        for action in (self.save_action, self.save_as_action, self.export_action, self.close_doc_action,
                       self.report_info_action):
            action.setEnabled(has_doc)

    def _store_settings(self) -> None:
        try:
            save_settings(self.settings)
        except SaveFailed as exc:
            self.statusBar().showMessage(f"无法保存设置：{exc}", 8000)

    # ---- panels -------------------------------------------------------------------------------

    def add_panel(
        self,
        name: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea | None = None,
    ) -> QDockWidget:
        """Add a dock panel shown with the editor, listed in 视图, remembered across runs.

        ``area`` defaults to the right side.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        dock = QDockWidget(title, self)
        dock.setObjectName(f"panel_{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area if area is not None else Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        self.panels[name] = dock
        self._panels_visible.setdefault(name, True)
        dock.setVisible(self.pages.currentIndex() == EDITOR_PAGE)
        return dock

    def _ensure_editor(self) -> EditorView:
        """Build the editor and its panels the first time a draft is opened."""
        if self.editor is not None:
            return self.editor
        from PySide6.QtCore import Qt

        from gui.checks_panel import ChecksPanel
        from gui.editor_view import EditorView
        from gui.flags_panel import FlagsPanel
        from gui.i18n import use_chinese_locale
        from gui.library_panel import LibraryPanel
        from gui.preview_pane import PreviewPane
        from gui.reference_pane import ReferencePane

        use_chinese_locale()  # the report form's date field and calendar
        self.editor = EditorView()
        self.pages.addWidget(self.editor)
        self._create_toolbar()
        self.reference = ReferencePane()
        self.preview = PreviewPane(self.settings.font_scheme)
        self.preview.schemeChosen.connect(self._scheme_chosen)
        reference_dock = self.add_panel("reference", "上年参考", self.reference)
        preview_dock = self.add_panel("preview", "预览（A4）", self.preview)
        self.splitDockWidget(reference_dock, preview_dock, Qt.Orientation.Horizontal)
        # The review panels share the reference pane's place, as tabs beside it.
        self.flags_panel = FlagsPanel()
        self.library_panel = LibraryPanel(self.library, self.language)
        self.checks_panel = ChecksPanel()
        for name, title, panel in (("flags", "待核实", self.flags_panel), ("library", "资料库", self.library_panel),
                                   ("checks", "检查", self.checks_panel)):
            self.tabifyDockWidget(reference_dock, self.add_panel(name, title, panel))
        reference_dock.raise_()
        self.flags_panel.jumpRequested.connect(self.jump_to)
        self.checks_panel.jumpRequested.connect(self.jump_to)
        self.editor.sectionShown.connect(self._section_shown)
        self.editor.reportShown.connect(self.reference.show_report_level)
        self.editor.reportShown.connect(lambda: self.library_panel.set_section(""))  # type: ignore[union-attr]
        for action in self.editor.outline.actions_in_order:
            if action is None:
                self.outline_menu.addSeparator()
            else:
                self.outline_menu.addAction(action)
                self.addAction(action)
        state = load_state("windowState")
        restored = state is not None and self.restoreState(state)
        self._layout_to_restore = "saved" if restored else "default"
        # Which panels the clerk had open; they show when the editor page does.
        self._panels_visible = {name: not restored or dock.isVisibleTo(self) for name, dock in self.panels.items()}
        for dock in self.panels.values():
            dock.hide()
        return self.editor

    def _restore_layout(self) -> None:
        """Splitter positions, once the editor has its real size (or a default share)."""
        how, self._layout_to_restore = self._layout_to_restore, ""
        if self.editor is None or not how:
            return
        if how == "saved":
            for key, splitter in (("editorSplitter", self.editor), ("sectionFormSplitter",
                                                                     self.editor.section_form.splitter)):
                saved = load_state(key)
                if saved is not None:
                    splitter.restoreState(saved)
            return
        from PySide6.QtCore import Qt

        width = max(self.width(), 1000)
        docks = [self.panels["reference"], self.panels["preview"]]
        self.resizeDocks(docks, [int(width * 0.21), int(width * 0.28)], Qt.Orientation.Horizontal)
        self.editor.setSizes([int(width * 0.19), int(width * 0.32)])

    def _section_shown(self, section_id: str) -> None:
        if self.reference is not None:
            self.reference.show_section(section_id)
        if self.preview is not None:
            self.preview.show_section(section_id)
        if self.library_panel is not None:
            self.library_panel.set_section(section_id)

    def show_panel(self, name: str) -> None:
        """Bring a panel to the front (it may be a tab behind another)."""
        dock = self.panels.get(name)
        if dock is None or self.pages.currentIndex() != EDITOR_PAGE:
            return
        dock.show()
        dock.raise_()

    def jump_to(self, section_id: str, field: str, index: int, start: int, end: int) -> None:
        """Show the text a flag or a check finding points at, selected."""
        if self.editor is not None and not self.editor.jump_to(section_id, field, index, start, end):
            self.statusBar().showMessage("这处内容已经改动或删除，无法定位。", 5000)

    def run_checks(self) -> None:
        if self.checks_panel is None or self.doc is None:
            return
        self.show_panel("checks")
        self.checks_panel.run_now()

    def search_library(self) -> None:
        if self.library_panel is None or self.doc is None:
            return
        self.show_panel("library")
        self.library_panel.tabs.setCurrentIndex(0)
        self.library_panel.query_edit.setFocus()
        self.library_panel.query_edit.selectAll()

    def _library_stored(self, file_name: str, error: str) -> None:
        if error:
            self.statusBar().showMessage(f"“{file_name}”未能存入资料库：{error}", 10000)

    def _show_report_form(self) -> None:
        if self.editor is not None and self.doc is not None:
            self.editor.show_report_form()

    def _scheme_chosen(self, scheme_id: str) -> None:
        self.settings.font_scheme = scheme_id
        self._store_settings()

    def _show_page(self, page: int) -> None:
        if page == self.pages.currentIndex():
            return
        if page == START_PAGE:
            self._panels_visible = {name: dock.isVisible() for name, dock in self.panels.items()}
            for dock in self.panels.values():
                dock.hide()
        self.pages.setCurrentIndex(page)
        if page == EDITOR_PAGE:
            for name, dock in self.panels.items():
                dock.setVisible(self._panels_visible.get(name, True))
            if self._layout_to_restore:
                QTimer.singleShot(0, self._restore_layout)
        self.outline_menu.setEnabled(page == EDITOR_PAGE)
        self.tools_menu.setEnabled(page == EDITOR_PAGE)
        self.view_menu.setEnabled(page == EDITOR_PAGE)
        if self.toolbar is not None:
            self.toolbar.setVisible(page == EDITOR_PAGE)

    # ---- the open document ----------------------------------------------------------------------

    def _detach(self, doc: DraftDocument) -> None:
        doc.undo_stack.cleanChanged.disconnect(self._update_title)
        doc.changed.disconnect(self._edited)
        self.undo_group.removeStack(doc.undo_stack)

    def set_document(self, doc: DraftDocument | None) -> None:
        old = self.doc
        if old is not None:
            self._detach(old)
        self.doc = doc
        self.autosave.watch(doc)
        if doc is None:
            self.session.unlock()
            if self.editor is not None:
                self.editor.set_document(None)
                for panel in self._document_panels():
                    panel.set_document(None)
            self._show_page(START_PAGE)
        else:
            editor = self._ensure_editor()
            self.undo_group.addStack(doc.undo_stack)
            self.undo_group.setActiveStack(doc.undo_stack)
            doc.undo_stack.cleanChanged.connect(self._update_title)
            doc.changed.connect(self._edited)
            for panel in self._document_panels():
                panel.set_document(doc)
            editor.set_document(doc)
            self.start_background_work()
            self._show_page(EDITOR_PAGE)
            if doc.path is not None:
                self.session.lock(doc.path)
            else:
                self.session.unlock()
        if old is not None:
            old.deleteLater()
        self.autosave_label.setText("")
        self._update_count()
        self._update_title()
        self._update_file_actions()

    def _document_panels(self) -> list[ReferencePane | PreviewPane | FlagsPanel | ChecksPanel | LibraryPanel]:
        return [p for p in (self.reference, self.preview, self.flags_panel, self.checks_panel, self.library_panel)
                if p is not None]

    def _edited(self) -> None:
        self._update_title()
        self._count_timer.start()

    def _update_count(self) -> None:
        self.count_label.setText(f"全文 {self.doc.report.char_count()} 字" if self.doc is not None else "")

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.doc.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.needs_save())

    def _autosaved(self, _file: str) -> None:
        from datetime import datetime

        self.autosave_label.setText(f"已自动保存 {datetime.now():%H:%M:%S}")

    def needs_save(self) -> bool:
        if self.doc is None or not shiboken6.isValid(self.doc.undo_stack):
            return False  # the process is ending and Qt has already dropped the document
        return self.doc.is_modified() or self.doc.path is None or self.doc.unsaved

    def emergency_autosave(self) -> bool:
        """Before an error dialog: write what the clerk has, whatever else is broken."""
        return self.autosave.flush() if self.doc is not None else True

    # ---- new, open, save ------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when the open draft may be replaced or closed (saved, or the clerk said so)."""
        if self.doc is None or not self.needs_save():
            return True
        answer = prompts.ask_save_changes(self, self.doc.display_name)
        if answer == prompts.SAVE:
            return self.save()
        if answer == prompts.DISCARD:
            self.autosave.forget()
            return True
        return False

    def new_report(self, prior_path: Path | None = None) -> bool:
        if not self.confirm_discard():
            return False
        from gui.new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.settings, prior_path, self)
        if not dialog.exec():
            return False
        return self.create_report(dialog.request())

    def create_report(self, request: object) -> bool:
        """Make the draft a NewReportRequest asks for and open it (unsaved)."""
        from core.reuse.new_draft import new_draft
        from gui.document import DraftDocument
        from gui.new_report_dialog import NewReportRequest

        assert isinstance(request, NewReportRequest)
        try:
            prior = request.prior.report if request.prior is not None else None
            draft = new_draft(request.kind_id, request.year, request.unit, prior, request.mode)
        except ReportError as exc:
            prompts.warn(self, "无法新建报告", str(exc))
            return False
        self.settings.unit = request.unit
        self.settings.last_kind = request.kind_id
        if request.prior_path is not None:
            self.settings.recent_documents = push_recent(self.settings.recent_documents, request.prior_path)
            self.settings.last_folder = str(request.prior_path.parent)
        self._store_settings()
        if request.prior_path is not None and not draft.report.prior_source:
            draft.report.prior_source = request.prior_path.name
        doc = DraftDocument(draft.report, None)
        doc.unsaved = True
        self.set_document(doc)
        self.autosave.flush()  # an import is work worth keeping even before the first edit
        if request.prior is not None and request.prior_path is not None:
            from core.library import SOURCE_IMPORT

            self.library.add_document(request.prior.report, request.prior_path, SOURCE_IMPORT)
        if draft.review_flags:
            self.show_panel("flags")
        self.statusBar().showMessage("　".join(draft.notes), 30000 if draft.review_flags else 15000)
        return True

    def open_draft(self, path: Path | None = None) -> bool:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            start = self.settings.last_folder or str(Path.home())
            chosen, _ = QFileDialog.getOpenFileName(self, "打开草稿", start, OPEN_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        if not is_draft(path) and is_importable(path):
            return self.new_report(prior_path=path)
        if self.doc is not None and self.doc.path is not None and self.doc.path.resolve() == path.resolve():
            return True  # already open here
        holder = self.session.lock_holder(path)
        if holder is not None and not prompts.ask_open_locked(self, path, holder):
            return False
        if not self.confirm_discard():
            return False
        from core.draft.draft_file import load_draft
        from gui.document import DraftDocument

        try:
            report = load_draft(path)
        except ReportError as exc:
            prompts.warn(self, "无法打开草稿", str(exc))
            return False
        self.autosave.forget()
        self.set_document(DraftDocument(report, path))
        self._remember_draft(path)
        return True

    def _remember_draft(self, path: Path) -> None:
        self.settings.recent_drafts = push_recent(self.settings.recent_drafts, path)
        self.settings.last_folder = str(path.parent)
        self._store_settings()
        self._refresh_recent()

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._write_draft(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        folder = Path(self.settings.last_folder) if self.settings.last_folder else Path.home()
        suggested = folder / (safe_file_name(self.doc.report.title, "未命名报告") + DRAFT_SUFFIX)
        if self.doc.path is not None:
            suggested = self.doc.path
        from PySide6.QtWidgets import QFileDialog

        from gui.file_dialogs import DRAFT_FILTER

        chosen, _ = QFileDialog.getSaveFileName(self, "保存草稿", str(suggested), DRAFT_FILTER)
        if not chosen:
            return False
        path = with_suffix(chosen, DRAFT_SUFFIX)
        holder = self.session.lock_holder(path)
        if holder is not None and not prompts.ask_open_locked(self, path, holder):
            return False
        return self._write_draft(path)

    def _write_draft(self, path: Path) -> bool:
        from core.draft.draft_file import save_draft

        assert self.doc is not None
        try:
            save_draft(self.doc.report, path)
        except SaveFailed as exc:
            if prompts.ask_save_elsewhere(self, str(exc)):
                return self.save_as()
            return False
        self.doc.path = path
        self.doc.unsaved = False
        self.doc.undo_stack.setClean()
        self.session.lock(path)
        self.autosave.forget()
        self._remember_draft(path)
        self._update_title()
        self.statusBar().showMessage(f"已保存：{path}", 5000)
        return True

    def close_document(self) -> bool:
        if not self.confirm_discard():
            return False
        self.autosave.forget()
        self.set_document(None)
        self._refresh_recent()
        return True

    # ---- export ---------------------------------------------------------------------------------

    def export_word(self) -> Path | None:
        """Export through the rendering pipeline; a failed target never touches the draft."""
        if self.doc is None:
            return None
        from PySide6.QtWidgets import QFileDialog

        from core.draft.model import report_from_dict, to_dict

        folder = self.settings.last_folder or str(Path.home())
        suggested = str(Path(folder) / (safe_file_name(self.doc.report.title, "报告") + ".docx"))
        while True:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "导出 Word 文档", suggested, WORD_FILTER, "",
                QFileDialog.Option.DontConfirmOverwrite,
            )
            if not chosen:
                return None
            target = with_suffix(chosen, ".docx")
            suggested = str(target)
            if target.exists() and not prompts.ask_overwrite(self, target):
                continue
            snapshot = report_from_dict(to_dict(self.doc.report))  # the clerk may type on meanwhile
            try:
                warnings = _render_in_background(self, snapshot, target, self.settings.font_scheme)
            except SaveFailed as exc:
                prompts.warn(self, "无法导出", f"{exc}\n\n草稿没有受到影响。请另选一个文件名或位置。")
                continue
            except ReportError as exc:
                prompts.warn(self, "无法导出", str(exc))
                return None
            self.settings.last_folder = str(target.parent)
            self._store_settings()
            from core.library import SOURCE_EXPORT

            self.library.add_document(snapshot, target, SOURCE_EXPORT)
            note = f"已导出：{target}"
            if warnings:
                note += "　提示：" + " ".join(warnings)
            self.statusBar().showMessage(note, 20000)
            return target

    # ---- recovery -------------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """At start: offer the autosave of a session that ended without closing."""
        from core.draft.session import discard_autosave, find_recoverable

        found = find_recoverable()
        if not found:
            return False
        from gui.recovery_dialog import DISCARD, RECOVER, RecoveryDialog

        choice, chosen = RecoveryDialog.ask(self, found)
        if chosen is None:
            return False
        if choice == DISCARD:
            discard_autosave(chosen)
            return False
        if choice == RECOVER:
            return self.recover(chosen)
        return False

    def recover(self, autosave: Autosave) -> bool:
        from core.draft.session import discard_autosave
        from gui.document import DraftDocument

        if not self.confirm_discard():
            return False
        try:
            report = autosave.load()
        except (ReportError, OSError, ValueError, KeyError) as exc:
            prompts.warn(self, "无法恢复草稿", f"自动保存的文件已损坏，无法恢复（{exc}）。")
            return False
        path = Path(autosave.draft_path) if autosave.draft_path else None
        doc = DraftDocument(report, path)
        doc.unsaved = True  # what was recovered is not in the draft file yet
        self.set_document(doc)
        if self.autosave.flush():  # our own autosave holds it now; the orphan can go
            discard_autosave(autosave)
        self.statusBar().showMessage("已恢复自动保存的内容。请检查后保存。", 15000)
        return True

    # ---- window events --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(is_draft(p) or is_importable(p) for p in local_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [p for p in local_paths(event.mimeData()) if is_draft(p) or is_importable(p)]
        if not paths:
            return
        event.acceptProposedAction()
        # Open after the drop finishes: a modal dialog inside a drop handler blocks the source.
        QTimer.singleShot(0, lambda: self.open_draft(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self._save_window_state()
        if self._autosave is not None:
            self._autosave.watch(None)
        if self.doc is not None:
            self._detach(self.doc)  # the document must not call back into a closing window
            self.doc = None
        if self._session is not None:
            self._session.close()
        if self._library is not None:
            self._library.shutdown()  # documents being stored are finished first
        event.accept()

    def _save_window_state(self) -> None:
        values: dict[str, QByteArray] = {"geometry": self.saveGeometry()}
        if self.editor is not None:
            if self.pages.currentIndex() == START_PAGE:
                # Docks are hidden on the start page; remember them as the clerk left them.
                for name, dock in self.panels.items():
                    dock.setVisible(self._panels_visible.get(name, True))
            values["windowState"] = self.saveState()
            values["editorSplitter"] = self.editor.saveState()
            values["sectionFormSplitter"] = self.editor.section_form.splitter.saveState()
        save_state(values)

    def _about(self) -> None:
        prompts.inform(
            self,
            "关于报告起草助手",
            "报告起草助手：选择报告类型，导入上年报告作参考，逐节起草，导出符合 GB/T 9704-2012 的 Word 文档。\n\n"
            "草稿每隔几秒自动保存；意外关闭后，下次启动时可以恢复。",
        )


def _render_in_background(parent: QWidget, report: object, target: Path, scheme: str) -> list[str]:
    from core.render import render_report
    from gui.workers import run_in_background

    return run_in_background(parent, "正在生成 Word 文档…", render_report, report, target, scheme)
