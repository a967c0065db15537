"""Fixtures shared by the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.review_builders import reviewed_copy


@pytest.fixture
def reviewed_case(tmp_path: Path) -> tuple[Path, Path]:
    return reviewed_copy(tmp_path)
