"""The three-way review merge: the copy that was sent is the base (core.review.merge)."""

from __future__ import annotations

import copy
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cli.main import main
from core.draft.draft_file import load_draft, save_draft
from core.draft.history import load_sent, sent_file
from core.draft.model import Report
from core.draft.reviews import ACCEPTED, REJECTED
from core.office.libreoffice import find_soffice
from core.render.sent_mark import CUSTOM_PART, SENT_PROPERTY, mark_sent, without_sent_mark
from core.reuse.notice import notice_paragraphs
from core.review.apply import KEEP_BOTH, TAKE_CLERK, TAKE_LEADER, apply_changes, settled
from core.review.change import NO_BASE_TRACKED
from core.review.changes import MOVED_SECTION
from core.review.merge import ALREADY_DONE, BASE_UNKNOWN_TRACKED, PARAGRAPH_GONE, review_copy
from core.review.revisions import read_reviewed
from tests.core.review_builders import (
    CommentSpec,
    add_paragraph_after,
    comment_end,
    comment_start,
    dele,
    document_xml,
    edit_run,
    exported_draft,
    ins,
    inserted_paragraph,
    plain_paragraph,
    remove_paragraph,
    replace_runs,
    run,
    sample_report,
    saved_by_libreoffice,
    word_style_runs,
    write_reviewed,
)

FIRST = "一是抓好党建工作，全年召开党组会议12次。"
SECOND = "二是推进项目建设，完成固定资产投资3亿元。"
TEAM = "班子成员带头学习，开展专题研讨4次。"
PLANS = "围绕中心工作，抓好各项任务落实。"
CLOSING = "下半年，我们将继续努力，确保完成全年目标任务。"


def _leader_copy(xml: str) -> str:
    """Tracked 12→15, a comment on 3亿元, an untracked 4→6, an untracked new paragraph and an
    untracked deletion of the second 问题 point: the leader switched tracking on and off."""
    xml = replace_runs(xml, FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    xml = replace_runs(
        xml, SECOND, run("二是推进项目建设，完成固定资产投资") + comment_start(1) + run("3亿元") + comment_end(1) + run("。")
    )
    xml = edit_run(xml, TEAM, "班子成员带头学习，开展专题研讨6次。")
    xml = add_paragraph_after(xml, PLANS, plain_paragraph("同时，认真谋划明年工作。"))
    return remove_paragraph(xml, "二是人才队伍结构不够优化。")


def _accepted(draft: Report, reviewed: Path) -> Report:
    result = review_copy(draft, read_reviewed(reviewed))
    return apply_changes(draft, result.changes).report


def test_every_difference_from_the_sent_copy_is_the_leaders_and_the_clerks_later_edit_stays(
    tmp_path: Path,
) -> None:
    report = sample_report()
    draft_path, exported = exported_draft(report, tmp_path)
    reviewed = write_reviewed(
        exported, tmp_path / "审阅.docx", _leader_copy(document_xml(exported)),
        [CommentSpec(1, "王处长", "请核实投资数据。")],
    )
    # After the export the clerk wrote on.
    report.closing = ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]
    save_draft(report, draft_path)

    document = read_reviewed(reviewed)
    assert document.sent_id and load_sent(document.sent_id) is not None
    result = review_copy(report, document)
    assert result.three_way and result.note == ""
    assert [(c.kind, c.old, c.new, c.tracked, c.applicable) for c in result.changes] == [
        ("修改", "12", "15", True, True),
        ("修改", "4", "6", False, True),
        ("删除", "人才队伍结构不够优化。", "", False, True),
        ("插入", "", "同时，认真谋划明年工作。", False, True),
        ("批注", "3亿元", "请核实投资数据。", True, True),
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].body == ["一是抓好党建工作，全年召开党组会议15次。", SECOND]
    assert after.sections[0].children[0].body == ["班子成员带头学习，开展专题研讨6次。"]
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。"]
    assert after.sections[2].body == [PLANS, "同时，认真谋划明年工作。"]
    assert after.closing == ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]
    assert after.sections[0].notes == ["王处长（2025-07-12）批注“3亿元”：请核实投资数据。"]


def test_the_same_words_changed_by_both_are_a_conflict_listed_and_never_applied(tmp_path: Path) -> None:
    report = sample_report()
    draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(
        document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。")
    )
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", edit_run(xml, TEAM, "班子成员带头学习，开展专题研讨6次。"))
    report.sections[0].body[0] = "一是抓好党建工作，全年召开党组会议13次。"
    save_draft(report, draft_path)

    result = review_copy(report, read_reviewed(reviewed))
    conflict, other = result.changes
    assert (conflict.conflict, conflict.applicable, conflict.old, conflict.new, conflict.draft_text) == (
        True, False, "12", "15", "13",
    )
    assert conflict.leader_text == "15"
    assert conflict.reason == "冲突：导出后拟稿人也改了这里，草稿现为“13”，审阅人改为“15”；请在“审阅”面板中对照选定"
    assert (other.conflict, other.applicable, other.new) == (False, True, "6")
    after = apply_changes(report, result.changes).report
    assert after.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议13次。"
    assert after.sections[0].children[0].body == ["班子成员带头学习，开展专题研讨6次。"]

    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft_path), str(reviewed), "--accept-all", "-o", str(out)]) == 0
    assert load_draft(out).sections[0].body[0] == "一是抓好党建工作，全年召开党组会议13次。"


def test_a_conflict_is_settled_by_the_clerks_choice(tmp_path: Path) -> None:
    """The leader wrote 15 for 12 with tracking on; the clerk meanwhile wrote 十二次 for 12次."""
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(
        document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。")
    )
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    report.sections[0].body[0] = "一是抓好党建工作，全年召开党组会议十二次。"
    result = review_copy(report, read_reviewed(reviewed))
    (conflict,) = result.changes
    assert (conflict.conflict, conflict.draft_text, conflict.leader_text) == (True, "十二", "15")
    assert settled(conflict, TAKE_CLERK) is None
    by_choice = {
        choice: apply_changes(report, [settled(conflict, choice)]).report.sections[0].body[0]  # type: ignore[list-item]
        for choice in (TAKE_LEADER, KEEP_BOTH)
    }
    assert by_choice == {
        TAKE_LEADER: "一是抓好党建工作，全年召开党组会议15次。",
        KEEP_BOTH: "一是抓好党建工作，全年召开党组会议十二15次。",
    }
    with pytest.raises(ValueError):
        settled(replace(conflict, conflict=False), TAKE_LEADER)


REWRITTEN_OPENING = "今年以来，在市委坚强领导下，我局统筹推进各项工作，稳步取得新的成效。"


