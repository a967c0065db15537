"""沿用上年提纲: next year's draft keeps last year's outline, its text moved beside each
section as reference, and each report-level field carried by its row's rule
(core/draft/fields.py ``carry``: kept, cleared, the kind's wording or default, the year rolled).

The rules of carrying over live here in reuse, beside carrying the text too
(core/reuse/carryover.py); the kind (core/draft/kind.py) only supplies its wording and defaults.
"""

from __future__ import annotations

import copy
import datetime as _dt
from typing import Any

from core.draft.fields import (
    CARRY_GIVEN,
    CARRY_KEEP,
    CARRY_KIND_DEFAULT,
    CARRY_KIND_WORDING,
    CARRY_ROLL_YEAR,
    CARRY_SAME_UNIT,
    CHOICE,
    REPORT_FIELDS,
    ReportField,
    empty_value,
)
from core.draft.kind import Kind
from core.draft.model import Report, Section
from core.text.plaintext import section_text_paragraphs


def carry_outline(kind: Kind, prior: Report, year: int | None = None, unit: str | None = None) -> Report:
    """A new draft that keeps last year's outline (沿用上年提纲).

    Headings and layout are kept; every section's text is cleared and shown beside it
    as reference, so the clerk rewrites rather than retypes. The title's year rolls
    forward; rolling years inside the text and flagging stale figures is the
    carry-over step's job (core/reuse/carryover.py).
    """
    year = year or ((prior.year + 1) if prior.year else _dt.date.today().year)
    unit = prior.unit if unit is None else unit
    if prior.title and prior.year and str(prior.year) in prior.title:
        title = prior.title.replace(str(prior.year), str(year))
    else:
        title = kind.title_for(year, unit)

    def carry(section: Section) -> Section:
        return Section(
            heading=section.heading,
            run_in=section.run_in,
            points_layout=section.points_layout,
            children=[carry(c) for c in section.children],
            reference="\n".join(section_text_paragraphs(prior, section)),
            hint=section.hint,
            recognized_by=section.recognized_by,  # so a wrong guess can still be spotted
        )

    report = Report(
        kind=kind.id,
        unit=unit,
        year=year,
        sections=[carry(s) for s in prior.sections],
        numbering=copy.deepcopy(prior.numbering) if prior.sections else kind.numbering(),
        prior_source=prior.prior_source,
        reference_opening="\n".join(prior.opening),
        reference_closing="\n".join(prior.closing),
    )
    for spec in REPORT_FIELDS:
        if spec.carry != CARRY_GIVEN:
            setattr(report, spec.name, _carried(kind, spec, prior, report, title))
    return report


def _carried(kind: Kind, spec: ReportField, prior: Report, new: Report, title: str) -> Any:
    """One field of next year's draft, by the field's carry-over rule."""
    year, unit = new.year or _dt.date.today().year, new.unit
    value = getattr(prior, spec.name)
    if spec.carry == CARRY_KEEP and spec.element and not value:
        return kind.element_defaults(year, unit).get(spec.name, empty_value(spec))  # the kind's default
    if spec.carry == CARRY_KIND_DEFAULT and not (spec.value == CHOICE and value):
        return kind.kind_defaults(year).get(spec.name, empty_value(spec))
    if spec.carry == CARRY_KEEP:
        return copy.deepcopy(value)
    if spec.carry == CARRY_ROLL_YEAR:
        return title
    if spec.carry == CARRY_KIND_WORDING:
        return [kind.fill(t, year, unit) for t in getattr(kind, spec.name)]
    if spec.carry == CARRY_SAME_UNIT:
        own = kind.fill(getattr(kind, spec.name), year, unit)
        # A kind without a standard wording keeps last year's (a 讲话 signed by a person).
        return (value if value and (unit == prior.unit or not own.strip()) else own).strip()
    return empty_value(spec)
