"""Write real .docx files for tests: typed numbers, Word automatic numbering, raw XML.

- ``write_typed_docx(path, paragraphs)``: one Word paragraph per text, numbers typed in.
- ``write_auto_numbered_docx(path, paragraphs)``: the same document, but headings carry
  Word automatic numbering (``w:numPr`` + numbering.xml) and their text has no marker,
  exactly as Word stores a list. Each entry is ``(family, text)`` or
  ``(family, text, number)``; family is None for an ordinary paragraph or one of
  "chapter" (一、 chineseCounting), "section" (（一） chineseCounting), "item" (1. decimal),
  "subitem" (（1） decimal).
- ``auto_numbered_from_typed(lines)``: turns typed lines ("一、总体要求") into those
  entries, keeping each line's own number, so a seed saved both ways reads the same
  (markers come back in the canonical forms above: "1．" and "(1)" become "1." and "（1）").
- ``write_docx_xml(path, body_xml, numbering_xml=..., styles_xml=...)``: a minimal package
  around hand-written WordprocessingML, for structures python-docx cannot make.

Numbering: each run of continuous numbers of a family is one single-level list (an
abstractNum whose ``w:start`` is the run's first number, and a w:num for it). That is the
structure LibreOffice writes too, and the one that survives a round trip through .doc
unchanged (runs sharing one abstractNum through ``w:startOverride`` do not), so Word, WPS,
LibreOffice and the reader all show the same numbers.
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from core.draft.ordinals import FAMILY_RANK, parse_marker
from core.importing.readers.number_formats import format_number

FAMILY_FORMATS: dict[str, tuple[str, str]] = {
    "chapter": ("chineseCounting", "%1、"),
    "section": ("chineseCounting", "（%1）"),
    "item": ("decimal", "%1."),
    "subitem": ("decimal", "（%1）"),
}
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Far above the ids python-docx's default template already uses.
_FIRST_ID = 100

NumberedParagraph = tuple[str | None, str] | tuple[str | None, str, int]


def write_typed_docx(path: Path, paragraphs: Iterable[str]) -> Path:
    """A .docx with one paragraph per text, numbers (if any) typed into the text."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def write_auto_numbered_docx(
    path: Path, paragraphs: Iterable[NumberedParagraph], *, continuous: Collection[str] = ()
) -> Path:
    """A .docx whose headings are numbered by Word itself (see the module docstring).

    Without an explicit number, a family counts on from its previous paragraph and starts
    again at 1 after a shallower family, as Word's outline lists do, unless the family
    is listed in ``continuous`` (items numbered 1–33 straight through the chapters).
    """
    entries = [_normalise(entry) for entry in paragraphs]
    numbers = _assign_numbers(entries, continuous)
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{_W}}}num")
    next_id = _FIRST_ID
    current_num: dict[str, int] = {}
    last_number: dict[str, int] = {}
    for ((family, text), _explicit), number in zip(entries, numbers, strict=True):
        paragraph = document.add_paragraph(text)
        if family is None or number is None:
            continue
        if family not in current_num or number != last_number[family] + 1:
            # A new run of numbers is a list of its own that starts at its first number.
            abstract = parse_xml(_abstract_num_xml(next_id, family, number))
            if first_num is not None:
                first_num.addprevious(abstract)  # schema order: all abstractNums first
            else:
                numbering.append(abstract)
            num = parse_xml(_num_xml(next_id, next_id))
            cleanup = numbering.find(f"{{{_W}}}numIdMacAtCleanup")  # must stay last
            if cleanup is not None:
                cleanup.addprevious(num)
            else:
                numbering.append(num)
            current_num[family] = next_id
            next_id += 1
        last_number[family] = number
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = current_num[family]
    document.save(str(path))
    return path


def auto_numbered_from_typed(lines: Iterable[str]) -> list[NumberedParagraph]:
    """("一、总体要求" → ("chapter", "总体要求", 1)); lines without a marker → (None, line)."""
    entries: list[NumberedParagraph] = []
    for line in lines:
        stripped = line.strip()
        marker = parse_marker(stripped)
        if marker is None:
            entries.append((None, line))
        else:
            entries.append((marker.family, stripped[len(marker.raw) :], marker.number))
    return entries


def rendered_marker(family: str, number: int) -> str:
    """The marker Word shows for ``family`` at ``number`` ("section", 3 → "（三）")."""
    fmt, text = FAMILY_FORMATS[family]
    return text.replace("%1", format_number(fmt, number))


def _normalise(entry: NumberedParagraph) -> tuple[tuple[str | None, str], int | None]:
    family, text = entry[0], entry[1]
    if family is not None and family not in FAMILY_FORMATS:
        raise ValueError(f"unknown marker family {family!r}; use one of {sorted(FAMILY_FORMATS)}")
    number = entry[2] if len(entry) == 3 else None  # type: ignore[misc]
    return (family, text), number


