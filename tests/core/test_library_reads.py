"""The local library reads on a connection of its own: a search never waits behind an add."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import core.library.sqlite_index as sqlite_index
from core.library import Library
from core.library.sqlite_file import connect
from core.library.sqlite_index import insert_document
from core.text.plaintext import report_text as text_of
from tests.core.test_library import HAND_REPORTS, build_small_library


def test_a_search_is_answered_while_an_add_holds_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An add stops inside its write transaction (holding the write lock) until the search has
    been answered. Were the search serialised behind the add, the add would give up waiting
    and the order below would be reversed."""
    build_small_library(tmp_path)
    library = Library(tmp_path)
    before = [h.file_name for h in library.search("河长制")]
    events: list[str] = []
    answered = threading.Event()

    def slow_insert(conn: object, prepared: object) -> int:
        events.append("add writing")
        answered.wait(60)  # a bound for a broken build only: the search sets it at once
        events.append("add done" if answered.is_set() else "add gave up waiting")
        return insert_document(conn, prepared)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_index, "insert_document", slow_insert)
    _name, make = HAND_REPORTS[0]
    report = make()
    adding = threading.Thread(
        target=library.add_report,
        kwargs={"report": report, "original": (text_of(report) + "（新）").encode("utf-8"), "file_name": "新.txt"},
    )
    adding.start()
    while not events:  # the add is inside its transaction, with the write lock
        adding.join(0.005)
    hits = [h.file_name for h in library.search("河长制")]
    events.append("search answered")
    answered.set()
    adding.join()
    assert events == ["add writing", "search answered", "add done"]
    assert hits == before  # the last commit, not the write under way
    assert "新.txt" in [d.file_name for d in library.documents()]  # seen once committed
    library.close()


def test_reads_follow_a_rebuilt_file(tmp_path: Path) -> None:
    """A file rebuilt after damage is a new file: the reading connection opens it again."""
    build_small_library(tmp_path)
    with Library(tmp_path) as library:
        assert len(library.documents()) == 3
        first_reader = library.index._reader
        assert library.index.check_integrity()  # sound: nothing replaced
        assert library.index._reader is first_reader
        with library.index._lock:  # as a rebuild does: a new writing connection
            library.index._conn = connect(library.index.path, library.index.path)
        assert len(library.documents()) == 3
        assert library.index._reader is not first_reader
