"""A leader's reviewed copy of the draft as it stands, for the random clerks (random_clerk.py).

The draft is exported as the app exports it; then, as a leader would in Word with track
changes on, a few words are replaced (w:del + w:ins) and a few are commented on. Each word is
chosen so that it occurs once in the whole draft and once in the exported text, so the clerk's
intention when accepting it is unambiguous: that word, in that paragraph, becomes the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from core.draft.model import Report
from core.render import render_report
from tests.core.review_builders import (
    DATE,
    CommentSpec,
    comment_end,
    comment_start,
    dele,
    document_xml,
    ins,
    write_reviewed,
)
from tests.gui.clerk_shadow import every_text

AUTHOR = "李主任"
_RUN = re.compile(r'<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)</w:t></w:r>')


@dataclass(frozen=True)
class Marked:
    """One word the leader changed or commented on, where it was when the copy was made."""

    section_id: str
    field: str
    index: int
    paragraph: str  # the whole text of that paragraph (or point) then
    start: int  # where the word begins in it
    old: str
    new: str  # the replacement; for a comment, the comment's text
    comment: bool = False

    @property
    def note(self) -> str:
        """How the draft keeps an accepted comment beside its section."""
        return f"{AUTHOR}（{DATE[:10]}）批注“{self.old}”：{self.new}"

    def __str__(self) -> str:
        return f"批注“{self.old}”：{self.new}" if self.comment else f"“{self.old}”→“{self.new}”"


@dataclass(frozen=True)
class Wish:
    """Which paragraph and character (taken modulo what there is), the new word, and whether
    the leader comments instead of editing."""

    paragraph: int
    at: int
    new: str
    comment: bool


def _run(rpr: str, text: str) -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""


def _unambiguous_word(xml: str, whole: str, text: str, wanted: int, new: str) -> tuple[int, str, re.Match[str]] | None:
    """The first two characters from ``wanted`` on (going round) that occur once in the draft
    and once in the exported text: where they start, the word, and the run holding it."""
    runs = list(_RUN.finditer(xml))
    for step in range(len(text) - 1):
        start = (wanted + step) % (len(text) - 1)
        old = text[start : start + 2]
        if not old.strip() or old != old.strip() or whole.count(old) != 1 or old == new:
            continue
        holding = [m for m in runs if escape(old) in m.group(2)]
        if len(holding) == 1 and holding[0].group(2).count(escape(old)) == 1:
            return start, old, holding[0]
    return None


def reviewed_copy_of(report: Report, exported: Path, reviewed: Path, wishes: list[Wish]) -> list[Marked]:
    """Export ``report`` to ``exported`` and write the leader's copy to ``reviewed``; returns
    what was marked (possibly nothing, when no wished-for word is unambiguous)."""
    render_report(report, exported)
    xml = document_xml(exported)
    texts = every_text(report)
    whole = "\n".join(text for *_address, text in texts)
    candidates = [t for t in texts if t[0] and t[1] in ("body", "points") and len(t[3]) >= 4]
    marked: list[Marked] = []
    comments: list[CommentSpec] = []
    used: set[tuple[str, str, int]] = set()
    for wish in wishes:
        if not candidates:
            break
        section_id, field, index, text = candidates[wish.paragraph % len(candidates)]
        if (section_id, field, index) in used:
            continue
        found = _unambiguous_word(xml, whole, text, wish.at % (len(text) - 1), wish.new)
        if found is None:
            continue
        start, old, run = found
        rpr, content = run.group(1) or "", run.group(2)
        before, after = content.split(escape(old))
        if wish.comment:
            number = len(comments) + 1
            comments.append(CommentSpec(number, AUTHOR, wish.new))
            middle = comment_start(number) + _run(rpr, escape(old)) + comment_end(number)
        else:
            middle = dele(old, AUTHOR) + ins(wish.new, AUTHOR)
        xml = xml[: run.start()] + _run(rpr, before) + middle + _run(rpr, after) + xml[run.end() :]
        used.add((section_id, field, index))
        marked.append(Marked(section_id, field, index, text, start, old, wish.new, wish.comment))
    write_reviewed(exported, reviewed, xml, comments)
    return marked
