"""Column widths of a section table on paper, with no Word parts: the one rule the .docx
(core.render.tables) and the table editor's width display both follow. Kept apart so the
window needs no lxml.

Columns are sized from their text (:func:`column_widths`), as a browser sizes an automatic
table: each column wants its longest cell on one line; if all fit, the 156 mm are shared
in proportion to those widths among the columns of text (a 序号 column, numbers only,
keeps its own width); if not, each column keeps at
least its header, its short cells (a date, a name) and its longest number or Latin word unbroken and the rest of the width
goes to the columns with the most text to wrap. A width the clerk set in the table editor
(``Table.column_widths``) is kept, and the other columns share what it leaves.
"""

from __future__ import annotations

import re

from core.draft.tables import Table
from core.render.styles import (
    LIBREOFFICE_SCRIPT_GAP_EM,
    TABLE_PT,
    TWIPS_PER_MM,
    TWIPS_PER_PT,
    PageSetup,
    mm,
)
from core.render.title import char_width, text_width

CELL_MARGIN = 108  # twips each side (the style's w:tblCellMar)
SHORT_CELL_CHARS = 8  # a cell this short (a date, a name) is not broken while the table has room
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.%％\-/:]+")


def text_width_twips(text: str, size_pt: float = TABLE_PT) -> int:
    """``text`` on one line, in twips, as LibreOffice prints it (its gap between digits or
    Latin and Chinese included: the wider of the two programs)."""
    em = size_pt * TWIPS_PER_PT
    width, previous = 0.0, None
    for ch in text:
        wide = char_width(ch) == 1.0
        width += em * char_width(ch)
        if previous is not None and wide != previous:
            width += LIBREOFFICE_SCRIPT_GAP_EM * em
        previous = wide
    return round(width)


def column_widths(table: Table, total: int) -> list[int]:
    """Twips of each column, summing to ``total`` (see the module's docstring).

    A width the clerk set (``Table.column_widths``, mm) is kept as set while the columns
    sized from their text keep at least one character; the set widths are narrowed in
    proportion when they leave less. With every column set, they are widened or narrowed
    in proportion to fill the block: a 公文 table is as wide as the text.
    """
    columns = max(1, table.column_count)
    natural, floor, numbers_only = _wanted_widths(table, columns)
    chosen = {c: mm(table.width_set(c)) for c in range(columns) if table.width_set(c) > 0}
    if not chosen:
        return _rounded(_shared(natural, floor, numbers_only, total), total, columns)
    automatic = [c for c in range(columns) if c not in chosen]
    least = round(TABLE_PT * TWIPS_PER_PT) + 2 * CELL_MARGIN  # one character and the margins
    room = total - least * len(automatic)
    if not automatic or sum(chosen.values()) > room:
        scale = (room if automatic else total) / sum(chosen.values())
        chosen = {c: w * scale for c, w in chosen.items()}
    widths: list[float] = [0.0] * columns
    for c, width in chosen.items():
        widths[c] = width
    if automatic:
        shared = _shared(
            [natural[c] for c in automatic], [floor[c] for c in automatic],
            [numbers_only[c] for c in automatic], total - sum(chosen.values()),
        )  # fmt: skip
        for c, width in zip(automatic, shared, strict=True):
            widths[c] = width
    return _rounded(widths, total, columns)


def _wanted_widths(table: Table, columns: int) -> tuple[list[float], list[float], list[bool]]:
    """Per column: its text on one line, the least it may be, and whether it holds numbers only."""
    natural, floor = [0.0] * columns, [0.0] * columns
    numbers_only = [True] * columns  # 序号-like: numbers or Latin words only under the header
    for row_index, row in enumerate(table.grid()):
        for column, text in enumerate(row[:columns]):
            if table.merge_at(row_index, column) != 1:
                continue  # a merged cell spans several columns: it sizes none of them
            if row_index >= table.header_rows and text.strip() and not _UNBREAKABLE.fullmatch(text.strip()):
                numbers_only[column] = False
            lines = text.split("\n")
            natural[column] = max(natural[column], *(text_width_twips(line) for line in lines))
            if row_index < table.header_rows:
                keep = [text_width_twips(line) for line in lines]
            else:  # numbers, Latin words and short phrases (a date, a name) stay whole
                keep = [text_width_twips(word) for line in lines for word in _UNBREAKABLE.findall(line)]
                keep += [text_width_twips(line) for line in lines if text_width(line) <= SHORT_CELL_CHARS]
            floor[column] = max(floor[column], *keep, round(TABLE_PT * TWIPS_PER_PT))  # at least one character
    natural = [max(n, f) + 2 * CELL_MARGIN for n, f in zip(natural, floor, strict=True)]
    floor = [f + 2 * CELL_MARGIN for f in floor]
    for row_index, row in enumerate(table.grid()):  # a merged cell's text on one line over its columns
        for column, text in enumerate(row[:columns]):
            span = min(table.merge_at(row_index, column), columns - column)
            if span > 1:
                need = max(text_width_twips(line) for line in text.split("\n")) + 2 * CELL_MARGIN
                short = need - sum(natural[column : column + span])
                for covered in range(column, column + span):
                    natural[covered] += max(0, short) / span
    return natural, floor, numbers_only


def _shared(natural: list[float], floor: list[float], numbers_only: list[bool], total: float) -> list[float]:
    """``total`` shared among columns that want ``natural`` and need at least ``floor``."""
    if sum(natural) <= total:  # the room left goes to the columns of text, a 序号 stays narrow
        growing = [n if not numbers_only[c] else 0 for c, n in enumerate(natural)]
        if not any(growing):
            growing = natural
        return [n + (total - sum(natural)) * g / sum(growing) for n, g in zip(natural, growing, strict=True)]
    if sum(floor) < total:
        spare, wrap = total - sum(floor), [n - f for n, f in zip(natural, floor, strict=True)]
        return [f + spare * w / sum(wrap) for f, w in zip(floor, wrap, strict=True)]
    return [total * f / sum(floor) for f in floor]


def _rounded(widths: list[float], total: int, columns: int) -> list[int]:
    """Whole twips summing to ``total``: the rounding goes to the widest column."""
    rounded = [round(w) for w in widths]
    rounded[max(range(columns), key=lambda c: rounded[c])] += total - sum(rounded)
    return rounded


def printed_widths_mm(table: Table) -> list[float]:
    """Each column's width on paper, in mm, as the Word file will have it (the editor shows them)."""
    return [round(w / TWIPS_PER_MM, 1) for w in column_widths(table, PageSetup().text_width)]


def text_block_mm() -> float:
    """The width a table fills: GB/T 9704's 156 mm text block."""
    return round(PageSetup().text_width / TWIPS_PER_MM, 1)
