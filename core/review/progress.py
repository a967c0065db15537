"""The draft's record of one reviewed copy (core.draft.reviews) made from what was read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from core.draft.model import Report
from core.draft.reviews import ACCEPTED, REJECTED, ReviewRecord, find_record, replace_record
from core.review.apply import note_section, note_text
from core.review.change import ReviewChange, ReviewResult


def file_digest(path: Path | str) -> str:
    """sha256 of the reviewed file, read in blocks (a copy full of photos can be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def start_record(report: Report, result: ReviewResult, file_name: str, digest: str) -> ReviewRecord:
    """The record already in the draft for this file (decisions kept), or a new one."""
    known = find_record(report.reviews, digest)
    total = sum(1 for c in result.changes if c.applicable)
    if known is not None:
        # The clerk's accepted changes no longer match the draft's text: they still count.
        return ReviewRecord(known.file, digest, known.authors, known.reviewed_on,
                            max(total, known.total), known.decided_pairs, known.sent_id or result.sent_id)
    dates = [c.date[:10] for c in result.changes if c.date]
    return ReviewRecord(file_name, digest, tuple(result.authors), max(dates, default=""), total,
                        sent_id=result.sent_id)


def record_accepted(report: Report, record: ReviewRecord, applied: list[str], rejected: Iterable[str] = ()) -> None:
    """Put ``record`` with these changes accepted (and ``rejected``: conflicts settled by
    keeping the clerk's words) into the report (the CLI's --accept-all)."""
    decisions = dict.fromkeys(rejected, REJECTED) | dict.fromkeys(applied, ACCEPTED)
    report.reviews = replace_record(report.reviews, record.with_decisions(decisions))


def comment_handled(report: Report, change: ReviewChange) -> bool:
    section = note_section(report, change)
    return section is not None and note_text(change) in section.handled_notes
