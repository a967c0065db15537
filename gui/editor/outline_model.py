"""A QAbstractItemModel over the Report's section tree.

The model reads the core Report directly (no copy), so what the tree shows is what will
be saved. It never changes the Report: the document applies each edit (core.draft.edits)
inside :meth:`OutlineModel.applying`, which gives Qt the begin/end notifications of that
edit. Drag and drop does not move anything itself: it asks the document (``moveRequested``)
so a drop is one undoable step like any other move.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from core.draft import edits
from core.draft import outline_ops as ops
from core.draft.edits import Edit
from core.draft.model import STATUS_DONE, STATUS_DRAFT, STATUS_EMPTY, STATUS_LABELS, Report, Section
from core.draft.numbering import section_markers
from core.importing.heading_rules import HOW_LABELS

SECTION_MIME = "application/x-baogao-section-id"
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_HEADING, COL_STATUS, COL_CHARS = 0, 1, 2
HEADERS = ("提纲", "状态", "字数")

_STATUS_COLOURS = {STATUS_EMPTY: QColor("#9a9a9a"), STATUS_DONE: QColor("#2e7d32")}

AnyIndex = QModelIndex | QPersistentModelIndex


def display_status(section: Section) -> str:
    """A chapter with no text of its own shows how far its sub-sections are."""
    if section.done or section.own_text().strip() or not section.children:
        return section.status
    statuses = [display_status(child) for child in section.children]
    if all(status == STATUS_DONE for status in statuses):
        return STATUS_DONE
    return STATUS_EMPTY if all(status == STATUS_EMPTY for status in statuses) else STATUS_DRAFT


class OutlineModel(QAbstractItemModel):
    moveRequested = Signal(str, object, int)  # section id, parent id or None, row as displayed

    def __init__(self, report: Report, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._report = report
        self._parents: dict[str, Section | None] = {}
        self._by_id: dict[str, Section] = {}  # every section by id: a keystroke looks its section up
        self._markers: dict[str, str] = {}
        self._reindex()

    # ---- bookkeeping ---------------------------------------------------------------

    def _reindex(self) -> None:
        self._relink()
        self._renumber()

    def _relink(self) -> None:
        """Parent links, recomputed inside every structural change."""
        self._parents = {}
        self._by_id = {}
        for section in self._report.sections:
            self._parents[section.id] = None
        for _, section in self._report.walk():
            self._by_id[section.id] = section
            for child in section.children:
                self._parents[child.id] = section

    def _renumber(self) -> None:
        """Ordinals. Recomputed only *after* Qt has been told about a change, and then
        announced with dataChanged, so views never see a row change without notice."""
        self._markers = section_markers(self._report)

    def report(self) -> Report:
        return self._report

    def find(self, section_id: str) -> Section | None:
        """The section with this id, without walking the tree (kept by every structural change)."""
        return self._by_id.get(section_id)

    def marker(self, section_id: str) -> str:
        return self._markers.get(section_id, "")

    def section(self, index: AnyIndex) -> Section | None:
        if not index.isValid():
            return None
        return index.internalPointer()  # type: ignore[no-any-return]

    def _container(self, parent: Section | None) -> list[Section]:
        return parent.children if parent is not None else self._report.sections

    def index_for(self, section_id: str, column: int = 0) -> QModelIndex:
        if section_id not in self._parents:
            return QModelIndex()
        parent = self._parents[section_id]
        container = self._container(parent)
        row = next(i for i, s in enumerate(container) if s.id == section_id)
        return self.createIndex(row, column, container[row])

    # ---- read interface ------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        container = self._container(self.section(parent))
        if not (0 <= row < len(container) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, container[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        section = self.section(index)
        if section is None:
            return QModelIndex()
        parent = self._parents.get(section.id)
        return self.index_for(parent.id) if parent is not None else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._container(self.section(parent)))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if section == COL_STATUS else HEADERS[section]  # the column shows a dot, no word fits
        if role == Qt.ItemDataRole.ToolTipRole:
            return "状态：灰圈为空，黄点为草稿，绿点为已完成" if section == COL_STATUS else HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        section = self.section(index)
        if section is None:
            return None
        column = index.column()
        if role == SECTION_ID_ROLE:
            return section.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_HEADING:
                return f"{self._markers.get(section.id, '')}{section.heading or '（未填标题）'}"
            if column == COL_STATUS:
                return STATUS_LABELS[display_status(section)]
            return str(section.char_count())
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STATUS:
            return f"状态：{STATUS_LABELS[display_status(section)]}"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_HEADING:
            status = STATUS_LABELS[display_status(section)]
            how = HOW_LABELS.get(section.recognized_by)
            found = f"\n导入时依据{how}识别为标题（识别有误可“转为正文”或升降级）" if how else ""
            return f"{self._markers.get(section.id, '')}{section.heading}\n状态：{status}，{section.char_count()} 字{found}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_HEADING and not section.heading:
                return QBrush(_STATUS_COLOURS[STATUS_EMPTY])
            if column == COL_STATUS and display_status(section) in _STATUS_COLOURS:
                return QBrush(_STATUS_COLOURS[display_status(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CHARS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base  # dropping on empty space appends at the top level
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # ---- drag and drop -------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SECTION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        ids = [self.section(i).id for i in indexes if i.isValid() and i.column() == 0]  # type: ignore[union-attr]
        if ids:
            mime.setData(SECTION_MIME, ids[0].encode("ascii"))
        return mime

    def _drop_target(self, data: QMimeData, row: int, parent: AnyIndex) -> tuple[str, str | None, int] | None:
        if not data.hasFormat(SECTION_MIME):
            return None
        section_id = bytes(data.data(SECTION_MIME).data()).decode("ascii")
        target = self.section(parent)
        parent_id = target.id if target is not None else None
        if ops.drop_location(self._report, section_id, parent_id, row) is None:
            return None
        return section_id, parent_id, row

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target = self._drop_target(data, row, parent)
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        self.moveRequested.emit(*target)
        # The view must not remove the source rows afterwards: the move already happened.
        return False

    # ---- edits (DraftDocument.apply makes them inside these row signals) ---------------------

    def _parent_index(self, parent_id: str | None) -> QModelIndex:
        return self.index_for(parent_id) if parent_id is not None else QModelIndex()

    @contextmanager
    def applying(self, edit: Edit) -> Iterator[None]:
        """Around core's change of the draft: the row signals a tree view needs to keep its
        selection and expanded rows, and the rows to repaint afterwards."""
        if isinstance(edit, edits.InsertSection):
            self.beginInsertRows(self._parent_index(edit.at.parent_id), edit.at.row, edit.at.row)
            try:
                yield
            finally:
                self._relink()
                self.endInsertRows()
            self.renumber()
        elif isinstance(edit, edits.RemoveSection):
            where = ops.locate(self._report, edit.section_id)
            self.beginRemoveRows(self._parent_index(where.parent_id), where.row, where.row)
            try:
                yield
            finally:
                self._relink()
                self.endRemoveRows()
            self.renumber()
        elif isinstance(edit, edits.MoveSection) and self._begin_move(edit):
            try:
                yield
            finally:
                self._relink()
                self.endMoveRows()
            self.renumber()
        elif isinstance(edit, edits.STRUCTURAL):  # the rest, and moves Qt will not describe
            self.beginResetModel()
            try:
                yield
            finally:
                self._reindex()
                self.endResetModel()
        else:
            yield
            self._after_field_edit(edit)

    def _begin_move(self, edit: edits.MoveSection) -> bool:
        old = ops.locate(self._report, edit.section_id)
        to = edit.to
        section = self.find(edit.section_id)
        if section is None or (to.parent_id is not None and any(s.id == to.parent_id for _, s in section.walk())):
            raise ops.OutlineError("a section cannot be moved inside itself")
        # Qt names the destination row before the source row is taken out.
        destination = to.row + 1 if to.parent_id == old.parent_id and to.row > old.row else to.row
        source_parent, target_parent = self._parent_index(old.parent_id), self._parent_index(to.parent_id)
        return bool(self.beginMoveRows(source_parent, old.row, old.row, target_parent, destination))

    def _after_field_edit(self, edit: Edit) -> None:
        if isinstance(edit, edits.SetValue):
            place = edit.place
            if place.is_report_field:
                if place.field == "attachments":
                    self.renumber()  # "附件N" follows the 附件说明
                return
            section = self.find(place.section_id)
            if place.field == "attachment" or (section is not None and section.attachment and place.field == "heading"):
                self.renumber()  # the text's parts and the attachments count apart
                return
            self.refresh_section(place.section_id)
        elif isinstance(edit, edits.POINT_EDITS):
            self.refresh_section(edit.section_id)

    def reload(self) -> None:
        """The whole report was replaced (a restored version): every view starts over."""
        self.beginResetModel()
        self._reindex()
        self.endResetModel()

    # ---- change notifications ------------------------------------------------------

    def refresh_section(self, section_id: str) -> None:
        """Heading, status and counts of a section and its ancestors (counts include children)."""
        current: str | None = section_id
        while current is not None:
            left, right = self.index_for(current, 0), self.index_for(current, len(HEADERS) - 1)
            if left.isValid():
                self.dataChanged.emit(left, right)
            parent = self._parents.get(current)
            current = parent.id if parent is not None else None

    def renumber(self) -> None:
        """Ordinals changed without a move (a part made an attachment, or renamed): recount."""
        self._renumber()
        self.refresh_all()

    def refresh_all(self) -> None:
        """Ordinals change everywhere after a move: repaint every row, parent by parent."""

        def visit(parent: QModelIndex, container: list[Section]) -> None:
            if not container:
                return
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(container) - 1, len(HEADERS) - 1, parent)
            )
            for row, section in enumerate(container):
                visit(self.index(row, 0, parent), section.children)

        visit(QModelIndex(), self._report.sections)
