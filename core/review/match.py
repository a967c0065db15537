"""Place a reviewed copy's paragraphs on the draft: which laid-out paragraph, which text slot.

The draft's paragraphs come from the one layout (:func:`core.text.layout.report_layout`),
so they are exactly the paragraphs the exported Word file had. Each is tied back to the
text slots it shows (:mod:`core.text.textslots`) as *pieces*: "characters 2–8 of this
paragraph are characters 0–6 of section X's heading". Markers ("一、", "一是") and the
rendered date belong to no slot, so a change there has nowhere to go in the draft.

Reviewed paragraphs are matched by their *original* text (what the copy said before the
reviewer's tracked changes), exact first, then by similarity, so renumbered or moved
sections still find their draft paragraph.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import pairwise

from core.draft.model import Report
from core.review.model import (
    DELETE,
    FOOTER,
    INSERT,
    JOIN,
    MOVE_FROM,
    SPLIT,
    ReviewedDocument,
    ReviewedParagraph,
    Revision,
)
from core.text.layout import LaidParagraph, report_layout
from core.text.textslots import CELLS, Slot, cell_index, iter_slots

# A paragraph whose original text is at least this similar to a draft paragraph is a copy of it.
SIMILAR = 0.6
_LINE_END = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class Piece:
    """Characters ``para_start``… of a laid-out paragraph are characters ``slot_start``… of a slot."""

    section_id: str
    field: str
    index: int
    slot_start: int
    para_start: int
    length: int

    @property
    def para_end(self) -> int:
        return self.para_start + self.length


@dataclass(frozen=True)
class DraftParagraph:
    text: str
    section_id: str
    part: str
    pieces: tuple[Piece, ...]

    def piece_for(self, start: int, end: int) -> Piece | None:
        """The slot piece holding characters ``start``–``end`` (an insertion point when equal)."""
        for piece in self.pieces:
            if piece.para_start <= start and end <= piece.para_end:
                return piece
        return None


def draft_paragraphs(report: Report) -> list[DraftParagraph]:
    """The draft's paragraphs as exported, each with the slot pieces it shows. A report
    without a title is exported with one made from its kind (core.render.title): that
    paragraph is there, and belongs to no slot (generated text, like a marker)."""
    shown = report
    if not report.title.strip():
        from core.render.title import title_for_untitled

        generated, _ = title_for_untitled(report)
        if generated:
            shown = copy.copy(report)
            shown.title = generated
    laid = report_layout(shown)
    slots_by_owner: dict[str, list[Slot]] = defaultdict(list)
    for slot in iter_slots(report):
        slots_by_owner[slot.section_id or "field:" + slot.field].append(slot)
    pieces: list[list[Piece]] = [[] for _ in laid]
    for owner, members in _groups(laid):
        _align(laid, members, slots_by_owner.get(owner, []), pieces)
    return [
        DraftParagraph(p.full_text, p.section, p.part, tuple(found))
        for p, found in zip(laid, pieces, strict=True)
    ]


def _groups(laid: list[LaidParagraph]) -> list[tuple[str, list[int]]]:
    """Runs of consecutive paragraphs with one owner (a section, or a report field)."""
    groups: list[tuple[str, list[int]]] = []
    for i, paragraph in enumerate(laid):
        owner = paragraph.section or "field:" + paragraph.part
        if groups and groups[-1][0] == owner:
            groups[-1][1].append(i)
        else:
            groups.append((owner, [i]))
    return groups


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset in the slot text, line) for each stored line, as the layout splits it."""
    out: list[tuple[int, str]] = []
    start = 0
    for end_match in _LINE_END.finditer(text):
        out.append((start, text[start : end_match.start()]))
        start = end_match.end()
    out.append((start, text[start:]))
    return out


def _align(
    laid: list[LaidParagraph], members: list[int], slots: list[Slot], pieces: list[list[Piece]]
) -> None:
    """Find each slot line, in reading order, in the group's paragraphs."""
    cursor, position = 0, 0
    for slot in slots:
        for offset, line in _lines(slot.text):
            needle = line.strip()
            if not needle:
                continue
            offset += len(line) - len(line.lstrip())
            for k in range(cursor, len(members)):
                text = laid[members[k]].full_text
                found = text.find(needle, position if k == cursor else 0)
                if found >= 0:
                    pieces[members[k]].append(
                        Piece(slot.section_id, slot.field, slot.index, offset, found, len(needle))
                    )
                    cursor, position = k, found + len(needle)
                    break


