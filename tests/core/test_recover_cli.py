"""``python main.py recover``: list and write out work a killed window left unsaved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Report, Section
from tests.conftest import PROJECT_ROOT
from tests.core.test_cli_import import run

# A window's session that journals one edit and dies without closing (like a SIGKILL).
CRASHING_SESSION = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from core.draft.draft_file import read_draft
from core.draft.journal import section_record
from core.draft.session import Session

draft = Path({draft!r})
report, sha = read_draft(draft)
session = Session()
session.remember_disk(draft, sha)
session.start_journal(draft, report.title)
report.sections[0].body.append("崩溃前输入、尚未保存的一段。")
session.journal([section_record(report.sections[0])])
os._exit(0)
"""


def _crash_while_editing(draft: Path) -> None:
    script = CRASHING_SESSION.format(root=str(PROJECT_ROOT), draft=str(draft))
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_nothing_to_recover_exits_1_in_chinese() -> None:
    result = run("recover")
    assert result.returncode == 1
    assert result.stdout.startswith("没有需要恢复的草稿")
    assert result.stderr == ""


def test_lists_and_writes_the_recovered_draft(tmp_path: Path) -> None:
    draft = tmp_path / "上半年总结.draft.json"
    save_draft(Report(title="2024年上半年工作总结", sections=[Section(heading="一、工作", body=["原有。"])]), draft)
    before = draft.read_bytes()
    _crash_while_editing(draft)

    listed = run("recover")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "以下 1 份草稿有程序意外关闭时尚未保存的修改："
    assert lines[1].startswith("1. 上半年总结.draft.json\t最后修改于 ") and lines[1].endswith(str(draft))

    out = tmp_path / "恢复的"
    written = run("recover", draft, "-o", out)
    assert written.returncode == 0, written.stderr
    recovered = load_draft(tmp_path / "恢复的.draft.json")
    assert recovered.sections[0].body == ["原有。", "崩溃前输入、尚未保存的一段。"]
    assert draft.read_bytes() == before  # the draft itself is not touched
    by_number = run("recover", "1", "-o", tmp_path / "按序号.draft.json")
    assert by_number.returncode == 0
    assert load_draft(tmp_path / "按序号.draft.json").sections[0].body == recovered.sections[0].body


def test_unknown_draft_exits_1_and_needs_output(tmp_path: Path) -> None:
    missing = run("recover", tmp_path / "没有.draft.json", "-o", tmp_path / "x.draft.json")
    assert missing.returncode == 1
    assert "没有需要恢复的修改" in missing.stdout
    no_output = run("recover", "1")
    assert no_output.returncode == 2
    assert "请用 -o 指定" in no_output.stderr


def test_refuses_to_overwrite_a_file_that_is_not_a_draft(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(Report(title="x", sections=[Section(heading="一、工作")]), draft)
    _crash_while_editing(draft)
    other = tmp_path / "别人的.draft.json"
    other.write_text("不是草稿的内容", encoding="utf-8")
    result = run("recover", draft, "-o", other)
    assert result.returncode == 2
    assert "不是报告起草助手的草稿，不会覆盖它" in result.stderr
    assert other.read_text(encoding="utf-8") == "不是草稿的内容"
