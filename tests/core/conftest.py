"""Fixtures shared by the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.draft.draft_file import save_draft
from tests.core.review_builders import (
    LEADER_COMMENTS,
    document_xml,
    leader_markup,
    render_draft,
    sample_report,
    write_reviewed,
)


@pytest.fixture
def reviewed_case(tmp_path: Path) -> tuple[Path, Path]:
    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    exported = render_draft(report, tmp_path / "报告.docx")
    reviewed = write_reviewed(
        exported, tmp_path / "报告（审阅稿）.docx", leader_markup(document_xml(exported)), LEADER_COMMENTS
    )
    return draft, reviewed
