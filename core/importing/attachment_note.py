"""The 附件说明 at the end of an imported text (GB/T 9704 7.3.4): "附件：1.名称" and the
"2.名称" lines numbered on from it, read into the report's attachment names instead of
being taken for body text and a numbered heading."""

from __future__ import annotations

import re

_NOTE_FIRST = re.compile(r"^附\s*件\s*[:：]\s*(?:1\s*[.．、]\s*)?(?P<name>\S.*)$")
_NOTE_MORE = re.compile(r"^(?P<n>[0-9]+)\s*[.．、]\s*(?P<name>\S.*)$")


def take_attachment_note(paras: list[str], end: int, floor: int) -> tuple[list[str], int]:
    """The 附件说明 just before the 落款 (GB/T 9704 7.3.4): "附件：1.名称" and "2.名称" lines
    numbered on from it; (names, new end), or ([], end) when the text does not end with one."""
    start = end
    while start - 1 > floor and _NOTE_MORE.match(paras[start - 1].strip()):
        start -= 1
    if start - 1 < floor or not (first := _NOTE_FIRST.match(paras[start - 1].strip())):
        return [], end
    more = [_NOTE_MORE.match(paras[k].strip()) for k in range(start, end)]
    if any(m is None or int(m.group("n")) != n for n, m in enumerate(more, start=2)):
        return [], end
    return [first.group("name").strip(), *(m.group("name").strip() for m in more if m)], start - 1


def note_names(lines: list[str]) -> set[str]:
    """Every attachment name a 附件说明 among ``lines`` gives."""
    names: set[str] = set()
    for start, line in enumerate(lines):
        if first := _NOTE_FIRST.match(line.strip()):
            names.add(first.group("name").strip())
            end = start + 1
            while end < len(lines) and (more := _NOTE_MORE.match(lines[end].strip())):
                names.add(more.group("name").strip())
                end += 1
    return names


def note_lines_end(lines: list[str], start: int) -> int | None:
    """Past the 附件说明 that opens at ``lines[start]`` ("附件：…" and its "2.…" lines), or None
    when no 附件说明 opens there."""
    if not _NOTE_FIRST.match(lines[start].strip()):
        return None
    end = start + 1
    while end < len(lines) and _NOTE_MORE.match(lines[end].strip()):
        end += 1
    return end
