"""Document readers: a prior report file in, its paragraph texts in document order out.

    read_document(path) -> SourceDocument   (paragraphs, origin, heading hints, dropped)
    read_paragraphs(path) -> list[str]

Supported: .docx (and .docm/.dotx/.dotm), .txt and .md in any common Chinese encoding,
saved web pages (.html/.htm, .mhtml/.mht), and .doc/.wps/.rtf/.odt through LibreOffice
when it is installed. Anything that cannot be
read raises ``core.base.errors.ImportFailed`` whose message names the file and tells the
clerk what to do; no other exception escapes. Whatever a reader returns is judged by
core.importing.readers.noise before anyone sees it: noise is refused, not imported.

The extension decides whether a file is accepted at all; its first bytes decide which
reader runs, because renamed files are common (a .doc that is really a .docx, an RTF
saved as .doc, a password-protected .docx, which is an OLE container).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.base import file_messages
from core.base.errors import ImportFailed
from core.base.progress import Progress, progress_or_none
from core.importing.readers.noise import noise_reason
from core.importing.readers.source import ORIGIN_TEXT, SourceDocument
from core.importing.readers.text import decode, read_text_paragraphs
from core.office import formats
from core.office.formats import (
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    IMAGE_SIGNATURES,
    LEGACY_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MHTML_SUFFIXES,
    SNIFF_BYTES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    Signature,
    sniff,
    supported_list,
)
from core.office.libreoffice import read_converted
from core.ooxml import guards

__all__ = ["SUPPORTED_SUFFIXES", "SourceDocument", "check_suffix", "decode", "read_document", "read_paragraphs"]

_FOREIGN_HINTS = {
    ".pdf": file_messages.PDF,
    ".xls": file_messages.SPREADSHEET,
    ".xlsx": file_messages.SPREADSHEET,
    ".et": file_messages.SPREADSHEET,
    ".ppt": file_messages.PRESENTATION,
    ".pptx": file_messages.PRESENTATION,
    ".dps": file_messages.PRESENTATION,
}


def read_paragraphs(path: Path | str) -> list[str]:
    """Paragraph texts of a report file, in document order (blank paragraphs kept as "")."""
    return read_document(path).paragraphs


def read_document(path: Path | str, progress: Progress | None = None) -> SourceDocument:
    """A report file's paragraphs, where they came from, and what its reader saw; text that
    is noise (random bytes a converter "read") is refused here, whatever the format.
    ``progress`` hears how far (converting, reading paragraphs, judging the text) and
    carries the clerk's 取消 (Cancelled; a LibreOffice conversion is killed)."""
    path = Path(path)
    steps = progress_or_none(progress)
    document = _read_any(path, steps.part(0.0, 0.9, f"正在读取“{path.name}”…"))
    steps.part(0.9, 1.0, f"正在检查“{path.name}”的文字…")
    refusal = noise_reason(document.paragraphs)
    if refusal is not None:
        raise ImportFailed(path, refusal)
    return document


def _read_any(path: Path, progress: Progress) -> SourceDocument:
    suffix = path.suffix.lower()
    guards.check_exists(path)
    _check_suffix(path, suffix)
    guards.check_regular_file(path)
    signature = sniff(guards.read_bytes(path, SNIFF_BYTES))
    if signature is Signature.ZIP:
        return _read_zip(path, path, suffix, progress)
    if signature is Signature.OLE:
        return _read_ole(path, suffix, progress)
    if signature is Signature.RTF:
        return _converted(path, ".rtf", progress)
    if signature is Signature.PDF:
        raise ImportFailed(path, file_messages.PDF)
    if signature in IMAGE_SIGNATURES:
        raise ImportFailed(path, file_messages.IMAGE.format(kind=signature.value))
    if suffix in DOCX_SUFFIXES:
        raise ImportFailed(path, file_messages.NOT_WORD)
    return NAMED_READERS[suffix](path, progress)


def _read_web_page(path: Path, _progress: Progress) -> SourceDocument:
    from core.importing.readers.html import read_html_document  # lxml and email: only for web pages

    return read_html_document(path, mhtml=path.suffix.lower() in MHTML_SUFFIXES)


