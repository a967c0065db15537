"""Long drafts for the preview's tests and benchmarks/bench_typing.py.

Made of the seeds' sections when ../shared/seeds is there (real report text), else of our
own sample reports, repeated with fresh ids until the text reaches the length asked for.
A 50-page report holds about 29,300 characters (586 a page, as a published 政府工作报告).
"""

from __future__ import annotations

import copy

from core.draft.model import Report, Section, new_id
from core.importing.importer import import_document
from tests.conftest import SEED_NAMES, SEEDS_DIR

CHARS_PER_PAGE = 586


def _source_reports() -> list[Report]:
    paths = [SEEDS_DIR / name for name in SEED_NAMES.values()]
    if all(path.exists() for path in paths):
        return [import_document(path).report for path in paths]
    from tests.core.library_corpus import report_a, report_b, report_c

    return [report_a(), report_b(), report_c()]


def _fresh_ids(section: Section) -> Section:
    section.id = new_id()
    for child in section.children:
        _fresh_ids(child)
    return section


def long_draft(pages: int) -> Report:
    """A report of about ``pages`` pages: the sources' sections, over and over."""
    sources = _source_reports()
    report = copy.deepcopy(sources[0])
    report.sections = []
    target = pages * CHARS_PER_PAGE
    total, turn = 0, 0
    while total < target:
        for section in copy.deepcopy(sources[turn % len(sources)].sections):
            report.sections.append(_fresh_ids(section))
            total += section.char_count()
            if total >= target:
                break
        turn += 1
    return report


def longest_section(report: Report) -> Section:
    return max((s for _level, s in report.walk()), key=lambda s: len("".join(s.body)))