@pytest.mark.parametrize("clerk_edited", [False, True])
def test_a_paragraph_the_leader_rewrote_is_one_change_taken_or_left_whole(tmp_path: Path, clerk_edited: bool) -> None:
    # Walkthrough W5: a rewritten 开头 came back as four pieces; with the clerk's own word changed
    # after the export the first piece was a conflict and the other three were applied around it,
    # making a sentence neither wrote.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), OPENING, run(REWRITTEN_OPENING))
    xml = replace_runs(xml, SECOND, run("二是推进项目建设，完成固定资产投资3.2亿元。"))  # a correction, not a rewrite
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    clerks = OPENING.replace("认真", "深入")
    if clerk_edited:
        report.opening = [clerks]
    result = review_copy(report, read_reviewed(reviewed))
    opening = [c for c in result.changes if c.field == "opening"]
    assert len(opening) == 1 and opening[0].conflict == clerk_edited
    assert [c.new for c in result.changes if c.field != "opening"] == ["3.2"]
    after = apply_changes(report, result.changes).report
    assert after.opening == [clerks if clerk_edited else REWRITTEN_OPENING]  # the clerk's whole, or the leader's
    assert after.sections[0].body[1] == "二是推进项目建设，完成固定资产投资3.2亿元。"
    if clerk_edited:
        taken = apply_changes(report, [settled(opening[0], TAKE_LEADER)]).report  # type: ignore[list-item]
        assert taken.opening == [REWRITTEN_OPENING]


def test_an_edit_in_a_paragraph_the_clerk_rewrote_since_says_deleted_or_rewritten(tmp_path: Path) -> None:
    # Walkthrough W6 note: the row said 拟稿人导出后已删去这一段 of a paragraph still there, rewritten.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), SECOND, run("二是加快项目建设，完成固定资产投资3亿元。"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    rewritten = "二是全力推动重大项目落地见效，全年签约项目二十个。"
    report.sections[0].body[1] = rewritten
    (change,) = review_copy(report, read_reviewed(reviewed)).changes
    assert (change.old, change.new, change.applicable, change.reason) == ("推进", "加快", False, PARAGRAPH_GONE)
    assert "删去或改写" in PARAGRAPH_GONE
    assert apply_changes(report, [change]).report.sections[0].body[1] == rewritten


