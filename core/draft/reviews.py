"""What the draft remembers of each reviewed copy it took in (core.review): which file, who
reviewed it and when, and the clerk's decision on each change.

The record travels with the draft, so closing the app in the middle of 80 changes loses
nothing: importing the same file again (same digest) brings the decisions back, and the
history of saved versions can say "审阅稿（李主任，7月12日）已处理".
Records are immutable: every update makes a new one, so an undo step can hold the old one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

ACCEPTED, REJECTED = "accepted", "rejected"
DECISIONS = (ACCEPTED, REJECTED)


@dataclass(frozen=True)
class ReviewRecord:
    file: str  # the reviewed copy's file name, as the clerk knows it
    digest: str  # sha256 of its bytes: the same file imported again
    authors: tuple[str, ...] = ()
    reviewed_on: str = ""  # ISO date of the newest change or comment, "" when the file has none
    total: int = 0  # changes and comments that could be applied
    # (change id, ACCEPTED / REJECTED), sorted; the id is core.review's ReviewChange.id,
    # stable for one file. A tuple, so that the record stays immutable and copyable.
    decided_pairs: tuple[tuple[str, str], ...] = ()
    # The export the copy was made from (core.draft.history keeps it while a record names it).
    sent_id: str = ""

    @property
    def decisions(self) -> dict[str, str]:
        return dict(self.decided_pairs)

    @property
    def decided(self) -> int:
        return len(self.decided_pairs)

    @property
    def finished(self) -> bool:
        return self.decided >= self.total

    def with_decisions(self, changed: dict[str, str | None]) -> ReviewRecord:
        """A copy with these decisions set (None: back to 待定)."""
        merged = dict(self.decisions)
        for change_id, decision in changed.items():
            if decision is None:
                merged.pop(change_id, None)
            else:
                merged[change_id] = decision
        return replace(self, decided_pairs=tuple(sorted(merged.items())))

    @property
    def label(self) -> str:
        """ "审阅稿（李主任，7月12日）已处理" — or how far the clerk has got."""
        who = "、".join(self.authors) or "未署名"
        when = _month_day(self.reviewed_on)
        name = f"审阅稿（{who}，{when}）" if when else f"审阅稿（{who}）"
        if self.finished:
            return f"{name}已处理"
        accepted = sum(1 for d in self.decisions.values() if d == ACCEPTED)
        rejected = self.decided - accepted
        return f"{name}处理中：已接受 {accepted} 处，已拒绝 {rejected} 处，待定 {self.total - self.decided} 处"


def _month_day(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return ""
    return f"{day.month}月{day.day}日"


def record_to_dict(record: ReviewRecord) -> dict[str, Any]:
    return {
        "file": record.file,
        "digest": record.digest,
        "authors": list(record.authors),
        "reviewed_on": record.reviewed_on,
        "total": record.total,
        "decisions": dict(record.decisions),
    } | ({"sent_id": record.sent_id} if record.sent_id else {})


def record_from_dict(data: dict[str, Any]) -> ReviewRecord:
    decisions = data.get("decisions", {})
    return ReviewRecord(
        file=str(data.get("file", "")),
        digest=str(data.get("digest", "")),
        authors=tuple(str(a) for a in data.get("authors", [])),
        reviewed_on=str(data.get("reviewed_on", "")),
        total=int(data.get("total", 0)),
        decided_pairs=tuple(sorted((str(k), str(v)) for k, v in decisions.items() if v in DECISIONS)),
        sent_id=str(data.get("sent_id", "")),
    )


def find_record(records: list[ReviewRecord], digest: str) -> ReviewRecord | None:
    return next((r for r in records if r.digest == digest), None)


def replace_record(records: list[ReviewRecord], record: ReviewRecord) -> list[ReviewRecord]:
    """The list with ``record`` in place of the one for the same file (or added at the end)."""
    out = [record if r.digest == record.digest else r for r in records]
    return out if record in out else [*out, record]


def review_events(older: list[ReviewRecord], newer: list[ReviewRecord]) -> list[str]:
    """What a saved version says about reviews that the version before it did not."""
    before = {r.digest: r.label for r in older}
    return [r.label for r in newer if before.get(r.digest) != r.label]
