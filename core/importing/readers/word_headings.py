"""Headings a Word document shows by style or formatting, not by number.

- Style: a paragraph's own outline level (``w:outlineLvl``), else its style's, along
  ``w:basedOn``; a style named "heading N" / "标题 N" counts as level N too (WPS and
  converters do not always write the outline level). Levels 1–4 are headings.
- Formatting: a short lead line whose text runs are all 黑体 (rank 1), 楷体 (rank 2) or
  bold (rank 3) — the faces GB/T 9704 gives 一、（一）1. headings — counted only when
  that formatting is not also the face of the document's body text.
"""

from __future__ import annotations

import re

from lxml import etree

from core.importing.heading_rules import HOW_FORMATTING, HOW_STYLE, HeadingHint
from core.ooxml.word_names import WordNames, int_attr, is_true

MAX_HEADING_LEVEL = 4
MAX_LEAD_LINE = 40
_MAX_STYLE_DEPTH = 20
_NAMED_LEVEL = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_HEI = ("黑体", "simhei", "heiti", "方正黑体", "微软雅黑", "microsoft yahei")
_KAI = ("楷体", "kaiti", "simkai", "方正楷体", "华文楷体", "stkaiti")
RANK_HEI, RANK_KAI, RANK_BOLD = 1, 2, 3
_LEAD_LINE_END = tuple("。；;，,：:！!？?")


class HeadingStyles:
    """Outline level and run formatting of each paragraph style, inherited along basedOn."""

    def __init__(self, root: etree._Element | None, names: WordNames) -> None:
        self.n = names
        self._based_on: dict[str, str | None] = {}
        self._level: dict[str, int | None] = {}
        self._rank: dict[str, int | None] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for style in root.iter(names.style):
            if style.get(names.type, "paragraph") != "paragraph" or style.get(names.styleId) is None:
                continue
            style_id = style.get(names.styleId)
            based = style.find(names.basedOn)
            self._based_on[style_id] = based.get(names.val) if based is not None else None
            properties = style.find(names.pPr)
            level = int_attr(properties.find(names.outlineLvl), names) if properties is not None else None
            name = style.find(names.name)
            named = _NAMED_LEVEL.match((name.get(names.val) or "").strip()) if name is not None else None
            self._level[style_id] = level + 1 if level is not None else (int(named.group(1)) if named else None)
            self._rank[style_id] = run_rank(style.find(names.rPr), names)
            if style.get(names.default) in ("1", "true", "on"):
                self.default_id = style_id

    def _inherited(self, table: dict[str, int | None], style_id: str | None) -> int | None:
        current = style_id if style_id in self._based_on else self.default_id
        seen: set[str] = set()
        while current is not None and current not in seen and len(seen) < _MAX_STYLE_DEPTH:
            seen.add(current)
            value = table.get(current)
            if value is not None:
                return value
            current = self._based_on.get(current)
        return None

    def level(self, style_id: str | None) -> int | None:
        return self._inherited(self._level, style_id)

    def rank(self, style_id: str | None) -> int | None:
        return self._inherited(self._rank, style_id)


def run_rank(properties: etree._Element | None, n: WordNames) -> int | None:
    """黑体 1, 楷体 2, bold 3 for one run's (or style's) properties; None for plain."""
    if properties is None:
        return None
    fonts = properties.find(n.rFonts)
    if fonts is not None:
        faces = " ".join(v.lower() for v in fonts.attrib.values())
        if any(face in faces for face in _HEI):
            return RANK_HEI
        if any(face in faces for face in _KAI):
            return RANK_KAI
    if is_true(properties.find(n.b), n):
        return RANK_BOLD
    return None


def style_hint(p_properties: etree._Element | None, style_id: str | None, styles: HeadingStyles) -> HeadingHint | None:
    n = styles.n
    own = p_properties.find(n.outlineLvl) if p_properties is not None else None
    level = int_attr(own, n) + 1 if own is not None and int_attr(own, n) is not None else styles.level(style_id)
    if level is not None and 1 <= level <= MAX_HEADING_LEVEL:
        return HeadingHint(HOW_STYLE, level)
    return None


def paragraph_rank(p: etree._Element, style_id: str | None, styles: HeadingStyles) -> int | None:
    """The emphasis every text run of the paragraph shares (the weakest of them), or None."""
    n = styles.n
    default = styles.rank(style_id)
    ranks: list[int] = []
    for run in p.iter(n.r):
        if not any((t.text or "").strip() for t in run.iter(n.t)):
            continue
        rank = run_rank(run.find(n.rPr), n) or default
        if rank is None:
            return None
        ranks.append(rank)
    return max(ranks) if ranks else None


MAX_STYLED_HEADING = 80


def heading_sized(text: str) -> bool:
    """Short enough for a heading and not ending a sentence."""
    return 0 < len(text) <= MAX_STYLED_HEADING and not text.endswith(("。", "；", ";"))


def lead_line_like(text: str) -> bool:
    return 0 < len(text) <= MAX_LEAD_LINE and not text.endswith(_LEAD_LINE_END) and "。" not in text[:-1]


def formatting_hints(texts: list[str], ranks: dict[int, int], hints: dict[int, HeadingHint]) -> None:
    """Add hints (by paragraph index) from lead-line ranks, skipping a face the body text
    is set in."""
    body_ranks = {rank for index, rank in ranks.items() if len(texts[index]) > 60}
    for index, rank in ranks.items():
        if rank not in body_ranks and index not in hints and lead_line_like(texts[index]):
            hints[index] = HeadingHint(HOW_FORMATTING, rank)
