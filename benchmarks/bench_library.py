"""Library speed: indexing 1,000 reports (about 15 MB of text), search latency, and how soon
the first search can run after start-up while jieba loads in the background.

Reports are generated from the seeds' sentences (../shared/seeds), shuffled into new
outlines with varied figures, kinds, years and units; without the seeds, they are reports of
our own writing (tests/core/written_corpus.py). Every figure is printed beside a
baseline measured in the same run, so the ratios mean something on a shared, noisy machine:

- search: the library's BM25 search vs a plain scan of the stored text
  (``instr`` over every paragraph, ranked by occurrences — what a LIKE search does);
- start-up: loading jieba in a background thread vs loading it first, then searching.

Targets on 1,000 reports: search p95 < 50 ms; the database (file + WAL) no larger than 3x
the text it indexes (the originals are kept once, as files beside it, and printed apart).

    python benchmarks/bench_library.py [--reports 1000] [--folder out/bench_library] [--reuse]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import SEED_NAMES, SEEDS_DIR  # noqa: E402
from tests.core.library_corpus import sized_reports  # noqa: E402
from tests.core.written_corpus import written_report  # noqa: E402

TARGET_P95_MS = 50.0
TARGET_SIZE_RATIO = 3.0  # database (file + WAL) against the UTF-8 text it indexes
QUERIES: list[tuple[str, dict[str, object]]] = [
    # two-character words, from rare to everywhere
    ("人才", {}), ("党建", {}), ("干部", {}), ("党员", {}), ("基层", {}), ("组织", {}), ("学习", {}), ("建设", {}),
    # longer words and terms of art
    ("意识形态", {}), ("乡村振兴", {}), ("第一议题", {}), ("从严治党", {}), ("队伍建设", {}),
    ("高质量发展", {}), ("志愿服务", {}), ("软弱涣散", {}), ("主题党日", {}),
    # phrases and several words
    ('"党建引领"', {}), ("“三会一课”", {}), ('"全面从严治党"', {}), ("人才 引进", {}), ("干部 培训 考核", {}),
    # filters
    ("人才", {"kind": "half_year_summary"}), ("党建", {"year": 2020}), ("学习", {"unit": "组织部"}),
    ("乡村振兴", {"kind": "annual_keypoints", "year": 2022}),
]  # fmt: skip


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def database_size(folder: Path) -> int:
    """The database file and its WAL (the journal SQLite keeps beside it while open)."""
    return sum(p.stat().st_size for p in folder.glob("library.sqlite3*") if p.is_file())


def build(folder: Path, count: int) -> None:
    from core.library import Library
    from core.text import language
    from core.text.plaintext import report_text

    if all((SEEDS_DIR / name).is_file() for name in SEED_NAMES.values()):
        reports = sized_reports(count)
        print("corpus: the seeds' sentences in new outlines")
    else:
        rng = random.Random(2025)
        reports = [written_report(index, rng) for index in range(count)]
        print(f"corpus: our own writing (no seeds in {SEEDS_DIR})")
    texts = [report_text(r).encode("utf-8") for r in reports]
    total_bytes = sum(len(t) for t in texts)
    print(f"generated: {count} reports, {total_bytes / 1e6:.1f} MB of text (UTF-8), "
          f"{sum(len(t.decode()) for t in texts) / 1e6:.2f} M characters")  # fmt: skip

    language.ensure_loaded()
    # Baseline for indexing: jieba cutting the same text, nothing stored.
    start = time.perf_counter()
    for text in texts[:100]:
        language.words(text.decode("utf-8"))
    cut_rate = sum(len(t) for t in texts[:100]) / (time.perf_counter() - start)

    start = time.perf_counter()
    with Library(folder) as library:
        batch = 50
        for first in range(0, count, batch):
            items = [
                (reports[i], texts[i], f"report{i:04d}.txt") for i in range(first, min(count, first + batch))
            ]
            library.add_reports(items)
        paragraphs = library.paragraph_count()
        elapsed = time.perf_counter() - start
        open_size = database_size(folder)  # with the WAL, as the running app leaves it
    rate = total_bytes / elapsed
    print(f"indexing: {elapsed:.1f} s = {rate / 1e6:.2f} MB text/s, {count / elapsed:.1f} reports/s, "
          f"{paragraphs} paragraphs")  # fmt: skip
    print(f"  baseline jieba cut alone: {cut_rate / 1e6:.2f} MB/s -> indexing runs at "
          f"{rate / cut_rate:.2f}x the speed of just segmenting the text")  # fmt: skip
    closed_size = database_size(folder)
    size = max(open_size, closed_size)
    verdict = "meets" if size <= TARGET_SIZE_RATIO * total_bytes else "MISSES"
    print(f"size: database (file + WAL) {size / 1e6:.1f} MB = {size / total_bytes:.2f}x the text "
          f"({verdict} the {TARGET_SIZE_RATIO:.0f}x target; {open_size / 1e6:.1f} MB open, "
          f"{closed_size / 1e6:.1f} MB closed)")  # fmt: skip
    originals = [p for p in (folder / "library_files").iterdir() if p.suffix != ".json"]
    records = [p for p in (folder / "library_files").iterdir() if p.suffix == ".json"]
    print(f"  kept beside it: originals {sum(p.stat().st_size for p in originals) / 1e6:.1f} MB "
          f"({len(originals)} files), records with the outlines "
          f"{sum(p.stat().st_size for p in records) / 1e6:.1f} MB")  # fmt: skip


def measure_search(folder: Path, rounds: int) -> None:
    from core.library import Library
    from core.library.query import plan_literal
    from core.library.search import Filters, literal_search
    from core.text import language

    language.ensure_loaded()
    start = time.perf_counter()
    library = Library(folder)
    print(f"open (PRAGMA quick_check included): {(time.perf_counter() - start) * 1000:.0f} ms")
    for query, filters in QUERIES:  # warm the page cache like a running app
        library.search(query, **filters)  # type: ignore[arg-type]

    ours: list[float] = []
    per_query: dict[str, list[float]] = {}
    empty: set[str] = set()
    for _ in range(rounds):
        for query, filters in QUERIES:
            start = time.perf_counter()
            hits = library.search(query, limit=20, **filters)  # type: ignore[arg-type]
            took = (time.perf_counter() - start) * 1000
            ours.append(took)
            label = f"{query} {filters or ''}".strip()
            per_query.setdefault(label, []).append(took)
            if not hits:
                empty.add(label)

    scan: list[float] = []
    conn = library._db
    for _ in range(max(1, rounds // 3)):
        for query, filters in QUERIES:
            plan = plan_literal(query.replace('"', "").replace("“", "").replace("”", ""))
            start = time.perf_counter()
            literal_search(conn, plan, Filters(**filters), 20)  # type: ignore[arg-type]
            scan.append((time.perf_counter() - start) * 1000)

    median, p95 = statistics.median(ours), percentile(ours, 0.95)
    scan_median, scan_p95 = statistics.median(scan), percentile(scan, 0.95)
    verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
    print(f"search ({len(ours)} searches, {len(QUERIES)} queries, top 20 with snippets):")
    print(
        f"  BM25 index:        median {median:6.1f} ms   p95 {p95:6.1f} ms   ({verdict} the {TARGET_P95_MS:.0f} ms target)"
    )
    print(f"  baseline text scan: median {scan_median:6.1f} ms   p95 {scan_p95:6.1f} ms")
    print(f"  ratio index/scan:   median {median / scan_median:.2f}x   p95 {p95 / scan_p95:.2f}x")
    if empty:
        print(f"  (no results for: {', '.join(sorted(empty))})")
    slowest = sorted(per_query.items(), key=lambda item: -statistics.median(item[1]))[:3]
    print("  slowest queries: " + "; ".join(f"{q} {statistics.median(t):.1f} ms" for q, t in slowest))
    library.close()


_STARTUP_PROBE = r"""
import sys, time
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
mode, folder = sys.argv[2], sys.argv[3]
from core.text import language
if mode == "background":
    language.start_background_load()
