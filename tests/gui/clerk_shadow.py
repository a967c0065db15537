"""What a clerk meant: the draft a random clerk's actions should leave, worked out on a plain
copy of the draft without any widget (tests/gui/random_clerk.py compares it with the window's).

Every function here states one rule of the editor as the clerk knows it — "one paragraph per
line, blank lines and surrounding spaces are not paragraphs", "上移 swaps a heading with the one
above", "全部替换 replaces every occurrence, left to right" — and applies it to the copy. None
of them calls the app's editing code, so a widget that writes into the wrong section, a
highlighter that counts as typing or an undo step that forgets a field all show as a difference.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass

from core.draft.fields import AFTER_SECTIONS, BEFORE_SECTIONS, REPORT_FIELDS
from core.draft.model import Point, Report, Section, to_dict
from core.draft.validate import MAX_SECTION_DEPTH, MAX_SECTIONS, MAX_SIBLINGS

# Report-level fields whose text find, flags and checks read (the fields table says which).
REPORT_TEXT_FIELDS = tuple(spec.name for spec in REPORT_FIELDS if spec.slot)


def clone(report: Report) -> Report:
    return copy.deepcopy(report)


def snapshot(report: Report) -> str:
    """The draft as its file holds it, byte for byte comparable."""
    return json.dumps(to_dict(report), ensure_ascii=False, sort_keys=True)


# ---- keys the clerk presses ----------------------------------------------------------------------

TEXT, ENTER, BACKSPACE, DELETE, PASTE = "text", "enter", "backspace", "delete", "paste"


@dataclass(frozen=True)
class Keys:
    """One burst of typing at one place: a string (on the keyboard, committed by the input
    method, or composed in pinyin first), Enter, or ``count`` presses of Backspace/Delete."""

    kind: str
    text: str = ""
    # "keys" (QTest key clicks), "ime" (committed phrases), "compose" (preedit, then commit),
    # "compose_slowly" (a pause between preedit and commit, while the window's timers fire)
    via: str = "keys"
    count: int = 1

    def __str__(self) -> str:
        if self.kind == TEXT:
            how = {"keys": "键入", "ime": "输入法输入", "compose": "拼音组字输入", "compose_slowly": "拼音组字慢慢输入"}[self.via]
            return f"{how}“{self.text}”"
        if self.kind == PASTE:
            return f"粘贴“{self.text!r}”"
        return {ENTER: "按回车", BACKSPACE: f"按退格 {self.count} 次", DELETE: f"按 Delete {self.count} 次"}[self.kind]


def joined_lines(text: str) -> str:
    """A one-line field keeps one line: where lines were pasted, the blank space around each
    break goes, and the pieces join directly — with one space between two Latin letters or
    digits ("Team" / "Work"), as a title's wrapped lines are joined."""
    pieces = re.split(r"[ \t\u3000]*\n+[ \t\u3000]*", text)
    out = pieces[0]
    for piece in pieces[1:]:
        latin = out and piece and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum()
        out += (" " if latin else "") + piece
    return out


def typed_into_line(value: str, at: int, keys: Keys) -> str:
    """A one-line field (标题): its value is what it shows, without surrounding spaces."""
    at = min(at, len(value))
    if keys.kind == PASTE:
        value = joined_lines(value[:at] + keys.text + value[at:])
    elif keys.kind == TEXT:
        value = value[:at] + keys.text + value[at:]
    elif keys.kind == BACKSPACE:
        value = value[: max(0, at - keys.count)] + value[at:]
    elif keys.kind == DELETE:
        value = value[:at] + value[at + keys.count :]
    return value.strip()  # Enter in a one-line field types nothing


def typed_into_text(value: str, at: int, keys: Keys) -> str:
    """A free-text field (a point, 署名): Enter starts a new line inside it; the value is the
    whole text without surrounding blank space."""
    if keys.kind == ENTER:
        return (value[:at] + "\n" + value[at:]).strip()
    if keys.kind == PASTE:
        return (value[:at] + keys.text + value[at:]).strip()
    return typed_into_line(value, at, keys)


