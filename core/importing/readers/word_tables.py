"""A Word table (w:tbl) as a :class:`core.draft.tables.Table` grid.

A merged cell is kept once, in its first grid cell, with its span (core.draft.tables): a
cell spanning columns (``w:gridSpan``) leaves "" in the columns it covers, and a cell
continuing the one above (``w:vMerge`` without "restart") makes that cell span one more
row. A continuing cell that holds text of its own (Word hides it) adds it to the merged
cell's text, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from core.draft.tables import Table, merge_record
from core.ooxml.word_names import WordNames, int_attr

MAX_SPAN = 64  # columns one cell may claim: a damaged file, not a table


def read_table(
    tbl: etree._Element,
    n: WordNames,
    rows: list[etree._Element],
    cells_of: Callable[[etree._Element], list[etree._Element]],
    cell_text: Callable[[etree._Element], str],
) -> Table | None:
    """The table's grid of texts, or None when no cell holds any text."""
    grid: list[list[str]] = []
    # Merges as [row, column, columns, rows] while reading; open_above: grid column → the merge
    # a cell below may continue.
    merges: list[list[int]] = []
    open_above: dict[int, list[int]] = {}
    header_rows = 0
    counting_header = True
    for row in rows:
        texts: list[str] = []
        continued: dict[int, list[int]] = {}
        for cell in cells_of(row):
            properties = cell.find(n.tcPr)
            span = int_attr(properties.find(n.gridSpan) if properties is not None else None, n, 1) or 1
            span = max(1, min(span, MAX_SPAN))
            vertical = properties.find(n.vMerge) if properties is not None else None
            text = cell_text(cell)
            column = len(texts)
            above = open_above.get(column)
            if vertical is not None and vertical.get(n.val, "continue") != "restart" and above and above[2] == span:
                above[3] += 1
                continued[column] = above
                if text:
                    first = grid[above[0]]
                    first[column] = f"{first[column]}\n{text}" if first[column] else text
                texts.extend([""] * span)
                continue
            merge = [len(grid), column, span, 1]
            if span > 1 or vertical is not None:
                merges.append(merge)
                continued[column] = merge
            texts.append(text)
            texts.extend([""] * (span - 1))
        open_above = continued
        row_properties = row.find(n.trPr)
        is_header = row_properties is not None and row_properties.find(n.tblHeader) is not None
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        grid.append(texts)
    if not any(cell for row in grid for cell in row):
        return None
    kept = [merge_record(*merge) for merge in merges if merge[2] > 1 or merge[3] > 1]
    # A table without marked header rows still usually opens with its column titles.
    return Table(rows=grid, header_rows=header_rows or 1, merges=kept)
