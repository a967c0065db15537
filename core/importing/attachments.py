"""An attachment taken from a document (.docx/.doc/.wps/.txt/.md) onto the report's 附件 pages.

The document's first short line is its name (a leading "附件1" line is dropped: the
renderer numbers attachments itself); the rest is its text. An attachment the 附件说明
already names gets that slot; a new one is added to the 附件说明.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.draft.model import Report
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


def attach_document(report: Report, path: Path | str) -> int:
    """Put the document's text on an attachment page; returns the attachment's index."""
    name, text = attachment_from_document(path)
    names = [n.strip() for n in report.attachments]
    if name in names:
        index = names.index(name)
    else:
        report.attachments.append(name)
        index = len(report.attachments) - 1
    texts = report.attachment_texts
    texts.extend([""] * (index + 1 - len(texts)))
    texts[index] = text
    return index