def test_the_cli_settles_conflicts_as_the_panel_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two conflicts (the leader 12→15 and 4→6 with tracking on; the clerk meanwhile 12→13 and
    4→5) and one plain change (3亿元→4亿元, untracked). A side for all conflicts, or one by its
    number in the list; the numbers as listed, bad choices refused with exit 2."""
    report = sample_report()
    draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(
        document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。")
    )
    xml = replace_runs(xml, TEAM, run("班子成员带头学习，开展专题研讨") + dele("4") + ins("6") + run("次。"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", edit_run(xml, SECOND, SECOND.replace("3亿", "4亿")))
    report.sections[0].body[0] = FIRST.replace("12", "13")
    report.sections[0].children[0].body[0] = TEAM.replace("4", "5")
    save_draft(report, draft_path)

    assert main(["review", str(draft_path), str(reviewed)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.endswith(f"【第{n}条冲突：可用 --conflict {n}=draft|reviewer|both 选定】") for n, line in enumerate(listed, 1)] == [
        True, False, True,
    ]

    def accepted(*choices: str) -> Report:
        out = tmp_path / "接受后.draft.json"
        out.unlink(missing_ok=True)
        assert main(["review", str(draft_path), str(reviewed), "--accept-all", "-o", str(out), *choices]) == 0
        return load_draft(out)

    def texts(after: Report) -> tuple[str, str, str]:
        return after.sections[0].body[0], after.sections[0].body[1], after.sections[0].children[0].body[0]

    assert texts(accepted()) == (FIRST.replace("12", "13"), SECOND.replace("3亿", "4亿"), TEAM.replace("4", "5"))
    assert texts(accepted("--conflicts", "reviewer")) == (
        FIRST.replace("12", "15"), SECOND.replace("3亿", "4亿"), TEAM.replace("4", "6"),
    )
    after = accepted("--conflicts", "draft", "--conflict", "3=both")
    assert texts(after) == (FIRST.replace("12", "13"), SECOND.replace("3亿", "4亿"), TEAM.replace("4", "56"))
    (record,) = after.reviews
    assert record.decisions == {"1": REJECTED, "2": ACCEPTED, "3": ACCEPTED}

    capsys.readouterr()
    for bad in (["--conflict", "2=reviewer"], ["--conflict", "1=leader"], ["--conflict", "一=draft"]):
        out = tmp_path / "不该写出.draft.json"
        assert main(["review", str(draft_path), str(reviewed), "--accept-all", "-o", str(out), *bad]) == 2
        assert not out.exists()
    assert main(["review", str(draft_path), str(reviewed), "--conflicts", "both"]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors == [
        "参数有误：--conflict 给出的第 2 条不是冲突（冲突在列表中注有“第N条冲突”）。",
        "参数有误：--conflict “1=leader”应写成 序号=draft、序号=reviewer 或 序号=both，如 --conflict 3=reviewer。",
        "参数有误：--conflict “一=draft”应写成 序号=draft、序号=reviewer 或 序号=both，如 --conflict 3=reviewer。",
        "参数有误：--conflicts、--conflict 选定冲突后要写出草稿，需与 --accept-all -o 一起用。",
    ]


def test_a_change_both_made_is_listed_as_done(tmp_path: Path) -> None:
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", edit_run(document_xml(exported), FIRST, FIRST.replace("12", "15")))
    report.sections[0].body[0] = FIRST.replace("12", "15")
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.old, c.new, c.applicable, c.reason) for c in result.changes] == [("15", "15", False, ALREADY_DONE)]


def test_paragraphs_the_clerk_added_since_shift_nothing(tmp_path: Path) -> None:
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), SECOND, run("二是推进项目建设，完成") + dele("固定资产") + run("投资3亿元。"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    report.sections[0].body.insert(0, "今年以来，全局上下齐心协力。")
    after = _accepted(report, reviewed)
    assert after.sections[0].body == ["今年以来，全局上下齐心协力。", FIRST, "二是推进项目建设，完成投资3亿元。"]


def test_word_runs_and_a_whole_paragraph_rewritten(tmp_path: Path) -> None:
    # Word splits a paragraph into runs with rsids and proofing marks; the leader retyped one
    # paragraph completely (nothing of it left to match): it is deleted and the new one added.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), CLOSING, word_style_runs(CLOSING))
    xml = edit_run(xml, PLANS, "聚焦年度目标，逐项压实责任。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    after = _accepted(report, reviewed)
    assert after.sections[2].body == ["聚焦年度目标，逐项压实责任。"]
    assert after.closing == [CLOSING]


def _custom_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(CUSTOM_PART).decode("utf-8")


def _with_custom(source: Path, out: Path, custom: str | None) -> Path:
    with zipfile.ZipFile(source) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    if custom is None:
        del members[CUSTOM_PART]
    else:
        members[CUSTOM_PART] = custom.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out


def test_wps_keeps_the_identifier_beside_its_own_property(tmp_path: Path) -> None:
    # WPS adds KSOProductBuildVer to the custom properties and renumbers the others.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    sent_id = read_reviewed(exported).sent_id
    xml = edit_run(document_xml(exported), TEAM, "班子成员带头学习，开展专题研讨6次。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    wps = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
        "<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>"
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="3" name="{SENT_PROPERTY}">'
        f"<vt:lpwstr>{sent_id}</vt:lpwstr></property></Properties>"
    )
    wps_copy = _with_custom(reviewed, tmp_path / "审阅（WPS）.docx", wps)
    assert read_reviewed(wps_copy).sent_id == sent_id
    assert _accepted(report, wps_copy).sections[0].children[0].body == ["班子成员带头学习，开展专题研讨6次。"]


def test_without_the_identifier_it_matches_by_text_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = sample_report()
    draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    pasted = _with_custom(reviewed, tmp_path / "粘贴.docx", None)
    result = review_copy(report, read_reviewed(pasted))
    # The copy holds 修订: the note says plainly that untracked edits are not listed (walkthrough W4).
    assert (result.three_way, result.note) == (False, NO_BASE_TRACKED)
    assert [(c.old, c.new) for c in result.changes] == [("12", "15")]
    unknown = _with_custom(reviewed, tmp_path / "外来.docx", _custom_xml(reviewed).replace(read_reviewed(reviewed).sent_id, "0" * 32))
    # An export this computer has no record of, but the copy's digest says the draft's words are
    # as sent: merged three ways against the draft itself.
    assert review_copy(report, read_reviewed(unknown)).three_way
    edited = copy.deepcopy(report)
    edited.closing = ["下半年，我们将再接再厉。"]  # changed after the export: the draft is not the base
    assert review_copy(edited, read_reviewed(unknown)).note == BASE_UNKNOWN_TRACKED
    capsys.readouterr()
    assert main(["review", str(draft_path), str(pasted)]) == 0
    assert NO_BASE_TRACKED in capsys.readouterr().err
    hostile = _with_custom(reviewed, tmp_path / "路径.docx", _custom_xml(reviewed).replace(read_reviewed(reviewed).sent_id, "../../x"))
    assert sent_file(read_reviewed(hostile).sent_id) is None


def test_a_copy_of_an_export_with_no_record_here_lists_every_plain_edit_while_the_draft_is_as_sent(
    tmp_path: Path,
) -> None:
    # Walkthrough W4: the draft went to another computer on a USB stick (no record of the export
    # there); the leader made plain edits and one 修订. The copy's digest of the sent words matches
    # the draft: every change is listed and applied, as with the record.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    xml = replace_runs(xml, SECOND, run("二是加快项目建设，完成固定资产投资3亿元。"))  # typed over, no 修订
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    document = read_reviewed(reviewed)
    sent = sent_file(document.sent_id)
    assert sent is not None and document.sent_text
    sent.unlink()  # this computer never exported it
    result = review_copy(report, document)
    assert result.three_way and not result.note
    assert sorted((c.old, c.new) for c in result.changes) == [("12", "15"), ("推进", "加快")]
    copied = copy.deepcopy(report)
    copied.closing = [CLOSING + "（拟稿人导出后加的）"]  # edited since: the plain edits cannot be told apart
    later = review_copy(copied, document)
    assert (later.three_way, later.note) == (False, BASE_UNKNOWN_TRACKED)


def test_re_exporting_the_same_draft_keeps_its_identifier_and_a_changed_one_gets_a_new(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    first = exported.read_bytes()
    first_id = read_reviewed(exported).sent_id
    _, again = exported_draft(report, tmp_path)
    assert again.read_bytes() == first  # the same file: no （上一版） for an unchanged draft
    assert not (tmp_path / "报告（上一版）.docx").exists()
    report.closing = ["下半年，我们将继续努力。"]
    _, changed = exported_draft(report, tmp_path)
    second_id = read_reviewed(changed).sent_id
    assert second_id not in ("", first_id)
    assert load_sent(first_id).closing == [CLOSING] and load_sent(second_id).closing == ["下半年，我们将继续努力。"]
    assert (tmp_path / "报告（上一版）.docx").read_bytes() == first
    # The mark alone never makes two renderings differ.
    assert without_sent_mark(mark_sent(without_sent_mark(first), "a" * 32)) == without_sent_mark(first)


@pytest.mark.skipif(find_soffice() is None, reason="未安装 LibreOffice（soffice），无法转换审阅稿")
def test_a_copy_saved_by_libreoffice_merges_three_ways(tmp_path: Path) -> None:
    # LibreOffice rewrites the whole package in its own style (its own runs, its own revision
    # ids, its own custom.xml) and keeps both the tracked changes and the identifier.
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    xml = edit_run(xml, TEAM, "班子成员带头学习，开展专题研讨6次。")
    saved = saved_by_libreoffice(exported, xml, tmp_path)
    assert b"w:del " in zipfile.ZipFile(saved).read("word/document.xml")
    report.closing = ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]
    after = _accepted(report, saved)
    assert after.sections[0].body == ["一是抓好党建工作，全年召开党组会议15次。", SECOND]
    assert after.sections[0].children[0].body == ["班子成员带头学习，开展专题研讨6次。"]
    assert after.closing == ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]


def test_a_copy_with_a_table_merges_cell_by_cell(tmp_path: Path) -> None:
    from core.draft.tables import Table

    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "次数", "人数"], ["培训", "12", "300"], ["调研", "8", "40"]])]
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    start, end = xml.index("<w:tbl"), xml.index("</w:tbl>")
    table = xml[start:end].replace(run("12"), dele("12") + ins("15"), 1).replace(run("40"), run("45"), 1)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:start] + table + xml[end:])
    report.sections[0].tables[0].rows[1][2] = "320"  # the clerk's own correction after the export
    result = review_copy(report, read_reviewed(reviewed))
    assert result.rate == 1.0
    assert [(c.place, c.old, c.new, c.tracked) for c in result.changes] == [
        ("一、主要工作成效 表格1第2行第2列第1字", "12", "15", True),
        ("一、主要工作成效 表格1第3行第3列第1字", "40", "45", False),
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows == [["项目", "次数", "人数"], ["培训", "15", "320"], ["调研", "8", "45"]]


def _rows_xml(xml: str) -> tuple[int, int, list[str]]:
    """Where the first table is in ``xml`` and its rows' XML."""
    start, end = xml.index("<w:tbl"), xml.index("</w:tbl>")
    return start, end, re.findall(r"<w:tr[ >].*?</w:tr>", xml[start:end], re.S)


