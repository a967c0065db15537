"""Property tests for the new readers and heading rules: nothing is lost.

Every character that is not dropped chrome reaches the draft, in order: for text pasted
from a browser, for saved web pages, for plain text with 第一、 and unnumbered titles, and
for Word files with heading styles and bold lead lines.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.draft.ordinals import int_to_cn
from core.importing.cleanup import to_paragraphs
from core.importing.importer import import_document, parse_text
from core.text.plaintext import report_paragraphs
from tests.core.test_parser_properties import paragraph, sentence, visible
from tests.docx_builders import write_docx_xml

CHROME = [
    "打印本页",
    "【关闭窗口】",
    "回到顶部",
    "责任编辑：张某",
    "发布时间：2024-01-01 来源：某网",
    "分享到：微信 微博",
    "当前位置：首页 > 新闻",
    "上一篇：某某会议召开",
    "版权所有 某某网 ICP备12345号",
    "图为会议现场。（记者 李某 摄）",
]
TITLES = ["过去五年的回顾", "今后五年的主要任务", "结束语", "经济建设", "社会事业"]


def remove_in_order(text: str, pieces: list[str]) -> str:
    """``text`` without one occurrence of each dropped piece (whitespace ignored)."""
    for piece in pieces:
        wanted = visible(piece)
        index = text.find(wanted)
        assert index >= 0, f"dropped text {piece!r} was not in the source"
        text = text[:index] + text[index + len(wanted) :]
    return text


@st.composite
def web_copy(draw: st.DrawFn) -> list[str]:
    lines = [draw(st.sampled_from(["政府工作报告", "工作总结", "xx区2023年工作要点"]))]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["新华社北京3月5日电 ", "本报讯 "])) + draw(paragraph()))
    for chapter in range(1, draw(st.integers(1, 3)) + 1):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(CHROME)))
        lines.append(f"{int_to_cn(chapter)}、" + draw(sentence()).rstrip("。"))
        lines.extend(draw(st.lists(paragraph(), min_size=1, max_size=2)))
    lines.extend(draw(st.lists(st.sampled_from(CHROME), min_size=2, max_size=4, unique=True)))
    return lines


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(web_copy())
def test_browser_paste_loses_nothing_but_the_chrome_it_lists(lines: list[str]) -> None:
    result = parse_text("\n".join(lines))
    got = visible("".join(report_paragraphs(result.report, source_markers=True)))
    assert got == remove_in_order(visible("".join(lines)), result.dropped)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(web_copy())
def test_saved_web_page_loses_nothing_but_the_chrome_it_lists(lines: list[str]) -> None:
    html = "<html><body><nav>首页 | 新闻</nav>" + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</body></html>"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(html, encoding="utf-8")
        result = import_document(path)
    got = visible("".join(report_paragraphs(result.report, source_markers=True)))
    source = "首页 | 新闻" + "".join(lines)
    assert got == remove_in_order(visible(source), result.dropped)


@st.composite
def structured_report(draw: st.DrawFn) -> list[str]:
    lines = ["政府工作报告", draw(paragraph())]
    for title in draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=3, unique=True)):
        lines.append(title)
        lines.append(draw(paragraph()) + "这是一段足够长的正文，用来说明本部分的主要内容和工作安排。")
        for n in range(1, draw(st.integers(0, 3)) + 1):
            lines.append(f"第{int_to_cn(n)}、" + draw(sentence()).rstrip("。"))
            lines.extend(draw(st.lists(paragraph(), max_size=2)))
    return lines


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured_report())
def test_di_headings_and_unnumbered_titles_keep_every_paragraph(lines: list[str]) -> None:
    report = parse_text("\n".join(lines)).report
    assert report_paragraphs(report, source_markers=True) == to_paragraphs(lines)


@st.composite
def word_body(draw: st.DrawFn) -> tuple[str, list[str]]:
    texts = ["xx区2023年工作总结"]
    xml = [f"<w:p><w:r><w:t>{texts[0]}</w:t></w:r></w:p>"]
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["h1", "h2", "bold", "kai", "body", "sym", "box"]))
        text = draw(sentence()).rstrip("。") if kind in ("h1", "h2", "bold", "kai") else draw(paragraph())
        run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        if kind == "h1":
            xml.append(f'<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>{run}</w:p>')
        elif kind == "h2":
            xml.append(f'<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>{run}</w:p>')
        elif kind == "bold":
            xml.append(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
        elif kind == "kai":
            xml.append(
                f'<w:p><w:r><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
            )
        elif kind == "sym":
            xml.append(f'<w:p>{run}<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:p>')
            text += "☑"
        elif kind == "box":
            box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
            xml.append(f"<w:p>{box}{run}</w:p>")
            text = "框中文字" + text
        else:
            xml.append(f"<w:p>{run}</w:p>")
        texts.append(text)
    return "".join(xml), texts


_SHORT_HEADINGS_ONLY = (  # a title and four short headings: the title block and the 落款 once took one twice
    "<w:p><w:r><w:t>xx区2023年工作总结</w:t></w:r></w:p>"
    + "".join(f'<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>' for t in ("加强", "加强", "干部", "干部")),
    ["xx区2023年工作总结", "加强", "加强", "干部", "干部"],
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word_body())
@example(_SHORT_HEADINGS_ONLY)
def test_word_headings_and_symbols_keep_every_character_in_order(body: tuple[str, list[str]]) -> None:
    xml, texts = body
    with tempfile.TemporaryDirectory() as folder:
        result = import_document(write_docx_xml(Path(folder) / "w.docx", xml))
    assert result.dropped == []
    assert visible("".join(report_paragraphs(result.report, source_markers=True))) == visible("".join(texts))
