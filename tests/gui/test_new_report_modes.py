"""新建报告's ways to use a prior document: the carry-text choice and 由今年工作要点生成."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from core.base.settings import Settings
from core.reuse.new_draft import CARRY_OUTLINE, CARRY_TEXT, FROM_PLAN
from gui.dialogs.new_report_dialog import NewReportDialog
from tests.conftest import seed_path


def test_carry_text_is_offered_beside_the_other_choices(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.carry_text_radio.text() == "沿用上年提纲和文字（年份顺延，数字标出待核实）"
    assert not dialog.carry_text_radio.isEnabled()  # nothing to carry yet
    assert dialog.set_prior(seed_path("001"))
    assert dialog.carry_text_radio.isEnabled()
    dialog.carry_text_radio.setChecked(True)
    assert dialog.request().mode == CARRY_TEXT
    assert not dialog.plan_radio.isVisibleTo(dialog)  # 001 is a summary, not a plan


def test_plan_choice_appears_for_a_summary_from_keypoints(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.set_prior(seed_path("002"))  # 2022年组织工作要点
    assert dialog.kind_id() == "annual_keypoints"
    assert not dialog.plan_radio.isVisibleTo(dialog)  # a 要点 from a 要点: not offered
    assert dialog.year_spin.value() == 2023

    dialog._select_kind("half_year_summary")
    assert dialog.plan_radio.isVisibleTo(dialog) and dialog.plan_radio.isChecked()
    assert dialog.year_spin.value() == 2022  # a summary of this year's plan: the plan's year
    assert dialog.request().mode == FROM_PLAN

    dialog.carry_radio.setChecked(True)
    assert dialog.year_spin.value() == 2023 and dialog.request().mode == CARRY_OUTLINE
    dialog.plan_radio.setChecked(True)
    dialog._select_kind("work_report")
    assert not dialog.plan_radio.isVisibleTo(dialog) and dialog.request().mode == CARRY_OUTLINE


def test_summary_from_plan_through_the_window(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("002"), kind="half_year_summary", mode=FROM_PLAN)
    report = window.doc.report
    assert (report.kind, report.year) == ("half_year_summary", 2022)
    work = report.sections[0]
    assert [c.heading[:6] for c in work.children] == ["突出政治建设", "突出实干实绩", "突出作用发挥", "突出聚才聚智",
                                                      "突出责任担当"]
    window.editor.outline.select_section(work.children[0].id)
    assert window.reference.cards[0].text.startswith("一、突出政治建设")
    assert "工作要点的 5 个部分" in window.statusBar().currentMessage()
