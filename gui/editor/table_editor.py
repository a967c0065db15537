"""The section's tables as simple grids: rows, columns, cell text, header row.

Every change builds a new tables list and hands it to ``on_change`` (the section form
calls :meth:`gui.document.DraftDocument.set_section_field`), so each edit is one undo step.
Merges (core.draft.tables) survive cell edits; a row or column change drops those it cuts.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.draft.tables import Table
from gui.rows import table_cell


def _without_cut_merges(table: Table, rows: int, columns: int) -> list[list[int]]:
    return [m for m in table.merges if m[0] < rows and m[1] + m[2] <= columns]


class TablesEditor(QWidget):
    def __init__(self, on_change: Callable[[list[Table]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._tables: list[Table] = []
        self.chooser = QComboBox()
        self.chooser.setObjectName("tableChooser")
        self.chooser.currentIndexChanged.connect(lambda _index: self._show_grid())
        self.header_box = QCheckBox("首行为表头（每页重复）")
        self.header_box.setObjectName("tableHeaderBox")
        self.header_box.toggled.connect(self._header_toggled)
        self.grid = QTableWidget()
        self.grid.setObjectName("tableGrid")
        self.grid.itemChanged.connect(self._cell_edited)
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

    def current(self) -> Table | None:
        index = self.chooser.currentIndex()
        return self._tables[index] if 0 <= index < len(self._tables) else None

    def _show_grid(self) -> None:
        table = self.current()
        has = table is not None
        # Without a table only 新建表格 shows, so the form keeps its height for the text.
        for key in ("delete", "add_row", "remove_row", "add_column", "remove_column"):
            self.buttons[key].setVisible(has)
        for widget in (self.header_box, self.chooser, self.grid):
            widget.setVisible(has)
        self.grid.blockSignals(True)
        self.header_box.blockSignals(True)
        grid = table.grid() if table is not None else []
        self.grid.setRowCount(len(grid))
        self.grid.setColumnCount(table.column_count if table is not None else 0)
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                self.grid.setItem(r, c, table_cell(text))
        self.header_box.setChecked(bool(table and table.header_rows))
        self.header_box.blockSignals(False)
        self.grid.blockSignals(False)

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
        row, column = item.row(), item.column()
        # A merged cell shows its text in every column it covers: change them together.
        first, count = column, 1
        for r, start, span in table.merges:
            if r == row and start <= column < start + span:
                first, count = start, span
        for c in range(first, first + count):
            rows[row][c] = item.text()
        table.rows = rows
        self._commit(tables)

    def _header_toggled(self, on: bool) -> None:
        edited = self._edited_copy()
        if edited is not None:
            tables, table = edited
            table.header_rows = 1 if on else 0
            self._commit(tables)

    def _resize(self, add_rows: int, add_columns: int) -> None:
        edited = self._edited_copy()
        if edited is None:
            return
        tables, table = edited
        rows = table.grid()
        columns = max(1, table.column_count + add_columns)
        if add_rows > 0:
            rows.append([""] * columns)
        elif add_rows < 0 and len(rows) > 1:
            rows.pop()
        table.rows = [(row + [""] * columns)[:columns] for row in rows]
        table.merges = _without_cut_merges(table, len(table.rows), columns)
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
