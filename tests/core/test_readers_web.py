"""Web copies: saved pages (.html, .mhtml) and text pasted from a browser. Chrome is
left out and listed; the report inside reads as if typed. Expected outlines by hand."""

from __future__ import annotations

from pathlib import Path

from core.importing.importer import import_document, parse_text
from core.importing.outline_text import dropped_lines, outline_lines
from tests.core.test_cli_import import run

BODY1 = "过去一年，全市经济运行稳中有进，地区生产总值增长百分之五点八，城乡居民收入稳步提高。"
BODY2 = "今年经济社会发展的主要预期目标是：地区生产总值增长百分之六左右，城镇新增就业六万人以上。"

PAGE = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>政府工作报告_市政府门户网站</title>
<link rel="stylesheet" href="http://example.invalid/site.css"><script src="http://example.invalid/a.js"></script>
</head><body>
<header><a href="/">网站首页</a> | <a href="/xw">新闻中心</a></header>
<nav>首页 &gt; 政务公开 &gt; 政府工作报告</nav>
<div class="article">
<h1>政府工作报告新华社北京3月5日电</h1>
<div class="info">发布时间：2024-01-20 来源：市政府办公室</div>
<div>【字体：大 中 小】【打印】【关闭】</div>
<p><img src="http://example.invalid/p.jpg"></p>
<p>图为会议现场。（新华社记者 王某 摄）</p>
<p>各位代表：</p>
<p>现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。</p>
<p>一、2023年工作回顾</p>
<p>{BODY1}</p>
<p>二、2024年工作安排</p>
<p>{BODY2}</p>
<p>责任编辑：李某</p>
<p>分享到：微信 微博</p>
</div>
<div class="related"><p>相关新闻</p><ul><li>市政协会议开幕</li><li>代表热议政府工作报告</li></ul></div>
<p>回到顶部</p>
<footer>版权所有：某市人民政府办公室 ICP备12345678号</footer>
</body></html>"""

EXPECTED_OUTLINE = [
    "KIND\twork_report",
    "TITLE\t政府工作报告",
    "H\t1\t一、\t2023年工作回顾\tmarker",
    "H\t1\t二、\t2024年工作安排\tmarker",
]
EXPECTED_DROPPED = [
    "网站首页 | 新闻中心",
    "首页 > 政务公开 > 政府工作报告",
    "版权所有：某市人民政府办公室 ICP备12345678号",
    "新华社北京3月5日电",
    "发布时间：2024-01-20 来源：市政府办公室",
    "【字体：大 中 小】【打印】【关闭】",
    "图为会议现场。（新华社记者 王某 摄）",
    "责任编辑：李某",
    "分享到：微信 微博",
    "相关新闻",
    "市政协会议开幕",
    "代表热议政府工作报告",
    "回到顶部",
]


def test_saved_web_page_with_chrome(tmp_path: Path) -> None:
    path = tmp_path / "报告.html"
    path.write_bytes(PAGE.encode("gb18030"))
    result = import_document(path)
    report = result.report
    assert outline_lines(report, show_how=True) == EXPECTED_OUTLINE
    assert report.opening == ["各位代表：", "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。"]
    assert report.sections[0].body == [BODY1] and report.sections[1].body == [BODY2]
    # The page's 来源 and footer are no 落款; the speaker's "我代表市人民政府" names no place,
    # so no unit is guessed (core.importing.metadata_guess), never the page's.
    assert report.unit == "" and report.signature == ""
    assert result.dropped == EXPECTED_DROPPED


def test_cli_lists_what_was_dropped(tmp_path: Path) -> None:
    path = tmp_path / "报告.htm"
    path.write_bytes(PAGE.encode("gb18030"))
    completed = run("import", path, "--outline")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines() == EXPECTED_OUTLINE + dropped_lines(EXPECTED_DROPPED)


def test_mhtml_web_archive(tmp_path: Path) -> None:
    html = PAGE.replace("charset=gb2312", "charset=utf-8")
    archive = (
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://example.invalid/a.html\r\n\r\n"
    )
    import quopri

    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    path = tmp_path / "报告.mhtml"
    path.write_text(archive + body + "\r\n------B--\r\n", encoding="ascii")
    result = import_document(path)
    assert outline_lines(result.report, show_how=True) == EXPECTED_OUTLINE
    assert result.dropped == EXPECTED_DROPPED


PASTED = "\n".join(
    [
        "政府工作报告",
        "发布时间：2024-01-20  来源：市政府办公室",
        "【打印本页】 【关闭窗口】",
        "新华社北京3月5日电 各位代表：",
        "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。",
        "一、2023年工作回顾",
        BODY1,
        "二、2024年工作安排",
        BODY2,
        "责任编辑：李某",
        "回到顶部",
    ]
)


def test_text_pasted_from_a_browser() -> None:
    result = parse_text(PASTED)
    assert outline_lines(result.report)[1:] == ["TITLE\t政府工作报告", "H\t1\t一、\t2023年工作回顾", "H\t1\t二、\t2024年工作安排"]
    assert result.report.opening[0] == "各位代表："
    assert result.report.unit == "" and result.report.signature == ""  # "市人民政府" names no place; never the page's
    assert result.dropped == [
        "发布时间：2024-01-20  来源：市政府办公室",
        "【打印本页】 【关闭窗口】",
        "新华社北京3月5日电",
        "责任编辑：李某",
        "回到顶部",
    ]


def test_back_to_top_is_never_the_issuing_unit() -> None:
    # Only one chrome line: not a web copy, so nothing is dropped, but a link label is
    # still no signature (it ends in 部 like a 组织部).
    report = parse_text("\n".join(["工作总结", BODY1, "一、主要工作", BODY2, "回到顶部"])).report
    assert report.unit == "" and report.signature == ""
    assert report.sections[0].body == [BODY2, "回到顶部"]


def test_bad_web_pages_get_a_clear_chinese_message(tmp_path: Path) -> None:
    import pytest

    from core.base.errors import ImportFailed

    empty = tmp_path / "空.html"
    empty.write_bytes(b"<html><head><title>x</title></head><body><script>1</script></body></html>")
    garbage = tmp_path / "乱码.htm"
    garbage.write_bytes(bytes(range(256)) * 64)
    deep = tmp_path / "嵌套.html"
    deep.write_text("<div>" * 20000 + "正文。" + "</div>" * 20000, encoding="utf-8")
    archive = tmp_path / "无网页.mhtml"
    archive.write_text("MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n只有文字\r\n", encoding="ascii", errors="ignore")
    for path in (empty, garbage, archive):
        with pytest.raises(ImportFailed) as caught:
            import_document(path)
        assert path.name in str(caught.value)
    # Deep nesting is either read or refused with a message, never a traceback.
    try:
        assert "正文。" in "".join(import_document(deep).report.opening)
    except ImportFailed as exc:
        assert deep.name in str(exc)
