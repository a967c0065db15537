"""Fixtures shared by the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.draft.model import Report
from core.proofread.lexicon import Lexicon, get_lexicon
from tests.conftest import require_seeds
from tests.core.library_corpus import sized_reports
from tests.core.review_builders import reviewed_copy
from tests.core.written_corpus import MIN_TEXT_BYTES, written_reports


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    """The proofreading dictionary, built or read from its cache once per test module."""
    found = get_lexicon()
    assert found is not None
    return found


@pytest.fixture
def reviewed_case(tmp_path: Path) -> tuple[Path, Path]:
    return reviewed_copy(tmp_path)


@pytest.fixture(params=["written", "seeds"], ids=["our own writing", "the seeds"])
def realistic_reports(request: pytest.FixtureRequest) -> list[Report]:
    """About 1 MB of real-sized reports: our own writing (tests/core/written_corpus.py), or the
    seeds' sentences in new outlines (skipped without ../shared/seeds)."""
    if request.param == "seeds":
        require_seeds()
        return sized_reports(MIN_TEXT_BYTES // 15_000)
    return written_reports()
