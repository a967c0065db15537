"""Apply accepted review changes to a draft, and keep comments as notes on their sections.

Text edits go into each slot right to left, so earlier offsets stay valid; a paragraph the
clerk has split, joined or moved since the copy was made is found again by the words around
the change (:func:`find_again`). Two changes
that touch the same characters (two reviewers editing one phrase) cannot both apply: the
first in reading order wins and the other is reported as skipped; insertions at one point
are all made, in reading order. A paragraph emptied by
its changes is removed from its list; a new paragraph goes after the one it followed.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field, replace

from core.draft.edits import Place
from core.draft.model import Point, Report, Section
from core.draft.tables import Table
from core.importing.heading_rules import marker_heading
from core.importing.outline_parser import add_text, section_for_heading
from core.review.change import (
    BEFORE_FIRST,
    HEADING_ADDED,
    JOIN_MARK,
    LIST_FIELDS,
    PARAGRAPH_BREAK,
    ROW_ADDED,
    ROW_DELETED,
    STRUCTURE_MARKS,
    TABLE_ADDED,
    ReviewChange,
    table_rows,
)
from core.text.textslots import CELLS, field_texts, set_slot_text, slot_text, table_cells


@dataclass
class Applied:
    report: Report
    applied: list[str] = field(default_factory=list)  # change ids
    skipped: list[str] = field(default_factory=list)  # overlapping or gone


def apply_changes(report: Report, changes: list[ReviewChange]) -> Applied:
    """A copy of ``report`` with the applicable ``changes`` made; comments become notes."""
    result = Applied(copy.deepcopy(report))
    target = result.report
    located: dict[tuple[str, str, int], list[tuple[ReviewChange, int, int]]] = defaultdict(list)
    new_paragraphs: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    before_tables: dict[str, int] = defaultdict(int)  # new first paragraphs ahead of the tables there
    rows_added: list[tuple[tuple[str, int, int], ReviewChange]] = []  # (section, table, row it follows)
    sections_added: dict[str, int] = defaultdict(int)  # new sections put after each section so far
    for change in changes:
        if not change.applicable or not change.field:
            result.skipped.append(change.id)
        elif change.is_comment:
            _add_note(target, change)
            result.applied.append(change.id)
        elif change.kind == ROW_ADDED:
            anchor = _row_of(target, change)
            if anchor is None:
                result.skipped.append(change.id)  # its table is gone from the draft
            else:
                rows_added.append((anchor, change))
        elif change.kind == TABLE_ADDED:
            section = target.find(change.section_id) if change.section_id else None
            if section is None:
                result.skipped.append(change.id)
                continue
            rows = table_rows(change.new)
            # After body paragraph ``index`` (in the body as it was: moved on with it below).
            section.tables.append(Table(rows=rows, header_rows=1 if len(rows) > 1 else 0, after_body=change.index + 1))
            result.applied.append(change.id)
        elif change.kind == HEADING_ADDED:
            if _add_section(target, change, sections_added):
                result.applied.append(change.id)
            else:
                result.skipped.append(change.id)  # the section it follows is gone from the draft
        elif change.new_paragraph and change.after_tables and not _pin_end_tables(target, change.section_id):
            result.skipped.append(change.id)  # the clerk has given the section points or a tail since
        elif change.new_paragraph and change.section_id and target.find(change.section_id) is None:
            result.skipped.append(change.id)  # its section is gone from the draft: nowhere to put it
        elif change.new_paragraph:
            new_paragraphs[(change.section_id, change.field, change.index)].append(change.new)
            if change.before_tables and change.index == BEFORE_FIRST and change.field == "body":
                before_tables[change.section_id] += 1
            result.applied.append(change.id)
        elif change.format_only:
            result.applied.append(change.id)  # formatting is the template's: nothing to change in the text
        else:
            found = find_again(target, change)
            if found is None:
                result.skipped.append(change.id)
            else:
                address, start, end = found
                located[address].append((change, start, end))
    _skip_other_halves(changes, located, new_paragraphs, before_tables, result)
    emptied: set[tuple[str, str, int]] = set()
    struck: dict[str, set[int]] = defaultdict(set)  # cells of rows struck out, by section
    for address, slot_changes in located.items():
        text = slot_text(target, *address) or ""
        kept = _without_overlaps(slot_changes, result.skipped)
        # Right to left, so that the offsets of the changes still to make stay valid; two
        # insertions at one point go in last first, so they end up in the order made.
        for change, start, end in sorted(kept, key=lambda k: (k[1], k[2], int(k[0].id)), reverse=True):
            text = text[:start] + change.new + text[end:]
            result.applied.append(change.id)
            if change.kind == ROW_DELETED:
                struck[address[0]].add(address[2])
        set_slot_text(target, *address, text)
        if not text.strip() and any(change.old for change, _start, _end in kept):
            emptied.add(address)
    _restructure(target, emptied, new_paragraphs, before_tables)
    removed = _remove_struck_rows(target, struck)
    _add_rows(target, rows_added, removed, result)
    marked = {(address[0], address[1]) for address, slot_changes in located.items()
              if any(change.new in STRUCTURE_MARKS for change, _start, _end in slot_changes)}
    for section_id, name in marked:
        _split_and_join(target, section_id, name)
    return result


def _add_section(report: Report, change: ReviewChange, added: dict[str, int]) -> bool:
    """A heading the leader typed, made a section after ``change.section_id`` (after the ones
    already added there), split as the importer splits a heading paragraph; its lines after
    the first are its text. The app numbers it by position. False when there is no such section."""
    sibling = report.find(change.section_id)
    first, *rest = change.new.split("\n")
    found = marker_heading(first)
    if sibling is None or found is None:
        return False
    section = section_for_heading(found)
    for line in rest:
        add_text(section, line)
    parent = report.parent_of(sibling.id)
    container = parent.children if parent is not None else report.sections
    row = next(k for k, s in enumerate(container) if s.id == sibling.id) + 1 + added[sibling.id]
    container.insert(row, section)
    added[sibling.id] += 1
    return True


def _skip_other_halves(
    changes: list[ReviewChange],
    located: dict[tuple[str, str, int], list[tuple[ReviewChange, int, int]]],
    new_paragraphs: dict[tuple[str, str, int], list[str]],
    before_tables: dict[str, int],
    result: Applied,
) -> None:
    """A paragraph removed and the one put in its place (one ``pair``) go together: when one
    half is skipped (not accepted, or gone from the draft), the other is not made either, so
    the clerk's text is never deleted while the leader's replacement is left out."""
    halves: dict[str, list[ReviewChange]] = defaultdict(list)
    for change in changes:
        if change.pair:
            halves[change.pair].append(change)
    skipped = set(result.skipped)
    broken = {pair for pair, members in halves.items() if any(m.id in skipped for m in members)}
    if not broken:
        return
    undone = {m.id for pair in broken for m in halves[pair] if m.id not in skipped}
    for address in list(located):
        located[address] = [entry for entry in located[address] if entry[0].id not in undone]
    for change in changes:
        if change.id in undone and change.new_paragraph:
            new_paragraphs[(change.section_id, change.field, change.index)].remove(change.new)
            if change.before_tables and change.index == BEFORE_FIRST and change.field == "body":
                before_tables[change.section_id] -= 1
    result.applied = [i for i in result.applied if i not in undone]
    result.skipped += sorted(undone, key=int)


# How the clerk settles a conflict (the same words changed by both since the export).
TAKE_CLERK, TAKE_LEADER, KEEP_BOTH = "clerk", "leader", "both"
CONFLICT_CHOICES = {TAKE_CLERK: "保留拟稿人的", TAKE_LEADER: "采用审阅人的", KEEP_BOTH: "两者都保留"}


def settled(change: ReviewChange, choice: str) -> ReviewChange | None:
    """The change that makes the clerk's choice on a conflict: the clerk's stretch of the
    draft becomes the leader's version, or both (the clerk's first, then the leader's, to be
    merged by hand). None for keeping the clerk's (nothing to change in the draft)."""
    if not change.conflict or choice not in CONFLICT_CHOICES:
        raise ValueError(f"not a choice on a conflict: {choice!r}")
    if choice == TAKE_CLERK:
        return None
    new = change.leader_text if choice == TAKE_LEADER else change.draft_text + change.leader_text
    return replace(change, old=change.draft_text, new=new, applicable=True, conflict=False, reason="")


