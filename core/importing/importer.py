"""Import a prior report: read → clean paragraphs → outline → kind guess."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.base.errors import ImportFailed
from core.base.progress import Progress, progress_or_none
from core.draft import scale
from core.draft.model import Report, Section
from core.draft.tables import Table
from core.draft.validate import outline_refusal
from core.importing.cleanup import clean_paragraph, to_paragraphs
from core.importing.gongwen_parts import take_gongwen_parts
from core.importing.heading_rules import HeadingHint
from core.importing.metadata_guess import apply_guess, fill_from_file_name, guess_metadata
from core.importing.outline_parser import parse_outline, parse_part
from core.importing.web_chrome import looks_like_web_copy, strip_chrome

if TYPE_CHECKING:  # the readers are imported when a file is read, not at start-up
    from core.importing.readers.source import SourceDocument


@dataclass
class ImportResult:
    report: Report
    kind: str
    kind_reason: str
    source: Path | None = None
    # Why the kind, year, unit and title are what they are (core.importing.metadata_guess),
    # kept with the library record and shown in 管理资料库.
    guess_reasons: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # web chrome and page furniture left out


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


def apply_gongwen_parts(report: Report, fields: dict[str, Any], parts: list[Section] | None = None) -> None:
    """Put the 版头/版记/附件 fields found by core.importing.gongwen_parts on the report.
    Attachment pages become parts of the report (outline_parser.parse_part), edited in the
    section form: ``parts`` when the caller read them with their tables, else from their lines."""
    titles = fields.pop("attachment_titles", [])
    texts = fields.pop("attachment_texts", [])
    fields.pop("attachment_labels", None)
    for name, value in fields.items():
        setattr(report, name, value)
    if titles and not report.attachments:
        report.attachments = [t for t in titles if t]
    if parts is None:
        parts = [
            parse_part(title, [line.strip() for line in text.split("\n") if line.strip()])
            for title, text in zip(titles, texts, strict=False)
        ]
    report.sections += parts


def _word_attachment_parts(
    fields: dict[str, Any],
    paragraphs: list[str],
    hints: list[HeadingHint | None],
    base: int,
    tables: list[tuple[int, Table]],
) -> tuple[list[Section] | None, list[tuple[int, Table]]]:
    """A Word file's attachment pages as parts, each with the heading hints and tables that
    stand in it (a table before the next page's "附件N" line is this page's); the tables
    left are the text's. ``base``: where the lines core.importing.gongwen_parts read begin."""
    labels = [base + at for at in fields.get("attachment_labels", [])]
    if len(labels) < 2:
        return None, tables
    parts: list[Section] = []
    left = [(at, table) for at, table in tables if not labels[0] < at <= labels[-1]]
    for label, stop in itertools.pairwise(labels):
        first = min(label + 2, stop)  # after the label and the title
        title = paragraphs[label + 1] if label + 1 < stop else ""
        own = [(max(at - first, 0), table) for at, table in tables if label < at <= stop]
        parts.append(parse_part(title, paragraphs[first:stop], hints[first:stop], own))
    return parts, left


def parse_paragraphs(
    lines: list[str], kind: str | None = None, *, web: bool | None = None, progress: Progress | None = None
) -> ImportResult:
    """Lines of text (one paragraph per line, or hard-wrapped) → ImportResult.

    Web chrome is stripped when ``web`` is True, or (None) when the lines show it.
    """
    dropped: list[str] = []
    if web or (web is None and looks_like_web_copy(lines)):
        lines, dropped = strip_chrome(lines)
    fields, lines = take_gongwen_parts(lines)
    with _collector_paused():
        paragraphs = to_paragraphs(lines, dropped)
    return _parse(paragraphs, kind, fields=fields, dropped=dropped, progress=progress)


