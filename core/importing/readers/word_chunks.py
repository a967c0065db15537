"""altChunk parts of a Word body: an HTML chunk is read like a saved web page, an
embedded .docx like the document around it (a few levels deep at most)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from core.importing.readers.source import SourceDocument
from core.ooxml.guards import SafeZip
from core.ooxml.package import main_document_part

MAX_EMBEDDED_DEPTH = 3


class ChunkReader:
    """altChunk parts: an HTML chunk read like a saved page, an embedded .docx like this one."""

    def __init__(
        self,
        package: SafeZip,
        path: Path,
        relationships: dict[str, tuple[str, str]],
        depth: int,
        read_docx: Callable[[SafeZip, Path, int], SourceDocument],
    ) -> None:
        self.package, self.path, self.relationships, self.depth = package, path, relationships, depth
        self._read_docx = read_docx  # the Word reader itself, passed in to avoid an import cycle

    def paragraphs(self, rel_id: str | None) -> list[str]:
        kind, member = self.relationships.get(rel_id or "", ("", ""))
        if kind != "aFChunk" or self.depth >= MAX_EMBEDDED_DEPTH:
            return []
        data = self.package.read(member)
        suffix = member.rsplit(".", 1)[-1].lower()
        if data.startswith(b"PK"):
            with SafeZip(io.BytesIO(data), shown_path=self.path) as inner:  # type: ignore[arg-type]
                if main_document_part(inner) is None:
                    return []
                return self._read_docx(inner, self.path, self.depth + 1).paragraphs
        if suffix in ("htm", "html", "mht", "mhtml", "xhtml") or data.lstrip()[:1] == b"<" or b"MIME-Version" in data[:500]:
            from core.importing.readers.html import html_bytes_paragraphs

            return html_bytes_paragraphs(data, self.path)
        if suffix == "txt":
            from core.importing.readers.text import decode, text_paragraphs

            return text_paragraphs(decode(data, self.path))
        return []
