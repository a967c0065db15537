"""An attachment taken from a document (every format the importer reads: .docx/.doc/.wps/
.txt/.md …) as a part of the report.

The document is read as the importer reads a prior report (core.importing.importer), so
its headings stay headings and its tables tables, merged cells and all. Its first short
line is its name (a leading "附件1" line is dropped: the renderer numbers attachments
itself); the rest is read by core.importing.outline_parser.parse_part — the same reading
the importer gives the 附件 pages of an exported draft, so export → import gives the part
back. It becomes a part ticked 作为附件 (core.draft.numbering names and numbers it in the
附件说明), edited like any other part.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.base.progress import Progress
from core.draft.model import Report, Section
from core.draft.ordinals import parse_marker
from core.importing.importer import read_outline_source
from core.importing.outline_parser import parse_part

_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
_SENTENCE_MARKS = "。；！？"
_NAME_MAX = 40


def _is_name(line: str) -> bool:
    """A title line: short, no sentence in it, not a numbered heading."""
    return len(line) <= _NAME_MAX and not any(mark in line for mark in _SENTENCE_MARKS) and parse_marker(line) is None


def attachment_from_document(path: Path | str, progress: Progress | None = None) -> Section:
    """The attachment part a document makes (Section.attachment): its name the heading,
    its text, tables and headings the part's (see the module's docstring)."""
    source = Path(path)
    read = read_outline_source(source, progress)
    paragraphs, hints, tables = read.paragraphs, read.hints, read.tables
    taken = 0  # the label and the name, when there are
    if taken < len(paragraphs) and _LABEL.match(paragraphs[taken].strip()):
        taken += 1
    name = source.stem
    if taken < len(paragraphs) and _is_name(paragraphs[taken].strip()):
        name = paragraphs[taken].strip()
        taken += 1
    return parse_part(
        name,
        paragraphs[taken:],
        hints[taken:] if hints is not None else None,
        [(max(at - taken, 0), table) for at, table in tables],
    )


def attach_document(report: Report, path: Path | str) -> Section:
    """Make the document an attachment part of ``report``; returns the part. A part of the
    same name is replaced where it stands (the clerk took a newer version of the file)."""
    fresh = attachment_from_document(path)
    existing = attachment_part_named(report, fresh.heading)
    if existing is not None:
        at = report.sections.index(existing)
        fresh.id = existing.id
        report.sections[at] = fresh
        return fresh
    report.sections.append(fresh)
    return fresh


def attachment_part_named(report: Report, name: str) -> Section | None:
    return next((s for s in report.sections if s.attachment and s.heading.strip() == name.strip()), None)
