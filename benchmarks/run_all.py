"""Every benchmark once, quickly, and one table of the app beside its baseline.

    python benchmarks/run_all.py [--only NAME ...] [--out benchmarks/RESULTS.md]

Each benchmark runs in its own process with shorter settings than its default (fewer runs,
1,000 reports for the library instead of 10,000: see QUICK); the figures are each
benchmark's own, measured beside its baseline in the same run (benchmarks/interleave.py).
A benchmark reports rows through ``interleave.record``; one that records none is listed as
run, with its exit status, and its printed output is in RESULTS.md. The table, the machine
and every benchmark's output are written to RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.interleave import RESULTS_ENV  # noqa: E402
from core.base.atomic import atomic_write_text  # noqa: E402

# name → arguments for a quick run (the script is benchmarks/NAME.py)
QUICK: dict[str, list[str]] = {
    "bench_startup": ["--runs", "3"],
    "bench_first_search": ["--runs", "3"],
    "bench_import": [],
    "bench_render": ["--chars", "50000", "--repeat", "3"],
    "bench_export": ["--runs", "3"],
    "bench_library": ["--reports", "1000", "--rounds", "3", "--startup-runs", "3"],
    "bench_typing": ["--keys", "60", "--rounds", "2", "--pages", "50"],  # a p95 of 120 keys, not the 2nd-worst of 30
    "bench_template_limits": ["--runs", "5"],
    "bench_proofreading": [],
}
TIMEOUT_S = 1800


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.1f} {:.1f} {:.1f} at the start".format(*os.getloadavg())
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} logical CPUs{memory}{load}; "
        f"Python {platform.python_version()}"
    )


def run(name: str, rows_file: Path) -> tuple[int, float, str]:
    env = {**os.environ, RESULTS_ENV: str(rows_file)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), *QUICK[name]],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
        )  # fmt: skip
        code, output = done.returncode, done.stdout + (("\n" + done.stderr) if done.stderr.strip() else "")
    except subprocess.TimeoutExpired as exc:
        code, output = -1, f"(stopped after {TIMEOUT_S} s)\n{exc.stdout or ''}"
    return code, time.perf_counter() - started, output


def figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.1f} {unit}" if value < 1000 else f"{value:,.0f} {unit}"


def write(out: Path, where: str, table: list[str], outputs: list[str], done: int, total: int) -> None:
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    progress = "" if done == total else f" Only {done} of {total} benchmarks had run when this was written."
    text = (
        "# Benchmark results\n\n"
        f"Last run {stamp} by `python benchmarks/run_all.py` (quick settings: see QUICK in run_all.py).{progress}\n\n"
        f"Machine: {where}.\n\n"
        "Each figure is a median over runs interleaved with its baseline in the same process or run "
        "(benchmarks/interleave.py), unless the benchmark's output says otherwise. On a machine shared "
        "with other work the figures move from run to run; the ratios move less.\n\n"
        + "\n".join(table)
        + "\n\n## Output of each benchmark\n\n"
        + "\n".join(outputs)
        + kept_apart(out)
    )
    atomic_write_text(out, text)


APART = "\n## Measured apart\n"


def kept_apart(out: Path) -> str:
    """The section of figures measured by hand at full scale (too long for this run), kept as it was."""
    try:
        previous = out.read_text(encoding="utf-8")
    except OSError:
        return ""
    where = previous.find(APART)
    return "" if where < 0 else "\n" + previous[where:].strip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=sorted(QUICK), help="run only these")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    names = args.only or list(QUICK)
    where = machine()
    table = ["| benchmark | what | app | baseline (same run) | app / baseline | target |", "|---|---|---|---|---|---|"]
    outputs: list[str] = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix="baogao-run-all-") as tmp:
            rows_file = Path(tmp) / "rows.jsonl"
            print(f"running {name} {' '.join(QUICK[name])} …", flush=True)
            code, seconds, output = run(name, rows_file)
            rows = [json.loads(line) for line in rows_file.read_text(encoding="utf-8").splitlines()] if rows_file.exists() else []
        status = "ok" if code == 0 else f"exit {code}"
        outputs.append(f"### {name} ({status}, {seconds:.0f} s)\n\n```\n{output.strip()}\n```\n")
        if not rows:
            table.append(f"| {name} | ran ({status}); records no figures for this table: see its output below | | | | |")
        for row in rows:
            app, base = row["app"], row["baseline"]
            ratio = f"{app / base:.2f}×" if base else "—"
            table.append(f"| {name} | {row['name']} | {figure(app, row['unit'])} | {figure(base, row['unit'])} | "
                         f"{ratio} | {row['target']} |")  # fmt: skip
        print("\n".join(table[-max(1, len(rows)) :]), flush=True)
        write(args.out, where, table, outputs, len(outputs), len(names))  # kept after each, if stopped
    print("\n".join(table))
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
