"""render → the leader marks it up in Word markup → review --accept-all → render: the leader's text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cli.main import main
from core.draft.draft_file import load_draft, save_draft
from core.importing.readers import read_paragraphs
from core.text.plaintext import report_paragraphs
from tests.core.review_builders import (
    render_draft,
    sample_report,
)

# What the leader's copy says with every change accepted, written out by hand.
LEADER_TEXT = [
    "某某局2025年上半年工作总结",
    "市委办公室：",
    "今年以来，我局认真贯彻落实市委决策部署，各项工作稳步推进。",
    "一、主要工作成效",
    "一是抓好党建工作，全年召开党组会议15次。",
    "二是推进项目建设，完成投资3亿元。",
    "（一）加强班子建设。班子成员率先垂范、带头学习，开展专题研讨4次。",
    "二、存在的问题",
    "一是基层基础仍然薄弱。",
    "二是人才队伍结构有待优化。",
    "三、下半年工作打算",
    "抓好各项任务落实。",
    "同时，认真谋划明年工作。",
    "下半年，我们将确保继续努力，完成全年目标任务。",
    "某某局",
    "2025年7月10日",
]

EXPECTED_LISTING = [
    "一、主要工作成效 正文第1段第18字\t修改\t李主任\t12 → 15",
    "一、主要工作成效 正文第2段第12字\t删除\t王处长\t固定资产 →",
    "一、主要工作成效 / （一）加强班子建设 正文第1段第5字\t插入\t王处长\t→ 率先垂范、",
    "二、存在的问题 标题\t修改\t王处长\t（格式修改）二、存在的问题",
    "二、存在的问题 要点第2点第7字\t修改\t王处长\t不够优化 → 有待优化",
    "三、下半年工作打算 正文第1段第1字\t删除\t李主任\t围绕中心工作， →",
    "三、下半年工作打算 正文第1段之后\t插入\t李主任\t新增段落：同时，认真谋划明年工作。",
    "结尾第1段第8字\t移动\t李主任\t继续努力， →",
    "结尾第1段第15字\t移动\t李主任\t→ 继续努力，",
    "一、主要工作成效 正文第2段第18字\t批注\t王处长\t“3亿元”：请核实投资数据。",
    "三、下半年工作打算 正文第1段第1字\t批注\t李主任\t“围绕中心工作，”：这句删去，太空泛。",
    "三、下半年工作打算 正文第1段第8字\t批注\t李主任\t“抓好各项任务落实”：要写具体措施。（王处长回复：已按意见补充。）",
]


def test_listing_one_change_per_line(
    reviewed_case: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    draft, reviewed = reviewed_case
    assert main(["review", str(draft), str(reviewed)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == EXPECTED_LISTING
    # No record of the export (rendered, not exported), but the copy carries the digest of the
    # sent words and the draft still has them: merged against the draft as the sent version.
    assert "100% 的段落与导出时的版本对应" in out.err


def test_accept_all_gives_the_leaders_text(reviewed_case: tuple[Path, Path], tmp_path: Path) -> None:
    draft, reviewed = reviewed_case
    # Word's accepted text, as the importer reads it (independent of core.review).
    assert read_paragraphs(reviewed) == LEADER_TEXT
    out = tmp_path / "接受后.draft.json"
    assert main(["review", str(draft), str(reviewed), "--accept-all", "-o", str(out)]) == 0
    accepted = load_draft(out)
    assert report_paragraphs(accepted) == LEADER_TEXT
    rendered = render_draft(accepted, tmp_path / "接受后.docx")
    assert read_paragraphs(rendered) == LEADER_TEXT
    notes = {section.heading: section.notes for _, section in accepted.walk()}
    assert notes["主要工作成效"] == ["王处长（2025-07-12）批注“3亿元”：请核实投资数据。"]
    assert notes["下半年工作打算"] == [
        "李主任（2025-07-12）批注“围绕中心工作，”：这句删去，太空泛。",
        "李主任（2025-07-12）批注“抓好各项任务落实”：要写具体措施。（王处长回复：已按意见补充。）",
    ]
    assert notes["存在的问题"] == [] and notes["加强班子建设"] == []
    # The notes survive saving and loading; the original draft is untouched.
    assert load_draft(draft).sections[0].notes == []


def test_change_table(reviewed_case: tuple[Path, Path], tmp_path: Path) -> None:
    draft, reviewed = reviewed_case
    table_path = tmp_path / "修改对照表.docx"
    assert main(["review", str(draft), str(reviewed), "--table", str(table_path)]) == 0
    table = docx.Document(str(table_path)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "位置", "原文", "修改后", "审阅人"]
    assert rows[1] == ["1", "一、主要工作成效 正文第1段第18字（修改）", "12", "15", "李主任"]
    assert rows[2] == ["2", "一、主要工作成效 正文第2段第12字（删除）", "固定资产", "（删除）", "王处长"]
    assert rows[11][3] == "（批注）这句删去，太空泛。\n【待处理】"  # a comment not yet handled says so
    assert len(rows) == 1 + len(EXPECTED_LISTING)


def test_no_changes_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    exported = render_draft(report, tmp_path / "报告.docx")
    assert main(["review", str(draft), str(exported)]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("backwards", [False, True])
def test_accepting_one_at_a_time_gives_the_same_text(
    reviewed_case: tuple[Path, Path], backwards: bool
) -> None:
    # The window accepts changes one by one: earlier edits in a slot move later offsets.
    from core.review.apply import apply_changes
    from core.review.changes import review_changes
    from core.review.revisions import read_reviewed

    draft, reviewed = reviewed_case
    report = load_draft(draft)
    changes = review_changes(report, read_reviewed(reviewed)).changes
    for change in reversed(changes) if backwards else changes:
        outcome = apply_changes(report, [change])
        assert outcome.applied == [change.id]
        report = outcome.report
    assert report_paragraphs(report) == LEADER_TEXT
