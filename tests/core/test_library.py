"""The library of past reports: search (two-character words, phrases, filters, snippets),
storage of originals, and rebuilding a damaged database from them."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main as cli_main
from core.base.paths import data_dir
from core.draft.model import Report
from core.library import DB_NAME, FILES_DIR_NAME, Library, LibraryError
from core.library import records as library_store
from core.library import search as library_search
from core.library.records import text_digest
from core.library.snippets import make_snippet, mark_spans
from core.library.units import report_units
from core.text import language
from core.text.plaintext import report_text
from tests.conftest import LIBRARY_BACKENDS, open_test_library
from tests.core.library_corpus import (
    GUIDANCE_PARAGRAPH,
    HAND_REPORTS,
    RIVER_PARAGRAPH,
    RURAL_PARAGRAPH,
    SCATTERED_PARAGRAPH,
    SELECTION_PARAGRAPH,
    TALENT_PARAGRAPH,
    THEORY_PARAGRAPH,
    UNIT_A,
    filler_reports,
    report_a,
    report_b,
    report_c,
)


@dataclass
class Corpus:
    library: Library
    reports: dict[str, Report]  # file name → report

    def containing(self, text: str) -> set[tuple[str, str]]:
        """(file name, paragraph) of every stored paragraph that contains ``text`` literally."""
        return {
            (name, unit.text)
            for name, report in self.reports.items()
            for unit in report_units(report)
            if text in unit.text
        }


def found(hits: list) -> set[tuple[str, str]]:
    return {(hit.file_name, hit.text) for hit in hits}


def add_hand_reports(library: Library) -> dict[str, Report]:
    reports = {}
    for name, make in HAND_REPORTS:
        report = make()
        library.add_report(report, original=report_text(report).encode("utf-8"), file_name=name)
        reports[name] = report
    return reports


@pytest.fixture(scope="module", params=LIBRARY_BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The same documents in each backend: every search test below runs on both, with the same
    expectations (the office server must answer as the local library does)."""
    language.ensure_loaded()
    library = open_test_library(request, request.param, tmp_path_factory.mktemp("corpus_library"))
    reports = add_hand_reports(library)
    fillers = {f"filler{i:03d}.txt": report for i, report in enumerate(filler_reports(40))}
    added = library.add_reports((r, report_text(r).encode("utf-8"), name) for name, r in fillers.items())
    assert added == 40
    reports.update(fillers)
    yield Corpus(library, reports)
    library.close()


# ----------------------------------------------------------------------------- search


@pytest.mark.parametrize("word", ["人才", "党建", "干部"])
def test_two_character_words_are_found_wherever_they_occur(corpus: Corpus, word: str) -> None:
    hits = corpus.library.search(word, limit=100_000)
    assert found(hits) == corpus.containing(word)
    assert len(hits) >= 3


def test_two_character_word_inside_longer_words(corpus: Corpus) -> None:
    # 人才 inside 人才驿站 / 高层次人才 / 乡土人才, all in hand-written paragraphs.
    hits = found(corpus.library.search("人才", limit=100_000))
    assert ("a.txt", TALENT_PARAGRAPH) in hits
    assert ("b.txt", RURAL_PARAGRAPH) in hits
    assert ("a.txt", SELECTION_PARAGRAPH) not in hits


def test_word_inside_a_longer_dictionary_word(corpus: Corpus) -> None:
    # 从严治党 sits inside 全面从严治党 in the seed prose; 队伍建设 inside the heading 人才队伍建设.
    for word in ("从严治党", "队伍建设"):
        hits = corpus.library.search(word, limit=100_000)
        assert found(hits) >= corpus.containing(word)
    heading_hits = [h for h in corpus.library.search("队伍建设", limit=100_000) if h.file_name == "a.txt"]
    assert any(
        h.role == "heading" and h.section_path == "一、上半年工作开展情况 / （二）加强人才队伍建设"
        for h in heading_hits
    )


def test_paragraphs_with_the_typed_text_rank_before_scattered_words(corpus: Corpus) -> None:
    hits = corpus.library.search("队伍建设", limit=100_000)
    exact = ["队伍建设" in h.text for h in hits]
    assert exact == sorted(exact, reverse=True)  # every exact match before any scattered one
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_ranking_by_bm25(corpus: Corpus) -> None:
    # 河长制 twice in a short paragraph beats once in a longer one; nothing else has it.
    hits = corpus.library.search("河长制")
    assert [(h.file_name, h.text) for h in hits] == [
        ("c.txt", RIVER_PARAGRAPH),
        ("a.txt", "一是" + GUIDANCE_PARAGRAPH),
    ]
    assert hits[0].score > hits[1].score > 0


