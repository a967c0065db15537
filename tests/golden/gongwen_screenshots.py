"""PNG pages of the 公文 elements (issue 15) for docs/screenshots/, through LibreOffice.

    python -m tests.golden.gongwen_screenshots

gongwen_upward_first.png / gongwen_upward_last.png — an upward 报告 with 版头, 签发人, 版记;
gongwen_notice.png — the 印发通知 and the 工作要点 after it, side by side;
gongwen_imprint_under_text.png — a text ending early on page 2 with the 版记 at that page's foot;
gongwen_attachment.png — an attachment page; gongwen_pretinted.png — 套红纸 mode;
gongwen_signers.png — a joint upward 报告 with five 签发人, two a line;
gongwen_form.png — the 报告信息 form of an upward 报告 with its 版头 and 版记 rows (offscreen Qt);
gongwen_attachment_form.png — a part ticked 作为附件 in the section form (offscreen Qt).
Fonts are the Noto CJK stand-ins of tests/golden/regenerate.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from core.draft.fields import HEADER_ELECTRONIC, HEADER_PRETINTED
from core.draft.kinds import get_kind
from core.draft.model import Report, Section
from core.draft.tables import Table
from core.reuse.notice import notice_paragraphs
from tests.golden.regenerate import SCREENSHOT_DIR
from tests.golden.samples import half_year_sample
from tests.pdf_layout import page_count, render_pdfs

UNIT = "中共某某区委组织部"


def upward(mode: str = HEADER_ELECTRONIC) -> Report:
    report = half_year_sample()
    report.header_mode = mode
    report.issuer_mark = f"{UNIT}文件"
    report.doc_number = "某组发〔2025〕5号"
    report.signers = "张三"
    report.addressee = "区委"
    report.copy_to = "区委办公室，区政府办公室"
    report.printer = f"{UNIT}办公室"
    report.date = "2025-07-01"
    report.print_date = "2025-07-02"
    return report


def short_on_page_two() -> Report:
    """A text that ends early on page 2 (even): the 版记 at the foot of that page."""
    from tests.core.gongwen_samples import imprinted_report

    report = imprinted_report()
    report.date = "2024-07-01"
    return report


def with_attachment() -> Report:
    """An attachment written in the app as a part of the report (作为附件), with a table."""
    report = upward()
    report.sections.append(
        Section(
            heading="上半年重点工作完成情况",
            attachment=True,
            body=["各项重点工作完成情况如下。"],
            tables=[Table(rows=[["工作", "完成情况", "责任单位"],
                                ["专题学习", "12次，覆盖党员干部1200人次", "办公室"],
                                ["基层党组织换届", "完成32个", "组织科"],
                                ["年轻干部基层锻炼", "选派20名", "干部科"]])],
            children=[
                Section(heading="理论武装", body=["开展专题学习12次，覆盖党员干部1200人次。"]),
                Section(heading="组织建设", body=["完成基层党组织换届32个，整顿软弱涣散党组织5个。"]),
            ],
        )
    )
    return report


def notice() -> Report:
    kind = get_kind("annual_keypoints")
    report = kind.new_report(2024, UNIT)
    report.opening = ["2024年是……之年。全区组织工作的总体要求是：坚持……，为……提供坚强组织保证。"]
    report.sections[0].heading = "突出政治建设，坚定拥护“两个确立”"
    report.sections[0].children[0].heading = "深化理论武装"
    report.sections[0].children[0].body = ["制定年度学习计划，组织专题读书班2期。"]
    samples = iter(["抓好“第一议题”制度落实", "推进基层党建提质增效", "加强村（社区）党组织建设",
                    "深化干部教育培训", "健全人才引育机制", "完善考核评价体系"])  # fmt: skip
    for _, section in report.walk():  # the kind's outline, its headings filled in as a clerk would
        if not section.heading.strip():
            section.heading = next(samples, "抓好各项任务落实")
        if not section.children and not section.body:
            section.body = ["明确责任分工，细化工作举措，确保按期完成。"]
    report.date = "2024-01-08"
    report.cover = notice_paragraphs(report, today=dt.date(2024, 1, 8))
    report.header_mode = HEADER_ELECTRONIC
    report.issuer_mark = f"{UNIT}文件"
    report.doc_number = "某组发〔2024〕1号"
    return report  # the notice carries the 落款 and date; the 要点 under it repeats neither


def joint_signers() -> Report:
    report = upward()
    report.issuer_mark = f"{UNIT}\n中共某某区委宣传部"
    report.signers = "张三丰、李四光、王五、赵六、钱七"
    return report


def _png(pdf: Path, page: int, target: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(target)],
        check=True,
        timeout=60,
    )
    return target.with_suffix(".png")


def _side_by_side(left: Path, right: Path, target: Path) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter

    a, b = QImage(str(left)), QImage(str(right))
    gap = 12
    image = QImage(a.width() + gap + b.width(), max(a.height(), b.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("#d0d0d0"))
    painter = QPainter(image)
    painter.drawImage(0, 0, a)
    painter.drawImage(a.width() + gap, 0, b)
    painter.end()
    image.save(str(target))


def shoot_form(target: Path) -> Path:
    """The 报告信息 form scrolled to its 公文 rows, in a throw-away user folder."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BAOGAO_HOME"] = tempfile.mkdtemp(prefix="baogao-shot-")
    from PySide6.QtWidgets import QApplication, QScrollArea

    from gui.document import DraftDocument
    from gui.editor.report_form import ReportForm

    app = QApplication.instance() or QApplication(sys.argv)
    report = get_kind("half_year_summary").new_report(2025, UNIT)
    report.header_mode = HEADER_ELECTRONIC
    report.doc_number = "某组发〔2025〕5号"
    report.signers = "张三"
    report.copy_to = "区委办公室，区政府办公室"
    report.attachments = ["上半年重点工作完成情况"]
    form = ReportForm()
    form.set_document(DraftDocument(report))
    area = QScrollArea()
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.resize(700, 900)
    area.show()
    app.processEvents()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    app.processEvents()
    area.grab().save(str(target))
    return target


