"""Checks that run before any parsing, so hostile or broken files fail fast and clearly.

Every refusal is an ``ImportFailed`` naming the file. Limits are module constants so a
test can see them; they are far above any real work report.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from core.base import file_messages
from core.base.errors import ImportFailed

if TYPE_CHECKING:
    from lxml import etree

MAX_FILE_BYTES = 50 * 1024 * 1024
# Zip bombs: refuse on the declared sizes before inflating anything.
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200
# Small members cannot hurt whatever their ratio (a 4 KB run of spaces compresses 300:1).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
_READ_CHUNK = 1024 * 1024


def check_exists(path: Path) -> None:
    """Refuse a missing path or a folder (checked before the extension: a folder has none)."""
    try:
        if not path.exists():
            raise ImportFailed(path, file_messages.MISSING)
        if path.is_dir():
            raise ImportFailed(path, file_messages.IS_DIRECTORY)
    except OSError as exc:
        raise ImportFailed(path, file_messages.UNREADABLE.format(detail=exc.strerror or exc)) from exc


def check_regular_file(path: Path) -> int:
    """Size of ``path`` after refusing a missing file, a folder, an empty or oversize file."""
    check_exists(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(path, file_messages.UNREADABLE.format(detail=exc.strerror or exc)) from exc
    if size == 0:
        raise ImportFailed(path, file_messages.EMPTY)
    if size > MAX_FILE_BYTES:
        raise ImportFailed(
            path,
            file_messages.TOO_LARGE.format(size_mb=size / 1024 / 1024, limit_mb=MAX_FILE_BYTES // 1024 // 1024),
        )
    return size


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes (at most ``limit``), with OS errors turned into a clear refusal."""
    try:
        with path.open("rb") as handle:
            return handle.read(-1 if limit is None else limit)
    except OSError as exc:
        raise ImportFailed(path, file_messages.UNREADABLE.format(detail=exc.strerror or exc)) from exc


# Errors zipfile and zlib raise on damaged archives (a truncated central directory, a bad
# CRC, garbage where deflate data should be, a negative seek from a forged offset).
_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, KeyError, IndexError)


class SafeZip:
    """A read-only zip whose declared sizes were checked before anything is inflated."""

    def __init__(self, path: Path, shown_path: Path | None = None) -> None:
        # Messages name the clerk's file, also when reading LibreOffice's converted copy.
        self.path = shown_path or path
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except _ZIP_DAMAGE as exc:
            raise ImportFailed(path, file_messages.NOT_A_ZIP) from exc
        self._check_declared_sizes(infos)
        self._infos = {info.filename: info for info in infos}
        self._budget = MAX_TOTAL_UNCOMPRESSED

    def _check_declared_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(self.path, file_messages.ZIP_TOO_MANY_MEMBERS.format(count=len(infos), limit=MAX_MEMBERS))
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size >= RATIO_CHECK_MIN_BYTES and (
                info.compress_size == 0 or info.file_size / info.compress_size > MAX_MEMBER_RATIO
            ):
                raise ImportFailed(self.path, file_messages.ZIP_BOMB)
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise ImportFailed(self.path, file_messages.ZIP_BOMB)

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def find(self, name: str) -> str | None:
        """The stored member name matching ``name`` ignoring case and a leading slash."""
        wanted = name.lstrip("/").lower()
        if wanted in self._infos:
            return wanted
        for stored in self._infos:
            if stored.lower() == wanted:
                return stored
        return None

    def read(self, name: str) -> bytes:
        """Inflate one member, never more than its declared size nor the remaining budget.

        zipfile already stops at the declared size; the budget guards against many
        members each declaring a plausible size.
        """
        info = self._infos[name]
        limit = min(info.file_size, self._budget)
        if info.file_size > self._budget:
            raise ImportFailed(self.path, file_messages.ZIP_BOMB)
        chunks: list[bytes] = []
        received = 0
        try:
            with self._zip.open(info) as member:
                while received <= limit:
                    chunk = member.read(_READ_CHUNK)
                    if not chunk:
                        break
                    received += len(chunk)
                    chunks.append(chunk)
        except NotImplementedError as exc:  # a compression method zipfile cannot inflate
            # (caught first: NotImplementedError is a kind of RuntimeError)
            raise ImportFailed(self.path, file_messages.zip_unsupported(info.compress_type)) from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
            raise ImportFailed(self.path, file_messages.ZIP_ENCRYPTED_MEMBER) from exc
        except _ZIP_DAMAGE as exc:
            raise ImportFailed(self.path, file_messages.NOT_A_ZIP) from exc
        if received > limit:
            raise ImportFailed(self.path, file_messages.ZIP_BOMB)
        self._budget -= received
        return b"".join(chunks)


def is_encrypted_ooxml(data: bytes) -> bool:
    """An OLE container holding Office's encryption streams: a password-protected .docx.

    Word saves an encrypted .docx as a Compound File with streams named ``EncryptionInfo``
    and ``EncryptedPackage``; directory entry names are UTF-16LE.
    """
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def refuse_dtd(path: Path, data: bytes) -> None:
    """Office never writes a DOCTYPE: one is a billion-laughs or external-entity attempt."""
    # XML keywords are case-sensitive, and text content would carry "&lt;!DOCTYPE".
    if any(marker in data for marker in _DTD_MARKERS):
        raise ImportFailed(path, file_messages.UNSAFE_XML)


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never loads a DTD, expands an entity or touches the network."""
    from lxml import etree  # here: a plain-text import never needs lxml (5 MB)

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml_lenient(path: Path, data: bytes) -> etree._Element | None:
    """Like ``parse_xml`` for parts a reader can do without (relationships): a DOCTYPE is
    still refused, but a damaged part gives None so the reader falls back to defaults."""
    from lxml import etree

    refuse_dtd(path, data)
    try:
        return etree.fromstring(data, safe_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None


def parse_xml(path: Path, data: bytes) -> etree._Element:
    """Parse one XML part without ever loading a DTD or expanding an entity.

    Office never writes a DOCTYPE, so one is refused outright (billion laughs, external
    entities); the parser is locked down as well in case a marker is disguised.
    """
    from lxml import etree

    refuse_dtd(path, data)
    try:
        root = etree.fromstring(data, safe_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ImportFailed(path, file_messages.MALFORMED_XML) from exc
    if root is None:
        raise ImportFailed(path, file_messages.MALFORMED_XML)
    return root