def _split_and_join(report: Report, section_id: str, name: str) -> None:
    """Paragraph marks the leader inserted or deleted, made: an item holding JOIN_MARK takes
    the next item in, then an item holding PARAGRAPH_BREAK becomes several (a point's first
    part keeps the point; a part left blank is no paragraph)."""
    owner: Report | Section | None = report.find(section_id) if section_id else report
    if owner is None:
        return
    items = getattr(owner, name)
    joined: list[tuple[object, str, int]] = []  # item, its text, how many items it took in
    for item in items:
        text = item.text if name == "points" else item
        if joined and JOIN_MARK in joined[-1][1]:
            first, held, taken = joined[-1]
            joined[-1] = (first, held.replace(JOIN_MARK, "", 1) + text, taken + 1)
        else:
            joined.append((item, text, 0))
    out: list = []
    produced: list[int] = []  # for each item of the list as it was: how many it became
    for item, text, taken in joined:
        parts = [part for part in text.replace(JOIN_MARK, "").split(PARAGRAPH_BREAK) if part.strip()] or [""]
        if name == "points":
            item.text = parts[0]  # type: ignore[attr-defined]
            out += [item, *(Point(part) for part in parts[1:])]
        else:
            out += parts
        produced += [len(parts)] + [0] * taken
    setattr(owner, name, out)
    if name == "body" and isinstance(owner, Section):
        _keep_tables_in_place(owner, produced)


