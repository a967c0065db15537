"""How the server library writes a document's rows: the tsvector literals the client builds
(exact text, read back by PostgreSQL itself), and a batch written in a fixed number of
statements that keeps every row and skips what is already there."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.library.office import OfficeLibrary
from core.library.postgres import migrations, settings_from_dsn
from core.library.postgres.connection import ServerConnection
from core.library.postgres.index import MAX_POSITION, MAX_POSITIONS, tsvector_literal
from core.library.records import _prepare
from core.text.plaintext import report_text
from tests.core.library_corpus import report_a, report_b, report_c
from tests.pg_server import PgTestServer, fresh_database, set_up_library


def test_a_tsvector_literal_lowers_quotes_and_numbers_positions() -> None:
    assert tsvector_literal(["人才", "队伍", "人才", "PPT"]) == "'人才':1,3 '队伍':2 'ppt':4"
    assert tsvector_literal(["o'neil", "a\\b", "o'neil"]) == "'o''neil':1,3 'a\\\\b':2"
    assert tsvector_literal([]) == ""
    # A word longer than PostgreSQL keeps as a lexeme is left out; its place still counts.
    assert tsvector_literal(["长" * 700, "人才"]) == "'人才':2"
    assert tsvector_literal(["长" * 600, "人才"]) == f"'{'长' * 600}':1 '人才':2"  # 1,800 bytes: kept
    # Positions stop at PostgreSQL's largest, and each word keeps at most 256 of them.
    far = tsvector_literal(["甲"] * (MAX_POSITION + 5))
    assert far.count(",") == MAX_POSITIONS - 1 and far.endswith(f",{MAX_POSITIONS}")
    tail = tsvector_literal(["乙"] * (MAX_POSITION + 2) + ["丙", "丙"])
    assert tail.endswith(f"'丙':{MAX_POSITION}")  # both past the end: one position, not two


def _lexemes(literal: str) -> dict[str, list[int]]:
    """A literal read back: each quoted lexeme (quotes and backslashes undone) and its positions."""
    found: dict[str, list[int]] = {}
    at = 0
    while at < len(literal):
        assert literal[at] == "'"
        word, at = [], at + 1
        while not (literal[at] == "'" and literal[at + 1 : at + 2] != "'"):
            step = 2 if literal[at] in "'\\" else 1
            word.append(literal[at + step - 1])
            at += step
        end = literal.find(" ", at)
        end = len(literal) if end < 0 else end
        found["".join(word)] = [int(n) for n in literal[at + 2 : end].split(",")]
        at = end + 1
    return found


@given(st.lists(st.sampled_from(["人才", "PPT", "ppt", "o'neil", "a\\b", "", "x y", "长" * 700, "队伍"]), max_size=40))
def test_a_literal_holds_each_word_at_the_places_it_stands(tokens: list[str]) -> None:
    words = " ".join(tokens).lower().split(" ")
    expected: dict[str, list[int]] = {}
    for place, word in enumerate(words, start=1):
        if word and len(word.encode("utf-8")) <= 2046:
            expected.setdefault(word, []).append(place)
    assert _lexemes(tsvector_literal(tokens)) == {word: places[:MAX_POSITIONS] for word, places in expected.items()}


@pytest.mark.postgres
def test_the_server_reads_the_literal_as_written(pg_server: PgTestServer) -> None:
    literal = tsvector_literal(["人才", "o'neil", "a\\b", "人才", "队伍建设"])
    with psycopg.connect(pg_server.dsn(database="postgres")) as conn:
        lexemes = conn.execute("SELECT lexeme, positions FROM unnest(CAST(%s AS tsvector))", (literal,)).fetchall()
    assert sorted((row[0], list(row[1])) for row in lexemes) == [
        ("a\\b", [3]), ("o'neil", [2]), ("人才", [1, 4]), ("队伍建设", [5]),
    ]  # fmt: skip


@pytest.mark.postgres
def test_a_batch_is_five_statements_and_keeps_every_row(pg_server: PgTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_up_library(pg_server, "batch_rows", {"clerk_batch": "**区委组织部"})
    library = OfficeLibrary(settings_from_dsn(pg_server.dsn(user="clerk_batch", database="batch_rows")), tmp_path)
    reports = [report_a(), report_b(), report_c()]
    prepared = [_prepare(r, report_text(r).encode("utf-8"), f"{n}.txt", "import") for n, r in enumerate(reports)]
    assert library.index.add_many(prepared[:1]) == 1
    statements: list[str] = []
    original = ServerConnection.execute

    def counted(self: ServerConnection, sql: str, parameters: tuple[object, ...] = ()) -> object:
        statements.append(" ".join(sql.split()[:3]).split("(")[0])
        return original(self, sql, parameters)

    monkeypatch.setattr(ServerConnection, "execute", counted)
    # The first is there already and the last comes twice: two new documents.
    assert library.index.add_many([*prepared, prepared[2]]) == 2
    monkeypatch.undo()
    assert statements == [
        "SELECT paragraph_room", "SELECT ARRAY", "INSERT INTO documents", "INSERT INTO sections", "INSERT INTO paragraphs"
    ], statements
    admin = pg_server.dsn(database="batch_rows")
    with psycopg.connect(admin) as conn:
        per_document = conn.execute(
            "SELECT d.file_name, count(p.id), min(p.id), max(p.id), bool_and(p.owner_unit = '**区委组织部')"
            " FROM baogao.documents d JOIN baogao.paragraphs p ON p.doc_id = d.id GROUP BY d.file_name ORDER BY 1"
        ).fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM baogao.paragraphs p LEFT JOIN baogao.sections s ON s.id = p.section_id"
            " WHERE s.doc_id IS DISTINCT FROM p.doc_id"
        ).fetchone()
    assert [row[0] for row in per_document] == ["0.txt", "1.txt", "2.txt"]
    for (_, count, first, last, own), one in zip(per_document, prepared, strict=True):
        assert count == len(one.units) and last - first == count - 1 and own  # numbered in order, the clerk's unit
    assert orphans == (0,)
    # Found again by search, as the SQLite library finds it.
    assert library.search("人才")
    library.close()


@pytest.mark.postgres
def test_the_newest_matches_are_the_same_by_window_or_by_index(pg_server: PgTestServer, tmp_path: Path) -> None:
    """match_paragraphs (migration 2) walks the newest rows when the planner expects many
    matches, else asks the GIN index (migration 4: among the newest ids first, in growing
    spans; migration 5: those spans as bitmaps): either way the newest ``newest`` matches that the clerk may read and that pass
    the filters, exactly those a plain query finds."""
    admin = set_up_library(pg_server, "window_rows", {"clerk_window": "**区委组织部"})
    library = OfficeLibrary(settings_from_dsn(pg_server.dsn(user="clerk_window", database="window_rows")), tmp_path)
    reports = [report_a(), report_b(), report_c()] * 4
    prepared = []
    for number, report in enumerate(reports):
        report.year = 2020 + number % 3
        prepared.append(_prepare(report, report_text(report).encode("utf-8") + bytes([number]), f"{number}.txt", "import"))
    library.index.add_many(prepared)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("ANALYZE baogao.paragraphs")
        conn.execute("ANALYZE baogao.documents")
        words = [row[0] for row in conn.execute(
            "SELECT word FROM ts_stat('SELECT body FROM baogao.paragraphs') ORDER BY ndoc DESC, word LIMIT 3"
        ).fetchall()] + ["人才"]  # fmt: skip
        server = library.index.server
        for word in words:
            for newest in (1, 3, 10, 1000):
                for year in (None, 2021):
                    query = "'" + word + "'"
                    expected = [row[0] for row in conn.execute(
                        "SELECT p.id FROM baogao.paragraphs p JOIN baogao.documents d ON d.id = p.doc_id"
                        " WHERE p.body @@ CAST(%s AS tsquery) AND (%s::integer IS NULL OR d.year = %s)"
                        " ORDER BY p.id DESC LIMIT %s", (query, year, year, newest),
                    ).fetchall()]  # fmt: skip
                    found = server.run(lambda s, q=query, y=year, n=newest: s.execute(
                        "SELECT id FROM match_paragraphs(CAST(? AS tsquery), false, 0, NULL, ?, NULL, NULL, NULL, ?)",
                        (q, y, n),
                    ).fetchall())  # fmt: skip
                    assert sorted((row[0] for row in found), reverse=True) == expected, (word, newest, year)

        def setting_after_a_search(s: ServerConnection) -> str:
            # Migration 5 turns index scans off for its span loop only: the clerk's transaction gets its setting back.
            with s.transaction():
                s.execute("SELECT id FROM match_paragraphs(CAST(? AS tsquery), false, 0, NULL, NULL, NULL, NULL, NULL, 3)",
                          ("'" + words[-1] + "'",)).fetchall()  # fmt: skip
                return str(s.execute("SELECT current_setting('enable_indexscan')").fetchone()[0])

        assert server.run(setting_after_a_search) == "on"
    library.close()


def _matched(server: ServerConnection, kind: str | None = None, year: int | None = None, unit: str | None = None) -> list[int]:
    rows = server.run(lambda s: s.execute(
        "SELECT id FROM match_paragraphs(CAST(? AS tsquery), false, 0, ?, ?, ?, NULL, NULL, 100)", ("'人才'", kind, year, unit)
    ).fetchall())  # fmt: skip
    return sorted(int(row[0]) for row in rows)


@pytest.mark.postgres
def test_version_3_gives_an_older_librarys_rows_their_filter_terms(pg_server: PgTestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library set up at version 2, with rows, brought to version 3: every paragraph gets its
    document's kind, year and unit as terms (exact tsvector), the filters answer from them, a
    unit's name with a quote and a backslash is no syntax, and a corrected year follows."""
    admin = fresh_database(pg_server, "upgrade_three")
    server = ServerConnection(settings_from_dsn(admin))
    server.connect()
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    migrations.init_server(server)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("SET search_path = baogao")
        for number, kind, year, unit in ((1, "work_report", 2021, "**区委组织部"), (2, "annual_summary", 2022, "某县'人社\\局")):
            conn.execute(
                "INSERT INTO documents (id, sha256, text_sha, file_name, source, kind, year, unit, title, added_at, owner_unit)"
                " VALUES (%s, %s, %s, %s, 'import', %s, %s, %s, '', '2024-01-01', 'x')",
                (number, f"sha{number}", f"text{number}", f"{number}.txt", kind, year, unit),
            )
            conn.execute("INSERT INTO sections (id, doc_id, marker, owner_unit) VALUES (%s, %s, '一、', 'x')", (number, number))
            conn.execute(
                "INSERT INTO paragraphs (id, doc_id, section_id, position, role, text, body, heading, owner_unit)"
                " VALUES (%s, %s, %s, 0, 'body', '人才', '''人才'':1', '', 'x')", (number, number, number),
            )  # fmt: skip
    monkeypatch.undo()
    assert migrations.init_server(server) == [
        "第 3 版：类别、年份、单位作为检索词收入全文索引，筛选时不再读取全部命中",
        "第 4 版：中等常用词按最新段落分段查找，不再读取全部命中",
        "第 5 版：中等常用词分段查找时合并全文索引与编号范围，不再逐段读取",
        "第 6 版：段落按编号分区，各区自有全文索引：查找最新段落只读最新的几个区",
    ]
    with psycopg.connect(admin, autocommit=True) as conn:
        metas = [row[0] for row in conn.execute("SELECT meta::text FROM baogao.paragraphs ORDER BY id").fetchall()]
    assert metas == [
        "'kind work_report' 'role body' 'unit **区委组织部' 'year 2021'",
        "'kind annual_summary' 'role body' 'unit 某县''人社\\\\局' 'year 2022'",
    ]
    assert _matched(server) == [1, 2]
    assert _matched(server, unit="组织部") == [1]
    assert _matched(server, unit="人社\\局") == [2]
    assert _matched(server, unit="县'人") == [2]
    assert _matched(server, unit="县") == [2]
    assert _matched(server, unit="财政局") == []
    assert _matched(server, unit="") == [1, 2]  # an empty filter filters nothing, as locally
    assert _matched(server, kind="annual_summary") == [2]
    assert _matched(server, kind="annual_summary", year=2021) == []
    assert _matched(server, year=2021, unit="区") == [1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("UPDATE baogao.documents SET year = 2023, unit = '**区委宣传部' WHERE id = 1")
    assert _matched(server, year=2021) == []
    assert _matched(server, year=2023, unit="宣传部") == [1]
    assert _matched(server, unit="组织部") == []
    server.close()

def _partitions(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = 'baogao.paragraphs'::regclass"
    ).fetchall()
    return sorted((str(row[0]) for row in rows), key=lambda name: int(name.rsplit("_", 1)[1]))


@pytest.mark.postgres
def test_paragraphs_cross_into_new_partitions_and_are_found_across_them(
    pg_server: PgTestServer, tmp_path: Path
) -> None:
    """Migration 6: partitions are made ahead of the ids the clerks' adds take (a whole spare one
    beyond), several clerks asking at once make each once, and the newest matches are read
    across a partition's edge exactly as a plain query reads them."""
    import threading

    admin = set_up_library(pg_server, "partitions", {"clerk_part": "**区委组织部"})
    size = migrations.PARAGRAPHS_PER_PARTITION
    with psycopg.connect(admin, autocommit=True) as conn:
        assert _partitions(conn) == [
            "paragraphs_part_0",
            "paragraphs_part_1",
        ]  # ids up to one spare partition
        conn.execute("SELECT setval('baogao.paragraphs_id_seq', %s)", (2 * size - 5,))  # 5 ids before part 2
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            with psycopg.connect(
                pg_server.dsn(user="clerk_part", database="partitions"), autocommit=True
            ) as clerk:
                clerk.execute("SELECT baogao.paragraph_room(10)")
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with psycopg.connect(admin, autocommit=True) as conn:
        assert _partitions(conn) == [
            f"paragraphs_part_{n}" for n in range(4)
        ]  # 2·size+5 and a spare: parts 2 and 3
    library = OfficeLibrary(
        settings_from_dsn(pg_server.dsn(user="clerk_part", database="partitions")), tmp_path
    )
    reports = [report_a(), report_b(), report_c()]
    prepared = [
        _prepare(r, report_text(r).encode("utf-8"), f"{n}.txt", "import") for n, r in enumerate(reports)
    ]
    assert library.index.add_many(prepared) == 3
    with psycopg.connect(admin, autocommit=True) as conn:
        spread = conn.execute(
            "SELECT tableoid::regclass::text, count(*) FROM baogao.paragraphs GROUP BY 1 ORDER BY 1"
        ).fetchall()
        assert [name for name, _ in spread] == ["baogao.paragraphs_part_1", "baogao.paragraphs_part_2"]
        assert sum(count for _, count in spread) == sum(len(p.units) for p in prepared)
        conn.execute("ANALYZE baogao.paragraphs")
        for newest in (1, 4, 1000):
            expected = [row[0] for row in conn.execute(
                "SELECT id FROM baogao.paragraphs WHERE body @@ '人才' ORDER BY id DESC LIMIT %s", (newest,)
            ).fetchall()]  # fmt: skip
            found = library.index.server.run(lambda s, n=newest: s.execute(
                "SELECT id FROM match_paragraphs('人才', false, 0, NULL, NULL, NULL, NULL, NULL, ?)", (n,)
            ).fetchall())  # fmt: skip
            assert sorted((row[0] for row in found), reverse=True) == expected and expected
    assert {hit.file_name for hit in library.search("人才")} >= {"0.txt"}
    library.close()
