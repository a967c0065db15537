"""A window tested by random clerks (tests/gui/random_clerk.py): from every seed in each
新建报告 mode, a few random days of editing in the real window, every step checked against
what the clerk meant. benchmarks/bench_random_clerk.py runs thousands of steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.conftest import seed_path
from tests.gui.random_clerk import START_STATES, Harness, clerk_machine


@pytest.mark.parametrize(("seed", "mode"), START_STATES)
def test_random_clerks_keep_the_draft_as_they_meant_it(app: Any, tmp_path: Path, seed: str, mode: str) -> None:
    """Hypothesis's first example is its simplest (one rule over and over); the others are
    random clerks'. Fixed seeds: the suite is the same on every run; the benchmark explores."""
    with Harness(tmp_path, {seed: seed_path(seed)}, ((seed, mode),)) as harness:
        run_state_machine_as_test(
            clerk_machine(harness),
            settings=settings(max_examples=3, stateful_step_count=20, deadline=None, database=None,
                              derandomize=True, suppress_health_check=list(HealthCheck)),
        )
    assert harness.edits >= 5, harness.log  # the clerks did change the draft, and it held
