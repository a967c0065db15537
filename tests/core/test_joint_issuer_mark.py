"""A 发文机关标志 of several organs (联合行文, one a line): the names stacked with "文件" as tall
as them on their right (GB/T 9704 7.2.4), the 发文字号 two lines under the block (7.2.5), and
page 1 on the 22-line grid (5.2.2): the XML of the table and of the two spaces that take up
the 标志's extra height, and the paper measured on LibreOffice's PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from lxml import etree

from core.draft.fields import HEADER_ELECTRONIC, HEADER_PRETINTED
from core.draft.kinds import get_kind
from core.draft.model import Report
from core.render.engine import render_document
from core.render.header_grid import printed_lines
from core.render.joint_mark import joint_mark
from core.render.styles import issuer_mark_grid_shift
from tests.pdf_layout import (
    TEXT_BOTTOM_MM,
    TEXT_LEFT_MM,
    TEXT_TOP_MM,
    TEXT_WIDTH_MM,
    baseline_of,
    page_glyphs,
    page_words,
    render_pdfs,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORGANS = ["中共某某区委组织部", "某某区人力资源社会保障局", "某某区财政局"]  # 12 characters fit a line
LINE_MM = 225 / 22  # the 版心's line pitch, 10.227 mm
CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "gongwen_paper_check.py"
# One paragraph long enough to run from page 1 onto page 2: both pages full.
LONG = "全面加强干部队伍、基层组织和人才队伍建设，抓重点、攻难点、创亮点，较好地完成了各项阶段性工作任务。" * 24


def _joint(organs: int, mode: str = HEADER_ELECTRONIC, signers: str = "", wenjian: bool = True) -> Report:
    report = get_kind("half_year_summary").new_report(2024, ORGANS[0])
    report.header_mode = mode
    report.issuer_mark = "\n".join(ORGANS[:organs]) + ("文件" if wenjian else "")
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


def test_joint_mark_sizes() -> None:
    # Names at 20 pt on 25 pt lines (500 twips); "文件" spans their em boxes: 25 + 20 = 45 pt
    # for two organs, 2 × 25 + 20 = 70 pt for three. Widths: 12 characters × 400 twips + 20,
    # and half a name character + two 文件 characters + 20.
    two = joint_mark("\n".join(ORGANS[:2]) + "文件")
    assert (two.name_pt, two.wenjian_pt, two.name_line) == (20.0, 45.0, 500)
    assert (two.names_width, two.wenjian_width) == (12 * 400 + 20, 200 + 2 * 900 + 20)
    three = joint_mark("\n".join(ORGANS) + "\n文件")  # "文件" on a line of its own
    assert (three.names, three.wenjian_pt) == (tuple(ORGANS), 70.0)
    assert joint_mark("\n".join(ORGANS[:2])).wenjian is False
    assert joint_mark("中共某某区委组织部文件") is None  # one organ: the one-line paragraph
    # 20-character names and 文件 do not fit 156 mm (8844 twips) at 20 pt: the size shrinks.
    long = joint_mark("某某省某某市某某区人力资源和社会保障局\n某某省某某市某某区财政局办公室文件")
    assert long.name_pt < 20 and long.width <= 8844
    assert joint_mark("某" * 60 + "\n" + "某" * 60) is None  # not even at the smallest size


def _mark_table(document: docx.document.Document) -> etree._Element:
    return document.element.body.find(f"{W}tbl")


def test_the_joint_mark_table_xml() -> None:
    document = docx.Document(io.BytesIO(render_document(_joint(2)).data))
    table = _mark_table(document)
    cells = table.findall(f"{W}tr/{W}tc")
    texts = [["".join(t.text for t in p.iter(f"{W}t")) for p in cell.findall(f"{W}p")] for cell in cells]
    assert texts == [ORGANS[:2], ["文件"]]
    assert table.find(f"{W}tblPr/{W}jc").get(f"{W}val") == "center"
    assert {b.get(f"{W}val") for b in table.find(f"{W}tblPr/{W}tblBorders")} == {"nil"}
    height = table.find(f"{W}tr/{W}trPr/{W}trHeight")
    # EM_TOP (171) + the names' em boxes (500 + 400) + 0.216 × 文件's 45 pt (194)
    assert (height.get(f"{W}val"), height.get(f"{W}hRule")) == (str(171 + 900 + 194), "exact")
    names, wenjian = (cell.find(f"{W}p") for cell in cells)
    assert names.find(f"{W}pPr/{W}jc").get(f"{W}val") == "distribute"  # names as wide as the longest
    assert names.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "IssuerMark"  # red, the title font
    assert wenjian.find(f"{W}r/{W}rPr/{W}sz").get(f"{W}val") == "90"
    assert not [p for p in document.paragraphs if p.style.style_id == "IssuerMark"]  # the paragraph became the table
    # One organ: the paragraph stays.
    one = docx.Document(io.BytesIO(render_document(_joint(1)).data))
    assert _mark_table(one) is None or "文件" not in "".join(_mark_table(one).itertext())


@pytest.mark.parametrize(
    ("organs", "mode", "signers", "wenjian", "number_style", "rule_style", "before", "after"),
    [
        # The styles' spaces: 发文字号 two lines (1158), the red line's 1110 (two lines less
        # what the 版头's own heights leave over the grid).
        (1, HEADER_ELECTRONIC, "", True, "DocNumber", "HeaderRule", None, None),
        # Two organs and 文件: the block's em boxes 900 twips, 180 more than a one-line 标志's
        # 720: 90 off each gap; the row ends 0.216 × (45 - 36) pt = 39 twips lower: 39 less.
        (2, HEADER_ELECTRONIC, "", True, "DocNumber", "HeaderRule", "1029", "1020"),
        # Three: 1400 - 720 = 680 ≡ 101 (mod 579): 51 and 50 off; 0.216 × (70 - 36) pt = 147.
        (3, HEADER_ELECTRONIC, "张三", True, "DocNumberSigned", "HeaderRule", "960", "1060"),
        # Two organs without 文件: the names' 20 pt end the row, 0.216 × 16 pt = 69 higher.
        (2, HEADER_ELECTRONIC, "", False, "DocNumber", "HeaderRule", "1137", "1020"),
        # 套红纸: two blank lines of the 36 pt paragraph (900 ≡ 321: 129 and 129 more).
        (2, HEADER_PRETINTED, "张三、李四、王五", True, "DocNumberSignersFirst", "HeaderRuleBlank", "1287", "1239"),
    ],
)
def test_the_two_spaces_in_the_xml(
    organs: int, mode: str, signers: str, wenjian: bool, number_style: str, rule_style: str, before: str | None,
    after: str | None,
) -> None:  # fmt: skip
    document = docx.Document(io.BytesIO(render_document(_joint(organs, mode, signers, wenjian)).data))
    assert _spacing(document, number_style) == ({} if before is None else {"before": before})
    assert _spacing(document, rule_style) == ({} if after is None else {"after": after})


def _ink_rows(pdf: Path, box_mm: tuple[float, float, float, float]) -> list[float]:
    """y (mm) of the pixel rows in ``box_mm`` (x0, y0, x1, y1) of page 1 holding ink, at 600 dpi."""
    dpi = 600
    x0, y0, x1, y1 = (round(v / 25.4 * dpi) for v in box_mm)
    gray = subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", str(dpi), "-gray", "-singlefile",
         "-x", str(x0), "-y", str(y0), "-W", str(x1 - x0), "-H", str(y1 - y0), str(pdf)],
        capture_output=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    # PGM: "P5\n<w> <h>\n255\n" then one byte a pixel
    header = gray.split(b"\n", 3)
    width, height = (int(v) for v in header[1].split())
    pixels = header[3]
    return [(y0 + row + 0.5) * 25.4 / dpi for row in range(height) if min(pixels[row * width : (row + 1) * width]) < 128]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查")
@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="未安装 poppler-utils，跳过 PDF 检查")
@pytest.mark.usefixtures("layout_fonts")
@pytest.mark.timeout(600)
@pytest.mark.parametrize("named_fonts", [True, False], ids=["named_fonts", "fonts_missing"])
def test_joint_mark_on_paper(tmp_path: Path, named_fonts: bool) -> None:
    reports = {f"organs_{n}": _joint(n) for n in (1, 2, 3)}
    reports["organs_2_signed"] = _joint(2, signers="张三、李四、王五")
    reports["organs_2_no_wenjian"] = _joint(2, wenjian=False)
    pdfs = render_pdfs(reports, tmp_path, named_fonts=named_fonts)
    under_mark: dict[str, float] = {}
    for name, pdf in pdfs.items():
        words = {n: [w for w in page_words(pdf, n) if w.top > TEXT_TOP_MM - 1 and w.bottom < TEXT_BOTTOM_MM + 1] for n in (1, 2)}
        # Page 2 is full: its last line is the 版心's 22nd; page 1's last line is on the same grid.
        last = {n: baseline_of(pdf, n, max(ws, key=lambda w: w.bottom)) for n, ws in words.items() if ws}
        assert last[1] == pytest.approx(last[2], abs=0.3), (name, last)
        slot = (last[2] - TEXT_TOP_MM) / LINE_MM
        assert 21 < slot <= 22, (name, slot)  # the baseline inside the 22nd line
        number = next(w for w in page_words(pdf, 1) if "〔2024〕" in w.text)
        first = next((w for w in page_words(pdf, 1) if w.text.startswith("签发人")), number)  # 7.2.6: the block's top
        red = [g for g in page_glyphs(pdf, 1) if g.colour == "rgb(100%,0%,0%)" and g.baseline < number.top]
        assert red, name
        wenjian = next((w for w in page_words(pdf, 1) if w.text == "文件"), None)
        names_x1 = wenjian.x0 - 0.5 if wenjian is not None and name != "organs_1" else TEXT_LEFT_MM + TEXT_WIDTH_MM
        block_top, block_bottom = TEXT_TOP_MM + 20, first.top - 3
        names_ink = _ink_rows(pdf, (TEXT_LEFT_MM, block_top, names_x1, block_bottom))
        # 7.2.4: the 标志's top 35 mm below the 版心's top; the block centred.
        assert names_ink[0] - TEXT_TOP_MM == pytest.approx(35.0, abs=1.0), (name, names_ink[0])
        left = min(g.x for g in red)
        right = wenjian.x1 if wenjian is not None else max(w.x1 for w in page_words(pdf, 1) if w.bottom < number.top and w.top > block_top)
        assert (left + right) / 2 == pytest.approx(TEXT_LEFT_MM + TEXT_WIDTH_MM / 2, abs=1.0), (name, left, right)
        bottom = names_ink[-1]
        if wenjian is not None and name != "organs_1":
            # "文件" as tall as the names and centred on them (7.2.4 上下居中).
            ink = _ink_rows(pdf, (wenjian.x0, block_top, wenjian.x1, block_bottom))
            assert (ink[0] + ink[-1]) / 2 == pytest.approx((names_ink[0] + names_ink[-1]) / 2, abs=0.5), (name, ink, names_ink)
            assert ink[-1] - ink[0] >= 0.9 * (names_ink[-1] - names_ink[0]), (name, ink, names_ink)
            bottom = max(bottom, ink[-1])
        # 7.2.5: the 发文字号 (or the 签发人 block) two lines under the 标志's bottom.
        under_mark[name] = _ink_rows(pdf, (TEXT_LEFT_MM, first.top - 2, TEXT_LEFT_MM + TEXT_WIDTH_MM, first.bottom))[0] - bottom
    for name, gap in under_mark.items():  # as far as under a one-line 标志, give or take the grid's shift
        assert abs(gap - under_mark["organs_1"]) <= LINE_MM / 4 + 0.3, (name, under_mark)
    if CHECKER.is_file() and pytest.importorskip("pymupdf", reason="未安装 PyMuPDF，跳过版式检查工具"):
        for name, pdf in pdfs.items():
            out = subprocess.run(
                [sys.executable, str(CHECKER), str(tmp_path / f"{name}.docx"), "--pdf", str(pdf), "--layout", reports[name].signature_layout],
                capture_output=True, text=True, timeout=300,
            ).stdout  # fmt: skip
            rule = next(line for line in out.splitlines() if "22 lines on every full page" in line)
            assert rule.startswith("PASS") and "full pages [1" in rule, (name, rule)
            assert not [line for line in out.splitlines() if line.startswith("FAIL")], (name, out)


def test_joint_names_too_long_warn_and_fitting_ones_do_not() -> None:
    report = _joint(2)
    assert not [w for w in render_document(report).warnings if "发文机关标志" in w]  # 13 characters fit at 20 pt
    report.issuer_mark = "某" * 40 + "\n" + "某某区财政局文件"
    warned = [w for w in render_document(report).warnings if "发文机关标志" in w]
    assert warned == [f"联合行文的发文机关标志中，“{'某' * 40}”等机关名称过长，字号缩到 10 磅仍排不下：请改用规范化简称。"]


@pytest.mark.parametrize("organs", [2, 3])
def test_joint_mark_table_reads_back_as_the_typed_mark(tmp_path: Path, organs: int) -> None:
    from core.importing.importer import import_document

    report = _joint(organs)
    path = tmp_path / "joint.docx"
    path.write_bytes(render_document(report).data)
    back = import_document(path).report
    assert (back.issuer_mark, back.doc_number) == ("\n".join(ORGANS[:organs]) + "文件", "某组发〔2024〕5号")