def _parse(
    paragraphs: list[str],
    kind: str | None,
    *,
    hints: list[HeadingHint | None] | None = None,
    seams: set[int] | None = None,
    fields: dict[str, Any] | None = None,
    dropped: list[str] | None = None,
    tables: list[tuple[int, Table]] | None = None,
    parts: list[Section] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    steps = progress_or_none(progress)
    with _collector_paused():
        parsed = parse_outline(paragraphs, hints, seams=seams, tables=tables, progress=steps.part(0.0, 0.9))
        apply_gongwen_parts(parsed.report, fields or {}, parts)
        steps.part(0.9, 1.0, "正在识别类型、年度和单位…")
        guess = guess_metadata(parsed.report)
    apply_guess(parsed.report, guess)
    reasons = dict(guess.reasons)
    if kind:
        parsed.report.kind, reasons["kind"] = kind, "由用户指定"
    return ImportResult(
        report=parsed.report,
        kind=parsed.report.kind,
        kind_reason=reasons["kind"],
        warnings=parsed.warnings,
        dropped=dropped or [],
        guess_reasons=reasons,
    )


def parse_text(text: str, kind: str | None = None) -> ImportResult:
    return parse_paragraphs(text.splitlines(), kind=kind)


def word_paragraphs(
    texts: list[str], hints: list[HeadingHint | None] | None, seams: set[int]
) -> tuple[list[str], list[HeadingHint | None], set[int], dict[int, int]]:
    """A Word body's paragraphs cleaned, blanks left out, hints and seams kept in step.
    No furniture filter: in a Word file "来源：…" or "1/27" is content. The last value maps
    each raw paragraph index (and one past the end) to its index among those kept."""
    kept: list[str] = []
    kept_hints: list[HeadingHint | None] = []
    kept_seams: set[int] = set()
    kept_index: dict[int, int] = {}
    for index, raw in enumerate(texts):
        kept_index[index] = len(kept)
        if index in seams:
            kept_seams.add(len(kept))
        text = clean_paragraph(raw)
        if text:
            kept.append(text)
            kept_hints.append(hints[index] if hints is not None else None)
    kept_index[len(texts)] = len(kept)
    return kept, kept_hints, kept_seams, kept_index


def _offset_of(part: list[str], whole: list[str]) -> int | None:
    """Where ``part`` (what the 公文 elements left) stands in ``whole``, so hints stay aligned."""
    if part is whole or not part:
        return 0
    first = part[0]
    for start, text in enumerate(whole):
        if text == first and whole[start : start + len(part)] == part:
            return start
    return None


# Shares of an import, measured on a long .docx (bench_scale's 1M characters: reading its
# paragraphs about half the CPU time, parsing the outline a fifth, checking the draft a fifth).
_READ_END, _CLEAN_END, _PARSE_END = 0.55, 0.6, 0.8


def import_document(
    path: Path | str,
    kind: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read any supported document and parse it; raises ImportFailed with a Chinese message.
    ``progress`` hears how far it is (reading, converting, parsing the outline, checking);
    the clerk's 取消 — ``progress``'s, or ``cancelled()`` turning true — stops it at the next
    step (Cancelled), a LibreOffice conversion at once."""
    from core.importing.readers.source import ORIGIN_WEB, ORIGIN_WORD

    source = Path(path)
    steps = progress_or_none(progress, cancelled)
    document = _read_checked(source, steps.part(0.0, _READ_END))
    steps.part(_READ_END, _CLEAN_END, f"正在整理“{source.name}”的段落…")
    parsing = steps.part(_CLEAN_END, _PARSE_END, f"正在识别“{source.name}”的提纲…")
    if document.origin == ORIGIN_WORD:
        paragraphs, hints, seams, kept_index = word_paragraphs(document.paragraphs, document.hints, document.seams)
        fields, rest = take_gongwen_parts(paragraphs)
        start = _offset_of(rest, paragraphs)
        end = start + len(rest) if start is not None else 0
        base = start or 0
        tables = [(kept_index[at], table) for at, table in document.tables]
        parts, tables = _word_attachment_parts(fields, paragraphs, hints, base, tables)
        result = _parse(
            rest,
            kind,
            hints=hints[start:end] if start is not None else None,
            seams={i - start for i in seams if start <= i < end} if start is not None else set(),
            fields=fields,
            # A table among the 版头/版记 lines stands at the nearest end of the text.
            tables=[(min(max(at - base, 0), len(rest)), table) for at, table in tables],
            parts=parts,
            progress=parsing,
        )
    else:
        lines = [line for paragraph in document.paragraphs for line in paragraph.split("\n")]
        result = parse_paragraphs(
            lines, kind=kind, web=True if document.origin == ORIGIN_WEB else None, progress=parsing
        )
        result.dropped[:0] = document.dropped
    if document.pictures:
        result.warnings.append(
            f"“{source.name}”中的 {document.pictures} 张图片没有导入（草稿只收文字）；需要时请在导出的 Word 文件中重新插入。"
        )
    checking = steps.part(_PARSE_END, 1.0, f"正在检查“{source.name}”的内容…")
    too_big = outline_refusal(result.report)
    if too_big is not None:
        raise ImportFailed(source, f"内容超出草稿的容量（{too_big}）。请确认选对了文件，或拆分后再导入。")
    result.source = source
    if document.signature_layout and (result.report.signature.strip() or result.report.date):
        result.report.signature_layout = document.signature_layout  # the 落款's row, read by its date
    if not kind:
        fill_from_file_name(result.report, result.guess_reasons, source.name)
        result.kind, result.kind_reason = result.report.kind, result.guess_reasons["kind"]
    if not result.report.prior_source:
        result.report.prior_source = source.name
    checking.finished()
    return result


def _read_checked(source: Path, progress: Progress) -> SourceDocument:
    """The document read (core.importing.readers), refused in Chinese when it holds no text
    or more than a draft can hold."""
    from core.importing.readers import read_document

    document = read_document(source, progress)
    if not any(text.strip() for text in document.paragraphs) and not document.tables:
        raise ImportFailed(source, "文件里没有文字内容。请确认选对了文件，或先在 Word/WPS 中打开检查。")
    lines_count = sum(text.count("\n") + 1 for text in document.paragraphs)
    chars = sum(len(text) for text in document.paragraphs)
    refusal = scale.size_refusal(chars, lines_count)  # before parsing: the heavy work
    if refusal is not None:
        raise ImportFailed(source, refusal)
    return document


@dataclass
class OutlineSource:
    """A document's paragraphs as the outline parser reads them: cleaned, blank ones left
    out, with the Word reader's heading hints and tables (each with the paragraph it stands
    before) in step."""

    paragraphs: list[str]
    hints: list[HeadingHint | None] | None
    tables: list[tuple[int, Table]]


def read_outline_source(path: Path | str, progress: Progress | None = None) -> OutlineSource:
    """Any document the importer reads, as :class:`OutlineSource`, nothing taken off as a
    公文 element: an attachment's text (core.importing.attachments)."""
    from core.importing.readers.source import ORIGIN_WEB, ORIGIN_WORD

    source = Path(path)
    document = _read_checked(source, progress_or_none(progress))
    if document.origin == ORIGIN_WORD:
        paragraphs, hints, _seams, kept_index = word_paragraphs(document.paragraphs, document.hints, document.seams)
        return OutlineSource(paragraphs, hints, [(kept_index[at], table) for at, table in document.tables])
    lines = [line for paragraph in document.paragraphs for line in paragraph.split("\n")]
    if document.origin == ORIGIN_WEB or looks_like_web_copy(lines):
        lines, _chrome = strip_chrome(lines)
    return OutlineSource(to_paragraphs(lines), None, [])
