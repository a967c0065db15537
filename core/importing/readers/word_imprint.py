"""The 版记 of a document this app (or a careful clerk) made: 抄送 and 印发 lines placed in
the footer of the last page (GB/T 9704 7.4) rather than in the body. They are read back as
the document's last paragraphs, where core.importing.gongwen_parts looks for a 版记."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from core.ooxml.guards import SafeZip, parse_xml
from core.ooxml.word_names import WordNames

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _is_imprint_line(text: str) -> bool:
    return text.startswith("抄送") or text.rstrip().endswith("印发")


def imprint_lines(
    package: SafeZip, path: Path, body: etree._Element, names: WordNames, relationships: dict[str, tuple[str, str]]
) -> list[str]:
    """The 抄送/印发 lines of the last section's footers, in order ([] when there are none)."""
    final = body.find(names.sectPr)
    if final is None:
        return []
    for reference in final.findall(names.footerReference):
        kind, member = relationships.get(reference.get(_R_ID, ""), ("", ""))
        if kind != "footer":
            continue
        footer = parse_xml(path, package.read(member))
        lines = []
        for paragraph in footer.iter(names.p):
            pieces = []
            for node in paragraph.iter(names.t, names.tab):
                pieces.append("\t" if node.tag == names.tab else node.text or "")
            text = "".join(pieces).strip()
            if text:
                lines.append(text)
        if lines and all(_is_imprint_line(line) for line in lines):
            return lines
    return []
