"""公文 elements measured on LibreOffice's PDF (GB/T 9704 7.2): where the 版头 lands on paper."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.draft.fields import HEADER_PRETINTED
from core.render.styles import BODY_PT, ISSUER_MARK_PT
from tests.core.test_gongwen import UNIT, upward_report
from tests.pdf_layout import (
    MM_PER_PT,
    TEXT_LEFT_MM,
    TEXT_TOP_MM,
    TEXT_WIDTH_MM,
    baseline_of,
    find_word,
    page_glyphs,
    page_lines,
    page_words,
    render_pdfs,
)

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查"),
    pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="未安装 poppler-utils，跳过 PDF 检查"),
]

RED = "rgb(100%,0%,0%)"
# A CJK character's body (em box) runs from 0.88 em above the baseline to 0.12 em below it.
EM_ABOVE, EM_BELOW = 0.88, 0.12
TOLERANCE_MM = 0.5


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    plain = upward_report()
    plain.copy_number = plain.secrecy = plain.urgency = plain.signers = ""
    return render_pdfs(
        {"signed": upward_report(), "plain": plain, "pretinted": upward_report(HEADER_PRETINTED)},
        tmp_path_factory.mktemp("gongwen_pdf"),
    )


def _mark_top(pdf: Path) -> float:
    red = [g for g in page_glyphs(pdf, 1) if g.colour == RED]
    assert red, "no red 发文机关标志"
    return min(g.baseline for g in red) - EM_ABOVE * ISSUER_MARK_PT * MM_PER_PT


def _number_bottom(pdf: Path) -> float:
    return baseline_of(pdf, 1, find_word(pdf, 1, "某组发")) + EM_BELOW * BODY_PT * MM_PER_PT


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", ["signed", "plain"])
def test_issuer_mark_top_edge_is_35_mm_below_the_text_block(pdfs: dict[str, Path], name: str) -> None:
    assert _mark_top(pdfs[name]) - TEXT_TOP_MM == pytest.approx(35.0, abs=TOLERANCE_MM)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", ["signed", "plain"])
def test_red_line_is_4_mm_below_the_doc_number_and_full_width(pdfs: dict[str, Path], name: str) -> None:
    lines = [line for line in page_lines(pdfs[name], 1) if line.colour == RED]
    assert len(lines) == 1
    line = lines[0]
    assert line.y - _number_bottom(pdfs[name]) == pytest.approx(4.0, abs=TOLERANCE_MM)
    assert line.x0 == pytest.approx(TEXT_LEFT_MM, abs=TOLERANCE_MM)
    assert line.x1 - line.x0 == pytest.approx(TEXT_WIDTH_MM, abs=TOLERANCE_MM)


@pytest.mark.timeout(300)
def test_top_left_elements_and_signers_line(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["signed"]
    words = page_words(pdf, 1)
    tops = [w for w in words if w.text in ("000001", "特急") or w.text.startswith("秘密")]
    assert [round(w.x0, 0) for w in tops] == [TEXT_LEFT_MM] * 3  # flush left, one a line
    assert tops[0].top == pytest.approx(TEXT_TOP_MM, abs=4)
    number = find_word(pdf, 1, "某组发")
    one_char = BODY_PT * MM_PER_PT
    assert number.x0 - TEXT_LEFT_MM == pytest.approx(one_char, abs=TOLERANCE_MM)  # 居左空一字
    names_end = max(w.x1 for w in words if abs(w.top - number.top) < 1)
    assert TEXT_LEFT_MM + TEXT_WIDTH_MM - names_end == pytest.approx(one_char, abs=1.0)  # 居右空一字
    assert find_word(pdf, 1, "签发人").top == pytest.approx(number.top, abs=0.2)  # same line
    plain_number = find_word(pdfs["plain"], 1, "某组发")
    centre = (plain_number.x0 + find_word(pdfs["plain"], 1, "号").x1) / 2
    assert centre == pytest.approx(TEXT_LEFT_MM + TEXT_WIDTH_MM / 2, abs=1.0)


@pytest.mark.timeout(300)
def test_pretinted_paper_keeps_the_space_and_prints_no_red(pdfs: dict[str, Path]) -> None:
    pretinted, printed = pdfs["pretinted"], pdfs["signed"]
    assert not [g for g in page_glyphs(pretinted, 1) if g.colour == RED]
    assert not [line for line in page_lines(pretinted, 1) if line.colour == RED]
    assert UNIT + "文件" not in "".join(w.text for w in page_words(pretinted, 1))
    # Everything else stands exactly where it stands under an electronic red header.
    for start in ("某组发", "签发人", "年上半年工作总结"):
        assert find_word(pretinted, 1, start).top == pytest.approx(find_word(printed, 1, start).top, abs=0.1)
