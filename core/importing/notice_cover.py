"""A report that came inside a 印发通知: the notice is its cover, the report starts below it.

A unit sends its 工作要点 (and often a 总结) out under a notice: "XX局关于印发《2024年工作要点》
的通知", a 主送 line, "现将《2024年工作要点》印发给你们，请…", the notice's 落款 and date, and
then the report under its own title. Copied from a site, the notice's title may be wrapped
over two lines, be set without 书名号 ("…关于印发2023年全市卫生健康工作要点的通知"), wear
the 书名号 of a list of documents ("《…关于印发〈…〉的通知》"), follow a 发文字号 line, or be
missing, leaving the 主送 line and the sentence that names the report. The outline parser
puts everything above the report's title in ``Report.cover`` (core.importing.outline_parser),
and the metadata guess files the report under its own title and unit
(core.importing.metadata_guess).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.importing.title_block import unspaced
from core.text.lines import join_lines

# How far down a notice is looked for, and how far below it the report's title may stand.
_NOTICE_LINES = 8
_COVER_LINES = 24
_TITLE_WRAP = 3  # lines a title may be wrapped over
_NOTICE_TITLE_MAX = 160  # characters: an issuer, 关于印发, the report's name and 的通知
_SENDS_REACH = 400  # characters of a paragraph in which the notice names what it sends
_NAME = r"[^。；！？]{2,80}?"
# "XX局关于印发《…》的通知", "关于转发…的通知": the issuer (may be absent), what is sent.
_NOTICE_TITLE = re.compile(rf"^(?P<issuer>[\u4e00-\u9fff（）()、]{{0,40}}?)关于(?:印发|转发|下发|颁发)(?P<name>{_NAME})的通知$")
# "现将《…》印发给你们", "《…》已经市政府同意，现印发给你们": the sentence of the notice that names it.
_SENDS = re.compile(r"《(?P<name>[^《》]{2,80})》[^。；《》]{0,40}?(?:(?:印发|转发|下发)给?(?:你们|各)|现予印发|予以印发)")
# "关于印发2022年政府工作报告的通知" above "政府工作报告": the year may stand outside the title.
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d年度?")
_BOOK = re.compile(r"^[《〈](?P<inner>.+)[》〉]$")


@dataclass(frozen=True)
class CarriedReport:
    """What a notice says it sends: the report's name and the notice's issuer ("" if unnamed)."""

    name: str
    issuer: str
    named_at: int  # the paragraph (the first of a wrapped title) that names the report
    lines: int = 1  # paragraphs the notice's title was wrapped over


def _unbooked(text: str) -> str:
    """《…》 or 〈…〉 around a whole name taken off."""
    while match := _BOOK.match(text):
        text = match.group("inner")
    return text


def _squeezed(text: str) -> str:
    return unspaced(text.strip()).replace(" ", "")


def carried_report(paras: Sequence[str]) -> CarriedReport | None:
    """The report a notice at the top of ``paras`` sends, or None when the text does not open
    with a notice."""
    for at in range(min(len(paras), _NOTICE_LINES)):
        joined = ""
        for lines, line in enumerate(paras[at : at + _TITLE_WRAP], start=1):
            joined += _squeezed(line)
            if len(joined) > _NOTICE_TITLE_MAX:
                break  # a paragraph of text, not a title
            if match := _NOTICE_TITLE.match(_unbooked(joined)):
                name = _unbooked(match.group("name"))
                if len(name) >= 2:
                    return CarriedReport(name, match.group("issuer"), at, lines)
        if match := _SENDS.search(_squeezed(paras[at][:_SENDS_REACH])):
            return CarriedReport(_unbooked(match.group("name")), "", at)
    return None


def notice_paragraphs(paras: Sequence[str]) -> list[str]:
    """A notice's paragraphs as its cover keeps them: its title wrapped over lines joined
    into one (the cover's first paragraph is its title, core.render.context)."""
    carried = carried_report(paras)
    if carried is None or carried.lines == 1:
        return list(paras)
    title = functools.reduce(join_lines, (line.strip() for line in paras[carried.named_at : carried.named_at + carried.lines]), "")
    return [*paras[: carried.named_at], title, *paras[carried.named_at + carried.lines :]]


def report_start(paras: Sequence[str]) -> int:
    """The index of the carried report's title line when ``paras`` open with a notice (the
    notice is then ``paras[:index]``); 0 when there is no notice or its report's title is not
    found below it as a line of its own (a title wrapped over up to three lines counts)."""
    carried = carried_report(paras)
    if carried is None:
        return 0
    target = _squeezed(carried.name)
    targets = {target, _LEADING_YEAR.sub("", target)}
    for start in range(carried.named_at + 1, min(len(paras), _COVER_LINES)):
        joined = ""
        for line in paras[start : start + _TITLE_WRAP]:
            joined += _squeezed(line)
            if joined in targets:
                return start
            if not any(name.startswith(joined) for name in targets):
                break
    return 0
