"""Exports carry no links to the outside: a template's external relationships are dropped.

A template shared between units may hold relationships with ``TargetMode="External"``:
a linked (not embedded) picture, a hyperlink, an attached template on a server, a
sub-document. Word fetches some of them when the export is opened — a request from the
clerk's computer to wherever the template's author pointed. They are removed from every
part, and the XML that referred to them loses the reference (a hyperlink keeps its text;
an element that is nothing but a link is dropped) so the document stays valid.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Elements that only make sense with their link; without it Word would call the file damaged.
_LINK_ONLY = {"attachedTemplate", "subDoc", "altChunk", "saveThroughXslt"}


def _drop_references(root: etree._Element, rids: set[str]) -> None:
    doomed = []
    for element in root.iter():
        refs = [name for name, value in element.attrib.items() if name.startswith(f"{{{_R_NS}}}") and value in rids]
        if not refs:
            continue
        if etree.QName(element).localname in _LINK_ONLY:
            doomed.append(element)
            continue
        for name in refs:
            del element.attrib[name]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def strip_external_relationships(package: Any) -> int:
    """Remove external relationships from a python-docx package; return how many."""
    removed = 0
    external = [rid for rid, rel in package.rels.items() if rel.is_external]
    for rid in external:
        del package.rels[rid]
    removed += len(external)
    for part in package.iter_parts():
        rids = {rid for rid, rel in part.rels.items() if rel.is_external}
        if not rids:
            continue
        for rid in rids:
            del part.rels[rid]
        removed += len(rids)
        element = getattr(part, "_element", None)
        if element is not None:
            _drop_references(element, rids)
            continue
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue  # not XML: nothing in it can point at a relationship
        _drop_references(root, rids)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return removed


__all__ = ["strip_external_relationships"]