def match_paragraphs(originals: list[str], drafts: list[str]) -> dict[int, int]:
    """Reviewed paragraph index → draft paragraph index, one to one (empty paragraphs never match)."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(drafts):
        if text.strip():
            by_text[text.strip()].append(j)
    for i, text in enumerate(originals):
        candidates = by_text.get(text.strip())
        if candidates:
            j = candidates.pop(0)
            matched[i] = j
            used.add(j)
    rest_reviewed = [i for i, t in enumerate(originals) if t.strip() and i not in matched]
    rest_draft = [j for j, t in enumerate(drafts) if t.strip() and j not in used]
    pairs: list[tuple[float, int, int, int]] = []
    by_bigram: dict[str, list[int]] = defaultdict(list)
    for j in rest_draft:
        for bigram in _bigrams(drafts[j]):
            by_bigram[bigram].append(j)
    for i in rest_reviewed:
        shared: Counter[int] = Counter()
        for bigram in _bigrams(originals[i]):
            shared.update(by_bigram.get(bigram, ()))
        for j, count in shared.items():
            # Text that is 60 % the same shares long runs, hence many two-character pieces:
            # only such pairs are worth the full comparison (hundreds of paragraphs each side).
            if count < 0.2 * (len(originals[i]) + len(drafts[j])):
                continue
            matcher = SequenceMatcher(None, originals[i], drafts[j], autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                pairs.append((ratio, -abs(i - j), i, j))
    pairs.sort(reverse=True)
    for _, _, i, j in pairs:
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    _pair_in_gaps(originals, drafts, matched, used)
    return matched


# A paragraph of the copy left unmatched between two matched ones is the rewrite of an
# unmatched draft paragraph between the same two when at least this share of the shorter
# text is shared (a short opening the leader wrote on: "2023年上半年，" → three times as long).
SHARED_IN_GAP = 0.5
# Gaps with more candidate pairs than this are not a rewrite but another text: left alone.
_GAP_PAIRS = 64


def _pair_in_gaps(originals: list[str], drafts: list[str], matched: dict[int, int], used: set[int]) -> None:
    """Between two paragraphs matched in order, an unmatched paragraph of the copy and one of
    the draft that share most of the shorter one's text are one paragraph the leader changed
    (a 修改 of it, not a paragraph deleted and another added), paired in order."""
    anchors = sorted(matched.items())
    bounds = [(-1, -1), *[(i, j) for i, j in anchors], (len(originals), len(drafts))]
    for (i_low, j_low), (i_high, j_high) in pairwise(bounds):
        if j_high <= j_low:
            continue  # a move: no gap in order between them
        copies = [i for i in range(i_low + 1, i_high) if originals[i].strip() and i not in matched]
        candidates = [j for j in range(j_low + 1, j_high) if drafts[j].strip() and j not in used]
        if not copies or not candidates or len(copies) * len(candidates) > _GAP_PAIRS:
            continue
        after = -1
        for i in copies:
            best, best_share = -1, SHARED_IN_GAP
            for j in candidates:
                if j <= after or j in used:
                    continue
                shorter = min(len(originals[i].strip()), len(drafts[j].strip()))
                blocks = SequenceMatcher(None, originals[i], drafts[j], autojunk=False).get_matching_blocks()
                share = sum(size for _a, _b, size in blocks) / shorter
                if share >= best_share and (best < 0 or share > best_share):
                    best, best_share = j, share
            if best >= 0:
                matched[i] = best
                used.add(best)
                after = best


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def match_rate(originals: list[str], found: int) -> float:
    """Share of the reviewed copy's non-empty paragraphs (``found`` of them) found in the draft."""
    total = sum(1 for text in originals if text.strip())
    return min(1.0, found / total) if total else 0.0


def char_map(source: str, target: str) -> list[tuple[int, int, int]]:
    """Blocks (source start, target start, length) of text the two share, in order."""
    if source == target:
        return [(0, 0, len(source))]
    blocks = SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()
    return [(a, b, size) for a, b, size in blocks if size]


