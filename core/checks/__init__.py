"""公文 checks: small functions over a Report, each registered in :data:`CHECKS`.

``run_checks(report)`` runs them all and returns findings in reading order; each finding
names its section (id and path), field, paragraph and character offsets, says what is
wrong in plain Chinese and suggests a fix. ``check_file(path)`` does the same for a draft
(``.draft.json``) or any document the importer reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Importing the modules registers their checks, in this order.
from core.checks import dates, gongwen, outline, parts, proofreading, text  # noqa: F401
from core.checks.base import CHECKS, SEVERITY_ERROR, Check, CheckContext, Finding, register
from core.checks.ignored import split_ignored, with_keys
from core.draft.model import Report


@dataclass(frozen=True)
class CheckRun:
    findings: list[Finding]  # without those the clerk dismissed (忽略)
    pending: frozenset[str]  # checks that skipped their word-level part: the dictionary is loading
    ignored: tuple[Finding, ...] = ()  # the dismissed ones, for the count and 恢复


def run_checks(
    report: Report, only: Iterable[str] | None = None, prefer_source_markers: bool = False
) -> list[Finding]:
    """All findings for the report, in reading order.

    ``only`` limits the run to some check names (see :data:`CHECKS`); unknown names raise
    ValueError. ``prefer_source_markers`` makes paths show markers as written in the
    imported document rather than as numbered now (for checking a document on disk).
    Waits for the dictionary the proofreading checks need (the window uses :func:`run_checks_now`).
    Warnings the clerk dismissed (忽略, core.checks.ignored) are left out.
    """
    return check_report(report, only, prefer_source_markers).findings


def run_checks_now(report: Report, only: Iterable[str] | None = None) -> CheckRun:
    """The checks without waiting for the dictionary: for the window, which must not block."""
    return check_report(report, only, wait_for_words=False)


def check_report(
    report: Report,
    only: Iterable[str] | None = None,
    prefer_source_markers: bool = False,
    wait_for_words: bool = True,
) -> CheckRun:
    names = list(CHECKS) if only is None else list(only)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(unknown)}")
    ctx = CheckContext(report, prefer_source_markers, wait_for_words)
    order = {(s.section_id, s.field, s.index): i for i, s in enumerate(ctx.slots)}
    findings = [finding for name in names for finding in CHECKS[name].run(ctx)]
    findings.sort(key=lambda f: (order.get((f.section_id, f.field, f.index), len(order)), f.start, f.end))
    passages = {(s.section_id, s.field, s.index): s.text for s in ctx.slots}
    warnings = {name for name in names if CHECKS[name].severity != SEVERITY_ERROR}
    kept, dismissed = split_ignored(report, with_keys(findings, passages, warnings))
    return CheckRun(kept, frozenset(ctx.pending), tuple(dismissed))


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
    "CheckRun",
    "Finding",
    "check_file",
    "check_report",
    "load_for_check",
    "register",
    "run_checks",
    "run_checks_now",
]