def test_phrase_query_matches_only_the_exact_text(corpus: Corpus) -> None:
    phrase_hits = corpus.library.search('"党建引领"', limit=100_000)
    assert found(phrase_hits) == corpus.containing("党建引领")
    assert ("a.txt", "二是" + SCATTERED_PARAGRAPH) not in found(phrase_hits)
    # Chinese quotes mean the same.
    assert found(corpus.library.search("“党建引领”", limit=100_000)) == found(phrase_hits)


def test_words_separated_by_spaces_may_occur_apart(corpus: Corpus) -> None:
    hits = found(corpus.library.search("党建 引领", limit=100_000))
    assert ("a.txt", "二是" + SCATTERED_PARAGRAPH) in hits
    assert hits >= corpus.containing("党建引领")
    assert all("党建" in text and "引领" in text for _, text in hits)


def test_phrase_with_other_words(corpus: Corpus) -> None:
    hits = corpus.library.search("“第一议题” 学习强国")
    assert found(hits) == {("b.txt", THEORY_PARAGRAPH)}


def test_single_character_query_scans_the_text(corpus: Corpus) -> None:
    hits = corpus.library.search("巡", limit=100_000)
    assert found(hits) == corpus.containing("巡")
    assert ("c.txt", RIVER_PARAGRAPH) in found(hits)


def test_query_without_any_match(corpus: Corpus) -> None:
    assert corpus.library.search("量子计算") == []
    assert corpus.library.search("   ") == []
    assert corpus.library.search("，。") == []


def test_query_syntax_characters_are_plain_text(corpus: Corpus) -> None:
    # FTS5 operators typed by a clerk must not raise or change the meaning.
    for query in ("人才 AND", "NEAR(人才", '人才" OR "', "人才*", "-人才", "{body}:人才"):
        hits = corpus.library.search(query)
        assert all("人才" in h.text for h in hits), query


# ----------------------------------------------------------------------------- filters


def test_filter_by_kind(corpus: Corpus) -> None:
    hits = corpus.library.search("人才", kind="half_year_summary", limit=100_000)
    assert all(h.kind == "half_year_summary" for h in hits)
    assert ("a.txt", TALENT_PARAGRAPH) in found(hits)
    assert ("b.txt", RURAL_PARAGRAPH) not in found(hits)


def test_filter_by_year(corpus: Corpus) -> None:
    hits = corpus.library.search("人才", year=2023, limit=100_000)
    assert found(hits) == {("b.txt", RURAL_PARAGRAPH)}
    assert {h.year for h in corpus.library.search("人才", year=2020, limit=100_000)} == {2020}


def test_filter_by_part_of_the_unit_name(corpus: Corpus) -> None:
    hits = corpus.library.search("河长制", unit="组织部")
    assert {h.unit for h in hits} == {UNIT_A, "**区委组织部机关党委"}
    assert corpus.library.search("河长制", unit="宣传部") == []


def test_filters_combine(corpus: Corpus) -> None:
    hits = corpus.library.search("河长制", kind="work_report", year=2021)
    assert found(hits) == {("c.txt", RIVER_PARAGRAPH)}
    assert corpus.library.search("河长制", kind="work_report", year=2022) == []


def test_limit(corpus: Corpus) -> None:
    assert len(corpus.library.search("人才", limit=3)) == 3


def test_facets_list_the_filter_values(corpus: Corpus) -> None:
    facets = corpus.library.facets()
    assert set(facets["kind"]) == {"annual_keypoints", "half_year_summary", "annual_summary", "work_report"}
    assert facets["year"] == [2019, 2020, 2021, 2022, 2023]
    assert UNIT_A in facets["unit"]


# ----------------------------------------------------------------------------- results


