"""Bringing a library made by an older version of the app up to today's database.

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
from core.library.records import RECORD_FORMAT


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
