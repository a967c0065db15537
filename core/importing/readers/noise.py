"""Is this text, or noise? One rule for every reader's result before it becomes a draft.

Random bytes behind a magic number we accept (an OLE header, ``{\\rtf``, a zip whose
document.xml holds binary junk) "convert" without error: LibreOffice reads the bytes as
UTF-16 or as a Western code page and hands back thousands of characters. They are not a
report, and a clerk must be told so instead of getting a draft of mojibake.

What real office text is made of: printable ASCII, GB2312 (the common hanzi and the usual
symbols), CJK and full-width punctuation. The text decoder (core.importing.readers.text)
uses the same measure, ``plausibility``, to choose an encoding. Noise shows as:

- replacement characters (U+FFFD: bytes a decoder could not map);
- control characters and unpaired surrogates;
- a low share of readable characters: Hangul, private-use, rare symbols and accented
  Latin letters where a report has hanzi and ASCII. Every CJK ideograph counts as
  readable here, so a report in traditional characters (mostly outside GB2312) is text.

Long text is judged on evenly spaced samples: bounded work for any size.
"""

from __future__ import annotations

from dataclasses import dataclass

# Below this share of readable characters a text is noise. Real reports score above 0.95;
# random UTF-16 code units about 0.45, random Western code-page text about 0.6.
MIN_READABLE_SHARE = 0.75
# Above this share of U+FFFD, or of control characters and lone surrogates, it is noise:
# a real document has none, or a stray one.
MAX_BROKEN_SHARE = 0.01
# The readable share is judged from this many characters on: a one-line form with a few
# symbols from a symbol font is text, and noise from a converter runs to hundreds.
MIN_JUDGED_CHARS = 50
_SAMPLE_CHARS = 20_000  # plausibility: enough to be sure, cheap on 10 MB
_SAMPLE_PIECES = 40  # noise check on long text: this many evenly spaced pieces …
_PIECE_CHARS = 1_000  # … of this many characters


def is_office_char(char: str) -> bool:
    """A character ordinary Chinese office text is made of (see module docstring)."""
    code = ord(char)
    if code < 0x80:
        return char.isprintable() or char in "\t\n\r"
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027:
        return True
    if 0x0370 <= code <= 0x04FF:
        return False  # Greek and Cyrillic are in GB2312 but not in Chinese office text
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def plausibility(text: str) -> float:
    """Share of characters (in a sample) that ordinary Chinese office text is made of.
    A wrong decoding yields rare hanzi, Hangul, private use."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return sum(1 for char in sample if is_office_char(char)) / len(sample)


def _is_readable(char: str) -> bool:
    """Office text, any CJK ideograph, or a symbol a form uses (☑ ✓ → ① ■: arrows, math,
    enclosed numbers, shapes, dingbats)."""
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\u2190" <= char <= "\u2bff"
        or is_office_char(char)
    )


def _is_broken(char: str) -> bool:
    """A control character (other than tab and line breaks) or an unpaired surrogate."""
    code = ord(char)
    return (code < 0x20 and char not in "\t\n\r") or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF


@dataclass(frozen=True)
class NoiseMeasure:
    characters: int  # non-blank characters judged (a sample of long text)
    replacement: int
    broken: int
    unreadable: int

    def reason(self) -> str | None:
        """Why this is noise, in the clerk's words, or None when it reads as text."""
        if not self.characters:
            return None
        share = self.unreadable / self.characters
        if self.replacement / self.characters > MAX_BROKEN_SHARE:
            what = f"其中 {self.replacement / self.characters:.0%} 是无法识别的字符“�”"
        elif self.broken / self.characters > MAX_BROKEN_SHARE:
            what = f"其中 {self.broken / self.characters:.0%} 是控制字符等不可见的乱码"
        elif self.characters >= MIN_JUDGED_CHARS and share > 1 - MIN_READABLE_SHARE:
            what = f"其中 {share:.0%} 不是正常的汉字、字母、数字或标点"
        else:
            return None
        return (
            f"读出的内容是乱码，不像一份报告（{what}）。文件可能已损坏，或并不是它的扩展名所表示的格式，"
            "因此没有导入。请在 Word 或 WPS 中打开该文件检查；能正常显示的，"
            "请“另存为”→“Word 文档（*.docx）”后再导入。"
        )


def measure_noise(paragraphs: list[str]) -> NoiseMeasure:
    """Count the signs of noise over the text's non-blank characters (sampled when long)."""
    text = "".join("".join(paragraph.split()) for paragraph in paragraphs)
    if len(text) > _SAMPLE_PIECES * _PIECE_CHARS:
        step = len(text) // _SAMPLE_PIECES
        text = "".join(text[start : start + _PIECE_CHARS] for start in range(0, step * _SAMPLE_PIECES, step))
    replacement = text.count("\ufffd")
    broken = sum(1 for char in text if _is_broken(char))
    unreadable = sum(1 for char in text if not _is_readable(char))
    return NoiseMeasure(len(text), replacement, broken, unreadable)


def noise_reason(paragraphs: list[str]) -> str | None:
    """None when ``paragraphs`` read as text; otherwise the refusal for the clerk."""
    return measure_noise(paragraphs).reason()
