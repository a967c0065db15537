"""Light Markdown clean-up: keep the words, drop the syntax a clerk did not type as text.

Only what commonly appears in reports exported as .md is handled: ATX headings
(``## 一、总体要求`` and a closing ``##``), ``**bold**``/``__bold__``, block quotes,
bullet markers, links and images (their text is kept), inline code ticks, fences,
horizontal rules and backslash escapes. Everything else passes through unchanged.

Note that ``**x**`` is emphasis in Markdown, so a pair of ``**`` placeholders on one line
(``**镇和**村``) loses its stars in a .md file; in a .txt file nothing is touched.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def strip_markdown(lines: list[str]) -> list[str]:
    """The same number of lines, each with its Markdown syntax removed."""
    return [_strip_line(line) for line in lines]


def _strip_line(line: str) -> str:
    if _RULE.match(line) or _FENCE.match(line):
        return ""  # setext underlines, rules and code fences carry no words
    line = _QUOTE.sub("", line)
    if _HEADING.match(line):
        line = _CLOSING_HASHES.sub("", _HEADING.sub("", line))
    else:
        line = _BULLET.sub(r"\1", line)
    line = _IMAGE_OR_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    return _ESCAPE.sub(r"\1", line)
