"""The 资料库 panel through the real main window.

Every prior document the clerk imports and every Word export goes into the library (in a
worker thread); searching as you type finds two-character words in them, and a found
paragraph goes into the current section with one click, undoably.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.base.paths import data_dir
from core.library import Library
from tests.conftest import seed_path
from tests.gui.conftest import export_and_wait, type_chinese

WAIT_MS = 60000  # the first add may wait for jieba to load in this process


def _library_has(window: Any, kind: str) -> bool:
    return window.panel_host.library.kind_combo.findData(kind) >= 0


def test_search_finds_a_word_from_the_imported_report_and_inserts_it(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)  # imports last year's report
    qtbot.waitUntil(lambda: _library_has(window, "half_year_summary"), timeout=WAIT_MS)
    panel = window.panel_host.library
    doc = window.doc
    target = doc.report.sections[0].children[2]  # （三）… 人才 …
    window.editor.outline.select_section(target.id)
    assert target.body == []

    window.window_actions["library"].trigger()  # 工具 → 搜索资料库
    assert window.panel_host.docks["library"].isVisible() and panel.query_edit.hasFocus()
    type_chinese(panel.query_edit, "人才")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)
    hits = panel.hits
    assert all("人才" in hit.text for hit in hits)
    assert {hit.file_name for hit in hits} == {seed_path("004").name}
    first = panel.results.cards[0]
    assert '<span style="background:#ffe08a; font-weight:bold;">人才</span>' in first.snippet_label.text()
    assert panel.status_label.text().startswith(f"找到 {len(hits)} 段")
    assert "上半年工作开展情况" in hits[0].section_path or hits[0].section_path

    # 加入正文: the whole paragraph goes to the end of the section's body; undo takes it out.
    qtbot.mouseClick(first.insert_button, Qt.MouseButton.LeftButton)
    assert target.body == [hits[0].text.strip()]
    assert first.used_label.isVisibleTo(first)
    assert window.window_actions["undo"].text() == "撤销 加入正文"
    window.window_actions["undo"].trigger()
    assert target.body == []
    assert not first.used_label.isVisibleTo(first)

    # A double-click on a card does the same; filters narrow the search.
    qtbot.mouseDClick(panel.results.cards[1], Qt.MouseButton.LeftButton)
    assert target.body == [hits[1].text.strip()]
    panel.year_combo.setCurrentIndex(panel.year_combo.findData(2022))
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("找到"), timeout=WAIT_MS)
    assert panel.hits and all(hit.year == 2022 for hit in panel.hits)
    panel.year_combo.addItem("1999年", 1999)  # a year with no documents
    panel.year_combo.setCurrentIndex(panel.year_combo.count() - 1)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("没有找到"), timeout=WAIT_MS)
    assert panel.results.cards == []

    # Nothing to insert into while the report form is in front.
    panel.year_combo.setCurrentIndex(0)  # 全部年份
    window.editor.show_report_form()
    panel.search_for("人才")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)
    assert not panel.results.cards[0].insert_button.isEnabled()


def test_exported_document_is_searchable(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    body = window.editor.section_form.body_edit
    body.setFocus()
    type_chinese(body, "创新开展“红色物业”试点，覆盖全部社区。")
    target = tmp_path / "2023年上半年工作总结.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    qtbot.waitUntil(lambda: _library_has(window, "half_year_summary"), timeout=WAIT_MS)
    panel = window.panel_host.library
    panel.search_for("物业")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)
    assert [(hit.file_name, hit.text) for hit in panel.hits] == [
        (target.name, "创新开展“红色物业”试点，覆盖全部社区。")
    ]
    with Library(data_dir()) as library:  # stored for good, as an export
        assert [d.source for d in library.documents()] == ["export"]


def test_suggestions_for_the_current_section(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    qtbot.waitUntil(lambda: _library_has(window, "half_year_summary"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.language.is_ready, timeout=WAIT_MS)
    panel = window.panel_host.library
    target = window.doc.report.sections[0].children[2]  # （三）全面构建人才引育新格局…
    window.editor.outline.select_section(target.id)
    window.show_panel("library")
    panel.tabs.setCurrentIndex(1)  # 本节建议
    qtbot.waitUntil(lambda: bool(panel.suggestions.cards), timeout=WAIT_MS)
    assert "人才" in [button.text() for button in panel.keyword_buttons]
    assert all(card.hit.file_name == seed_path("004").name for card in panel.suggestions.cards)
    assert any("人才" in card.hit.text for card in panel.suggestions.cards)
    # A keyword searches the library for it.
    next(b for b in panel.keyword_buttons if b.text() == "人才").click()
    assert panel.tabs.currentIndex() == 0 and panel.query_edit.text() == "人才"
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)


def test_a_damaged_library_is_rebuilt_and_the_clerk_told_once(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    with Library(data_dir()) as library:
        library.add_file(seed_path("004"))
    (data_dir() / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel = window.panel_host.library
    qtbot.waitUntil(lambda: panel.notice_label.isVisibleTo(panel), timeout=WAIT_MS)
    assert "已损坏" in panel.notice_label.text() and "恢复 1 份文档" in panel.notice_label.text()
    panel.search_for("人才")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)  # the rebuilt library works
    assert window.library.library is not None and window.library.library.take_notice() is None


def test_damage_inside_the_library_is_found_after_opening_and_repaired(
    make_window: Any, new_report: Any, qtbot: Any, monkeypatch: Any
) -> None:
    # Opening reads the header only; the whole-file check follows in the background.
    from gui.panels import library_service

    monkeypatch.setattr(library_service, "INTEGRITY_CHECK_DELAY_S", 0.0)
    with Library(data_dir()) as library:
        library.add_file(seed_path("004"))
    db = data_dir() / "library.sqlite3"
    size = db.stat().st_size
    with open(db, "r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\xff" * 3 * 4096)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel = window.panel_host.library
    qtbot.waitUntil(lambda: panel.notice_label.isVisibleTo(panel), timeout=WAIT_MS)
    assert "已损坏" in panel.notice_label.text() and "恢复 1 份文档" in panel.notice_label.text()
    panel.search_for("人才")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)


def test_a_paragraph_from_the_library_goes_in_with_full_width_punctuation(
    make_window: Any, new_report: Any, qtbot: Any, tmp_path: Path
) -> None:
    """A web copy's half-width marks ("13 个;") are fixed on the way in, by the rule 检查 holds
    typed text to, so nothing of the kind reaches paper."""
    from core.checks import run_checks

    copied = tmp_path / "网页复制的总结.txt"
    copied.write_text("2022年工作总结\n一、主要工作\n全年新建党群服务中心13 个;完成(二期)改造,群众满意.\n",
                      encoding="utf-8")
    with Library(data_dir()) as library:
        library.add_file(copied)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel, doc = window.panel_host.library, window.doc
    section = doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    window.window_actions["library"].trigger()
    panel.search_for("党群服务中心")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)
    card = panel.results.cards[0]
    assert card.hit.text == "全年新建党群服务中心13 个;完成(二期)改造,群众满意."

    qtbot.mouseClick(card.insert_button, Qt.MouseButton.LeftButton)
    assert section.body == ["全年新建党群服务中心13 个；完成（二期）改造，群众满意。"]
    assert panel.notice_label.text() == "已加入正文，其中 4 处半角标点已改为全角。"
    assert card.used_label.isVisibleTo(card)  # the card knows its paragraph is in, as fixed
    assert not [f for f in run_checks(doc.report, only=["halfwidth_punct"]) if f.section_id == section.id]
    window.window_actions["undo"].trigger()  # one step takes it out again
    assert section.body == []


def test_figures_in_a_paragraph_from_the_library_are_to_be_checked(
    make_window: Any, new_report: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The 资料库 holds last years' reports: "48名" taken from one is as stale as a carried one
    (往年数字), while the same figure typed by the clerk is not; undo and redo keep the two together."""
    from core.reuse.flags import FIGURE, flags_for

    old = tmp_path / "2022年上半年工作总结.txt"
    old.write_text("2022年上半年工作总结\n一、主要工作\n严格落实双签字制度，全年培训干部48名，选派7人挂职。\n",
                   encoding="utf-8")
    with Library(data_dir()) as library:
        library.add_file(old)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    panel, doc = window.panel_host.library, window.doc
    section = doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    window.window_actions["library"].trigger()
    panel.search_for("双签字")
    qtbot.waitUntil(lambda: bool(panel.results.cards), timeout=WAIT_MS)
    qtbot.mouseClick(panel.results.cards[0].insert_button, Qt.MouseButton.LeftButton)

    def figures() -> list[str]:
        return [f.text for f in flags_for(doc.report) if f.kind == FIGURE and f.section_id == section.id]

    assert section.body == ["严格落实双签字制度，全年培训干部48名，选派7人挂职。"]
    assert figures() == ["48名", "7人"]
    window.window_actions["undo"].trigger()  # one step: the paragraph and its mark go together
    assert (section.body, section.library_texts, figures()) == ([], [], [])
    window.window_actions["redo"].trigger()
    assert figures() == ["48名", "7人"]
    window.window_actions["undo"].trigger()
    doc.set_section_field(section.id, "body", ["全年培训干部48名。"])  # typed fresh this year
    assert figures() == []
