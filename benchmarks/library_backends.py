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
  Each phase is run twice: at a clerk's pace (a pause after every search, random, THINK_SECONDS
  on average: typing the next words and reading the hits take a person longer than that), which
  is what the target is about, and back to back (no pause: 20 clients asking as fast as the
  machine answers), a stress figure that says how the queue grows when the cores run out.

The server runs as an office would run it (OFFICE_SERVER: fsync and synchronous commit on,
Debian's 128 MB of shared buffers), not as the tests' throw-away server.

Besides the wall time of each search, each client measures the CPU its searches cost: its own
(time.process_time) and, on the server, that of the server process serving its connection
(/proc/PID/stat of pg_backend_pid(): the throw-away server runs on this machine). With 20
clients and the server on 2 shared cores the wall time is mostly waiting for a core; the CPU
figures say what a search costs, and the 1-minute load average is printed beside them. One
client searching alone, both backends alternating, gives the latency without that queue.

The issue's scale is 100,000 reports and 20 clients. Cutting 100,000 reports into words takes
hours on a 2-core machine, so only ``--distinct`` of them (default 2,000) are generated and cut;
they are the ones the indexing figures are measured on. The rest of the library is filled, in
both backends alike and untimed, with copies of the first :data:`SOURCES` reports under new
ids, digests, file names and years, row for row by INSERT … SELECT inside each database (the
same paragraphs, tokens and tsvectors; the FTS5 rows written from the tokens as the library
writes them; each copy's year in its filter terms), so that searching and the concurrent
clients meet a library of the full size. The figures say which sizes they were measured at.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
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
THINK_SECONDS = 2.0  # mean pause after a search at a clerk's pace (exponential, seeded per client)
PACES = (("clerk's pace", THINK_SECONDS), ("back to back", 0.0))
SOURCES = 500  # the first reports, copied to fill the library up to its size


def _open(backend: str, where: str, cache: str) -> Any:
    if backend == "sqlite":
        from core.library import Library

        return Library(where)
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn

    return OfficeLibrary(settings_from_dsn(where), Path(cache))


def _backend_cpu(library: Any) -> Callable[[], float]:
    """Seconds of CPU the server process serving this client has used so far (its row in
    /proc: the throw-away server runs on this machine). Read around each search, so the
    server's own work is told apart from the time a search waits for a core: with 20 clients
    on 2 cores, queueing is most of the wall time. Zero for SQLite (its work is the client's)."""
    if not hasattr(library.index, "server"):
        return lambda: 0.0
    pid = library.index.server.run(lambda s: int(s.execute("SELECT pg_backend_pid()").fetchone()[0]))
    ticks = os.sysconf("SC_CLK_TCK")

    def used() -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the connection was made again under another process
            return 0.0
        return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime

    return used


def client(
    backend: str, where: str, cache: str, queries: list[tuple[str, dict[str, object]]], rounds: int,
    extra: list[tuple[Any, bytes, str]], barrier: Any, think: float = 0.0,
) -> tuple[list[float], int, float, float, int]:
    """One clerk: search every query ``rounds`` times (shuffled), adding one of ``extra`` after
    every :data:`ADD_EVERY` searches, pausing ``think`` seconds on average after each search
    (0: none). Returns (search latencies in ms, reports added, client CPU seconds spent
    searching, server CPU seconds spent on those searches, adds refused)."""
    from core.library.records import LibraryError
    from core.text import language

    language.ensure_loaded()
    library = _open(backend, where, cache)
    server_cpu = _backend_cpu(library)
    refused = 0
    order = [q for _ in range(rounds) for q in queries]
    # Seeded by the client's own folder: each clerk asks in an order and pauses for times of
    # their own (seeded by the folder name's length, half of the clients asked the same words
    # at the same instant, in bursts no office sees).
    chance = random.Random(cache)
    chance.shuffle(order)
    latencies: list[float] = []
    added = 0
    client_seconds = server_seconds = 0.0
    barrier.wait(timeout=600)
    if think:  # clerks are not in step: each starts at a moment of its own, as between searches
        time.sleep(chance.uniform(0, 2 * think))
    try:
        for done, (query, filters) in enumerate(order, start=1):
            server_before, cpu_before = server_cpu(), time.process_time()
            start = time.perf_counter()
            library.search(query, limit=20, **filters)
            latencies.append((time.perf_counter() - start) * 1000)
            client_seconds += time.process_time() - cpu_before
            server_seconds += max(0.0, server_cpu() - server_before)
            if done % ADD_EVERY == 0 and added + refused < len(extra):
                report, original, name = extra[added + refused]
                try:
                    library.add_report(report, original=original, file_name=name)
                    added += 1
                except LibraryError:  # e.g. SQLite's "database is locked" past its busy timeout: counted
                    refused += 1
            if think:
                time.sleep(chance.expovariate(1 / think))
    finally:
        library.close()
    return latencies, added, client_seconds, server_seconds, refused


@dataclass
class Phase:
    """One concurrent phase: every search's wall time, and CPU per search on either side."""

    median_ms: float
    p95_ms: float
    added: int
    client_cpu_ms: float  # mean CPU per search in the client process (SQLite: all of its work)
    server_cpu_ms: float  # mean CPU per search in the server process (0 for SQLite)
    load: tuple[float, float]  # 1-minute load average at the start and the end
    refused: int  # adds that failed with the library's error (reported, not retried)


def _concurrent(
    backend: str, wheres: list[str], folder: Path, rounds: int, queries: list[tuple[str, dict[str, object]]],
    extras: list[list[tuple[Any, bytes, str]]], think: float,
) -> Phase:
    """One process per entry of ``wheres`` (the SQLite folder, or each client's own DSN), all at once."""
    context = multiprocessing.get_context("spawn")
    folder.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    with context.Manager() as manager:
        barrier = manager.Barrier(len(wheres))
        with ProcessPoolExecutor(max_workers=len(wheres), mp_context=context) as pool:
            futures = [
                pool.submit(client, backend, where, str(folder / f"client{n}"), queries, rounds, extras[n], barrier, think)
                for n, where in enumerate(wheres)
            ]
            results = [future.result() for future in futures]
    latencies = sorted(ms for found, *_ in results for ms in found)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    searches = len(latencies)
    return Phase(
        statistics.median(latencies), p95, sum(r[1] for r in results),
        1000 * sum(r[2] for r in results) / searches, 1000 * sum(r[3] for r in results) / searches,
        (load_before, os.getloadavg()[0]),
        sum(r[4] for r in results),
    )


def alone(library: Any, queries: list[tuple[str, dict[str, object]]], rounds: int) -> tuple[float, float]:
    """(median ms, p95 ms) of one client searching alone, nothing else running: the latency
    without the queue for the cores."""
    for query, filters in queries:  # warm, as a running app is
        library.search(query, limit=20, **filters)
    times = []
    for _ in range(rounds):
        for query, filters in queries:
            start = time.perf_counter()
            library.search(query, limit=20, **filters)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


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


def _sha_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _copied_sha(column: str, new_id: str) -> str:
    """A copy's digest: sha256 of the source's digest, "/", the copy's id (the same in both backends)."""
    return f"{column} || '/' || ({new_id})"


def fill_server(admin_dsn: str, sources: int, count: int) -> None:
    """The server's library grows by ``count`` copies of its documents 1..``sources`` (their
    sections, paragraphs and tsvectors copied row for row by INSERT … SELECT, under new ids,
    digests, file names and years 2013–2024), one transaction per ``sources`` copies."""
    import psycopg

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute("SET search_path = baogao")
        first_section, first_paragraph = conn.execute(
            "SELECT (SELECT min(id) FROM sections WHERE doc_id <= %s), (SELECT min(id) FROM paragraphs WHERE doc_id <= %s)",
            (sources, sources),
        ).fetchone()  # type: ignore[misc]
        made = 0
        while made < count:
            take = min(sources, count - made)
            # The copies' ids come from max(id), not the sequence: partitions for them first (migration 6).
            conn.execute("SELECT setval('paragraphs_id_seq', (SELECT max(id) FROM paragraphs))")
            conn.execute("SELECT paragraph_room((SELECT count(*) FROM paragraphs WHERE doc_id <= %s))", (take,))
            with conn.transaction():
                doc_off, section_off, paragraph_off = conn.execute(
                    "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM sections) - %s + 1,"
                    " (SELECT max(id) FROM paragraphs) - %s + 1",
                    (first_section, first_paragraph),
                ).fetchone()  # type: ignore[misc]
                new_id = f"id + {doc_off}"
                conn.execute(
                    "INSERT INTO documents (id, sha256, text_sha, file_name, source, kind, year, unit, title, added_at,"
                    " owner_unit, owner_section, shared, added_by)"
                    f" SELECT {new_id}, encode(sha256(convert_to({_copied_sha('sha256', new_id)}, 'UTF8')), 'hex'),"
                    f" encode(sha256(convert_to({_copied_sha('text_sha', new_id)}, 'UTF8')), 'hex'),"
                    f" 'c' || ({new_id}) || '.txt', source, kind, 2013 + ({new_id}) % 12, unit, title, added_at,"
                    f" owner_unit, owner_section, shared, added_by FROM documents WHERE id <= {take}"
                )
                conn.execute(
                    "INSERT INTO sections (id, doc_id, parent_id, marker, heading, owner_unit, shared)"
                    f" SELECT id + {section_off}, doc_id + {doc_off}, parent_id + {section_off}, marker, heading,"
                    f" owner_unit, shared FROM sections WHERE doc_id <= {take}"
                )
                conn.execute(
                    "INSERT INTO paragraphs (id, doc_id, section_id, position, role, text, body, heading, meta,"
                    " owner_unit, shared)"
                    f" SELECT p.id + {paragraph_off}, p.doc_id + {doc_off}, p.section_id + {section_off}, p.position,"
                    f" p.role, p.text, p.body, p.heading, paragraph_meta(d.kind, d.year, d.unit, p.role), p.owner_unit,"
                    f" p.shared FROM paragraphs p JOIN documents d ON d.id = p.doc_id + {doc_off}"
                    f" WHERE p.doc_id <= {take}"
                )
            made += take
        for table in ("documents", "sections", "paragraphs"):
            conn.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")


def fill_sqlite(database: Path, sources: list[Any], count: int) -> None:
    """The same for the SQLite library: rows copied by INSERT … SELECT, the FTS5 rows written
    from the source paragraphs' tokens (``sources``: the prepared documents 1..n, in order)
    with each copy's own meta terms (core.library.search.meta_tokens: kind, year, document,
    role), as the library writes them."""
    import sqlite3

    conn = sqlite3.connect(database, isolation_level=None)
    conn.create_function("sha_hex", 1, _sha_hex, deterministic=True)
    conn.execute("CREATE TEMP TABLE source_tokens (paragraph INTEGER PRIMARY KEY, body TEXT, heading TEXT)")
    rows = []
    for doc_id, prepared in enumerate(sources, start=1):
        (first,) = conn.execute("SELECT first_para FROM documents WHERE id = ?", (doc_id,)).fetchone()
        rows += [
            (first + n, body, heading)
            for n, (body, heading) in enumerate(zip(prepared.body_tokens, prepared.heading_tokens, strict=True))
        ]
    conn.executemany("INSERT INTO source_tokens VALUES (?, ?, ?)", rows)
    n = len(sources)
    first_section, first_paragraph = conn.execute(
        "SELECT (SELECT min(id) FROM sections WHERE doc_id <= ?), (SELECT min(id) FROM paragraphs WHERE doc_id <= ?)",
        (n, n),
    ).fetchone()
    made = 0
    while made < count:
        take = min(n, count - made)
        conn.execute("BEGIN")
        doc_off, section_off, paragraph_off = conn.execute(
            "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM sections) - ? + 1,"
            " (SELECT max(id) FROM paragraphs) - ? + 1",
            (first_section, first_paragraph),
        ).fetchone()
        new_id = f"id + {doc_off}"
        conn.execute(
            "INSERT INTO documents (id, sha256, text_sha, file_name, source, kind, year, unit, title, added_at,"
            " first_para, last_para)"
            f" SELECT {new_id}, sha_hex({_copied_sha('sha256', new_id)}), sha_hex({_copied_sha('text_sha', new_id)}),"
            f" 'c' || ({new_id}) || '.txt', source, kind, 2013 + ({new_id}) % 12, unit, title, added_at,"
            f" first_para + {paragraph_off}, last_para + {paragraph_off} FROM documents WHERE id <= {take}"
        )
        conn.execute(
            "INSERT INTO sections (id, doc_id, parent_id, marker, heading)"
            f" SELECT id + {section_off}, doc_id + {doc_off}, parent_id + {section_off}, marker, heading"
            f" FROM sections WHERE doc_id <= {take}"
        )
        conn.execute(
            "INSERT INTO paragraphs (id, doc_id, section_id, position, role, text)"
            f" SELECT id + {paragraph_off}, doc_id + {doc_off}, section_id + {section_off}, position, role, text"
            f" FROM paragraphs WHERE doc_id <= {take}"
        )
        conn.execute(
            "INSERT INTO para_fts (rowid, body, heading, meta)"
            f" SELECT p.id + {paragraph_off}, t.body, t.heading,"
            f" 'k' || lower(hex(d.kind)) || ' y' || (2013 + (d.id + {doc_off}) % 12) || ' d' || (d.id + {doc_off})"
            " || ' r' || p.role"
            f" FROM paragraphs p JOIN source_tokens t ON t.paragraph = p.id JOIN documents d ON d.id = p.doc_id"
            f" WHERE p.doc_id <= {take}"
        )
        conn.execute("COMMIT")
        made += take
    conn.close()


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
    spare = clients * adds_per_client * runs * 2 * len(PACES)
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
        sources: list[Any] = []  # the first reports as prepared (tokens cut): what the copies are made of
        batch = 25
        for number, first in enumerate(range(0, count, batch)):
            items = [(reports[i], texts[i], f"r{i:06d}.txt") for i in stored[first : first + batch]]
            # Alternate which goes first; the server side is timed without its local copy
            # (the loader's cache is the client's, not the server's work).
            order = [("sqlite", local), ("postgres", office)]
            for name, library in order if number % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                if name == "postgres":
                    # As Library.add_reports does, on the server's own parts: cut, keep the files in
                    # one statement, the rows in one transaction (the loader's local copy is the
                    # client's business, not timed).
                    prepared = [_prepare(report, original, file_name, "import") for report, original, file_name in items]
                    library.files.keep_many([(one, original) for one, (_, original, _) in zip(prepared, items, strict=True)])
                    library.index.add_many(prepared)
                    sources += prepared[: max(0, SOURCES - len(sources))]
                else:
                    library.add_reports(items)
                seconds[name] += time.perf_counter() - start
        local.close()
        office.close()
        if count > cut:
            # Both at once (untimed; each database works in its own thread, the GIL let go while it does).
            def timed(name: str, fill: Callable[[], None]) -> str:
                start = time.perf_counter()
                fill()
                return f"filled {name} to {count:,} reports with copies of the first {len(sources)} by INSERT … SELECT " \
                       f"in {time.perf_counter() - start:.0f} s (untimed for indexing, both at once)"  # fmt: skip

            with ThreadPoolExecutor(2) as pool:
                done = [pool.submit(timed, "SQLite", lambda: fill_sqlite(folder / "sqlite" / "library.sqlite3", sources, count - cut)),
                        pool.submit(timed, "server", lambda: fill_server(admin, len(sources), count - cut))]  # fmt: skip
                for future in done:
                    print(future.result())
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            start = time.perf_counter()
            conn.execute("VACUUM ANALYZE")  # as autovacuum would have by then: the planner's statistics
            print(f"VACUUM ANALYZE on the server: {time.perf_counter() - start:.0f} s")
        rates = {name: total_bytes / s for name, s in seconds.items()}
        ratio = rates["postgres"] / rates["sqlite"]
        verdict = "meets" if ratio >= TARGET_INDEXING_RATIO else "MISSES"
        print(f"indexing (same reports, batches alternating): SQLite {rates['sqlite'] / 1e6:.2f} MB/s, "
              f"server {rates['postgres'] / 1e6:.2f} MB/s -> {ratio:.2f}x ({verdict} the {TARGET_INDEXING_RATIO}x target)")  # fmt: skip
        sqlite_size, (server_size, server_kept) = database_size(folder / "sqlite"), _server_size(admin)
        if count > cut:  # the size figures are of the whole library: the copies' text counts too
            source_bytes = [len(texts[i]) for i in stored[: len(sources)]]
            rounds_of, rest = divmod(count - cut, len(sources))
            total_bytes += rounds_of * sum(source_bytes) + sum(source_bytes[:rest])
        kept_files = sum(p.stat().st_size for p in (folder / "sqlite" / "library_files").iterdir())
        print(f"size against the text: SQLite database {sqlite_size / 1e6:.1f} MB = {sqlite_size / total_bytes:.2f}x; "
              f"server rows and full-text indexes {server_size / 1e6:.1f} MB = {server_size / total_bytes:.2f}x")  # fmt: skip
        print(f"  originals and records: server table kept_files {server_kept / 1e6:.1f} MB, "
              f"SQLite's files beside it {kept_files / 1e6:.1f} MB")  # fmt: skip

        phases: dict[tuple[str, str], list[Phase]] = {(pace, name): [] for pace, _ in PACES for name in ("sqlite", "postgres")}
        cursor = 0
        for run_number in range(runs):
            for pace, think in PACES:
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
                    where = folder / f"{name}-run{run_number}-{'paced' if think else 'stress'}"
                    phase = _concurrent(name, wheres, where, rounds, queries, extras, think)
                    phases[pace, name].append(phase)
                    arrived = _documents(name, folder, server) - before
                    print(f"  run {run_number + 1}, {pace}, {name}: median {phase.median_ms:.1f} ms, p95 {phase.p95_ms:.1f} ms; "
                          f"CPU per search: client {phase.client_cpu_ms:.1f} ms, server {phase.server_cpu_ms:.1f} ms; "
                          f"load {phase.load[0]:.1f} -> {phase.load[1]:.1f}; "
                          f"{phase.added} adds sent, {arrived} arrived{'' if arrived == phase.added else '  LOST SOME'}"
                          f"{f', {phase.refused} adds REFUSED' if phase.refused else ''}")  # fmt: skip
        lone: dict[str, list[tuple[float, float]]] = {"sqlite": [], "postgres": []}
        for run_number in range(2):  # one client alone, the two alternating
            for name in (("sqlite", "postgres") if run_number % 2 == 0 else ("postgres", "sqlite")):
                library = _open(name, str(folder / "sqlite") if name == "sqlite" else server.dsn(user="clerk0", database="bench"),
                                str(folder / "alone-cache"))  # fmt: skip
                try:
                    lone[name].append(alone(library, queries, 2))
                finally:
                    library.close()
        table: dict[tuple[str, str], dict[str, float]] = {}
        for (pace, name), runs_of in phases.items():
            table[pace, name] = {
                "median": statistics.median(p.median_ms for p in runs_of),
                "p95": statistics.median(p.p95_ms for p in runs_of),
                "client": statistics.median(p.client_cpu_ms for p in runs_of),
                "server": statistics.median(p.server_cpu_ms for p in runs_of),
            }
        for name in ("sqlite", "postgres"):
            alone_median, alone_p95 = statistics.median(m for m, _ in lone[name]), statistics.median(p for _, p in lone[name])
            for pace, think in PACES:
                row = table[pace, name]
                target = f" ({'meets' if row['p95'] < TARGET_P95_MS else 'MISSES'} the {TARGET_P95_MS:.0f} ms target)" if name == "postgres" and think else ""
                print(f"{clients} concurrent clients, {pace}, {name:8}: search median {row['median']:.1f} ms, p95 {row['p95']:.1f} ms{target}")  # fmt: skip
            print(f"one client alone, {name:8}: median {alone_median:.1f} ms, p95 {alone_p95:.1f} ms")
        loads = [load for runs_of in phases.values() for p in runs_of for load in p.load]
        print(f"\n| {count:,} reports, {clients} clients (load {min(loads):.0f}–{max(loads):.0f}) | server (PostgreSQL) "
              "| SQLite (same run) | server / SQLite | target |")  # fmt: skip
        print("|---|---|---|---|---|")
        print(f"| indexing, MB text/s ({cut:,} reports cut) | {rates['postgres'] / 1e6:.2f} | {rates['sqlite'] / 1e6:.2f} "
              f"| {ratio:.2f}× | ≥ 0.8× |")
        for pace, think in PACES:
            pg, lite = table[pace, "postgres"], table[pace, "sqlite"]
            goal = "server < 100 ms" if think else "(stress: no pause)"
            label = f"{pace} ({think:g} s pause on average)" if think else pace
            print(f"| {label}: search median / p95, ms | {pg['median']:.1f} / {pg['p95']:.1f} | {lite['median']:.1f} / {lite['p95']:.1f} "
                  f"| {pg['p95'] / lite['p95']:.2f}× (p95) | {goal} |")  # fmt: skip
            print(f"| {pace}: CPU per search, client / server, ms | {pg['client']:.1f} / {pg['server']:.1f} | {lite['client']:.1f} / – "
                  f"| {(pg['client'] + pg['server']) / lite['client']:.2f}× | |")  # fmt: skip
        pg_lone = [p for _, p in lone["postgres"]]
        lite_lone = [p for _, p in lone["sqlite"]]
        print(f"| one client alone: median / p95, ms | {statistics.median(m for m, _ in lone['postgres']):.1f} / {statistics.median(pg_lone):.1f} "
              f"| {statistics.median(m for m, _ in lone['sqlite']):.1f} / {statistics.median(lite_lone):.1f} "
              f"| {statistics.median(pg_lone) / statistics.median(lite_lone):.2f}× (p95) | |")  # fmt: skip
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
