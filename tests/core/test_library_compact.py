"""The library stays compact while in use: free pages go back to the disk after removals, the
WAL does not keep the size of the largest write, and a real version-1 index (the format
before the compact one) gives every match the same BM25 score after the upgrade."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft.model import Report
from core.library import DB_NAME, Library
from core.library.index import body_tokens, heading_column
from core.library.query import plan_query
from core.library.search import Filters, candidate_matches
from core.text import language
from core.text.plaintext import report_text
from tests.core.library_corpus import HAND_REPORTS, filler_reports
from tests.core.library_v1 import write_v1_library
from tests.core.written_corpus import written_reports

QUERIES = ("人才", "党建", "干部", "河长制", "队伍建设", "高质量发展", "人才 引进", "学习", '"党建引领"')


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    language.ensure_loaded()


def database_size(folder: Path) -> int:
    """The database file and its WAL."""
    return sum(path.stat().st_size for path in (folder / DB_NAME, folder / (DB_NAME + "-wal")) if path.exists())


def pages(library: Library) -> tuple[int, int]:
    return tuple(library.index._db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count"))  # type: ignore[return-value]


def test_pages_freed_by_removals_go_back_to_the_disk(tmp_path: Path) -> None:
    reports = filler_reports(40)
    with Library(tmp_path) as library:
        library.add_reports((r, report_text(r).encode("utf-8"), f"r{i}.txt") for i, r in enumerate(reports))
        full, free = pages(library)
        assert free == 0
        for document in library.documents()[:30]:
            library.remove(document.id)
        left, free = pages(library)
        assert free == 0 and left < full  # at once, not only when the app exits
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()


def test_added_file_by_file_the_wal_stays_small_and_the_database_within_three_times_the_text(
    tmp_path: Path,
) -> None:
    # A folder added file by file (core.library.bulk): many small writes. Several large ones,
    # measured open with their WAL, and the seeds' text: tests/core/test_library_storage.py.
    reports = written_reports()  # 1 MB of our own writing, about 15 KB of text a report, like a real one
    texts = [report_text(r).encode("utf-8") for r in reports]
    text_size = sum(len(t) for t in texts)
    with Library(tmp_path) as library:
        for i, report in enumerate(reports):
            library.add_report(report, original=texts[i], file_name=f"r{i}.txt")
        wal = tmp_path / (DB_NAME + "-wal")
        # Checkpointed every 1 MB and cut back to 1 MB: never the size of everything written.
        assert not wal.exists() or wal.stat().st_size <= 1.5 * (1 << 20)
    assert database_size(tmp_path) <= 3 * text_size, f"{database_size(tmp_path) / text_size:.2f}x"


def every_match(conn: sqlite3.Connection, expression: str) -> list[tuple[str, str, float]]:
    """(file name, paragraph, BM25 score) of every match, from the index alone: any schema."""
    texts = {
        row[0]: (row[1], row[2])
        for row in conn.execute("SELECT p.id, d.file_name, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id")
    }
    return sorted((*texts[rowid], round(score, 6)) for rowid, score in candidate_matches(conn, expression, (1.0, 0.5), Filters(), 100_000))


def test_a_real_version_1_index_scores_every_match_the_same_after_the_upgrade(tmp_path: Path) -> None:
    rng = random.Random(3)
    named: list[tuple[str, Report]] = [(name, make()) for name, make in HAND_REPORTS]
    named += [(f"filler{i:02d}.docx", report) for i, report in enumerate(filler_reports(20))]
    documents = [(name, report, b"PK\x03\x04" + rng.randbytes(2000)) for name, report in named]
    old = tmp_path / "old"
    write_v1_library(old, documents)
    expressions = [e for e in (plan_query(q).expression for q in QUERIES) if e]
    conn = sqlite3.connect(old / DB_NAME)
    before = [every_match(conn, e) for e in expressions]
    listed = sorted(conn.execute("SELECT file_name, kind, year, unit, title, source, added_at, sha256 FROM documents"))
    conn.close()
    assert all(before)

    with Library(old) as upgraded:
        assert [every_match(upgraded.index._db, e) for e in expressions] == before
        assert sorted((d.file_name, d.kind, d.year, d.unit, d.title, d.source, d.added_at, d.sha256)
                      for d in upgraded.documents()) == listed  # fmt: skip
        for document in upgraded.documents():
            name, report, original = next(doc for doc in documents if doc[0] == document.file_name)
            assert upgraded.original(document.id) == original and upgraded.report(document.id) == report
        hits = {q: sorted((h.score, h.file_name, h.section_path, h.text) for h in upgraded.search(q, limit=1000))
                for q in QUERIES}  # fmt: skip
    # The same documents stored afresh answer every query the same.
    with Library(tmp_path / "new") as fresh:
        for name, report, original in documents:
            fresh.add_report(report, original=original, file_name=name)
        assert {q: sorted((h.score, h.file_name, h.section_path, h.text) for h in fresh.search(q, limit=1000))
                for q in QUERIES} == hits  # fmt: skip


_HEADING_ALPHABET = "党建人才乡村振兴干部组织学习建设工作推进落实的了和与一二三（）、，：ab1 \u3000\u0301Ａ１"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_HEADING_ALPHABET, max_size=30), max_size=4), st.booleans())
def test_a_heading_column_is_the_tokens_of_its_headings_joined(headings: list[str], warm: bool) -> None:
    # Each heading is cut once per document and the column built from the pieces: the result must
    # be the tokens of the joined text, as the index held before (a contentless index deletes a
    # row only with exactly the values it was given).
    cut: dict[str, list[str]] = {}
    if warm:
        for heading in headings:
            heading_column((heading,), cut)
    assert heading_column(headings, cut) == body_tokens(" ".join(headings))
