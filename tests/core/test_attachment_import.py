"""An attachment taken from a file (从文件导入附件…, `render --attach`) keeps everything the
importer reads: headings as headings at their own levels, tables with merged cells, in every
format; rendered after the 落款 with its own page, and read back identically (F32)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from core.draft.numbering import section_markers
from core.importing.attachments import attach_document, attachment_from_document
from core.importing.importer import import_document, parse_text
from core.render.engine import render_document
from tests.conftest import SEED_NAMES, seed_path

TABLE_ROWS = [["序号", "项目", "计划", "完成"], ["1", "专题培训", "6期", "4期"],
              ["2", "网络培训", "全年持续", ""], ["3", "换届", "32个", "32个"]]


def table_file(path: Path) -> Path:
    """A short 完成情况 with a title, a 4×4 table (one cell merged over two columns) before
    its first heading, 一、/（一） headings and a second table inside （一）."""
    document = docx.Document()
    for line in ("附件1", "2024年上半年重点工作完成情况", "按任务逐项列出如下。"):
        document.add_paragraph(line)
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(TABLE_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 2).merge(table.cell(2, 3)).text = "全年持续"
    for line in ("一、主要工作完成情况", "（一）干部教育培训。举办培训班12期，具体见下表。"):
        document.add_paragraph(line)
    second = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["类别", "期数"], ["专题", "6期"]]):
        for c, text in enumerate(row):
            second.cell(r, c).text = text
    for line in ("（二）基层组织建设。完成换届32个。", "二、下一步打算", "继续抓好培训。"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _outline(section: Any) -> list[tuple[int, str, bool, list[str]]]:
    return [(depth, s.heading, s.run_in, s.body) for depth, s in section.walk()]


def test_a_table_file_keeps_its_headings_tables_and_merged_cell(tmp_path: Path) -> None:
    part = attachment_from_document(table_file(tmp_path / "完成情况.docx"))
    assert part.attachment
    assert _outline(part) == [
        (1, "2024年上半年重点工作完成情况", False, ["按任务逐项列出如下。"]),  # "附件1" dropped
        (2, "主要工作完成情况", False, []),
        (3, "干部教育培训", True, ["举办培训班12期，具体见下表。"]),
        (3, "基层组织建设", True, ["完成换届32个。"]),
        (2, "下一步打算", False, ["继续抓好培训。"]),
    ]
    # The merged cell's text stands once, in its first cell; the cell it covers is "".
    assert [(t.rows, t.merges, t.after_body) for t in part.tables] == [(TABLE_ROWS, [[2, 2, 2]], 1)]
    training = part.children[0].children[0]
    assert [(t.rows, t.after_body) for t in training.tables] == [([["类别", "期数"], ["专题", "6期"]], 1)]


def report_with(*attachments: Path) -> Any:
    report = parse_text(seed_path("004").read_text(encoding="utf-8")).report
    report.title, report.unit, report.year = "某某区委组织部2022年上半年工作总结", "某某区委组织部", 2022
    report.signature, report.date = "某某区委组织部", "2022-07-01"
    for path in attachments:
        attach_document(report, path)
    return report


def test_the_attachment_is_laid_out_with_its_own_headings_and_table(tmp_path: Path) -> None:
    report = report_with(table_file(tmp_path / "完成情况.docx"))
    part = report.sections[-1]
    markers = section_markers(report)
    assert [markers[c.id] for c in part.children] == ["一、", "二、"]
    assert markers[part.children[0].children[0].id] == "（一）"
    document = docx.Document(io.BytesIO(render_document(report).data))
    paragraphs = [(p.style.name, p.text.replace("\n", "")) for p in document.paragraphs]
    label = paragraphs.index(("附件标识（附件1）", "附件"))
    assert paragraphs[label + 1 : label + 4] == [
        ("公文标题", "2024年上半年重点工作完成情况"),
        ("Normal", "按任务逐项列出如下。"),
        ("一级标题（一、）", "一、主要工作完成情况"),
    ]
    assert [[c.text for c in row.cells] for row in document.tables[-2].rows] == [
        ["序号", "项目", "计划", "完成"], ["1", "专题培训", "6期", "4期"],
        ["2", "网络培训", "全年持续", "全年持续"], ["3", "换届", "32个", "32个"]]  # python-docx repeats a merged cell


def seed_copies(folder: Path) -> list[Path]:
    # Under readable names: a name like "003_65ef…" is read back as a 落款 line (noted, not ours).
    copies = []
    for number, seed in enumerate(sorted(SEED_NAMES)):
        copy = folder / f"往年材料{number + 1}.txt"
        copy.write_bytes(seed_path(seed).read_bytes())
        copies.append(copy)
    return copies


@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_a_seed_as_attachment_keeps_every_heading_of_its_import(seed: str, tmp_path: Path) -> None:
    copy = tmp_path / "往年材料.txt"
    copy.write_bytes(seed_path(seed).read_bytes())
    part = attachment_from_document(copy)
    prior = import_document(copy).report
    assert [(d + 1, s.heading) for d, s in prior.walk()] == [(d, s.heading) for d, s in part.walk()][1:]
    own = [p for _, s in part.walk() for p in s.body]
    assert own[0] == prior.opening[0]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_text_file_attachment_has_headings(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"计划{suffix}"
    path.write_text("附件2\n干部培训计划\n全年培训干部500人次。\n一、专题培训\n举办6期。\n二、网络培训\n全年持续。\n",
                    encoding="utf-8")
    part = attachment_from_document(path)
    assert _outline(part) == [(1, "干部培训计划", False, ["全年培训干部500人次。"]),
                              (2, "专题培训", False, ["举办6期。"]), (2, "网络培训", False, ["全年持续。"])]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 .doc/.wps 检查")
@pytest.mark.timeout(300)
def test_doc_and_wps_attachments_keep_the_table(tmp_path: Path) -> None:
    source = table_file(tmp_path / "完成情况.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path / "doc"), str(source)], check=True, capture_output=True, timeout=240)
    doc = tmp_path / "doc" / "完成情况.doc"
    wps = tmp_path / "完成情况.wps"  # WPS saves .wps in the same binary family
    wps.write_bytes(doc.read_bytes())
    expected = attachment_from_document(source)
    for path in (doc, wps):
        part = attachment_from_document(path)
        assert _outline(part) == _outline(expected)
        assert [t.rows for t in part.tables] == [t.rows for t in expected.tables]
        assert part.tables[0].merges == [[2, 2, 2]]


def test_render_attach_on_the_command_line_keeps_the_table(tmp_path: Path) -> None:
    from cli.main import main
    from core.draft.draft_file import save_draft

    draft = tmp_path / "a.draft.json"
    save_draft(report_with(), draft)
    out = tmp_path / "out.docx"
    assert main(["render", str(draft), "-o", str(out), "--attach", str(table_file(tmp_path / "完成情况.docx"))]) == 0
    document = docx.Document(str(out))
    assert len(document.tables) == 2
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["一、主要工作完成情况"] == "一级标题（一、）"
    assert [[c.text for c in r.cells] for r in document.tables[1].rows] == [["类别", "期数"], ["专题", "6期"]]
