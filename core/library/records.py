"""What the library stores for each document, and the database's shape.

The schema, the JSON record kept beside the database (from which a damaged database is
rebuilt), the digest that tells the same report in two formats, and the errors the library
raises in plain Chinese.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from core.base.errors import ReportError, stop_if_cancelled
from core.draft.model import Report, to_dict
from core.draft.scale import report_size, size_refusal
from core.library.index import body_tokens as index_body_tokens
from core.library.index import heading_column, index_paragraphs, unindex_document
from core.library.search import document_label, meta_tokens
from core.library.units import ROLE_HEADING, Chain, Unit, report_units
from core.text.plaintext import report_text

DB_NAME = "library.sqlite3"
FILES_DIR_NAME = "library_files"
SCHEMA_VERSION = 4
RECORD_FORMAT = 1
SOURCE_IMPORT, SOURCE_EXPORT = "import", "export"
# The document fields the clerk may correct in 管理资料库, and where the record keeps why
# each has its value (the importer's guess, or the clerk's correction).
METADATA_FIELDS = ("kind", "year", "unit", "title")
GUESS_KEY = "guess"

# Version 2: originals live only in library_files/ (not in the database), the outline only in
# the record beside them, the text only once (paragraphs), and the FTS5 index is contentless
# (core.library.index). Version 3: each section once, as its marker and heading with a link to
# the section above (version 2 kept every section's whole path and its headings again, so a
# chapter's heading was stored twice for each of its items). Version 4: each document's first
# and last paragraph id (its paragraphs' ids are consecutive), so that a search filtered by unit
# joins a matching paragraph to its document in one index look-up (core.library.search); a
# version-3 database gains them in place (core.library.upgrade). Older databases are rebuilt on open.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    text_sha TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER,
    unit TEXT NOT NULL,
    title TEXT NOT NULL,
    added_at TEXT NOT NULL,
    first_para INTEGER,  -- the document's paragraphs have ids first_para..last_para (NULL: none)
    last_para INTEGER
);
CREATE INDEX IF NOT EXISTS documents_kind_year ON documents(kind, year);
CREATE INDEX IF NOT EXISTS documents_first_para ON documents(first_para);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id INTEGER,  -- the section above; NULL at the top (removed with the document, by doc_id)
    marker TEXT NOT NULL,  -- 一、 （一） …, or the label of a report field (开头, 结尾 …)
    heading TEXT  -- the heading's plain text; NULL for a section without one (core.library.units)
);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_doc ON paragraphs(doc_id, position);
CREATE TABLE IF NOT EXISTS library_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS para_fts USING fts5(body, heading, meta, content = '', tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS para_vocab USING fts5vocab(para_fts, 'col');
"""

# SQLite's primary result codes for a damaged file (extended codes keep them in the low byte).
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_CORRUPTION_WORDS = ("malformed", "not a database", "corrupt")

T = TypeVar("T")


_SPACE = re.compile(r"\s+")


def text_digest(text: str) -> str:
    """The same report in any format gives the same digest: whitespace does not count."""
    return hashlib.sha256(_SPACE.sub("", text).encode("utf-8")).hexdigest()


# A search box holds keywords, not paragraphs; planning a query costs more per character.
MAX_QUERY_CHARS = 200


class LibraryError(ReportError):
    """The library could not be opened or changed; the message says what to do."""


class _Damaged(Exception):
    """Internal: the database file is damaged and must be rebuilt."""


