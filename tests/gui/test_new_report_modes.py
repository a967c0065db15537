"""新建报告's ways to use a prior document: the carry-text choice and 由今年工作要点生成."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from core.base.settings import Settings
from core.reuse.new_draft import CARRY_OUTLINE, CARRY_TEXT, FROM_PLAN
from gui.dialogs.new_report_dialog import NewReportDialog
from tests.conftest import seed_path
from tests.gui.conftest import read_prior


def test_carry_text_is_offered_beside_the_other_choices(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.carry_text_radio.text() == "沿用上年提纲和文字（年份顺延，数字标出待核实）"
    assert not dialog.carry_text_radio.isEnabled()  # nothing to carry yet
    assert read_prior(dialog, seed_path("001"))
    assert dialog.carry_text_radio.isEnabled()
    dialog.carry_text_radio.setChecked(True)
    assert dialog.request().mode == CARRY_TEXT


def test_the_kind_the_clerk_chose_is_never_switched(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings(last_kind="half_year_summary"))  # preselected, not even picked
    qtbot.addWidget(dialog)
    assert dialog.kind_id() == "half_year_summary"
    assert read_prior(dialog, seed_path("002"))  # 2022年组织工作要点, chosen with 选择文件…
    assert dialog.kind_id() == "half_year_summary"
    assert "今年工作要点" in dialog.prior_label.text()  # the way to use a plan is pointed out
    assert dialog.request().mode == CARRY_OUTLINE


def test_the_note_on_the_file_follows_the_kind_the_clerk_then_picks(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings(last_kind="annual_keypoints"))
    qtbot.addWidget(dialog)
    assert read_prior(dialog, seed_path("004"))  # a 上半年工作总结 under the preselected 年度工作要点
    assert "与所选的“年度工作要点”不同" in dialog.prior_label.text()
    dialog._select_kind("half_year_summary")
    assert "不同" not in dialog.prior_label.text() and "上半年工作总结" in dialog.prior_label.text()
    dialog._select_kind("annual_summary")
    assert "与所选的“年度工作总结”不同；将按“年度工作总结”起草。" in dialog.prior_label.text()


def test_start_from_this_years_plan(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    dialog._select_kind("annual_keypoints")
    assert not dialog.plan_radio.isEnabled()  # a 要点 is not written from a 要点
    dialog._select_kind("half_year_summary")
    assert dialog.plan_radio.isEnabled()
    dialog.plan_radio.setChecked(True)
    assert dialog.prior_box.title() == "今年的工作要点"
    assert not dialog.carry_radio.isVisibleTo(dialog) and dialog.mode_hint.isVisibleTo(dialog)
    assert dialog.mode_hint.text().startswith("工作要点的每一部分成为“工作开展情况”下的一个小标题")
    assert read_prior(dialog, seed_path("002"))
    assert dialog.kind_id() == "half_year_summary"
    assert dialog.year_spin.value() == 2022  # a summary of this year's plan: the plan's year
    assert dialog.request().mode == FROM_PLAN

    dialog.start_prior_radio.setChecked(True)
    assert dialog.year_spin.value() == 2023 and dialog.request().mode == CARRY_OUTLINE
    dialog.plan_radio.setChecked(True)
    dialog._select_kind("work_report")  # the clerk picks a kind without a plan: back to 上年同类报告
    assert dialog.start_prior_radio.isChecked() and dialog.request().mode == CARRY_OUTLINE
    assert dialog.kind_id() == "work_report"


def test_one_line_explains_the_chosen_way(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings(last_kind="annual_summary"))
    qtbot.addWidget(dialog)
    assert read_prior(dialog, seed_path("001"))
    assert dialog.mode_hint.text().startswith("保留上年的标题结构和编号")
    dialog.carry_text_radio.setChecked(True)
    assert dialog.mode_hint.text().startswith("标题和文字都沿用上年的")
    dialog.reference_radio.setChecked(True)
    assert dialog.mode_hint.text().startswith("按“年度工作总结”的标准提纲起草")


def test_a_file_that_moves_the_year_says_so(app: QApplication, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The year a new report gets without a file (this year or next, by the date) made fixed.
    monkeypatch.setattr("core.reuse.new_draft.default_year", lambda _kind, _today=None: 2025)
    dialog = NewReportDialog(Settings(last_kind="half_year_summary"))
    qtbot.addWidget(dialog)
    assert dialog.year_spin.value() == 2025 and not dialog.year_note.isVisibleTo(dialog)

    assert read_prior(dialog, seed_path("004"))  # 2022年上半年工作总结
    assert dialog.year_spin.value() == 2023
    assert dialog.year_note.isVisibleTo(dialog)
    assert dialog.year_note.text() == "年度已改为 2023 年：所选上年报告是 2022 年的。"

    dialog.plan_radio.setChecked(True)  # from this year's 工作要点: the file's own year
    assert read_prior(dialog, seed_path("002"))
    assert dialog.year_spin.value() == 2022
    assert dialog.year_note.text() == "年度已改为 2022 年：所选工作要点是 2022 年的。"

    dialog.set_prior(None)  # no file: back to the usual year, nothing to explain
    assert dialog.year_spin.value() == 2025 and not dialog.year_note.isVisibleTo(dialog)

    dialog.start_prior_radio.setChecked(True)
    dialog.year_spin.setValue(2024)  # the clerk's own year stays, and the line says what the file says
    assert not dialog.year_note.isVisibleTo(dialog)
    assert read_prior(dialog, seed_path("004"))
    assert dialog.year_spin.value() == 2024
    assert dialog.year_note.text() == "所选上年报告是 2022 年的，按它应为 2023 年；年度仍是您填写的 2024 年。"


def test_start_from_a_blank_outline_ignores_the_file(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    assert read_prior(dialog, seed_path("001"))
    dialog.start_blank_radio.setChecked(True)
    assert not dialog.prior_box.isVisibleTo(dialog)
    request = dialog.request()
    assert request.prior is None and request.prior_path is None and request.mode == CARRY_OUTLINE


def test_summary_from_plan_through_the_window(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("002"), kind="half_year_summary", mode=FROM_PLAN)
    report = window.doc.report
    assert (report.kind, report.year) == ("half_year_summary", 2022)
    work = report.sections[0]
    assert [c.heading[:6] for c in work.children] == ["突出政治建设", "突出实干实绩", "突出作用发挥", "突出聚才聚智",
                                                      "突出责任担当"]
    window.editor.outline.select_section(work.children[0].id)
    assert window.panel_host.reference.cards[0].text.startswith("一、突出政治建设")
    assert "工作要点的 5 个部分" in window.status_text
    # The side pane says where its text comes from; no empty （一）（二） were made.
    assert window.panel_host.docks["reference"].windowTitle() == "今年工作要点"
    assert window.panel_host.reference.caption.text().startswith("“突出政治建设")
    assert "工作要点内容" in window.panel_host.reference.caption.text()
    assert all(c.heading.strip() for _, c in report.walk())
    # An item added from the plan loses the plan's own number: ordinals are computed here.
    card = next(c for c in window.panel_host.reference.cards if c.text.startswith("1."))
    card.buttons[1].click()  # 加入要点
    assert report.find(work.children[0].id).points[-1].text == card.text.split(".", 1)[1]


def _in_front(window: Any) -> list[str]:
    """The right-hand docks whose tab is in front (their content can be seen)."""
    docks = window.panel_host.docks
    return sorted(name for name in ("reference", "flags", "library", "checks", "review")
                  if name in docks and not docks[name].visibleRegion().isEmpty())


def test_new_report_brings_forward_the_tab_the_status_names(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    window.show_panel("library")  # the clerk looked at the library with this draft
    assert _in_front(window) == ["library"]
    new_report(window, seed_path("002"), kind="half_year_summary", mode=FROM_PLAN)
    assert "今年工作要点" in window.status_text
    assert _in_front(window) == ["reference"]
    assert window.panel_host.docks["reference"].windowTitle() == "今年工作要点"
    window.show_panel("checks")
    new_report(window, seed_path("004"), carry=True)
    assert "上年参考" in window.status_text
    assert _in_front(window) == ["reference"]


def test_a_reference_pane_the_clerk_closed_stays_closed(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    window.panel_host.docks["reference"].hide()  # closed by the clerk
    new_report(window, seed_path("004"), carry=True)
    assert "上年参考" in window.status_text
    assert window.panel_host.docks["reference"].isHidden()