def test_hit_names_the_section_path(corpus: Corpus) -> None:
    talent = corpus.library.search("人才驿站")[0]
    assert talent.section_path == "一、上半年工作开展情况 / （二）加强人才队伍建设"
    assert talent.document == "**区委组织部2022年上半年工作总结"
    selection = next(h for h in corpus.library.search("年轻干部", limit=1000) if h.file_name == "a.txt")
    assert (selection.text, selection.section_path) == (
        SELECTION_PARAGRAPH,
        "一、上半年工作开展情况 / （一）从严选拔管理",
    )
    opening = corpus.library.search("取得新成效")[0]
    assert (opening.section_path, opening.role) == ("开头", "opening")
    point = corpus.library.search("林长制")[0]
    assert (point.section_path, point.text) == ("二、下半年工作计划", "一是" + GUIDANCE_PARAGRAPH)


def test_snippet_marks_the_match(corpus: Corpus) -> None:
    hit = corpus.library.search("人才驿站")[0]
    assert [hit.text[a:b] for a, b in hit.spans] == ["人才驿站"]
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["人才驿站"]
    assert "新建【人才驿站】3个" in hit.marked_snippet()
    assert hit.marked_snippet("<b>", "</b>").count("<b>人才驿站</b>") == 1


def test_snippet_of_a_phrase_and_of_scattered_words(corpus: Corpus) -> None:
    phrase = corpus.library.search('"党建引领基层治理"')[0]
    assert "推动【党建引领基层治理】走深走实" in phrase.marked_snippet()
    scattered = next(
        h
        for h in corpus.library.search("党建 引领", limit=100_000)
        if h.file_name == "a.txt" and "考核" in h.text
    )
    assert scattered.marked_snippet() == "二是【党建】工作考核结果作为评优依据，发挥示范【引领】作用。"


def test_long_paragraph_snippet_is_cut_around_the_match() -> None:
    text = "开展调研。" * 30 + "全面推行河长制。" + "强化督查。" * 30
    start = text.index("河长制")
    snippet, spans = make_snippet(text, [(start, start + 3)], width=40)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) == 42
    assert mark_spans(snippet, spans).count("【河长制】") == 1
    assert snippet[1:].startswith("全面推行河长制")  # starts after the sentence end before the match
    short, short_spans = make_snippet("推行河长制。", [(2, 5)])
    assert (short, short_spans) == ("推行河长制。", [(2, 5)])


# ----------------------------------------------------------------------------- before the dictionary


def test_search_without_waiting_scans_text_until_the_dictionary_is_loaded(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "is_loaded", lambda: False)

    def no_dictionary(*_args: object) -> list[str]:
        raise AssertionError("must not need jieba")

    monkeypatch.setattr(language, "words", no_dictionary)
    hits = corpus.library.search("河长制", wait=False)
    assert found(hits) == {("c.txt", RIVER_PARAGRAPH), ("a.txt", "一是" + GUIDANCE_PARAGRAPH)}
    assert hits[0].text == RIVER_PARAGRAPH  # the newest first: c.txt was added after a.txt
    assert "全面推行【河长制】，【河长制】工作" in hits[0].marked_snippet()
    # The scan stops at the limit, newest first: a common word answers at once in any library.
    assert [h.file_name for h in corpus.library.search("河长制", wait=False, limit=1)] == ["c.txt"]


def test_concurrent_searches_from_several_threads(corpus: Corpus) -> None:
    queries = ["人才", "党建", '"党建引领"', "河长制", "干部 选拔"]
    expected = {q: found(corpus.library.search(q, limit=50)) for q in queries}
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(10):
                for q in queries:
                    assert found(corpus.library.search(q, limit=50)) == expected[q]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# ----------------------------------------------------------------------------- storage


def test_original_outline_and_files_are_kept(tmp_path: Path) -> None:
    library = Library(tmp_path)
    report = report_a()
    original = b"\xef\xbb\xbf original bytes of a .docx, say"
    result = library.add_report(report, original=original, file_name="总结.docx")
    doc = result.document
    assert result.added
    assert (doc.kind, doc.year, doc.unit, doc.title) == ("half_year_summary", 2022, UNIT_A, report.title)
    assert doc.paragraphs == len(report_units(report))
    assert library.original(doc.id) == original
    assert library.report(doc.id) == report
    sha = hashlib.sha256(original).hexdigest()
    assert (tmp_path / FILES_DIR_NAME / sha).read_bytes() == original
    assert (tmp_path / FILES_DIR_NAME / f"{sha}.json").exists()
    assert library.index._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    library.close()


def test_library_lives_in_the_per_user_data_folder() -> None:
    with Library() as library:
        assert library.path == data_dir() / DB_NAME


