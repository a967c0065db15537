"""The office library when the server goes away and comes back, and with several clerks at once."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psycopg
import pytest

from core.draft.model import Report
from core.library import LibraryError
from core.library import office as library_office
from core.library.office import OfficeLibrary
from core.library.postgres import settings_from_dsn
from core.text import language
from core.text.plaintext import report_text
from tests.core.library_corpus import RIVER_PARAGRAPH, report_a, report_c
from tests.core.office_workers import clerk_adds_and_searches
from tests.pg_server import PgTestServer, set_up_library

pytestmark = pytest.mark.postgres


def _add(library: OfficeLibrary, report: Report, name: str, original: bytes | None = None) -> bool:
    data = original if original is not None else report_text(report).encode("utf-8")
    return library.add_report(report, original=data, file_name=name).added


def test_offline_search_queue_and_send_later_without_duplicates(
    pg_server: PgTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    language.ensure_loaded()
    monkeypatch.setattr(library_office, "RETRY_S", 0.0)  # try the server again at every call
    admin = set_up_library(pg_server, "offline", {"clerk_off": "**区委组织部"})
    settings = settings_from_dsn(pg_server.dsn(user="clerk_off", database="offline"))
    library = OfficeLibrary(settings, tmp_path / "cache")
    assert library.online and library.take_notice() is None
    _add(library, report_a(), "a.txt")
    pg_server.stop()
    try:
        # The search is answered from the local copy, and the clerk is told once.
        assert [h.file_name for h in library.search("人才驿站")] == ["a.txt"]
        assert not library.online
        notice = library.take_notice()
        assert notice == (
            f"办公室资料库服务器（{settings.host}）连不上，现在检索本机保存的副本；新收入的文档先存在本机，连上后自动送上去。"
        )
        assert library.search("河长制") and library.take_notice() is None
        # Adding is queued; the same text in another file is queued too, and sent once.
        assert _add(library, report_c(), "c.txt")
        assert _add(library, report_c(), "c-copy.txt", original=report_text(report_c()).encode("utf-8") + b"\n\n")
        assert library.queued() == 2
        assert {h.file_name for h in library.search("河长制")} >= {"c.txt"}
        with pytest.raises(LibraryError, match="不能删除文档"):
            library.remove(library.documents()[0].id)
        # Opening while the server is down: offline at once, with the same copy.
        with OfficeLibrary(settings, tmp_path / "cache") as second:
            assert not second.online and "本机保存的副本" in (second.take_notice() or "")
            assert {h.file_name for h in second.search("人才驿站")} == {"a.txt"}
    finally:
        pg_server.start()
    hits = library.search("河长制")  # the next call finds the server again and sends the queue
    assert library.online
    assert library.take_notice() == "已连上办公室资料库服务器，离线时收入的 1 份文档已送上服务器。"
    assert library.queued() == 0
    assert hits[0].text == RIVER_PARAGRAPH
    with psycopg.connect(admin) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT file_name FROM baogao.documents")) == ["a.txt", "c.txt"]
    assert library.send_queued() == 0
    library.close()


def test_concurrent_clerks_in_several_processes_lose_nothing(pg_server: PgTestServer, tmp_path: Path) -> None:
    clerks, each = 4, 5
    admin = set_up_library(pg_server, "busy", {f"clerk_{n}": "**区委组织部" for n in range(clerks)})
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(clerks)
        with ProcessPoolExecutor(max_workers=clerks, mp_context=context) as pool:
            futures = [
                pool.submit(
                    clerk_adds_and_searches,
                    pg_server.dsn(user=f"clerk_{n}", database="busy"), str(tmp_path / f"cache{n}"), n, each, clerks, barrier,
                )
                for n in range(clerks)
            ]
            seen = [future.result(timeout=300) for future in futures]
    # Every clerk found every clerk's reports (each report's phrase is in its title paragraph
    # and its body: two hits per report).
    assert seen == [[2 * each] * clerks] * clerks
    with psycopg.connect(admin) as conn:
        assert conn.execute("SELECT count(*) FROM baogao.documents").fetchone() == (clerks * each + 1,)
        assert conn.execute("SELECT count(DISTINCT text_sha) FROM baogao.documents").fetchone() == (clerks * each + 1,)
        log = conn.execute("SELECT who, count(*) FROM baogao.library_log GROUP BY who ORDER BY who").fetchall()
    assert sum(count for _, count in log) == clerks * each + 1
    assert all(who.startswith("clerk_") for who, _ in log)




def test_a_local_library_goes_up_and_comes_back_down_with_progress(
    pg_server: PgTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main as cli_main
    from core.library import Library

    set_up_library(pg_server, "moving", {"clerk_move": "**区委组织部", "clerk_back": "**县委宣传部"})
    up = pg_server.dsn(user="clerk_move", database="moving")
    with Library() as local:  # the clerk's own library (per-user data folder)
        _add(local, report_a(), "a.txt")
        _add(local, report_c(), "c.txt")
        local.update_metadata([local.documents()[0].id], {"title": "改过的标题"})
    steps: list[tuple[int, int]] = []
    with OfficeLibrary(settings_from_dsn(up), tmp_path / "up") as office, Library() as local:
        assert office.upload(local, lambda done, total: steps.append((done, total))) == (2, 0)
        assert steps == [(0, 2), (1, 2), (2, 2)]
        assert office.upload(local) == (0, 2)  # again: nothing twice
        assert "改过的标题" in {d.title for d in office.documents()}  # corrections travel with it
    # Another unit's clerk downloads what is shared into an empty library of their own.
    monkeypatch.setenv("BAOGAO_HOME", str(tmp_path / "other_home"))
    down = pg_server.dsn(user="clerk_back", database="moving")
    assert cli_main(["library", "download", "--dsn", down]) == 0
    assert capsys.readouterr().out == "已下载 2 份文档到本机资料库。\n"
    with Library() as theirs:
        assert sorted(d.file_name for d in theirs.documents()) == ["a.txt", "c.txt"]
        assert theirs.search("河长制")[0].text == RIVER_PARAGRAPH
        assert "改过的标题" in {d.title for d in theirs.documents()}
    assert cli_main(["library", "download", "--dsn", down]) == 0
    assert capsys.readouterr().out == "已下载 0 份文档到本机资料库。\n"
