"""公文 elements measured on LibreOffice's PDF (GB/T 9704 7.2): where the 版头 lands on paper."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.draft.fields import HEADER_PRETINTED
from core.render.styles import BODY_PT, ISSUER_MARK_PT, LINE, TWIPS_PER_MM
from tests.core.gongwen_samples import UNIT, attached_report, imprinted_report, upward_report
from tests.pdf_layout import (
    MM_PER_PT,
    TEXT_BOTTOM_MM,
    TEXT_LEFT_MM,
    TEXT_TOP_MM,
    TEXT_WIDTH_MM,
    baseline_of,
    find_word,
    page_count,
    page_glyphs,
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

RED = "rgb(100%,0%,0%)"
# A CJK character's body (em box) runs from 0.88 em above the baseline to 0.12 em below it.
EM_ABOVE, EM_BELOW = 0.88, 0.12
TOLERANCE_MM = 0.5


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    plain = upward_report()
    plain.copy_number = plain.secrecy = plain.urgency = plain.signers = ""
    one_page = imprinted_report()  # no 版头, a short text: ends on page 1
    one_page.header_mode = ""
    two_pages = imprinted_report()  # the 版头 and the outline: the text ends early on page 2
    two_pages.date = "2024-07-01"
    full_page = imprinted_report()  # … and fills page 2 to its last line (Noto CJK stand-ins)
    full_page.date = "2024-07-01"
    full_page.sections[-1].body = ["下半年继续加强干部教育培训工作。"] * 18
    three_attachments = attached_report()  # text on page 1, 附件 on pages 2–4
    three_attachments.header_mode = ""
    three_attachments.attachments.append("基层党组织名册")
    three_attachments.attachment_texts.append("共有基层党组织120个。")
    attached = attached_report()
    attached.header_mode = ""
    many = upward_report()  # 联合上报: five 签发人
    many.signers = "张三丰、李四光、王五、赵六、钱七"
    return render_pdfs(
        {
            "signed": upward_report(),
            "signed_many": many,
            "plain": plain,
            "pretinted": upward_report(HEADER_PRETINTED),
            "imprint_odd": one_page,
            "imprint_even": two_pages,
            "imprint_even_full": full_page,
            "imprint_after_attachments": three_attachments,
            "attached": attached,
        },
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
def test_several_signers_two_a_line_aligned_with_the_number_on_the_last(pdfs: dict[str, Path]) -> None:
    # 7.2.6: 一般每行排两个姓名，回行时与上一行第一个签发人姓名对齐；发文字号与最后一个签发人姓名处在同一行.
    pdf = pdfs["signed_many"]
    words = page_words(pdf, 1)
    label = find_word(pdf, 1, "签发人")
    one_char = BODY_PT * MM_PER_PT
    first_names = [label.x0 + 4 * one_char, find_word(pdf, 1, "王五").x0, find_word(pdf, 1, "钱七").x0]
    assert max(first_names) - min(first_names) < TOLERANCE_MM
    rows = sorted({round(w.top, 1) for w in words if w.text in ("李四光", "赵六", "钱七") or w.text.startswith("签发人")})
    assert len(rows) == 3 and rows[2] - rows[1] == pytest.approx(rows[1] - rows[0], abs=0.2)  # one line apart
    assert find_word(pdf, 1, "某组发").top == pytest.approx(find_word(pdf, 1, "钱七").top, abs=0.2)
    assert TEXT_LEFT_MM + TEXT_WIDTH_MM - find_word(pdf, 1, "李四光").x1 == pytest.approx(one_char, abs=1.0)
    red = [line for line in page_lines(pdf, 1) if line.colour == RED]
    assert red[0].y - _number_bottom(pdf) == pytest.approx(4.0, abs=TOLERANCE_MM)


@pytest.mark.timeout(300)
def test_pretinted_paper_keeps_the_space_and_prints_no_red(pdfs: dict[str, Path]) -> None:
    pretinted, printed = pdfs["pretinted"], pdfs["signed"]
    assert not [g for g in page_glyphs(pretinted, 1) if g.colour == RED]
    assert not [line for line in page_lines(pretinted, 1) if line.colour == RED]
    assert UNIT + "文件" not in "".join(w.text for w in page_words(pretinted, 1))
    # Everything else stands exactly where it stands under an electronic red header.
    for start in ("某组发", "签发人", "年上半年工作总结"):
        assert find_word(pretinted, 1, start).top == pytest.approx(find_word(printed, 1, start).top, abs=0.1)


def _imprint_page(pdf: Path) -> int:
    pages = page_count(pdf)
    assert "抄送：" in page_text(pdf, pages)
    return pages


@pytest.mark.timeout(300)
def test_imprint_after_an_odd_last_page_is_on_the_next_page(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["imprint_odd"]
    assert _imprint_page(pdf) == 2
    assert "印发" not in page_text(pdf, 1)


@pytest.mark.timeout(300)
def test_imprint_under_a_text_ending_on_an_even_page_with_room(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["imprint_even"]
    assert _imprint_page(pdf) == 2  # no blank page, no page of its own
    text = page_text(pdf, 2)
    assert text.index("2024年7月1日") < text.index("抄送：")  # under the 落款
    assert "—2—" in text  # the page keeps its number (7.5: only after a blank page none)
    date = find_word(pdf, 2, "2024")
    assert date.bottom < page_lines(pdf, 2)[0].y  # the 版记 does not cover the text


@pytest.mark.timeout(300)
def test_imprint_after_a_full_even_page_goes_to_the_next_even_page(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["imprint_even_full"]
    words = [w for w in page_words(pdf, 2) if w.bottom < TEXT_BOTTOM_MM]
    assert max(w.bottom for w in words) > TEXT_BOTTOM_MM - 3  # the text fills page 2
    assert _imprint_page(pdf) == 4
    assert "2024年7月1日" in page_text(pdf, 2)
    assert page_text(pdf, 3) == ""  # blank, without a page number


@pytest.mark.timeout(300)
def test_imprint_under_the_last_attachment_on_an_even_page(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["imprint_after_attachments"]
    assert _imprint_page(pdf) == 4
    assert page_text(pdf, 4).startswith("附件3基层党组织名册")
    assert "—4—" in page_text(pdf, 4)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "name", ["imprint_odd", "imprint_even", "imprint_even_full", "imprint_after_attachments", "attached"]
)
def test_imprint_lines_full_width_the_last_on_the_last_line(pdfs: dict[str, Path], name: str) -> None:
    pdf = pdfs[name]
    page = _imprint_page(pdf)
    lines = page_lines(pdf, page)
    assert [round(line.width, 2) for line in lines] == [0.35, 0.26, 0.35]  # thick, thin, thick
    for line in lines:
        assert line.x0 == pytest.approx(TEXT_LEFT_MM, abs=TOLERANCE_MM)
        assert line.x1 - line.x0 == pytest.approx(TEXT_WIDTH_MM, abs=TOLERANCE_MM)
    assert lines[-1].y == pytest.approx(TEXT_BOTTOM_MM, abs=1.0)  # on the text block's bottom edge
    words = page_words(pdf, page)
    copy_to = find_word(pdf, page, "抄送")
    assert lines[0].y < copy_to.top < copy_to.bottom < lines[1].y
    date = next(w for w in words if w.text.endswith("印发"))
    assert lines[1].y < date.top < date.bottom < lines[2].y
    one_char = 14 * MM_PER_PT
    assert copy_to.x0 - TEXT_LEFT_MM == pytest.approx(one_char, abs=TOLERANCE_MM)  # 左空一字
    assert TEXT_LEFT_MM + TEXT_WIDTH_MM - date.x1 == pytest.approx(one_char, abs=TOLERANCE_MM)  # 右空一字
    # 7.5: after a blank page the 版记 page has no number; right after text it is numbered.
    if name == "imprint_even_full":  # a blank page 3 before it
        assert not any(w.text.startswith("—") for w in words)
    else:
        assert f"—{page}—" in page_text(pdf, page)


@pytest.mark.timeout(300)
def test_each_attachment_starts_a_page_top_left_and_page_numbers_run_on(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["attached"]
    assert page_count(pdf) == 4  # text, 附件1, 附件2, then the 版记 on the even page 4
    for page, label, title in ((2, "附件1", "上半年重点工作完成情况"), (3, "附件2", "干部培训计划")):
        words = page_words(pdf, page)
        assert page_text(pdf, page).startswith(label + title)  # (pdftotext splits 附件|1)
        assert words[0].x0 == pytest.approx(TEXT_LEFT_MM, abs=TOLERANCE_MM)  # 顶格
        assert words[0].top == pytest.approx(TEXT_TOP_MM, abs=4)  # the page's first line
        heading = find_word(pdf, page, title)
        line_mm = LINE / TWIPS_PER_MM
        assert 2 * line_mm <= heading.top - TEXT_TOP_MM < 3 * line_mm  # 8: 标题居中编排在版心第三行
        centre = (heading.x0 + heading.x1) / 2
        assert centre == pytest.approx(TEXT_LEFT_MM + TEXT_WIDTH_MM / 2, abs=1.0)
        assert page_text(pdf, page).endswith(f"—{page}—")  # numbers continue
    assert "附件1" not in page_text(pdf, 1).replace("附件：1.", "")
