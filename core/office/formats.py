"""Which file names the readers accept, and what a file's first bytes say it really is.

Clerks rename files, and WPS/Word sometimes save one format under another's extension
(a .doc that is really a .docx, an RTF called .doc). The extension decides whether we try
at all; the content decides which reader runs.
"""

from __future__ import annotations

from enum import Enum

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
LEGACY_SUFFIXES = (".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MHTML_SUFFIXES = (".mhtml", ".mht")
SUPPORTED_SUFFIXES: tuple[str, ...] = DOCX_SUFFIXES + LEGACY_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES

# Shown in messages; the rarer template/macro variants are accepted but not advertised.
ADVERTISED_SUFFIXES = (".docx", ".doc", ".wps", ".rtf", ".odt", ".txt", ".md", ".html", ".mhtml")

LEGACY_KIND_NAMES = {
    ".doc": "旧版 Word 文档（.doc）",
    ".dot": "旧版 Word 模板（.dot）",
    ".wps": "WPS 文字文档（.wps）",
    ".wpt": "WPS 文字模板（.wpt）",
    ".rtf": "RTF 文档（.rtf）",
    ".odt": "OpenDocument 文档（.odt）",
}


def supported_list() -> str:
    return "、".join(ADVERTISED_SUFFIXES)


def legacy_kind_name(suffix: str) -> str:
    return LEGACY_KIND_NAMES.get(suffix, "旧版 Word 文档（.doc）")


class Signature(Enum):
    ZIP = "zip"
    OLE = "ole"  # Compound File Binary: .doc/.wps, or an encrypted .docx
    RTF = "rtf"
    PDF = "pdf"
    PNG = "PNG"
    JPEG = "JPEG"
    GIF = "GIF"
    BMP = "BMP"
    TIFF = "TIFF"
    WEBP = "WEBP"
    UNKNOWN = "unknown"


IMAGE_SIGNATURES = (
    Signature.PNG,
    Signature.JPEG,
    Signature.GIF,
    Signature.BMP,
    Signature.TIFF,
    Signature.WEBP,
)

_MAGIC: tuple[tuple[bytes, Signature], ...] = (
    (b"PK\x03\x04", Signature.ZIP),
    (b"PK\x05\x06", Signature.ZIP),  # an empty archive: still "a zip", refused later
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Signature.OLE),
    (b"{\\rtf", Signature.RTF),
    (b"%PDF-", Signature.PDF),
    (b"\x89PNG\r\n\x1a\n", Signature.PNG),
    (b"\xff\xd8\xff", Signature.JPEG),
    (b"GIF87a", Signature.GIF),
    (b"GIF89a", Signature.GIF),
    (b"II*\x00", Signature.TIFF),
    (b"MM\x00*", Signature.TIFF),
)

SNIFF_BYTES = 16


def sniff(head: bytes) -> Signature:
    """Classify a file by its first bytes (at least ``SNIFF_BYTES`` when available)."""
    for magic, signature in _MAGIC:
        if head.startswith(magic):
            return signature
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Signature.WEBP
    # "BM" alone is too weak (a text file may start with it); require the BMP header size field.
    if head.startswith(b"BM") and len(head) >= 15 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return Signature.BMP
    return Signature.UNKNOWN
