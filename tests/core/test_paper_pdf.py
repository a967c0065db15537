"""Issue 21 on LibreOffice's PDF, in millimetres: the 落款, the 签发人 block, quotes and
ellipses without the named fonts, the 版记 page's number, and the seven 公文 of
tests/core/paper_cases.py (checked by ../shared/tools/gongwen_paper_check.py where it is).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.draft.model import Report
from core.render import render_report
from core.render.styles import BODY_PT
from tests.core.gongwen_samples import upward_report
from tests.core.paper_cases import LONG_UNIT, SHORT_UNIT, cases
from tests.golden.regenerate import convert_to_pdf
from tests.pdf_layout import (
    MM_PER_PT,
    TEXT_LEFT_MM,
    TEXT_WIDTH_MM,
    page_count,
    page_lines,
    page_text,
    page_words,
    render_pdfs,
)

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查"),
    pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="未安装 poppler-utils，跳过 PDF 检查"),
    pytest.mark.usefixtures("layout_fonts"),
]

ONE_CHAR = BODY_PT * MM_PER_PT  # 5.644 mm
RIGHT_MM = TEXT_LEFT_MM + TEXT_WIDTH_MM
CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "gongwen_paper_check.py"
SIGNER_SETS = {
    "one": "张三",
    "three_short": "张三、李四、王五",
    "five_mixed": "张三丰、李四光、王五、赵六、钱七",
    "four_long": "欧阳明华、司马相如",  # four characters: one a line
    "two_long_one_short": "欧阳明华、李四、王五",
}


@dataclass(frozen=True)
class PrintedLine:
    text: str
    x0: float
    x1: float
    top: float


def printed_lines(pdf: Path, page: int) -> list[PrintedLine]:
    """pdftotext's words joined into lines (it splits a line where LibreOffice leaves a gap)."""
    rows: dict[float, list] = {}
    for word in page_words(pdf, page):
        key = next((top for top in rows if abs(top - word.top) < 0.5), word.top)
        rows.setdefault(key, []).append(word)
    return [
        PrintedLine("".join(w.text for w in sorted(ws, key=lambda w: w.x0)), min(w.x0 for w in ws), max(w.x1 for w in ws), top)
        for top, ws in sorted(rows.items())
    ]


def line_with(pdf: Path, page: int, text: str) -> PrintedLine:
    found = [line for line in printed_lines(pdf, page) if line.text == text]
    assert len(found) == 1, (text, [line.text for line in printed_lines(pdf, page)])
    return found[0]


def centre(line: PrintedLine) -> float:
    return (line.x0 + line.x1) / 2


LONG_TASK = "推进基层党组织标准化规范化建设，开展软弱涣散党组织集中整顿，年底前全部达标"


def _wide_table() -> Report:
    """A table whose text cannot all stand on one line: some cells must wrap."""
    from core.draft.tables import Table

    report = cases()["table_attachment"]
    part = report.sections[-1]
    part.tables = [Table(rows=[["序号", "重点任务", "责任单位", "完成时限"], ["1", LONG_TASK, "组织科、各基层党委", "2024年12月底前"]])]
    return report


ONE_LINE = "坚持以习近平新时代中国特色社会主义思想为指导推进工作。"  # 26 characters: one line
LONG_LAST = "下半年，我们将认真贯彻上级部署要求，全面提升组织工作质量，务实、精准地抓好各项目标任务落地落实。" * 2
ENDINGS = range(6, 30)  # one-line paragraphs before the last: the 落款 block ends at every line of a page


def _closing_report(lines: int, long_last: bool) -> Report:
    """A report with a 附件说明 of two names and a sealed 落款 after ``lines`` lines of text."""
    report = Report(kind="work_report", title="某某区委组织部工作报告", year=2024, date="2024-07-12",
                    signature=SHORT_UNIT, signature_layout="sealed", sections=[],
                    attachments=["上半年重点工作完成情况", "干部培训计划"])  # fmt: skip
    report.opening = [ONE_LINE] * lines + ([LONG_LAST] if long_last else [])
    return report


def _signed(signers: str) -> Report:
    report = upward_report()
    report.signers = signers
    return report


