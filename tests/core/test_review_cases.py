"""Reviewed copies that are not simple: older drafts, other reports, moved sections, untracked
edits, hundreds of changes, broken files."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from cli.main import main
from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Report, Section
from core.importing.readers import read_paragraphs
from core.office.libreoffice import find_soffice
from core.review.apply import apply_changes
from core.review.changes import STALE, review_changes
from core.review.revisions import read_reviewed
from core.text.plaintext import report_paragraphs
from tests.core.review_builders import (
    LEADER_COMMENTS,
    dele,
    document_xml,
    ins,
    leader_markup,
    render_draft,
    replace_runs,
    reviewed_copy,
    run,
    sample_report,
    write_reviewed,
)
from tests.core.test_review_roundtrip import LEADER_TEXT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "drafts"


def _export(report: Report, folder: Path, name: str = "报告") -> tuple[Path, Path]:
    draft = folder / f"{name}.draft.json"
    save_draft(report, draft)
    return draft, render_draft(report, folder / f"{name}.docx")


def test_reader_keeps_original_accepted_and_authors(tmp_path: Path) -> None:
    _, exported = _export(sample_report(), tmp_path)
    reviewed = write_reviewed(
        exported, tmp_path / "审阅.docx", leader_markup(document_xml(exported)), LEADER_COMMENTS
    )
    document = read_reviewed(reviewed)
    assert document.authors == ["李主任", "王处长"]
    by_original = {p.original: p for p in document.paragraphs}
    changed = by_original["一是抓好党建工作，全年召开党组会议12次。"]
    assert changed.accepted == "一是抓好党建工作，全年召开党组会议15次。"
    assert [(r.kind, r.author, r.start, r.end, r.text) for r in changed.revisions] == [
        ("delete", "李主任", 17, 19, "12"),
        ("insert", "李主任", 19, 19, "15"),
    ]
    moved = by_original["下半年，我们将继续努力，确保完成全年目标任务。"]
    assert moved.accepted == "下半年，我们将确保继续努力，完成全年目标任务。"
    assert [(r.kind, r.move_name) for r in moved.revisions] == [("move_from", "move1"), ("move_to", "move1")]
    heading = by_original["二、存在的问题"]
    assert [(r.kind, r.author, r.start, r.end) for r in heading.revisions] == [("format", "王处长", 0, 7)]
    new = [p for p in document.paragraphs if p.inserted]
    assert [(p.original, p.accepted) for p in new] == [("", "同时，认真谋划明年工作。")]
    comments = {c.id: c for c in document.comments}
    assert set(comments) == {"1", "2", "3"}  # 4 is a reply to 3
    deleted_on = comments["2"]
    paragraph = document.paragraphs[deleted_on.paragraph].original
    assert paragraph[deleted_on.start : deleted_on.end] == "围绕中心工作，"
    assert [(r.author, r.text) for r in comments["3"].replies] == [("王处长", "已按意见补充。")]


def test_copy_of_an_older_draft(tmp_path: Path) -> None:
    old = sample_report()
    _, exported = _export(old, tmp_path, "旧版")
    xml = document_xml(exported)
    xml = replace_runs(
        xml,
        "一是抓好党建工作，全年召开党组会议12次。",
        run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"),
    )
    xml = replace_runs(
        xml, "二是人才队伍结构不够优化。", run("二是人才队伍结构") + ins("亟待") + run("不够优化。")
    )
    reviewed = write_reviewed(exported, tmp_path / "旧版（审阅）.docx", xml)
    # Since the export the clerk corrected the figure the leader also changed.
    newer = sample_report()
    newer.sections[0].body[0] = "一是抓好党建工作，全年召开党组会议14次。"
    result = review_changes(newer, read_reviewed(reviewed))
    stale = [c for c in result.changes if not c.applicable]
    assert [(c.old, c.new, c.reason) for c in stale] == [("12", "15", STALE)]
    applied = apply_changes(newer, result.changes)
    paragraphs = report_paragraphs(applied.report)
    assert "一是抓好党建工作，全年召开党组会议14次。" in paragraphs
    assert "二是人才队伍结构亟待不够优化。" in paragraphs


def test_a_change_in_a_paragraph_that_moved_since_the_copy_is_still_accepted(tmp_path: Path) -> None:
    """Found by the random clerks: after the copy was taken in, the clerk added a paragraph
    above the one the leader changed (or split it); 接受 then did nothing at all, because the
    change was looked for only at the paragraph's old place."""
    from core.review.markup import marked_section

    report = sample_report()
    _, exported = _export(report, tmp_path)
    xml = replace_runs(
        document_xml(exported),
        "二是推进项目建设，完成固定资产投资3亿元。",
        run("二是推进项目建设，完成固定资产投资") + dele("3") + ins("4") + run("亿元。"),
    )
    reviewed = write_reviewed(exported, tmp_path / "报告（审阅）.docx", xml)
    [change] = review_changes(report, read_reviewed(reviewed)).changes
    assert (change.field, change.index, change.old, change.new) == ("body", 1, "3", "4")

    body = report.sections[0].body
    body.insert(0, "新加的一段。")  # the leader's paragraph is now the third
    body[1:2] = ["一是抓好党建工作，", "全年召开党组会议12次。"]  # and the first one split in two
    applied = apply_changes(report, [change])
    assert applied.applied == [change.id]
    assert applied.report.sections[0].body == [
        "新加的一段。", "一是抓好党建工作，", "全年召开党组会议12次。", "二是推进项目建设，完成固定资产投资4亿元。"
    ]
    [marked] = marked_section(report, report.sections[0].id, [change])  # shown where it will be made
    assert (marked.field, marked.index) == ("body", 3)
    assert [s.text for s in marked.segments if s.mark] == ["3", "4"]

    body[3] = "二是推进项目建设，完成投资3亿多元。"  # the words around it changed: nothing to accept
    assert apply_changes(report, [change]).skipped == [change.id]