@pytest.mark.parametrize("three_way", [True, False])
def test_a_row_the_leader_inserts_is_no_edit_of_the_clerks_next_row(tmp_path: Path, three_way: bool) -> None:
    # Walkthrough W8: a row inserted above the last one was read as edits of the last row; 全部接受
    # overwrote the clerk's row. Rows pair by their cells, so the new row is none of the draft's.
    from core.draft.tables import Table

    report = sample_report()
    rows = [["项目", "次数", "人数"], ["培训", "12", "300"], ["调研", "8", "40"], ["换届", "32", "32"]]
    report.sections[0].tables = [Table(rows=[list(row) for row in rows])]
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    start, end, trs = _rows_xml(xml)
    new_row = trs[2].replace(run("调研"), run("宣传"), 1).replace(run("8"), run("5"), 1).replace(run("40"), run("60"), 1)
    last = trs[3].replace(run("32"), run("33"), 1)  # and an edit of the last row's 次数
    table = xml[start:end].replace(trs[3], new_row + last, 1).replace(trs[1], "", 1)  # 培训 deleted
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:start] + table + xml[end:])
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way == three_way and result.rate >= 0.85  # the new row's cells are no draft paragraph
    edits = sorted((c.kind, c.place, c.old, c.new) for c in result.changes)
    assert edits == [
        ("修改", "一、主要工作成效 表格1第4行第2列第1字", "32", "33"),
        ("删除表格行", "一、主要工作成效 表格1第2行第1列第1字", "培训", ""),
        ("删除表格行", "一、主要工作成效 表格1第2行第2列第1字", "12", ""),
        ("删除表格行", "一、主要工作成效 表格1第2行第3列第1字", "300", ""),
        ("新增表格行", "一、主要工作成效 表格1第3行之后", "", "宣传\t5\t60"),  # one change, the whole row
    ]
    assert all(c.applicable for c in result.changes)
    assert [c.content for c in result.changes if c.kind == "新增表格行"] == ["宣传 | 5 | 60"]
    after = apply_changes(report, result.changes).report
    # Nothing of the clerk's is overwritten; the deleted row goes, the new one comes where it stood.
    assert after.sections[0].tables[0].rows == [rows[0], rows[2], ["宣传", "5", "60"], ["换届", "33", "32"]]


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_accepting_a_review_of_rows_inserted_deleted_and_edited_gives_the_leaders_table(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    from core.draft.tables import Table

    tmp_path = tmp_path_factory.mktemp("rows")
    count = data.draw(st.integers(1, 6))
    header = ["序号", "项目", "完成"]
    rows = [[str(i + 1), f"项目{i}", f"{i}期"] for i in range(count)]
    report = sample_report()
    report.sections[0].tables = [Table(rows=[header, *[list(r) for r in rows]])]
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    start, end, trs = _rows_xml(xml)
    leader: list[list[str]] = [header]
    copy_trs = [trs[0]]
    new_number = 0
    for i, row in enumerate(rows):
        for _ in range(data.draw(st.integers(0, 1))):  # a row inserted before it
            new_number += 1
            texts = [f"新{new_number}", f"新增项目{new_number}", f"{new_number}0期"]
            tr = trs[i + 1]
            for old_text, new_text in zip(row, texts, strict=True):
                tr = tr.replace(run(old_text), run(new_text), 1)
            copy_trs.append(tr)
            leader.append(texts)
        kept = data.draw(st.booleans()) or count == 1
        if kept:
            edited = data.draw(st.booleans())
            texts = [row[0], row[1], row[2] + "（改）" if edited else row[2]]
            copy_trs.append(trs[i + 1].replace(run(row[2]), run(texts[2]), 1))
            leader.append(texts)
    # A table less than half of whose cells are as sent is a new table (listed as one, the old
    # kept: core.review.match.match_cells), not this one edited.
    same = sum(1 for row in leader for cell in row if any(cell in sent for sent in [header, *rows]))
    assume(2 * same >= 3 * len(leader))
    table = xml[start:end]
    body = table[: table.index(trs[0])] + "".join(copy_trs) + table[table.index(trs[-1]) + len(trs[-1]) :]
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:start] + body + xml[end:])
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows == leader


POINT_TWO = "二是人才队伍结构不够优化。"
OPENING = "今年以来，我局认真贯彻落实市委决策部署，各项工作稳步推进。"


def _inserted_paragraph_after(xml: str, text: str, new: str, author: str = "李主任") -> str:
    from tests.core.review_builders import inserted_paragraph

    return add_paragraph_after(xml, text, inserted_paragraph(new, author))


@pytest.mark.parametrize("three_way", [True, False])
def test_paragraphs_added_after_a_point_and_before_the_first(tmp_path: Path, three_way: bool) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = _inserted_paragraph_after(document_xml(exported), POINT_TWO, "三是干部作风有待进一步转变。")
    # Before the opening: right after the 主送机关 line, which is no paragraph list.
    xml = _inserted_paragraph_after(xml, "市委办公室：", "现将有关情况报告如下。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way == three_way
    assert [(c.new, c.applicable, c.place) for c in result.changes] == [
        ("现将有关情况报告如下。", True, "开头第1段之前"),
        ("干部作风有待进一步转变。", True, "二、存在的问题 要点第2点之后"),
    ]
    after = apply_changes(report, result.changes).report
    assert after.opening == ["现将有关情况报告如下。", OPENING]
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。", "干部作风有待进一步转变。"]


@pytest.mark.parametrize("three_way", [True, False])
def test_a_new_point_at_the_end_stays_a_point_when_the_closing_is_rewritten_too(tmp_path: Path, three_way: bool) -> None:
    # Walkthrough W1: the leader added 三是… after the last section's points and rewrote the 结尾;
    # the new point was taken for part of the new 结尾 and went into it.
    report = sample_report()
    report.sections.pop()  # 存在的问题, with its points, is the last section: the 结尾 follows them
    _, exported = exported_draft(report, tmp_path)
    xml = add_paragraph_after(document_xml(exported), POINT_TWO, plain_paragraph("三是干部作风有待进一步转变。"))
    xml = replace_runs(xml, CLOSING, run("同志们，新征程上，让我们踔厉奋发、勇毅前行！"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    after = apply_changes(report, review_copy(report, read_reviewed(reviewed)).changes).report
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。", "干部作风有待进一步转变。"]
    assert after.closing == ["同志们，新征程上，让我们踔厉奋发、勇毅前行！"]


def test_a_paragraph_after_the_last_point_without_an_ordinal_closes_the_section(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = add_paragraph_after(document_xml(exported), POINT_TWO, plain_paragraph("对此，我们将认真研究解决。"))
    after = _accepted(report, write_reviewed(exported, tmp_path / "审阅.docx", xml))
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。"]
    assert after.sections[1].tail == ["对此，我们将认真研究解决。"]


@pytest.mark.parametrize("three_way", [True, False])
def test_a_whole_point_struck_out_deletes_the_point(tmp_path: Path, three_way: bool) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", replace_runs(document_xml(exported), POINT_TWO, dele(POINT_TWO)))
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.applicable, c.tracked) for c in result.changes] == [("删除", "人才队伍结构不够优化。", True, True)]
    after = apply_changes(report, result.changes).report
    assert [p.text for p in after.sections[1].points] == ["基层基础仍然薄弱。"]


@pytest.mark.parametrize("three_way", [True, False])
def test_two_insertions_at_one_point_are_both_kept_in_order(tmp_path: Path, three_way: bool) -> None:
    # Two reviewers (or one in two sittings): Word keeps each insertion as its own w:ins.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    markup = (
        run("下半年，我们将继续努力，确保") + ins("高质量", "李主任")
        + ins("、圆满地", "王处长", "2025-07-13T10:00:00Z") + run("完成全年目标任务。")
    )
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", replace_runs(document_xml(exported), CLOSING, markup))
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    after = _accepted(report, reviewed)
    assert after.closing == ["下半年，我们将继续努力，确保高质量、圆满地完成全年目标任务。"]


@pytest.mark.parametrize("three_way", [True, False])
def test_a_whole_paragraph_replaced_with_its_trailing_space_is_no_old_copy(tmp_path: Path, three_way: bool) -> None:
    # Word selects the paragraph with the space typed after it; the copy's paragraph ended in it.
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    markup = dele(PLANS + " ") + ins("聚焦中心工作，狠抓任务落实。 ")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", replace_runs(document_xml(exported), PLANS, markup))
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.new, c.applicable) for c in result.changes] == [
        ("修改", PLANS, "聚焦中心工作，狠抓任务落实。", True)
    ]
    assert apply_changes(report, result.changes).report.sections[2].body == ["聚焦中心工作，狠抓任务落实。"]


