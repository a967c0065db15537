"""Qualified element names for WordprocessingML, in either of its two namespaces.

Word writes the Transitional namespace; "Strict Open XML" documents use another URI for
the same vocabulary (both in core/ooxml/names.py). The readers look the namespace up on the
root element and build every tag name from it once, so lookups are plain string comparisons.
"""

from __future__ import annotations

from lxml import etree

from core.ooxml.names import MATH_NS, MATH_STRICT_NS, MC_NS, PACKAGE_RELS_NS, W_NS, W_STRICT_NS

RELATIONSHIP = f"{{{PACKAGE_RELS_NS}}}Relationship"


class WordNames:
    """``names.p`` is ``"{ns}p"``, ``names.val`` is ``"{ns}val"``, for one namespace."""

    def __init__(self, ns: str) -> None:
        self.ns = ns

    def __getattr__(self, local: str) -> str:
        # Only called for names not yet looked up: spelled out once, then cached.
        if local.startswith("__"):
            raise AttributeError(local)
        name = f"{{{self.ns}}}{local}"
        setattr(self, local, name)
        return name


def names_for(root: etree._Element) -> WordNames:
    """Names in the namespace of ``root`` (Strict or Transitional)."""
    tag = root.tag if isinstance(root.tag, str) else ""
    ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else W_NS
    return WordNames(ns if ns in (W_NS, W_STRICT_NS) else W_NS)


ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
MATH_TEXT = (f"{{{MATH_NS}}}t", f"{{{MATH_STRICT_NS}}}t")


def is_true(element: etree._Element | None, names: WordNames) -> bool:
    """An OOXML on/off property: present without ``val``, or val 1/true/on."""
    if element is None:
        return False
    value = element.get(names.val)
    return value is None or value.lower() not in ("0", "false", "off", "none")


def int_attr(element: etree._Element | None, names: WordNames, default: int | None = None) -> int | None:
    """``w:val`` as an int; a missing or garbled value gives ``default``."""
    if element is None:
        return default
    try:
        return int(element.get(names.val, ""))
    except ValueError:
        return default
