"""Our own corpus (tests/core/written_corpus.py) is what the library's size bound is measured
on without the seeds: it must be as large and as varied as a real collection of reports."""

from __future__ import annotations

import re

from core.text import language
from core.text.plaintext import report_text
from tests.core.written_corpus import (
    KINDS,
    LINES,
    MIN_DISTINCT_WORDS,
    MIN_TEXT_BYTES,
    written_report,
    written_reports,
)

_HAN = re.compile(r"[\u3400-\u9fff]")


def test_a_megabyte_of_text_with_ten_thousand_distinct_words() -> None:
    texts = [report_text(report) for report in written_reports()]
    assert sum(len(text.encode("utf-8")) for text in texts) >= MIN_TEXT_BYTES
    words: set[str] = set()
    for text in texts:
        words.update(language.words(text))
    # Counted as jieba cuts them, and only words with a Chinese character: figures do not pad it.
    chinese = {word for word in words if _HAN.search(word)}
    assert len(chinese) >= MIN_DISTINCT_WORDS, len(chinese)


def test_the_same_seed_writes_the_same_reports_and_another_seed_others() -> None:
    import random

    first = [report_text(written_report(i, random.Random(5))) for i in range(3)]
    again = [report_text(written_report(i, random.Random(5))) for i in range(3)]
    other = [report_text(written_report(i, random.Random(6))) for i in range(3)]
    assert first == again and first != other
    assert [report_text(r) for r in written_reports()] == [report_text(r) for r in written_reports()]


def test_reports_of_every_kind_and_line_of_work_and_a_real_size() -> None:
    reports = written_reports()
    assert {report.kind for report in reports} == set(KINDS)
    assert {report.unit.removeprefix(report.unit[:3]) for report in reports} >= {
        line.office for line in LINES if not line.under_party
    }
    for report in reports:
        text = report_text(report)
        assert 10_000 <= len(text.encode("utf-8")) <= 25_000, report.title
        assert len(_HAN.findall(text)) > 0.75 * len(text)  # Chinese prose, not figures and markup
        assert len(report.sections) == 3 and all(section.children or section.body for section in report.sections)
