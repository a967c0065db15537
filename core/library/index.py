"""The full-text index of the library's paragraphs: what goes into it, and out of it.

The FTS5 table is *contentless* (``content=''``): it keeps the index and the sizes BM25
needs, not a second copy of the text — search reads only rowids and scores from it, and
the paragraph text comes from ``paragraphs``. A contentless row is removed by handing
FTS5 the values it was indexed with (SQLite 3.40 has no ``contentless_delete``): the body
tokens are cut again from the paragraph's text, the heading tokens are cut again from
the heading texts of the paragraph's sections (each kept once in ``sections``), the meta tokens
come from the document's row. Cutting again gives
the same tokens only with the same dictionary, so the index records which one it was made
with (:func:`tokenizer_stamp`); after an upgrade that changes it, the index is rebuilt
before anything is removed (:func:`reindex`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from core.library.search import document_chains, meta_tokens
from core.library.units import chain_headings
from core.text import language, segmenter

# Bump when core.text.language.tokens changes what it produces for the same dictionary.
TOKENS_VERSION = "1"
_STAMP_KEY = "tokenizer"


@functools.cache
def tokenizer_stamp() -> str:
    """Names the tokens the index is made of: jieba's code (its version is in it), our
    dictionary, our cutting. Reads three small files; never imports jieba or loads its dictionary."""
    digest = hashlib.sha256(f"{TOKENS_VERSION}\n".encode())
    spec = importlib.util.find_spec("jieba")
    # language.py and segmenter.py themselves: a change to how tokens are cut remakes the index even if nobody
    # remembered to bump TOKENS_VERSION (a bundle without the .py file relies on the bump).
    ours = (getattr(language, "__file__", None), getattr(segmenter, "__file__", None))
    for path in (spec.origin if spec else None, language.USER_DICTIONARY, *ours):
        if path:
            with contextlib.suppress(OSError):
                digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def body_tokens(text: str) -> str:
    return " ".join(language.tokens(text))


def heading_column(headings: Iterable[str], cut: dict[str, list[str]]) -> str:
    """The ``heading`` column of a paragraph: the tokens of its headings' texts joined by spaces.
    ``cut`` (heading text → its words) is kept across a document's paragraphs: a heading is a
    paragraph of its own and heads every paragraph below it, yet is cut into words once."""
    pieces: list[str] = []
    for heading in headings:
        text = heading.strip()  # the same words: as the heading's own paragraph is written
        if text not in cut:
            cut[text] = language.words(text)
        pieces += cut[text]
    return " ".join(language.tokens_of_words(pieces))


def stored_stamp(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM library_info WHERE key = ?", (_STAMP_KEY,)).fetchone()
    return None if row is None else str(row[0])


def set_stamp(conn: sqlite3.Connection, stamp: str) -> None:
    conn.execute("INSERT OR REPLACE INTO library_info (key, value) VALUES (?, ?)", (_STAMP_KEY, stamp))


def index_paragraphs(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str, str]]) -> None:
    """Index paragraphs given as (rowid, body, heading, meta) tokens."""
    conn.executemany("INSERT INTO para_fts (rowid, body, heading, meta) VALUES (?, ?, ?, ?)", rows)


def _indexed_values(conn: sqlite3.Connection, doc_id: int | None) -> list[tuple[int, str, str, str]]:
    """(rowid, body, heading, meta) exactly as indexed, for the document's paragraphs (all when None)."""
    where = "" if doc_id is None else "WHERE p.doc_id = ?"
    rows = conn.execute(
        "SELECT p.id, p.doc_id, p.role, p.text, p.section_id, d.kind, d.year FROM paragraphs p"
        " JOIN documents d ON d.id = p.doc_id " + where,
        () if doc_id is None else (doc_id,),
    ).fetchall()
    chains = document_chains(conn, doc_id)
    headings: dict[int, str] = {}  # section id → its heading column, made once per section
    cut: dict[str, list[str]] = {}
    out = []
    for row in rows:
        if row[4] not in headings:
            headings[row[4]] = heading_column(chain_headings(chains.get(row[4], ())), cut)
        out.append((row[0], body_tokens(row[3]), headings[row[4]], meta_tokens(row[5], row[6], row[1], row[2])))
    return out


def unindex_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Take a document's paragraphs out of the index (inside the caller's transaction)."""
    for rowid, body, heading, meta in _indexed_values(conn, doc_id):
        conn.execute(
            "INSERT INTO para_fts (para_fts, rowid, body, heading, meta) VALUES ('delete', ?, ?, ?, ?)",
            (rowid, body, heading, meta),
        )


def index_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Put a document's paragraphs into the index with its row's kind and year as they are now
    (after :func:`unindex_document` and a change of them, inside the caller's transaction)."""
    index_paragraphs(conn, _indexed_values(conn, doc_id))


def reindex(conn: sqlite3.Connection) -> None:
    """Index every paragraph afresh with today's tokens (inside the caller's transaction)."""
    conn.execute("INSERT INTO para_fts (para_fts) VALUES ('delete-all')")
    index_paragraphs(conn, _indexed_values(conn, None))
    set_stamp(conn, tokenizer_stamp())
