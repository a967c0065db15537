"""A 发文机关标志 of several organs (联合行文, one a line) keeps page 1 on the 22-line grid
(GB/T 9704 5.2.2): the XML of the two spaces that take up the 标志's extra height, and the
lines measured on LibreOffice's PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from core.draft.fields import HEADER_ELECTRONIC, HEADER_PRETINTED
from core.draft.kinds import get_kind
from core.draft.model import Report
from core.render.engine import render_document
from core.render.header_grid import printed_lines
from core.render.styles import issuer_mark_grid_shift
from tests.pdf_layout import MM_PER_PT, TEXT_BOTTOM_MM, TEXT_TOP_MM, baseline_of, page_words, render_pdfs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORGANS = ["中共某某区委组织部", "某某区人力资源社会保障局", "某某区财政局"]  # 12 characters fit a line
LINE_MM = 225 / 22  # the 版心's line pitch, 10.227 mm
CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "gongwen_paper_check.py"
# One paragraph long enough to run from page 1 onto page 2: both pages full.
LONG = "全面加强干部队伍、基层组织和人才队伍建设，抓重点、攻难点、创亮点，较好地完成了各项阶段性工作任务。" * 24


def _joint(organs: int, mode: str = HEADER_ELECTRONIC, signers: str = "") -> Report:
    report = get_kind("half_year_summary").new_report(2024, ORGANS[0])
    report.header_mode = mode
    report.issuer_mark = "\n".join(ORGANS[:organs]) + ("文件" if organs == 1 else "")
    report.doc_number = "某组发〔2024〕5号"
    report.signers = signers
    report.addressee = "区委"
    report.title = "关于上半年干部工作情况的报告"
    report.opening = [LONG]
    report.sections = report.sections[:1]
    report.sections[0].heading = "加强班子建设"
    report.sections[0].body = ["选派干部参加培训。"]
    report.date = "2024-07-12"
    report.signature = ORGANS[0]
    return report


def test_the_shift_per_number_of_lines() -> None:
    # A 标志 line is 900 twips (36 pt × 1.25), a line of text 579. Two lines: 900 mod 579 =
    # 321 over the grid, the nearer whole line is 258 further, 129 to each gap. Three: 1800
    # mod 579 = 63 over: 63 less, 32 and 31. Four: 2700 mod 579 = 384: 195 more, 97 and 98.
    assert [issuer_mark_grid_shift(n) for n in (1, 2, 3, 4)] == [(0, 0), (129, 129), (-32, -31), (97, 98)]


def test_printed_lines_count_an_organ_too_long_for_one_line() -> None:
    assert printed_lines("中共某某区委组织部文件") == 1
    assert printed_lines("\n".join(ORGANS)) == 3
    assert printed_lines("某某区人力资源和社会保障局\n某某区财政局") == 3  # 13 characters wrap


def _spacing(document: docx.document.Document, style: str) -> dict[str, str]:
    for paragraph in document.paragraphs:
        if paragraph.style.style_id == style:
            ppr = paragraph._p.find(f"{W}pPr")
            spacing = ppr.find(f"{W}spacing")
            return {} if spacing is None else {k.removeprefix(W): v for k, v in spacing.attrib.items()}
    raise AssertionError(f"no {style} paragraph")


@pytest.mark.parametrize(
    ("organs", "mode", "signers", "number_style", "rule_style", "before", "after"),
    [
        # The styles' spaces: 发文字号 two lines (1158), the red line's 1110 (two lines less
        # what the 版头's own heights leave over the grid).
        (1, HEADER_ELECTRONIC, "", "DocNumber", "HeaderRule", None, None),
        (2, HEADER_ELECTRONIC, "", "DocNumber", "HeaderRule", "1287", "1239"),
        (3, HEADER_ELECTRONIC, "张三", "DocNumberSigned", "HeaderRule", "1126", "1079"),
        (2, HEADER_PRETINTED, "张三、李四、王五", "DocNumberSignersFirst", "HeaderRuleBlank", "1287", "1239"),
    ],
)
def test_the_two_spaces_in_the_xml(
    organs: int, mode: str, signers: str, number_style: str, rule_style: str, before: str | None, after: str | None
) -> None:
    document = docx.Document(io.BytesIO(render_document(_joint(organs, mode, signers)).data))
    assert _spacing(document, number_style) == ({} if before is None else {"before": before})
    assert _spacing(document, rule_style) == ({} if after is None else {"after": after})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查")
@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="未安装 poppler-utils，跳过 PDF 检查")
@pytest.mark.usefixtures("layout_fonts")
@pytest.mark.timeout(600)
@pytest.mark.parametrize("named_fonts", [True, False], ids=["named_fonts", "fonts_missing"])
def test_page_one_holds_22_lines_under_a_joint_mark(tmp_path: Path, named_fonts: bool) -> None:
    reports = {f"organs_{n}": _joint(n) for n in (1, 2, 3)}
    reports["organs_2_signed"] = _joint(2, signers="张三、李四、王五")
    pdfs = render_pdfs(reports, tmp_path, named_fonts=named_fonts)
    gaps: dict[str, list[float]] = {}
    for name, pdf in pdfs.items():
        words = {n: [w for w in page_words(pdf, n) if w.top > TEXT_TOP_MM - 1 and w.bottom < TEXT_BOTTOM_MM + 1] for n in (1, 2)}
        # Page 2 is full: its last line is the 版心's 22nd; page 1's last line is on the same grid.
        last = {n: baseline_of(pdf, n, max(ws, key=lambda w: w.bottom)) for n, ws in words.items() if ws}
        assert last[1] == pytest.approx(last[2], abs=0.3), (name, last)
        slot = (last[2] - TEXT_TOP_MM) / LINE_MM
        assert 21 < slot <= 22, (name, slot)  # the baseline inside the 22nd line
        # The 发文字号 two lines under the 标志's last line, the title two lines under the red
        # line: as far as under a one-line 标志, give or take the shift (at most a quarter line).
        marks = sorted((w for w in page_words(pdf, 1) if w.bottom - w.top > 36 * MM_PER_PT), key=lambda w: w.top)  # 小初
        number = next(w for w in page_words(pdf, 1) if "〔2024〕" in w.text)
        title = next(w for w in page_words(pdf, 1) if w.text.startswith("关于上半年"))
        first = next((w for w in page_words(pdf, 1) if w.text.startswith("签发人")), number)  # 7.2.6: the block's top
        gaps[name] = [baseline_of(pdf, 1, b) - baseline_of(pdf, 1, a) for a, b in ((marks[-1], first), (number, title))]
        assert len(marks) == int(name[7])
    for name, (under_mark, under_number) in gaps.items():
        one_under_mark, one_under_number = gaps["organs_1"]
        assert abs(under_mark - one_under_mark) <= LINE_MM / 4 + 0.1, (name, gaps)
        assert abs(under_number - one_under_number) <= LINE_MM / 4 + 0.1, (name, gaps)
    if CHECKER.is_file() and pytest.importorskip("pymupdf", reason="未安装 PyMuPDF，跳过版式检查工具"):
        for name, pdf in pdfs.items():
            out = subprocess.run(
                [sys.executable, str(CHECKER), str(tmp_path / f"{name}.docx"), "--pdf", str(pdf), "--layout", reports[name].signature_layout],
                capture_output=True, text=True, timeout=300,
            ).stdout  # fmt: skip
            rule = next(line for line in out.splitlines() if "22 lines on every full page" in line)
            assert rule.startswith("PASS") and "full pages [1" in rule, (name, rule)
            # The checker measures the 发文字号's 空二行 from the 标志's first line, not its last
            # (7.2.5: under the 标志 as a whole): with several organs that rule alone fails.
            failed = [line for line in out.splitlines() if line.startswith("FAIL")]
            assert all("two lines below the 标志" in line for line in failed), (name, failed)
            assert bool(failed) == (name != "organs_1"), (name, failed)
