"""What a reviewed Word file holds: its paragraphs with tracked changes, and its comments.

Offsets are into a paragraph's *original* text (what the draft said before the reviewer
touched it: deletions kept, insertions dropped), because that is the text the draft has
and the one every change is placed against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of tracked change as Word stores them.
INSERT = "insert"
DELETE = "delete"
MOVE_FROM = "move_from"
MOVE_TO = "move_to"
FORMAT = "format"
SPLIT = "split"  # a paragraph mark inserted inside a paragraph: it goes on as a new one here
JOIN = "join"  # the paragraph mark deleted: the paragraph and the next become one

# Where a paragraph stands, when not in the body's flow of paragraphs.
TEXT_BOX = "text_box"
FOOTER = "footer"


@dataclass(frozen=True)
class Revision:
    """One tracked change inside a paragraph.

    ``start``–``end`` is the span of the original text it covers: the deleted or moved-away
    text, or an empty span where an insertion goes. ``text`` is the inserted or deleted text.
    """

    kind: str
    author: str
    date: str
    start: int
    end: int
    text: str
    move_name: str = ""  # pairs a move's two halves (w:moveFromRangeStart/@w:name)


@dataclass
class ReviewedParagraph:
    original: str
    accepted: str
    revisions: list[Revision] = field(default_factory=list)
    inserted: bool = False  # the paragraph mark itself is a tracked insertion (a new paragraph)
    in_table: bool = False  # a table cell's paragraph
    cell: tuple[int, int, int] | None = None  # (table, row, grid column) in the copy's own tables
    where: str = ""  # TEXT_BOX or FOOTER: outside the body's own paragraphs
    split_pending: bool = False  # its mark is a tracked insertion: the next paragraph is its rest
    row_deleted: bool = False  # a cell's paragraph in a table row struck out as a whole (w:trPr/w:del)
    mark_deleted: bool = False  # its paragraph mark is a tracked deletion (with its text or not)


@dataclass(frozen=True)
class Reply:
    author: str
    date: str
    text: str


@dataclass
class Comment:
    """A comment and the original text it is attached to (paragraph ``paragraph``, ``start``–``end``)."""

    id: str
    author: str
    date: str
    text: str
    paragraph: int = -1  # -1: its anchor was not found in the body
    start: int = 0
    end: int = 0
    done: bool = False
    replies: list[Reply] = field(default_factory=list)


@dataclass
class ReviewedDocument:
    paragraphs: list[ReviewedParagraph]
    comments: list[Comment]
    last_author: str = ""  # docProps/core.xml lastModifiedBy: who saved untracked edits
    sent_id: str = ""  # the exported version it is a copy of (core.render.sent_mark), "" if none
    sent_text: str = ""  # the digest of that version's words (core.text.textslots.text_digest), "" if none

    @property
    def tracked(self) -> bool:
        """Whether the reviewer worked with track changes or comments on."""
        return any(p.revisions or p.inserted for p in self.paragraphs) or bool(self.comments)

    @property
    def authors(self) -> list[str]:
        names = [r.author for p in self.paragraphs for r in p.revisions] + [c.author for c in self.comments]
        return list(dict.fromkeys(n for n in names if n))
