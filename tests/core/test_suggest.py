"""Suggestions for a section: keywords by TF-IDF against the library, similar past paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.draft.model import Point, Report, Section
from core.library import Library
from core.reuse.suggest import (
    heading_terms,
    library_idf,
    section_keywords,
    similar_paragraphs,
    suggest_for_section,
)
from core.text import language
from core.text.plaintext import report_text
from tests.conftest import LIBRARY_BACKENDS, open_test_library
from tests.core.library_corpus import (
    HAND_REPORTS,
    RIVER_PARAGRAPH,
    TALENT_PARAGRAPH,
    filler_reports,
    report_a,
)


@pytest.fixture(scope="module", params=LIBRARY_BACKENDS)
def library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """本节建议 over each backend: the same suggestions from the local and the server library."""
    language.ensure_loaded()
    lib = open_test_library(request, request.param, tmp_path_factory.mktemp("suggest_library"))
    for name, make in HAND_REPORTS:
        report = make()
        lib.add_report(report, original=report_text(report).encode("utf-8"), file_name=name)
    lib.add_reports(
        (r, report_text(r).encode("utf-8"), f"filler{i}.txt") for i, r in enumerate(filler_reports(30))
    )
    yield lib
    lib.close()


def test_library_idf_weighs_common_words_less(library: Library) -> None:
    idf = library_idf(library, ["建设", "河长制", "从未出现的词"])
    assert idf("建设") < idf("河长制") < idf("从未出现的词")
    total = library.paragraph_count()
    assert library.document_frequencies(["河长制"]) == {"河长制": 2}
    assert total > 100


def test_section_keywords_against_the_library(library: Library) -> None:
    section = Section(
        heading="生态环境保护",
        body=["全面推行河长制，压实河长制责任，加强建设，推动基层党建工作。"],
    )
    result = section_keywords(section, library, k=4)
    words = [k.word for k in result]
    assert words[0] == "河长制"
    assert "建设" not in words  # in most past paragraphs: says nothing about this section
    assert all(k.weight > 0 for k in result)
    assert [k.weight for k in result] == sorted((k.weight for k in result), reverse=True)


def test_section_keywords_include_sub_sections_and_work_without_a_library() -> None:
    chapter = Section(
        heading="开展情况", children=[Section(heading="落实制度", body=["严格落实三会一课制度。"])]
    )
    assert "三会一课" in [k.word for k in section_keywords(chapter, None, k=3)]
    assert section_keywords("", None) == []


def test_similar_paragraphs_for_a_heading(library: Library) -> None:
    hits = similar_paragraphs("加强人才队伍建设", library, limit=5)
    assert hits[0].text == TALENT_PARAGRAPH
    assert hits[0].section_path == "一、上半年工作开展情况 / （二）加强人才队伍建设"
    assert all(hit.role == "body" for hit in hits)
    assert len(hits) == 5
    river = similar_paragraphs("全面推行河长制", library, limit=1)
    assert [h.text for h in river] == [RIVER_PARAGRAPH]
    others = similar_paragraphs("全面推行河长制", library, exclude_document=river[0].document_id, limit=5)
    assert RIVER_PARAGRAPH not in [h.text for h in others]
    assert [h.kind for h in similar_paragraphs("加强人才队伍建设", library, kind="annual_keypoints")] == [
        "annual_keypoints"
    ] * 5


def test_similar_paragraphs_leave_out_the_sections_own_text(library: Library) -> None:
    report = report_a()
    section = report.sections[0].children[1]  # （二）加强人才队伍建设, stored in the library as is
    suggestions = suggest_for_section(report, section, library, paragraphs=3)
    assert TALENT_PARAGRAPH not in [h.text for h in suggestions.paragraphs]
    assert len(suggestions.paragraphs) == 3
    assert suggestions.keywords and suggestions.keywords[0].word != "加强"


def test_points_are_compared_as_stored(library: Library) -> None:
    report = report_a()
    plan = report.sections[1]  # 下半年工作计划 with points 一是… stored as "一是…"
    suggestions = suggest_for_section(report, plan, library, paragraphs=10)
    own = {f"一是{plan.points[0].text}", f"二是{plan.points[1].text}"}
    assert own.isdisjoint(h.text for h in suggestions.paragraphs)


def test_nothing_to_suggest_for_an_empty_heading(library: Library) -> None:
    report = Report(sections=[Section(heading="", body=["正文"], points=[Point("一项")])])
    assert suggest_for_section(report, report.sections[0], library).paragraphs == []
    assert similar_paragraphs("加强和", library) == []
    terms = heading_terms("加强人才队伍建设")
    assert set(terms) == {"人才", "人才队伍", "队伍", "建设", "人才队伍建设"}
    assert len(terms) == len(set(terms))
