"""One record for every spot the app points the clerk at: review flags and check findings.

A :class:`Finding` names a rule (a flag kind such as ``placeholder``, or a check such as
``repeated_char``), the text slot it sits in (:mod:`core.text.textslots`), the characters
``start``–``end`` of that slot's text, and what to do. Its id follows one rule,
:func:`finding_id`: stable across edits elsewhere, so a 已核实 mark or a dismissed finding
still applies after the clerk has typed in another section.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from core.draft.edits import Place
from core.draft.model import Report
from core.text.textslots import Slot, describe_place, slot_text

# Rule name → short Chinese label ("占位符", "重复字" …), filled by the flag kinds and the
# check table as they are defined.
RULE_LABELS: dict[str, str] = {}


def finding_id(owner: str, rule: str, text: str, occurrence: int) -> str:
    """Section id (or report field) + rule + the spot's text + which occurrence of it."""
    return f"{owner}:{rule}:{text}#{occurrence}"


@dataclass(frozen=True)
class Finding:
    """One spot for the clerk. ``text == slot text[start:end]``.

    ``section_id`` is "" for report-level text, whose ``field`` then names it ("title",
    "opening" …); ``index`` is the paragraph (or point) index within the field; ``path`` is
    the section's path in words ("一、开展情况 / （二）…"), "" for report-level text.
    """

    id: str
    rule: str
    section_id: str
    field: str
    index: int
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    path: str = ""
    verified: bool = False  # a flag the clerk marked 已核实
    fix: str | None = None  # a mechanical correction: what ``text`` becomes (一键修正)
    source: str = ""  # the authority for a proofreading finding: a dictionary, a standard
    # What 忽略 remembers this finding by (core.checks.ignored); "" when it cannot be dismissed.
    ignore_key: str = ""
    cell: tuple[int, int, int] | None = None  # in a table cell: its (table, row, column)

    @property
    def address(self) -> Place:
        """Where it is in the draft (core.draft.edits)."""
        return Place(self.section_id, self.field, self.index, self.start, self.end)

    def is_current(self, report: Report) -> bool:
        """Its text still stands where it points: the draft was not edited there since the
        check (a list shown while the clerk types is a moment behind the draft)."""
        text = slot_text(report, self.section_id, self.field, self.index)
        return text is not None and text[self.start : self.end] == self.text

    @property
    def owner(self) -> str:
        return self.section_id or self.field

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.rule, self.rule)

    # The names each side of the app has always used for the rule.
    @property
    def kind(self) -> str:
        return self.rule

    @property
    def check(self) -> str:
        return self.rule

    @property
    def kind_label(self) -> str:
        return self.label

    @property
    def place(self) -> str:
        """Where, in words: "一、开展情况 / （二）… 正文第1段第35字"."""
        return describe_place(self.path, self.section_id, self.field, self.index, self.start, self.cell)


class FindingMaker:
    """Builds findings with ids counted per (owner, rule, text), in the order they are made."""

    def __init__(self, paths: dict[str, str] | None = None) -> None:
        self._paths = paths or {}
        self._seen: Counter[tuple[str, str, str]] = Counter()

    def make(
        self,
        rule: str,
        slot: Slot,
        start: int,
        end: int,
        message: str,
        suggestion: str,
        verified: set[str] | None = None,
        fix: str | None = None,
        source: str = "",
    ) -> Finding:
        text = slot.text[start:end]
        key = (slot.owner, rule, text)
        fid = finding_id(slot.owner, rule, text, self._seen[key])
        self._seen[key] += 1
        return Finding(
            id=fid,
            rule=rule,
            section_id=slot.section_id,
            field=slot.field,
            index=slot.index,
            start=start,
            end=end,
            text=text,
            message=message,
            suggestion=suggestion,
            path=self._paths.get(slot.section_id, "") if slot.section_id else "",
            verified=verified is not None and fid in verified,
            fix=fix,
            source=source,
            cell=slot.cell,
        )


def fixed_text(slot_text: str | None, finding: Finding) -> str | None:
    """The slot's text with the finding's 一键修正 applied, or None when there is no fix or
    the text has changed since the finding was made."""
    if slot_text is None:
        return None
    text, applied = with_fixes(slot_text, [finding])
    return text if applied else None


def with_fixes(slot_text: str, findings: list[Finding]) -> tuple[str, int]:
    """The slot's text with the fixes of ``findings`` (all made on this slot's text) applied,
    and how many were. A finding without a fix, or whose text is no longer there, is skipped;
    of two fixes whose spans overlap, the one that starts first is applied."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.fix is None or slot_text[finding.start : finding.end] != finding.text:
            continue
        if chosen and finding.start < chosen[-1].end:
            continue
        chosen.append(finding)
    for finding in reversed(chosen):  # from the end, so the earlier offsets stay valid
        slot_text = slot_text[: finding.start] + finding.fix + slot_text[finding.end :]  # type: ignore[operator]
    return slot_text, len(chosen)
