"""The section's tables as simple grids: rows, columns, cell text, header row, column widths.

Every change builds a new tables list and hands it to ``on_change`` (the section form
calls :meth:`gui.document.DraftDocument.set_section_field`), so each edit is one undo step.
Merges (core.draft.tables) show as one cell (spans) and survive cell edits; a row or column
change drops those it cuts.
The column headers show each column's width on paper (core.render.table_widths); the width box
sets the current column's width in mm, 0 = 按内容 (sized from its text).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.draft.tables import Table
from core.render.table_widths import printed_widths_mm, text_block_mm
from gui.rows import table_cell


class TablesEditor(QWidget):
    def __init__(self, on_change: Callable[[list[Table]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._tables: list[Table] = []
        self._marks: dict[tuple[int, int, int], tuple[str, str]] = {}
        self.chooser = QComboBox()
        self.chooser.setObjectName("tableChooser")
        self.chooser.currentIndexChanged.connect(lambda _index: self._show_grid())
        self.header_box = QCheckBox("首行为表头（每页重复）")
        self.header_box.setObjectName("tableHeaderBox")
        self.header_box.toggled.connect(self._header_toggled)
        self.grid = QTableWidget()
        self.grid.setObjectName("tableGrid")
        self.grid.itemChanged.connect(self._cell_edited)
        self.grid.currentCellChanged.connect(lambda *_cells: self._show_width())
        self.width_label = QLabel()
        self.width_box = QDoubleSpinBox()
        self.width_box.setObjectName("tableColumnWidth")
        self.width_box.setRange(0.0, text_block_mm())
        self.width_box.setDecimals(1)
        self.width_box.setSingleStep(1.0)
        self.width_box.setSuffix(" 毫米")
        self.width_box.setSpecialValueText("按内容")  # 0: the column is sized from its text
        self.width_box.setKeyboardTracking(False)  # one edit when the clerk is done typing
        self.width_box.setToolTip(
            f"当前列在纸上的宽度。选“按内容”（0）时按文字长短自动分配；表格总宽始终为版心 {text_block_mm():g} 毫米，"
            "其余按内容的列分剩下的宽度。"
        )
        self.width_box.valueChanged.connect(self._width_edited)
        self.automatic_button = QPushButton("列宽全部按内容")
        self.automatic_button.setObjectName("tableWidthsAutomatic")
        self.automatic_button.clicked.connect(self._all_automatic)
        widths_row = QHBoxLayout()
        widths_row.addWidget(self.width_label)
        widths_row.addWidget(self.width_box)
        widths_row.addWidget(self.automatic_button)
        widths_row.addStretch(1)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, action in (
            ("new", "新建表格", self._new_table),
            ("delete", "删除表格", self._delete_table),
            ("add_row", "加一行", lambda: self._resize(1, 0)),
            ("remove_row", "删末行", lambda: self._resize(-1, 0)),
            ("add_column", "加一列", lambda: self._resize(0, 1)),
            ("remove_column", "删末列", lambda: self._resize(0, -1)),
        ):
            button = QPushButton(label)
            button.clicked.connect(action)
            buttons.addWidget(button)
            self.buttons[key] = button
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.header_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addLayout(widths_row)
        layout.addLayout(buttons)

    # ---- showing ----
    def show_tables(self, tables: list[Table]) -> None:
        index = max(0, self.chooser.currentIndex())
        self._tables = copy.deepcopy(tables)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItems([f"表格{i + 1}（{len(t.rows)} 行 × {t.column_count} 列）" for i, t in enumerate(tables)])
        self.chooser.setCurrentIndex(min(index, len(tables) - 1))
        self.chooser.blockSignals(False)
        self._show_grid()

    def mark_cells(self, marks: dict[tuple[int, int, int], tuple[str, str]]) -> None:
        """Tint cells — (table, row, column) → (background colour, tooltip): the 待核实 flags
        in them (gui/editor/flag_marks.py); the others are shown plain."""
        self._marks = marks
        self._paint_marks()

    def _paint_marks(self) -> None:
        table = self.chooser.currentIndex()
        self.grid.blockSignals(True)  # painting is not an edit
        for r in range(self.grid.rowCount()):
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                if item is None:
                    continue
                colour, tip = self._marks.get((table, r, c), ("", ""))
                item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(QColor(colour)) if colour else None)
                item.setData(Qt.ItemDataRole.ToolTipRole, tip or None)
        self.grid.blockSignals(False)

    def select_cell(self, table: int, row: int, column: int) -> bool:
        """Show table ``table`` with the cell at (row, column) current; False if there is none."""
        if not 0 <= table < self.chooser.count():
            return False
        self.chooser.setCurrentIndex(table)
        if not (0 <= row < self.grid.rowCount() and 0 <= column < self.grid.columnCount()):
            return False
        self.grid.setCurrentCell(row, column)
        self.grid.scrollToItem(self.grid.item(row, column))
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def current(self) -> Table | None:
        index = self.chooser.currentIndex()
        return self._tables[index] if 0 <= index < len(self._tables) else None

    def _show_grid(self) -> None:
        table = self.current()
        has = table is not None
        # Without a table only 新建表格 shows, so the form keeps its height for the text.
        for key in ("delete", "add_row", "remove_row", "add_column", "remove_column"):
            self.buttons[key].setVisible(has)
        for widget in (self.header_box, self.chooser, self.grid, self.width_label, self.width_box, self.automatic_button):
            widget.setVisible(has)
        self.grid.blockSignals(True)
        self.header_box.blockSignals(True)
        grid = table.grid() if table is not None else []
        self.grid.setRowCount(len(grid))
        self.grid.setColumnCount(table.column_count if table is not None else 0)
        self.grid.clearSpans()
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                self.grid.setItem(r, c, table_cell(text))
        for r, c, columns, rows in table.spans() if table is not None else []:
            self.grid.setSpan(r, c, rows, columns)  # a merged cell shows once, as in Word
        if table is not None:
            for column, label in enumerate(_column_labels(table)):
                self.grid.setHorizontalHeaderItem(column, table_cell(label))
        self.header_box.setChecked(bool(table and table.header_rows))
        self.header_box.blockSignals(False)
        self.grid.blockSignals(False)
        self._paint_marks()
        self._show_width()

    def _current_column(self) -> int:
        table = self.current()
        if table is None:
            return -1
        return min(max(0, self.grid.currentColumn()), table.column_count - 1)

    def _show_width(self) -> None:
        table, column = self.current(), self._current_column()
        self.width_box.blockSignals(True)
        self.width_box.setValue(table.width_set(column) if table is not None and column >= 0 else 0.0)
        self.width_box.blockSignals(False)
        self.width_label.setText(f"第{column + 1}列宽度：" if column >= 0 else "列宽：")
        self.automatic_button.setEnabled(bool(table and table.column_widths))

    # ---- edits: each builds a new list and reports it ----
    def _commit(self, tables: list[Table]) -> None:
        self._on_change(tables)

    def _edited_copy(self) -> tuple[list[Table], Table] | None:
        index = self.chooser.currentIndex()
        if not 0 <= index < len(self._tables):
            return None
        tables = copy.deepcopy(self._tables)
        return tables, tables[index]

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        edited = self._edited_copy()
        if edited is None:
            return
        tables, table = edited
        rows = table.grid()
        row, column = table.holder(item.row(), item.column())  # a merged cell's text is in its first cell
        rows[row][column] = item.text()
        table.rows = rows
        self._commit(tables)

    def _header_toggled(self, on: bool) -> None:
        edited = self._edited_copy()
        if edited is not None:
            tables, table = edited
            table.header_rows = 1 if on else 0
            self._commit(tables)

    def _resize(self, add_rows: int, add_columns: int) -> None:
        self._replace_current(lambda table: table.resized(add_rows, add_columns))

    def _width_edited(self, width_mm: float) -> None:
        column = self._current_column()
        if column >= 0:
            self._replace_current(lambda table: table.with_width(column, width_mm))

    def _all_automatic(self) -> None:
        self._replace_current(lambda table: table.automatic_widths())

    def _replace_current(self, change: Callable[[Table], Table]) -> None:
        edited = self._edited_copy()
        if edited is None:
            return
        tables, table = edited
        changed = change(table)
        if changed != table:
            tables[self.chooser.currentIndex()] = changed
            self._commit(tables)

    def _new_table(self) -> None:
        tables = copy.deepcopy(self._tables)
        tables.append(Table(rows=[["", "", ""], ["", "", ""]], header_rows=1, after_body=None))
        self.chooser.setCurrentIndex(-1)
        self._commit(tables)
        self.chooser.setCurrentIndex(len(tables) - 1)

    def _delete_table(self) -> None:
        index = self.chooser.currentIndex()
        if 0 <= index < len(self._tables):
            tables = copy.deepcopy(self._tables)
            del tables[index]
            self._commit(tables)


def _column_labels(table: Table) -> list[str]:
    """Each column's number, "定宽" where the clerk set its width, and its width on paper."""
    return [
        f"第{column + 1}列{'·定宽' if table.width_set(column) else ''}\n{width:g} 毫米"
        for column, width in enumerate(printed_widths_mm(table))
    ]
