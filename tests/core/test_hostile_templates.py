"""Hostile suite: templates shared between units. Bombs and escapes stop with a clear
message naming the template; external links never reach the export; nothing else changes."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.core.hostile_support import (
    assert_clear_refusal,
    assert_success,
    changed_files,
    good_report,
    run_cli,
    run_cli_limited,
    snapshot,
    template_with,
    write_draft,
)

TOO_MUCH = "模板要求生成的内容过多"
TOO_BIG = "模板生成的文档过大"

BOMBS = [
    ("string-times-billion", "{{ 'x' * 10**9 }}", TOO_MUCH),
    ("list-times-billion", "{{ [1] * 10**9 }}", TOO_MUCH),
    ("nested-range", "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", TOO_MUCH),
    ("range-billion", "{{ range(10**9)|length }}", TOO_MUCH),
    ("center-billion", "{{ 'x'|center(10**9) }}", TOO_MUCH),
    ("ljust-billion", "{{ 'x'.ljust(10**9) }}", TOO_MUCH),
    ("wordwrap-billion", "{{ 'x'|wordwrap(10**9) }}", TOO_MUCH),
    ("format-width", "{{ '{:>1000000000}'.format(1) }}", TOO_MUCH),
    ("printf-width", "{{ '%1000000000s' % 1 }}", TOO_MUCH),
    ("format-filter-width", "{{ '%1000000000s'|format(1) }}", TOO_MUCH),
    ("power-tower", "{{ 2**10**10 }}", TOO_MUCH),
    ("paragraphs-repeated", "{{ (paragraphs * 10**6)|length }}", TOO_MUCH),
    (
        "doubling-string",
        "{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        TOO_BIG,
    ),
    ("lipsum", "{{ lipsum(n=100000, min=20, max=100) }}", "不存在的内容（'lipsum' is undefined）"),
    ("cycler", "{% set c = cycler(*range(100)) %}{% for i in range(10) %}{{ c.next() }}{% endfor %}", "'cycler' is undefined"),
    ("joiner", "{% set j = joiner('x' * 1000) %}{{ j() }}", "'joiner' is undefined"),
    ("include", "{% include 'template.docx' %}", "不能引用其他文件"),
    ("import", "{% import '/etc/passwd' as secrets %}", "不能引用其他文件"),
    ("extends", "{% extends 'base.docx' %}", "不能引用其他文件"),
    ("from-import", "{% from 'x' import y %}", "不能引用其他文件"),
    ("python-internals", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "不允许的操作"),
    ("endless-macro", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "无限递归"),
    ("division-by-zero", "{{ 1/0 }}", "计算无法进行"),
    ("unknown-variable", "{{ secret_key }}", "不存在的内容"),
    ("bad-syntax", "{% for %}", "花括号标记写法有误"),
]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return write_draft(tmp_path / "报告.draft.json", good_report())


@pytest.mark.parametrize(("jinja", "words"), [b[1:] for b in BOMBS], ids=[b[0] for b in BOMBS])
def test_template_bomb_stops_with_a_clear_message(tmp_path: Path, draft: Path, jinja: str, words: str) -> None:
    template = tmp_path / "单位模板.docx"
    template.write_bytes(template_with(escape(jinja)))
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    # template_with puts the bomb in the body's first paragraph: line 2, after the XML declaration.
    assert_clear_refusal(result, "单位模板.docx", words, f"出错位置：模板正文第 2 行“{jinja[:12]}")
    assert changed_files(before, snapshot(tmp_path)) == set()


@pytest.mark.parametrize(
    "jinja",
    [
        "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}",
        "{{ dict(a='甲').a }}",
        "{% for i in range(3) %}{{ i }}{% endfor %}", "{{ '%.2f' % 1.5 }}", "{{ report.title * 2 }}", "{{ '{}年'.format(2025) }}"],
)
def test_ordinary_template_logic_still_works(tmp_path: Path, draft: Path, jinja: str) -> None:
    template = tmp_path / "单位模板.docx"
    template.write_bytes(template_with(escape(jinja)))
    assert_success(run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx"))


def test_a_slow_template_is_stopped_at_the_deadline(
    tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.render import template_limits

    monkeypatch.setattr(template_limits, "MAX_SECONDS", 0.3)
    # 10**18 rounds of nothing over literal text, which the item budget does not charge (range() would
    # run out of items first on a fast machine): no machine finishes them; only the deadline stops them.
    digits = "0123456789" * 100
    loops = f"{{% for a in '{digits}' %}}" * 6 + "{% endfor %}" * 6
    template = tmp_path / "慢.docx"
    template.write_bytes(template_with(escape(loops)))
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "慢.docx", "仍未完成", "出错位置：模板正文第 2 行")


def test_output_size_is_capped(tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.render import template_limits

    monkeypatch.setattr(template_limits, "MAX_OUTPUT_CHARS", 200_000)
    template = tmp_path / "大.docx"
    template.write_bytes(template_with(escape("{% for i in range(5000) %}" + "长" * 100 + "{% endfor %}")))
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "大.docx", TOO_BIG, "出错位置：模板正文第 2 行")


def _declared_size_zip(data: bytes, member: str, declared: int) -> bytes:
    """``data`` with ``member``'s uncompressed size in the central directory set to ``declared``."""
    out = bytearray(data)
    name = member.encode()
    at = out.find(b"PK\x01\x02")  # first central directory entry
    while at >= 0:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", out, at + 24, declared)
            return bytes(out)
        at = out.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} not found")


