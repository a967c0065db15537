"""Deterministic .docx (zip) writing: the same parts always give the same bytes.

Fixed timestamps and attributes, parts in the order given. Templates are stored
uncompressed so that regenerating one gives identical bytes on every platform (deflate
output can differ between zlib builds); rendered documents are deflated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

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