def test_another_reports_copy_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft, _ = _export(sample_report(), tmp_path)
    other = Report(
        title="某某县2024年度工作要点",
        sections=[
            Section(heading=f"重点任务{i}", body=[f"推进第{i}项改革，落实责任分工。"]) for i in range(6)
        ],
    )
    _, other_doc = _export(other, tmp_path, "别的报告")
    xml = replace_runs(
        document_xml(other_doc), "推进第1项改革，落实责任分工。", run("推进第1项改革") + ins("，压实责任")
    )
    reviewed = write_reviewed(other_doc, tmp_path / "别的报告（审阅）.docx", xml)
    out = tmp_path / "out.draft.json"
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "别的报告（审阅）.docx" in err and re.search(r"只有 \d+% 的段落对应", err) and "--force" in err
    assert not out.exists()
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out), "--force"]) == 0
    assert report_paragraphs(load_draft(out)) == report_paragraphs(sample_report())  # nothing of it applies


def test_moved_and_renumbered_sections(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = _export(report, tmp_path)
    xml = document_xml(exported)
    # The leader swapped 二 and 三 (renumbering them) and edited the moved section.
    second = _paragraphs_between(xml, "二、存在的问题", "三、下半年工作打算")
    third = _paragraphs_between(xml, "三、下半年工作打算", "下半年，我们将继续努力")
    swapped = third.replace(run("三、下半年工作打算"), run("二、下半年工作打算")) + second.replace(
        run("二、存在的问题"), run("三、存在的问题")
    )
    xml = xml.replace(second + third, swapped)
    xml = replace_runs(
        xml,
        "围绕中心工作，抓好各项任务落实。",
        run("围绕中心工作，") + ins("全力") + run("抓好各项任务落实。"),
    )
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    result = review_changes(report, read_reviewed(reviewed))
    assert [(c.place, c.kind, c.new) for c in result.changes] == [
        ("三、下半年工作打算 正文第1段第8字", "插入", "全力")
    ]
    assert result.rate == 1.0
    applied = apply_changes(report, result.changes).report
    assert applied.sections[2].body == ["围绕中心工作，全力抓好各项任务落实。"]


def _paragraphs_between(xml: str, first: str, stop: str) -> str:
    start = xml.rindex("<w:p>", 0, xml.index(run(first)))
    end = xml.rindex("<w:p>", 0, xml.index(stop))
    return xml[start:end]


def test_untracked_edits_are_word_level(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = _export(report, tmp_path)
    xml = replace_runs(
        document_xml(exported),
        "一是抓好党建工作，全年召开党组会议12次。",
        run("一是全面加强党的建设，全年召开党组会议15次。"),
    )
    reviewed = write_reviewed(exported, tmp_path / "直接改.docx", xml)
    result = review_changes(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.new, c.tracked) for c in result.changes] == [
        ("修改", "抓好党建工作", "全面加强党的建设", False),
        ("修改", "12", "15", False),
    ]
    applied = apply_changes(report, result.changes).report
    assert applied.sections[0].body[0] == "一是全面加强党的建设，全年召开党组会议15次。"


def test_hundreds_of_changes_by_several_authors(tmp_path: Path) -> None:
    count = 240
    report = Report(
        title="某某局2025年工作总结",
        sections=[
            Section(
                heading=f"第{s}方面工作", body=[f"第{s * 6 + k}项任务已完成，成效明显。" for k in range(6)]
            )
            for s in range(count // 6)
        ],
    )
    _, exported = _export(report, tmp_path)
    xml = document_xml(exported)
    authors = ("李主任", "王处长", "张科长")
    expected = report_paragraphs(report)
    for n in range(count):
        author = authors[n % 3]
        xml = replace_runs(
            xml,
            f"第{n}项任务已完成，成效明显。",
            run(f"第{n}项任务")
            + dele("已", author)
            + ins("全面", author)
            + run("完成，成效")
            + ins("十分", authors[(n + 1) % 3])
            + run("明显。"),
        )
        expected[expected.index(f"第{n}项任务已完成，成效明显。")] = f"第{n}项任务全面完成，成效十分明显。"
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    result = review_changes(report, read_reviewed(reviewed))
    assert len(result.changes) == 2 * count and all(c.applicable for c in result.changes)
    assert sorted(result.authors) == sorted(authors)
    applied = apply_changes(report, result.changes)
    assert not applied.skipped
    assert report_paragraphs(applied.report) == expected


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("缺失.docx", None, "文件不存在"),
        ("审阅.txt", "领导意见：同意。".encode(), "审阅稿应是 Word 文档"),
        ("损坏.docx", b"PK\x03\x04 not really a zip", "文件已损坏或不完整"),
        # LibreOffice reads any bytes as plain text: refused before it could list bogus changes.
        ("乱码.doc", bytes(range(256)) * 40, "文件内容不像 Word/WPS 文档（扩展名是 .doc"),
        ("乱码.wps", "领导意见：同意。".encode() * 50, "文件内容不像 Word/WPS 文档（扩展名是 .wps"),
        ("乱码.rtf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "文件内容不像 Word/WPS 文档（扩展名是 .rtf"),
    ],
)
def test_bad_reviewed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, expected: str
) -> None:
    draft, _ = _export(sample_report(), tmp_path)
    reviewed = tmp_path / name
    if content is not None:
        reviewed.write_bytes(content)
    assert main(["review", str(draft), str(reviewed)]) == 2
    captured = capsys.readouterr()
    assert name in captured.err and expected in captured.err and "Traceback" not in captured.err
    assert captured.out == ""  # no change listed


