"""Plain-text reports (.txt, .md): encoding detection, clean-up, one paragraph per line.

Clerks' text files come from Notepad (UTF-8, UTF-8 with BOM, "Unicode" = UTF-16LE with
BOM), from older Chinese Windows (GBK/GB18030, no BOM), and from copy-paste out of
anything. Detection order, each step strict so a wrong guess fails instead of garbling:

1. a byte-order mark (UTF-8, UTF-32, UTF-16);
2. NUL bytes present: BOM-less UTF-16 (ASCII and characters like 一 U+4E00 carry NULs)
   in whichever byte order reads as common Chinese office text;
3. strict UTF-8;
4. BOM-less UTF-16 without NULs (pure Chinese text may have none), accepted only when
   the result reads as common Chinese and the GB18030 reading does not read better;
5. strict GB18030 (a superset of GBK and GB2312) line by line, so a file glued together
   from UTF-8 and GBK parts still reads (a UTF-8 BOM followed by GBK lines too); a line
   with a few damaged bytes reads with U+FFFD in their place (one stray byte must not
   refuse 5,000 good characters), which the 检查 then lists;
6. otherwise refuse, asking for a UTF-8 copy.

NUL-heavy or control-heavy results are refused as binary; lone surrogates and C0
controls other than tab and line breaks are dropped, never fatal.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.base import file_messages
from core.base.errors import ImportFailed
from core.importing.readers.markdown import strip_markdown
from core.importing.readers.noise import plausibility
from core.ooxml import guards

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16LE, whose BOM is its prefix
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# A decoded file with more than this share of stray control characters is binary data.
MAX_CONTROL_SHARE = 0.10
# How much decoded text the plausibility score looks at (enough to be sure, cheap on 10 MB).
_SAMPLE_CHARS = 20_000
_MIN_PLAUSIBLE = 0.9
# Where a BOM or NUL pattern already claims UTF-16/32, only outright garbage is refused
# (random code units land in GB2312 about one time in nine).
_MIN_PLAUSIBLE_CLAIMED = 0.3

_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
# Shown where a few damaged bytes could not be read; more than this many (or one in a
# thousand bytes) means the file is in some other encoding, and it is refused.
UNREADABLE = "\ufffd"
_MAX_UNREADABLE = 20
# Controls other than tab and line breaks; DEL and the C1 block; stray BOMs mid-text.
_DROPPED_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_text_paragraphs(path: Path, *, markdown: bool) -> list[str]:
    """Paragraphs of a text file: one per line, stripped, blank lines kept as ""."""
    data = guards.read_bytes(path)
    return text_paragraphs(decode(data, path), markdown=markdown)


def text_paragraphs(text: str, *, markdown: bool = False) -> list[str]:
    """Split decoded text into lines, dropping control characters; blank lines are kept
    because hard-wrapped text uses them as the only paragraph boundary."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _DROPPED_CONTROLS.sub("", _LONE_SURROGATES.sub("", text))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start a paragraph
    if markdown:
        lines = strip_markdown(lines)
    return [line.strip() for line in lines]


def decode(data: bytes, path: Path | str = "文本") -> str:
    """Decode a text file's bytes, or raise ImportFailed saying why it cannot be read."""
    path = Path(path)
    try:
        text, encoding = _decode_by_bom(data, path) or _decode_without_bom(data, path)
    except UnicodeDecodeError as exc:  # e.g. a UTF-8 BOM followed by GBK bytes
        raise ImportFailed(path, file_messages.UNDECODABLE) from exc
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ImportFailed(path, file_messages.BINARY_TEXT)
    # A BOM or a NUL pattern claimed UTF-16/32; random bytes decode "successfully" that
    # way too, but read as rare hanzi and Hangul rather than as office text.
    if encoding.startswith(("utf-16", "utf-32")) and plausibility(text) < _MIN_PLAUSIBLE_CLAIMED:
        raise ImportFailed(path, file_messages.BINARY_TEXT)
    return text


def _decode_by_bom(data: bytes, path: Path) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                try:
                    return body.decode("utf-8", errors="surrogatepass"), encoding
                except UnicodeDecodeError:
                    return _decode_line_by_line(body, path), "gb18030"
            if encoding.startswith("utf-16") and len(body) % 2:
                body = body[:-1]  # a file cut one byte short: keep what is whole
            # surrogatepass: a lone surrogate (from a broken editor) is dropped later
            # instead of failing the whole file.
            return body.decode(encoding, errors="surrogatepass"), encoding
    return None


