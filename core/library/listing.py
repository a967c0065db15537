"""The library's document list and filter values: plain SQL that both indexes run
(core.library.sqlite_index and core.library.postgres), so 管理资料库 looks the same whichever
holds the library."""

from __future__ import annotations

from collections.abc import Sequence

from core.library.records import DocumentInfo
from core.library.search import Connection

_INFO_COLUMNS = (
    "SELECT d.id, d.file_name, d.title, d.kind, d.year, d.unit, d.source, d.added_at, d.sha256,"
    " (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) AS paragraphs FROM documents d"
)


def document_infos(conn: Connection, where: str = "", params: Sequence[object] = ()) -> list[DocumentInfo]:
    """Documents as listed in 管理资料库, newest year first."""
    # Documents without a year last, as SQLite sorts NULL below every number (PostgreSQL: above).
    sql = f"{_INFO_COLUMNS} {where} ORDER BY d.year IS NULL, d.year DESC, d.id"
    rows = conn.execute(sql, tuple(params)).fetchall()
    return [DocumentInfo(**{key: row[key] for key in DocumentInfo.__dataclass_fields__}) for row in rows]


def read_facets(conn: Connection) -> dict[str, list[object]]:
    """Values present for the filters, and ``"documents": [count]``."""
    out: dict[str, list[object]] = {}
    for column in ("kind", "year", "unit"):
        condition = f"{column} IS NOT NULL" + ("" if column == "year" else f" AND {column} != ''")
        rows = conn.execute(f"SELECT DISTINCT {column} FROM documents WHERE {condition}").fetchall()
        # Sorted here, by code point: a server's collation would order Chinese names otherwise.
        out[column] = sorted(row[0] for row in rows)
    out["documents"] = [int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])]
    return out