def test_a_docx_saved_under_the_doc_name_is_read_as_it_is(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = _export(report, tmp_path)
    xml = replace_runs(document_xml(exported), "一是抓好党建工作，全年召开党组会议12次。",
                       run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    renamed = tmp_path / "审阅.doc"
    renamed.write_bytes(write_reviewed(exported, tmp_path / "审阅.docx", xml).read_bytes())
    assert [(c.old, c.new) for c in review_changes(report, read_reviewed(renamed)).changes] == [("12", "15")]


def test_a_closed_output_pipe_ends_quietly_and_the_rest_still_runs(tmp_path: Path) -> None:
    # As with "review … | head -1": the reader of the list is gone before the first line
    # (closed at once, the program takes a moment to start), so every write fails.
    draft, reviewed = reviewed_copy(tmp_path)
    out = tmp_path / "接受后.draft.json"
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "main.py", "review", str(draft), str(reviewed), "--accept-all", "-o", str(out)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=300) == 0, err
    assert "Exception" not in err and "Broken" not in err and "已接受" in err
    assert report_paragraphs(load_draft(out)) == LEADER_TEXT


def test_accept_all_needs_an_output_and_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft, exported = _export(sample_report(), tmp_path)
    assert main(["review", str(draft), str(exported), "--accept-all"]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["review", str(exported), str(exported)]) == 2
    assert "不是草稿文件" in capsys.readouterr().err


def test_old_drafts_load_without_notes() -> None:
    report = load_draft(FIXTURES / "format1_half_year.draft.json")
    assert report.sections and all(section.notes == [] for _, section in report.walk())


@pytest.mark.skipif(find_soffice() is None, reason="未安装 LibreOffice（soffice），无法转换审阅稿")
def test_a_doc_saved_by_libreoffice_keeps_the_tracked_changes(tmp_path: Path) -> None:
    # LibreOffice writes the .doc from its own record of the changes; the reader converts it
    # back through LibreOffice. Moves come back as a deletion and an insertion, replies are lost.
    report = sample_report()
    draft, exported = _export(report, tmp_path)
    reviewed = write_reviewed(
        exported, tmp_path / "审阅.docx", leader_markup(document_xml(exported)), LEADER_COMMENTS
    )
    soffice = find_soffice()
    assert soffice is not None
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "lo"),
            str(reviewed),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    saved = tmp_path / "lo" / "审阅.doc"
    result = review_changes(report, read_reviewed(saved))
    assert sorted(result.authors) == ["李主任", "王处长"]
    assert [(c.kind, c.old, c.new) for c in result.changes if c.place.startswith("结尾")] == [
        ("删除", "继续努力，", ""),
        ("插入", "", "继续努力，"),
    ]
    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft), str(saved), "--accept-all", "-o", str(out)]) == 0
    assert report_paragraphs(load_draft(out)) == LEADER_TEXT


