"""The editor's side panels as docks: 上年参考, 预览, 待核实, 资料库, 检查.

The host builds them with the editor, wires them to it, hands each the open draft, hides
them on the start page and brings back the layout the clerk left (window_state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject

from gui.window_state import load_state

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

    from core.base.settings import Settings
    from gui.document import DraftDocument
    from gui.editor.editor_view import EditorView
    from gui.panels.checks_panel import ChecksPanel
    from gui.panels.flags_panel import FlagsPanel
    from gui.panels.library_panel import LibraryPanel
    from gui.panels.library_service import LanguageWatcher, LibraryService
    from gui.panels.preview_pane import PreviewPane
    from gui.panels.reference_pane import ReferencePane
    from gui.panels.review_panel import ReviewPanel


class PanelHost(QObject):
    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._view_menu = view_menu
        self.docks: dict[str, QDockWidget] = {}
        self._visible: dict[str, bool] = {}
        self._editor_shown = False
        self.layout_to_restore = ""  # "saved" or "default", done once the editor is shown
        self.reference: ReferencePane | None = None
        self.preview: PreviewPane | None = None
        self.flags: FlagsPanel | None = None
        self.library: LibraryPanel | None = None
        self.checks: ChecksPanel | None = None
        self.review: ReviewPanel | None = None

    def add_panel(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea | None = None) -> QDockWidget:
        """Add a dock panel shown with the editor, listed in 视图, remembered across runs.

        ``area`` defaults to the right side.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"panel_{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self._window.addDockWidget(area if area is not None else Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._view_menu.addAction(dock.toggleViewAction())
        self.docks[name] = dock
        self._visible.setdefault(name, True)
        dock.setVisible(self._editor_shown)
        return dock

    def build(self, editor: EditorView, settings: Settings, library: LibraryService, language: LanguageWatcher) -> None:
        """The panels beside a freshly built editor, with the saved dock layout."""
        from PySide6.QtCore import Qt

        from gui.panels.checks_panel import ChecksPanel
        from gui.panels.flags_panel import FlagsPanel
        from gui.panels.library_panel import LibraryPanel
        from gui.panels.preview_pane import PreviewPane
        from gui.panels.reference_pane import ReferencePane

        window = self._window
        self.reference = ReferencePane()
        self.preview = PreviewPane(settings.font_scheme)
        reference_dock = self.add_panel("reference", "上年参考", self.reference)
        preview_dock = self.add_panel("preview", "预览（A4）", self.preview)
        window.splitDockWidget(reference_dock, preview_dock, Qt.Orientation.Horizontal)
        # The review panels share the reference pane's place, as tabs beside it.
        self.flags = FlagsPanel()
        self.library = LibraryPanel(library, language)
        self.checks = ChecksPanel()
        from gui.panels.review_panel import ReviewPanel

        self.review = ReviewPanel()  # filled by gui.review_import when a reviewed copy comes in
        for name, title, panel in (("flags", "待核实", self.flags), ("library", "资料库", self.library),
                                   ("checks", "检查", self.checks), ("review", "审阅", self.review)):
            window.tabifyDockWidget(reference_dock, self.add_panel(name, title, panel))
        reference_dock.raise_()
        editor.sectionShown.connect(self.section_shown)
        editor.reportShown.connect(self.reference.show_report_level)
        editor.reportShown.connect(lambda: self.section_shown("", preview=False, reference=False))
        state = load_state("windowState")
        restored = state is not None and window.restoreState(state)
        self.layout_to_restore = "saved" if restored else "default"
        # Which panels the clerk had open; they show when the editor page does.
        self._visible = {name: not restored or dock.isVisibleTo(window) for name, dock in self.docks.items()}
        for dock in self.docks.values():
            dock.hide()

    def document_panels(self) -> list[ReferencePane | PreviewPane | FlagsPanel | ChecksPanel | LibraryPanel]:
        return [p for p in (self.reference, self.preview, self.flags, self.checks, self.library) if p is not None]

    def set_document(self, doc: DraftDocument | None) -> None:
        for panel in self.document_panels():
            panel.set_document(doc)
        if self.reference is not None and "reference" in self.docks:
            self.docks["reference"].setWindowTitle(self.reference.title())

    def section_shown(self, section_id: str, preview: bool = True, reference: bool = True) -> None:
        if reference and self.reference is not None:
            self.reference.show_section(section_id)
        if preview and self.preview is not None:
            self.preview.show_section(section_id)
        if self.library is not None:
            self.library.set_section(section_id)

    def show_panel(self, name: str) -> None:
        """Bring a panel to the front (it may be a tab behind another)."""
        dock = self.docks.get(name)
        if dock is None or not self._editor_shown:
            return
        dock.show()
        dock.raise_()

    def editor_page_shown(self, shown: bool) -> None:
        """Docks belong to the editor: hidden on the start page, back as the clerk left them."""
        if shown == self._editor_shown:
            return
        if not shown:
            self._visible = {name: dock.isVisible() for name, dock in self.docks.items()}
        self._editor_shown = shown
        for name, dock in self.docks.items():
            dock.setVisible(shown and self._visible.get(name, True))

    def restore_layout(self, editor: EditorView) -> None:
        """Splitter positions, once the editor has its real size (or a default share)."""
        how, self.layout_to_restore = self.layout_to_restore, ""
        if how == "saved":
            editor.restore_splitter_states({key: load_state(key) for key in editor.splitter_states()})
            return
        if how != "default":
            return
        from PySide6.QtCore import Qt

        width = max(self._window.width(), 1000)
        docks = [self.docks["reference"], self.docks["preview"]]
        self._window.resizeDocks(docks, [int(width * 0.21), int(width * 0.28)], Qt.Orientation.Horizontal)
        editor.setSizes([int(width * 0.19), int(width * 0.32)])

    def state_to_save(self) -> dict[str, QByteArray]:
        """The dock layout as the clerk left it (docks are hidden on the start page)."""
        if not self.docks:
            return {}
        if not self._editor_shown:
            for name, dock in self.docks.items():
                dock.setVisible(self._visible.get(name, True))
        return {"windowState": self._window.saveState()}