def _read_legacy(path: Path, progress: Progress) -> SourceDocument:
    # e.g. a "Word 2003 XML" or web page saved as .doc: LibreOffice reads those too.
    return _converted(path, path.suffix.lower(), progress)


def _read_plain_text(path: Path, _progress: Progress) -> SourceDocument:
    return SourceDocument(read_text_paragraphs(path, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES), ORIGIN_TEXT)


# The reader of a file whose first bytes are no package, no OLE, RTF, PDF or image: chosen by its
# name. A new import format is one row here and its suffixes in core/office/formats.py
# (tests/test_recipes.py adds one; tests/core/test_readers.py keeps the two lists equal).
NAMED_READERS: dict[str, Callable[[Path, Progress], SourceDocument]] = {
    **dict.fromkeys(HTML_SUFFIXES + MHTML_SUFFIXES, _read_web_page),
    **dict.fromkeys(LEGACY_SUFFIXES, _read_legacy),
    **dict.fromkeys(TEXT_SUFFIXES, _read_plain_text),
}


def _converted(path: Path, suffix: str, progress: Progress) -> SourceDocument:
    return read_converted(path, suffix, _read_converted_docx, progress)


def check_suffix(path: Path | str) -> None:
    """Refuse, before reading a byte, a file whose name is no format we import (a .pdf, .xlsx,
    .png or .zip chosen under 所有文件): ImportFailed naming the file and the formats we read."""
    _check_suffix(Path(path), Path(path).suffix.lower())


def _check_suffix(path: Path, suffix: str) -> None:
    if suffix in formats.SUPPORTED_SUFFIXES:
        return
    if not suffix:
        raise ImportFailed(path, file_messages.NO_SUFFIX.format(supported=supported_list()))
    if suffix in _FOREIGN_HINTS:
        raise ImportFailed(path, _FOREIGN_HINTS[suffix] + file_messages.SUPPORTED.format(supported=supported_list()))
    raise ImportFailed(path, file_messages.UNSUPPORTED_SUFFIX.format(suffix=suffix, supported=supported_list()))


def _read_zip(path: Path, shown_path: Path, suffix: str, progress: Progress) -> SourceDocument:
    """A zip container: Word, or OpenDocument (converted), or something else refused."""
    from core.importing.readers.docx import main_document_part, read_docx_document  # lxml: only for Word

    with guards.SafeZip(path) as package:
        if main_document_part(package) is not None:
            return read_docx_document(package, shown_path, progress=progress)
        names = package.names()
        mimetype = package.read("mimetype")[:100] if package.has("mimetype") else b""
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return _converted(path, ".odt", progress)
    if any(name.startswith("xl/") for name in names):
        raise ImportFailed(shown_path, file_messages.SPREADSHEET)
    if any(name.startswith("ppt/") for name in names):
        raise ImportFailed(shown_path, file_messages.PRESENTATION)
    raise ImportFailed(shown_path, file_messages.NO_DOCUMENT_XML if suffix in DOCX_SUFFIXES else file_messages.NOT_WORD)


def _read_ole(path: Path, suffix: str, progress: Progress) -> SourceDocument:
    """An OLE compound file: an encrypted .docx, or a .doc/.wps (whatever its name says)."""
    if guards.is_encrypted_ooxml(guards.read_bytes(path)):
        raise ImportFailed(path, file_messages.ENCRYPTED)
    if suffix in TEXT_SUFFIXES:
        raise ImportFailed(path, file_messages.BINARY_TEXT)
    legacy_suffix = suffix if suffix in LEGACY_SUFFIXES else ".doc"
    return _converted(path, legacy_suffix, progress)


def _read_converted_docx(converted: Path, original: Path, progress: Progress) -> SourceDocument:
    """Read LibreOffice's output; messages still name the clerk's original file."""
    from core.importing.readers.docx import main_document_part, read_docx_document

    with guards.SafeZip(converted, shown_path=original) as package:
        if main_document_part(package) is None:
            raise ImportFailed(original, file_messages.NO_DOCUMENT_XML)
        return read_docx_document(package, original, progress=progress)
