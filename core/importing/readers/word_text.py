"""Joining the lines and labels of one Word paragraph into the text a reader sees."""

from __future__ import annotations

from lxml import etree

from core.draft.ordinals import parse_marker, parse_point
from core.importing.readers.word_numbering import Label
from core.text.lines import join_lines as join_pieces

_SENTENCE_END = tuple("。！？!?；;：:")
_LABEL_CLOSERS = tuple("、.．)）]】:：")
# The prompts Word and WPS put in an empty content control (compared without the final stop).
KNOWN_PLACEHOLDERS = frozenset(
    {
        "单击或点击此处输入文字",
        "单击此处输入文字",
        "点击此处输入文字",
        "单击或点击以输入日期",
        "单击此处输入日期",
        "选择一项",
        "Click or tap here to enter text",
        "Click here to enter text",
        "Click or tap to enter a date",
        "Click here to enter a date",
        "Choose an item",
        "Enter text",
    }
)


def split_soft_breaks(text: str) -> list[str]:
    """Split a paragraph's text at soft breaks that visibly start a new paragraph; join
    the other lines (see the module docstring). Always at least one (maybe empty) text."""
    if "\n" not in text:
        return [text.strip()]
    lines = [line.strip() for line in text.split("\n")]
    raw = text.split("\n")
    result: list[str] = []
    for line, original in zip(lines, raw, strict=True):
        if not line:
            continue
        if result and not _starts_paragraph(result[-1], line, original):
            result[-1] = join_pieces(result[-1], line)
        else:
            result.append(line)
    return result or [""]


def _starts_paragraph(previous: str, line: str, original: str) -> bool:
    if previous.endswith(_SENTENCE_END):
        return True
    if original.startswith(("\u3000", "  ", "\t")):
        return True
    return parse_marker(line) is not None or parse_point(line) is not None


def attach_label(label: Label, text: str) -> str:
    """Put Word's rendered number in front of the text, as the reader of the page sees it.

    Word separates them with a tab, a space or nothing (``w:suff``); after "、" or "）"
    nothing is needed, after "第一章" a space is. A digit right after "1." is always
    spaced, so "1. 2022年…" is not mistaken for the figure "1.2022".
    """
    if not label.text:
        return text
    if not text:
        return label.text
    starts_latin = text[0].isascii() and text[0].isalnum()
    if (text[0].isdigit() and label.text.endswith((".", "．"))) or (
        label.suffix != "nothing" and (starts_latin or not label.text.endswith(_LABEL_CLOSERS))
    ):
        return f"{label.text} {text}"
    return label.text + text


def chunks_at_boxes(pieces: list[str | etree._Element]) -> list[list[str] | etree._Element]:
    """Split a paragraph's pieces where text boxes are anchored: text, box, text …"""
    chunks: list[list[str] | etree._Element] = [[]]
    for piece in pieces:
        if isinstance(piece, str):
            last = chunks[-1]
            if isinstance(last, list):
                last.append(piece)
            else:
                chunks.append([piece])
        else:
            if isinstance(chunks[-1], list) and not chunks[-1] and len(chunks) == 1:
                chunks.pop()
            chunks.append(piece)
    return chunks or [[]]


def _comparable(text: str) -> str:
    return text.strip().rstrip("。.").strip()


def is_placeholder_text(shown: str, own_placeholder: str | None) -> bool:
    """Whether a control flagged as showing its placeholder really shows only that."""
    text = _comparable(shown)
    if not text or text in KNOWN_PLACEHOLDERS:
        return True
    return own_placeholder is not None and text == _comparable(own_placeholder)
