"""How the library stores what it keeps: originals once (beside the database, not in it), a
contentless index the size of the text, old databases upgraded without losing a document,
and an index that stays exact through removals and dictionary upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.draft.model import Report, Section
from core.library import DB_NAME, FILES_DIR_NAME, Library
from core.library.index import tokenizer_stamp
from core.library.records import SCHEMA_VERSION
from core.text import language
from core.text.plaintext import report_text
from tests.core.library_corpus import RIVER_PARAGRAPH, filler_reports, report_a, report_b, report_c
from tests.core.library_v1 import write_v1_library
from tests.core.library_v2 import write_v2_library

QUERIES = ("人才", "党建引领", "乡村振兴", "干部 培训", "河长制")


def _db_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob(DB_NAME + "*") if p.is_file())


def _hits(library: Library, query: str) -> list[tuple[str, str, str, str]]:
    return [(h.document, h.section_path, h.role, h.text) for h in library.search(query, limit=10)]


def _vocabulary_size(library: Library) -> int:
    return int(library.index._run(lambda conn: conn.execute("SELECT count(*) FROM para_vocab").fetchone()[0]))


def test_database_stays_within_three_times_the_text(tmp_path: Path, realistic_reports: list[Report]) -> None:
    # About 1 MB in reports of a real one's size, added in several large writes (as the
    # benchmark does); the bound is the library's, whatever realistic text it holds: our own
    # writing and the seeds' sentences. Adding file by file: tests/core/test_library_compact.py.
    texts = [report_text(r).encode("utf-8") for r in realistic_reports]
    text_size = sum(len(t) for t in texts)
    with Library(tmp_path) as library:
        for first in range(0, len(texts), 10):
            library.add_reports(
                (realistic_reports[i], texts[i], f"r{i}.txt") for i in range(first, min(first + 10, len(texts)))
            )
        wal = tmp_path / (DB_NAME + "-wal")
        # Checkpointed every 1 MB and cut back to 1 MB: never the size of everything written.
        assert not wal.exists() or wal.stat().st_size <= 1.5 * (1 << 20)
        assert _db_bytes(tmp_path) <= 3 * text_size, f"open, with its WAL: {_db_bytes(tmp_path) / text_size:.2f}x"
    ratio = _db_bytes(tmp_path) / text_size
    assert 1.0 < ratio <= 3.0, f"database is {ratio:.2f}x the text"


def test_a_section_is_stored_once_however_many_paragraphs_it_holds(tmp_path: Path) -> None:
    # A 工作要点's chapter heading sits above each of its items: it is kept once, not once per item.
    chapter_heading = "持续深化基层党建三化建设筑牢基层党建主阵地"
    items = [Section(heading=f"第{i}项重点任务", run_in=True, body=[f"正文第{i}段。"]) for i in range(1, 31)]
    report = Report(kind="annual_keypoints", title="工作要点", sections=[Section(heading=chapter_heading, children=items)])
    with Library(tmp_path) as library:
        library.add_report(report, original=b"k", file_name="k.txt")
        rows = library.index._run(lambda conn: conn.execute("SELECT parent_id, marker, heading FROM sections").fetchall())
        hits = library.search("第7项重点任务", limit=1)
    assert sum(1 for row in rows if row["heading"] == chapter_heading) == 1
    assert len(rows) == 1 + 1 + 30  # the title (a report field), the chapter, its items
    assert hits[0].section_path == f"一、{chapter_heading} / （七）第7项重点任务"


def test_the_original_is_kept_once_beside_the_database(tmp_path: Path) -> None:
    original = "独一无二的原始文件内容ORIGINAL-7f3a".encode() * 50
    with Library(tmp_path) as library:
        added = library.add_report(report_a(), original=original, file_name="总结.docx")
        assert library.original(added.document.id) == original
        assert library.report(added.document.id).title == report_a().title
    database = b"".join(p.read_bytes() for p in tmp_path.glob(DB_NAME + "*"))
    assert b"ORIGINAL-7f3a" not in database
    kept = [p for p in (tmp_path / FILES_DIR_NAME).iterdir() if p.read_bytes() == original]
    assert len(kept) == 1


def test_removing_everything_leaves_an_empty_index(tmp_path: Path) -> None:
    with Library(tmp_path) as library:
        ids = [library.add_report(r, original=report_text(r).encode(), file_name=f"{i}.txt").document.id
               for i, r in enumerate((report_a(), report_b(), report_c()))]
        assert _hits(library, "人才")
        library.remove(ids[0])
        assert all(hit[0] != report_a().title for hit in _hits(library, "人才"))
        for document_id in ids[1:]:
            library.remove(document_id)
        # Every token taken out with exactly the values it went in with: nothing left over.
        assert _vocabulary_size(library) == 0 and library.search("人才") == []
        library.index._run(lambda conn: conn.execute("INSERT INTO para_fts (para_fts) VALUES ('integrity-check')"))
        again = library.add_report(report_a(), original=b"again", file_name="a.txt")
        assert {hit[0] for hit in _hits(library, "人才")} == {report_a().title}
        assert again.added


def test_an_index_made_with_another_dictionary_is_remade_before_a_removal(tmp_path: Path) -> None:
    with Library(tmp_path) as library:
        first = library.add_report(report_a(), original=b"a", file_name="a.txt").document.id
        library.add_report(report_b(), original=b"b", file_name="b.txt")
        before = _hits(library, "人才")
        # As if the index had been made by an older dictionary: its tokens can no longer be
        # cut again exactly, so the next write indexes everything afresh first.
        library.index._run(lambda conn: conn.execute("UPDATE library_info SET value = 'old' WHERE key = 'tokenizer'"))
        library.remove(first)
        stamp = library.index._run(lambda conn: conn.execute("SELECT value FROM library_info").fetchone()[0])
        assert stamp == tokenizer_stamp()
        assert _hits(library, "人才") == [hit for hit in before if hit[0] != report_a().title]
        library.index._run(lambda conn: conn.execute("INSERT INTO para_fts (para_fts) VALUES ('integrity-check')"))


def v1_library(folder: Path, keep_files_for: set[int]) -> list[bytes]:
    """A version-1 library of three reports; only some have their files in library_files/."""
    reports = (report_a(), report_b(), report_c())
    originals = [f"第{index}份原件".encode() + report_text(report).encode() for index, report in enumerate(reports)]
    documents = [(f"{index}.docx", report, originals[index]) for index, report in enumerate(reports)]
    write_v1_library(folder, documents, keep_files_for)
    return originals


def test_a_version_1_library_is_upgraded_without_losing_a_document(tmp_path: Path) -> None:
    old = tmp_path / "old"
    originals = v1_library(old, keep_files_for={0})
    old_size = _db_bytes(old)
    with Library(old) as library:
        assert library.notice is not None and "升级" in library.notice and "恢复 3 份文档" in library.notice
        documents = sorted(library.documents(), key=lambda d: d.file_name)
        assert [d.file_name for d in documents] == ["0.docx", "1.docx", "2.docx"]
        assert [library.original(d.id) for d in documents] == originals
        assert documents[0].added_at == "2023-05-01T09:00:00"  # kept from the old database
        upgraded = {query: _hits(library, query) for query in QUERIES}
    assert sqlite3.connect(old / DB_NAME).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not (old / (DB_NAME + ".upgrading")).exists()
    # The same three reports added to a new library give the same answers.
    with Library(tmp_path / "new") as library:
        for index, report in enumerate((report_a(), report_b(), report_c())):
            library.add_report(report, original=originals[index], file_name=f"{index}.docx")
        assert {query: _hits(library, query) for query in QUERIES} == upgraded
    assert any(upgraded.values())
    assert _db_bytes(old) < old_size * 3  # sanity: the upgrade did not balloon


def test_a_version_2_library_is_upgraded_to_sections_kept_once(tmp_path: Path) -> None:
    reports = [report_a(), report_b(), report_c(), *filler_reports(6)]
    documents = [(f"{i}.docx", r, f"第{i}份原件".encode() + report_text(r).encode()) for i, r in enumerate(reports)]
    old = tmp_path / "old"
    write_v2_library(old, documents)
    with Library(old) as library:
        assert library.notice is not None and "升级" in library.notice and f"恢复 {len(reports)} 份文档" in library.notice
        stored = sorted(library.documents(), key=lambda d: d.file_name)
        assert [d.file_name for d in stored] == [name for name, _, _ in documents]
        assert [library.original(d.id) for d in stored] == [original for _, _, original in documents]
        assert stored[1].added_at == "2024-03-02T10:00:00"  # kept from the record
        upgraded = {query: _hits(library, query) for query in QUERIES}
        library.index._run(lambda conn: conn.execute("INSERT INTO para_fts (para_fts) VALUES ('integrity-check')"))
    assert sqlite3.connect(old / DB_NAME).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with Library(tmp_path / "new") as library:
        for name, report, original in documents:
            library.add_report(report, original=original, file_name=name)
        assert {query: _hits(library, query) for query in QUERIES} == upgraded
    assert all(upgraded[query] for query in ("人才", "河长制"))
    assert (report_c().title, "一、推进生态文明建设", "body", RIVER_PARAGRAPH) in upgraded["河长制"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_needs_no_stored_token_copies(tmp_path: Path, query: str) -> None:
    # Search reads rowids and BM25 scores from the contentless index; the text shown is the
    # paragraph's own. A contentless table has no column values to give back.
    language.ensure_loaded()
    with Library(tmp_path) as library:
        for index, report in enumerate((report_a(), report_b(), report_c())):
            library.add_report(report, original=str(index).encode(), file_name=f"{index}.txt")
        for hit in library.search(query):
            assert query.split()[0].strip('"') in hit.text or hit.spans
        stored = library.index._run(lambda conn: conn.execute("SELECT body FROM para_fts LIMIT 1").fetchone())
        assert stored is None or stored[0] is None
