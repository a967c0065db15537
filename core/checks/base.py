"""The table of checks, and the context each check reads the report through (findings are
:class:`core.text.findings.Finding`, the record flags use too)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.draft.model import Report, Section
from core.text.findings import RULE_LABELS, Finding, FindingMaker
from core.text.textslots import Slot, iter_slots, section_paths


class CheckContext:
    """The report as the checks see it, and the factory for their findings.

    ``wait_for_words`` False (the window's checks): the 校对 checks only read results already
    made and queue the rest for a background thread (core.proofread.cache); their names are
    then in ``pending`` and the caller checks again when that thread is idle.
    """

    def __init__(
        self, report: Report, prefer_source_markers: bool = False, wait_for_words: bool = True
    ) -> None:
        self.report = report
        self.slots: list[Slot] = list(iter_slots(report, cells=True))  # a table's cells are read like its text
        self.paths = section_paths(report, prefer_source_markers)
        self.wait_for_words = wait_for_words
        self.pending: set[str] = set()
        self._maker = FindingMaker(self.paths)

    def finding(
        self,
        check: str,
        slot: Slot,
        start: int,
        end: int,
        message: str,
        suggestion: str,
        fix: str | None = None,
        source: str = "",
    ) -> Finding:
        """A finding at characters ``start``–``end`` of ``slot``; ``fix`` is the mechanical
        correction of that span where there is exactly one (offered as 一键修正); ``source``
        the authority a proofreading rule rests on."""
        return self._maker.make(check, slot, start, end, message, suggestion, fix=fix, source=source)

    def at_heading(self, check: str, section: Section, message: str, suggestion: str) -> Finding:
        """A finding about a section as a whole (its numbering): the heading is the spot."""
        slot = Slot(section.id, "heading", 0, section.heading)
        return self.finding(check, slot, 0, len(section.heading), message, suggestion)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]

# An error must be fixed before the report is sent (the export pre-flight lists it);
# a warning is advice.
SEVERITY_ERROR, SEVERITY_WARNING = "error", "warning"


@dataclass(frozen=True)
class Check:
    name: str
    label: str  # short Chinese name for the panel and the CLI summary
    run: CheckFunction
    severity: str = SEVERITY_WARNING
    # May its fixes be applied many at once (修正本类全部, 修正全部)? Not when a fix is a likely
    # word the clerk should see first (校对's 错别字): those are fixed one by one.
    bulk_fix: bool = True


CHECKS: dict[str, Check] = {}


def register(
    name: str, label: str, severity: str = SEVERITY_WARNING, bulk_fix: bool = True
) -> Callable[[CheckFunction], CheckFunction]:
    """Add a check to the table under ``name``; the order of registration is the run order."""

    def add(function: CheckFunction) -> CheckFunction:
        if name in CHECKS:
            raise ValueError(f"check registered twice: {name}")
        CHECKS[name] = Check(name, label, function, severity, bulk_fix)
        RULE_LABELS[name] = label
        return function

    return add
