"""The record every proofreading rule returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """A slip at ``start``–``end`` of one paragraph's text.

    ``fix`` is what the span should read (None when the rule cannot say for sure, "" to delete);
    ``message`` says what is wrong, ``suggestion`` what to do, ``source`` on what authority
    (a dictionary, a standard, a regulation) — all in plain Chinese for the clerk.
    """

    start: int
    end: int
    fix: str | None
    message: str
    suggestion: str
    source: str = ""


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the first of hits that overlap (callers list the better ones first), in text order."""
    kept: list[Hit] = []
    for hit in hits:
        if all(hit.end <= other.start or other.end <= hit.start for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))
