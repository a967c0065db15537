"""Word .docx bodies as paragraph texts, read straight from the package's XML: this module
opens the package (its parts, styles, numbering, glossary, limits); the body is walked by
core/importing/readers/word_body.py.

python-docx's object layer is too slow for the import budget (a 20,000-character report
in well under 100 ms) and does not render automatic numbers, so word/document.xml,
numbering.xml and styles.xml are parsed directly with a locked-down lxml parser.

What becomes a paragraph, in document order:
- each body paragraph, with its automatic number ("一、", "（三）", "12.") rendered in
  front of the text (see word_numbering), and runs' ``w:t`` text, ``w:tab`` as a tab;
  inserted revisions (``w:ins``) are kept, deleted ones (``w:del``) and hidden runs
  (``w:vanish``) dropped; fields keep their displayed result, not their code; content
  controls keep their content unless they still show placeholder text;
- a soft line break (Shift+Enter, ``w:br``) joins the two lines, without a space between
  Chinese characters, unless the next line visibly starts a paragraph of its own (the
  line before ends a sentence, or the next line starts with an ordinal such as "二、" or
  "一是", or is indented): text pasted from web pages often uses line breaks between
  paragraphs, while Shift+Enter inside a title should not split it;
- a top-level table as a table item (core.importing.readers.word_tables) at its reading
  position; a cell's paragraphs are joined like soft breaks; a table nested in a cell
  stays lines of tab-joined cells there (entirely empty rows skipped);
- text boxes: their paragraphs stand where they are anchored, splitting the paragraph
  there (a title is never joined across a box); of Word's two copies of a text box
  (``mc:Choice`` and ``mc:Fallback``) only the first is read;
- symbol-font characters (``w:sym``) as Unicode (see core/ooxml/symbols.py);
- altChunk parts: HTML read like a saved web page, an embedded .docx like this one.
Content controls that still show their placeholder are dropped only when their text is
that placeholder (the glossary's text, or Word's and WPS's standard prompts): templating
tools fill controls and leave the flag set, and Word displays what they hold.
Paragraphs set in a heading style or as a bold/黑体/楷体 lead line get a HeadingHint.
Images, charts and equations' layout are ignored; headers, footers, footnotes and
comments are not part of the body and are not read — except a 版记 in the last section's
footer (core.importing.readers.word_imprint), which is read as the last paragraphs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.base import file_messages
from core.base.errors import ImportFailed
from core.base.progress import Progress, progress_or_none
from core.draft import scale
from core.importing.readers.source import SourceDocument
from core.importing.readers.word_body import BodyWalker, TooMuchText
from core.importing.readers.word_chunks import ChunkReader
from core.importing.readers.word_headings import HeadingStyles
from core.importing.readers.word_imprint import imprint_lines
from core.importing.readers.word_numbering import ListCounter, Numbering, Styles
from core.ooxml.guards import SafeZip, parse_xml
from core.ooxml.package import (
    glossary_placeholders,
    main_document_part,
    parse_part,
    part_relationships,
    related_parts,
)
from core.ooxml.word_names import names_for

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["main_document_part", "read_docx_document", "read_docx_package"]

_EMPHASIS_BYTES = (b"<w:b/>", b"<w:b ", "黑体".encode(), "楷体".encode(), b"SimHei", b"KaiTi", b"outlineLvl")


def read_docx_package(package: SafeZip, path: Path) -> list[str]:
    """Paragraph texts of the Word document in an already opened (and checked) package."""
    return read_docx_document(package, path).paragraphs


def read_docx_document(
    package: SafeZip, path: Path, depth: int = 0, progress: Progress | None = None
) -> SourceDocument:
    """The Word document in an opened package: paragraphs, heading hints, text-box seams.
    ``progress`` hears of the body's paragraphs as they are read (and carries 取消)."""
    steps = progress_or_none(progress)
    steps.part(0.0, _PARSING_SHARE, f"正在打开“{path.name}”…")
    main = main_document_part(package)
    if main is None:
        raise ImportFailed(path, file_messages.NO_DOCUMENT_XML)
    document_xml = package.read(main)
    root = parse_xml(path, document_xml)
    names = names_for(root)
    relationships = part_relationships(package, main, path)
    parts = related_parts(relationships, package, main)
    numbering_root = parse_part(package, path, parts.get("numbering"))
    styles_root = None
    wants_headings = b"pStyle" in document_xml or any(mark in document_xml for mark in _EMPHASIS_BYTES)
    if parts.get("styles") and (numbering_root is not None or wants_headings):
        styles_data = package.read(parts["styles"])
        # A big styles part (300 KB in python-docx's template) costs more to parse than the
        # whole body: only read it when the body uses styles, numbering or emphasis.
        if wants_headings or b"numPr" in styles_data or b"numStyleLink" in styles_data:
            styles_root = parse_xml(path, styles_data)
    styles = Styles(styles_root, names)
    numbering = Numbering(numbering_root, styles, names)
    walker = BodyWalker(
        names,
        ListCounter(numbering),
        # Hidden text and tracked deletions are rare: skip looking for them run by run
        # when the markup does not occur at all (a false positive only costs the lookups).
        may_hide=b"vanish" in document_xml,
        may_delete=b"del" in document_xml,
        headings=HeadingStyles(styles_root, names) if wants_headings else None,
        placeholders=glossary_placeholders(package, path, parts.get("glossaryDocument"))
        if b"showingPlcHdr" in document_xml
        else {},
        chunks=ChunkReader(package, path, relationships, depth, read_docx_document),
        max_chars=MAX_DOCUMENT_CHARS,
        max_paragraphs=MAX_DOCUMENT_PARAGRAPHS,
    )
    body = root.find(names.body)
    if body is not None:
        try:
            walker.blocks(body, steps.part(_PARSING_SHARE, 1.0, f"正在读取“{path.name}”的段落…"))
        except RecursionError as exc:  # nesting libxml2 accepted but Python cannot walk
            raise ImportFailed(path, file_messages.TOO_DEEP) from exc
        except TooMuchText as exc:
            raise ImportFailed(path, file_messages.TOO_MUCH_TEXT.format(
                    limit=MAX_DOCUMENT_CHARS // 10_000, paragraphs=MAX_DOCUMENT_PARAGRAPHS
                )) from exc
        walker.paragraphs += imprint_lines(package, path, body, names, relationships)
    document = walker.document()
    if body is not None and (b"graphicData" in document_xml or b"imagedata" in document_xml):
        document.pictures = _count_pictures(body)
    return document


_PICTURE_TAGS = (
    "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",  # a DrawingML picture
    "{urn:schemas-microsoft-com:vml}imagedata",  # a VML one (older Word, WPS)
)


def _count_pictures(body: etree._Element) -> int:
    """Pictures in the body, each once (a picture saved for both old and new Word, inside
    mc:AlternateContent, has both forms: the fallback is not counted twice)."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    return sum(
        1
        for element in body.iter(*_PICTURE_TAGS)
        if not any(ancestor.tag == fallback for ancestor in element.iterancestors())
    )


# What the document really contains, counted as it is read: a few KB of XML can ask for
# far more text than its zip sizes suggest (numbering, fields repeated on every paragraph).
# Of reading a Word file: its XML parsed (before any paragraph is read), then the body.
_PARSING_SHARE = 0.1

# The limits are the app's promise (core.draft.scale); past them reading stops at once.
MAX_DOCUMENT_CHARS = scale.MAX_CHARS
MAX_DOCUMENT_PARAGRAPHS = scale.MAX_PARAGRAPHS