def test_same_file_is_stored_once(backend_library: Library) -> None:
    library = backend_library
    first = library.add_report(report_a(), original=b"same", file_name="a.txt")
    again = library.add_report(report_a(), original=b"same", file_name="a-copy.txt")
    assert (first.added, again.added) == (True, False)
    assert again.document.id == first.document.id
    assert len(library.documents()) == 1


def test_original_and_outline_come_back_from_either_backend(backend_library: Library) -> None:
    library = backend_library
    report = report_a()
    original = b"\xef\xbb\xbf original bytes of a .docx, say"
    doc = library.add_report(report, original=original, file_name="总结.docx").document
    assert (doc.kind, doc.year, doc.unit, doc.title) == ("half_year_summary", 2022, UNIT_A, report.title)
    assert doc.paragraphs == len(report_units(report))
    assert library.original(doc.id) == original
    assert library.report(doc.id) == report
    assert library.documents() == [doc]
    assert library.text_digests() == {text_digest(report_text(report)): doc.id}


def test_export_replaces_an_earlier_export_with_the_same_name(backend_library: Library) -> None:
    library = backend_library
    library.add_report(report_a(), original=b"v1", file_name="总结.docx", source="export")
    library.add_report(report_b(), original=b"import", file_name="总结.docx")  # an import is kept
    second = report_a()
    second.sections[0].children[1].body = ["新建人才公寓120套。"]
    library.add_report(second, original=b"v2", file_name="总结.docx", source="export")
    assert sorted(d.source for d in library.documents()) == ["export", "import"]
    assert library.search("人才驿站") == []
    assert library.search("人才公寓")[0].file_name == "总结.docx"
    with pytest.raises(LibraryError):  # the replaced export's kept original is gone too
        library.files.read(hashlib.sha256(b"v1").hexdigest(), "")


def test_remove(backend_library: Library) -> None:
    library = backend_library
    reports = add_hand_reports(library)
    assert len(reports) == 3
    target = next(d for d in library.documents() if d.file_name == "c.txt")
    assert library.remove(target.id)
    assert not library.remove(target.id)
    assert [h.file_name for h in library.search("河长制")] == ["a.txt"]
    assert library.facets()["documents"] == [2]
    with pytest.raises(LibraryError):  # its kept original and record are gone
        library.files.read(target.sha256, "")
    for doc in library.documents():  # the others' are still there
        assert library.report(doc.id) == reports[doc.file_name]


def test_add_document_stores_the_report_with_its_file(tmp_path: Path, backend_library: Library) -> None:
    library = backend_library
    exported = tmp_path / "2022年上半年工作总结.docx"
    exported.write_bytes(b"PK\x03\x04 pretend docx")
    result = library.add_document(report_a(), exported, source="export")
    assert (result.document.file_name, result.document.source) == (exported.name, "export")
    assert library.original(result.document.id) == exported.read_bytes()
    with pytest.raises(LibraryError, match="读取文件失败"):
        library.add_document(report_a(), tmp_path / "gone.docx")


def test_add_file_imports_and_keeps_the_original(tmp_path: Path) -> None:
    path = tmp_path / "2021年工作汇报.txt"
    path.write_bytes(report_text(report_c()).encode("utf-8"))
    with Library(tmp_path / "lib") as library:
        result = library.add_file(path)
        assert library.original(result.document.id) == path.read_bytes()
        hit = library.search("巡河护河")[0]
        assert hit.text == RIVER_PARAGRAPH
        assert hit.section_path == "一、推进生态文明建设"


# ----------------------------------------------------------------------------- damage


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def build_small_library(folder: Path) -> list[tuple[str, str, int | None, str, int]]:
    with Library(folder) as library:
        add_hand_reports(library)
        return [(d.file_name, d.kind, d.year, d.unit, d.paragraphs) for d in library.documents()]


