"""Chinese numerals and ordinals in both directions: 一…九十九, 二〇二二, （一）, 1./1．/1、,
（1）/(1), 一是, 第一. The one home of the Chinese digits: every module reading or writing
them (years 二〇二二年, dates 七月一日, Word's list counters) uses these.

Ordinals are never stored in report text; they are rendered from a *format* such as
``"{cn}、"`` or ``"（{n}）"`` and a position, and parsed back from a paragraph's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "〇一二三四五六七八九"
CN_DIGIT_CHARS = "〇零一二三四五六七八九"  # what may write a digit of a year (二〇二二, 二零二二)
CN_SMALL_NUMBER_CHARS = "一二三四五六七八九十"  # what writes a month or a day (十二月, 三十一日)
_CN_VALUE = {ch: i for i, ch in enumerate(CN_DIGITS)} | {"零": 0, "两": 2}
# Ordinals recognised when *reading* a document: beyond 99 "一百、" is more likely text.
MAX_ORDINAL = 99
# Ordinals *written* from a position: a draft may hold more items than any source did.
MAX_RENDERED_ORDINAL = 9999


def _under_hundred(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def int_to_cn(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 99 → 九十九, 100 → 一百, 101 → 一百零一, 110 → 一百一十.

    The forms used in 公文 ordinals; above 99 a ten keeps its 一 (一百一十) and a gap
    is read 零 (一千零一), as in 现代汉语 number words.
    """
    if not 1 <= n <= MAX_RENDERED_ORDINAL:
        raise ValueError(f"ordinal out of range 1..{MAX_RENDERED_ORDINAL}: {n}")
    if n < 100:
        return _under_hundred(n)
    out = ""
    pending_zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = (n // unit_value) % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += CN_DIGITS[digit] + unit
    return out


def cn_to_int(text: str) -> int:
    """Inverse of int_to_cn; also accepts 一十 and 两. Raises ValueError on anything else."""
    if not text or len(text) > 3:
        raise ValueError(f"not a Chinese ordinal: {text!r}")
    if "十" not in text:
        if len(text) != 1 or text not in _CN_VALUE or _CN_VALUE[text] == 0:
            raise ValueError(f"not a Chinese ordinal: {text!r}")
        return _CN_VALUE[text]
    head, _, tail = text.partition("十")
    if "十" in tail:
        raise ValueError(f"not a Chinese ordinal: {text!r}")
    try:
        tens = 1 if head == "" else _CN_VALUE[head]
        ones = 0 if tail == "" else _CN_VALUE[tail]
    except KeyError as exc:
        raise ValueError(f"not a Chinese ordinal: {text!r}") from exc
    if len(head) > 1 or len(tail) > 1 or tens == 0 or (tail and ones == 0):
        raise ValueError(f"not a Chinese ordinal: {text!r}")
    return tens * 10 + ones


def cn_digits(n: int) -> str:
    """Digit by digit, as years are written: 2022 → 二〇二二."""
    return "".join(CN_DIGITS[int(d)] for d in str(n))


def cn_digits_to_int(text: str) -> int:
    """Digit-by-digit numerals as in years: 二〇二二 → 2022."""
    if not text or any(ch not in _CN_VALUE for ch in text):
        raise ValueError(f"not Chinese digits: {text!r}")
    return int("".join(str(_CN_VALUE[ch]) for ch in text))


# Heading families, outermost first. The rank decides nesting when context is ambiguous.
CHAPTER, SECTION, ITEM, SUBITEM = "chapter", "section", "item", "subitem"
FAMILY_RANK = {CHAPTER: 1, SECTION: 2, ITEM: 3, SUBITEM: 4}
FAMILY_OF_FORMAT = {
    "{cn}、": CHAPTER,
    "{cn}．": CHAPTER,
    "{cn}.": CHAPTER,
    "（{cn}）": SECTION,
    "({cn})": SECTION,
    "{n}.": ITEM,
    "{n}．": ITEM,
    "{n}、": ITEM,
    "（{n}）": SUBITEM,
    "({n})": SUBITEM,
}


def format_ordinal(fmt: str, n: int) -> str:
    """Render position ``n`` (1-based) with a format: ("（{cn}）", 3) → "（三）"."""
    if n < 1:
        raise ValueError(f"ordinal must be positive: {n}")
    return fmt.replace("{cn}", int_to_cn(n) if "{cn}" in fmt else "").replace("{n}", str(n))


_CN = "[一二三四五六七八九十]{1,3}"
_MARKER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^[（(]({_CN})[）)]"), SECTION),
    (re.compile(r"^[（(](\d{1,3})[）)]"), SUBITEM),
    (re.compile(rf"^({_CN})([、．.])"), CHAPTER),
    # "1.5万" is a figure, not an item: the separator must not be followed by a digit.
    (re.compile(r"^(\d{1,3})([.．、])(?!\d)"), ITEM),
]


@dataclass(frozen=True)
class Marker:
    """A heading ordinal found at the start of a paragraph."""

    family: str
    number: int
    fmt: str
    raw: str

    @property
    def rank(self) -> int:
        return FAMILY_RANK[self.family]


def parse_marker(text: str) -> Marker | None:
    """Recognise a heading ordinal at the very start of ``text`` (already left-stripped)."""
    for pattern, family in _MARKER_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        raw = match.group(0)
        digits = match.group(1)
        try:
            number = cn_to_int(digits) if family in (CHAPTER, SECTION) else int(digits)
        except ValueError:
            return None
        if number < 1 or number > MAX_ORDINAL:
            return None
        token = "{cn}" if family in (CHAPTER, SECTION) else "{n}"
        fmt = raw.replace(digits, token, 1)
        return Marker(family=family, number=number, fmt=fmt, raw=raw)
    return None


_POINT_RE = re.compile(rf"^(第?)({_CN})是")


def parse_point(text: str) -> tuple[int, str] | None:
    """"三是加强…" → (3, "三是"); "第三是…" is accepted too. None if no point ordinal."""
    match = _POINT_RE.match(text)
    if not match:
        return None
    try:
        return cn_to_int(match.group(2)), match.group(0)
    except ValueError:
        return None


def parse_di(text: str) -> int | None:
    """"第一" → 1, "第十二" → 12; None for anything else."""
    if not text.startswith("第"):
        return None
    try:
        return cn_to_int(text[1:])
    except ValueError:
        return None


def point_ordinal(n: int) -> str:
    """1 → 一是."""
    return format_ordinal("{cn}是", n)


def strip_ordinal(text: str, points: bool = True) -> str:
    """The text without a leading ordinal of its own: "二是加强…", "1.持续推进…", "（三）做好…"
    → "加强…", "持续推进…", "做好…". Used when text moves into a draft, where ordinals are
    computed from position; text without an ordinal is returned unchanged. With
    ``points=False`` a leading 一是 stays (in body text it is the clerk's own wording)."""
    stripped = text.lstrip()
    point = parse_point(stripped) if points else None
    if point is not None:
        return stripped[len(point[1]) :].lstrip()
    marker = parse_marker(stripped)
    if marker is not None:
        return stripped[len(marker.raw) :].lstrip()
    return text