else:
    language.ensure_loaded()
from core.library import Library
library = Library(folder)
opened = time.perf_counter()
first = library.search("乡村振兴", wait=False)
first_done = time.perf_counter()
first_mode = "BM25" if language.is_loaded() else "text scan"
ranked = library.search("乡村振兴")
ranked_done = time.perf_counter()
assert first and ranked
print(f"{(opened - started) * 1000:.0f} {(first_done - started) * 1000:.0f} {first_mode.replace(' ', '_')} "
      f"{(ranked_done - started) * 1000:.0f}")
"""


def measure_startup(folder: Path, runs: int) -> None:
    results: dict[str, list[list[str]]] = {"background": [], "foreground": []}
    env = {**os.environ}
    for _ in range(runs):
        for mode in ("background", "foreground"):
            out = subprocess.run(
                [sys.executable, "-c", _STARTUP_PROBE, str(ROOT), mode, str(folder)],
                capture_output=True, text=True, env=env, check=True,
            )  # fmt: skip
            results[mode].append(out.stdout.split())

    def med(rows: list[list[str]], column: int) -> float:
        return statistics.median(float(row[column]) for row in rows)

    bg, fg = results["background"], results["foreground"]
    scans = sum(1 for row in bg if row[2] == "text_scan")
    print(f"start-up (fresh process, median of {runs}; times from the first line of Python code):")
    print(f"  jieba in background: library open {med(bg, 0):.0f} ms, first search answered {med(bg, 1):.0f} ms "
          f"({scans} of {runs} by text scan while jieba loaded), first BM25 search {med(bg, 3):.0f} ms")  # fmt: skip
    print(
        f"  baseline, jieba first: library open {med(fg, 0):.0f} ms, first search answered {med(fg, 1):.0f} ms"
    )
    print(f"  ratio first search background/foreground: {med(bg, 1) / med(fg, 1):.2f}x; "
          f"first BM25 search {med(bg, 3) / med(fg, 3):.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--folder", type=Path, default=ROOT / "out" / "bench_library")
    parser.add_argument("--reuse", action="store_true", help="keep an existing library from an earlier run")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--startup-runs", type=int, default=5)
    args = parser.parse_args()

    folder: Path = args.folder.resolve()
    # jieba's cache and any per-user file go below the benchmark folder, not the real profile.
    os.environ.setdefault("BAOGAO_HOME", str(folder / "home"))
    library_folder = folder / "library"
    if not (args.reuse and (library_folder / "library.sqlite3").exists()):
        shutil.rmtree(library_folder, ignore_errors=True)
        build(library_folder, args.reports)
    measure_search(library_folder, args.rounds)
    measure_startup(library_folder, args.startup_runs)


if __name__ == "__main__":
    main()
