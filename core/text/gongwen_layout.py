"""The 公文 elements' paragraphs in reading order: 版头 (GB/T 9704 7.2) and 版记 (7.4).

:func:`core.text.layout.field_layout` hands these fields here. Nothing of the 版头 is laid
out while the report's 版头 is “不加版头”; the 发文机关标志 and 发文字号 are laid out even
when empty, so that the renderer keeps their space (套红纸, or a number filled in by hand).
"""

from __future__ import annotations

from collections.abc import Callable

from core.draft.fields import HEADER_NONE, field_lines
from core.draft.model import Report

HEADER_FIELDS = ("copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signers")
IMPRINT_FIELDS = ("copy_to", "printer", "print_date")
SIGNERS_LABEL = "签发人："


SIGNERS_PER_ROW = 2  # GB/T 9704 7.2.6: 一般每行排两个姓名
LONGEST_PAIRED_NAME = 3  # two longer names and "签发人：" do not fit the space beside the 发文字号


def signer_list(text: str) -> list[str]:
    """签发人 names, whatever separated them (、，, or spaces)."""
    return text.replace("、", " ").replace("，", " ").replace(",", " ").split()


def signer_names(text: str) -> str:
    """签发人 names as printed on one line: separated by one full-width space."""
    return "\u3000".join(signer_list(text))


def signer_rows(text: str) -> list[str]:
    """The 签发人 lines: two names a line in order (one a line when a name is longer than
    three characters), the names of a line separated by one full-width space."""
    names = signer_list(text)
    per_row = SIGNERS_PER_ROW if all(len(n) <= LONGEST_PAIRED_NAME for n in names) else 1
    return ["\u3000".join(names[i : i + per_row]) for i in range(0, len(names), per_row)]


def gongwen_field_lines(report: Report, name: str, gb_date: Callable[[str], str]) -> list[str]:
    """The paragraphs of 公文 element ``name``, as text; ``gb_date`` writes a date the GB/T 9704 way."""
    value = getattr(report, name)
    if name in HEADER_FIELDS:
        if report.header_mode == HEADER_NONE:
            return []
        if name == "issuer_mark":
            lines = [line.strip() for line in field_lines(value) if line.strip()]
            return lines or [""]
        if name == "doc_number":
            return [value.strip()]
        if name == "signers":
            names = signer_names(value)
            return [SIGNERS_LABEL + names] if names else []
        return [value.strip()] if value.strip() else []
    if not any(getattr(report, n).strip() for n in IMPRINT_FIELDS):
        return []
    if name == "copy_to":
        text = value.strip().rstrip("。.")
        return [f"抄送：{text}。"] if text else []
    if name == "printer":
        date = report.print_date.strip()
        if not value.strip() and not date:
            return []
        return [value.strip() + ("\t" + gb_date(date) + "印发" if date else "")]
    return []  # 印发日期 is printed on the 印发机关's line
