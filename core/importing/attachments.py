"""An attachment taken from a document (.docx/.doc/.wps/.txt/.md) as a part of the report.

The document's first short line is its name (a leading "附件1" line is dropped: the
renderer numbers attachments itself); the rest is its text. It becomes a part ticked 作为附件
(core.draft.numbering names and numbers it in the 附件说明), edited like any other part.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.draft.model import Report, Section
from core.importing.readers import read_paragraphs

_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
_SENTENCE_MARKS = "。；！？"


def attachment_from_document(path: Path | str) -> tuple[str, str]:
    """(name, text) of an attachment document; the text's paragraphs are joined by "\\n"."""
    source = Path(path)
    lines = [line.strip() for line in read_paragraphs(source) if line.strip()]
    if lines and _LABEL.match(lines[0]):
        lines = lines[1:]
    name = source.stem
    if lines and len(lines[0]) <= 40 and not any(mark in lines[0] for mark in _SENTENCE_MARKS):
        name = lines.pop(0)
    return name, "\n".join(lines)


def attachment_part(name: str, text: str) -> Section:
    """An attachment as a part of the report (Section.attachment): its name the heading,
    its text the part's paragraphs, to be edited in the section form like any other part."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    return Section(heading=name, attachment=True, body=lines)


def attach_document(report: Report, path: Path | str) -> Section:
    """Make the document an attachment part of ``report``; returns the part. A part of the
    same name is given the document's text (the clerk took a newer version of the file)."""
    name, text = attachment_from_document(path)
    fresh = attachment_part(name, text)
    existing = attachment_part_named(report, name)
    if existing is not None:
        existing.body = fresh.body
        return existing
    report.sections.append(fresh)
    return fresh


def attachment_part_named(report: Report, name: str) -> Section | None:
    return next((s for s in report.sections if s.attachment and s.heading.strip() == name.strip()), None)
