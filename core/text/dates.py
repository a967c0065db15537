"""Dates as clerks write and type them: 2024年7月1日, 二〇二四年七月一日, 2024-7-1, 20240701.

The one reader of a whole date: the importer finds a 成文日期 line with it (the 年月日 forms
only: a line "2024.7.1" is not taken for one), and the window's date fields accept what the
clerk types through it. And the one writer: a stored ISO date as GB/T 9704 writes it
(:func:`written_date`, :func:`gb_date`), used by the layout, the render context and the checks.
"""

from __future__ import annotations

import datetime as dt
import re

from core.draft.ordinals import CN_DIGIT_CHARS, CN_SMALL_NUMBER_CHARS, cn_digits_to_int, cn_to_int

# 2024年7月1日 (spaces allowed, as in "2024 年 7 月 1 日"), in brackets as under a title.
_WRITTEN = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_WRITTEN_CN = re.compile(
    rf"^[（(]?([{CN_DIGIT_CHARS}]{{4}})年([{CN_SMALL_NUMBER_CHARS}]{{1,2}})月([{CN_SMALL_NUMBER_CHARS}]{{1,3}})日[）)]?$"
)
# What is typed into a date field: 2024-7-1, 2024.7.1, 2024/7/1 (full-width marks too), 20240701.
_TYPED = re.compile(r"^(\d{4})\s*([-－.．/／])\s*(\d{1,2})\s*\2\s*(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def read_date(text: str, typed_forms: bool = True) -> dt.date | None:
    """The date ``text`` writes, or None when it is not a date or names no such day (2月30日).

    Always read: 2024年7月1日, （2024年7月1日）, 二〇二四年七月一日. With ``typed_forms`` also
    2024-7-1, 2024.7.1, 2024/7/1 and 20240701. Full-width digits count as digits.
    """
    stripped = text.strip().replace(" ", "").replace("\u3000", "")
    parts: tuple[int, int, int] | None = None
    if match := _WRITTEN.match(stripped):
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif match := _WRITTEN_CN.match(stripped):
        try:
            parts = (cn_digits_to_int(match.group(1)), cn_to_int(match.group(2)), cn_to_int(match.group(3)))
        except ValueError:
            return None
    elif typed_forms and (match := _TYPED.match(stripped) or _COMPACT.match(stripped)):
        groups = [g for g in match.groups() if g.isdigit()]
        parts = (int(groups[0]), int(groups[1]), int(groups[2]))
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def iso_date(text: str, typed_forms: bool = True) -> str | None:
    """:func:`read_date` as "2024-07-01" (how drafts store dates), or None."""
    value = read_date(text, typed_forms)
    return value.isoformat() if value is not None else None


_DATE_CHARACTERS = re.compile(rf"[\d\s年月日\-－.．/／{CN_DIGIT_CHARS}十（）()]*")
# How drafts store a date.
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def may_become_date(text: str) -> bool:
    """Whether ``text`` could still turn into a date as the clerk goes on typing (only digits,
    年月日, separators and Chinese numerals so far)."""
    return _DATE_CHARACTERS.fullmatch(text) is not None


def date_words(year: int | str | None, month: int, day: int | None = None) -> str:
    """2025, 7, 1 → "2025年7月1日"; the year or the day may be left out (GB/T 9704: Arabic
    numerals, no zero padding)."""
    text = f"{year}年" if year else ""
    return text + f"{month}月" + (f"{day}日" if day is not None else "")


def written_date(iso: str) -> str | None:
    """A stored date "2025-07-01" → "2025年7月1日", or None when ``iso`` names no such day."""
    match = _ISO_DATE.match(iso)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return date_words(year, month, day)


def gb_date(iso: str) -> str:
    """:func:`written_date`, or the text as it is when it is not a date (shown, not lost)."""
    written = written_date(iso)
    return written if written is not None else iso.strip()
