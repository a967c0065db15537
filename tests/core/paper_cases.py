"""The seven 公文 of issue 21, measured on paper (tests/core/test_paper_cases_pdf.py and
``python -m tests.core.paper_cases OUT_DIR`` for gongwen_paper_check.py).

Each is drafted from a seed (real report text; our own samples where ../shared/seeds is
absent), cut to a few pages so that LibreOffice converts it quickly:

* ``one_signer``      上报 with one 签发人, sealed 落款, a 22-character unit;
* ``three_signers``   上报 with three two-character 签发人, unsealed 落款, the same unit;
* ``table_attachment`` a 附件 part holding a table (序号, 重点任务, 责任单位, 完成时限);
* ``notice``          a 印发通知 before the 工作要点;
* ``imprint_under``   the 版记 under the text (even last page with room);
* ``imprint_alone``   the 版记 on a page of its own right after the text's odd last page (numbered);
* ``long_title``      a 51-character title;
* ``joint_two``       联合行文: a 发文机关标志 of two organs and “文件” (下行文, 发文字号 centred);
* ``joint_three``     联合行文: three organs and “文件”, with one 签发人 (上行文).
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

from core.draft.fields import HEADER_ELECTRONIC
from core.draft.kinds import get_kind
from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED, Report, Section
from core.draft.tables import Table
from tests.conftest import SEED_NAMES, SEEDS_DIR

LONG_UNIT = "某某省某某市某某区人力资源和社会保障局办公室"  # 22 characters
SHORT_UNIT = "中共某某区委组织部"
LONG_TITLE = (
    "中共某某市某某区委员会组织部关于2024年上半年全区干部教育培训和基层党组织建设工作开展情况的专题报告"
)
FOLLOW_UP = "下半年继续加强干部教育培训工作，推动任务落实。"  # one line
assert len(LONG_UNIT) == 22 and len(LONG_TITLE) == 51


def _seed(key: str) -> Report | None:
    path = SEEDS_DIR / SEED_NAMES[key]
    if not path.is_file():
        return None
    from core.importing.importer import import_document

    return import_document(path).report


def _cut(report: Report, chars: int) -> Report:
    """The report's first sections, paragraphs dropped from the end until ``chars`` characters."""
    report = copy.deepcopy(report)
    total = sum(len(p) for p in report.opening)
    kept: list[Section] = []
    for section in report.sections:
        for _depth, part in section.walk():
            part.points = []
            part.tables = []
            room = max(0, chars - total)
            body, used = [], 0
            for paragraph in part.body:
                if used + len(paragraph) > room:
                    break
                body.append(paragraph)
                used += len(paragraph)
            part.body = body
            part.tail = []
            total += used + len(part.heading)
        kept.append(section)
        if total >= chars:
            break
    report.sections = kept
    return report


def _base(key: str, kind: str, chars: int) -> Report:
    seeded = _seed(key)
    if seeded is None:
        from tests.core.library_corpus import report_a

        seeded = report_a()
    report = get_kind(kind).new_report(2024, SHORT_UNIT)
    cut = _cut(seeded, chars)
    report.opening = cut.opening or ["2024年上半年，我们按照年初部署扎实推进各项工作。"]
    report.sections = cut.sections
    report.date = "2024-07-12"
    return report


def _upward(report: Report, signers: str) -> Report:
    report.header_mode = HEADER_ELECTRONIC
    report.issuer_mark = f"{SHORT_UNIT}文件"
    report.doc_number = "某组发〔2024〕18号"
    report.signers = signers
    report.addressee = "区委"
    return report


def _imprint(report: Report) -> Report:
    report.copy_to = "区委办公室，区政府办公室"
    report.printer = f"{SHORT_UNIT}办公室"
    report.print_date = "2024-07-15"
    return report


def one_signer() -> Report:
    report = _upward(_base("004", "half_year_summary", 900), "张三")
    report.signature, report.signature_layout = LONG_UNIT, SIGNATURE_SEALED
    report.date = "2024-11-28"  # two-digit month and day
    return report


def three_signers() -> Report:
    report = _upward(_base("001", "half_year_summary", 900), "张三、李四、王五")
    report.signature, report.signature_layout = LONG_UNIT, SIGNATURE_UNSEALED
    report.date = "2024-1-8"  # one-digit month and day
    return report


def table_attachment() -> Report:
    report = _base("002", "annual_keypoints", 700)
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_SEALED
    part = Section(heading="2024年重点任务分工表", attachment=True)
    part.body = ["各责任单位按时限完成以下任务。"]
    part.tables = [
        Table(
            rows=[
                ["序号", "重点任务", "责任单位", "完成时限"],
                ["1", "开展干部教育培训计划编制", "干部科", "3月底前"],
                ["2", "推进基层党组织标准化规范化建设", "组织科", "6月底前"],
                ["3", "组织年轻干部“墩苗”实践锻炼", "干部科、人才办", "全年"],
                ["4", "培训计划", "党员教育中心", "12月底前"],
            ]
        )
    ]
    report.sections.append(part)
    return report


def notice() -> Report:
    from core.reuse.notice import notice_paragraphs

    report = _base("000", "annual_keypoints", 900)
    report.title = f"{SHORT_UNIT}2022年工作要点"
    report.date = "2022-02-16"
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_SEALED
    report.cover = notice_paragraphs(report, today=dt.date(2022, 2, 16))
    return report


def imprint_under() -> Report:
    report = _imprint(_upward(_base("004", "half_year_summary", 850), "张三"))
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_SEALED
    return report


def imprint_alone() -> Report:
    report = _imprint(_base("004", "half_year_summary", 850))
    # Text to page 3 (an odd page): the 版记 goes on page 4, right after the text.
    report.sections[-1].body = [*report.sections[-1].body, *[FOLLOW_UP] * 34]
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_SEALED
    return report


def long_title() -> Report:
    report = _base("003", "work_report", 900)
    report.title = LONG_TITLE
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_UNSEALED
    report.date = "2024-12-3"
    return report


JOINT_ORGANS = ("中共某某区委组织部", "某某区人力资源和社会保障局", "某某区财政局")


def _joint(organs: int, signers: str) -> Report:
    report = _upward(_base("004", "half_year_summary", 850), signers)
    report.issuer_mark = "\n".join(JOINT_ORGANS[:organs]) + "文件"
    report.signature, report.signature_layout = SHORT_UNIT, SIGNATURE_SEALED
    return report


def joint_two() -> Report:
    return _joint(2, "")


def joint_three() -> Report:
    return _joint(3, "张三")


CASES = {
    "one_signer": one_signer,
    "three_signers": three_signers,
    "table_attachment": table_attachment,
    "notice": notice,
    "imprint_under": imprint_under,
    "imprint_alone": imprint_alone,
    "long_title": long_title,
    "joint_two": joint_two,
    "joint_three": joint_three,
}


def cases() -> dict[str, Report]:
    return {name: build() for name, build in CASES.items()}


if __name__ == "__main__":  # python -m tests.core.paper_cases OUT_DIR [SCHEME]: the .docx files, Noto stand-ins
    import os

    from core.render import render_report
    from core.render.fonts import DEFAULT_SCHEME
    from tests.golden.regenerate import screenshot_fontconfig

    out = Path(sys.argv[1])
    scheme = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SCHEME
    out.mkdir(parents=True, exist_ok=True)
    os.environ["FONTCONFIG_FILE"] = str(screenshot_fontconfig(out))
    for name, report in cases().items():
        render_report(report, out / f"{name}.docx", fonts=scheme, keep_backup=False)
        print(out / f"{name}.docx", report.signature_layout)
