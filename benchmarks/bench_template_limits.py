"""What the template limits cost a normal export: rendering each seed report with the
limits (line tracer, item budget, output cap) against the same render without the tracer,
interleaved in one run so the machine's load affects both alike.

    python benchmarks/bench_template_limits.py [--runs N]

Prints milliseconds per render and the ratio (limits / baseline); the target is below 1.3.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from statistics import median

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.interleave import record  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from core.importing.importer import import_document
    from core.render import render_report_bytes, template_limits

    watched = template_limits.watched

    def unwatched(seconds: float | None = None) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    print("seed\tlimits ms\tbaseline ms\tratio (medians of runs interleaved)")
    rows = []
    for seed in sorted(SEEDS.glob("*.txt")):
        report = import_document(seed).report
        render_report_bytes(report)  # warm caches (template, fonts)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.runs):
            for limited in (True, False):
                template_limits.watched = watched if limited else unwatched
                started = time.perf_counter()
                render_report_bytes(report)
                times[limited].append(time.perf_counter() - started)
        template_limits.watched = watched
        limits_ms, baseline_ms = median(times[True]) * 1000, median(times[False]) * 1000
        rows.append((limits_ms / baseline_ms, seed.name[:3], limits_ms, baseline_ms))
        print(f"{seed.name[:3]}\t{limits_ms:.1f}\t{baseline_ms:.1f}\t{limits_ms / baseline_ms:.2f}")
    ratios = [row[0] for row in rows]
    print(f"worst ratio {max(ratios):.2f} (target < 1.3)")
    _, name, limits_ms, baseline_ms = max(rows)
    record(f"render seed {name} with the template limits, the worst seed (vs without them)", limits_ms, baseline_ms,
           "ms", "< 1.3×")  # fmt: skip
    return 0 if max(ratios) < 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
