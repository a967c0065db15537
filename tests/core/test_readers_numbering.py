"""Word automatic numbering: numbers that are not in the paragraph text are rendered from
numbering.xml (and styles.xml) and put in front of the text, as Word shows them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from core.importing.readers import read_document, read_paragraphs
from core.importing.readers.number_formats import chinese_counting, format_number, letter, roman
from tests.docx_builders import (
    auto_numbered_from_typed,
    paragraph_xml,
    rendered_marker,
    write_auto_numbered_docx,
    write_docx_xml,
    write_typed_docx,
)


def level_xml(
    ilvl: int, num_fmt: str, text: str, *, start: int = 1, extra: str = "", suffix: str = "nothing"
) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{num_fmt}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


# The four 公文 levels as one multi-level list, the way a clerk sets it up in Word.
OUTLINE_LEVELS = (
    level_xml(0, "chineseCounting", "%1、")
    + level_xml(1, "chineseCounting", "（%2）")
    + level_xml(2, "decimal", "%3.")
    + level_xml(3, "decimal", "（%4）")
)


def abstract(abstract_id: int, levels: str, extra: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
        f"{extra}{levels}</w:abstractNum>"
    )


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def body(*paragraphs: tuple[str, int | None, int | None]) -> str:
    return "".join(paragraph_xml(text, num_id=num_id, ilvl=ilvl) for text, num_id, ilvl in paragraphs)


def test_four_level_list_renders_and_restarts_deeper_levels(tmp_path: Path) -> None:
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1)
    paragraphs = [
        ("总体要求", 1, 0),
        ("加强党建", 1, 1),
        ("抓学习", 1, 2),
        ("抓落实", 1, 2),
        ("改进作风", 1, 1),
        ("转变作风", 1, 2),
        ("主要任务", 1, 0),
        ("推动发展", 1, 1),
        ("细项", 1, 3),
        ("再一项", 1, 3),
        ("不编号的正文", None, None),
    ]
    path = write_docx_xml(tmp_path / "outline.docx", body(*paragraphs), numbering_xml=numbering)
    assert read_paragraphs(path) == [
        "一、总体要求",
        "（一）加强党建",
        "1.抓学习",
        "2.抓落实",
        "（二）改进作风",
        "1.转变作风",
        "二、主要任务",
        "（一）推动发展",
        "（1）细项",
        "（2）再一项",
        "不编号的正文",
    ]


def test_items_numbered_straight_through_chapters_with_lvl_restart_zero(tmp_path: Path) -> None:
    levels = level_xml(0, "chineseCounting", "%1、") + level_xml(
        1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'
    )
    numbering = abstract(1, levels) + num(1, 1)
    paragraphs = [("甲", 1, 0), ("a", 1, 1), ("b", 1, 1), ("乙", 1, 0), ("c", 1, 1)]
    path = write_docx_xml(tmp_path / "continuous.docx", body(*paragraphs), numbering_xml=numbering)
    assert read_paragraphs(path) == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]


def test_restart_numbering_through_start_override_and_shared_lists(tmp_path: Path) -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1) + num(2, 1, override) + num(3, 1)
    paragraphs = [
        ("甲", 1, 0),
        ("甲一", 1, 1),
        ("乙", 1, 0),
        ("戊", 2, 0),  # Word's "restart numbering at 5"
        ("戊一", 2, 1),
        ("己", 2, 0),
        ("庚", 3, 0),  # another numId on the same list continues it
        ("辛", 1, 0),
    ]
    path = write_docx_xml(tmp_path / "override.docx", body(*paragraphs), numbering_xml=numbering)
    assert read_paragraphs(path) == [
        "一、甲",
        "（一）甲一",
        "二、乙",
        "五、戊",
        "（一）戊一",
        "六、己",
        "七、庚",
        "八、辛",
    ]


def test_level_override_replaces_the_format(tmp_path: Path) -> None:
    override = f'<w:lvlOverride w:ilvl="0">{level_xml(0, "decimal", "第%1条", start=3, suffix="tab")}</w:lvlOverride>'
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1) + abstract(2, OUTLINE_LEVELS) + num(2, 2, override)
    path = write_docx_xml(
        tmp_path / "lvl.docx", body(("甲", 1, 0), ("条文", 2, 0), ("条文", 2, 0)), numbering_xml=numbering
    )
    assert read_paragraphs(path) == ["一、甲", "第3条 条文", "第4条 条文"]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="MyHeading2"><w:name w:val="my heading"/><w:basedOn w:val="2"/></w:style>'
)


def test_numbering_that_comes_from_paragraph_styles(tmp_path: Path) -> None:
    # Heading 1 names only the numId: its level comes from the lvl's w:pStyle link.
    levels = level_xml(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="1"/>') + level_xml(
        1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="2"/>'
    )
    numbering = abstract(3, levels) + num(7, 3)
    content = (
        paragraph_xml("总体要求", style="1")
        + paragraph_xml("正文", style="Normal")
        + paragraph_xml("第一节", style="2")
        + paragraph_xml("继承样式的第二节", style="MyHeading2")
        + paragraph_xml("主要任务", style="1")
        + paragraph_xml("取消编号的标题", style="1", num_id=0)
        + paragraph_xml("第一节", style="2")
        + paragraph_xml("直接改了级别", style="1", ilvl=1)
    )
    path = write_docx_xml(tmp_path / "styles.docx", content, numbering_xml=numbering, styles_xml=STYLES)
    assert read_paragraphs(path) == [
        "一、总体要求",
        "正文",
        "（一）第一节",
        "（二）继承样式的第二节",
        "二、主要任务",
        "取消编号的标题",
        "（一）第一节",
        "（二）直接改了级别",
    ]


def test_num_style_link_uses_the_linked_definition(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
        '<w:pPr><w:numPr><w:numId w:val="21"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        abstract(10, "", extra='<w:numStyleLink w:val="ReportList"/>')
        + abstract(11, OUTLINE_LEVELS, extra='<w:styleLink w:val="ReportList"/>')
        + num(20, 10)
        + num(21, 11)
    )
    path = write_docx_xml(
        tmp_path / "link.docx",
        body(("甲", 20, 0), ("甲一", 20, 1)),
        numbering_xml=numbering,
        styles_xml=styles,
    )
    assert read_paragraphs(path) == ["一、甲", "（一）甲一"]


@pytest.mark.parametrize(
    ("num_fmt", "text", "expected"),
    [
        ("decimalFullWidth", "%1．", ["１．甲", "２．乙", "３．丙"]),
        ("ideographTraditional", "%1、", ["甲、甲", "乙、乙", "丙、丙"]),
        ("chineseLegalSimplified", "%1、", ["壹、甲", "贰、乙", "叁、丙"]),
        ("chineseCountingThousand", "第%1章", ["第一章 甲", "第二章 乙", "第三章 丙"]),
        ("decimalEnclosedCircle", "%1", ["① 甲", "② 乙", "③ 丙"]),
        ("upperRoman", "%1.", ["I.甲", "II.乙", "III.丙"]),
        ("lowerLetter", "%1)", ["a)甲", "b)乙", "c)丙"]),
        ("bullet", "\uf0b7", ["甲", "乙", "丙"]),  # a bullet glyph is not an ordinal
        ("none", "", ["甲", "乙", "丙"]),
        ("someFutureFormat", "%1.", ["1.甲", "2.乙", "3.丙"]),  # unknown: Arabic digits
    ],
)
def test_number_formats(tmp_path: Path, num_fmt: str, text: str, expected: list[str]) -> None:
    numbering = abstract(1, level_xml(0, num_fmt, text, suffix="tab")) + num(1, 1)
    path = write_docx_xml(
        tmp_path / "fmt.docx", body(("甲", 1, 0), ("乙", 1, 0), ("丙", 1, 0)), numbering_xml=numbering
    )
    assert read_paragraphs(path) == expected


def test_multi_level_labels_and_legal_numbering(tmp_path: Path) -> None:
    levels = (
        level_xml(0, "chineseCounting", "%1、")
        + level_xml(1, "decimal", "%1.%2", extra="<w:isLgl/>", suffix="space")
        + level_xml(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>", suffix="space")
    )
    numbering = abstract(1, levels) + num(1, 1)
    paragraphs = [("甲", 1, 0), ("条", 1, 1), ("款", 1, 2), ("条", 1, 1), ("乙", 1, 0), ("条", 1, 1)]
    path = write_docx_xml(tmp_path / "legal.docx", body(*paragraphs), numbering_xml=numbering)
    # isLgl shows the chineseCounting chapter as an Arabic digit inside "1.1".
    assert read_paragraphs(path) == ["一、甲", "1.1 条", "1.1.1 款", "1.2 条", "二、乙", "2.1 条"]


def test_custom_format_in_alternate_content_uses_the_fallback(tmp_path: Path) -> None:
    lvl = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback>'
        '<w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:suff w:val="nothing"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
    )
    numbering = abstract(1, lvl) + num(1, 1)
    path = write_docx_xml(tmp_path / "custom.docx", body(("甲", 1, 0), ("乙", 1, 0)), numbering_xml=numbering)
    assert read_paragraphs(path) == ["01.甲", "02.乙"]


def test_label_before_digits_is_spaced_so_it_is_not_read_as_a_figure(tmp_path: Path) -> None:
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1)
    paragraphs = [("2022年工作回顾", 1, 0), ("2022年重点", 1, 2)]
    path = write_docx_xml(tmp_path / "digits.docx", body(*paragraphs), numbering_xml=numbering)
    assert read_paragraphs(path) == ["一、2022年工作回顾", "1. 2022年重点"]


def test_empty_numbered_paragraph_shows_its_number(tmp_path: Path) -> None:
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1)
    path = write_docx_xml(
        tmp_path / "empty.docx", body(("甲", 1, 0), ("", 1, 0), ("丙", 1, 0)), numbering_xml=numbering
    )
    assert read_paragraphs(path) == ["一、甲", "二、", "三、丙"]


def test_numbered_paragraphs_inside_a_table_count_in_document_order(tmp_path: Path) -> None:
    numbering = abstract(1, OUTLINE_LEVELS) + num(1, 1)
    table = (
        "<w:tbl><w:tr><w:tc>"
        + paragraph_xml("表中项", num_id=1, ilvl=0)
        + "</w:tc><w:tc>"
        + paragraph_xml("说明")
        + "</w:tc></w:tr></w:tbl>"
    )
    content = paragraph_xml("甲", num_id=1, ilvl=0) + table + paragraph_xml("丙", num_id=1, ilvl=0)
    path = write_docx_xml(tmp_path / "table.docx", content, numbering_xml=numbering)
    source = read_document(path)
    assert source.paragraphs == ["一、甲", "三、丙"]
    assert [found.rows for _, found in source.tables] == [[["二、表中项", "说明"]]]


def test_broken_numbering_references_do_not_crash(tmp_path: Path) -> None:
    numbering = num(5, 99) + abstract(1, OUTLINE_LEVELS) + num(1, 1)
    content = (
        paragraph_xml("没有定义的编号", num_id=42, ilvl=0)
        + paragraph_xml("指向不存在的抽象编号", num_id=5, ilvl=0)
        + paragraph_xml("级别超出范围", num_id=1, ilvl=7)
        + '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>乱写的级别</w:t></w:r></w:p>"
    )
    with_part = write_docx_xml(tmp_path / "broken.docx", content, numbering_xml=numbering)
    assert read_paragraphs(with_part) == [
        "没有定义的编号",
        "指向不存在的抽象编号",
        "级别超出范围",
        "一、乱写的级别",
    ]
    without_part = write_docx_xml(tmp_path / "nopart.docx", paragraph_xml("无编号部件", num_id=1, ilvl=0))
    assert read_paragraphs(without_part) == ["无编号部件"]


def test_five_thousand_automatic_headings(tmp_path: Path) -> None:
    entries = [("chapter", f"标题{i}") for i in range(1, 5001)]
    paragraphs = read_paragraphs(write_auto_numbered_docx(tmp_path / "many.docx", entries))
    assert len(paragraphs) == 5000
    assert paragraphs[0] == "一、标题1"
    assert paragraphs[9] == "十、标题10"
    assert paragraphs[100] == "一百零一、标题101"
    assert paragraphs[4999] == "五千、标题5000"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (10010, "一万零一十"),
        (100000, "十万"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


def test_other_counters() -> None:
    assert chinese_counting(12, legal=True) == "壹拾贰"
    assert letter(1) == "A" and letter(26) == "Z" and letter(27) == "AA" and letter(53) == "AAA"
    assert roman(1994) == "MCMXCIV"
    assert format_number("decimalEnclosedCircle", 21) == "21"  # past ⑳ Word falls back too
    assert format_number("decimalZero", 7) == "07"
    assert format_number("ideographZodiac", 13) == "子"


# --- The shared builder -----------------------------------------------------------------


def test_builder_auto_numbering_reads_like_the_typed_document(tmp_path: Path) -> None:
    typed = [
        "关于2022年工作要点",
        "一、总体要求",
        "（一）加强党的建设。全面推进。",
        "1.持续推进",
        "2.提质增效",
        "（1）细化",
        "（2）落实",
        "（二）改进作风",
        "1.转变作风",
        "二、主要任务",
        "3.编号接续的条目",
        "正文段落。",
    ]
    entries = auto_numbered_from_typed(typed)
    assert entries[1] == ("chapter", "总体要求", 1)
    assert entries[10] == ("item", "编号接续的条目", 3)
    assert entries[11] == (None, "正文段落。")
    path = write_auto_numbered_docx(tmp_path / "auto.docx", entries)
    assert read_paragraphs(path) == typed
    # and the numbers really are Word's: the text runs hold no marker
    runs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert runs[1] == "总体要求" and runs[3] == "持续推进"


def test_builder_default_numbering_restarts_below_shallower_headings(tmp_path: Path) -> None:
    entries = [("chapter", "甲"), ("item", "a"), ("item", "b"), ("chapter", "乙"), ("item", "c")]
    restarting = read_paragraphs(write_auto_numbered_docx(tmp_path / "r.docx", entries))
    continuous = read_paragraphs(write_auto_numbered_docx(tmp_path / "c.docx", entries, continuous=("item",)))
    assert restarting == ["一、甲", "1.a", "2.b", "二、乙", "1.c"]
    assert continuous == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]
    assert rendered_marker("section", 3) == "（三）"


def test_builder_rejects_unknown_family(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown marker family"):
        write_auto_numbered_docx(tmp_path / "x.docx", [("chapterx", "甲")])


# --- Cross-check against LibreOffice's own rendering -------------------------------------


def _libreoffice_text(paths: list[Path], out_dir: Path) -> dict[str, list[str]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice（soffice）未安装，无法与其渲染结果对照")
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(out_dir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = {}
    for path in paths:
        text = (out_dir / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        result[path.name] = ["".join(line.split()) for line in text.splitlines() if line.strip()]
    return result


@pytest.mark.timeout(240)
def test_rendered_numbers_match_libreoffice(tmp_path: Path) -> None:
    """LibreOffice implements Word numbering independently; both must show the same."""
    docs = tmp_path / "docs"
    docs.mkdir()
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    outline = [
        ("甲", 1, 0),
        ("甲一", 1, 1),
        ("条", 1, 2),
        ("条", 1, 2),
        ("甲二", 1, 1),
        ("细", 1, 3),
        ("乙", 1, 0),
        ("乙一", 1, 1),
        ("戊", 2, 0),
        ("戊一", 2, 1),
        ("己", 2, 0),
        ("庚", 3, 0),
    ]
    paths = [
        write_docx_xml(
            docs / "outline.docx",
            body(*outline),
            numbering_xml=abstract(1, OUTLINE_LEVELS) + num(1, 1) + num(2, 1, override) + num(3, 1),
        ),
        write_auto_numbered_docx(
            docs / "builder.docx",
            auto_numbered_from_typed(
                ["一、甲", "（一）乙", "1.丙", "2.丁", "（二）戊", "1.己", "二、庚", "（1）辛", "9.壬"]
            ),
        ),
        write_docx_xml(
            docs / "styles.docx",
            paragraph_xml("甲", style="1")
            + paragraph_xml("乙", style="2")
            + paragraph_xml("丙", style="MyHeading2")
            + paragraph_xml("丁", style="1"),
            numbering_xml=abstract(
                3,
                level_xml(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="1"/>')
                + level_xml(1, "chineseCounting", "（%2）"),
            )
            + num(7, 3),
            styles_xml=STYLES,
        ),
    ]
    expected = _libreoffice_text(paths, tmp_path / "lo")
    for path in paths:
        ours = ["".join(p.split()) for p in read_paragraphs(path) if p.strip()]
        assert ours == expected[path.name], path.name


def test_typed_docx_has_no_numbering(tmp_path: Path) -> None:
    # python-docx's template carries list definitions; unused, they add no numbers.
    assert read_paragraphs(write_typed_docx(tmp_path / "t.docx", ["一、甲", "乙"])) == ["一、甲", "乙"]
