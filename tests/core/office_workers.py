"""Clerks in processes of their own, adding to and searching the office server at once
(tests/core/test_library_office.py); top-level functions so that a spawned process can run them."""

from __future__ import annotations

from pathlib import Path

from core.draft.model import Report, Section


def marked_report(clerk: int, number: int) -> Report:
    """A small report that names its clerk and number in a phrase no other report has."""
    return Report(
        kind="work_report",
        year=2024,
        unit="**区委组织部",
        title=f"第{clerk}组第{number}份工作汇报",
        sections=[
            Section(
                heading="主要工作",
                body=[f"开展第{clerk}组第{number}号试点，推动人才工作提质增效。", "落实河长制，建设美丽河湖。"],
            )
        ],
    )


SHARED_TEXT = "每位同事都收入的同一份通知：做好年终总结工作。"


def clerk_adds_and_searches(dsn: str, cache: str, clerk: int, count: int, clerks: int, barrier: object) -> list[int]:
    """Add ``count`` reports of one's own and the shared one; after everybody has added,
    count how many of every clerk's reports this clerk finds."""
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn
    from core.text import language
    from core.text.plaintext import report_text

    language.ensure_loaded()
    with OfficeLibrary(settings_from_dsn(dsn), Path(cache)) as library:
        for number in range(count):
            report = marked_report(clerk, number)
            library.add_report(report, original=report_text(report).encode("utf-8"), file_name=f"{clerk}-{number}.txt")
        shared = Report(kind="work_report", title="通知", sections=[Section(heading="通知", body=[SHARED_TEXT])])
        library.add_report(shared, original=SHARED_TEXT.encode("utf-8"), file_name="通知.txt")
        barrier.wait(timeout=120)  # type: ignore[attr-defined]
        return [
            len(library.search(f"“第{other}组”", limit=1000)) for other in range(clerks)
        ]
