"""The main window: start page or editor, menus, files, autosave, recovery, panels.

Nothing on the way to the first paint touches PySide6's ``Qt`` namespace: building its
~110 Python enums takes about 50 ms, more than the start page itself. The start page uses
native widgets only, actions get their keys through ``setShortcuts`` (the single-key
overloads would build the namespace), and code for the editor imports ``Qt`` where used.
A test (tests/gui/test_startup.py) keeps it that way.

The window holds menus, the toolbar, the status bar and the two pages; what happens to the
draft (new, open, save, export, recover) is :class:`gui.document_controller.DocumentController`'s,
and the side panels are :class:`gui.panels.panel_host.PanelHost`'s docks. The editor and its panels
are built on first use, so the window appears fast. jieba and the library of past reports
load in background threads once the window is on screen (:meth:`start_background_work`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QStackedWidget

from core.base.settings import Settings, existing, load_settings
from gui.dialogs.file_dialogs import is_draft, is_importable, local_paths
from gui.document_controller import DocumentController
from gui.icons import icon
from gui.panels.panel_host import PanelHost
from gui.review_import import ReviewImport
from gui.start_page import StartPage
from gui.window_actions import WindowActions
from gui.window_state import fit_to_screen, initial_size, load_state, save_state
from gui.window_tools import HelpMenu, LibraryMenu, library_server

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QToolBar

    from core.draft.edits import Place
    from core.draft.session import Session
    from gui.autosave import AutosaveController
    from gui.dialogs.find_replace import FindReplaceDialog
    from gui.document import DraftDocument
    from gui.editor.editor_view import EditorView
    from gui.panels.library_service import LanguageWatcher, LibraryService

APP_NAME = "报告起草助手"
LANGUAGE_AT_THE_LATEST_MS = 1000  # jieba starts loading by then even if the library is slow to open
START_PAGE, EDITOR_PAGE = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else load_settings()
        self.undo_group = QUndoGroup(self)
        self.doc: DraftDocument | None = None
        self.editor: EditorView | None = None
        self._library: LibraryService | None = None
        self._language: LanguageWatcher | None = None
        self.toolbar: QToolBar | None = None  # built with the editor
        self.find_dialog: FindReplaceDialog | None = None  # built on first Ctrl+F
        self.documents = DocumentController(self, self.settings)
        self._closing_after_work = False  # a close waits for the work running for the window
        self.documents.status.connect(self.show_status)
        self.documents.documentReady.connect(self.set_document)
        self.documents.panelWanted.connect(self.show_panel)
        self.documents.panelToFront.connect(lambda name: self.panel_host.bring_forward(name))
        self.documents.jumpWanted.connect(self.jump_to)
        self.documents.forLibrary.connect(lambda report, path, source: self.library.add_document(report, path, source))
        self.review = ReviewImport(self)
        self.documents.recentChanged.connect(self._refresh_recent)
        self.documents.saved.connect(self._update_title)
        self.documents.editsPending.connect(self._commit_open_editors)
        self.documents.saved.connect(self._update_file_actions)  # 历史版本 needs a saved file
        self.documents.autosaved.connect(self._autosaved)

        self.start_page = StartPage()
        self.start_page.newRequested.connect(lambda: self.documents.new_report())
        self.start_page.openRequested.connect(lambda: self.documents.open_draft())
        self.start_page.draftChosen.connect(lambda path: self.documents.open_draft(Path(path)))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)

        self.status_text = ""
        self.autosave_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self._update_count)

        self.library_menu = LibraryMenu(
            self, self.settings, lambda: self.library, self.documents.store_settings, self.show_status
        )
        self.help_menu = HelpMenu(self)
        self.window_actions = WindowActions(self, self.menuBar())  # menus and actions from gui/window_actions.py
        self.panel_host = PanelHost(self, self.window_actions.menu("view"))
        self._refresh_recent()
        self._update_title()
        self._update_file_actions()
        self.resize(initial_size(self))
        geometry = load_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        fit_to_screen(self)  # a layout saved on a bigger screen is repaired here

    # ---- services and parts (built on first use) --------------------------------------------

    @property
    def session(self) -> Session:
        return self.documents.session

    @property
    def autosave(self) -> AutosaveController:
        return self.documents.autosave

    @property
    def library(self) -> LibraryService:
        """The library of past reports, used from worker threads (opened on first use)."""
        if self._library is None:
            from core.base.paths import data_dir
            from gui.panels.library_service import LibraryService

            self._library = LibraryService(data_dir(), self, library_server(self.settings))
            self._library.stored.connect(self._library_stored)
            # The office server went away or came back: said once, in the status bar.
            self._library.noticed.connect(lambda notice: self.show_status(notice, 20000))
            # A rebuilt library says so once, here and in the 资料库 panel.
            self._library.opened.connect(lambda notice: notice and self.show_status(notice, 20000))
        return self._library

    @property
    def language(self) -> LanguageWatcher:
        """The jieba dictionary, loading in a background thread once started."""
        if self._language is None:
            from gui.panels.library_service import LanguageWatcher

            self._language = LanguageWatcher(self)
        return self._language

    def start_background_work(self) -> None:
        """Once the window is on screen: open the library, then load jieba, off the GUI thread.

        The library first: it opens in milliseconds and can then answer searches by plain text
        while jieba loads (reading jieba's cache holds the interpreter for a few hundred ms,
        which would otherwise delay the library's few milliseconds of work behind it).
        """
        library = self.library
        if not library.is_open:
            library.opened.connect(lambda _notice: self.language.start())
            library.failed.connect(lambda _message: self.language.start())
            QTimer.singleShot(LANGUAGE_AT_THE_LATEST_MS, self.language.start)
        else:
            self.language.start()
        library.open()

    # ---- actions and menus ------------------------------------------------------------------

    def _refresh_recent(self) -> None:
        recent = existing(self.settings.recent_drafts)
        self.start_page.set_recent(recent)
        recent_menu = self.window_actions.menu("recent")
        recent_menu.clear()
        for text in recent:
            action = recent_menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, p=text: self.documents.open_draft(Path(p)))
        recent_menu.setEnabled(bool(recent))

    def _update_file_actions(self) -> None:
        self.window_actions.document_changed(self.doc)

    def _ensure_editor(self) -> EditorView:
        """Build the editor and its panels the first time a draft is opened."""
        if self.editor is not None:
            return self.editor
        from gui.editor.editor_view import EditorView
        from gui.i18n import use_chinese_locale

        use_chinese_locale()  # the report form's date field and calendar
        self.editor = EditorView()
        self.pages.addWidget(self.editor)
        self.toolbar = self.window_actions.build_toolbar()
        from gui.window_panels import PanelServices

        self.panel_host.build(self.editor, PanelServices(self.settings, self.library, self.language))
        panels = self.panel_host
        assert panels.preview is not None and panels.flags is not None and panels.checks is not None
        panels.preview.schemeChosen.connect(self._scheme_chosen)
        panels.flags.jumpRequested.connect(self.jump_to)
        panels.checks.jumpRequested.connect(self.jump_to)
        panels.checks.flagsRequested.connect(lambda: self.show_panel("flags"))
        outline_menu = self.window_actions.menu("outline")
        for action in self.editor.outline.actions_in_order:
            if action is None:
                outline_menu.addSeparator()
            else:
                outline_menu.addAction(action)  # its keys stay the outline's (gui/editor/outline_panel.py)
        return self.editor

    def show_find(self, replace: bool = False) -> None:
        """查找 (Ctrl+F) and 替换 (Ctrl+H) across the whole draft."""
        if self.doc is None:
            return
        if self.find_dialog is None:
            from gui.dialogs.find_replace import FindReplaceDialog

            undo_redo = (self.window_actions["undo"], self.window_actions["redo"])
            self.find_dialog = FindReplaceDialog(self.jump_to, self, undo_redo)
            self.find_dialog.set_document(self.doc)
        self.find_dialog.show_for(replace)

    def show_panel(self, name: str) -> None:
        """Bring a panel to the front (it may be a tab behind another)."""
        self.panel_host.show_panel(name)

    def jump_to(self, place: Place | None) -> None:
        """Show the text a flag or a check finding points at, selected (None: it is gone)."""
        if self.editor is not None and (place is None or not self.editor.jump_to(place)):
            self.show_status("这处内容已经改动或删除，无法定位。", 5000)

    def run_checks(self) -> None:
        if self.panel_host.checks is None or self.doc is None:
            return
        self.show_panel("checks")
        self.panel_host.checks.run_now()

    def search_library(self) -> None:
        if self.panel_host.library is None or self.doc is None:
            return
        self.show_panel("library")
        self.panel_host.library.focus_search()

    def _library_stored(self, file_name: str, error: str) -> None:
        if error:
            self.show_status(f"“{file_name}”未能存入资料库：{error}", 10000)

    def show_report_form(self) -> None:
        if self.editor is not None and self.doc is not None:
            self.editor.show_report_form()

    def _scheme_chosen(self, scheme_id: str) -> None:
        self.settings.font_scheme = scheme_id
        self.documents.store_settings()

    def _show_page(self, page: int) -> None:
        if page == self.pages.currentIndex():
            return
        editor_shown = page == EDITOR_PAGE
        if not editor_shown:
            self.panel_host.editor_page_shown(False)
        self.pages.setCurrentIndex(page)
        for index in range(self.pages.count()):
            # The page not shown must not set the window's minimum size (QStackedWidget
            # otherwise takes the largest of all pages).
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        if editor_shown:
            self.panel_host.editor_page_shown(True)
            fit_to_screen(self)  # before the saved splitter positions are applied to its width
            if self.panel_host.layout_to_restore and self.editor is not None:
                QTimer.singleShot(0, lambda: self.editor and self.panel_host.restore_layout(self.editor))
        self.window_actions.editor_shown(editor_shown)
        if self.toolbar is not None:
            self.toolbar.setVisible(editor_shown)

    # ---- the open document ----------------------------------------------------------------------

    def _detach(self, doc: DraftDocument) -> None:
        doc.undo_stack.cleanChanged.disconnect(self._update_title)
        doc.changed.disconnect(self._edited)
        self.undo_group.removeStack(doc.undo_stack)

    def set_document(self, doc: DraftDocument | None) -> None:
        """Show ``doc`` in the editor and its panels (None: back to the start page)."""
        old = self.doc
        if old is not None:
            self._detach(old)
        self.doc = doc
        self.documents.document_shown(doc)
        if doc is None:
            self.review.document_changed()
            if self.editor is not None:
                self.editor.set_document(None)
                self.panel_host.set_document(None)
            if self.find_dialog is not None:
                self.find_dialog.set_document(None)
                self.find_dialog.hide()
            self._show_page(START_PAGE)
        else:
            editor = self._ensure_editor()
            self.undo_group.addStack(doc.undo_stack)
            self.undo_group.setActiveStack(doc.undo_stack)
            doc.undo_stack.cleanChanged.connect(self._update_title)
            doc.changed.connect(self._edited)
            doc.refused.connect(lambda reason: self.show_status(reason, 8000))
            self.panel_host.set_document(doc)
            editor.set_document(doc)
            if self.find_dialog is not None:
                self.find_dialog.set_document(doc)
            self.start_background_work()
            self._show_page(EDITOR_PAGE)
            self.review.document_changed()  # after the editor: its review in progress comes back
        if old is not None:
            old.deleteLater()
        self.autosave_label.setText("")
        self._update_count()
        self._update_title()
        self._update_file_actions()

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
        self.setWindowModified(self.documents.needs_save())

    def _commit_open_editors(self) -> None:
        from gui.editor.widgets import commit_open_editors

        commit_open_editors(self)

    def _autosaved(self, _file: str) -> None:
        from datetime import datetime

        self.autosave_label.setText(f"已自动保存 {datetime.now():%H:%M:%S}")

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
        QTimer.singleShot(0, lambda: self.documents.open_draft(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:
        from gui.workers import running_for, when_idle

        if running_for(self):
            # An export (or other work) still runs: it may write and report into the library,
            # which closes with the window. Stop it, and close once it has ended.
            event.ignore()
            if not self._closing_after_work:
                self._closing_after_work = True
                cancelled = self.documents.stop_work()
                self.show_status("正在取消导出，取消后关闭窗口…" if cancelled else "正在完成后台工作，完成后关闭窗口…")
                when_idle(self, self._close_after_work)
            return
        if not self.documents.confirm_discard():
            event.ignore()
            return
        self._save_window_state()
        if self.doc is not None:
            self._detach(self.doc)  # the document must not call back into a closing window
            self.doc = None
        self.documents.shutdown()
        if self._library is not None:
            self._library.shutdown()  # documents being stored are finished first
        event.accept()

    def _close_after_work(self) -> None:
        self._closing_after_work = False
        self.documents.work_stopped()
        self.close()

    def _save_window_state(self) -> None:
        values: dict[str, QByteArray] = {"geometry": self.saveGeometry(), **self.panel_host.state_to_save()}
        if self.editor is not None:
            values.update(self.editor.splitter_states())
        save_state(values)

    def show_status(self, text: str, milliseconds: int = 0) -> None:
        """A message in the status bar, cut short with "…" rather than running under the
        autosave and character-count labels; the whole text is in the tooltip."""
        from PySide6.QtCore import Qt

        bar = self.statusBar()
        room = bar.width() - self.autosave_label.width() - self.count_label.width() - 40
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 120))
        bar.setToolTip(text if shown != text else "")
        self.status_text = text  # the whole message, for tests and the tooltip
        bar.showMessage(shown, milliseconds)
