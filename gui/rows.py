"""Rows and cells of Qt's item widgets (lists, trees, tables) that keep no reference behind.

PySide6 6.11 keeps one reference to None for every QListWidgetItem, QTreeWidgetItem or
QTableWidgetItem made from Python once a view paints it: the binding looks for a Python
override of the item's virtual ``data``, and when there is none the answer it keeps is
never given back. The panels fill their rows again after every pause and every section
switch, so None's count grew by thousands an hour. These rows override ``data`` (by
calling Qt's own), which takes the path that keeps nothing. (Rows copied in C++ with
``clone()`` keep nothing either, but Python cannot tell when Qt deletes them: a panel that
kept one crashed.) Roles are set with ``setData``: the convenience setters reach the same
lookup through ``setData``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTableWidgetItem, QTreeWidget, QTreeWidgetItem


class ListRow(QListWidgetItem):
    def data(self, role: int) -> Any:  # type: ignore[override]
        return super().data(role)


class TreeRow(QTreeWidgetItem):
    def data(self, column: int, role: int) -> Any:  # type: ignore[override]
        return super().data(column, role)


class TableCell(QTableWidgetItem):
    def data(self, role: int) -> Any:  # type: ignore[override]
        return super().data(role)


DISPLAY = Qt.ItemDataRole.DisplayRole


def tree_row(texts: Sequence[str], parent: QTreeWidget | QTreeWidgetItem | None = None) -> QTreeWidgetItem:
    """A tree row showing ``texts`` column by column, appended to ``parent`` when given."""
    item = TreeRow()
    for column, text in enumerate(texts):
        item.setData(column, DISPLAY, text)
    if isinstance(parent, QTreeWidget):
        parent.addTopLevelItem(item)
    elif parent is not None:
        parent.addChild(item)
    return item


def list_row(list_widget: QListWidget, text: str) -> QListWidgetItem:
    """A row showing ``text``, appended to ``list_widget``."""
    item = ListRow()
    item.setData(DISPLAY, text)
    list_widget.addItem(item)
    return item


def table_cell(text: str) -> QTableWidgetItem:
    """A cell showing ``text``, for ``QTableWidget.setItem``."""
    item = TableCell()
    item.setData(DISPLAY, text)
    return item