def _fodt_with_tracked_changes(paragraphs: list[str], edits: dict[str, str], regions: str) -> str:
    """A flat ODF text whose changes LibreOffice holds in its own change record."""
    body = "".join(f"<text:p>{edits.get(p, escape(p))}</text:p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f'<office:body><office:text><text:tracked-changes text:track-changes="true">{regions}'
        f"</text:tracked-changes>{body}</office:text></office:body></office:document>"
    )


def _region(change_id: str, kind: str, author: str, deleted: str = "") -> str:
    info = f"<office:change-info><dc:creator>{author}</dc:creator><dc:date>2025-07-12T09:30:00</dc:date></office:change-info>"
    inner = f"{info}<text:p>{deleted}</text:p>" if kind == "deletion" else info
    return f'<text:changed-region xml:id="{change_id}" text:id="{change_id}"><text:{kind}>{inner}</text:{kind}></text:changed-region>'


@pytest.mark.skipif(find_soffice() is None, reason="未安装 LibreOffice（soffice），无法转换审阅稿")
def test_changes_recorded_by_libreoffice_and_written_as_docx(tmp_path: Path) -> None:
    # The changes live in LibreOffice's own record (ODF tracked changes, two authors); its
    # Word export writes them as w:ins/w:del, which is what a WPS/LibreOffice reviewer sends.
    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    edits = {
        "一是抓好党建工作，全年召开党组会议12次。": '一是抓好党建工作，全年召开党组会议<text:change text:change-id="c1"/>'
        '<text:change-start text:change-id="c2"/>15<text:change-end text:change-id="c2"/>次。',
        "二是推进项目建设，完成固定资产投资3亿元。": '二是推进项目建设，完成<text:change text:change-id="c3"/>投资3亿元。',
    }
    regions = (
        _region("c1", "deletion", "李主任", "12") + _region("c2", "insertion", "李主任")
        + _region("c3", "deletion", "王处长", "固定资产")
    )
    source = tmp_path / "审阅.fodt"
    source.write_text(_fodt_with_tracked_changes(report_paragraphs(report), edits, regions), encoding="utf-8")
    soffice = find_soffice()
    assert soffice is not None
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240,
    )
    reviewed = tmp_path / "审阅.docx"
    assert b"w:del " in _member(reviewed, "word/document.xml")  # LibreOffice wrote Word revisions
    result = review_changes(report, read_reviewed(reviewed))
    assert result.rate == 1.0
    assert [(c.kind, c.author, c.old, c.new, c.applicable) for c in result.changes] == [
        ("修改", "李主任", "12", "15", True),
        ("删除", "王处长", "固定资产", "", True),
    ]
    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out)]) == 0
    assert load_draft(out).sections[0].body == ["一是抓好党建工作，全年召开党组会议15次。", "二是推进项目建设，完成投资3亿元。"]


