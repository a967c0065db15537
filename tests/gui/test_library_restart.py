"""The 资料库 panel after the app starts again: a filled library answers, its status is
right, its filters are filled — also for a library an older version made (upgraded once,
with the clerk told), and for a search typed while jieba is still loading."""

from __future__ import annotations

from typing import Any

from core.base.paths import data_dir
from core.library import Library
from tests.conftest import seed_path
from tests.core.test_library_storage import v1_library
from tests.gui.conftest import type_chinese

WAIT_MS = 60000


def _search(window: Any, qtbot: Any, query: str) -> Any:
    window.window_actions["library"].trigger()  # the window as the clerk finds it with a report open
    panel = window.panel_host.library
    type_chinese(panel.query_edit, query)
    panel.search_now()
    qtbot.waitUntil(lambda: panel.status_label.text().startswith(("找到", "显示最相关")), timeout=WAIT_MS)
    return panel


def test_a_filled_library_answers_after_each_start(make_window: Any, new_report: Any, qtbot: Any) -> None:
    with Library(data_dir()) as library:
        for seed in ("001", "004"):
            library.add_file(seed_path(seed))
    for _start in range(2):
        window = make_window()
        new_report(window, None, kind="half_year_summary")
        panel = _search(window, qtbot, "人才")
        assert panel.hits and all("人才" in hit.text for hit in panel.hits)
        assert "还没有文档" not in panel.status_label.text()
        assert panel.year_combo.count() > 1 and panel.kind_combo.count() > 1
        window.close()


def test_an_older_library_is_upgraded_once_and_the_clerk_told(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    v1_library(data_dir(), keep_files_for=set())
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel = _search(window, qtbot, "人才")
    assert panel.hits
    assert "升级" in panel.notice_label.text() and panel.notice_label.isVisible()
    window.close()
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel = _search(window, qtbot, "人才")
    assert panel.hits and not panel.notice_label.isVisible()  # told once
