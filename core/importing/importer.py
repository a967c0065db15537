"""Import a prior report: read → clean paragraphs → outline → kind guess."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.base.errors import ImportFailed
from core.draft.model import Report
from core.importing.cleanup import to_paragraphs
from core.importing.gongwen_parts import take_gongwen_parts
from core.importing.kind_guess import guess_kind
from core.importing.outline_parser import parse_outline


@dataclass
class ImportResult:
    report: Report
    kind: str
    kind_reason: str
    source: Path | None = None
    warnings: list[str] = field(default_factory=list)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing allocates many small objects and no garbage cycles; the cyclic collector
    would rescan the growing tree again and again (3–4× slower on a 10 MB text)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def apply_gongwen_parts(report: Report, fields: dict[str, Any]) -> None:
    """Put the 版头/版记/附件 fields found by core.importing.gongwen_parts on the report."""
    titles = fields.pop("attachment_titles", [])
    for name, value in fields.items():
        setattr(report, name, value)
    if titles and not report.attachments:
        report.attachments = [t for t in titles if t]


def parse_paragraphs(lines: list[str], kind: str | None = None) -> ImportResult:
    """Lines of text (one paragraph per line, or hard-wrapped) → ImportResult."""
    fields, lines = take_gongwen_parts(lines)
    with _collector_paused():
        parsed = parse_outline(to_paragraphs(lines))
        apply_gongwen_parts(parsed.report, fields)
        guessed, reason = guess_kind(parsed.report)
    if kind:
        guessed, reason = kind, "由用户指定"
    parsed.report.kind = guessed
    return ImportResult(report=parsed.report, kind=guessed, kind_reason=reason, warnings=parsed.warnings)


def parse_text(text: str, kind: str | None = None) -> ImportResult:
    return parse_paragraphs(text.splitlines(), kind=kind)


def import_document(path: Path | str, kind: str | None = None) -> ImportResult:
    """Read any supported document and parse it; raises ImportFailed with a Chinese message."""
    from core.importing.readers import read_paragraphs

    source = Path(path)
    lines: list[str] = []
    for paragraph in read_paragraphs(source):
        lines.extend(paragraph.split("\n"))
    if not any(line.strip() for line in lines):
        raise ImportFailed(source, "文件里没有文字内容。请确认选对了文件，或先在 Word/WPS 中打开检查。")
    result = parse_paragraphs(lines, kind=kind)
    result.source = source
    if not result.report.prior_source:
        result.report.prior_source = source.name
    return result
