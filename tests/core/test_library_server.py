"""The office's library server: set-up from the command line (idempotent), the command line
speaking to it as to the local library, passwords from ~/.pgpass, and who sees what
(row-level security per unit, checked with plain SQL as a clerk's own client would)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from cli.main import main as cli_main
from core.library import Library, LibraryError
from core.library.office import OfficeLibrary
from core.library.postgres import settings_from_dsn
from core.text.plaintext import report_text
from tests.core.library_corpus import RIVER_PARAGRAPH, TALENT_PARAGRAPH, report_a, report_c
from tests.pg_server import PgTestServer, fresh_database, set_up_library

pytestmark = pytest.mark.postgres

UNIT_A, UNIT_B = "**区委组织部", "**县委宣传部"


def _count(dsn: str, sql: str) -> int:
    with psycopg.connect(dsn) as conn:
        return int(conn.execute(sql).fetchone()[0])  # type: ignore[index]


def test_server_init_is_idempotent(pg_server: PgTestServer, capsys: pytest.CaptureFixture[str]) -> None:
    admin = fresh_database(pg_server, "init_twice")
    assert cli_main(["library", "server", "init", "--dsn", admin]) == 0
    first = capsys.readouterr().out
    assert all(f"第 {n} 版" in first for n in (2, 3, 4, 5)) and "已完成：第 1 版" in first
    assert cli_main(["library", "server", "init", "--dsn", admin]) == 0
    assert capsys.readouterr().out == "资料库已是最新（第 6 版），未作改动。\n"
    assert _count(admin, "SELECT count(*) FROM baogao.schema_migrations") == 6
    # Four tables, four policies each (read, add, correct, remove), and the log's own; paragraphs
    # is partitioned (relkind p), its partitions are reached only through it.
    assert _count(admin, "SELECT count(*) FROM pg_policies WHERE schemaname = 'baogao'") == 17
    assert _count(admin, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                         " WHERE n.nspname = 'baogao' AND c.relkind IN ('r', 'p') AND c.relrowsecurity") == 5
    assert _count(admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'baogao_clerk'") == 1


def test_the_command_line_adds_and_searches_on_the_server(
    pg_server: PgTestServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = fresh_database(pg_server, "cli_library")
    assert cli_main(["library", "server", "init", "--dsn", admin]) == 0
    assert cli_main(["library", "server", "member", "--dsn", admin, "clerk_cli", UNIT_A]) == 0
    capsys.readouterr()
    clerk = pg_server.dsn(user="clerk_cli", database="cli_library")
    files = []
    for name, report in (("总结.txt", report_a()), ("汇报.txt", report_c())):
        path = tmp_path / name
        path.write_text(report_text(report), encoding="utf-8")
        files.append(str(path))
    assert cli_main(["library", "add", "--dsn", clerk, *files]) == 0
    added = capsys.readouterr().out.splitlines()
    assert [line.split("：")[0] for line in added] == ["已收入", "已收入"]
    assert cli_main(["library", "add", "--dsn", clerk, files[0]]) == 0
    assert capsys.readouterr().out.startswith("资料库中已有：总结.txt")
    assert cli_main(["library", "search", "--dsn", clerk, "河长制"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2  # one hit a line
    assert lines[0].split("\t")[3] == RIVER_PARAGRAPH.replace("河长制", "【河长制】")
    assert cli_main(["library", "search", "--dsn", clerk, "人才", "驿站"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split("\t")[2] == "一、上半年工作开展情况 / （二）加强人才队伍建设"
    assert cli_main(["library", "list", "--dsn", clerk]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_password_comes_from_pgpass_and_never_from_the_dsn(
    pg_server: PgTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = set_up_library(pg_server, "pgpass_library", {"clerk_pw": UNIT_A})
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("ALTER ROLE clerk_pw PASSWORD 'only-in-pgpass'")
    settings = settings_from_dsn(pg_server.tcp_dsn("clerk_pw", "pgpass_library"))  # TCP: a password is needed
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nothing"))
    with pytest.raises(LibraryError, match=r"拒绝连接.*~/\.pgpass"):  # refused, not offline
        OfficeLibrary(settings, tmp_path / "cache")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:pgpass_library:clerk_pw:only-in-pgpass\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with OfficeLibrary(settings, tmp_path / "cache") as library:
        assert library.documents() == []
    with pytest.raises(LibraryError, match="请不要把密码写在服务器地址里"):
        settings_from_dsn("postgresql://clerk_pw:only-in-pgpass@127.0.0.1/pgpass_library")


def _add(library: Library, report_maker, name: str, *, shared: bool) -> int:  # type: ignore[no-untyped-def]
    report = report_maker()
    return library.add_report(
        report, original=report_text(report).encode("utf-8"), file_name=name, shared=shared
    ).document.id


def test_another_units_private_rows_cannot_be_read_even_with_plain_sql(pg_server: PgTestServer, tmp_path: Path) -> None:
    admin = set_up_library(pg_server, "two_units", {"alice": UNIT_A, "bob": UNIT_B})
    alice_dsn = pg_server.dsn(user="alice", database="two_units")
    bob_dsn = pg_server.dsn(user="bob", database="two_units")
    with OfficeLibrary(settings_from_dsn(alice_dsn), tmp_path / "a") as alice:
        private = _add(alice, report_a, "私有.txt", shared=False)
        shared = _add(alice, report_c, "共享.txt", shared=True)
        assert {h.file_name for h in alice.search("河长制")} == {"私有.txt", "共享.txt"}
    # Bob's own SQL client: every table shows the shared document's rows and nothing of the private one.
    with psycopg.connect(bob_dsn) as conn:
        assert conn.execute("SELECT id FROM baogao.documents").fetchall() == [(shared,)]
        for table in ("paragraphs", "sections"):
            assert conn.execute(f"SELECT DISTINCT doc_id FROM baogao.{table}").fetchall() == [(shared,)]
            assert conn.execute(f"SELECT count(*) FROM baogao.{table} WHERE doc_id = %s", (private,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM baogao.kept_files").fetchone() == (1,)
        # The search functions (which use the index as the tables' owner) keep to the same rule.
        talent = "'人才驿站'"
        assert conn.execute("SELECT baogao.count_matching(%s)", (talent,)).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM baogao.match_paragraphs(%s, false, 0, NULL, NULL, NULL, NULL, NULL, 1000)", (talent,)
        ).fetchone() == (0,)
        assert conn.execute("SELECT baogao.count_matching(%s)", ("'河长制'",)).fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM baogao.paragraphs WHERE text LIKE %s", (f"%{TALENT_PARAGRAPH[:10]}%",)).fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the log is the administrator's
            conn.execute("SELECT count(*) FROM baogao.library_log")
        conn.rollback()
        # Nor around the policies by a partition of paragraphs (migration 6): they grant nothing.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM baogao.paragraphs_part_0")
        conn.rollback()
        # Nor can Bob file rows under Alice's unit, or remove her shared document.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO baogao.documents (sha256, text_sha, file_name, source, kind, unit, title, added_at,"
                         " owner_unit) VALUES ('x', 'x', 'x', 'import', 'k', '', '', '', %s)", (UNIT_A,))
        conn.rollback()
        assert conn.execute("DELETE FROM baogao.documents WHERE id = %s", (shared,)).rowcount == 0
    with OfficeLibrary(settings_from_dsn(bob_dsn), tmp_path / "b") as bob:
        assert {h.file_name for h in bob.search("河长制")} == {"共享.txt"}
        assert [d.id for d in bob.documents()] == [shared]
        assert bob.search("人才驿站") == []
        with pytest.raises(LibraryError, match="只有该单位能删除"):
            bob.remove(shared)
    with OfficeLibrary(settings_from_dsn(alice_dsn), tmp_path / "a") as alice:
        assert alice.remove(private)
    with psycopg.connect(admin) as conn:
        log = conn.execute("SELECT who, action, file_name FROM baogao.library_log ORDER BY id").fetchall()
        assert log == [("alice", "add", "私有.txt"), ("alice", "add", "共享.txt"), ("alice", "remove", "私有.txt")]
        stamps = conn.execute("SELECT count(*) FROM baogao.library_log WHERE at > now() - interval '1 hour'").fetchone()
        assert stamps == (3,)