def _pin_end_tables(report: Report, section_id: str) -> bool:
    """The tables that end a section of nothing but body paragraphs (after_body None) placed
    after its body, where they print already, so that closing paragraphs go after them.
    False when the section has points or closing paragraphs (the tables stand after those)."""
    section = report.find(section_id)
    if section is None or section.points or section.tail:
        return False
    for table in section.tables:
        if table.after_body is None:
            table.after_body = len(section.body)
    return True


def _keep_tables_in_place(section: Section, produced: list[int], leading: int = 0, ahead: int = 0) -> None:
    """The section's tables stay after the body paragraphs they followed when paragraphs are
    added, removed, split or joined: ``produced[i]`` is what body paragraph ``i`` became
    (0 when removed or joined into the one before), ``leading`` paragraphs were added before
    the first, ``ahead`` of them before the tables placed ahead of the body too."""
    for table in section.tables:
        if table.after_body is not None and table.after_body <= 0:
            table.after_body = ahead
            continue
        if table.after_body is None:
            continue
        before = min(table.after_body, len(produced))
        table.after_body = leading + sum(produced[:before]) + max(0, table.after_body - len(produced))


def find_again(report: Report, change: ReviewChange) -> tuple[tuple[str, str, int], int, int] | None:
    """Where the text a change replaces is now: in its own paragraph (at its offsets, else by
    its context), else — the clerk has split, joined or added paragraphs since the copy was
    made — in the one other paragraph of the same section and field where its words stand
    with the same text around them. None when they are nowhere (edited away, or ambiguous)."""
    text = slot_text(report, change.section_id, change.field, change.index)
    span = locate(text, change) if text is not None else None
    if span is not None:
        return (change.section_id, change.field, change.index), span[0], span[1]
    texts = field_texts(report, change.section_id, change.field)
    for probe, lead in _probes(change):
        if sum(other.count(probe) for other in texts) == 1:
            index = next(i for i, other in enumerate(texts) if probe in other)
            at = texts[index].index(probe) + lead
            return (change.section_id, change.field, index), at, at + len(change.old)
    return None


def current_place(report: Report, change: ReviewChange) -> Place | None:
    """Where the text a change is about is now, for showing it; a table cell shows its
    section. None when it is gone."""
    if not change.field:
        return None
    if change.field == CELLS:
        return Place(change.section_id, "heading", 0, 0, 0) if report.find(change.section_id) else None
    found = find_again(report, change)
    if found is None:
        return None
    (section_id, name, index), start, end = found
    return Place(section_id, name, index, start, end)


def _probes(change: ReviewChange) -> list[tuple[str, int]]:
    """The change's text with the context around it, longest first, and where it starts in each."""
    probes = [
        (change.before + change.old + change.after, len(change.before)),
        (change.before + change.old, len(change.before)),
        (change.old + change.after, 0),
    ]
    return [(probe, lead) for probe, lead in probes if probe]


def locate(text: str, change: ReviewChange) -> tuple[int, int] | None:
    """Where ``change.old`` is in ``text`` now: at its offsets, else found again by its context."""
    if text[change.start : change.end] == change.old and text[: change.start].endswith(change.before):
        return change.start, change.end
    for probe, lead in _probes(change):
        if text.count(probe) == 1:
            at = text.index(probe) + lead
            return at, at + len(change.old)
    return None


def _without_overlaps(
    changes: list[tuple[ReviewChange, int, int]], skipped: list[str]
) -> list[tuple[ReviewChange, int, int]]:
    """Two changes that touch the same characters cannot both apply: the first one made wins.
    Insertions at one point touch none (two reviewers, or one in two sittings, each added
    words there, as Word records it): all are kept, in the order made."""
    kept: list[tuple[ReviewChange, int, int]] = []
    for change, start, end in sorted(changes, key=lambda k: int(k[0].id)):
        clash = any(start < other_end and other_start < end for _other, other_start, other_end in kept)
        if clash:
            skipped.append(change.id)
        else:
            kept.append((change, start, end))
    return kept


def _row_of(report: Report, change: ReviewChange) -> tuple[str, int, int] | None:
    """(section, table, row) of the cell a change addresses, in the draft before any row moves."""
    section = report.find(change.section_id)
    cells = table_cells(section) if section is not None else []
    if not 0 <= change.index < len(cells):
        return None
    table, row, _column = cells[change.index]
    return change.section_id, table, row


