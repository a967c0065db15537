"""Deterministic .docx (zip) writing: the same parts always give the same bytes.

Fixed timestamps and attributes, parts in the order given. Templates are stored
uncompressed so that regenerating one gives identical bytes on every platform (deflate
output can differ between zlib builds); rendered documents are deflated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from core.ooxml.names import CONTENT_TYPES_NS

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def write_zip(members: Iterable[tuple[str, bytes]], compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = method
            info.create_system = 0  # the same bytes whether built on Windows or Linux
            info.external_attr = 0
            if compress:
                # Level 1: a 300-page document is mostly repetitive XML; higher levels cost
                # several times the time for a few percent of size.
                archive.writestr(info, data, compresslevel=1)
            else:
                archive.writestr(info, data)
    return buffer.getvalue()


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def content_types_xml(parts: Iterable[Any]) -> bytes:
    """``[Content_Types].xml`` for python-docx parts, as python-docx writes it on save: a
    Default per extension whose type is the usual one, an Override per other part, each
    sorted (by the parts' public ``partname`` and ``content_type``; no private writer)."""
    from docx.opc.constants import CONTENT_TYPE  # here: the preview writes zips without python-docx
    from docx.opc.spec import default_content_types

    defaults = {"rels": CONTENT_TYPE.OPC_RELATIONSHIPS, "xml": CONTENT_TYPE.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext.lower()] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    from lxml import etree  # only when a Word file is written (the preview never loads lxml)

    types = etree.Element(f"{{{CONTENT_TYPES_NS}}}Types", nsmap={None: CONTENT_TYPES_NS})
    for ext in sorted(defaults):
        etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Default", Extension=ext, ContentType=defaults[ext])
    for partname in sorted(overrides):
        etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Override", PartName=partname, ContentType=overrides[partname])
    return etree.tostring(types, encoding="UTF-8", standalone=True)