def _imprint_report() -> Report:
    report = sample_report()
    report.copy_to = "市政府办公室，市发改委"
    report.printer = "某某局办公室"
    report.print_date = "2025-07-10"
    return report


def _exported_placement(report: Report, folder: Path, under_text: bool) -> tuple[Path, Path]:
    """The draft exported with its 版记 in a text box under the text, or on a page of its own
    (a footer): the two placements core.render.imprint_fit chooses between."""
    from core.draft.history import record_sent
    from core.render.imprint_fit import render_placements
    from core.render.imprint_placement import IMPRINT_OWN_PAGE, IMPRINT_UNDER_TEXT

    draft = folder / "报告.draft.json"
    save_draft(report, draft)
    placements = render_placements(report)
    under, own = placements[IMPRINT_UNDER_TEXT], placements[IMPRINT_OWN_PAGE]
    exported = folder / "报告.docx"
    exported.write_bytes(mark_sent((under if under_text else own).data, record_sent(report, draft)))
    return draft, exported


def _with_member(source: Path, out: Path, name: str, text: str) -> Path:
    with zipfile.ZipFile(source) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    members[name] = text.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for member, data in members.items():
            package.writestr(member, data)
    return out


COPY_TO = "抄送：市政府办公室，市发改委。"


@pytest.mark.parametrize("under_text", [True, False])
@pytest.mark.parametrize("tracked", [True, False])
def test_the_imprints_copy_to_edited_is_applied(tmp_path: Path, under_text: bool, tracked: bool) -> None:
    report = _imprint_report()
    _, exported = _exported_placement(report, tmp_path, under_text)
    member = "word/document.xml" if under_text else "word/footer4.xml"
    with zipfile.ZipFile(exported) as package:
        xml = package.read(member).decode("utf-8")
    markup = run("抄送：市政府办公室，市发改委") + ins("，市财政局") + run("。") if tracked else run("抄送：市政府办公室，市发改委，市财政局。")
    reviewed = _with_member(exported, tmp_path / "审阅.docx", member, replace_runs(xml, COPY_TO, markup))
    result = review_copy(report, read_reviewed(reviewed))
    assert result.rate == 1.0
    assert [(c.kind, c.old, c.new, c.place, c.applicable) for c in result.changes] == [
        ("插入", "", "，市财政局", "抄送机关第12字", True)
    ]
    assert apply_changes(report, result.changes).report.copy_to == "市政府办公室，市发改委，市财政局"


def test_words_in_a_text_box_of_the_leaders_are_listed(tmp_path: Path) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    box = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<wps:txbx><w:txbxContent>"
        f"<w:p>{run('此处补充典型案例。')}</w:p><w:p>{run('请办公室')}{ins('尽快')}{run('核实。')}</w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        f"<w:p>{run('此处补充典型案例。')}</w:p><w:p>{run('请办公室核实。')}</w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    xml = replace_runs(document_xml(exported), SECOND, run(SECOND) + box)
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.kind, c.new, c.applicable, c.reason[:12]) for c in result.changes] == [
        ("插入", "此处补充典型案例。", False, "不再适用：改动在文本框里"),
        ("插入", "尽快", False, "不再适用：改动在文本框里"),
    ]
    assert {c.section_id for c in result.changes} == {report.sections[0].id}


def _paragraph_xml(text: str) -> str:
    return f"<w:p>{run(text)}</w:p>"


def _mark(kind: str, author: str = "李主任") -> str:
    return f'<w:pPr><w:rPr><w:{kind} w:id="77{len(kind)}" w:author="{author}" w:date="2025-07-12T09:30:00Z"/></w:rPr></w:pPr>'


@pytest.mark.parametrize("three_way", [True, False])
def test_a_paragraph_split_with_enter_tracked(tmp_path: Path, three_way: bool) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    split = (
        f"<w:p>{_mark('ins')}{run('一是抓好党建工作，')}</w:p>"
        f"<w:p>{run('全年召开党组会议')}{dele('12')}{ins('15')}{run('次。')}</w:p>"
    )
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml.replace(_paragraph_xml(FIRST), split))
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.content, c.applicable) for c in result.changes] == [
        ("拆分段落", "在“是抓好党建工作，”之后另起一段", True),
        ("修改", "12 → 15", True),
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].body == ["一是抓好党建工作，", "全年召开党组会议15次。", SECOND]


@pytest.mark.parametrize("three_way", [True, False])
def test_two_paragraphs_joined_by_striking_the_mark(tmp_path: Path, three_way: bool) -> None:
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported).replace(_paragraph_xml(FIRST), f"<w:p>{_mark('del')}{run(FIRST)}</w:p>")
    # Striking the mark after the section's last paragraph would join two parts: listed only.
    # (The export keeps that paragraph with the 落款: its own properties stay beside the mark.)
    plans = re.search(rf"<w:p><w:pPr>((?:(?!</w:pPr>).)*)</w:pPr>{re.escape(run(PLANS))}</w:p>", xml)
    assert plans is not None
    struck = _mark("del", "王处长").replace("<w:pPr>", f"<w:pPr>{plans.group(1)}")
    xml = xml.replace(plans.group(0), f"<w:p>{struck}{run(PLANS)}</w:p>")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.author, c.applicable) for c in result.changes] == [
        ("合并段落", "李主任", True),
        ("合并段落", "王处长", False),
    ]
    assert result.changes[1].reason.startswith("不再适用：审阅人把这一段与下一部分的段落合为一段")
    after = apply_changes(report, result.changes).report
    assert after.sections[0].body == [FIRST + SECOND]
    assert after.sections[2].body == [PLANS]


@pytest.mark.parametrize("three_way", [True, False])
def test_a_mark_replaced_by_a_new_one_joins_nothing(tmp_path: Path, three_way: bool) -> None:
    """Word, changing a paragraph's numbering or style with tracking on, strikes its mark and
    puts an empty paragraph with an inserted mark right after it (as in a long legal text
    where every clause was renumbered): the paragraphs stay apart, the words' edits apply."""
    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    empty_new_mark = f"<w:p>{_mark('ins')}</w:p>"
    first = run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。")
    xml = document_xml(exported).replace(_paragraph_xml(FIRST), f"<w:p>{_mark('del')}{first}</w:p>{empty_new_mark}")
    xml = xml.replace(_paragraph_xml(SECOND), f"<w:p>{_mark('del')}{run(SECOND)}</w:p>{empty_new_mark}")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.new, c.applicable) for c in result.changes] == [("修改", "12", "15", True)]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].body == ["一是抓好党建工作，全年召开党组会议15次。", SECOND]


@pytest.mark.parametrize("three_way", [True, False])
def test_the_leaders_paragraphs_in_a_draft_with_no_text_yet_open_it(tmp_path: Path, three_way: bool) -> None:
    """The clerk sent a draft of a title alone; the leader typed the text (tracked)."""
    report = replace(sample_report(), opening=[], sections=[], closing=[])
    _, exported = exported_draft(report, tmp_path)
    xml = _inserted_paragraph_after(document_xml(exported), "市委办公室：", "今年以来，我局各项工作稳步推进。")
    xml = _inserted_paragraph_after(xml, "今年以来，我局各项工作稳步推进。", "下半年，我们将继续努力。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    if not three_way:
        reviewed = _with_custom(reviewed, tmp_path / "无记录.docx", None)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.new, c.applicable, c.place) for c in result.changes] == [
        ("今年以来，我局各项工作稳步推进。", True, "开头第1段之前"), ("下半年，我们将继续努力。", True, "开头第1段之前"),
    ]
    after = apply_changes(report, result.changes).report
    assert after.opening == ["今年以来，我局各项工作稳步推进。", "下半年，我们将继续努力。"]