@pytest.fixture(scope="module", params=["named_fonts", "fonts_missing"])
def pdfs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document printed twice: with the fonts the styles name (their Noto stand-ins) and
    on a machine without them, where LibreOffice falls back to whatever CJK font it finds."""
    documents = {name: report for name, report in cases().items()}
    documents |= {f"signers_{name}": _signed(signers) for name, signers in SIGNER_SETS.items()}
    documents["wide_table"] = _wide_table()
    # A title that just fits 20 characters when digits count half, but not with the gaps
    # LibreOffice sets between digits and hanzi: "知" alone on line 2 before it broke itself.
    documents["short_notice_title"] = Report(kind="annual_keypoints", title="关于印发《某某区委2023年工作要点》的通知",
                                             year=2023, opening=[ONE_LINE])
    documents |= {f"closing_{n}_{long}": _closing_report(n, long) for n in ENDINGS for long in (False, True)}
    named = request.param == "named_fonts"
    return render_pdfs(documents, tmp_path_factory.mktemp(f"paper_pdf_{request.param}"), named_fonts=named)


def _last_text_page(pdf: Path, marker: str) -> int:
    return max(page for page in range(1, page_count(pdf) + 1) if marker in page_text(pdf, page))


# ---------------------------------------------------------------- 1. 落款


@pytest.mark.timeout(300)
def test_sealed_22_character_unit_is_broken_and_centred_over_the_date_at_four_characters(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["one_signer"]
    page = _last_text_page(pdf, "2024年11月28日")
    first, second = line_with(pdf, page, "某某省某某市某某区"), line_with(pdf, page, "人力资源和社会保障局办公室")
    date = line_with(pdf, page, "2024年11月28日")
    assert first.top < second.top < date.top
    for line in (first, second):
        assert centre(line) == pytest.approx(centre(date), abs=1.0)  # 7.3.5.1 居中
    assert RIGHT_MM - date.x1 == pytest.approx(4 * ONE_CHAR, abs=1.0)  # 右空四字
    assert "".join((first.text, second.text)) == LONG_UNIT


@pytest.mark.timeout(300)
def test_unsealed_22_character_unit_right_two_and_the_date_two_characters_in(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["three_signers"]
    page = _last_text_page(pdf, "2024年1月8日")
    unit, date = line_with(pdf, page, LONG_UNIT), line_with(pdf, page, "2024年1月8日")
    assert RIGHT_MM - unit.x1 == pytest.approx(2 * ONE_CHAR, abs=1.0)  # 7.3.5.2 右空二字
    assert date.x0 - unit.x0 == pytest.approx(2 * ONE_CHAR, abs=1.0)  # 首字比署名首字右移二字


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("name", "date"), [("table_attachment", "2024年7月12日"), ("notice", "2022年2月16日")])
def test_sealed_short_unit_centred_over_the_date(pdfs: dict[str, Path], name: str, date: str) -> None:
    # (the 印发通知 carries the 落款 of the 工作要点 issued with it: on page 1)
    pdf = pdfs[name]
    page = _last_text_page(pdf, date)
    unit, printed = line_with(pdf, page, SHORT_UNIT), line_with(pdf, page, date)
    assert unit.top < printed.top
    assert centre(unit) == pytest.approx(centre(printed), abs=1.0)
    assert RIGHT_MM - printed.x1 == pytest.approx(4 * ONE_CHAR, abs=1.0)


@pytest.fixture(scope="module", params=["windows", "xinchuang"])
def scheme_pdfs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The 落款 cases exported with the other font schemes (``--fonts windows`` / ``xinchuang``),
    printed where those fonts are not installed either."""
    documents = {name: report for name, report in cases().items() if name in ("one_signer", "three_signers", "notice")}
    folder = tmp_path_factory.mktemp(f"paper_pdf_{request.param}")
    return render_pdfs(documents, folder, named_fonts=False, scheme=request.param)


@pytest.mark.timeout(300)
def test_the_closing_holds_with_the_other_font_schemes(scheme_pdfs: dict[str, Path]) -> None:
    sealed = scheme_pdfs["one_signer"]
    page = _last_text_page(sealed, "2024年11月28日")
    first, second = line_with(sealed, page, "某某省某某市某某区"), line_with(sealed, page, "人力资源和社会保障局办公室")
    date = line_with(sealed, page, "2024年11月28日")
    assert centre(first) == pytest.approx(centre(date), abs=1.0) and centre(second) == pytest.approx(centre(date), abs=1.0)
    assert RIGHT_MM - date.x1 == pytest.approx(4 * ONE_CHAR, abs=1.0)
    short = scheme_pdfs["notice"]
    page = _last_text_page(short, "2022年2月16日")
    unit, printed = line_with(short, page, SHORT_UNIT), line_with(short, page, "2022年2月16日")
    assert centre(unit) == pytest.approx(centre(printed), abs=1.0)
    unsealed = scheme_pdfs["three_signers"]
    page = _last_text_page(unsealed, "2024年1月8日")
    unit, date = line_with(unsealed, page, LONG_UNIT), line_with(unsealed, page, "2024年1月8日")
    assert RIGHT_MM - unit.x1 == pytest.approx(2 * ONE_CHAR, abs=1.0)
    assert date.x0 - unit.x0 == pytest.approx(2 * ONE_CHAR, abs=1.0)


