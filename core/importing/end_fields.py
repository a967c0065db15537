"""The report-level fields at the end of an imported text, read back row by row.

Each row of core/draft/fields.py placed after the sections names its reader (``reader``):
what marks it in a document and where it sits. The fields are peeled off the end in the
table's order read backwards — the last row first — so a field added to the table is read
where it is written. Two stages, as the text arrives: the 版记 and the attachment pages are
taken off the raw lines before the outline is parsed (core/importing/gongwen_parts.py, its
``LINE_READERS``); the 落款, the 附件说明 and the closing off the clean paragraphs here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.draft.fields import AFTER_SECTIONS, ReportField, fields_at
from core.draft.ordinals import parse_marker, parse_point
from core.importing.attachment_note import take_attachment_note
from core.importing.web_chrome import is_navigation
from core.text.dates import iso_date

SENTENCE_PUNCT = "。，；：！？、"
# A speech's closing opens with the audience; a written report's with its 结语.
SPEECH_OPENERS = ("同志们", "各位领导", "各位同志")
CLOSING_PHRASES = ("特此报告", "特此汇报", "以上报告", "以上汇报", "妥否", "当否", "请审议", "请审阅", "请批示")
MAX_CLOSING_PHRASE_CHARS = 30
UNIT_ENDINGS = (
    "委", "部", "局", "办", "办公室", "政府", "委员会", "中心", "院", "厅", "会", "组", "处", "科", "站", "所",
    "党组", "支部",
)
MAX_SIGNATURE_LINES = 2
MAX_SIGNATURE_CHARS = 30


@dataclass
class TextEnd:
    """The paragraphs still unread at the end: ``paras[floor:end]``."""

    paras: list[str]
    end: int
    floor: int  # what the title block took is not read twice
    headings: set[int]  # indices of the paragraphs that are headings
    has_sections: bool
    values: dict[str, Any] = field(default_factory=dict)  # read so far, by field name
    closing_start: int | None = None  # where the closing begins, once read


def parse_date(text: str) -> str | None:
    """A 成文日期 line → ISO date, or None (the 年月日 forms only: core.text.dates)."""
    return iso_date(text, typed_forms=False)


def _date(at: TextEnd, spec: ReportField) -> None:
    """成文日期: the last paragraph, a date written 年月日."""
    if at.end > at.floor and (iso := parse_date(at.paras[at.end - 1])):
        at.values[spec.name], at.end = iso, at.end - 1


def _signature(at: TextEnd, spec: ReportField) -> None:
    """署名: up to two short plain lines above the date; with no date, organ names only."""
    lines: list[str] = []
    dated = bool(at.values.get("date"))
    while at.end > at.floor and len(lines) < MAX_SIGNATURE_LINES:
        text = at.paras[at.end - 1]
        short_plain = len(text) <= MAX_SIGNATURE_CHARS and not any(ch in text for ch in SENTENCE_PUNCT)
        if not short_plain or parse_marker(text) or parse_point(text) or is_navigation(text):
            break
        if not dated and not (at.has_sections and text.endswith(UNIT_ENDINGS)):
            break
        lines.insert(0, text)
        at.end -= 1
    if lines:
        at.values[spec.name] = "\n".join(lines)


def _attachment_note(at: TextEnd, spec: ReportField) -> None:
    """附件说明: "附件：1.名称" and the "2.名称" lines numbered on, just before the 落款."""
    names, at.end = take_attachment_note(at.paras, at.end, at.floor)
    if names:
        at.values[spec.name] = names


def _closing(at: TextEnd, spec: ReportField) -> None:
    """结尾: after the last section's content, from a speech's 同志们 on; else the 结语
    ("特此报告。", "以上报告，请审议。") the text ends with. A 同志们 between parts of a long
    speech is body: only one after the last heading starts the closing."""
    last_heading = max((j for j in at.headings if j < at.end), default=at.end)
    start = next((j for j in range(last_heading + 1, at.end) if at.paras[j].startswith(SPEECH_OPENERS)), None)
    if start is None:
        start = at.end
        while start - 1 > last_heading and _is_closing_phrase(at.paras[start - 1]):
            start -= 1
    at.closing_start = start


def _is_closing_phrase(text: str) -> bool:
    return len(text) <= MAX_CLOSING_PHRASE_CHARS and text.startswith(CLOSING_PHRASES)


# A row's ``reader`` → how it is read off the paragraphs' end.
PARAGRAPH_READERS: dict[str, Callable[[TextEnd, ReportField], None]] = {
    "date": _date,
    "signature": _signature,
    "attachment_note": _attachment_note,
    "closing": _closing,
}


def end_rows() -> list[ReportField]:
    """The rows after the sections, last first: the order they are peeled off the end."""
    return list(reversed(fields_at(AFTER_SECTIONS)))


def read_text_end(at: TextEnd) -> TextEnd:
    """Peel the rows read from paragraphs off ``at``'s end, last row first."""
    for spec in end_rows():
        reader = PARAGRAPH_READERS.get(spec.reader)
        if reader is not None:
            reader(at, spec)
    if at.closing_start is None:
        at.closing_start = at.end
    return at
