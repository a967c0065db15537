"""忽略: warnings the clerk dismissed, remembered in the draft (``Report.ignored_findings``).

A dismissed finding is keyed by its rule, the text it points at, which occurrence of that
text in the paragraph it is, and a digest of the whole paragraph: while the paragraph reads
the same the finding stays dismissed, wherever the paragraph moves; once the clerk edits the
paragraph it is checked again (a new slip there must not hide behind an old 忽略). Undoing
the edit brings the paragraph, and so the dismissal, back. Errors (what blocks an export)
cannot be dismissed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from core.draft.model import Report
from core.text.findings import Finding

_DIGEST_CHARS = 16  # 64 bits of SHA-256: two different paragraphs never share one in practice


def passage_digest(passage: str) -> str:
    return hashlib.sha256(passage.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def ignore_key(rule: str, text: str, occurrence: int, passage: str) -> str:
    """``typo|峻工|0|<digest of the paragraph>``: readable in the draft file, exact in use."""
    return f"{rule}|{text}|{occurrence}|{passage_digest(passage)}"


def with_keys(
    findings: list[Finding], passages: dict[tuple[str, str, int], str], may_ignore: set[str]
) -> list[Finding]:
    """The findings, those of rules in ``may_ignore`` carrying their ignore key; ``passages``
    maps a slot address (section id, field, index) to its text. Occurrences are counted over
    all findings of the paragraph in text order, dismissed or not."""
    ordered = sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end))
    seen: Counter[tuple[str, str, int, str, str]] = Counter()
    keyed = list(findings)
    for position in ordered:
        finding = findings[position]
        if finding.rule not in may_ignore:
            continue
        address = (finding.section_id, finding.field, finding.index)
        counted = (*address, finding.rule, finding.text)
        key = ignore_key(finding.rule, finding.text, seen[counted], passages.get(address, ""))
        seen[counted] += 1
        keyed[position] = replace(finding, ignore_key=key)
    return keyed


def split_ignored(report: Report, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(kept, dismissed): findings whose ignore key the draft lists are dismissed."""
    if not report.ignored_findings:
        return findings, []
    listed = set(report.ignored_findings)
    kept, dismissed = [], []
    for finding in findings:
        (dismissed if finding.ignore_key and finding.ignore_key in listed else kept).append(finding)
    return kept, dismissed


def set_ignored(report: Report, key: str, ignored: bool = True) -> bool:
    """Dismiss (or bring back) the finding with ``key``; False when nothing changes. The list
    is replaced, not changed in place, so a snapshot taken before keeps its own."""
    present = key in report.ignored_findings
    if present == ignored:
        return False
    if ignored:
        report.ignored_findings = [*report.ignored_findings, key]
    else:
        report.ignored_findings = [k for k in report.ignored_findings if k != key]
    return True