def _assign_numbers(
    entries: Sequence[tuple[tuple[str | None, str], int | None]], continuous: Collection[str]
) -> list[int | None]:
    numbers: list[int | None] = []
    last: dict[str, int] = {}
    for (family, _text), explicit in entries:
        if family is None:
            numbers.append(None)
            continue
        rank = FAMILY_RANK[family]
        number = explicit if explicit is not None else last.get(family, 0) + 1
        numbers.append(number)
        last[family] = number
        # A heading restarts every deeper family (unless that family runs on).
        for deeper, deeper_rank in FAMILY_RANK.items():
            if deeper_rank > rank and deeper not in continuous:
                last.pop(deeper, None)
    return numbers


def _abstract_num_xml(abstract_id: int, family: str, start: int) -> str:
    num_fmt, lvl_text = FAMILY_FORMATS[family]
    # Chinese headings hang no number in the margin: first line indented two characters
    # (640 twips at 16 pt), no tab after the number, as typed headings look.
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x1A2B0000 + abstract_id:08X}"/>'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:tmpl w:val="{0x5C6D0000 + abstract_id:08X}"/>'
        '<w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{num_fmt}"/>'
        '<w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{lvl_text}"/>'
        '<w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
        "</w:lvl>"
        "</w:abstractNum>"
    )


def _num_xml(num_id: int, abstract_id: int) -> str:
    return f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'


# --- Raw packages ---------------------------------------------------------------------

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)


def write_docx_xml(
    path: Path,
    body_xml: str,
    *,
    numbering_xml: str | None = None,
    styles_xml: str | None = None,
    extra_parts: Sequence[tuple[str, str, str, bytes]] = (),
) -> Path:
    """A minimal .docx around ``body_xml`` (the children of ``w:body``).

    ``numbering_xml``/``styles_xml`` are the children of ``w:numbering``/``w:styles``.
    ``extra_parts`` are (relationship id, relationship type's last word, target under
    word/, bytes), e.g. ("rId9", "aFChunk", "chunk.htm", b"<html>…") for an altChunk.
    Prefixes w, r, mc, wp, a, pic, wps, v and m are declared on the root elements.
    """
    rels = [
        ("rId1", "styles", "styles.xml", styles_xml),
        ("rId2", "numbering", "numbering.xml", numbering_xml),
    ]
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" '
            f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
            f'Target="{target}"/>'
            for rid, kind, target, content in [*rels, *extra_parts]
            if content is not None
        )
        + "</Relationships>"
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body_xml}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", document_rels)
        if styles_xml is not None:
            package.writestr("word/styles.xml", f"<w:styles {NAMESPACES}>{styles_xml}</w:styles>")
        if numbering_xml is not None:
            package.writestr("word/numbering.xml", f"<w:numbering {NAMESPACES}>{numbering_xml}</w:numbering>")
        for _, _, target, content in extra_parts:
            package.writestr(f"word/{target}", content)
    return path


def paragraph_xml(
    text: str, *, num_id: int | None = None, ilvl: int | None = None, style: str | None = None
) -> str:
    """``<w:p>`` with one run of ``text`` (escaped), optionally numbered or styled."""
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or ilvl is not None:
        props += "<w:numPr>"
        if ilvl is not None:
            props += f'<w:ilvl w:val="{ilvl}"/>'
        if num_id is not None:
            props += f'<w:numId w:val="{num_id}"/>'
        props += "</w:numPr>"
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


CHINESE_NUMBERS = "一二三四五六七八九十"


def write_long_report_docx(path: Path, sections: int, paragraphs_per_section: int) -> Path:
    """A long report of our own words: a title, ``sections`` headings 一、二、… (past 十: 十一、…)
    each with ``paragraphs_per_section`` body paragraphs. ~30 characters a paragraph."""

    def number(n: int) -> str:
        tens, ones = divmod(n, 10)
        head = ("" if tens == 1 else CHINESE_NUMBERS[tens - 1]) + "十" if tens else ""
        return head + (CHINESE_NUMBERS[ones - 1] if ones else "")

    body = [paragraph_xml("某某区2024年工作总结")]
    for section in range(1, sections + 1):
        body.append(paragraph_xml(f"{number(section)}、第{section}方面的工作"))
        body += [
            paragraph_xml(f"第{section}方面第{k}项工作按计划推进，完成全年任务的百分之{k % 100}。")
            for k in range(1, paragraphs_per_section + 1)
        ]
    return write_docx_xml(path, "".join(body))


__all__ = [
    "FAMILY_FORMATS",
    "auto_numbered_from_typed",
    "paragraph_xml",
    "rendered_marker",
    "write_auto_numbered_docx",
    "write_docx_xml",
    "write_long_report_docx",
    "write_typed_docx",
]
