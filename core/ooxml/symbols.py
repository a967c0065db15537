"""Characters Word stores as a symbol-font code (``w:sym``), as real Unicode characters.

Forms check boxes are typed in Wingdings/Wingdings 2 (☑ □ ✓), maths in Symbol. Word
stores the font's own code, often shifted into the private-use area (F0xx). Where the
character is known it becomes that character; otherwise the code itself is kept, so
no character is lost (it displays as in the source once the font is present).
"""

from __future__ import annotations

_WINGDINGS = {
    0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x75: "◆", 0x76: "❖", 0x77: "⬥",
    0x9E: "·", 0x9F: "•", 0xA0: "▪", 0xA1: "○", 0xA4: "◉", 0xA5: "◎", 0xA7: "▪", 0xA8: "◻",
    0xAB: "★", 0xD8: "➢", 0xE8: "➔", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧", 0xF2: "⇩",
    0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    **{0x80 + i: chr(0x24EA if i == 0 else 0x245F + i) for i in range(11)},  # ⓪①…⑩
}
_WINGDINGS_2 = {0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x54: "☒", 0xA2: "■", 0xA3: "□"}
_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
_SYMBOL = {
    **{0x41 + i: ch for i, ch in enumerate(_GREEK_UPPER)},
    **{0x61 + i: ch for i, ch in enumerate(_GREEK_LOWER)},
    0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
    0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xD6: "√",
    0xD7: "⋅", 0xD8: "¬", 0xDE: "⇒", 0xDB: "⇔",
}
_FONTS = {"wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2, "symbol": _SYMBOL}


def symbol_char(font: str | None, code: str | None) -> str:
    """The Unicode character for ``w:sym`` (``w:font``, hex ``w:char``), or "" if garbled."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if not 0 < value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""
    table = _FONTS.get((font or "").strip().lower())
    if table is not None:
        known = table.get(value - 0xF000 if 0xF000 <= value <= 0xF0FF else value)
        if known is not None:
            return known
    return chr(value)
