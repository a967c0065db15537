"""Hostile suite: careless output paths. Nothing the clerk did not name as the output is
replaced: not the input, not the template, not a non-draft file, not via the （上一版） copy."""

from __future__ import annotations

import os
from pathlib import Path

from tests.core.hostile_support import (
    assert_clear_refusal,
    assert_success,
    changed_files,
    good_report,
    run_cli,
    snapshot,
    write_draft,
)
from tests.docx_builders import write_typed_docx


def _report_docx(tmp_path: Path) -> Path:
    return write_typed_docx(tmp_path / "去年.docx", ["某局2024年工作总结", "一、主要工作", "（一）抓学习。", "二、下步打算"])


def test_import_to_a_notes_file_keeps_the_notes(tmp_path: Path) -> None:
    source = _report_docx(tmp_path)
    notes = tmp_path / "notes.md"
    notes.write_text("我的笔记\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("import", source, "-o", notes)
    assert_success(result)
    assert changed_files(before, snapshot(tmp_path)) == {"notes.md.draft.json"}
    assert notes.read_text(encoding="utf-8") == "我的笔记\n"


def test_import_refuses_an_existing_file_that_is_not_a_draft(tmp_path: Path) -> None:
    source = _report_docx(tmp_path)
    other = tmp_path / "配置.draft.json"
    other.write_text('{"setting": true}\n', encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("import", source, "-o", other)
    assert_clear_refusal(result, "配置.draft.json", "不是报告起草助手的草稿")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_import_over_an_existing_draft_keeps_a_backup(tmp_path: Path) -> None:
    source = _report_docx(tmp_path)
    draft = write_draft(tmp_path / "旧.draft.json", good_report())
    old = draft.read_bytes()
    assert_success(run_cli("import", source, "-o", draft))
    assert (tmp_path / "旧.draft.json.bak").read_bytes() == old
    assert draft.read_bytes() != old


def test_import_into_a_folder_is_refused(tmp_path: Path) -> None:
    source = _report_docx(tmp_path)
    (tmp_path / "文件夹.draft.json").mkdir()
    result = run_cli("import", source, "-o", tmp_path / "文件夹.draft.json")
    assert_clear_refusal(result, "文件夹")


def test_render_refuses_to_write_over_its_template(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    template = tmp_path / "模板.docx"
    assert_success(run_cli("render", draft, "-o", template))
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "--template", template, "-o", template)
    assert_clear_refusal(result, "输出文件就是模板")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_render_refuses_a_hard_link_to_its_template(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    template = tmp_path / "模板.docx"
    assert_success(run_cli("render", draft, "-o", template))
    os.link(template, tmp_path / "别名.docx")
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "--template", template, "-o", tmp_path / "别名.docx")
    assert_clear_refusal(result, "输出文件就是模板")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_render_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    source = _report_docx(tmp_path)
    before = snapshot(tmp_path)
    result = run_cli("render", source, "-o", source)
    assert_clear_refusal(result, "输出文件就是输入文件")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_render_refuses_when_the_previous_version_copy_is_the_input(tmp_path: Path) -> None:
    source = write_typed_docx(tmp_path / "报告（上一版）.docx", ["某局工作总结", "一、主要工作"])
    (tmp_path / "报告.docx").write_bytes(b"an older export")
    before = snapshot(tmp_path)
    result = run_cli("render", source, "-o", tmp_path / "报告.docx")
    assert_clear_refusal(result, "报告（上一版）.docx", "会被覆盖")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_render_keeps_the_previous_export(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    out = tmp_path / "报告.docx"
    out.write_bytes(b"edited by hand in Word")
    assert_success(run_cli("render", draft, "-o", out))
    assert (tmp_path / "报告（上一版）.docx").read_bytes() == b"edited by hand in Word"
    assert changed_files({}, snapshot(tmp_path)) >= {"报告.docx", "报告（上一版）.docx"}


def test_new_refuses_to_replace_its_prior_draft(tmp_path: Path) -> None:
    prior = write_draft(tmp_path / "去年.draft.json", good_report())
    before = snapshot(tmp_path)
    result = run_cli("new", "--from", prior, "-o", prior)
    assert_clear_refusal(result, "输出文件就是往年报告")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_new_refuses_an_existing_file_that_is_not_a_draft(tmp_path: Path) -> None:
    target = tmp_path / "清单.draft.json"
    target.write_text("[1, 2, 3]\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("new", "--kind", "annual_keypoints", "-o", target)
    assert_clear_refusal(result, "不是报告起草助手的草稿")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_render_refuses_to_write_over_an_attachment(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    attachment = write_typed_docx(tmp_path / "附件.docx", ["完成情况表", "一、已完成"])
    before = snapshot(tmp_path)
    result = run_cli("render", draft, "--attach", attachment, "-o", attachment)
    assert_clear_refusal(result, "输出文件就是附件")
    assert changed_files(before, snapshot(tmp_path)) == set()