class _Outdated(Exception):
    """Internal: the database was made by an older version and must be upgraded."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


DISK_FULL = "资料库所在的磁盘已满，无法写入。请清理磁盘（如清空回收站、删除不用的大文件）后重试。"


def _is_disk_full(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code == getattr(sqlite3, "SQLITE_FULL", 13) or "disk is full" in str(exc)


def _is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and any(w in str(exc).lower() for w in _CORRUPTION_WORDS)


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    file_name: str
    title: str
    kind: str
    year: int | None
    unit: str
    source: str
    added_at: str
    sha256: str
    paragraphs: int

    @property
    def label(self) -> str:
        return document_label(self.title, self.file_name)


@dataclass(frozen=True)
class AddResult:
    document: DocumentInfo
    added: bool  # False: the same file was already in the library


@dataclass(frozen=True)
class _Prepared:
    """Everything about one document computed before touching the database (the slow part)."""

    sha256: str
    record: dict[str, object]
    text: str
    units: list[Unit]
    body_tokens: list[str]
    heading_tokens: list[str]


# How often cutting a long document into words reports progress and looks for 取消.
UNITS_PER_STEP = 200
StepProgress = Callable[[int, int], None]  # units cut so far, units in all


def _prepare(
    report: Report,
    original: bytes,
    file_name: str,
    source: str,
    progress: StepProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
    reasons: Mapping[str, str] | None = None,
) -> _Prepared:
    """Everything to store, computed before anything is written: cancelling (Cancelled,
    raised between steps) or failing here leaves the library untouched."""
    refusal = size_refusal(*report_size(report))  # before cutting words: the heavy work
    if refusal is not None:
        raise LibraryError(f"无法把“{file_name}”存入资料库：{refusal}")
    units = report_units(report)
    record: dict[str, object] = {
        "format": RECORD_FORMAT,
        "file_name": file_name,
        "source": source,
        "kind": report.kind,
        "year": report.year,
        "unit": report.unit,
        "title": report.title,
        "added_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "outline": to_dict(report),
    }
    body_tokens: list[str] = []
    heading_tokens: list[str] = []
    cut_headings: dict[str, list[str]] = {}  # a heading's text → its words: cut once in the document
    columns: dict[tuple[str, ...], str] = {}  # a chain of headings → its heading column
    for index, unit in enumerate(units):
        if index % UNITS_PER_STEP == 0:
            stop_if_cancelled(cancelled)
            if progress is not None:
                progress(index, len(units))
        if unit.role == ROLE_HEADING:
            body_tokens.append(heading_column((unit.text,), cut_headings))
        else:
            body_tokens.append(index_body_tokens(unit.text))
        if unit.headings not in columns:
            columns[unit.headings] = heading_column(unit.headings, cut_headings)
        heading_tokens.append(columns[unit.headings])
    stop_if_cancelled(cancelled)
    if progress is not None:
        progress(len(units), len(units))
    if reasons:
        # Why the kind, year, unit and title were guessed so (shown in 管理资料库).
        record[GUESS_KEY] = {name: str(reasons[name]) for name in METADATA_FIELDS if name in reasons}
    return _Prepared(
        sha256=hashlib.sha256(original).hexdigest(),
        record=record,
        text=report_text(report),
        units=units,
        body_tokens=body_tokens,
        heading_tokens=heading_tokens,
    )


# ---- rows of one document (inside the caller's transaction)


def find_sha(conn: sqlite3.Connection, sha256: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row["id"])

def insert_document(conn: sqlite3.Connection, prepared: _Prepared) -> int:
    record = prepared.record
    cursor = conn.execute(
        "INSERT INTO documents (sha256, text_sha, file_name, source, kind, year, unit, title, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            prepared.sha256,
            text_digest(prepared.text),
            record["file_name"],
            record["source"],
            record["kind"] or "",
            record["year"],
            record["unit"] or "",
            record["title"] or "",
            record["added_at"],
        ),
    )
    doc_id = int(cursor.lastrowid or 0)
    sections: dict[Chain, int] = {}

    def section_id(chain: Chain) -> int:
        """The row of the chain's last section, written (after the ones above it) when first met."""
        found = sections.get(chain)
        if found is None:
            parent = section_id(chain[:-1]) if len(chain) > 1 else None
            marker, heading = chain[-1]
            cursor = conn.execute(
                "INSERT INTO sections (doc_id, parent_id, marker, heading) VALUES (?, ?, ?, ?)",
                (doc_id, parent, marker, heading),
            )
            found = sections[chain] = int(cursor.lastrowid or 0)
        return found

    # The ids SQLite would give one by one (the largest so far + 1, …), given here so that the
    # rows go in with one statement each for the table and the index.
    first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()[0])
    metas: dict[str, str] = {}
    rows, indexed = [], []
    for offset, (unit, body, heading) in enumerate(
        zip(prepared.units, prepared.body_tokens, prepared.heading_tokens, strict=True)
    ):
        rows.append((first + offset, doc_id, section_id(unit.chain), unit.position, unit.role, unit.text))
        if unit.role not in metas:
            metas[unit.role] = meta_tokens(str(record["kind"] or ""), record["year"], doc_id, unit.role)  # type: ignore[arg-type]
        indexed.append((first + offset, body, heading, metas[unit.role]))
    conn.executemany(
        "INSERT INTO paragraphs (id, doc_id, section_id, position, role, text) VALUES (?, ?, ?, ?, ?, ?)", rows
    )
    index_paragraphs(conn, indexed)
    if rows:
        conn.execute("UPDATE documents SET first_para = ?, last_para = ? WHERE id = ?", (first, rows[-1][0], doc_id))
    return doc_id


def set_paragraph_span(conn: sqlite3.Connection, doc_id: int | None = None) -> None:
    """Record the first and last paragraph id of a document (of every document when None).

    The ids are consecutive: a document's paragraphs are written one after the other in one
    transaction, each taking the next id after the largest."""
    where, params = ("", ()) if doc_id is None else (" WHERE id = ?", (doc_id,))
    conn.execute(
        "UPDATE documents SET (first_para, last_para) ="
        " (SELECT min(p.id), max(p.id) FROM paragraphs p WHERE p.doc_id = documents.id)" + where,
        params,
    )


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    unindex_document(conn, doc_id)
    conn.execute("DELETE FROM paragraphs WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM sections WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
