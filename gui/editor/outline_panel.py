"""The outline tree with its edit actions (also offered in the 提纲 menu)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.document import DraftDocument
from gui.editor.outline_model import COL_CHARS, COL_HEADING, COL_STATUS, SECTION_ID_ROLE
from gui.editor.outline_tree import OutlineTree
from gui.icons import icon


class OutlinePanel(QWidget):
    sectionSelected = Signal(str)  # "" when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None

        self.tree = OutlineTree()
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.add_sibling_action = self._action("add_sibling", "添加同级标题", "Ctrl+Return", self.add_sibling)
        self.add_child_action = self._action("add_child", "添加下级标题", "Ctrl+Shift+Return", self.add_child)
        self.delete_action = self._action("delete", "删除标题", "Ctrl+Delete", self.delete_current)
        self.up_action = self._action("up", "上移", "Alt+Up", self.move_up)
        self.down_action = self._action("down", "下移", "Alt+Down", self.move_down)
        self.promote_action = self._action("promote", "升一级", "Alt+Left", self.promote)
        self.demote_action = self._action("demote", "降一级", "Alt+Right", self.demote)
        # In the context menu only: it corrects an import guess, not an everyday edit.
        self.to_body_action = QAction("转为正文", self)
        self.to_body_action.setToolTip("这不是标题：把它和它的正文并入前面的正文（可撤销）")
        self.to_body_action.triggered.connect(self.turn_into_body)
        self.actions_in_order = [
            self.add_sibling_action,
            self.add_child_action,
            self.delete_action,
            None,
            self.up_action,
            self.down_action,
            self.promote_action,
            self.demote_action,
        ]

        toolbar = QToolBar()
        toolbar.setIconSize(QSize(18, 18))
        for action in self.actions_in_order:
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

        caption = style.caption(QLabel("提纲"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(caption)
        layout.addWidget(toolbar)
        layout.addWidget(self.tree, 1)
        self._update_actions()

    def _action(self, icon_name: str, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.rstrip('…')}（{QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)}）")
        # The keys act only while the outline (tree or its toolbar) has the focus: in 正文 or 标题
        # Ctrl+Del deletes the next word and Alt+arrows are the text box's, as in Word or WPS.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # the panel is the widget whose focus the context asks for
        return action

    # ---- binding ----------------------------------------------------------------------

    def set_document(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            self._doc.focusRequested.disconnect(self.select_section)
            self._doc.structureChanged.disconnect(self._update_actions)
        self._doc = doc
        self.tree.setModel(doc.outline if doc is not None else None)
        if doc is None:
            self._update_actions()
            return
        doc.focusRequested.connect(self.select_section)
        doc.structureChanged.connect(self._update_actions)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_HEADING, QHeaderView.ResizeMode.Stretch)
        # Fixed widths that hold any status and a five-digit count: sizing to contents
        # would read every row of the outline again on each keystroke's count update.
        metrics = self.tree.fontMetrics()
        padding = metrics.horizontalAdvance("　")  # the heading needs the room more than these
        widths = {  # the status is a dot (its word in the tooltip), the count five digits
            COL_STATUS: metrics.horizontalAdvance("一") + padding // 2,
            COL_CHARS: metrics.horizontalAdvance("99999") + padding,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.tree.expandAll()
        first = doc.outline.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)
        else:
            self._update_actions()
            self.sectionSelected.emit("")

    def current_id(self) -> str:
        index = self.tree.currentIndex()
        return str(index.data(SECTION_ID_ROLE)) if index.isValid() else ""

    def select_section(self, section_id: str) -> None:
        if self._doc is None:
            return
        index = self._doc.outline.index_for(section_id) if section_id else QModelIndex()
        if index.isValid():
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.tree.scrollTo(index)
        else:
            self.tree.selectionModel().clear()
            self.sectionSelected.emit("")
        self._update_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        self.sectionSelected.emit(str(current.data(SECTION_ID_ROLE)) if current.isValid() else "")

    def _update_actions(self) -> None:
        from core.draft import outline_ops as ops

        doc, current = self._doc, self.current_id()
        has = doc is not None and bool(current) and doc.report.find(current) is not None
        self.add_sibling_action.setEnabled(doc is not None)
        self.add_child_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        for action, target in (
            (self.up_action, ops.move_up_target),
            (self.down_action, ops.move_down_target),
            (self.promote_action, ops.promote_target),
            (self.demote_action, ops.demote_target),
        ):
            action.setEnabled(has and target(doc.report, current) is not None)  # type: ignore[union-attr]
        self.to_body_action.setEnabled(has)

    def _context_menu(self, pos: object) -> None:
        menu = QMenu(self)
        for action in self.actions_in_order:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.addAction(self.to_body_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    # ---- edits --------------------------------------------------------------------------

    def add_sibling(self) -> None:
        if self._doc is not None:
            self._doc.add_section_after(self.current_id() or None)

    def add_child(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.add_child_section(self.current_id())
            self.tree.expand(self.tree.currentIndex().parent())

    def delete_current(self) -> None:
        """Delete the current part. A part that holds text beyond its heading (正文, 要点, tables
        or sub-headings) goes whole, so the clerk is asked first; an empty heading goes at once.
        Either way it is one Ctrl+Z away."""
        from gui.dialogs import prompts

        doc, section_id = self._doc, self.current_id()
        if doc is None or not section_id:
            return
        section = doc.report.find(section_id)
        if section is None:
            return
        heading_chars = len("".join(section.heading.split()))
        chars = section.char_count()
        if (chars > heading_chars or section.children) and not prompts.ask_delete_section(
            self.window(), section.heading, chars
        ):
            return
        doc.delete_section(section_id)

    def move_up(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.move_section_up(self.current_id())

    def move_down(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.move_section_down(self.current_id())

    def promote(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.promote_section(self.current_id())

    def demote(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.demote_section(self.current_id())

    def turn_into_body(self) -> None:
        if self._doc is not None and self.current_id():
            self._doc.turn_section_into_body(self.current_id())
