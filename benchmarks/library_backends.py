"""The office server's library beside the local one, in the same run (bench_library.py --backend postgres).

A throw-away PostgreSQL server is started in a temporary folder (initdb + pg_ctl, as the tests
do: tests/pg_server.py). The same generated reports go into an SQLite library and into the
server, batch by batch, the two alternating, so the machine's load falls on both alike:

- indexing: MB of report text stored per second, server vs SQLite (target: server >= 0.8x);
- size: the server's tables and indexes (pg_total_relation_size) and the SQLite file against
  the text they index;
- concurrent clients: N processes (default 20), each its own connection, searching the
  bench queries and adding a report every few searches, at once; search latency p95 over all
  of them (target < 100 ms on the server), and a count that every add arrived. The SQLite
  library faces the same clients (each process opening the file) in the same run; the two
  phases alternate run by run and the medians are printed.

The server runs as an office would run it (OFFICE_SERVER: fsync and synchronous commit on,
Debian's 128 MB of shared buffers), not as the tests' throw-away server.

The issue's scale is 100,000 reports and 20 clients. Cutting 100,000 reports into words takes
hours on a 2-core machine, so only ``--distinct`` of them (default 2,000) are generated and cut;
they are the ones the indexing figures are measured on. The rest of the library is filled, in
both backends alike and untimed, with copies of those prepared reports under new digests, file
names and years (the same paragraphs and words: the text blocks are reused), so that searching
and the concurrent clients meet a library of the full size. The figures say which sizes they
were measured at.
"""

from __future__ import annotations

import itertools
import multiprocessing
import random
import shutil
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The server as an office runs it (Debian's defaults; more connections for the 20 clients).
OFFICE_SERVER = "-c max_connections=60 -c shared_buffers=128MB -c fsync=on -c synchronous_commit=on"
TARGET_P95_MS = 100.0
TARGET_INDEXING_RATIO = 0.8
ADD_EVERY = 5  # a client adds a report after every this many searches


def _open(backend: str, where: str, cache: str) -> Any:
    if backend == "sqlite":
        from core.library import Library

        return Library(where)
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn

    return OfficeLibrary(settings_from_dsn(where), Path(cache))


def client(
    backend: str, where: str, cache: str, queries: list[tuple[str, dict[str, object]]], rounds: int,
    extra: list[tuple[Any, bytes, str]], barrier: Any,
) -> tuple[list[float], int]:
    """One clerk: search every query ``rounds`` times (shuffled), adding one of ``extra`` after
    every :data:`ADD_EVERY` searches. Returns (search latencies in ms, reports added)."""
    from core.text import language

    language.ensure_loaded()
    library = _open(backend, where, cache)
    order = [q for _ in range(rounds) for q in queries]
    random.Random(len(cache)).shuffle(order)
    latencies: list[float] = []
    added = 0
    barrier.wait(timeout=600)
    try:
        for done, (query, filters) in enumerate(order, start=1):
            start = time.perf_counter()
            library.search(query, limit=20, **filters)
            latencies.append((time.perf_counter() - start) * 1000)
            if done % ADD_EVERY == 0 and added < len(extra):
                report, original, name = extra[added]
                library.add_report(report, original=original, file_name=name)
                added += 1
    finally:
        library.close()
    return latencies, added


def _concurrent(
    backend: str, wheres: list[str], folder: Path, rounds: int, queries: list[tuple[str, dict[str, object]]],
    extras: list[list[tuple[Any, bytes, str]]],
) -> tuple[float, float, int]:
    """(median ms, p95 ms, reports added) with one process per entry of ``wheres`` (the SQLite
    folder, or each client's own DSN), all at once."""
    context = multiprocessing.get_context("spawn")
    folder.mkdir(parents=True, exist_ok=True)
    with context.Manager() as manager:
        barrier = manager.Barrier(len(wheres))
        with ProcessPoolExecutor(max_workers=len(wheres), mp_context=context) as pool:
            futures = [
                pool.submit(client, backend, where, str(folder / f"client{n}"), queries, rounds, extras[n], barrier)
                for n, where in enumerate(wheres)
            ]
            results = [future.result() for future in futures]
    latencies = sorted(ms for found, _ in results for ms in found)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    return statistics.median(latencies), p95, sum(added for _, added in results)


def _server_size(admin_dsn: str) -> tuple[int, int]:
    """(rows and full-text indexes, kept originals and records): tables with their indexes and TOAST."""
    import psycopg

    with psycopg.connect(admin_dsn) as conn:
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'baogao' AND c.relkind = 'r'"
        ).fetchall()
    kept = sum(int(size) for name, size in rows if name == "kept_files")
    return sum(int(size) for _, size in rows) - kept, kept


