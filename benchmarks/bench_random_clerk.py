"""Random clerks in the real window, thousands of steps (tests/gui/random_clerk.py).

    python benchmarks/bench_random_clerk.py [STEPS] [SEED]      (defaults: 5000 steps, seed 0)

Runs the state machine of tests/gui/test_random_clerk.py offscreen from every seed in each
新建报告 mode, in batches of examples (each batch its own hypothesis seed, derived from SEED, so
a run can be repeated), until STEPS steps have run. Prints the steps run, how many batches
failed, steps per second, and the first failing sequence as hypothesis shrank it: the rule
calls to reproduce it and, beside them, what the clerk did in words. (A correctness run: the
figure is how far it got, not a speed target. After a failure the steps include hypothesis's
replays while it shrinks; --no-shrink reports each failure as found, with its steps.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

INVARIANTS = ("draft_is_what_the_clerk_meant", "one_undo_step_per_change", "form_shows_the_draft",
              "recovery_gives_the_draft", "nothing_unexpected_was_said")
EXAMPLES_PER_BATCH = 5
STEPS_PER_EXAMPLE = 40


def calls(reported: list[str]) -> list[str]:
    """The rule calls of hypothesis's report, without the invariants it checked in between."""
    text = "\n".join(reported)
    if "state = " not in text:
        return reported
    lines, keep = [], True
    for line in text[text.index("state = ") :].splitlines():
        if line.startswith("state."):
            keep = not any(line.startswith(f"state.{name}(") for name in INVARIANTS)
        if keep:
            lines.append(line)
        if line.startswith("state.teardown()"):
            break
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", type=int, nargs="?", default=5000, help="steps to run (default 5000)")
    parser.add_argument("seed", type=int, nargs="?", default=0, help="hypothesis seed of the first batch (default 0)")
    parser.add_argument("--steps-per-example", type=int, default=STEPS_PER_EXAMPLE)
    parser.add_argument("--no-shrink", action="store_true", help="report a failure as found, without shrinking it")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="random-clerk-")
    os.environ["BAOGAO_HOME"] = str(Path(home) / "home")
    screen = PROJECT_ROOT / "tests" / "offscreen_1280x800.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

    from hypothesis import HealthCheck, Phase, Verbosity, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis.reporting import with_reporter
    from hypothesis.stateful import get_state_machine_test

    from gui.app import create_application
    from tests.conftest import SEED_NAMES, SEEDS_DIR
    from tests.gui.random_clerk import Harness, clerk_machine

    seeds = {key: SEEDS_DIR / name for key, name in SEED_NAMES.items()}
    missing = [str(p) for p in seeds.values() if not p.exists()]
    if missing:
        print(f"种子文件不存在：{', '.join(missing)}")
        return 2
    create_application()

    batch_settings = settings(
        max_examples=EXAMPLES_PER_BATCH, stateful_step_count=args.steps_per_example, deadline=None,
        database=None, suppress_health_check=list(HealthCheck), verbosity=Verbosity.normal,
        phases=[p for p in Phase if p is not Phase.shrink or not args.no_shrink],
    )
    steps = failures = batches = 0
    first_failure: tuple[list[str], list[str], str] | None = None
    started = time.perf_counter()
    batch = 0
    while steps < args.steps:
        folder = Path(tempfile.mkdtemp(prefix=f"batch{batch}-", dir=home))
        with Harness(folder, seeds) as harness:
            test = hypothesis_seed(args.seed + batch)(get_state_machine_test(clerk_machine(harness),
                                                                             settings=batch_settings))
            reported: list[str] = []
            try:
                with with_reporter(reported.append):
                    test()
            except Exception as exc:  # a failing sequence, already shrunk by hypothesis
                failures += 1
                print(f"  failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", flush=True)
                for inner in getattr(exc, "exceptions", ()):  # a flaky failure: what failed the first time
                    frames = traceback.extract_tb(inner.__traceback__)
                    first_line = str(inner).splitlines()[0] if str(inner) else ""
                    place = f" in {frames[-1].name} ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
                    print(f"    first time: {type(inner).__name__}{place}: {first_line}", flush=True)
                reported += getattr(exc, "__notes__", [])  # hypothesis adds the steps to the error
                if args.no_shrink:
                    for number, line in enumerate(harness.log, 1):
                        print(f"      {number:2d}. {line}", flush=True)
                    for line in calls(reported):
                        print(f"    {line}", flush=True)
                if first_failure is None:
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    what = "".join(traceback.format_exception_only(type(exc), exc)).split("\nFalsifying")[0]
                    first_failure = (reported, list(harness.log), f"in {where.name} ({where.filename}:{where.lineno})\n{what}")
            steps += harness.steps
        batches += 1
        batch += 1
        elapsed = time.perf_counter() - started
        print(f"batch {batch:3d}: {steps} steps, {failures} failing batches, {steps / elapsed:.1f} steps/s", flush=True)
    elapsed = time.perf_counter() - started

    print()
    print(f"steps run        {steps}")
    print(f"batches          {batches} (each {EXAMPLES_PER_BATCH} examples × up to {args.steps_per_example} steps, "
          f"hypothesis seeds {args.seed}–{args.seed + batches - 1})")
    print(f"failing batches  {failures}")
    print(f"time             {elapsed:.0f} s, {steps / elapsed:.1f} steps/s")
    if first_failure is not None:
        reported, log, error = first_failure
        print("\nFirst failing sequence" + ("" if args.no_shrink else ", shrunk") + " — to reproduce:")
        for line in calls(reported):
            print(f"    {line}")
        print("\nWhat the clerk did:")
        for number, line in enumerate(log, 1):
            print(f"    {number:2d}. {line}")
        print("\nWhat went wrong:")
        print(error)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