def test_a_three_gigabyte_image_part_is_refused_before_reading(tmp_path: Path, draft: Path) -> None:
    small = template_with("", extra_members={"word/media/image1.png": b"\x89PNG" + b"\x00" * 100})
    template = tmp_path / "图片.docx"
    template.write_bytes(_declared_size_zip(small, "word/media/image1.png", 3 * 1024**3))
    result = run_cli_limited(tmp_path, "render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "图片.docx", "word/media/image1.png", "压缩图片")
    assert not (tmp_path / "输出.docx").exists()


def test_a_template_with_thousands_of_parts_is_refused(tmp_path: Path, draft: Path) -> None:
    template = tmp_path / "部件.docx"
    template.write_bytes(template_with("", extra_members={f"custom/{i}.xml": b"<a/>" for i in range(2_500)}))
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "部件.docx", "个部件")


def test_string_bomb_stays_under_a_gigabyte_in_a_child(tmp_path: Path, draft: Path) -> None:
    template = tmp_path / "炸弹.docx"
    template.write_bytes(template_with(escape("{{ 'x' * 10**9 }}{{ 'y'|center(10**10) }}")))
    result = run_cli_limited(tmp_path, "render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "炸弹.docx", TOO_MUCH)


_R_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EXTERNAL_RELS = (
    '<Relationship Id="rIdRemoteImage" TargetMode="External" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    'Target="http://203.0.113.9/track.png"/>'
    '<Relationship Id="rIdRemoteLink" TargetMode="External" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
    'Target="http://203.0.113.9/page"/>'
)
_LINKED = (
    '</w:t></w:r></w:p><w:p><w:hyperlink r:id="rIdRemoteLink"><w:r><w:t>单位网站</w:t></w:r></w:hyperlink>'
    '</w:p><w:p><w:r><w:t xml:space="preserve">'
)


def test_external_links_of_a_template_are_not_copied(tmp_path: Path, draft: Path) -> None:
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdTpl" TargetMode="External" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="http://203.0.113.9/normal.dotm"/></Relationships>'
    )
    data = template_with(_LINKED, rels=_EXTERNAL_RELS, extra_members={"word/_rels/settings.xml.rels": settings_rels.encode()})
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        settings = source.read("word/settings.xml")
    if b"xmlns:r=" not in settings:
        settings = settings.replace(b"<w:settings ", b'<w:settings xmlns:r="' + _R_NS + b'" ', 1)
    settings = settings.replace(b"</w:settings>", b'<w:attachedTemplate r:id="rIdTpl"/></w:settings>')
    data = _replace_member(data, "word/settings.xml", settings)
    template = tmp_path / "带链接.docx"
    template.write_bytes(data)
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "输出.docx")
    assert_success(result)
    assert "指向外部的链接" in result.err
    with zipfile.ZipFile(tmp_path / "输出.docx") as package:
        everything = b"".join(package.read(name) for name in package.namelist())
        document = package.read("word/document.xml").decode()
    assert b"203.0.113.9" not in everything and b'TargetMode="External"' not in everything
    assert b"attachedTemplate" not in everything
    assert "单位网站" in document and 'r:id="rIdRemoteLink"' not in document


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()