def _decode_without_bom(data: bytes, path: Path) -> tuple[str, str]:
    has_nuls = 0 in data
    if has_nuls:
        # ASCII in UTF-16 is half NULs, and so are characters such as 一 (U+4E00);
        # whichever byte order reads as office text wins.
        utf16 = _plausible_utf16(data, compare_with_gb=False)
        if utf16 is not None:
            return utf16
    utf8 = _try_decode(data, "utf-8")
    if utf8 is not None:
        # Short GBK text can be valid UTF-8 by accident (GBK 小 = UTF-8 Cyrillic С);
        # then the reading made of hanzi wins.
        if not data.isascii() and not has_nuls:
            gb_text = _try_decode(data, "gb18030")
            # Only a clearly better reading beats valid UTF-8; on a tie UTF-8 stays, since
            # GB18030 turns every 3-byte UTF-8 hanzi into 1.5 plausible-looking ones.
            if gb_text is not None and plausibility(gb_text) > plausibility(utf8):
                return gb_text, "gb18030"
        return utf8, "utf-8"
    if not has_nuls:
        utf16 = _plausible_utf16(data, compare_with_gb=True)
        if utf16 is not None:
            return utf16
    try:
        return _decode_line_by_line(data, path), "gb18030"
    except ImportFailed:
        if has_nuls:
            raise ImportFailed(path, file_messages.BINARY_TEXT) from None
        raise


def _try_decode(data: bytes, encoding: str) -> str | None:
    # surrogatepass lets UTF-8/16 text with a lone surrogate through; it is dropped later.
    errors = "strict" if encoding == "gb18030" else "surrogatepass"
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError:
        return None


def _plausible_utf16(data: bytes, *, compare_with_gb: bool) -> tuple[str, str] | None:
    """BOM-less UTF-16, accepted only when it reads as common Chinese (and, for data
    without NULs, better than the GB18030 reading of the same bytes)."""
    if len(data) % 2:
        return None
    best: tuple[tuple[float, float], str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        candidate = _try_decode(data, encoding)
        if candidate is None:
            continue
        score = reading_score(candidate)
        if score[0] >= _MIN_PLAUSIBLE and (best is None or score > best[0]):
            best = (score, candidate, encoding)
    if best is None:
        return None
    if compare_with_gb:
        gb_text = _try_decode(data, "gb18030")
        if gb_text is not None and reading_score(gb_text) >= best[0]:
            return None
    return best[1], best[2]


def _decode_line_by_line(data: bytes, path: Path) -> str:
    """GB18030 (GBK, GB2312), tolerating lines in UTF-8 among them.

    Files glued together from several sources mix encodings line by line. Byte 0x0A
    never occurs inside a UTF-8 or GB18030 character, so each line can be decoded on its
    own; where both readings are valid the one made of commoner characters wins.
    """
    lines: list[str] = []
    damaged: list[str] = []  # lines that read only with some bytes left out
    for raw in data.split(b"\n"):
        as_gb = _try_decode(raw, "gb18030")
        as_utf8 = _try_decode(raw, "utf-8") if not raw.isascii() else None
        if as_gb is None and as_utf8 is None:
            damaged.append(_best_damaged_reading(raw))
            lines.append(damaged[-1])
        elif as_gb is None or (as_utf8 is not None and reading_score(as_utf8) > reading_score(as_gb)):
            lines.append(as_utf8 or "")
        else:
            lines.append(as_gb)
    bad = sum(line.count(UNREADABLE) for line in damaged)
    if bad > max(_MAX_UNREADABLE, len(data) // 1000):
        raise ImportFailed(path, file_messages.UNDECODABLE)  # not a few damaged bytes: another encoding
    return "\n".join(lines)


def _best_damaged_reading(raw: bytes) -> str:
    """A line with a byte or two that neither encoding reads (a stray byte, a file cut mid-
    character): the reading with fewer unreadable places, each shown as U+FFFD, as Notepad
    and WPS show it; the 检查 lists each one for the clerk to retype from the original."""
    readings = [raw.decode(encoding, errors="replace") for encoding in ("utf-8", "gb18030")]
    return min(readings, key=lambda text: (text.count(UNREADABLE), -reading_score(text)[0]))


def reading_score(text: str) -> tuple[float, float]:
    """How much a decoding looks like Chinese office text: (plausibility, share of hanzi).
    The hanzi share only breaks ties, e.g. between 一 and the letter N in UTF-16."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0, 0.0
    hanzi = sum(1 for char in sample if "\u4e00" <= char <= "\u9fff")
    return plausibility(sample), hanzi / len(sample)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[: _SAMPLE_CHARS * 10]
    return len(_STRAY_CONTROLS.findall(sample)) / len(sample)
