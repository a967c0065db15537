"""Finding parts in a Word package: the main document, its styles and numbering, the
glossary (placeholder texts of content controls) and altChunk parts."""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree

from core.ooxml.guards import SafeZip, parse_xml, parse_xml_lenient
from core.ooxml.word_names import RELATIONSHIP, names_for

DEFAULT_MAIN_PART = "word/document.xml"
_RELATED_KINDS = ("styles", "numbering", "glossaryDocument")


def main_document_part(package: SafeZip) -> str | None:
    """The main document part named by the package relationships, else word/document.xml."""
    rels_name = package.find("_rels/.rels")
    rels = parse_xml_lenient(package.path, package.read(rels_name)) if rels_name else None
    for rel in rels.iter(RELATIONSHIP) if rels is not None else ():
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
            found = package.find(rel.get("Target", "").lstrip("/"))
            if found is not None:
                return found
    return package.find(DEFAULT_MAIN_PART)


def part_relationships(package: SafeZip, part: str, path: Path) -> dict[str, tuple[str, str]]:
    """Relationship id → (type's last word, stored member name) for internal targets."""
    folder, filename = posixpath.split(part)
    rels_name = package.find(posixpath.join(folder, "_rels", filename + ".rels"))
    rels = parse_xml_lenient(path, package.read(rels_name)) if rels_name else None
    found: dict[str, tuple[str, str]] = {}
    for rel in rels.iter(RELATIONSHIP) if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        stored = package.find(posixpath.normpath(member))
        if stored is not None:
            found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], stored)
    return found


def related_parts(relationships: dict[str, tuple[str, str]], package: SafeZip, main: str) -> dict[str, str]:
    """{"styles": member, "numbering": member, "glossaryDocument": member} as present."""
    found: dict[str, str] = {}
    for kind, member in relationships.values():
        if kind in _RELATED_KINDS:
            found.setdefault(kind, member)
    folder = posixpath.dirname(main)
    for kind in ("styles", "numbering"):
        if kind not in found:
            stored = package.find(posixpath.join(folder, f"{kind}.xml"))
            if stored is not None:
                found[kind] = stored
    return found


def glossary_placeholders(package: SafeZip, path: Path, member: str | None) -> dict[str, str]:
    """docPart name → its text, from the glossary document (where Word keeps the
    placeholder text content controls show while empty)."""
    if member is None:
        return {}
    root = parse_xml(path, package.read(member))
    n = names_for(root)
    texts: dict[str, str] = {}
    for part in root.iter(n.docPart):
        name = part.find(f"{n.docPartPr}/{n.name}")
        body = part.find(n.docPartBody)
        if name is not None and body is not None:
            texts[name.get(n.val, "")] = "".join(t.text or "" for t in body.iter(n.t))
    return texts


def parse_part(package: SafeZip, path: Path, member: str | None) -> etree._Element | None:
    return parse_xml(path, package.read(member)) if member else None
