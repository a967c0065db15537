"""资料库 in the order the app really starts: gui.app opens the library (and starts jieba)
right after the window shows, on the start page, so the 资料库 panel is made only later,
when a report is opened. That panel must still get the filters and the document count,
finish a search with the right status — never "资料库中还没有文档" over its own results —
also when the search is typed while jieba is still loading.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from core.base.paths import data_dir
from core.draft.model import Report, Section
from core.library import Library
from core.text import language
from core.text.plaintext import report_text
from gui.panels.library_panel import EMPTY_LIBRARY

WAIT_MS = 60000

REPORTS = [
    Report(kind="half_year_summary", year=2021, unit="**区委组织部", title="2021年上半年工作总结",
           sections=[Section(heading="加强人才队伍建设", body=["全年引进高层次人才27名，新建人才驿站3个。"])]),
    Report(kind="annual_summary", year=2022, unit="**县委宣传部", title="2022年工作总结",
           sections=[Section(heading="人才工作", body=["实施青年人才培养计划，选派人才挂职锻炼。"]),
                     Section(heading="宣传工作", body=["持续深化理论武装。"])]),
]  # fmt: skip


@pytest.fixture
def filled_library() -> None:
    with Library(data_dir()) as library:
        for index, report in enumerate(REPORTS):
            library.add_report(report, original=report_text(report).encode("utf-8"), file_name=f"{index}.txt")


def start_like_the_app(make_window: Any, qtbot: Any) -> Any:
    """A window as gui.app starts it: background work (the library, jieba) right after showing."""
    window = make_window()
    window.start_background_work()
    qtbot.waitUntil(lambda: window.library.is_open, timeout=WAIT_MS)
    return window


def open_panel(window: Any, new_report: Any) -> Any:
    new_report(window, None, kind="half_year_summary")  # blank: nothing new goes into the library
    window.show_panel("library")
    return window.panel_host.library


def years(panel: Any) -> list[object]:
    return [panel.year_combo.itemData(i) for i in range(panel.year_combo.count())]


def test_after_a_restart_the_panel_knows_the_library_and_a_search_ends_with_results(
    filled_library: None, make_window: Any, new_report: Any, qtbot: Any
) -> None:
    language.ensure_loaded()
    first = start_like_the_app(make_window, qtbot)
    panel = open_panel(first, new_report)
    panel.search_for("人才")
    qtbot.waitUntil(lambda: panel.status_label.text() == "找到 4 段", timeout=WAIT_MS)
    first.close()

    # The restart: a new window on the same per-user folder; the library opens at start,
    # long before the 资料库 panel exists.
    window = start_like_the_app(make_window, qtbot)
    panel = open_panel(window, new_report)
    qtbot.waitUntil(lambda: years(panel) == [None, 2021, 2022], timeout=WAIT_MS)
    assert panel.status_label.text() == "输入词语即可搜索；多个词用空格分开，整句用引号。"
    panel.search_for("人才")
    assert panel.status_label.text() == "正在搜索…"
    qtbot.waitUntil(lambda: panel.status_label.text() != "正在搜索…", timeout=WAIT_MS)
    assert panel.status_label.text() == "找到 4 段"
    assert {hit.file_name for hit in panel.hits} == {"0.txt", "1.txt"}
    assert {hit.text for hit in panel.hits} == {"加强人才队伍建设", "全年引进高层次人才27名，新建人才驿站3个。",
                                                "人才工作", "实施青年人才培养计划，选派人才挂职锻炼。"}
    # A filter from the documents narrows it.
    panel.year_combo.setCurrentIndex(panel.year_combo.findData(2022))
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    qtbot.waitUntil(lambda: panel.status_label.text() == "找到 2 段", timeout=WAIT_MS)
    assert {hit.year for hit in panel.hits} == {2022}
    assert EMPTY_LIBRARY not in panel.status_label.text()


@pytest.fixture
def jieba_still_loading(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Lock]:
    """jieba as right after start: not loaded, and its load held until the test lets it go."""
    language.ensure_loaded()  # the library above was filled with it
    hold = threading.Lock()
    hold.acquire()
    monkeypatch.setattr(language, "_loaded", threading.Event())
    monkeypatch.setattr(language, "_load_lock", hold)
    yield hold
    if hold.locked():
        hold.release()


def test_a_search_typed_while_jieba_loads_finishes_and_is_ranked_once_loaded(
    filled_library: None, jieba_still_loading: threading.Lock, make_window: Any, new_report: Any, qtbot: Any
) -> None:
    window = start_like_the_app(make_window, qtbot)
    panel = open_panel(window, new_report)
    assert not window.language.is_ready
    qtbot.waitUntil(lambda: years(panel) == [None, 2021, 2022], timeout=WAIT_MS)
    panel.search_for("人才")
    qtbot.waitUntil(lambda: panel.status_label.text() != "正在搜索…", timeout=WAIT_MS)
    assert panel.status_label.text() == "找到 4 段（分词词典正在加载，暂按原文查找，稍后自动按相关度排序）"
    assert len(panel.hits) == 4

    jieba_still_loading.release()  # the dictionary is there: the search runs again, ranked
    qtbot.waitUntil(lambda: window.language.is_ready, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.status_label.text() == "找到 4 段", timeout=WAIT_MS)
    with Library(data_dir()) as library:  # ranked by BM25 now, as the library ranks it
        ranked = [(hit.file_name, hit.text, hit.score) for hit in library.search("人才", limit=30)]
    assert [(hit.file_name, hit.text, hit.score) for hit in panel.hits] == ranked
