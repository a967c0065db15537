"""Bringing a library made by an older version of the app up to today's database.

Version 3 becomes version 4 in place, in one transaction (:func:`add_paragraph_spans`):
two columns and an index, filled from the paragraphs table; nothing is re-indexed.

Version 1 kept each original twice (in the database and in ``library_files/``), the text
three times and a stored copy of every indexed token. Upgrading makes sure every document's
original and record are in ``library_files/`` (writing them from the old database where one
is missing), then builds the new database from them beside the old one and puts it in its
place in one step: until then the old database is untouched.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from core.base.atomic import atomic_write_bytes, atomic_write_text
from core.library.records import RECORD_FORMAT, set_paragraph_span


def keep_files_of_v1(conn: sqlite3.Connection, files_dir: Path) -> int:
    """Write the original and record of each version-1 document that lacks them; returns how many documents."""
    files_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    rows = conn.execute(
        "SELECT sha256, file_name, source, kind, year, unit, title, added_at, outline, original FROM documents"
    )
    for row in rows:
        count += 1
        original_path = files_dir / str(row["sha256"])
        if not original_path.exists():
            atomic_write_bytes(original_path, bytes(row["original"]))
        record_path = original_path.with_suffix(".json")
        if not record_path.exists():
            record = {
                "format": RECORD_FORMAT,
                "file_name": row["file_name"],
                "source": row["source"],
                "kind": row["kind"],
                "year": row["year"],
                "unit": row["unit"],
                "title": row["title"],
                "added_at": row["added_at"],
                "outline": json.loads(row["outline"]),
            }
            atomic_write_text(record_path, json.dumps(record, ensure_ascii=False))
    return count


def add_paragraph_spans(conn: sqlite3.Connection) -> bool:
    """Version 3 → 4: each document's first and last paragraph id. False (nothing changed)
    when some document's paragraph ids are not consecutive: then the caller rebuilds."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("ALTER TABLE documents ADD COLUMN first_para INTEGER")
        conn.execute("ALTER TABLE documents ADD COLUMN last_para INTEGER")
        set_paragraph_span(conn)
        gaps = conn.execute(
            "SELECT count(*) FROM documents d WHERE d.first_para IS NOT NULL AND d.last_para - d.first_para + 1"
            " != (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id)"
        ).fetchone()[0]
        if gaps:
            conn.execute("ROLLBACK")
            return False
        conn.execute("CREATE INDEX documents_first_para ON documents(first_para)")
        conn.execute("PRAGMA user_version = 4")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True
