"""Findings, the table of checks, and the context each check reads the report through."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.draft.model import Report, Section
from core.text.textslots import Slot, describe_place, iter_slots, section_paths


@dataclass(frozen=True)
class Finding:
    """One problem found by a check. ``text == slot text[start:end]`` (the offending part).

    ``section_id`` is "" for report-level text, whose ``field`` then names it ("title",
    "opening", "closing" …); ``index`` is the paragraph (or point) index within the field.
    """

    id: str
    check: str  # name of the check in CHECKS
    section_id: str
    field: str
    index: int
    start: int
    end: int
    text: str
    path: str  # "一、开展情况 / （二）从严选拔管理…", or "" for report-level text
    message: str
    suggestion: str

    @property
    def owner(self) -> str:
        return self.section_id or self.field

    @property
    def place(self) -> str:
        """Where, in words: "一、开展情况 / （二）… 正文第1段第35字"."""
        return describe_place(self.path, self.section_id, self.field, self.index, self.start)

    @property
    def label(self) -> str:
        return CHECKS[self.check].label if self.check in CHECKS else self.check


class CheckContext:
    """The report as the checks see it, and the factory for their findings."""

    def __init__(self, report: Report, prefer_source_markers: bool = False) -> None:
        self.report = report
        self.slots: list[Slot] = list(iter_slots(report))
        self.paths = section_paths(report, prefer_source_markers)
        self._occurrences: Counter[tuple[str, str, str]] = Counter()

    def finding(self, check: str, slot: Slot, start: int, end: int, message: str, suggestion: str) -> Finding:
        text = slot.text[start:end]
        key = (slot.owner, check, text)
        occurrence = self._occurrences[key]
        self._occurrences[key] += 1
        return Finding(
            id=f"{slot.owner}:{check}:{text}#{occurrence}",
            check=check,
            section_id=slot.section_id,
            field=slot.field,
            index=slot.index,
            start=start,
            end=end,
            text=text,
            path=self.paths.get(slot.section_id, "") if slot.section_id else "",
            message=message,
            suggestion=suggestion,
        )

    def at_heading(self, check: str, section: Section, message: str, suggestion: str) -> Finding:
        """A finding about a section as a whole (its numbering): the heading is the spot."""
        slot = Slot(section.id, "heading", 0, section.heading)
        return self.finding(check, slot, 0, len(section.heading), message, suggestion)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    label: str  # short Chinese name for the panel and the CLI summary
    run: CheckFunction


CHECKS: dict[str, Check] = {}


def register(name: str, label: str) -> Callable[[CheckFunction], CheckFunction]:
    """Add a check to the table under ``name``; the order of registration is the run order."""

    def add(function: CheckFunction) -> CheckFunction:
        if name in CHECKS:
            raise ValueError(f"check registered twice: {name}")
        CHECKS[name] = Check(name, label, function)
        return function

    return add