def shoot_attachment_part(target: Path) -> Path:
    """The section form showing a part ticked 作为附件: the same editor as any other part."""
    from PySide6.QtWidgets import QApplication

    from gui.document import DraftDocument
    from gui.editor.section_form import SectionForm

    app = QApplication.instance() or QApplication(sys.argv)
    report = with_attachment()
    form = SectionForm()
    form.set_document(DraftDocument(report))
    form.show_section(report.sections[-1].id)
    form.resize(620, 700)
    form.show()
    app.processEvents()
    form.grab().save(str(target))
    return target


def main() -> int:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdfs = render_pdfs(
            {
                "upward": upward(),
                "pretinted": upward(HEADER_PRETINTED),
                "attached": with_attachment(),
                "notice": notice(),
                "signers": joint_signers(),
                "under_text": short_on_page_two(),
            },
            folder,
        )
        written = [
            _png(pdfs["upward"], 1, SCREENSHOT_DIR / "gongwen_upward_first"),
            _png(pdfs["upward"], page_count(pdfs["upward"]), SCREENSHOT_DIR / "gongwen_upward_last"),
            _png(pdfs["pretinted"], 1, SCREENSHOT_DIR / "gongwen_pretinted"),
            _png(pdfs["signers"], 1, SCREENSHOT_DIR / "gongwen_signers"),
            _png(pdfs["under_text"], 2, SCREENSHOT_DIR / "gongwen_imprint_under_text"),
        ]
        attached = pdfs["attached"]
        attachment_page = next(
            page for page in range(1, page_count(attached) + 1)
            if subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page), str(attached), "-"],
                capture_output=True, text=True, check=True,
            ).stdout.lstrip().startswith(("附件1", "附件\n"))
        )
        written.append(_png(attached, attachment_page, SCREENSHOT_DIR / "gongwen_attachment"))
        first = _png(pdfs["notice"], 1, folder / "notice_1")
        second = _png(pdfs["notice"], 2, folder / "notice_2")
        _side_by_side(first, second, SCREENSHOT_DIR / "gongwen_notice.png")
        written.append(SCREENSHOT_DIR / "gongwen_notice.png")
    written.append(shoot_form(SCREENSHOT_DIR / "gongwen_form.png"))
    written.append(shoot_attachment_part(SCREENSHOT_DIR / "gongwen_attachment_form.png"))
    for path in written:
        print(f"已写入 {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
