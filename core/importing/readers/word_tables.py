"""A Word table (w:tbl) as a :class:`core.draft.tables.Table` grid.

A cell spanning columns (``w:gridSpan``) repeats its text in each grid column it covers,
as python-docx exposes it, and the merge is recorded. A vertically merged cell
(``w:vMerge``) keeps what each grid cell holds: the continuation cells are empty.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from core.draft.tables import Table
from core.ooxml.word_names import WordNames, int_attr


def read_table(
    tbl: etree._Element,
    n: WordNames,
    rows: list[etree._Element],
    cells_of: Callable[[etree._Element], list[etree._Element]],
    cell_text: Callable[[etree._Element], str],
) -> Table | None:
    """The table's grid of texts, or None when no cell holds any text."""
    grid: list[list[str]] = []
    merges: list[list[int]] = []
    header_rows = 0
    counting_header = True
    for row in rows:
        texts: list[str] = []
        for cell in cells_of(row):
            properties = cell.find(n.tcPr)
            span = int_attr(properties.find(n.gridSpan) if properties is not None else None, n, 1) or 1
            span = max(1, min(span, 64))
            text = cell_text(cell)
            if span > 1:
                merges.append([len(grid), len(texts), span])
            texts.extend([text] * span)
        row_properties = row.find(n.trPr)
        is_header = row_properties is not None and row_properties.find(n.tblHeader) is not None
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        grid.append(texts)
    if not any(cell for row in grid for cell in row):
        return None
    # A table without marked header rows still usually opens with its column titles.
    return Table(rows=grid, header_rows=header_rows or 1, merges=merges)
