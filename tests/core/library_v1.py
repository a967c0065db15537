"""A writer of the library's previous format (schema 1), for the upgrade tests.

Schema 1 as the app wrote it until the compact format: the original as a BLOB and the text
and outline (JSON) in ``documents``, the section path on every paragraph, and an FTS5 table
storing its own copy of every token. The kept files beside it are written as they were.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from core.draft.model import Report, to_dict
from core.library import DB_NAME, FILES_DIR_NAME
from core.library.search import meta_tokens
from core.library.units import report_units
from core.text import language
from core.text.plaintext import report_text

SCHEMA_1 = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER,
    unit TEXT NOT NULL,
    title TEXT NOT NULL,
    added_at TEXT NOT NULL,
    text TEXT NOT NULL,
    outline TEXT NOT NULL,
    original BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_kind_year ON documents(kind, year);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    section_path TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_doc ON paragraphs(doc_id, position);
CREATE VIRTUAL TABLE IF NOT EXISTS para_fts USING fts5(body, heading, meta, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS para_vocab USING fts5vocab(para_fts, 'col');
"""


def _tokens(text: str) -> str:
    return " ".join(language.tokens(text))


def write_v1_library(
    folder: Path, documents: list[tuple[str, Report, bytes]], keep_files_for: set[int] | None = None
) -> None:
    """A schema-1 library of (file name, report, original bytes), with its kept files (only
    for the documents numbered in ``keep_files_for``, when given: files can go missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = folder / FILES_DIR_NAME
    files.mkdir(exist_ok=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(SCHEMA_1)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("BEGIN")
    for index, (file_name, report, original) in enumerate(documents):
        sha256 = hashlib.sha256(original).hexdigest()
        added_at = f"2023-05-{1 + index % 28:02d}T09:00:00"
        record = {
            "format": 1, "file_name": file_name, "source": "import", "kind": report.kind, "year": report.year,
            "unit": report.unit, "title": report.title, "added_at": added_at, "outline": to_dict(report),
        }  # fmt: skip
        if keep_files_for is None or index in keep_files_for:
            (files / sha256).write_bytes(original)
            (files / f"{sha256}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        doc_id = conn.execute(
            "INSERT INTO documents (sha256, file_name, source, kind, year, unit, title, added_at, text, outline,"
            " original) VALUES (?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha256, file_name, report.kind, report.year, report.unit, report.title, added_at,
             report_text(report), json.dumps(record["outline"], ensure_ascii=False), original),
        ).lastrowid  # fmt: skip
        for unit in report_units(report):
            paragraph_id = conn.execute(
                "INSERT INTO paragraphs (doc_id, position, role, section_path, text) VALUES (?, ?, ?, ?, ?)",
                (doc_id, unit.position, unit.role, unit.section_path, unit.text),
            ).lastrowid
            conn.execute(
                "INSERT INTO para_fts (rowid, body, heading, meta) VALUES (?, ?, ?, ?)",
                (paragraph_id, _tokens(unit.text), _tokens(" ".join(unit.headings)),
                 meta_tokens(report.kind, report.year, int(doc_id or 0), unit.role)),
            )  # fmt: skip
    conn.execute("COMMIT")
    conn.close()