@pytest.mark.timeout(600)
def test_the_other_font_schemes_pass_the_paper_checker(scheme_pdfs: dict[str, Path]) -> None:
    # The windows scheme's title and 标志 named 方正小标宋简体 (宋体 as its altName): no FAIL either.
    if not CHECKER.is_file():
        pytest.skip(f"没有版式检查工具（需要 {CHECKER}）")
    pytest.importorskip("pymupdf", reason="未安装 PyMuPDF，跳过版式检查工具")
    folder = next(iter(scheme_pdfs.values())).parent
    reports = cases()
    failures = {}
    for name, pdf in scheme_pdfs.items():
        out = subprocess.run(
            [sys.executable, str(CHECKER), str(folder / f"{name}.docx"), "--pdf", str(pdf), "--layout", reports[name].signature_layout],
            capture_output=True, text=True, timeout=300,
        ).stdout  # fmt: skip
        failed = [line for line in out.splitlines() if line.startswith("FAIL")]
        if failed:
            failures[name] = failed
    assert not failures, failures


# ---------------------------------------------------------------- 2. 签发人


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", list(SIGNER_SETS))
def test_signers_block_ends_one_character_from_the_right_names_aligned(pdfs: dict[str, Path], name: str) -> None:
    pdf = pdfs[f"signers_{name}"]
    lines = [line for line in printed_lines(pdf, 1) if "签发人" in line.text or line.text.startswith("某组发")]
    block = [line for line in printed_lines(pdf, 1) if lines[0].top - 0.5 <= line.top <= lines[-1].top + 0.5]
    names = [n for n in SIGNER_SETS[name].split("、")]
    # The names' part of each line: what lies in the right half of the text block.
    right_parts = [[w for w in page_words(pdf, 1) if abs(w.top - line.top) < 0.5 and w.x0 > TEXT_LEFT_MM + TEXT_WIDTH_MM / 2] for line in block]
    ends = [max(w.x1 for w in part) for part in right_parts]
    assert RIGHT_MM - max(ends) == pytest.approx(ONE_CHAR, abs=1.0)  # 7.2.6 居右空一字
    assert block[-1].text.startswith("某组发〔2024〕5号")  # the 发文字号 on the last line
    if len(block) > 1:  # 回行时与上一行第一个签发人姓名对齐
        label = next(w for w in page_words(pdf, 1) if w.text.startswith("签发人："))
        firsts = [label.x0 + 4 * ONE_CHAR * 15.75 / 16]  # after "签发人：" (the styles' spacing)
        for part in right_parts[1:]:
            firsts.append(min(w.x0 for w in part))
        assert max(firsts) - min(firsts) < 0.6, firsts
    printed = "".join(w.text for part in right_parts for w in part).replace("签发人：", "")
    assert printed == "".join(names)


# ---------------------------------------------------------------- 3. title breaks


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("long_title", ("中共某某市某某区委员会组织部关于", "2024年上半年全区干部教育培训和基层", "党组织建设工作开展情况的专题报告")),
        ("notice", ("关于印发《中共某某区委组织部", "2022年工作要点》的通知")),
        ("short_notice_title", ("关于印发《某某区委", "2023年工作要点》的通知")),
    ],
)
def test_long_titles_print_broken_between_words_and_names_centred(pdfs: dict[str, Path], name: str, lines: tuple[str, ...]) -> None:
    printed = [line_with(pdfs[name], 1, text) for text in lines]  # each printed as one line, in order
    assert [line.top for line in printed] == sorted(line.top for line in printed)
    for line in printed:
        assert centre(line) == pytest.approx(TEXT_LEFT_MM + TEXT_WIDTH_MM / 2, abs=1.0)


# ---------------------------------------------------------------- 4. text on the 落款's page


@pytest.mark.timeout(600)
@pytest.mark.parametrize("long_last", [False, True], ids=["one-line paragraphs", "a long last paragraph"])
def test_the_closing_page_holds_two_lines_of_text_wherever_the_text_ends(pdfs: dict[str, Path], long_last: bool) -> None:
    closing_pages = set()
    for n in ENDINGS:
        pdf = pdfs[f"closing_{n}_{long_last}"]
        page = _last_text_page(pdf, "2024年7月12日")
        closing_pages.add(page)
        lines = printed_lines(pdf, page)
        note = next(line for line in lines if line.text.startswith("附件："))
        text = [line for line in lines if line.top < note.top and line.text != "某某区委组织部工作报告"]
        assert len(text) >= 2, (n, [line.text for line in lines])  # the 附件说明 is not text
    assert closing_pages == {1, 2}  # the sweep crossed the foot of page 1


# ---------------------------------------------------------------- 5. quotes without the fonts