def test_a_paragraph_before_the_first_heading_of_a_draft_without_opening_is_its_opening(tmp_path: Path) -> None:
    report = replace(sample_report(), opening=[])
    _, exported = exported_draft(report, tmp_path)
    xml = _inserted_paragraph_after(document_xml(exported), "市委办公室：", "现将有关情况报告如下。")
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.new, c.applicable, c.place) for c in result.changes] == [("现将有关情况报告如下。", True, "开头第1段之前")]
    after = apply_changes(report, result.changes).report
    assert (after.opening, after.sections) == (["现将有关情况报告如下。"], report.sections)


def _two_children_report() -> Report:
    from core.draft.model import Section

    report = sample_report()
    report.sections[0].children = [
        Section(heading="加强班子建设", run_in=True, body=["班子成员带头学习，开展专题研讨4次。"]),
        Section(heading="推进作风建设", run_in=True, body=["深入开展调查研究，形成调研报告6篇。"]),
        Section(heading="强化督查考核", run_in=True, body=["全年开展专项督查3次。"]),
    ]
    return report


SECOND_CHILD = "（二）推进作风建设。深入开展调查研究，形成调研报告6篇。"
THIRD_CHILD = "（三）强化督查考核。全年开展专项督查3次。"


def _child_paragraph(xml: str, heading: str) -> str:
    """The whole <w:p> of the run-in heading paragraph starting with ``heading``."""
    at = xml.index(f">{heading}<")
    return xml[xml.rindex("<w:p>", 0, at) : xml.index("</w:p>", at) + len("</w:p>")]


def test_sections_swapped_without_tracking_are_listed_as_a_move(tmp_path: Path) -> None:
    report = _two_children_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    second, third = _child_paragraph(xml, "（二）推进作风建设。"), _child_paragraph(xml, "（三）强化督查考核。")
    swapped = xml.replace(second + third, third + second)
    assert swapped != xml
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", swapped)))
    (move,) = result.changes
    assert (move.kind, move.applicable, move.tracked) == ("移动", False, False)
    assert move.old in (SECOND_CHILD, THIRD_CHILD)
    assert move.reason.startswith("不再适用：审阅人移动了带序号的一节")


def test_a_section_moved_with_tracking_is_left_to_the_outline(tmp_path: Path) -> None:
    from tests.core.review_builders import move_from, move_to

    report = _two_children_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    third = _child_paragraph(xml, "（三）强化督查考核。")
    second = _child_paragraph(xml, "（二）推进作风建设。")
    moved_away = f"<w:p>{move_from(THIRD_CHILD, 'move9')}</w:p>"
    moved_here = f"<w:p><w:pPr><w:rPr><w:moveTo w:id=\"991\" w:author=\"李主任\" w:date=\"2025-07-12T09:30:00Z\"/></w:rPr></w:pPr>{move_to(THIRD_CHILD, 'move9')}</w:p>"
    xml = xml.replace(second + third, moved_here + second + moved_away)
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    # Both halves listed with what to do, as a move (never an insertion, never "序号、日期").
    assert [(c.kind, c.applicable, c.reason) for c in result.changes] == [("移动", False, MOVED_SECTION)] * 2
    assert apply_changes(report, result.changes).report.sections[0].children[2].body == ["全年开展专项督查3次。"]


def test_a_paragraph_moved_with_tracking_inside_its_list_is_moved(tmp_path: Path) -> None:
    from tests.core.review_builders import move_from, move_to

    report = sample_report()
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    moved_here = f"<w:p><w:pPr><w:rPr><w:moveTo w:id=\"992\" w:author=\"李主任\" w:date=\"2025-07-12T09:30:00Z\"/></w:rPr></w:pPr>{move_to(SECOND, 'move3')}</w:p>"
    xml = xml.replace(_paragraph_xml(FIRST) + _paragraph_xml(SECOND), moved_here + _paragraph_xml(FIRST) + f"<w:p>{move_from(SECOND, 'move3')}</w:p>")
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.kind, c.applicable) for c in result.changes] == [("移动", True), ("移动", True)]
    assert apply_changes(report, result.changes).report.sections[0].body == [SECOND, FIRST]


def _report_fields_copy(tmp_path: Path) -> tuple[Report, Path, Path]:
    """The leader's changes to the report's own fields: the title without tracking, the
    主送机关 and the 抄送 with it, the 成文日期 (10→12, tracked, inside the printed date) and
    the 印发日期 typed over."""
    report = sample_report()
    report.copy_to, report.printer, report.print_date = "市发改委", "某某局办公室", "2025-07-11"
    draft_path, exported = exported_draft(report, tmp_path)
    xml = edit_run(document_xml(exported), "某某局2025年上半年工作总结", "某某局2025年上半年工作情况总结")
    xml = replace_runs(xml, "市委办公室：", run("市委") + ins("、市政府") + run("办公室："))
    xml = replace_runs(xml, "2025年7月10日", run("2025年7月") + dele("10") + ins("12") + run("日"))
    xml = edit_run(xml, "2025年7月11日印发", "2025年7月15日印发")
    xml = replace_runs(xml, "抄送：市发改委。", run("抄送：市发改委") + ins("、市财政局") + run("。"))
    return report, draft_path, write_reviewed(exported, tmp_path / "审阅.docx", xml)


def test_report_fields_and_printed_dates_are_changes_of_their_fields(tmp_path: Path) -> None:
    report, _draft_path, reviewed = _report_fields_copy(tmp_path)
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.field, c.old, c.new, c.tracked, c.applicable, c.place) for c in result.changes] == [
        ("title", "", "情况", False, True, "标题第14字"),
        ("addressee", "", "、市政府", True, True, "主送机关第3字"),
        ("date", "2025-07-10", "2025-07-12", True, True, "成文日期"),
        ("copy_to", "", "、市财政局", True, True, "抄送机关第5字"),
        ("print_date", "2025-07-11", "2025-07-15", False, True, "印发日期"),
    ]
    assert result.changes[2].content == "2025年7月10日 → 2025年7月12日"
    after = apply_changes(report, result.changes).report
    assert (after.title, after.addressee, after.date, after.copy_to, after.printer, after.print_date) == (
        "某某局2025年上半年工作情况总结", "市委、市政府办公室", "2025-07-12", "市发改委、市财政局", "某某局办公室",
        "2025-07-15",
    )


def test_a_printed_date_the_clerk_changed_too_is_a_conflict(tmp_path: Path) -> None:
    report, _draft_path, reviewed = _report_fields_copy(tmp_path)
    report.date = "2025-07-20"
    (dated,) = [c for c in review_copy(report, read_reviewed(reviewed)).changes if c.field == "date"]
    assert (dated.conflict, dated.draft_text, dated.leader_text) == (True, "2025-07-20", "2025-07-12")
    assert apply_changes(report, [settled(dated, TAKE_LEADER)]).report.date == "2025-07-12"


