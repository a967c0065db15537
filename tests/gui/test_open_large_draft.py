"""新建报告 from a 99,100-paragraph prior report (generated here) through the real main window:
the GUI thread only handles input and paints. What grows with the draft runs on worker threads
(making the draft, finding its flags, checking it) while the event loop keeps turning, and the
上年参考 pane shows a page of cards at a time (上一页/下一页), not one per paragraph of the
section's thousand. (How long opening takes: benchmarks/bench_scale.py.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import core.reuse.new_draft as new_draft_module
import gui.editor.flag_marks as flag_marks
import gui.panels.checks_panel as checks_panel
import gui.panels.flags_panel as flags_panel
from core.reuse.flags import flags_for_section
from core.reuse.new_draft import CARRY_TEXT
from gui.editor.flag_marks import painted_ranges
from gui.panels.checks_panel import CHECKING
from gui.panels.finding_list import MAX_ROWS
from gui.panels.flags_panel import FINDING_FLAGS
from gui.panels.reference_pane import PAGE_SIZE, ReferenceCard
from tests.docx_builders import write_long_report_docx
from tests.gui.conftest import SETTLE_MS


def _on_which_thread(monkeypatch: pytest.MonkeyPatch, module: object, name: str, threads: list[str]) -> None:
    """Record the thread each call of ``module.name`` runs on."""
    original: Callable[..., Any] = getattr(module, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)


def test_opening_a_thousand_page_prior_keeps_the_gui_thread_free(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path
) -> None:
    big = write_long_report_docx(tmp_path / "十年汇编.docx", 99, 1000)  # 99 sections of 1,000 paragraphs
    window = make_window()
    drafted: list[str] = []
    flagged: list[str] = []
    checked: list[str] = []
    _on_which_thread(monkeypatch, new_draft_module, "new_draft", drafted)
    _on_which_thread(monkeypatch, flags_panel, "flags_for", flagged)
    _on_which_thread(monkeypatch, checks_panel, "run_checks_now", checked)
    _on_which_thread(monkeypatch, checks_panel, "check_report", checked)
    new_report(window, big)  # 沿用上年提纲: every section keeps last year's text as its reference
    # The window is open before its panels have read the draft; they say they are at it.
    assert window.panel_host.flags.summary_label.text() == FINDING_FLAGS
    assert window.panel_host.checks.summary_label.text() == CHECKING
    qtbot.waitUntil(lambda: not window.panel_host.flags.finding(), timeout=SETTLE_MS)
    qtbot.waitUntil(lambda: window.panel_host.checks.summary_label.text() != CHECKING, timeout=SETTLE_MS)
    # The proof that the GUI thread stayed free is where the work ran (a count of timer ticks
    # depended on how fast the workers were).
    gui_thread = threading.main_thread().name
    assert drafted and gui_thread not in drafted
    assert flagged and gui_thread not in flagged
    assert checked and gui_thread not in checked
    assert window.panel_host.flags.summary_label.text() == "没有待核实的内容。"  # nothing carried but headings
    assert window.panel_host.checks.summary_label.text() != CHECKING

    # The first section is in the form; its reference has 1,000 paragraphs, a page of cards made.
    pane = window.panel_host.reference
    section = window.doc.report.sections[0]
    assert window.editor.section_form.section_id == section.id
    assert len(pane.paragraphs) == 1000
    assert len(pane.cards) == PAGE_SIZE
    alive = [card for card in window.findChildren(ReferenceCard) if not card.isHidden()]
    assert len(alive) == PAGE_SIZE
    assert [card.text for card in pane.cards] == pane.paragraphs[:PAGE_SIZE]
    assert pane.cards[0].text == "第1方面第1项工作按计划推进，完成全年任务的百分之1。"
    assert pane.page_label.text() == "第 1–40 段，共 1000 段"
    assert not pane.previous_button.isEnabled() and pane.next_button.isEnabled()

    # 下一页 to the last page: each a page of cards, the old page's let go.
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert [card.text for card in pane.cards] == pane.paragraphs[40:80]
    assert pane.page_label.text() == "第 41–80 段，共 1000 段"
    for _ in range(30):
        qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    qtbot.wait(1)  # the pages let go are deleted on the next turn
    assert [card for card in window.findChildren(ReferenceCard) if not card.isHidden()] == pane.cards
    assert pane.page_label.text() == "第 961–1000 段，共 1000 段"
    assert pane.cards[-1].text == "第1方面第1000项工作按计划推进，完成全年任务的百分之0。"
    assert not pane.next_button.isEnabled() and pane.previous_button.isEnabled()
    qtbot.mouseClick(pane.previous_button, Qt.MouseButton.LeftButton)
    assert [card.text for card in pane.cards] == pane.paragraphs[920:960]

    # Another section starts again at its first page.
    window.editor.outline.select_section(window.doc.report.sections[98].id)
    assert len(pane.paragraphs) == 1000 and len(pane.cards) == PAGE_SIZE
    assert pane.cards[0].text == "第99方面第1项工作按计划推进，完成全年任务的百分之1。"
    assert pane.page_label.text() == "第 1–40 段，共 1000 段"


def test_a_long_carried_section_is_painted_and_listed_in_bounded_work(
    make_window: Any, new_report: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path
) -> None:
    """沿用上年提纲和文字 from a prior with 1,200-paragraph sections, each paragraph with figures:
    the 待核实 list makes MAX_ROWS rows and says how many more there are; the body's flags are
    painted to its last paragraph without counting the paragraphs above each one again."""
    big = write_long_report_docx(tmp_path / "汇编.docx", 3, 1200)
    walks = [0]
    counted = flag_marks.count_paragraphs_before

    def count(block: Any) -> int:
        walks[0] += 1
        return counted(block)

    monkeypatch.setattr(flag_marks, "count_paragraphs_before", count)
    window = make_window()
    new_report(window, big, mode=CARRY_TEXT)
    qtbot.waitUntil(lambda: not window.panel_host.flags.finding(), timeout=SETTLE_MS)
    panel = window.panel_host.flags
    rows = panel.tree.finding_items()
    assert len(panel.flags) > MAX_ROWS and len(rows) == MAX_ROWS
    last = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    unlisted = len(panel.visible_flags()) - MAX_ROWS
    assert last.text(0) == f"以上列出前 1000 处，另有 {unlisted} 处未列出：可用上方的类别筛选，或先处理已列出的。"
    assert panel.tree.finding_of(last) is None  # a line, not a finding

    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    body = window.editor.section_form.body_edit
    assert len(section.body) == 1200
    in_body = [f for f in flags_for_section(window.doc.report, section.id, include_verified=False) if f.field == "body"]
    last_paragraph = max(f.index for f in in_body)
    assert last_paragraph == 1199
    painted = {(block, start, end) for block, start, end, _colour in painted_ranges(body)}
    lines = body.toPlainText().split("\n")
    paragraph_blocks = [number for number, line in enumerate(lines) if line.strip()]  # paragraph → block
    assert len(paragraph_blocks) == 1200
    expected = {(paragraph_blocks[f.index], f.start, f.end) for f in in_body}
    assert expected <= painted
    assert walks[0] <= 2  # each block looked back one block, not to the top