def test_damaged_header_is_rebuilt_from_the_originals(tmp_path: Path) -> None:
    before = build_small_library(tmp_path)
    (data_dir() / "keep.txt").write_text("与资料库无关的文件", encoding="utf-8")
    overwrite(tmp_path / DB_NAME, 0, b"\x00garbage" * 16)
    progress: list[tuple[int, int]] = []
    with Library(tmp_path, progress=lambda done, total: progress.append((done, total))) as library:
        assert progress == [(0, 3), (1, 3), (2, 3)]
        notice = library.take_notice()
        assert notice is not None and "已损坏" in notice and "恢复 3 份文档" in notice
        assert library.take_notice() is None
        assert [(d.file_name, d.kind, d.year, d.unit, d.paragraphs) for d in library.documents()] == before
        assert [h.text for h in library.search("河长制")] == [RIVER_PARAGRAPH, "一是" + GUIDANCE_PARAGRAPH]
    damaged = list(tmp_path.glob(f"{DB_NAME}.damaged-*"))
    assert len(damaged) == 1 and damaged[0].read_bytes().startswith(b"\x00garbage")
    assert (data_dir() / "keep.txt").read_text(encoding="utf-8") == "与资料库无关的文件"


def test_damaged_pages_in_the_middle_are_found_by_the_integrity_check(tmp_path: Path) -> None:
    before = build_small_library(tmp_path)
    db = tmp_path / DB_NAME
    page_size = 4096
    size = db.stat().st_size
    assert size > 6 * page_size
    overwrite(db, (size // page_size // 2) * page_size, b"\xff" * (3 * page_size))
    with Library(tmp_path) as library:
        assert library.notice is None  # opening reads the header only: it stays quick
        assert library.check_integrity() is False
        assert library.notice is not None and "已损坏" in library.notice
        assert [(d.file_name, d.kind, d.year, d.unit, d.paragraphs) for d in library.documents()] == before
        assert library.search("人才驿站")[0].text == TALENT_PARAGRAPH
        assert library.check_integrity() is True
    assert len(list(tmp_path.glob(f"{DB_NAME}.damaged-*"))) == 1


def test_a_sound_library_passes_the_check_and_is_left_alone(tmp_path: Path) -> None:
    before = build_small_library(tmp_path)
    with Library(tmp_path) as library:
        assert library.check_integrity() is True and library.notice is None
        assert [(d.file_name, d.kind, d.year, d.unit, d.paragraphs) for d in library.documents()] == before
    assert not list(tmp_path.glob(f"{DB_NAME}.damaged-*"))


def make_version_3(folder: Path) -> None:
    """Today's database as version 3 had it: without the paragraph spans."""
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("DROP INDEX documents_first_para")
    conn.execute("ALTER TABLE documents DROP COLUMN first_para")
    conn.execute("ALTER TABLE documents DROP COLUMN last_para")
    conn.execute("PRAGMA user_version = 3")
    conn.close()


def spans(folder: Path) -> list[tuple[str, int, int, int]]:
    conn = sqlite3.connect(folder / DB_NAME)
    rows = conn.execute(
        "SELECT d.file_name, d.first_para, d.last_para, (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id)"
        " FROM documents d ORDER BY d.id"
    ).fetchall()
    conn.close()
    return rows


def test_version_3_gains_the_paragraph_spans_in_place(tmp_path: Path) -> None:
    before = build_small_library(tmp_path)
    expected = spans(tmp_path)
    # One document's paragraphs after the other's: ids 1..n, n+1..m, …
    assert [first for _, first, _, _ in expected] == [1, expected[0][2] + 1, expected[1][2] + 1]
    listed = {name: paragraphs for name, *_, paragraphs in before}
    assert [last - first + 1 for name, first, last, _ in expected] == [listed[name] for name, *_ in expected]
    make_version_3(tmp_path)
    with Library(tmp_path) as library:
        assert library.notice is None  # nothing rebuilt: two columns and an index
        assert library.index._db.execute("PRAGMA user_version").fetchone()[0] == library_store.SCHEMA_VERSION == 4
        assert [h.file_name for h in library.search("河长制", unit="组织部")] == ["c.txt", "a.txt"]
        assert [h.file_name for h in library.search("河长制", unit="宣传部")] == []
    assert spans(tmp_path) == expected
    assert not (tmp_path / (DB_NAME + ".upgrading")).exists()


def test_version_3_with_scattered_paragraph_ids_is_rebuilt(tmp_path: Path) -> None:
    build_small_library(tmp_path)
    make_version_3(tmp_path)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("UPDATE paragraphs SET id = 1000 WHERE id = 2")  # a gap inside the first document
    conn.commit()
    conn.close()
    with Library(tmp_path) as library:
        assert library.notice is not None and "升级" in library.notice and "恢复 3 份文档" in library.notice
        assert all(last - first + 1 == count for _, first, last, count in spans(tmp_path))
        assert [h.file_name for h in library.search("河长制", unit="组织部")] == ["c.txt", "a.txt"]


def test_damage_found_while_in_use_is_rebuilt_and_the_search_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_small_library(tmp_path)
    library = Library(tmp_path)
    real_search = library_search.ranked_search
    calls = []

    def damaged_once(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_search, "ranked_search", damaged_once)
    hits = library.search("河长制")
    assert [h.file_name for h in hits] == ["c.txt", "a.txt"]
    assert library.notice is not None and "恢复 3 份文档" in library.notice
    library.close()


def test_deleted_database_is_restored_from_the_kept_files(tmp_path: Path) -> None:
    build_small_library(tmp_path)
    (tmp_path / DB_NAME).unlink()
    with Library(tmp_path) as library:
        assert library.notice is not None and "恢复 3 份文档" in library.notice
        assert len(library.documents()) == 3


def test_an_unreadable_kept_record_is_skipped_and_counted(tmp_path: Path) -> None:
    build_small_library(tmp_path)
    next((tmp_path / FILES_DIR_NAME).glob("*.json")).write_text("{不是 JSON", encoding="utf-8")
    overwrite(tmp_path / DB_NAME, 0, b"\xff" * 100)
    with Library(tmp_path) as library:
        assert library.notice is not None
        assert "恢复 2 份文档（另有 1 份的保存文件已损坏，无法恢复）" in library.notice
        assert len(library.documents()) == 2


def test_busy_or_unreadable_database_is_not_mistaken_for_damage(tmp_path: Path) -> None:
    build_small_library(tmp_path)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {library_store.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="更新版本"):
        Library(tmp_path)
    assert not list(tmp_path.glob(f"{DB_NAME}.damaged-*"))  # nothing renamed, nothing lost


# ----------------------------------------------------------------------------- CLI


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_check_reports_a_sound_library_and_repairs_a_damaged_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_small_library(data_dir())
    assert run_cli(capsys, "library", "check") == (0, "资料库完好（3 份文档）。\n", "")
    db = data_dir() / DB_NAME
    size = db.stat().st_size
    overwrite(db, (size // 4096 // 2) * 4096, b"\xff" * (3 * 4096))
    code, out, err = run_cli(capsys, "library", "check")
    assert (code, err) == (0, "")
    assert out.startswith("资料库文件已损坏，已根据保存的原始文件重建，恢复 3 份文档。")
    assert run_cli(capsys, "library", "check") == (0, "资料库完好（3 份文档）。\n", "")


def test_cli_add_search_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name, make in HAND_REPORTS:
        path = tmp_path / name
        path.write_bytes(report_text(make()).encode("utf-8"))
        files.append(str(path))
    code, out, _ = run_cli(capsys, "library", "add", *files)
    assert code == 0
    assert out.count("已收入") == 3

    code, out, _ = run_cli(capsys, "library", "add", files[0], str(tmp_path / "没有这个文件.txt"))
    assert code == 2
    assert "资料库中已有：a.txt" in out

    code, out, _ = run_cli(capsys, "library", "search", "河长制")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    score, document, path, snippet = lines[0].split("\t")
    assert float(score) > 0
    assert document == "机关党委2021年工作汇报"
    assert path == "一、推进生态文明建设"
    assert snippet.startswith("全面推行【河长制】，【河长制】工作")

    code, out, _ = run_cli(capsys, "library", "search", "河长制", "--year", "2021", "--limit", "5")
    assert len(out.splitlines()) == 1

    code, out, err = run_cli(capsys, "library", "search", "量子计算")
    assert (code, out) == (0, "") and "没有找到" in err

    code, out, _ = run_cli(capsys, "library", "list")
    rows = [line.split("\t") for line in out.splitlines()]
    assert sorted(row[5] for row in rows) == ["a.txt", "b.txt", "c.txt"]
    c_id = next(row[0] for row in rows if row[5] == "c.txt")

    code, out, _ = run_cli(capsys, "library", "remove", c_id)
    assert code == 0
    code, _, err = run_cli(capsys, "library", "remove", c_id)
    assert code == 2 and "没有编号为" in err
    code, out, _ = run_cli(capsys, "library", "search", "河长制")
    assert len(out.splitlines()) == 1
