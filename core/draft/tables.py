"""Tables inside a section's text (a 完成情况统计表 in last year's 上半年总结).

A table is stored as its full grid of cell texts. A horizontally merged cell keeps its
text repeated in every grid column it covers (as python-docx exposes it), and the merge
is recorded in ``merges`` as ``[row, first_column, column_count]`` so the Word file
merges it again. ``after_body`` is the number of the section's ``body`` entries the
table follows; ``None`` places it after the section's points and tail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 1
    after_body: int | None = None
    merges: list[list[int]] = field(default_factory=list)

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

    def merge_at(self, row: int, column: int) -> int:
        """How many grid columns the cell starting at (row, column) covers; 0 if covered."""
        for r, first, count in self.merges:
            if r == row and first < column < first + count:
                return 0
            if r == row and first == column:
                return count
        return 1


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        "rows": [list(row) for row in table.rows],
        "header_rows": table.header_rows,
        "after_body": table.after_body,
        "merges": [list(m) for m in table.merges],
    }


def table_from_dict(data: Any) -> Table:
    """A table from a draft file; anything malformed raises ValueError (the loader's message)."""
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
        isinstance(m, list) and len(m) == 3 and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in m)
        for m in merges
    ):
        raise ValueError("merges must be [row, column, count] triples")
    return Table(rows=[list(row) for row in rows], header_rows=header_rows, after_body=after_body, merges=merges)