def copies(prepared: list[Any], count: int, first: int) -> Any:
    """``count`` documents made of the prepared ones in turn, each under its own digest, file
    name and year (the paragraphs and their words reused)."""
    import dataclasses
    import hashlib

    for number in range(first, first + count):
        one = prepared[number % len(prepared)]
        record = {**one.record, "file_name": f"f{number:06d}.txt", "year": 2013 + number % 12}
        yield dataclasses.replace(
            one, sha256=hashlib.sha256(f"{one.sha256}/{number}".encode()).hexdigest(), record=record,
            text=f"{one.text}\n{number}",
        )


def fill(local: Any, office: Any, prepared: list[Any], count: int, first: int, batch: int = 200) -> float:
    """Both libraries grow by ``count`` copies (untimed for the indexing figures); seconds spent."""
    start = time.perf_counter()
    made = copies(prepared, count, first)
    while chunk := list(itertools.islice(made, batch)):
        local.index.add_many(chunk)
        office.index.add_many(chunk)
    return time.perf_counter() - start


def run(
    count: int, clients: int, rounds: int, runs: int, folder: Path, queries: list[tuple[str, dict[str, object]]],
    distinct: int = 2000,
) -> None:
    from benchmarks.bench_library import database_size
    from core.library import Library
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn
    from core.library.records import _prepare
    from core.text import language
    from core.text.plaintext import report_text
    from tests.core.library_corpus import sized_reports
    from tests.pg_server import running_server, set_up_library

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    adds_per_client = (len(queries) * rounds) // ADD_EVERY
    spare = clients * adds_per_client * runs * 2
    cut = min(count, distinct)
    reports = sized_reports(cut + spare)
    texts = [report_text(r).encode("utf-8") for r in reports]
    stored, extra_pool = list(range(cut)), list(range(cut, cut + spare))
    total_bytes = sum(len(texts[i]) for i in stored)
    print(f"backends: {count:,} reports in each, {cut:,} of them cut into words ({total_bytes / 1e6:.1f} MB of text)"
          f"{f', the other {count - cut:,} copies of those' if count > cut else ''}; "
          f"{clients} concurrent clients, {rounds} rounds of {len(queries)} queries each, "
          f"an add every {ADD_EVERY} searches; {runs} run(s) of each phase, alternating")  # fmt: skip
    language.ensure_loaded()
    with running_server(OFFICE_SERVER) as server:
        admin = set_up_library(server, "bench", {f"clerk{n}": "**区委组织部" for n in range(clients)} | {"loader": "**区委组织部"})
        dsn = server.dsn(user="loader", database="bench")
        local = Library(folder / "sqlite")
        office = OfficeLibrary(settings_from_dsn(dsn), folder / "loader-cache")
        seconds = {"sqlite": 0.0, "postgres": 0.0}
        batch = 25
        for number, first in enumerate(range(0, count, batch)):
            items = [(reports[i], texts[i], f"r{i:06d}.txt") for i in stored[first : first + batch]]
            # Alternate which goes first; the server side is timed without its local copy
            # (the loader's cache is the client's, not the server's work).
            order = [("sqlite", local), ("postgres", office)]
            for name, library in order if number % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                if name == "postgres":
                    # As Library.add_reports does, on the server's own parts: cut, keep, one
                    # transaction (the loader's local copy is the client's business, not timed).
                    prepared = [_prepare(report, original, file_name, "import") for report, original, file_name in items]
                    for one, (_, original, _) in zip(prepared, items, strict=True):
                        library.files.keep(one, original)
                    library.index.add_many(prepared)
                else:
                    library.add_reports(items)
                seconds[name] += time.perf_counter() - start
        prepared_copies = [] if count <= cut else [
            _prepare(reports[i], texts[i], f"r{i:06d}.txt", "import") for i in stored[: min(cut, 500)]
        ]
        if count > cut:
            spent = fill(local, office, prepared_copies, count - cut, cut)
            print(f"filled both to {count:,} reports with copies in {spent:.0f} s (untimed for indexing)")
        local.close()
        office.close()
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # as autovacuum would have by then: the planner's statistics
        rates = {name: total_bytes / s for name, s in seconds.items()}
        ratio = rates["postgres"] / rates["sqlite"]
        verdict = "meets" if ratio >= TARGET_INDEXING_RATIO else "MISSES"
        print(f"indexing (same reports, batches alternating): SQLite {rates['sqlite'] / 1e6:.2f} MB/s, "
              f"server {rates['postgres'] / 1e6:.2f} MB/s -> {ratio:.2f}x ({verdict} the {TARGET_INDEXING_RATIO}x target)")  # fmt: skip
        sqlite_size, (server_size, server_kept) = database_size(folder / "sqlite"), _server_size(admin)
        total_bytes = total_bytes * count / cut  # the size figures are of the whole library
        kept_files = sum(p.stat().st_size for p in (folder / "sqlite" / "library_files").iterdir())
        print(f"size against the text: SQLite database {sqlite_size / 1e6:.1f} MB = {sqlite_size / total_bytes:.2f}x; "
              f"server rows and full-text indexes {server_size / 1e6:.1f} MB = {server_size / total_bytes:.2f}x")  # fmt: skip
        print(f"  originals and records: server table kept_files {server_kept / 1e6:.1f} MB, "
              f"SQLite's files beside it {kept_files / 1e6:.1f} MB")  # fmt: skip

        phases: dict[str, list[tuple[float, float, int]]] = {"sqlite": [], "postgres": []}
        cursor = 0
        for run_number in range(runs):
            for name in (("sqlite", "postgres") if run_number % 2 == 0 else ("postgres", "sqlite")):
                extras = []
                for _ in range(clients):
                    chosen = extra_pool[cursor : cursor + adds_per_client]
                    cursor += adds_per_client
                    extras.append([(reports[i], texts[i], f"x{i:06d}.txt") for i in chosen])
                # Each client its own connection: the SQLite file, or its own clerk's account.
                wheres = (
                    [str(folder / "sqlite")] * clients if name == "sqlite"
                    else [server.dsn(user=f"clerk{n}", database="bench") for n in range(clients)]
                )
                before = _documents(name, folder, server)
                phases[name].append(_concurrent(name, wheres, folder / f"{name}-run{run_number}", rounds, queries, extras))
                arrived = _documents(name, folder, server) - before
                expected = phases[name][-1][2]
                print(f"  run {run_number + 1}, {name}: median {phases[name][-1][0]:.1f} ms, p95 {phases[name][-1][1]:.1f} ms, "
                      f"{expected} adds sent, {arrived} arrived{'' if arrived == expected else '  LOST SOME'}")  # fmt: skip
        table = {}
        for name in ("sqlite", "postgres"):
            p95 = statistics.median(p for _, p, _ in phases[name])
            mid = statistics.median(m for m, _, _ in phases[name])
            table[name] = (mid, p95)
            target = f" ({'meets' if p95 < TARGET_P95_MS else 'MISSES'} the {TARGET_P95_MS:.0f} ms target)" if name == "postgres" else ""
            print(f"{clients} concurrent clients, {name:8}: search median {mid:.1f} ms, p95 {p95:.1f} ms{target}")
        print(f"\n| {count:,} reports, {clients} clients | server (PostgreSQL) | SQLite (same run) | server / SQLite | target |")
        print("|---|---|---|---|---|")
        print(f"| indexing, MB text/s ({cut:,} reports cut) | {rates['postgres'] / 1e6:.2f} | {rates['sqlite'] / 1e6:.2f} "
              f"| {ratio:.2f}× | ≥ 0.8× |")
        print(f"| search median, ms | {table['postgres'][0]:.1f} | {table['sqlite'][0]:.1f} "
              f"| {table['postgres'][0] / table['sqlite'][0]:.2f}× | |")
        print(f"| search p95, ms | {table['postgres'][1]:.1f} | {table['sqlite'][1]:.1f} "
              f"| {table['postgres'][1] / table['sqlite'][1]:.2f}× | server < 100 ms |")
        print(f"| database / text | {server_size / total_bytes:.2f}× | {sqlite_size / total_bytes:.2f}× | | |")


def _documents(name: str, folder: Path, server: Any) -> int:
    import psycopg

    if name == "sqlite":
        import sqlite3

        conn = sqlite3.connect(folder / "sqlite" / "library.sqlite3")
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    with psycopg.connect(server.dsn(database="bench")) as conn:
        return int(conn.execute("SELECT count(*) FROM baogao.documents").fetchone()[0])  # type: ignore[index]
