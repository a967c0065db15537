"""Reports with the 公文 elements, shared by the issue-15 tests."""

from __future__ import annotations

from core.draft.fields import HEADER_ELECTRONIC
from core.draft.kinds import get_kind
from core.draft.model import Report

UNIT = "中共某某区委组织部"


def upward_report(mode: str = HEADER_ELECTRONIC) -> Report:
    report = get_kind("half_year_summary").new_report(2024, UNIT)
    report.header_mode = mode
    report.doc_number = "某组发〔2024〕5号"
    report.signers = "张三 李四"
    report.secrecy = "秘密★1年"
    report.copy_number = "000001"
    report.urgency = "特急"
    report.addressee = "区委"
    report.opening = ["2024年上半年，区委组织部扎实推进各项工作。"]
    report.sections[0].heading = "加强班子建设"
    report.sections[0].body = ["选派干部参加培训。"]
    return report


def imprinted_report(copy_to: str = "区委办公室，区政府办公室") -> Report:
    report = upward_report()
    report.copy_to = copy_to
    report.printer = f"{UNIT}办公室"
    report.print_date = "2024-07-02"
    return report


def attached_report() -> Report:
    report = imprinted_report()
    report.date = "2024-07-01"
    report.attachments = ["上半年重点工作完成情况", "干部培训计划"]
    report.attachment_texts = ["党建工作完成情况良好。\n组织工作稳步推进。", "全年培训干部500人次。"]
    return report
