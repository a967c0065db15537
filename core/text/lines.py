"""Joining pieces of one line of text: a title wrapped over lines, a heading pasted with line
breaks. The one rule, used by the importer (wrapped titles, Word runs) and by the editor and
the text slots (one-line fields)."""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"[ \t\u3000]*[\r\n\u2028\u2029\x0b\x0c\x85]+[ \t\u3000]*")


def _is_latin_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def join_lines(left: str, right: str) -> str:
    """Join two pieces of one sentence or title: a space only between two Latin letters
    or digits ("Horizontal" + "Line"), none between Chinese characters."""
    if left and right and _is_latin_word_char(left[-1]) and _is_latin_word_char(right[0]):
        return f"{left} {right}"
    return left + right


def one_line(text: str) -> str:
    """Text for a one-line field (a heading, the 标题): line breaks pasted into it joined as a
    title's wrapped lines are (:func:`join_lines`); the ends are left as they are."""
    if not _LINE_BREAK.search(text):
        return text
    parts = _LINE_BREAK.split(text)
    joined = parts[0]
    for part in parts[1:]:
        joined = join_lines(joined, part)
    return joined