@pytest.mark.timeout(300)
def test_marks_beside_digits_print_in_a_chinese_font_where_the_named_fonts_are_missing(tmp_path: Path) -> None:
    pdfplumber = pytest.importorskip("pdfplumber", reason="未安装 pdfplumber，跳过字体测量")
    report = Report(kind="work_report", title="标点", opening=["完成“345”项，达98%……推广“APP”——共12…项。擦亮“**”党建。"])
    render_report(report, tmp_path / "marks.docx")  # 仿宋_GB2312 named, not installed here
    env = {key: value for key, value in os.environ.items() if key != "FONTCONFIG_FILE"}
    [pdf] = convert_to_pdf([tmp_path / "marks.docx"], tmp_path, env=env)
    with pdfplumber.open(pdf) as document:
        # (not the page number's dashes: 4号 宋体, missing too); "——" may come as one glyph
        marks = [c for c in document.pages[0].chars if set(c["text"]) <= set("“”…—") and c["size"] == BODY_PT]
    assert "".join(c["text"] for c in marks) == "“”……“”——…“”"
    for char in marks:
        assert "CJK" in char["fontname"], char["fontname"]
        assert char["x1"] - char["x0"] >= 0.9 * char["size"] * len(char["text"]), char  # full width


# ---------------------------------------------------------------- 6. the 版记 page's number


@pytest.mark.timeout(300)
def test_imprint_right_after_text_is_numbered_after_a_blank_page_not(pdfs: dict[str, Path]) -> None:
    alone = pdfs["imprint_alone"]  # the text ends on odd page 3: the 版记 on page 4
    assert page_count(alone) == 4
    assert "2024年7月12日" in page_text(alone, 3) and "抄送：" not in page_text(alone, 3)
    assert "抄送：" in page_text(alone, 4) and SHORT_UNIT not in page_text(alone, 4).replace(SHORT_UNIT + "办公室", "")
    assert "—4—" in page_text(alone, 4)  # right after text: numbered (7.5)
    under = pdfs["imprint_under"]  # the text ends on an even page with room: the 版记 under it
    pages = page_count(under)
    assert "抄送：" in page_text(under, pages) and SHORT_UNIT in page_text(under, pages)
    assert f"—{pages}—" in page_text(under, pages)


# ---------------------------------------------------------------- 7. tables


def _table_page(pdf: Path) -> int:
    return next(page for page in range(1, page_count(pdf) + 1) if "序号" in page_text(pdf, page))


@pytest.mark.timeout(300)
def test_table_columns_fit_their_text_within_the_text_block(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["table_attachment"]
    page = _table_page(pdf)
    table = cases()["table_attachment"].sections[-1].tables[0]
    for row in table.rows:  # every row on one printed line: no cell wraps
        line_with(pdf, page, "".join(row))
    number, task = line_with(pdf, page, "序号重点任务责任单位完成时限"), page_words(pdf, page)
    task_x0 = next(w.x0 for w in task if w.text.startswith("重点任务"))
    assert task_x0 - number.x0 < 3 * 14 * MM_PER_PT  # 序号 narrow: two characters and the margins
    borders = [line for line in page_lines(pdf, page) if line.width < 0.3]
    assert borders and all(line.x1 - line.x0 == pytest.approx(TEXT_WIDTH_MM, abs=0.5) for line in borders)


@pytest.mark.timeout(300)
def test_a_table_too_long_for_one_line_wraps_the_long_text_not_the_header_or_numbers(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["wide_table"]
    page = _table_page(pdf)
    line_with(pdf, page, "序号重点任务责任单位完成时限")  # the header on one line
    lines = [line.text for line in printed_lines(pdf, page)]
    assert any("2024年12月底前" in text for text in lines)  # the date whole
    assert not any(LONG_TASK in text for text in lines)  # the long task wraps
    assert LONG_TASK[:6] in "".join(lines) and LONG_TASK[-6:] in "".join(lines)


# ---------------------------------------------------------------- the seven cases, checked


@pytest.mark.timeout(900)
def test_the_paper_cases_pass_the_paper_checker(pdfs: dict[str, Path], tmp_path: Path) -> None:
    if not CHECKER.is_file():
        pytest.skip(f"没有版式检查工具（需要 {CHECKER}）")
    pytest.importorskip("pymupdf", reason="未安装 PyMuPDF，跳过版式检查工具")
    folder = next(iter(pdfs.values())).parent
    failures = {}
    for name, report in cases().items():
        layout = report.signature_layout
        out = subprocess.run(
            [sys.executable, str(CHECKER), str(folder / f"{name}.docx"), "--pdf", str(pdfs[name]), "--layout", layout],
            capture_output=True, text=True, timeout=300,
        ).stdout  # fmt: skip
        failed = [line for line in out.splitlines() if line.startswith("FAIL")]
        if failed:
            failures[name] = failed
    assert not failures, failures
