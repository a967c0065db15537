"""A .pdf, .xlsx, .png or .zip chosen under 所有文件 — in 文件 ▸ 打开, and in 新建报告 ▸ 选择文件… —
is refused with a message naming the file and the formats that can be opened, never taken for a
damaged draft; the open draft, the recent files and the dialog stay as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.draft.model import to_dict
from gui.dialogs.new_report_dialog import NewReportDialog
from tests.gui.conftest import ended_by
from tests.unknown_formats import REASONS, write_unknown_formats


def test_file_open_refuses_a_format_it_does_not_read(make_window: Any, new_report: Any, answers: Any, tmp_path: Path) -> None:
    window = make_window()
    new_report(window, None)
    before = to_dict(window.doc.report)
    recent = (list(window.settings.recent_documents), list(window.settings.recent_drafts))
    for path in write_unknown_formats(tmp_path):
        answers.open_paths.append(str(path))
        answers.asked.clear()
        window.window_actions["open"].trigger()  # 文件 ▸ 打开, the file chosen under 所有文件
        assert answers.asked == [
            ("warn", f"无法打开文件：无法导入“{path.name}”：{REASONS[path.name]}\n报告草稿（.draft.json）可以直接打开。")
        ]
        assert to_dict(window.doc.report) == before
        assert (window.settings.recent_documents, window.settings.recent_drafts) == recent
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(REASONS)


def test_new_report_refuses_a_format_it_does_not_read(
    make_window: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window()
    paths = write_unknown_formats(tmp_path)
    seen: list[tuple[object, str]] = []

    def choose_each(dialog: NewReportDialog) -> int:  # 选择文件… for each, then 取消
        for path in paths:
            answers.open_paths.append(str(path))
            assert not ended_by(dialog.priorRead, dialog.choose_button.click)
            seen.append((dialog._prior, dialog.prior_label.text()))
        return 0

    monkeypatch.setattr(NewReportDialog, "exec", choose_each)
    assert not window.documents.new_report()
    assert answers.asked == [
        ("warn", f"无法读取上年报告：无法导入“{path.name}”：{REASONS[path.name]}") for path in paths
    ]
    assert all(prior is None and label.startswith("未选择。") for prior, label in seen)
    assert window.doc is None
