"""Render a list counter the way Word does for each ``w:numFmt`` value.

Only the formats a Chinese report can plausibly use are spelled out; anything else falls
back to Arabic digits, which keeps the number (and the outline) rather than losing it.
"""

from __future__ import annotations

from collections.abc import Callable

from core.draft.ordinals import CN_DIGITS as _CN_DIGITS

_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_CN_GROUPS = ("", "万", "亿", "万亿")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def chinese_counting(n: int, *, legal: bool = False) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 5000 → 五千, 10010 → 一万零一十."""
    if n <= 0:
        return str(n)
    digits = _CN_LEGAL_DIGITS if legal else _CN_DIGITS
    units = _CN_LEGAL_UNITS if legal else _CN_UNITS
    zero = digits[0] if legal else "零"
    groups: list[int] = []
    rest = n
    while rest:
        rest, group = divmod(rest, 10000)
        groups.append(group)
    if len(groups) > len(_CN_GROUPS):
        return str(n)
    parts: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or group < 1000):
            parts.append(zero)
        parts.append(_group_text(group, digits, units, zero) + _CN_GROUPS[index])
        need_zero = False
    text = "".join(parts)
    # 十一 rather than 一十一, but only at the very front (一百一十 keeps its 一).
    if not legal and text.startswith("一十"):
        text = text[1:]
    return text


def _group_text(group: int, digits: str, units: tuple[str, ...], zero: str) -> str:
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(digits[digit] + units[position])
    return "".join(out)


def ideograph_digital(n: int) -> str:
    """Digit by digit: 10 → 一〇 (Word's ideographDigital)."""
    return "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)


def roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def letter(n: int) -> str:
    """Word repeats the letter past Z: 27 → AA, 28 → BB."""
    if n <= 0:
        return str(n)
    repeat, index = divmod(n - 1, 26)
    return chr(ord("A") + index) * (repeat + 1)


def _enclosed(first: int, last_n: int) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= last_n else str(n)

    return render


def _cycle(symbols: str) -> Callable[[int], str]:
    def render(n: int) -> str:
        return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)

    return render


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),  # ①
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),  # ⑴
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),  # ⒈
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, legal=True),
    "ideographDigital": ideograph_digital,
    "taiwaneseDigital": ideograph_digital,
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": letter,
    "lowerLetter": lambda n: letter(n).lower(),
    "none": lambda n: "",
}


def format_number(num_fmt: str, n: int) -> str:
    """Render counter ``n`` in Word's ``num_fmt``; unknown formats fall back to decimal."""
    return _FORMATS.get(num_fmt, str)(n)
