"""Turn raw lines into paragraphs: drop page furniture, rejoin PDF hard wraps.

Runs before outline parsing. Nothing but furniture is dropped: every other character
reaches the parser, in order.
"""

from __future__ import annotations

import re
from collections import Counter

from core.draft.ordinals import parse_marker

# Lines a printed page adds around the text (plain-text copies of PDFs). Anchored and
# short on purpose; web chrome is core.importing.web_chrome's, and Word bodies get neither.
_FURNITURE = [
    re.compile(r"^[—–\-－一─━]{1,3}\s*\d{1,4}\s*[—–\-－一─━]{1,3}$"),  # — 3 —
    re.compile(r"^第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$"),  # 第 3 页 / 第3页 共10页
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),  # 3 / 10
]

_TERMINAL = "。！？；：…"
_CLOSERS = "”’）)》」』】"
_PARAGRAPH_OPENERS = ("同志们", "各位领导", "附件")
_INDENT = ("\u3000", " ", "\t")
_NARROWEST_WRAP = 16  # display width (a Chinese character is 1): no page wraps a report narrower


def is_furniture(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= 80 and any(p.match(text) for p in _FURNITURE)


_HALF_WIDTH = re.compile(r"[\x00-\xff\uff61-\uffdc]")


def display_width(text: str) -> float:
    """Width in Chinese characters as typeset: Latin letters, digits and half-width forms
    count as half; everything else (hanzi, full-width punctuation, “”) as one."""
    return len(text) - 0.5 * len(_HALF_WIDTH.findall(text))


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def starts_block(text: str) -> bool:
    """A line that must begin a paragraph: a heading ordinal, 一是, or a known opener.

    Not 二是/三是…: in wrapped text those often land at a line start mid-paragraph, and
    joining keeps the same points (the parser finds them inside the paragraph). 一是 may
    follow a heading that happened to fill its line, so it starts a paragraph.
    """
    body = text.lstrip("".join(_INDENT))
    return parse_marker(body) is not None or body.startswith(_PARAGRAPH_OPENERS) or body.startswith("一是")


def wrap_width(lines: list[str]) -> float | None:
    """The line width a PDF copy was wrapped at, or None if the text is not hard-wrapped.

    Wrapped text has many lines of (nearly) the same width that end mid-sentence.
    """
    # A line far longer than any page is a whole paragraph; measuring it exactly is waste.
    widths = [round(display_width(line.rstrip())) if len(line) < 200 else 200 for line in lines if line.strip()]
    if len(widths) < 6:
        return None
    # A page's line holds sixteen characters at the least: shorter lines that agree in width
    # are title lines, names and dates (a 印发通知's head), not a wrapped paragraph.
    counts = Counter(width for width in widths if width >= _NARROWEST_WRAP)
    if not counts:
        return None
    best, _ = max(counts.items(), key=lambda kv: (sum(counts.get(kv[0] + d, 0) for d in (-1, 0, 1)), kv[0]))
    full = [line for line in lines if line.strip() and abs(display_width(line.rstrip()) - best) <= 1.5]
    open_ended = sum(1 for line in full if not ends_sentence(line))
    if len(full) < 0.3 * len(widths) or open_ended < 0.6 * len(full):
        return None
    return float(best)


def rejoin_wrapped(lines: list[str], width: float) -> list[str]:
    """Join a line with the next when it filled the line width and the next does not start a block."""
    paragraphs: list[str] = []
    current = ""
    previous_full = False
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            if current:
                paragraphs.append(current)
            current, previous_full = "", False
            continue
        indented = line.startswith(_INDENT)
        text = line.strip()
        if current and previous_full and not indented and not starts_block(text):
            current += text
        else:
            if current:
                paragraphs.append(current)
            current = text
        previous_full = display_width(line) >= width - 1.5
    if current:
        paragraphs.append(current)
    return paragraphs


def clean_paragraph(text: str) -> str:
    """Trim whitespace (incl. full-width) and drop invisible characters that carry no text."""
    text = text.replace("\ufeff", "").replace("\u200b", "").replace("\xa0", " ")
    return text.strip(" \t\r\n\u3000")


def to_paragraphs(lines: list[str], dropped: list[str] | None = None) -> list[str]:
    """Raw lines (one paragraph per line, or hard-wrapped) → clean, non-empty paragraphs.
    Page furniture is left out (and appended to ``dropped`` when given)."""
    kept = [line for line in lines if not is_furniture(line)]
    if dropped is not None and len(kept) < len(lines):
        dropped.extend(line.strip() for line in lines if is_furniture(line))
    width = wrap_width(kept)
    if width is not None:
        kept = rejoin_wrapped(kept, width)
    cleaned = (clean_paragraph(line) for line in kept)
    return [p for p in cleaned if p]