def test_the_report_fields_are_marked_for_the_report_form(tmp_path: Path) -> None:
    from core.review.markup import DELETED, INSERTED, marked_section

    report, _draft_path, reviewed = _report_fields_copy(tmp_path)
    marked = marked_section(report, "", review_copy(report, read_reviewed(reviewed)).changes)
    assert [(p.field, [(s.text, s.mark) for s in p.segments]) for p in marked] == [
        ("title", [("某某局2025年上半年工作", ""), ("情况", INSERTED), ("总结", "")]),
        ("addressee", [("市委", ""), ("、市政府", INSERTED), ("办公室", "")]),
        ("copy_to", [("市发改委", ""), ("、市财政局", INSERTED)]),
        ("date", [("2025年7月10日", DELETED), ("2025年7月12日", INSERTED)]),
        ("print_date", [("2025年7月11日", DELETED), ("2025年7月15日", INSERTED)]),
    ]


def test_tables_stay_after_their_paragraph_when_the_body_is_split_joined_added_or_cut() -> None:
    from core.draft.model import Section
    from core.draft.tables import Table
    from core.review.change import JOIN_MARK, PARAGRAPH_BREAK, ReviewChange

    def section() -> Report:
        return Report(sections=[Section(
            heading="情况", body=["甲一甲二。", "乙。", "丙。"],
            tables=[Table(rows=[["表"]], after_body=2), Table(rows=[["首"]], after_body=0)],
        )])

    def made(report: Report, **values: object) -> tuple[list[str], list[int | None]]:
        sid = report.sections[0].id
        fields: dict[str, object] = {"old": "", "new": ""} | values
        change = ReviewChange(id="1", kind="修改", author="", date="", section_id=sid, field="body",
                              **fields)  # type: ignore[arg-type]
        done = apply_changes(report, [change]).report.sections[0]
        return done.body, [t.after_body for t in done.tables]

    split = made(section(), index=0, start=2, end=2, new=PARAGRAPH_BREAK)
    assert split == (["甲一", "甲二。", "乙。", "丙。"], [3, 0])
    joined = made(section(), index=0, start=5, end=5, new=JOIN_MARK)
    assert joined == (["甲一甲二。乙。", "丙。"], [1, 0])
    added = made(section(), index=1, new="新。", new_paragraph=True)
    assert added == (["甲一甲二。", "乙。", "新。", "丙。"], [3, 0])
    cut = made(section(), index=0, start=0, end=5, old="甲一甲二。")
    assert cut == (["乙。", "丙。"], [1, 0])


def test_a_table_row_struck_out_goes_with_its_cells(tmp_path: Path) -> None:
    from core.draft.tables import Table

    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "次数"], ["培训", "12"], ["会议", "3"]])]
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    row_start = xml.rindex("<w:trPr><w:cantSplit/></w:trPr>", 0, xml.index(run("会议")))
    row_end = xml.index("</w:tr>", row_start)
    row = xml[row_start:row_end].replace(run("会议"), dele("会议")).replace(run("3"), dele("3"))
    row = row.replace("<w:cantSplit/>", '<w:cantSplit/><w:del w:id="900" w:author="李主任" w:date="2025-07-12T09:30:00Z"/>')
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:row_start] + row + xml[row_end:])
    result = review_copy(report, read_reviewed(reviewed))
    assert [(c.kind, c.old, c.applicable) for c in result.changes] == [("删除表格行", "会议", True), ("删除表格行", "3", True)]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows == [["项目", "次数"], ["培训", "12"]]
    # Only one cell accepted: the row stays, that cell emptied.
    one = apply_changes(report, result.changes[:1]).report
    assert one.sections[0].tables[0].rows == [["项目", "次数"], ["培训", "12"], ["", "3"]]


def test_words_put_in_after_a_space_the_draft_does_not_keep(tmp_path: Path) -> None:
    """The leader's copy ends a paragraph with a blank and inserts after it (Word keeps the
    space typed before the insertion): the words go in after the draft's last character,
    the blank with them."""
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = replace_runs(document_xml(exported), PLANS, run(PLANS + " ") + ins("Also this."))
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.old, c.new, c.applicable) for c in result.changes] == [("", " Also this.", True)]
    assert apply_changes(report, result.changes).report.sections[2].body == [PLANS + " Also this."]


def test_a_table_the_leader_added_with_tracking_goes_after_its_paragraph(tmp_path: Path) -> None:
    """Word writes an inserted table as rows whose every cell's text is a tracked insertion."""
    report = sample_report()
    report.sections[2].body.append("具体安排如下。")
    _draft_path, exported = exported_draft(report, tmp_path)

    def cell(text: str) -> str:
        return f"<w:tc><w:p>{ins(text)}</w:p></w:tc>"

    inserted_row = '<w:trPr><w:ins w:id="901" w:author="李主任" w:date="2025-07-12T09:30:00Z"/></w:trPr>'
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             + "".join(f"<w:tr>{inserted_row}{cell(a)}{cell(b)}</w:tr>" for a, b in (("任务", "时限"), ("调研", "9月")))
             + "</w:tbl>")
    xml = add_paragraph_after(document_xml(exported), PLANS, table)
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    (added,) = result.changes
    assert (added.kind, added.content, added.applicable, added.place) == (
        "新增表格", "新增表格（2行）：任务、时限", True, "三、下半年工作打算 正文第1段之后",
    )
    after = apply_changes(report, result.changes).report.sections[2]
    assert [(t.rows, t.after_body) for t in after.tables] == [([["任务", "时限"], ["调研", "9月"]], 1)]
    assert after.body == [PLANS, "具体安排如下。"]


def test_cells_of_several_paragraphs_change_line_by_line(tmp_path: Path) -> None:
    """A cell of two paragraphs: the leader edits the second and adds a third (Word writes an
    added paragraph in a cell as one whose mark is a tracked insertion)."""
    from core.draft.tables import Table

    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "说明"], ["培训", "全年12次\n覆盖全员"]])]
    _draft_path, exported = exported_draft(report, tmp_path)
    # The export writes each line of the cell as a paragraph of its own, as Word does.
    second = run("覆盖") + dele("全员") + ins("全体干部") + "</w:p>"
    added = ('<w:p><w:pPr><w:rPr><w:ins w:id="902" w:author="李主任" w:date="2025-07-12T09:30:00Z"/></w:rPr></w:pPr>'
             + ins("考核合格"))
    xml = replace_runs(document_xml(exported), "覆盖全员", second + added)
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.old, c.new, c.applicable) for c in result.changes] == [
        ("全员", "全体干部", True), ("", "\n考核合格", True),
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows[1] == ["培训", "全年12次\n覆盖全体干部\n考核合格"]


def test_blanks_at_the_edge_of_a_text_without_preserve_are_not_read(tmp_path: Path) -> None:
    """Word (and LibreOffice) drop blanks at the edges of a w:t without xml:space="preserve"."""
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    markup = ('<w:r><w:t>围绕中心工作， </w:t></w:r>'
              '<w:ins w:id="903" w:author="李主任" w:date="2025-07-12T09:30:00Z"><w:r><w:t> 扎实</w:t></w:r></w:ins>'
              '<w:r><w:t xml:space="preserve"> 抓好各项任务落实。</w:t></w:r>')
    xml = replace_runs(document_xml(exported), PLANS, markup)
    document = read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml))
    (paragraph,) = [p for p in document.paragraphs if "任务落实" in p.original]
    assert (paragraph.original, paragraph.accepted) == ("围绕中心工作， 抓好各项任务落实。", "围绕中心工作，扎实 抓好各项任务落实。")


