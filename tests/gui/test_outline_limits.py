"""Outline limits in the window: a 100th chapter is numbered 一百、; an edit that would make a
draft impossible to reopen (a 9th level) is refused with a message, never an exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _draft(path: Path, sections: list[dict[str, Any]]) -> Path:
    report = {"kind": "work_report", "title": "某局工作汇报", "year": 2025, "sections": sections}
    path.write_text(json.dumps({"format": "baogao-draft", "version": 1, "report": report}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_adding_the_hundredth_chapter_numbers_it_in_chinese(make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    path = _draft(tmp_path / "长.draft.json", [{"heading": f"第{i}项", "id": f"s{i}"} for i in range(1, 100)])
    assert window.documents.open_draft(path)
    outline = window.editor.outline
    outline.select_section("s99")
    outline.add_sibling_action.trigger()
    doc = window.doc
    assert len(doc.report.sections) == 100
    new_id = doc.report.sections[99].id
    assert doc.outline.marker(new_id) == "一百、"
    assert doc.outline.marker("s99") == "九十九、"


def test_a_ninth_level_is_refused_with_a_message(make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    section: dict[str, Any] = {"heading": "第8级", "id": "deepest"}
    for level in range(7, 0, -1):
        section = {"heading": f"第{level}级", "id": f"l{level}", "children": [section]}
    assert window.documents.open_draft(_draft(tmp_path / "深.draft.json", [section]))
    outline = window.editor.outline
    outline.select_section("deepest")
    before = window.doc.undo_stack.count()
    outline.add_child_action.trigger()
    assert window.doc.undo_stack.count() == before
    assert window.doc.report.find("deepest").children == []
    assert "最多 8 级" in window.status_text
