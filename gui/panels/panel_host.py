"""The editor's side panels as docks, built from the table in gui/window_panels.py.

The host builds them with the editor, wires the named ones to it, hands each panel that
follows the draft (DocumentBound) the open draft, hides them on the start page and brings
back the layout the clerk left (window_state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QObject

from gui.window_state import load_state

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

    from gui.document import DraftDocument
    from gui.editor.editor_view import EditorView
    from gui.panels.checks_panel import ChecksPanel
    from gui.panels.flags_panel import FlagsPanel
    from gui.panels.library_panel import LibraryPanel
    from gui.panels.panel_base import DocumentBound
    from gui.panels.preview_pane import PreviewPane
    from gui.panels.reference_pane import ReferencePane
    from gui.panels.review_panel import ReviewPanel
    from gui.window_panels import PanelServices


class PanelHost(QObject):
    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._view_menu = view_menu
        self.docks: dict[str, QDockWidget] = {}
        self._visible: dict[str, bool] = {}
        self._editor_shown = False
        self.layout_to_restore = ""  # "saved" or "default", done once the editor is shown
        self.widgets: dict[str, QWidget] = {}  # each panel by its row's name

    # The panels the window wires to the editor, by their rows in gui/window_panels.py.
    @property
    def reference(self) -> ReferencePane | None:
        return cast("ReferencePane | None", self.widgets.get("reference"))

    @property
    def preview(self) -> PreviewPane | None:
        return cast("PreviewPane | None", self.widgets.get("preview"))

    @property
    def flags(self) -> FlagsPanel | None:
        return cast("FlagsPanel | None", self.widgets.get("flags"))

    @property
    def library(self) -> LibraryPanel | None:
        return cast("LibraryPanel | None", self.widgets.get("library"))

    @property
    def checks(self) -> ChecksPanel | None:
        return cast("ChecksPanel | None", self.widgets.get("checks"))

    @property
    def review(self) -> ReviewPanel | None:
        return cast("ReviewPanel | None", self.widgets.get("review"))

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

    def build(self, editor: EditorView, services: PanelServices) -> None:
        """The panels of gui/window_panels.py beside a freshly built editor, with the saved dock layout."""
        from PySide6.QtCore import Qt

        from gui import window_panels

        window = self._window
        raised: list[QDockWidget] = []
        for row in window_panels.PANELS:  # read when built: a row added later counts
            widget = row.factory(services)
            self.widgets[row.name] = widget
            dock = self.add_panel(row.name, row.title, widget)
            if row.dock == window_panels.BESIDE:
                window.splitDockWidget(self.docks[row.of], dock, Qt.Orientation.Horizontal)
            elif row.dock == window_panels.TAB:
                window.tabifyDockWidget(self.docks[row.of], dock)
                if self.docks[row.of] not in raised:
                    raised.append(self.docks[row.of])
        for dock in raised:
            dock.raise_()  # the first panel of each place in front
        assert self.reference is not None
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

    def document_panels(self) -> list[DocumentBound]:
        """The panels that follow the open draft."""
        from gui.panels.panel_base import DocumentBound

        return [widget for widget in self.widgets.values() if isinstance(widget, DocumentBound)]

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

    def bring_forward(self, name: str) -> None:
        """Bring a panel's tab to the front if the clerk keeps it open (a closed one stays closed)."""
        dock = self.docks.get(name)
        if dock is not None and self._editor_shown and not dock.isHidden():
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
        self._window.resizeDocks(docks, [int(width * 0.27), int(width * 0.20)], Qt.Orientation.Horizontal)
        # The outline wide enough for a 一、 chapter's whole heading and a fourth level's first words.
        editor.setSizes([int(width * 0.21), int(width * 0.28)])

    def state_to_save(self) -> dict[str, QByteArray]:
        """The dock layout as the clerk left it (docks are hidden on the start page)."""
        if not self.docks:
            return {}
        if not self._editor_shown:
            for name, dock in self.docks.items():
                dock.setVisible(self._visible.get(name, True))
        return {"windowState": self._window.saveState()}