def test_new_paragraphs_before_and_after_a_table_at_the_start_of_a_section(tmp_path: Path) -> None:
    """A table placed right after its heading: a paragraph the leader typed between the heading
    and the table goes before it, one typed after the table after it."""
    from core.draft.tables import Table

    report = sample_report()
    report.sections[2].tables = [Table(rows=[["任务", "时限"], ["调研", "9月"]], after_body=0)]
    _draft_path, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    heading_end = xml.index("</w:p>", xml.index(run("三、下半年工作打算"))) + len("</w:p>")
    table_end = xml.index("</w:tbl>", heading_end) + len("</w:tbl>")
    xml = (xml[:heading_end] + inserted_paragraph("表前说明。") + xml[heading_end:table_end]
           + inserted_paragraph("表后说明。") + xml[table_end:])
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.new, c.index, c.before_tables, c.applicable) for c in result.changes] == [
        ("表前说明。", -1, True, True), ("表后说明。", -1, False, True),
    ]
    after = apply_changes(report, result.changes).report.sections[2]
    assert after.body == ["表前说明。", "表后说明。", PLANS]
    assert [t.after_body for t in after.tables] == [1]


def test_a_page_break_the_copy_carries_in_a_new_paragraph_is_no_text(tmp_path: Path) -> None:
    """LibreOffice, saving a copy again, moves the page break before the 版记 into the
    paragraph before it: a new paragraph there is its words alone."""
    report = sample_report()
    _draft_path, exported = exported_draft(report, tmp_path)
    new = ('<w:p><w:pPr><w:rPr><w:ins w:id="904" w:author="李主任" w:date="2025-07-12T09:30:00Z"/></w:rPr></w:pPr>'
           + ins("同时，认真谋划明年工作。") + '<w:r><w:br w:type="page"/></w:r></w:p>')
    xml = add_paragraph_after(document_xml(exported), PLANS, new)
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    assert [(c.new, c.applicable) for c in result.changes] == [("同时，认真谋划明年工作。", True)]


LONG_TITLE = "某某局关于深入推进基层党建质量过硬行动和人才强区战略2025年上半年工作总结"


@pytest.mark.parametrize("tracked", [True, False])
@pytest.mark.parametrize("record", [True, False])
def test_the_exports_own_line_breaks_in_a_long_title_are_no_change_of_the_leaders(
    tmp_path: Path, tracked: bool, record: bool
) -> None:
    # The export breaks a title too long for one line (GB/T 9704 7.3.3), a notice's title too;
    # the copy shows those breaks, which no stored line holds. Only the leader's word is a
    # change, and accepting it leaves the titles unbroken (random clerk, seed 169).
    report = sample_report()
    report.title = LONG_TITLE
    report.cover = notice_paragraphs(report)
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    assert xml.count("<w:br/>") == 3  # the title on two lines, the notice's on three
    xml = xml.replace("人才强区战略", "人才兴区战略")  # typed over, no 修订: the titles and the notice's text
    if tracked:
        xml = replace_runs(xml, FIRST, run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"))
    document = read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml))
    if not record:  # no record of the export here, and the clerk wrote on: matched by text
        sent = sent_file(document.sent_id)
        assert sent is not None
        sent.unlink()
        report.closing = [CLOSING + "（拟稿人导出后加的）"]
    result = review_copy(report, document)
    renamed = [("修改", field, "强区", "兴区") for field in ("cover", "cover", "title")]
    listed = [(c.kind, c.field, c.old, c.new) for c in result.changes]
    if record:
        assert listed == renamed + ([("修改", "body", "12", "15")] if tracked else [])
    elif tracked:  # untracked words cannot be told from the clerk's (the note says so)
        assert listed == [("修改", "body", "12", "15")]
    else:  # an untracked copy: every difference is listed, the clerk's later words among them
        assert listed == [*renamed, ("删除", "closing", "（拟稿人导出后加的）", "")]
    after = apply_changes(report, [c for c in result.changes if c.field != "closing"]).report
    if record or not tracked:
        assert after.title == LONG_TITLE.replace("强区", "兴区")
        assert after.cover[0] == f"关于印发《{after.title}》的通知"
        assert after.cover[2].startswith(f"现将《{after.title}》印发给你们")
    assert "\n" not in after.title and all("\n" not in line for line in after.cover)


_TITLE_RUN = (
    '<w:r><w:t xml:space="preserve">某某局关于深入推进基层党建质量过硬行动</w:t><w:br/>'
    '<w:t xml:space="preserve">和人才强区战略2025年上半年工作总结</w:t></w:r>'
)


@pytest.mark.parametrize(
    ("marked", "listed", "title"),
    [
        (  # struck out across the export's break
            run("某某局关于深入推进基层党建质量过硬") + dele("行动\n和").replace("\n", "</w:delText><w:br/><w:delText>")
            + run("人才强区战略2025年上半年工作总结"),
            [("删除", "行动和", "")],
            "某某局关于深入推进基层党建质量过硬人才强区战略2025年上半年工作总结",
        ),
        (  # the title broken elsewhere with tracking on (Shift+Enter, the old break struck out): layout only
            run("某某局关于深入推进基层党建质量") + ins("\n").replace("<w:t xml:space=\"preserve\">\n</w:t>", "<w:br/>")
            + run("过硬行动") + dele("\n").replace("<w:delText xml:space=\"preserve\">\n</w:delText>", "<w:br/>")
            + run("和人才强区战略2025年上半年工作总结"),
            [],
            LONG_TITLE,
        ),
        (  # a comment over the break, a word after it replaced
            comment_start(1) + _TITLE_RUN.replace("和人才强区战略2025年上半年工作总结", "和人才") + comment_end(1)
            + dele("强区") + ins("兴区") + run("战略2025年上半年工作总结"),
            [("修改", "强区", "兴区"), ("批注", "某某局关于深入推进基层党建质量过硬行动和人才", "请斟酌。")],
            LONG_TITLE.replace("强区", "兴区"),
        ),
    ],
    ids=["deleted-across", "re-broken", "comment-across"],
)
def test_tracked_changes_in_a_title_the_export_broke_are_placed_on_its_words(
    tmp_path: Path, marked: str, listed: list[tuple[str, str, str]], title: str
) -> None:
    report = sample_report()
    report.title = LONG_TITLE
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    assert xml.count(_TITLE_RUN) == 1
    xml = xml.replace(_TITLE_RUN, marked)
    comments = [CommentSpec(1, "王处长", "请斟酌。")] if "commentRangeStart" in marked else []
    document = read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml, comments))
    result = review_copy(report, document)
    assert [(c.kind, c.old, c.new) for c in result.changes] == listed
    assert all(c.applicable and c.field == "title" for c in result.changes)
    assert apply_changes(report, result.changes).report.title == title
