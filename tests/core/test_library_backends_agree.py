"""The office server answers as the local library does: the same documents in both, the
same queries, the same hits (paragraph, place, marked snippet) and the same filter values."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.library import Library, SearchHit
from core.text import language
from core.text.plaintext import report_text
from tests.core.library_corpus import HAND_REPORTS, filler_reports
from tests.pg_server import PgTestServer, clerk_library

pytestmark = pytest.mark.postgres

QUERIES = ("人才", "河长制", "党建 引领", "“党建引领”", "队伍建设", "干部 选拔", "巡", "第一议题 学习强国", "从严治党")


def _fill(library: Library) -> None:
    for name, make in HAND_REPORTS:
        report = make()
        library.add_report(report, original=report_text(report).encode("utf-8"), file_name=name)
    library.add_reports((r, report_text(r).encode("utf-8"), f"filler{i:03d}.txt") for i, r in enumerate(filler_reports(40)))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, pg_server: PgTestServer) -> Iterator[tuple[Library, Library]]:
    language.ensure_loaded()
    local = Library(tmp_path_factory.mktemp("local"))
    server = clerk_library(pg_server, tmp_path_factory.mktemp("cache"))
    for library in (local, server):
        _fill(library)
    yield local, server
    local.close()
    server.close()


def _shown(hits: list[SearchHit]) -> set[tuple[str, str, str, str, str]]:
    return {(h.file_name, h.role, h.section_path, h.text, h.marked_snippet()) for h in hits}


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_hits_with_the_same_places_and_snippets(both: tuple[Library, Library], query: str) -> None:
    local, server = both
    local_hits = local.search(query, limit=10_000)
    server_hits = server.search(query, limit=10_000)
    assert local_hits, query
    assert _shown(server_hits) == _shown(local_hits)


@pytest.mark.parametrize(
    "filters", [{"kind": "work_report"}, {"year": 2022}, {"unit": "组织部"}, {"kind": "half_year_summary", "year": 2022}]
)
def test_the_same_hits_under_each_filter(both: tuple[Library, Library], filters: dict[str, object]) -> None:
    local, server = both
    for query in ("人才", "河长制", "干部"):
        assert _shown(server.search(query, limit=10_000, **filters)) == _shown(  # type: ignore[arg-type]
            local.search(query, limit=10_000, **filters)  # type: ignore[arg-type]
        )


def test_the_same_best_hit_where_one_paragraph_stands_out(both: tuple[Library, Library]) -> None:
    local, server = both
    for query in ("河长制", "人才驿站", "第一议题", "林长制"):
        assert _shown(server.search(query, limit=1)) == _shown(local.search(query, limit=1)), query


def test_the_same_facets_documents_and_suggestion_counts(both: tuple[Library, Library]) -> None:
    local, server = both
    assert server.facets() == local.facets()
    assert [(d.file_name, d.kind, d.year, d.unit, d.title, d.paragraphs) for d in server.documents()] == [
        (d.file_name, d.kind, d.year, d.unit, d.title, d.paragraphs) for d in local.documents()
    ]
    assert server.paragraph_count() == local.paragraph_count()
    words = ["人才", "党建", "干部", "河长制", "建设"]
    assert server.document_frequencies(words) == local.document_frequencies(words)


def test_the_same_related_paragraphs_for_a_heading(both: tuple[Library, Library]) -> None:
    """本节建议 draws from the same paragraphs; the two rankings (BM25, ts_rank_cd) may order
    the middle of the list differently, so the whole candidate set is compared, and the best
    one where a paragraph clearly stands out."""
    local, server = both
    for terms in (["人才", "队伍"], ["河长制"], ["党建", "引领", "基层"]):
        assert {h.text for h in server.related_paragraphs(terms, limit=10_000)} == {
            h.text for h in local.related_paragraphs(terms, limit=10_000)
        }
    assert [h.text for h in server.related_paragraphs(["河长制"], limit=1)] == [
        h.text for h in local.related_paragraphs(["河长制"], limit=1)
    ]


