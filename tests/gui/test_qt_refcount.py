"""The installed Qt binding keeps None's reference count steady while the preview redraws.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every void call
(QTextCursor.insertText among them); the preview makes thousands per redraw, and after a
few minutes the interpreter aborts with "Fatal Python error: none_dealloc". constraints.txt
pins a release that does not; this test fails on any release that brings the leak back.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from core.draft.model import Report, Section
from gui.document import DraftDocument
from gui.panels.preview_pane import PreviewPane
from tests.gui.conftest import SETTLE_MS

REDRAWS = 5


def _none_refs() -> int:
    gc.collect()
    return sys.getrefcount(None)


def test_preview_redraws_of_a_long_section_leave_none_refcount_flat(app: QApplication, qtbot: Any) -> None:
    body = [f"第{i}段：坚持以人民为中心的发展思想，推动“三农”工作取得新成效，GDP增长5.2%。" for i in range(300)]
    doc = DraftDocument(Report(title="2024年工作总结", sections=[Section(heading="主要工作", id="a", body=body)]))
    pane = PreviewPane("gb2312")
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    pane.set_document(doc)
    pane.render_now()  # warm up: caches and lazily created objects settle first
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    pane.pages.grab()
    # One short redraw first, so a leaking binding fails here rather than aborting the run.
    # It keeps the number of paragraphs: Python objects freed would give back their own
    # references to None, which is no loss.
    short = [f"短{t}" for t in body[:20]] + body[20:]
    before = _none_refs()
    doc.set_section_field("a", "body", short)
    pane.render_now()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
    _assert_no_loss(_none_refs() - before, laid_out=20)
    before = _none_refs()
    for round_ in range(REDRAWS):
        doc.set_section_field("a", "body", [f"{round_}{t}" for t in body])  # every paragraph new
        pane.render_now()
        qtbot.waitUntil(lambda: not pane.is_busy(), timeout=SETTLE_MS)
        pane.pages.grab()  # paints every visible page
    _assert_no_loss(_none_refs() - before, laid_out=REDRAWS * len(body))


def _assert_no_loss(drift: int, laid_out: int) -> None:
    # Thousands of Qt calls ran; a leaking binding loses at least one reference in each,
    # and None is freed (the abort) once the count reaches zero. A surplus cannot abort:
    # PySide6 6.11 keeps 3 references to None for each new paragraph document's layout
    # wrapper (the preview uses spare documents again, so only a few are new).
    assert drift > -10, f"None 的引用计数少了 {-drift}：已安装的 PySide6 有引用泄漏，程序会崩溃，请按 constraints.txt 安装"
    assert drift <= 4 * laid_out, f"None 的引用计数多了 {drift}：预览的每段排版留下了多余的引用"
