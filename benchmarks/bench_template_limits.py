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

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(PROJECT_ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from core.importing.importer import import_document
    from core.render import render_report_bytes, template_limits

    watched = template_limits.watched

    def unwatched(seconds: float | None = None) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    print("seed\tlimits ms\tbaseline ms\tratio")
    ratios = []
    for seed in sorted(SEEDS.glob("*.txt")):
        report = import_document(seed).report
        render_report_bytes(report)  # warm caches (template, fonts)
        totals = {True: 0.0, False: 0.0}
        for _ in range(args.runs):
            for limited in (True, False):
                template_limits.watched = watched if limited else unwatched
                started = time.perf_counter()
                render_report_bytes(report)
                totals[limited] += time.perf_counter() - started
        template_limits.watched = watched
        ratio = totals[True] / totals[False]
        ratios.append(ratio)
        print(f"{seed.name[:3]}\t{totals[True] / args.runs * 1000:.1f}\t{totals[False] / args.runs * 1000:.1f}\t{ratio:.2f}")
    print(f"worst ratio {max(ratios):.2f} (target < 1.3)")
    return 0 if max(ratios) < 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
