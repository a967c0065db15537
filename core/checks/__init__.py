"""公文 checks: small functions over a Report, each registered in :data:`CHECKS`.

``run_checks(report)`` runs them all and returns findings in reading order; each finding
names its section (id and path), field, paragraph and character offsets, says what is
wrong in plain Chinese and suggests a fix. ``check_file(path)`` does the same for a draft
(``.draft.json``) or any document the importer reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

# Importing the modules registers their checks, in this order.
from core.checks import dates, gongwen, outline, parts, text  # noqa: F401
from core.checks.base import CHECKS, Check, CheckContext, Finding, register
from core.draft.model import Report


def run_checks(
    report: Report, only: Iterable[str] | None = None, prefer_source_markers: bool = False
) -> list[Finding]:
    """All findings for the report, in reading order.

    ``only`` limits the run to some check names (see :data:`CHECKS`); unknown names raise
    ValueError. ``prefer_source_markers`` makes paths show markers as written in the
    imported document rather than as numbered now (for checking a document on disk).
    """
    names = list(CHECKS) if only is None else list(only)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(unknown)}")
    ctx = CheckContext(report, prefer_source_markers)
    order = {(s.section_id, s.field, s.index): i for i, s in enumerate(ctx.slots)}
    findings = [finding for name in names for finding in CHECKS[name].run(ctx)]
    return sorted(
        findings,
        key=lambda f: (order.get((f.section_id, f.field, f.index), len(order)), f.start, f.end),
    )


def load_for_check(path: Path | str) -> tuple[Report, bool]:
    """(report, is_draft): a draft is loaded as saved, any other file is imported."""
    from core.draft.draft_file import is_draft_path, load_draft

    if is_draft_path(path):
        return load_draft(path), True
    from core.importing.importer import import_document

    return import_document(Path(path)).report, False


def check_file(path: Path | str) -> tuple[Report, list[Finding]]:
    """Load or import ``path`` and check it. Raises ReportError subclasses on bad input."""
    report, is_draft = load_for_check(path)
    return report, run_checks(report, prefer_source_markers=not is_draft)


__all__ = [
    "CHECKS",
    "Check",
    "CheckContext",
    "Finding",
    "check_file",
    "load_for_check",
    "register",
    "run_checks",
]