def typed_into_paragraphs(
    paragraphs: list[str], index: int, at: int, keys: Keys, blank_before: bool = False, blank_after: bool = False
) -> list[str]:
    """A paragraphs field (正文, 开头): one paragraph per line. ``index``/``at``: the paragraph
    and character the clerk clicked. ``blank_before``/``blank_after``: an empty line shows
    between this paragraph and its neighbour, which Backspace at its start / Delete at its end
    removes instead of joining the two paragraphs."""
    if not paragraphs:
        paragraphs = [""] if keys.kind in (TEXT, PASTE) else []
        if not paragraphs:
            return []
    text = paragraphs[index]
    at = min(at, len(text))
    before, after = paragraphs[:index], paragraphs[index + 1 :]
    if keys.kind in (TEXT, PASTE):
        lines = (text[:at] + keys.text + text[at:]).split("\n")
        return [*before, *[line.strip() for line in lines if line.strip()], *after]
    if keys.kind == ENTER:
        return [*before, *[p for p in (text[:at].strip(), text[at:].strip()) if p], *after]
    if keys.kind == BACKSPACE and at == 0:
        if index == 0 or blank_before:
            return list(paragraphs)
        return [*before[:-1], before[-1] + text, *after]
    if keys.kind == DELETE and at == len(text):
        if not after or blank_after:
            return list(paragraphs)
        return [*before, text + after[0], *after[1:]]
    changed = typed_into_line(text, at, keys)
    return [*before, *([changed] if changed else []), *after]


def new_paragraph(paragraphs: list[str], text: str) -> list[str]:
    """Ctrl+End, Enter, then the text: a paragraph of its own at the end."""
    return [*paragraphs, text.strip()] if text.strip() else list(paragraphs)


def replaced_span(value: str, start: int, end: int, text: str) -> str:
    """Typing over a selection (what a jump from 待核实, 检查 or 查找 selected)."""
    return value[:start] + text + value[end:]


# ---- the outline ---------------------------------------------------------------------------------


def sections_in_order(report: Report) -> list[Section]:
    out: list[Section] = []

    def visit(sections: list[Section]) -> None:
        for section in sections:
            out.append(section)
            visit(section.children)

    visit(report.sections)
    return out


def find_section(report: Report, section_id: str) -> Section:
    found = next((s for s in sections_in_order(report) if s.id == section_id), None)
    assert found is not None, f"no section {section_id} in the shadow"
    return found


def place_of(report: Report, section_id: str) -> tuple[list[Section], int, Section | None]:
    """The list holding the section, its row there, and its parent (None at the top level)."""

    def search(sections: list[Section], parent: Section | None) -> tuple[list[Section], int, Section | None] | None:
        for row, section in enumerate(sections):
            if section.id == section_id:
                return sections, row, parent
            found = search(section.children, section)
            if found is not None:
                return found
        return None

    found = search(report.sections, None)
    assert found is not None, f"no section {section_id} in the shadow"
    return found


def depth_of(report: Report, section_id: str) -> int:
    depth, parent = 1, place_of(report, section_id)[2]
    while parent is not None:
        depth += 1
        parent = place_of(report, parent.id)[2]
    return depth


def height(section: Section) -> int:
    return 1 + max((height(child) for child in section.children), default=0)


def _fits(report: Report, section: Section, parent: Section | None, siblings: list[Section], moving: bool) -> bool:
    """The draft's limits: 8 levels, as many siblings as ordinals exist, 50 000 headings."""
    parent_depth = depth_of(report, parent.id) if parent is not None else 0
    if parent_depth + height(section) > MAX_SECTION_DEPTH:
        return False
    if not (moving and any(s is section for s in siblings)) and len(siblings) >= MAX_SIBLINGS:
        return False
    return moving or len(sections_in_order(report)) + 1 <= MAX_SECTIONS


def add_sibling(report: Report, section_id: str, new_id: str) -> bool:
    """添加同级标题: an empty heading right after the current one."""
    siblings, row, parent = place_of(report, section_id)
    new = Section(id=new_id)
    if not _fits(report, new, parent, siblings, moving=False):
        return False
    siblings.insert(row + 1, new)
    return True


def add_child(report: Report, section_id: str, new_id: str) -> bool:
    """添加下级标题: an empty heading as the current one's last sub-heading."""
    parent = find_section(report, section_id)
    new = Section(id=new_id)
    if not _fits(report, new, parent, parent.children, moving=False):
        return False
    parent.children.append(new)
    return True


def delete(report: Report, section_id: str) -> None:
    siblings, row, _parent = place_of(report, section_id)
    del siblings[row]


def can_move(report: Report, section_id: str, how: str) -> bool:
    """Whether the outline offers the move (its button is enabled)."""
    siblings, row, parent = place_of(report, section_id)
    return {"up": row > 0, "down": row < len(siblings) - 1, "promote": parent is not None, "demote": row > 0}[how]