def _add_rows(
    report: Report, added: list[tuple[tuple[str, int, int], ReviewChange]],
    removed: list[tuple[str, int, int]], result: Applied,
) -> None:
    """The rows the leader inserted, each after the row it followed (counted before the struck
    rows went; several after one row in the order made). A row that would cut through a merge
    spanning rows, or has more cells than the table, is skipped: the clerk adds it by hand."""
    by_place: dict[tuple[str, int, int], list[ReviewChange]] = defaultdict(list)
    for place, change in added:
        by_place[place].append(change)
    for (section_id, table_number, row), changes in sorted(by_place.items(), key=lambda item: item[0][2], reverse=True):
        gone_above = sum(1 for s, t, r in removed if (s, t) == (section_id, table_number) and r <= row)
        after = row - gone_above
        section = report.find(section_id)
        assert section is not None  # found by _row_of on this report; sections are not removed here
        table = section.tables[table_number]
        width = table.column_count
        splits = any(first <= after < first + count - 1 for first, _c, _w, count in table.spans() if count > 1)
        for change in reversed(changes):  # each at after + 1: the last made first, so they end in order
            cells = change.new.split("\t")
            if splits or len(cells) > width:
                result.skipped.append(change.id)
                continue
            table.rows.insert(after + 1, cells + [""] * (width - len(cells)))
            table.merges = [[m[0] + 1 if m[0] > after else m[0], *m[1:]] for m in table.merges]
            if after + 1 < table.header_rows:
                table.header_rows += 1
            result.applied.append(change.id)


def _remove_struck_rows(report: Report, struck: dict[str, set[int]]) -> list[tuple[str, int, int]]:
    """Table rows the leader struck out go once every cell of the row is empty and at least
    one was struck; the merges below move up with their rows (a row that a merge covers with
    others stays, emptied: taking it out would change that merge). Returns the rows taken out
    as (section, table, row), rows counted as they were."""
    removed: list[tuple[str, int, int]] = []
    for section_id, indices in struck.items():
        section = report.find(section_id)
        if section is None:
            continue
        cells = table_cells(section)
        rows: dict[tuple[int, int], list[int]] = defaultdict(list)
        for k, (table, row, _column) in enumerate(cells):
            rows[(table, row)].append(k)
        for (table_number, row), members in sorted(rows.items(), reverse=True):
            table = section.tables[table_number]
            if not any(k in indices for k in members):
                continue
            spans = table.spans()
            if any(first <= row < first + count for first, _column, _columns, count in spans if count > 1):
                continue
            if all(not table.rows[row][cells[k][2]].strip() for k in members):
                del table.rows[row]
                table.merges = [[m[0] - 1 if m[0] > row else m[0], *m[1:]] for m in table.merges if m[0] != row]
                if row < table.header_rows:
                    table.header_rows -= 1
                removed.append((section_id, table_number, row))
    return removed


def _restructure(
    report: Report, emptied: set[tuple[str, str, int]], added: dict[tuple[str, str, int], list[str]],
    before_tables: dict[str, int] | None = None,
) -> None:
    """Remove emptied paragraphs and insert new ones, highest index first per list."""
    lists: dict[tuple[str, str], set[int]] = defaultdict(set)
    for section_id, name, index in emptied | set(added):
        if name in LIST_FIELDS or name == "points":
            lists[(section_id, name)].add(index)
    for (section_id, name), indices in lists.items():
        owner: Report | Section | None = report.find(section_id) if section_id else report
        if owner is None:
            continue
        items = getattr(owner, name)
        produced = [
            (0 if (section_id, name, i) in emptied else 1) + len(added.get((section_id, name, i), []))
            for i in range(len(items))
        ]
        for index in sorted(indices, reverse=True):
            for text in reversed(added.get((section_id, name, index), [])):
                items.insert(index + 1, Point(text) if name == "points" else text)
            if (section_id, name, index) in emptied and index < len(items):
                del items[index]
        if name == "body" and isinstance(owner, Section):
            _keep_tables_in_place(owner, produced, len(added.get((section_id, name, BEFORE_FIRST), [])),
                                  (before_tables or {}).get(section_id, 0))


def note_section(report: Report, change: ReviewChange) -> Section | None:
    """The section that keeps a comment: its own, or the first when it has none."""
    section = report.find(change.section_id) if change.section_id else None
    if section is None:
        section = report.sections[0] if report.sections else None
    return section


def _add_note(report: Report, change: ReviewChange) -> None:
    section = note_section(report, change)
    if section is None:
        return
    note = note_text(change)
    if note not in section.notes:
        section.notes.append(note)


def note_text(change: ReviewChange) -> str:
    """ "李主任（2025-07-12）批注“原文”：意见" — a comment as the section keeps it."""
    when = f"（{change.date[:10]}）" if change.date else ""
    where = "" if change.section_id else f"[{change.place}] "
    return f"{where}{change.author or '审阅人'}{when}批注{change.content}"
