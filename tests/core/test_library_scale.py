"""The library at office scale: ranking a bounded set of the newest matches, filters by column.

With ``CANDIDATES`` lowered to a handful, the behaviour that 10,000 reports would show
(benchmarks/bench_library.py) is checked on ten small reports written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.draft.model import Report
from core.library import Library
from core.library import search as library_search
from core.text import language
from core.text.plaintext import report_text

UNITS = ("**区委组织部", "**县委宣传部")


def report(index: int, body: list[str], unit: str, year: int = 2022) -> Report:
    return Report(kind="half_year_summary", title=f"材料{index}", unit=unit, year=year, opening=body)


def build(folder: Path, bodies: list[list[str]]) -> Library:
    """Document i (added i-th, so newer as i grows) holds ``bodies[i]``, unit alternating."""
    language.ensure_loaded()
    library = Library(folder)
    for index, body in enumerate(bodies):
        made = report(index, body, UNITS[index % 2], 2020 + index % 3)
        library.add_report(made, original=report_text(made).encode("utf-8"), file_name=f"r{index}.txt")
    return library


def titles(hits: list[library_search.SearchHit]) -> list[str]:
    return [hit.document for hit in hits]


@pytest.fixture
def ten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    # r0 says 人才 five times in a short paragraph: the best match of all, but the oldest.
    bodies = [["人才人才人才，人才强区，人才。"]]
    bodies += [[f"第{i}份材料：推进人才工作，完善引进机制，落实各项保障措施。"] for i in range(1, 10)]
    library = build(tmp_path, bodies)
    yield library
    library.close()


def test_every_match_is_ranked_when_there_are_fewer_than_the_bound(ten: Library) -> None:
    hits = ten.search("人才", limit=3)
    assert titles(hits)[0] == "材料0"  # BM25: the most 人才 in the shortest paragraph
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_past_the_bound_the_newest_matches_are_ranked(ten: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_search, "CANDIDATES", 4)
    hits = ten.search("人才", limit=4)
    assert sorted(titles(hits)) == ["材料6", "材料7", "材料8", "材料9"]  # the four newest matches
    # Equal BM25 (the same words, the same length): the newest first.
    assert titles(hits) == ["材料9", "材料8", "材料7", "材料6"]
    # Asked for more than the bound: as many of the newest as asked for are ranked.
    assert titles(ten.search("人才", limit=10))[0] == "材料0"


def test_a_literal_check_that_leaves_too_few_ranks_older_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the two oldest documents hold 人才引进 as typed; the newer ones have the words apart.
    bodies = [["做好人才引进工作。"], ["人才引进取得成效。"]]
    bodies += [[f"人才工作第{i}项：完善引进机制。"] for i in range(8)]
    library = build(tmp_path, bodies)
    monkeypatch.setattr(library_search, "CANDIDATES", 2)
    try:
        hits = library.search('"人才引进"', limit=5)
        assert sorted(titles(hits)) == ["材料0", "材料1"]
    finally:
        library.close()


def test_unit_and_year_filters_keep_newest_first_among_the_documents_that_pass(
    ten: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_search, "CANDIDATES", 2)
    # 组织部 holds the even documents; the two newest of them that match: 8 and 6.
    assert titles(ten.search("人才", unit="组织部", limit=2)) == ["材料8", "材料6"]
    # Years 2020 + i % 3: 2021 holds 1, 4, 7.
    assert sorted(titles(ten.search("人才", year=2021, limit=2))) == ["材料4", "材料7"]
    assert titles(ten.search("人才", unit="组织部", year=2021, limit=2)) == ["材料4"]
    assert ten.search("人才", unit="财政局") == []


def test_a_unit_filter_is_a_join_not_a_term_per_document(ten: Library) -> None:
    # The FTS5 expression does not grow with the documents that pass: the unit is a column.
    statements: list[str] = []
    ten.documents()  # searches run on the index's reading connection, opened by the first read
    assert ten.index._reader is not None
    reading = ten.index._reader[1]
    reading.set_trace_callback(statements.append)
    try:
        ten.search("人才", unit="组织部")
    finally:
        reading.set_trace_callback(None)
    matches = [s for s in statements if "MATCH" in s]
    assert matches and all('"d' not in s for s in matches)
    assert any("instr(d.unit" in s for s in matches)


def test_paragraph_ids_of_a_document_are_consecutive_after_removals(tmp_path: Path) -> None:
    # The unit join reads a paragraph's document from these spans.
    library = build(tmp_path, [[f"第{i}段，人才工作。", "第二段。"] for i in range(6)])
    try:
        for document in library.documents():
            if document.file_name in ("r2.txt", "r5.txt"):  # one in the middle, the newest
                assert library.remove(document.id)
        more = report(9, ["新加的人才材料。", "又一段。", "第三段。"], UNITS[0])
        library.add_report(more, original=b"more", file_name="more.txt")
        rows = library.index._db.execute(
            "SELECT d.first_para, d.last_para, (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id),"
            " (SELECT min(id) FROM paragraphs p WHERE p.doc_id = d.id) FROM documents d"
        ).fetchall()
        assert len(rows) == 5
        assert all(last - first + 1 == count and first == low for first, last, count, low in rows)
        assert sorted(titles(library.search("人才", unit="组织部"))) == ["材料0", "材料4", "材料9"]
        assert sorted(titles(library.search("人才", unit="宣传部"))) == ["材料1", "材料3"]
    finally:
        library.close()
