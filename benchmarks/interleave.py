"""Timing the app beside its baseline on a shared, noisy machine: run by run, then medians.

Each run times every action once, the order turning by one from run to run, so a burst
of load from elsewhere falls on all of them alike instead of on whichever ran last.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

Action = Callable[[], object]


def interleaved(actions: dict[str, Action | tuple[Action, Action]], runs: int) -> dict[str, list[float]]:
    """Seconds each action took, one entry per run, the actions alternating within a run.
    An action given as (setup, action) has its setup run untimed just before it."""
    names = list(actions)
    times: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        turn = run % len(names)
        for name in names[turn:] + names[:turn]:
            given = actions[name]
            setup, action = given if isinstance(given, tuple) else (None, given)
            if setup is not None:
                setup()
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return times


def median(times: list[float]) -> float:
    return statistics.median(times)


def spread(times: list[float]) -> str:
    """The middle half of the runs, in milliseconds: how much the machine's load moved them."""
    if len(times) < 4:
        return f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms"
    quarters = statistics.quantiles(times, n=4)
    return f"{quarters[0] * 1000:.0f}–{quarters[2] * 1000:.0f} ms"


RESULTS_ENV = "BAOGAO_BENCH_RESULTS"  # set by benchmarks/run_all.py: where figures are collected


def record(name: str, app: float, baseline: float | None, unit: str, target: str = "") -> None:
    """One row of run_all's table: the app's figure beside its baseline from the same run.
    Does nothing unless run_all.py asked for figures (a JSON line per row)."""
    import json
    import os

    path = os.environ.get(RESULTS_ENV)
    if not path:
        return
    row = {"name": name, "app": app, "baseline": baseline, "unit": unit, "target": target}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
