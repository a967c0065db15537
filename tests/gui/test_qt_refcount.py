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
    pane.pages.grab()
    # One short redraw first, so a leaking binding fails here rather than aborting the run.
    before = _none_refs()
    doc.set_section_field("a", "body", body[:20])
    pane.render_now()
    _assert_flat(_none_refs() - before)
    before = _none_refs()
    for round_ in range(REDRAWS):
        doc.set_section_field("a", "body", [*body, f"新写的第{round_}段。"])
        pane.render_now()
        pane.pages.grab()  # paints every visible page
    _assert_flat(_none_refs() - before)


def _assert_flat(drift: int) -> None:
    # Hundreds of Qt calls ran; a leaking binding loses at least one reference each.
    assert abs(drift) < 50, f"None 的引用计数漂移了 {drift}：已安装的 PySide6 有引用泄漏，请按 constraints.txt 安装"
