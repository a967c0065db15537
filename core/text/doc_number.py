"""发文字号 (GB/T 9704 7.2.5): "某组发〔2024〕5号" read into its parts, and what is wrong with it.

The standard form is 发文机关代字 + 年份 in 六角括号〔〕 + 发文顺序号 + 号, the year written in
full, the number without leading zeros and without "第". Clerks type 【】, [] or （） for the
brackets and "第05号" for the number; the check (core/checks/gongwen.py) points at each of
those, and the carry-over flags (core/reuse/flags.py) point at the year and the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE = "〔", "〕"
# The year in 〔〕 or in the brackets clerks type instead ([] 【】 （） …).
_YEAR_IN_BRACKETS = re.compile(
    r"(?P<open>[〔\[【(（［〖{])\s*(?P<year>(?:19|20)\d\d)\s*(?P<close>[〕\]】)）］〗}])"
)
_NUMBER = re.compile(r"(?P<di>第)?(?P<number>[0-9０-９]+)\s*(?P<hao>号)?\s*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class DocNumber:
    """The parts of a 发文字号, each with its place in the text typed."""

    text: str
    year: int
    year_span: Span  # the four digits
    brackets: Span  # the bracket pair with the year
    number: str  # as typed (may have leading zeros, full-width digits)
    number_span: Span
    di: Span | None  # a "第" before the number

    @property
    def bracket_pair(self) -> str:
        return self.text[self.brackets.start] + self.text[self.brackets.end - 1]


def parse_doc_number(text: str) -> DocNumber | None:
    """The parts of ``text`` if it looks like a 发文字号 (a bracketed year, then a number)."""
    match = None
    for candidate in _YEAR_IN_BRACKETS.finditer(text):
        match = candidate  # the last bracketed year: 代字 may hold brackets of its own
    if match is None:
        return None
    rest = text[match.end() :]
    number = _NUMBER.match(rest.strip()) if rest.strip() else None
    if number is None:
        return None
    offset = match.end() + (len(rest) - len(rest.lstrip()))
    di = Span(offset + number.start("di"), offset + number.end("di")) if number.group("di") else None
    return DocNumber(
        text=text,
        year=int(match.group("year")),
        year_span=Span(match.start("year"), match.end("year")),
        brackets=Span(match.start(), match.end()),
        number=number.group("number"),
        number_span=Span(offset + number.start("number"), offset + number.end("number")),
        di=di,
    )


@dataclass(frozen=True)
class Problem:
    start: int
    end: int
    message: str
    suggestion: str
    fix: str | None = None  # what start–end becomes, where the correction is mechanical


def doc_number_problems(text: str) -> list[Problem]:
    """Departures from the 〔2024〕5号 form, in text order; [] when it is right or empty."""
    stripped = text.strip()
    if not stripped:
        return []
    parsed = parse_doc_number(text)
    if parsed is None:
        start = len(text) - len(text.lstrip())
        return [
            Problem(
                start,
                start + len(stripped),
                f"发文字号“{stripped}”不完整：应由机关代字、〔年份〕和序号组成。",
                "按“某组发〔2024〕5号”的格式填写。",
            )
        ]
    problems = []
    pair = parsed.bracket_pair
    if pair != OPEN + CLOSE:
        problems.append(
            Problem(
                parsed.brackets.start,
                parsed.brackets.end,
                f"发文字号的年份应用六角括号“〔〕”，不用“{pair}”。",
                f"改为“〔{parsed.year}〕”。",
                fix=f"〔{parsed.year}〕",
            )
        )
    if parsed.di is not None:
        problems.append(
            Problem(parsed.di.start, parsed.di.end, "发文字号的序号前不加“第”。", "删去“第”。", fix="")
        )
    digits = parsed.number.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if len(digits) > 1 and digits.startswith("0"):
        problems.append(
            Problem(
                parsed.number_span.start,
                parsed.number_span.end,
                f"发文字号的序号“{parsed.number}”不编虚位（不加前导0）。",
                f"改为“{int(digits)}”。",
                fix=str(int(digits)),
            )
        )
    if not text.rstrip().endswith("号"):
        end = len(text.rstrip())
        problems.append(Problem(end - 1, end, "发文字号应以“号”结尾。", "在序号后加“号”。"))
    return problems
