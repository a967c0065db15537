"""Layout measured on LibreOffice's PDF: 落款 positions (GB/T 9704 7.3.5), the 落款 never
alone on the last page, 22 lines × 28 characters, the long title broken between words,
"1." headings not bold.

All documents are converted in one LibreOffice run (module fixture); positions come from
pdfplumber. One character is 16 pt (3号); the text block's right edge is 26 mm from the
page's. The Latin font of the default scheme is Times New Roman; on Linux LibreOffice uses
its metric twin Liberation Serif (Debian ``fonts-liberation2``), so widths of digits match
Word's. LibreOffice also puts about 3.5 pt between a Chinese character and a digit, even with
``w:autoSpaceDE`` off, which Word does not; the 落款 is laid out for LibreOffice's widths
(core/render/signature.py), so positions here are measured as printed.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.draft.model import Report
from core.render import render_report
from core.render.fonts import SCHEMES, FontScheme
from core.render.styles import PAGE, TWIPS_PER_PT
from core.render.title import title_lines
from tests.golden.regenerate import convert_to_pdf
from tests.golden.samples import SAMPLES

pdfplumber = pytest.importorskip("pdfplumber", reason="未安装 pdfplumber，跳过 PDF 版式测量")
pytestmark = [
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 版式测量"
    ),
    pytest.mark.usefixtures("layout_fonts"),
]

CHAR = 16.0  # pt, one 3号 character
SPACING = -0.25  # pt, the body styles' character spacing (28 characters a line)
MM = 72 / 25.4
RIGHT_EDGE = (PAGE.width - PAGE.right) / TWIPS_PER_PT  # pt from the page's left edge
LONG_TITLE = "关于深入学习贯彻习近平新时代中国特色社会主义思想进一步加强基层党组织建设的实施意见"
UNIT_22 = "某某省某某市某某区人力资源和社会保障局办公室"
FILLER = "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，推动各项工作落地见效。"


def _report(signature: str, layout: str, date: str = "2025-07-01", lines: int = 6) -> Report:
    """A report whose opening is ``lines`` one-line paragraphs (26 characters after the indent)."""
    one_line = (FILLER * 2)[:25] + "。"
    return Report(
        kind="half_year_summary",
        title="某某区委组织部2025年上半年工作总结",
        year=2025,
        date=date,
        signature=signature,
        signature_layout=layout,
        opening=[one_line] * lines,
        sections=[],
    )


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    fonts: set[str]
    word_width: float  # glyph advances plus the styles' character spacing, no inter-script gaps
    mark_fonts: list[str]  # "cjk" or "latin" for each “ ” ‘ ’ — … on the line

    @property
    def word_x0(self) -> float:
        """Where the line starts in Word: right-aligned lines keep their right edge."""
        return self.x1 - self.word_width


def _pages(pdf: Path) -> list[list[Line]]:
    out = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            out.append(
                [
                    Line(
                        "".join(c["text"] for c in line["chars"]).replace(" ", ""),
                        line["x0"],
                        line["x1"],
                        line["top"],
                        {c["fontname"].split("+")[-1] for c in line["chars"] if c["text"].strip()},
                        sum(c["x1"] - c["x0"] + SPACING for c in line["chars"] if c["text"].strip())
                        - SPACING,
                        [
                            "cjk" if "CJK" in c["fontname"] else "latin"
                            for c in line["chars"]
                            if c["text"] and set(c["text"]) <= set("“”‘’—…")  # "——" may be one glyph
                        ],
                    )
                    for line in page.extract_text_lines()
                ]
            )
    return out


def _find(lines: list[Line], text: str) -> Line:
    return next(line for line in lines if line.text == text)


DOCUMENTS: dict[str, Report] = {
    "sealed_short": _report("某某区委办公室", "sealed"),
    "sealed_long": _report("中共某某市某某区委员会组织部", "sealed"),
    "unsealed_long": _report("中共某某市某某区委员会组织部", "unsealed"),
    "unsealed_short": _report("某某区委办", "unsealed"),
    # A 22-character unit, dates of 1–4 digits of month and day.
    **{
        f"{layout}_22_{date}": _report(UNIT_22, layout, date=date)
        for layout in ("sealed", "unsealed")
        for date in ("2025-01-08", "2025-11-28", "2025-10-5")
    },
    # 2 title lines + 17 text lines + 3 落款 lines fill a page exactly; with 18–20 lines of
    # text the 落款 alone would open page 2.
    **{f"fill_{n}": _report("某某区委组织部", "sealed", lines=n) for n in (17, 18, 19, 20)},
    "full_pages": _report("某某区委组织部", "sealed", lines=0),
    "long_title": Report(kind="work_report", title=LONG_TITLE, opening=["正文。"]),
}
MARKS = Report(kind="work_report", title="标点", opening=["推广“APP”和“2023”——共12…项。"])
CJK_FONT = "Noto Serif CJK SC"  # Debian fonts-noto-cjk
INSTALLED_SCHEME = FontScheme(
    id="installed", label="", description="", fangsong=CJK_FONT, kaiti=CJK_FONT, heiti=CJK_FONT,
    title=CJK_FONT, songti=CJK_FONT,
)  # fmt: skip
DOCUMENTS["full_pages"].opening = [FILLER * 3] * 12  # paragraphs of several full lines


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[Line]]]:
    folder = tmp_path_factory.mktemp("layout")
    documents = []
    for name, report in DOCUMENTS.items():
        render_report(report, folder / f"{name}.docx")
        documents.append(folder / f"{name}.docx")
    for kind_id, make in SAMPLES.items():
        render_report(make(), folder / f"sample_{kind_id}.docx")
        documents.append(folder / f"sample_{kind_id}.docx")
    # The marks need a Chinese font that is installed here, as 仿宋 is on a clerk's machine
    # (a missing font falls back by script, which would hide what is measured).
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(SCHEMES, "installed", INSTALLED_SCHEME)
        render_report(MARKS, folder / "marks.docx", fonts="installed")
    documents.append(folder / "marks.docx")
    convert_to_pdf(documents, folder)
    return {doc.stem: _pages(folder / f"{doc.stem}.pdf") for doc in documents}


def _near(measured: float, rule: float) -> bool:
    return abs(measured - rule) <= 1 * MM


def _centre(line: Line) -> float:
    return (line.x0 + line.x1) / 2


@pytest.mark.timeout(300)
def test_sealed_date_is_right_indented_four_and_the_signature_centred_over_it(pdfs: dict) -> None:
    for name, signature in (
        ("sealed_short", "某某区委办公室"),
        ("sealed_long", "中共某某市某某区委员会组织部"),
    ):
        last = pdfs[name][-1]
        sig, date = _find(last, signature), _find(last, "2025年7月1日")
        assert _near(_centre(sig), _centre(date)), (name, sig, date)
        assert _near(date.x1, RIGHT_EDGE - 4 * CHAR), (date.x1, RIGHT_EDGE - 4 * CHAR)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("date", "printed"),
    [("2025-01-08", "2025年1月8日"), ("2025-11-28", "2025年11月28日"), ("2025-10-5", "2025年10月5日")],
)
def test_a_22_character_unit_sealed_is_broken_between_words_and_centred(
    pdfs: dict, date: str, printed: str
) -> None:
    last = pdfs[f"sealed_22_{date}"][-1]
    first, second, day = (
        _find(last, "某某省某某市某某区"),
        _find(last, "人力资源和社会保障局办公室"),
        _find(last, printed),
    )
    assert first.top < second.top < day.top
    for line in (first, second):
        assert _near(_centre(line), _centre(day)), (line, day)
    assert _near(day.x1, RIGHT_EDGE - 4 * CHAR), (day.x1, RIGHT_EDGE - 4 * CHAR)
    assert second.x1 <= RIGHT_EDGE + 0.5


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("date", "printed"),
    [("2025-01-08", "2025年1月8日"), ("2025-11-28", "2025年11月28日"), ("2025-10-5", "2025年10月5日")],
)
def test_a_22_character_unit_unsealed_right_two_and_the_date_two_characters_in(
    pdfs: dict, date: str, printed: str
) -> None:
    last = pdfs[f"unsealed_22_{date}"][-1]
    sig, day = _find(last, UNIT_22), _find(last, printed)
    assert _near(sig.x1, RIGHT_EDGE - 2 * CHAR), (sig.x1, RIGHT_EDGE - 2 * CHAR)
    assert _near(day.x0, sig.x0 + 2 * CHAR), (day.x0, sig.x0 + 2 * CHAR)


@pytest.mark.timeout(300)
def test_unsealed_signature_right_two_and_date_two_characters_in(pdfs: dict) -> None:
    last = pdfs["unsealed_long"][-1]
    sig, date = _find(last, "中共某某市某某区委员会组织部"), _find(last, "2025年7月1日")
    assert _near(sig.x1, RIGHT_EDGE - 2 * CHAR), (sig.x1, RIGHT_EDGE - 2 * CHAR)
    assert _near(date.x0, sig.x0 + 2 * CHAR), (date.x0, sig.x0 + 2 * CHAR)
    assert date.top > sig.top
    # A date longer than the 署名: the date is 右空二字 and the 署名 moves left to keep the offset.
    last = pdfs["unsealed_short"][-1]
    sig, date = _find(last, "某某区委办"), _find(last, "2025年7月1日")
    assert _near(date.x1, RIGHT_EDGE - 2 * CHAR), (date.x1, RIGHT_EDGE - 2 * CHAR)
    assert _near(date.x0, sig.x0 + 2 * CHAR), (date.x0, sig.x0 + 2 * CHAR)


@pytest.mark.timeout(300)
def test_the_signature_never_stands_alone_on_the_last_page(pdfs: dict) -> None:
    closing = {"某某区委组织部", "2025年7月1日"}
    pages_seen = set()
    for n in (17, 18, 19, 20):
        pages = pdfs[f"fill_{n}"]
        pages_seen.add(len(pages))
        last_text = [line.text for line in pages[-1] if line.text not in closing and "—" not in line.text]
        assert last_text, (n, [line.text for line in pages[-1]])
    assert pages_seen == {1, 2}  # the cases where it would have been alone are covered
    for kind_id in SAMPLES:
        pages = pdfs[f"sample_{kind_id}"]
        assert len([line for line in pages[-1] if "—" not in line.text]) > 3, kind_id


@pytest.mark.timeout(300)
def test_full_pages_hold_22_lines_of_28_characters(pdfs: dict) -> None:
    pages = pdfs["full_pages"]
    assert len(pages) >= 3
    for page in pages[1:-1]:
        text_lines = [line for line in page if "—" not in line.text]
        assert len(text_lines) == 22
        # Lines from margin to margin (not a paragraph's indented first or short last line).
        left = PAGE.left / TWIPS_PER_PT
        full = [line for line in text_lines if _near(line.x0, left) and line.x1 >= RIGHT_EDGE - CHAR]
        assert len(full) > 12 and all(len(line.text) == 28 for line in full), [len(x.text) for x in full]


@pytest.mark.timeout(300)
def test_long_title_breaks_between_words(pdfs: dict) -> None:
    first = pdfs["long_title"][0]
    expected = title_lines(LONG_TITLE)
    assert [line.text for line in first[: len(expected)]] == list(expected)
    assert "中国特色社会主义" in "".join(expected[1:2])
    widths = [len(line) for line in expected]
    # 梯形 (each line no shorter than the one above) or 菱形 (the middle line longest).
    assert widths == sorted(widths) or widths[1] >= max(widths[0], widths[2]), widths


@pytest.mark.timeout(300)
def test_item_headings_are_not_bold(pdfs: dict) -> None:
    lines = [line for page in pdfs["sample_annual_keypoints"] for line in page]
    item = next(line for line in lines if line.text.startswith("1."))
    body = next(line for line in lines if line.text.startswith("融入日常") or line.x0 < 90)
    cjk_fonts = {f for f in item.fonts if "CJK" in f}
    assert cjk_fonts and cjk_fonts <= {f for f in body.fonts if "CJK" in f}
    assert not any("Bold" in f for f in item.fonts), item.fonts


@pytest.mark.timeout(300)
def test_quotes_dashes_and_ellipses_beside_latin_keep_the_chinese_font(pdfs: dict) -> None:
    lines = [line for page in pdfs["marks"] for line in page]
    line = next(line for line in lines if line.text.startswith("推广"))
    assert re.sub("—+", "——", line.text) == "推广“APP”和“2023”——共12…项。"
    assert any("Liberation" in f for f in line.fonts)  # the Latin letters and digits
    assert len(line.mark_fonts) >= 6 and set(line.mark_fonts) == {"cjk"}, line.mark_fonts