def move(report: Report, section_id: str, how: str) -> bool:
    """上移 / 下移 swap with the neighbour; 升一级: right after its former parent; 降一级: the
    last sub-heading of the heading above. False when the move is not offered or refused."""
    if not can_move(report, section_id, how):
        return False
    siblings, row, parent = place_of(report, section_id)
    section = siblings[row]
    if how in ("up", "down"):
        other = row - 1 if how == "up" else row + 1
        siblings[row], siblings[other] = siblings[other], siblings[row]
        return True
    if how == "promote":
        assert parent is not None
        outer, parent_row, grandparent = place_of(report, parent.id)
        if not _fits(report, section, grandparent, outer, moving=True):
            return False
        del siblings[row]
        outer.insert(parent_row + 1, section)
        return True
    target = siblings[row - 1]
    if depth_of(report, target.id) + height(section) > MAX_SECTION_DEPTH or (
        len(target.children) >= MAX_SIBLINGS
    ):
        return False
    del siblings[row]
    target.children.append(section)
    return True


def drop(report: Report, section_id: str, parent_id: str | None, row: int) -> bool:
    """A heading dropped before row ``row`` of ``parent_id``'s sub-headings as the outline shows
    them (the top level for None), or onto ``parent_id`` (row -1: as its last sub-heading).
    Nothing happens when it would go into itself, stays where it was, or breaks a limit."""
    section = find_section(report, section_id)
    if parent_id is not None and any(s.id == parent_id for s in sections_in_order(Report(sections=[section]))):
        return False
    siblings, old_row, old_parent = place_of(report, section_id)
    parent = find_section(report, parent_id) if parent_id is not None else None
    container = parent.children if parent is not None else report.sections
    row = len(container) if row < 0 or row > len(container) else row
    same = (old_parent.id if old_parent else None) == parent_id
    if same and row > old_row:
        row -= 1  # counted with the section still in its place
    if same and row == old_row:
        return False
    if not _fits(report, section, parent, container, moving=True):
        return False
    del siblings[old_row]
    container.insert(row, section)
    return True


# ---- points ----------------------------------------------------------------------------------------


def add_point(section: Section, current_row: int) -> int:
    """添加要点: an empty point after the selected one (at the end when none is selected)."""
    row = current_row + 1 if current_row >= 0 else len(section.points)
    section.points.insert(row, Point(""))
    return row


def move_point(section: Section, row: int, step: int) -> bool:
    other = row + step
    if not (0 <= row < len(section.points) and 0 <= other < len(section.points)):
        return False
    section.points[row], section.points[other] = section.points[other], section.points[row]
    return True


# ---- text everywhere ------------------------------------------------------------------------------


def slot_value(report: Report, section_id: str, field: str, index: int) -> str | None:
    """The text a flag, finding or match points at (None when it is gone)."""
    if section_id:
        section = next((s for s in sections_in_order(report) if s.id == section_id), None)
        if section is None:
            return None
        if field == "heading":
            return section.heading if index == 0 else None
        if field == "cells":
            items = [text for _place, text in _cells(section)]
        else:
            items = [p.text for p in section.points] if field == "points" else getattr(section, field, None)
    else:
        items = getattr(report, field, None)
        if isinstance(items, str):
            return items if index == 0 else None
    if not isinstance(items, list) or not 0 <= index < len(items):
        return None
    return items[index]


def set_slot_value(report: Report, section_id: str, field: str, index: int, value: str) -> None:
    if section_id:
        section = find_section(report, section_id)
        if field == "heading":
            section.heading = value
        elif field == "points":
            section.points[index].text = value
        elif field == "cells":
            (table, row, column), _text = _cells(section)[index]
            section.tables[table].rows[row][column] = value
        else:
            getattr(section, field)[index] = value
        return
    current = getattr(report, field)
    if isinstance(current, list):
        current[index] = value
    else:
        setattr(report, field, value)


# Fields edited one paragraph a line: a paragraph left blank is no paragraph.
PARAGRAPH_FIELDS = ("body", "tail", "cover", "opening", "closing", "attachments")


def set_texts(report: Report, texts: dict[tuple[str, str, int], str]) -> None:
    """New texts for some strings (a replacement, a 一键修正), kept as the clerk's typing is
    kept: without blank space around them; a paragraph left blank goes from its list."""
    emptied: dict[tuple[str, str], set[int]] = {}
    for (section_id, field, index), text in texts.items():
        set_slot_value(report, section_id, field, index, text.strip())
        if not text.strip() and field in PARAGRAPH_FIELDS:
            emptied.setdefault((section_id, field), set()).add(index)
    for (section_id, field), rows in emptied.items():
        owner: object = find_section(report, section_id) if section_id else report
        setattr(owner, field, [p for i, p in enumerate(getattr(owner, field)) if i not in rows])