def map_span(blocks: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int] | None:
    """``start``–``end`` of the source in target coordinates, when it lies in one shared block."""
    for a, b, size in blocks:
        if a <= start and end <= a + size:
            return b + start - a, b + end - a
    return None


CellKey = tuple[int, int, int]  # (table, row, grid column) in the reviewed copy


# Rows are aligned by dynamic programming over rows x rows: beyond this many pairs (a table of
# several hundred rows on each side) only rows at the same place are compared.
MAX_ROW_PAIRS = 250_000


def _row_score(copy_row: dict[int, str], draft_row: list[str]) -> int:
    """How many of the rows' non-empty cells read the same at the same column; 0 unless that is
    at least half of the draft row's non-empty cells (a row the leader rewrote whole is not it)."""
    filled = [column for column, text in enumerate(draft_row) if text.strip()]
    same = sum(1 for column in filled if copy_row.get(column, "").strip() == draft_row[column].strip())
    if not filled:  # an empty row of the draft is the copy's empty row
        return 1 if not any(text.strip() for text in copy_row.values()) else 0
    return same if same * 2 >= len(filled) else 0


def align_rows(copy_rows: list[dict[int, str]], draft_rows: list[list[str]]) -> dict[int, int]:
    """Copy row → draft row, in order: the pairing with the most cells equal (:func:`_row_score`).
    A row the leader inserted pairs with none, and so does a draft row he deleted: nothing of
    the copy is taken for a row it is not (walkthrough W8: a new row was read as edits of the
    clerk's next row)."""
    n, m = len(copy_rows), len(draft_rows)
    if n * m > MAX_ROW_PAIRS:
        return {i: i for i in range(min(n, m)) if _row_score(copy_rows[i], draft_rows[i]) > 0}
    score = [[_row_score(copy_rows[i], draft_rows[j]) for j in range(m)] for i in range(n)]
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: rows i.. and j.. paired at most
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = score[i][j] + best[i + 1][j + 1] if score[i][j] else 0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if score[i][j] and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def match_cells(report: Report, copy_cells: dict[CellKey, str]) -> dict[CellKey, DraftParagraph]:
    """The draft's table cell each of the copy's cells is, as a one-piece paragraph of the
    cell's text (field CELLS). Each copy table goes to the draft table whose rows pair with
    the most of its cells (:func:`align_rows`; at least half of its non-empty cells), each
    draft table used once: the copy's tables are the draft's, in order, unless the leader added
    one. A cell is the draft's cell of the same column in the paired row; the cells of a row
    the leader inserted are none of the draft's."""
    by_table: dict[int, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for (table, row, column), text in copy_cells.items():
        by_table[table][row][column] = text
    drafts = [
        (section, number, table) for _, section in report.walk() for number, table in enumerate(section.tables)
    ]
    used: set[int] = set()
    found: dict[CellKey, DraftParagraph] = {}
    for copy_table, rows in sorted(by_table.items()):
        copy_rows = [rows.get(row, {}) for row in range(max(rows) + 1)]
        wanted = sum(1 for cells in copy_rows for text in cells.values() if text.strip())
        best, best_score, best_pairs = -1, 0, {}
        for k, (_, _, table) in enumerate(drafts):
            if k in used:
                continue
            grid = table.grid()
            pairs = align_rows(copy_rows, grid)
            score = sum(
                1
                for row, paired in pairs.items()
                for column, text in copy_rows[row].items()
                if text.strip() and column < len(grid[paired]) and grid[paired][column].strip() == text.strip()
            )
            if score > best_score:
                best, best_score, best_pairs = k, score, pairs
        if best < 0 or best_score * 2 < wanted:
            continue
        used.add(best)
        section, number, table = drafts[best]
        for row, paired in best_pairs.items():
            for column in copy_rows[row]:
                index = cell_index(section, number, paired, column)
                if index is None:
                    continue
                text = table.rows[paired][column]
                found[(copy_table, row, column)] = DraftParagraph(
                    text, section.id, CELLS, (Piece(section.id, CELLS, index, 0, 0, len(text)),)
                )
    return found


@dataclass(frozen=True)
class AddedTable:
    """A table of the copy that the draft does not have: its rows as accepted, and whose."""

    rows: list[list[str]]
    author: str
    date: str
    tracked: bool


def added_tables(
    document: ReviewedDocument, in_cells: dict[CellKey, DraftParagraph], tracked_only: bool
) -> dict[int, AddedTable]:
    """The copy's tables (by number) none of whose cells is the draft's: with ``tracked_only``
    (no sent version to tell the leader's from the clerk's) only tables whose every word is a
    tracked insertion, else any with words in it."""
    by_table: dict[int, list[ReviewedParagraph]] = defaultdict(list)
    for paragraph in document.paragraphs:
        if paragraph.cell is not None:
            by_table[paragraph.cell[0]].append(paragraph)
    found: dict[int, AddedTable] = {}
    for number, paragraphs in by_table.items():
        if any(p.cell in in_cells for p in paragraphs) or not any(p.accepted.strip() for p in paragraphs):
            continue
        inserted = not any(p.original.strip() for p in paragraphs)
        if tracked_only and not inserted:
            continue
        cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        for p in paragraphs:
            _table, row, column = p.cell  # type: ignore[misc]
            cells[(row, column)].append(p.accepted)
        height, width = max(r for r, _ in cells) + 1, max(c for _, c in cells) + 1
        rows = [["\n".join(cells.get((r, c), [])).strip() for c in range(width)] for r in range(height)]
        rows = [row for row in rows if any(cell for cell in row)]
        who = next((r for p in paragraphs for r in p.revisions), None)
        found[number] = AddedTable(rows, who.author if who else "", who.date if who else "", who is not None)
    return found


def moved_runs(matched: dict[int, int]) -> list[list[int]]:
    """Runs of the copy's matched paragraphs that stand in another order than in the draft:
    all but the longest run of paragraphs in the draft's order (an untracked move, such as
    two sections swapped), consecutive ones together."""
    order = sorted(matched)
    tails: list[int] = []  # tails[k]: position in ``order`` ending the best run of length k+1
    back: list[int] = [-1] * len(order)
    for position, i in enumerate(order):
        j = matched[i]
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if matched[order[tails[middle]]] < j:
                low = middle + 1
            else:
                high = middle
        back[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        kept.add(order[position])
        position = back[position]
    runs: list[list[int]] = []
    for i in order:
        if i in kept:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def section_moves(document: ReviewedDocument, matched: dict[int, int], paragraphs: list[DraftParagraph]) -> set[str]:
    """Names of the tracked moves whose moved-away text includes a section's heading."""
    return {
        r.move_name
        for i, p in enumerate(document.paragraphs)
        if i in matched and any(piece.field == "heading" for piece in paragraphs[matched[i]].pieces)
        for r in p.revisions
        if r.kind == MOVE_FROM and r.move_name
    }


def following_paragraph(
    paragraphs: list[DraftParagraph], matched: dict[int, int], i: int,
    cells: dict[int, DraftParagraph] | None = None,
) -> DraftParagraph | None:
    """The paragraph matched to the first paragraph of the copy after ``i`` that has one, or
    the draft's table cell (``cells``: by the copy's paragraph index) when one comes first."""
    later = [k for k in matched if k > i]
    cell = min((k for k in (cells or {}) if k > i), default=None)
    if cell is not None and (not later or cell < min(later)):
        return (cells or {})[cell]
    return paragraphs[matched[min(later)]] if later else None


def cells_by_paragraph(document: ReviewedDocument, in_cells: dict[CellKey, DraftParagraph]) -> dict[int, DraftParagraph]:
    """The draft's cell each paragraph of the copy in a matched cell is (by its index)."""
    return {k: in_cells[p.cell] for k, p in enumerate(document.paragraphs) if p.cell is not None and p.cell in in_cells}


def outside_tables(document: ReviewedDocument) -> list[str]:
    """The copy's paragraphs' original texts for matching with the draft's paragraphs; a
    table cell's is "" (it is matched as a cell, never to a paragraph of the same words)."""
    return ["" if p.in_table else p.original for p in document.paragraphs]


@dataclass(frozen=True)
class CopyCell:
    """One table cell of the copy, its paragraphs as one text with a line a paragraph (as the
    draft keeps a cell): ``original`` (before the tracked changes), the tracked changes on it,
    and the copy's paragraphs it is made of."""

    original: str
    revisions: tuple[Revision, ...]
    paragraphs: tuple[int, ...]


def copy_cells(document: ReviewedDocument) -> dict[CellKey, CopyCell]:
    """Each table cell of the copy as one text. A paragraph mark between two lines is a line
    break of the cell: one the leader typed (Word and WPS mark the paragraph an inserted
    mark ends; the reader joins a line split so back into one with a SPLIT where the mark
    went) is an inserted "\n", one struck out (JOIN) a deleted "\n"; a paragraph the leader
    added whole is "\n" and its words after the line before it (or its words and "\n" at
    the start)."""
    by_cell: dict[CellKey, list[int]] = defaultdict(list)
    for i, paragraph in enumerate(document.paragraphs):
        if paragraph.cell is not None:
            by_cell[paragraph.cell].append(i)
    out: dict[CellKey, CopyCell] = {}
    for key, indices in by_cell.items():
        lines = [document.paragraphs[i] for i in indices if not document.paragraphs[i].inserted]
        original = "\n".join(p.original for p in lines)
        revisions: list[Revision] = []
        offset = 0
        line = -1
        for i in indices:
            paragraph = document.paragraphs[i]
            if paragraph.inserted:
                if paragraph.accepted:
                    who = paragraph.revisions[0] if paragraph.revisions else Revision(INSERT, "", "", 0, 0, "")
                    at = max(offset - 1, 0)  # the end of the line before it, or the cell's start
                    if line >= 0:
                        text = "\n" + paragraph.accepted
                    elif lines:
                        text = paragraph.accepted + "\n"
                    else:  # a cell of nothing but new paragraphs
                        text = ("\n" if revisions else "") + paragraph.accepted
                    _add_insert(revisions, Revision(INSERT, who.author, who.date, at, at, text))
                continue
            line += 1
            last_line = line == len(lines) - 1
            struck = bool(paragraph.original) and not paragraph.accepted and all(
                r.kind in (DELETE, MOVE_FROM) for r in paragraph.revisions)
            first_of_line = len(revisions)
            for revision in paragraph.revisions:
                start, end = revision.start + offset, revision.end + offset
                if revision.kind == SPLIT:
                    _add_insert(revisions, Revision(INSERT, revision.author, revision.date, start, start, "\n"))
                elif revision.kind == JOIN:
                    if not last_line:  # the cell's last mark is the cell's end, nothing to join
                        revisions.append(Revision(DELETE, revision.author, revision.date, start, start + 1, "\n"))
                elif revision.kind == INSERT:
                    _add_insert(revisions, Revision(INSERT, revision.author, revision.date, start, end, revision.text,
                                                    revision.move_name))
                else:
                    revisions.append(Revision(revision.kind, revision.author, revision.date, start, end, revision.text,
                                              revision.move_name))
            if struck and paragraph.mark_deleted and not last_line:  # the whole line struck out, its break with it
                last = revisions[-1]
                revisions[-1] = replace(last, end=last.end + 1, text=last.text + "\n")
            elif struck and last_line and line > 0:  # the cell's last line gone: the break before it goes too
                first = revisions[first_of_line]
                revisions[first_of_line] = replace(first, start=first.start - 1, text="\n" + first.text)
            offset += len(paragraph.original) + 1
        out[key] = CopyCell(original, tuple(revisions), tuple(indices))
    return out


def _add_insert(revisions: list[Revision], insertion: Revision) -> None:
    """An insertion, run on into the one just before when that one is a line break the same
    reviewer typed at the same point (the break and the words after it are one new line)."""
    last = revisions[-1] if revisions else None
    if (last is not None and last.kind == INSERT and last.text.endswith("\n") and (last.author, last.date, last.start)
            == (insertion.author, insertion.date, insertion.start)):
        revisions[-1] = Revision(INSERT, last.author, last.date, last.start, last.end, last.text + insertion.text)
    else:
        revisions.append(insertion)



def copy_rate(document: ReviewedDocument, matched: dict[int, int], in_cells: dict[CellKey, DraftParagraph]) -> float:
    """Share of the copy's non-empty paragraphs found in the draft: matched paragraphs and
    cells. Footers are left out (their page numbers are the template's, not the draft's)."""
    counted = [k for k, p in enumerate(document.paragraphs) if p.where != FOOTER]
    found = sum(1 for k in counted if k in matched or document.paragraphs[k].cell in in_cells)
    return match_rate([document.paragraphs[k].original for k in counted], found)
