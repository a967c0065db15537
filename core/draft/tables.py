"""Tables inside a section's text (a 完成情况统计表 in last year's 上半年总结).

A table is stored as its full grid of cell texts. A merged cell is stored once, in its
first (top-left) grid cell, with its span in ``merges``: ``[row, column, column_count]``, or
``[row, column, column_count, row_count]`` when it spans rows too. The grid cells it covers
hold "" — so the plain text (library, search), the review's cells and the table editor see
each visible word once — and the Word file merges them again (w:gridSpan, w:vMerge). Drafts of format 4 and before repeated
the text in every column a merge covered; :func:`table_from_dict` keeps it once.
``after_body`` is the number of the section's ``body`` entries the table follows; ``None``
places it after the section's points and tail.

``column_widths`` holds the widths the clerk set in the table editor, in millimetres, one
per column (0: sized from the text, :func:`core.render.table_widths.column_widths`); an empty
list means every column is sized from its text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

MAX_COLUMN_MM = 1000  # a width past any paper: a damaged file, not a clerk's setting


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 1
    after_body: int | None = None
    merges: list[list[int]] = field(default_factory=list)
    column_widths: list[float] = field(default_factory=list)

    @property
    def column_count(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def grid(self) -> list[list[str]]:
        """Rows padded to the same width, so every row has a cell per column."""
        width = self.column_count
        return [row + [""] * (width - len(row)) for row in self.rows]

    def text_lines(self) -> list[str]:
        """Each row as its cells joined by a tab: the table's plain text (search, library)."""
        return ["\t".join(row) for row in self.grid()]

    def spans(self) -> list[tuple[int, int, int, int]]:
        """Each merge as (row, column, column_count, row_count)."""
        return [(m[0], m[1], max(1, m[2]), max(1, m[3]) if len(m) > 3 else 1) for m in self.merges]

    def covering(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        """The merge whose area holds (row, column), its first cell included; None if none does."""
        for span in self.spans():
            first_row, first_column, columns, rows = span
            if first_row <= row < first_row + rows and first_column <= column < first_column + columns:
                return span
        return None

    def merge_at(self, row: int, column: int) -> int:
        """How many grid columns the cell starting at (row, column) covers; 0 if covered."""
        span = self.covering(row, column)
        if span is None:
            return 1
        return span[2] if (span[0], span[1]) == (row, column) else 0

    def holder(self, row: int, column: int) -> tuple[int, int]:
        """The grid cell holding the text shown at (row, column): a merge's first cell."""
        span = self.covering(row, column)
        return (span[0], span[1]) if span is not None else (row, column)

    def width_set(self, column: int) -> float:
        """The width in mm the clerk set for ``column``; 0 when it is sized from its text."""
        return self.column_widths[column] if 0 <= column < len(self.column_widths) else 0.0

    def with_width(self, column: int, width_mm: float) -> Table:
        """A copy with ``column`` set to ``width_mm`` (0: sized from its text again)."""
        widths = [self.width_set(c) for c in range(self.column_count)]
        widths[column] = round(max(0.0, float(width_mm)), 1)
        return _replace(self, column_widths=_normal_widths(widths))

    def automatic_widths(self) -> Table:
        """A copy with every column sized from its text again."""
        return _replace(self, column_widths=[])

    def resized(self, add_rows: int, add_columns: int) -> Table:
        """A copy with a row added at the end (``add_rows`` > 0) or the last one removed
        (< 0, at least one row stays), and a column added or the last one removed (at least
        one stays): merges and widths of the columns removed go with them."""
        rows = self.grid()
        columns = max(1, self.column_count + add_columns)
        if add_rows > 0:
            rows.append([""] * columns)
        elif add_rows < 0 and len(rows) > 1:
            rows.pop()
        rows = [(row + [""] * columns)[:columns] for row in rows]
        merges = [list(m) for m, (r, c, width, height) in zip(self.merges, self.spans(), strict=True)
                  if r + height <= len(rows) and c + width <= columns]
        widths = _normal_widths([self.width_set(c) for c in range(columns)])
        return _replace(self, rows=rows, merges=merges, column_widths=widths)


def _normal_widths(widths: list[float]) -> list[float]:
    """No widths at all when every column is sized from its text: one way to say "automatic"."""
    return list(widths) if any(widths) else []


def _replace(table: Table, **changes: Any) -> Table:
    fresh = copy.deepcopy(table)
    for name, value in changes.items():
        setattr(fresh, name, value)
    return fresh


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        "rows": [list(row) for row in table.rows],
        "header_rows": table.header_rows,
        "after_body": table.after_body,
        "merges": [list(m) for m in table.merges],
    } | ({"column_widths": list(table.column_widths)} if table.column_widths else {})


def merge_record(row: int, column: int, columns: int, rows: int) -> list[int]:
    """A merge as stored: the row count only when it spans rows (format 4's triples stay)."""
    return [row, column, columns] + ([rows] if rows > 1 else [])


def text_once(table: Table) -> Table:
    """``table`` with each merged cell's text in its first cell only (what a draft of format 4
    or before repeated in the cells a merge covers is dropped there; a covered cell holding
    other text has it added to the merged cell's, on a line of its own: nothing is lost)."""
    rows = [list(row) for row in table.rows]
    for first_row, first_column, columns, height in table.spans():
        if first_row >= len(rows) or first_column >= len(rows[first_row]):
            continue
        kept = rows[first_row][first_column]
        for r in range(first_row, min(first_row + height, len(rows))):
            for c in range(first_column, min(first_column + columns, len(rows[r]))):
                if (r, c) == (first_row, first_column):
                    continue
                text, rows[r][c] = rows[r][c], ""
                if text.strip() and text != kept:
                    kept = f"{kept}\n{text}" if kept else text
        rows[first_row][first_column] = kept
    return _replace(table, rows=rows) if rows != table.rows else table


def table_from_dict(data: Any) -> Table:
    """A table from a draft file; anything malformed raises ValueError (the loader's message).
    A merged cell's text repeated by an older draft is kept once (:func:`text_once`)."""
    if not isinstance(data, dict):
        raise ValueError("table must be an object")
    rows = data.get("rows", [])
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and all(isinstance(cell, str) for cell in row) for row in rows
    ):
        raise ValueError("table rows must be lists of strings")
    header_rows = data.get("header_rows", 1)
    if not isinstance(header_rows, int) or isinstance(header_rows, bool) or header_rows < 0:
        raise ValueError("header_rows must be a non-negative integer")
    after_body = data.get("after_body")
    if after_body is not None and (not isinstance(after_body, int) or isinstance(after_body, bool) or after_body < 0):
        raise ValueError("after_body must be a non-negative integer or null")
    merges = data.get("merges", [])
    if not isinstance(merges, list) or not all(
        isinstance(m, list) and len(m) in (3, 4)
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in m)
        for m in merges
    ):
        raise ValueError("merges must be [row, column, columns] or [row, column, columns, rows]")
    widths = data.get("column_widths", [])
    if not isinstance(widths, list) or not all(
        isinstance(w, int | float) and not isinstance(w, bool) and 0 <= w <= MAX_COLUMN_MM for w in widths
    ):
        raise ValueError(f"column_widths must be millimetres from 0 to {MAX_COLUMN_MM}")
    table = Table(rows=[list(row) for row in rows], header_rows=header_rows, after_body=after_body,
                  merges=[list(m) for m in merges], column_widths=[float(w) for w in widths])
    return text_once(table)
