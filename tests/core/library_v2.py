"""A writer of the library's schema 2, for the upgrade tests.

Schema 2 as the app wrote it until sections were kept once each: the originals and records
in ``library_files/``, the text once in ``paragraphs``, a contentless FTS5 index, and for
every section its whole path and the heading texts of that path (``sections.path`` and
``sections.headings``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from core.draft.model import Report, to_dict
from core.library import DB_NAME, FILES_DIR_NAME
from core.library.index import tokenizer_stamp
from core.library.records import text_digest
from core.library.search import meta_tokens
from core.library.units import report_units
from core.text import language
from core.text.plaintext import report_text

SCHEMA_2 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    text_sha TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER,
    unit TEXT NOT NULL,
    title TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX documents_kind_year ON documents(kind, year);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    headings TEXT NOT NULL
);
CREATE INDEX sections_doc ON sections(doc_id);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, position);
CREATE TABLE library_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE para_fts USING fts5(body, heading, meta, content = '', tokenize = 'unicode61');
CREATE VIRTUAL TABLE para_vocab USING fts5vocab(para_fts, 'col');
"""


def _tokens(text: str) -> str:
    return " ".join(language.tokens(text))


def write_v2_library(folder: Path, documents: list[tuple[str, Report, bytes]]) -> None:
    """A schema-2 library of (file name, report, original bytes), with its kept files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = folder / FILES_DIR_NAME
    files.mkdir(exist_ok=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(SCHEMA_2)
    conn.execute("INSERT INTO library_info (key, value) VALUES ('tokenizer', ?)", (tokenizer_stamp(),))
    conn.execute("PRAGMA user_version = 2")
    conn.execute("BEGIN")
    for index, (file_name, report, original) in enumerate(documents):
        sha256 = hashlib.sha256(original).hexdigest()
        added_at = f"2024-03-{1 + index % 28:02d}T10:00:00"
        record = {
            "format": 1, "file_name": file_name, "source": "import", "kind": report.kind, "year": report.year,
            "unit": report.unit, "title": report.title, "added_at": added_at, "outline": to_dict(report),
        }  # fmt: skip
        (files / sha256).write_bytes(original)
        (files / f"{sha256}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        doc_id = int(conn.execute(
            "INSERT INTO documents (sha256, text_sha, file_name, source, kind, year, unit, title, added_at)"
            " VALUES (?, ?, ?, 'import', ?, ?, ?, ?, ?)",
            (sha256, text_digest(report_text(report)), file_name, report.kind, report.year, report.unit,
             report.title, added_at),
        ).lastrowid or 0)  # fmt: skip
        sections: dict[tuple[str, str], int] = {}
        for unit in report_units(report):
            key = (unit.section_path, " ".join(unit.headings))
            if key not in sections:
                sections[key] = int(conn.execute(
                    "INSERT INTO sections (doc_id, path, headings) VALUES (?, ?, ?)", (doc_id, *key)
                ).lastrowid or 0)  # fmt: skip
            paragraph_id = conn.execute(
                "INSERT INTO paragraphs (doc_id, section_id, position, role, text) VALUES (?, ?, ?, ?, ?)",
                (doc_id, sections[key], unit.position, unit.role, unit.text),
            ).lastrowid
            conn.execute(
                "INSERT INTO para_fts (rowid, body, heading, meta) VALUES (?, ?, ?, ?)",
                (paragraph_id, _tokens(unit.text), _tokens(key[1]),
                 meta_tokens(report.kind, report.year, doc_id, unit.role)),
            )  # fmt: skip
    conn.execute("COMMIT")
    conn.close()