def replace_everywhere(report: Report, query: str, replacement: str) -> int:
    """全部替换: every occurrence in every heading, paragraph, point, table cell and report-level text,
    left to right without overlaps (what a search that goes on after each match finds)."""
    found = [(section_id, field, index, text) for section_id, field, index, text in every_text(report) if query in text]
    set_texts(report, {(s, f, i): text.replace(query, replacement) for s, f, i, text in found})
    return sum(text.count(query) for *_address, text in found)


def occurrences(text: str, query: str) -> list[int]:
    """Where ``query`` starts in ``text``, left to right, without overlaps."""
    found, at = [], text.find(query)
    while at >= 0:
        found.append(at)
        at = text.find(query, at + len(query))
    return found


def occurrences_in_order(report: Report, query: str) -> list[tuple[int, tuple[str, str, int], int]]:
    """Every occurrence of ``query`` in reading order: (which piece of text, its address, where)."""
    return [(order, (section_id, field, index), at)
            for order, (section_id, field, index, text) in enumerate(every_text(report))
            for at in occurrences(text, query)]


def every_text(report: Report) -> list[tuple[str, str, int, str]]:
    """(section id, field, index, text) of every piece of text, in reading order: what comes
    before the outline (印发通知, 标题, 开头 …), the sections, then what follows (结尾, 署名 …)."""

    def fields(placement: str) -> list[tuple[str, str, int, str]]:
        out = []
        for spec in REPORT_FIELDS:
            if spec.slot and spec.placement == placement:
                value = getattr(report, spec.name)
                texts = value if isinstance(value, list) else [value]
                out += [("", spec.name, i, text) for i, text in enumerate(texts)]
        return out

    out = fields(BEFORE_SECTIONS)
    for section in sections_in_order(report):
        out.append((section.id, "heading", 0, section.heading))
        out += [(section.id, "body", i, text) for i, text in enumerate(section.body)]
        out += [(section.id, "points", i, p.text) for i, p in enumerate(section.points)]
        out += [(section.id, "tail", i, text) for i, text in enumerate(section.tail)]
        out += [(section.id, "cells", i, text) for i, (_place, text) in enumerate(_cells(section))]
    return out + fields(AFTER_SECTIONS)


def _cells(section: Section) -> list[tuple[tuple[int, int, int], str]]:
    """Every grid cell of the section's tables, table by table, row by row, with its text (a
    merge's text stands in its first cell; the cells it covers hold "")."""
    return [((t, r, c), text) for t, table in enumerate(section.tables)
            for r, row in enumerate(table.rows) for c, text in enumerate(row)]


def first_difference(expected: Report, actual: Report) -> str:
    """Where two drafts first differ, in words, for a failure message."""
    want, got = to_dict(expected), to_dict(actual)
    for key in want:
        if key != "sections" and want[key] != got.get(key):
            return f"报告字段 {key}：{_difference(want[key], got.get(key))}"
    want_sections = {s.id: s for s in sections_in_order(expected)}
    got_sections = {s.id: s for s in sections_in_order(actual)}
    if list(want_sections) != list(got_sections):
        return f"提纲不同：应为 {_outline(expected)}，实为 {_outline(actual)}"
    for section_id, section in want_sections.items():
        mine, theirs = to_dict(section), to_dict(got_sections[section_id])
        for key in mine:
            if key != "children" and mine[key] != theirs[key]:
                return f"“{section.heading[:16]}”（{section_id}）的 {key}：{_difference(mine[key], theirs[key])}"
    return "（结构相同，子节点顺序不同）"


def _difference(want: object, got: object) -> str:
    """Expected and actual value, shortened to where they part: a list's first differing item."""
    if isinstance(want, list) and isinstance(got, list):
        at = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))
        mine = want[at] if at < len(want) else "（没有）"
        theirs = got[at] if at < len(got) else "（没有）"
        count = f"应有 {len(want)} 项，实有 {len(got)} 项；" if len(want) != len(got) else ""
        return f"{count}第 {at + 1} 项应为 {_short(mine)}，实为 {_short(theirs)}"
    return f"应为 {_short(want)}，实为 {_short(got)}"


def _short(value: object, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit // 2] + " … " + text[-limit // 2 :]


def _outline(report: Report) -> str:
    def show(sections: list[Section]) -> str:
        return "[" + ", ".join(s.id[:4] + (show(s.children) if s.children else "") for s in sections) + "]"

    return show(report.sections)