def _member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read(name)


def test_a_whole_numbered_section_deleted_is_left_to_the_outline(tmp_path: Path) -> None:
    # The reviewer struck out a whole "（一）标题。正文" paragraph, number included: the
    # number is the outline's, so the change is listed with what to do, and not applied.
    from lxml import etree

    report = sample_report()
    _, exported = _export(report, tmp_path)
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(document_xml(exported).encode("utf-8"))
    struck = "（一）加强班子建设。班子成员带头学习，开展专题研讨4次。"
    paragraph = next(
        p for p in root.iter(f"{{{namespace}}}p") if "".join(p.itertext()) == struck
    )
    for child in [c for c in paragraph if c.tag != f"{{{namespace}}}pPr"]:
        paragraph.remove(child)
    paragraph.append(etree.fromstring(f'<w:x xmlns:w="{namespace}">{dele(struck)}</w:x>')[0])
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", etree.tostring(root, encoding="unicode"))
    (change,) = review_changes(report, read_reviewed(reviewed)).changes
    assert (change.kind, change.old, change.applicable) == ("删除", struck, False)
    assert change.reason.startswith("不再适用：整段删去了一个带序号的标题段落")


@pytest.mark.parametrize("nesting", ["ins_del", "del_ins"])
def test_an_insertion_deleted_again_by_another_reviewer_is_no_change(tmp_path: Path, nesting: str) -> None:
    report = sample_report()
    _, exported = _export(report, tmp_path)
    text = "一是抓好党建工作，全年召开党组会议12次。"
    gone = '<w:r><w:delText xml:space="preserve">（含扩大会议）</w:delText></w:r>'
    inner = f'<w:del w:id="951" w:author="李主任" w:date="2025-07-12T09:30:00Z">{gone}</w:del>'
    if nesting == "ins_del":
        added_then_removed = f'<w:ins w:id="952" w:author="王处长" w:date="2025-07-12T09:30:00Z">{inner}</w:ins>'
    else:
        added = '<w:r><w:t xml:space="preserve">（含扩大会议）</w:t></w:r>'
        added_then_removed = (
            f'<w:del w:id="953" w:author="李主任" w:date="2025-07-12T09:30:00Z">'
            f'<w:ins w:id="954" w:author="王处长" w:date="2025-07-12T09:30:00Z">{added}</w:ins></w:del>'
        )
    markup = run(text[:-1]) + added_then_removed + run("。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", replace_runs(document_xml(exported), text, markup))
    assert review_changes(report, read_reviewed(reviewed)).changes == []
    assert read_paragraphs(reviewed)[4] == text  # what Word shows with every change accepted


@pytest.mark.parametrize("tracked", [True, False])
def test_a_change_in_a_table_cell_goes_into_the_drafts_cell(tmp_path: Path, tracked: bool) -> None:
    from core.draft.tables import Table

    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "次数"], ["培训", "12"]])]
    _, exported = _export(report, tmp_path)
    xml = document_xml(exported)
    start = xml.index("<w:tbl")
    end = xml.index("</w:tbl>")
    cell = dele("12") + ins("15") if tracked else run("15")
    table = xml[start:end].replace(run("12"), cell, 1)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:start] + table + xml[end:])
    result = review_changes(report, read_reviewed(reviewed))
    assert result.rate == 1.0
    (change,) = result.changes
    assert (change.old, change.new, change.applicable) == ("12", "15", True)
    assert change.place == "一、主要工作成效 表格1第2行第2列第1字"
    applied = apply_changes(report, result.changes).report
    assert applied.sections[0].tables[0].rows == [["项目", "次数"], ["培训", "15"]]
    # Nothing else changed, and no cell text turned into paragraphs.
    assert report_paragraphs(applied) == [p.replace("培训\t12", "培训\t15") for p in report_paragraphs(report)]
