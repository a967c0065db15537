"""The library of past reports: store every imported or exported document, search its paragraphs.

Typical use::

    from core.library import Library
    with Library() as library:            # per-user data folder; rebuilt if damaged
        if library.notice: show(library.take_notice())
        library.add_file("2022年工作总结.docx")
        for hit in library.search("人才 “党建引领”", kind="half_year_summary", limit=10):
            print(hit.score, hit.document, hit.section_path, hit.marked_snippet())
"""

from core.library.search import SearchHit
from core.library.snippets import mark_spans
from core.library.store import (
    DB_NAME,
    FILES_DIR_NAME,
    SOURCE_EXPORT,
    SOURCE_IMPORT,
    AddResult,
    DocumentInfo,
    Library,
    LibraryError,
)
from core.library.units import PATH_SEPARATOR

__all__ = [
    "DB_NAME",
    "FILES_DIR_NAME",
    "PATH_SEPARATOR",
    "SOURCE_EXPORT",
    "SOURCE_IMPORT",
    "AddResult",
    "DocumentInfo",
    "Library",
    "LibraryError",
    "SearchHit",
    "mark_spans",
]
